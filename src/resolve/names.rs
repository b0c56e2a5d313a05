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

/// "did you mean `x`?" for the closest name within a small edit distance (a third of the
/// name's length, at least 1). Candidates whose length alone puts them out of reach are
/// skipped, and each distance is abandoned as soon as it exceeds the limit, so a query costs
/// little more than a pass over the names.
pub fn did_you_mean(name: &str, candidates: &[&str]) -> Option<String> {
    let query: Vec<char> = name.chars().collect();
    let limit = (query.len() / 3).max(1);
    let mut best: Option<(usize, &str)> = None;
    let mut row = Vec::new();
    for &c in candidates {
        // A char count differs from the byte length by at most a factor of 4.
        if c.len() + 4 * limit < query.len() || c.len() > 4 * (query.len() + limit) {
            continue;
        }
        let within = best.map_or(limit, |(d, _)| d);
        if let Some(d) = bounded_levenshtein(&query, c, within, &mut row) {
            if best.is_none_or(|(bd, bc)| (d, c) < (bd, bc)) {
                best = Some((d, c));
            }
        }
    }
    best.map(|(_, c)| format!("did you mean `{c}`?"))
}

/// The edit distance of `a` and `b` if it is at most `limit`.
fn bounded_levenshtein(a: &[char], b: &str, limit: usize, row: &mut Vec<usize>) -> Option<usize> {
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    row.clear();
    row.extend(0..=b.len());
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        let mut smallest = row[0];
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            smallest = smallest.min(row[j + 1]);
            prev = cur;
        }
        if smallest > limit {
            return None;
        }
    }
    (row[b.len()] <= limit).then_some(row[b.len()])
}
