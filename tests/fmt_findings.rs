//! Regression tests for the formatter findings of `../shared/findings/` (02-05): a statement
//! split by comments was refused, a comment moved past a citation (and the output was then
//! refused), repeated comment text made the formatter not idempotent, and a trailing U+3000
//! in a comment was dropped. Copies of the inputs are in `tests/fixtures/findings/fmt/`.

use agon::format::format;
use agon::syntax::lexer;

/// Tokens and comments in source order, comments without trailing ASCII blanks.
fn content(text: &str) -> Vec<String> {
    let (tokens, comments) = lexer::lex(text);
    let mut pieces: Vec<(usize, String)> = tokens
        .iter()
        .map(|(s, t, _)| (*s, format!("{t:?}")))
        .collect();
    pieces.extend(comments.iter().map(|c| {
        (
            c.start,
            c.text.trim_end_matches([' ', '\t', '\r']).to_string(),
        )
    }));
    pieces.sort_by_key(|p| p.0);
    pieces.into_iter().map(|p| p.1).collect()
}

#[test]
fn every_formatter_finding_formats_idempotently_keeping_tokens_and_comments_in_order() {
    let dir = format!("{}/tests/fixtures/findings/fmt", env!("CARGO_MANIFEST_DIR"));
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let once = format(&text).unwrap_or_else(|| panic!("{}: refused", path.display()));
        assert_eq!(content(&once), content(&text), "{}", path.display());
        let twice =
            format(&once).unwrap_or_else(|| panic!("{}: refused its own output", path.display()));
        assert_eq!(twice, once, "{}: not idempotent", path.display());
        seen += 1;
    }
    assert!(seen >= 8, "{seen} inputs");
}

#[test]
fn finding_05_unicode_space_at_the_end_of_a_comment_is_kept() {
    let text = "claim a \"A.\". // trailing \u{3000}\n";
    let out = format(text).unwrap();
    assert!(out.contains("// trailing \u{3000}"), "{out:?}");
}

#[test]
fn finding_02_a_statement_split_by_two_comment_lines_keeps_them_inside() {
    let text = "claim a \"A.\". claim b \"B.\". claim c \"C.\".\nschool s \"S\" {\n    premise b. premise c.\n    a usually follows from b, // first reason\n    // second reason\n    c.\n}\n";
    let out = format(text).unwrap();
    let first = out.find("// first reason").unwrap();
    let second = out.find("// second reason").unwrap();
    let c = out.find("    c.").unwrap();
    assert!(first < second && second < c, "{out}");
}
