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
    did_you_mean_in(name, candidates.iter().copied())
}

/// [`did_you_mean`] over any sequence of names (no list need be built). Names are ASCII in
/// practice (the language's names are), and then compared as bytes.
pub fn did_you_mean_in<'c>(
    name: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<String> {
    let query: Vec<char> = name.chars().collect();
    let limit = (query.len() / 3).max(1);
    let mut best: Option<(usize, &str)> = None;
    let (mut row, mut chars) = (Vec::new(), Vec::new());
    for c in candidates {
        let within = best.map_or(limit, |(d, _)| d);
        let distance = if name.is_ascii() && c.is_ascii() {
            bounded_levenshtein(name.as_bytes(), c.as_bytes(), within, &mut row)
        } else {
            chars.clear();
            chars.extend(c.chars());
            bounded_levenshtein(&query, &chars, within, &mut row)
        };
        if let Some(d) = distance {
            if best.is_none_or(|(bd, bc)| (d, c) < (bd, bc)) {
                best = Some((d, c));
            }
        }
    }
    best.map(|(_, c)| format!("did you mean `{c}`?"))
}

/// Many names laid out in one buffer, for repeated "did you mean" queries: scanning it touches
/// memory in order instead of chasing one pointer per name.
#[derive(Default)]
pub struct Names {
    blob: String,
    ends: Vec<usize>,
}

impl Names {
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        let mut out = Names::default();
        for n in names {
            out.blob.push_str(n);
            out.ends.push(out.blob.len());
        }
        out
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts.zip(self.ends.iter()).map(|(s, &e)| &self.blob[s..e])
    }

    pub fn suggest(&self, name: &str) -> Option<String> {
        did_you_mean_in(name, self.iter())
    }
}

/// The edit distance of `a` and `b` if it is at most `limit` (abandoned as soon as a whole
/// row exceeds it).
fn bounded_levenshtein<T: PartialEq>(
    a: &[T],
    b: &[T],
    limit: usize,
    row: &mut Vec<usize>,
) -> Option<usize> {
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
