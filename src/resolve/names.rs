//! Names as users write them: BibTeX entries read as sources, and "did you mean" for
//! unknown names (bounded edit distance).

/// Entries of a BibTeX file: `@type{key, ... title = {...} ...}` as (key, short reference).
pub fn bibtex_entries(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for chunk in text.split('@').skip(1) {
        let Some((kind, rest)) = chunk.split_once('{') else {
            continue;
        };
        if kind.trim().eq_ignore_ascii_case("comment") || kind.trim().eq_ignore_ascii_case("string")
        {
            continue;
        }
        let Some((key, body)) = rest.split_once(',') else {
            continue;
        };
        let lower = body.to_ascii_lowercase();
        // The value of `name = {...}` or `name = "..."` (the first occurrence followed by `=`).
        let field = |name: &str| {
            lower.match_indices(name).find_map(|(at, _)| {
                let value = body[at + name.len()..]
                    .trim_start()
                    .strip_prefix('=')?
                    .trim_start();
                let value = value
                    .strip_prefix('{')
                    .or_else(|| value.strip_prefix('"'))?;
                let end = value.find(['}', '"'])?;
                Some(value[..end].to_string())
            })
        };
        let reference = [field("author"), field("year"), field("title")]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
        out.push((key.trim().to_string(), reference));
    }
    out
}

/// "did you mean `x`?" for the closest name within a small edit distance.
pub fn did_you_mean(name: &str, candidates: &[&str]) -> Option<String> {
    let limit = (name.chars().count() / 3).max(1);
    candidates
        .iter()
        .map(|c| (levenshtein(name, c), *c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| format!("did you mean `{c}`?"))
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}
