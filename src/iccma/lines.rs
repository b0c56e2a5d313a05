//! The line structure both ICCMA 2023 formats share: a header `p KIND N`, then one statement
//! per line as whitespace-separated tokens, with `#` comment lines and blank lines skipped.
//! Owns tokens and their spans, the header, and reading numbers and 1-based ids; what a line
//! means is for `af` and `aba`. Accepts CRLF line ends, trailing spaces and tabs, and a
//! missing final newline.

use super::{Kind, MAX_SIZE};
use crate::diagnostic::Diagnostic;
use crate::source::{FileId, Span};

/// One whitespace-separated word of a line and where it is.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Token<'t> {
    pub text: &'t str,
    pub span: Span,
}

/// A statement line: its tokens (at least one) and the span of the whole line.
#[derive(Debug)]
pub(crate) struct Line<'t> {
    pub tokens: Vec<Token<'t>>,
    pub span: Span,
}

/// The header `p KIND N`: the kind of framework and its size (arguments or atoms).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Header {
    pub kind: Kind,
    pub size: usize,
}

/// The statement lines of a file, comment and blank lines left out.
pub(crate) fn lines(file: FileId, text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for raw in text.split_inclusive('\n') {
        let line_start = start;
        start += raw.len();
        let content = raw.trim_end_matches(['\n', '\r']);
        if content.trim_start().starts_with('#') {
            continue;
        }
        let mut tokens = Vec::new();
        let mut at = 0;
        for word in content.split(|c: char| c.is_ascii_whitespace()) {
            if !word.is_empty() {
                let from = line_start + at;
                tokens.push(Token {
                    text: word,
                    span: Span::new(file, from, from + word.len()),
                });
            }
            at += word.len() + 1;
        }
        if let (Some(first), Some(last)) = (tokens.first(), tokens.last()) {
            let span = first.span.to(last.span);
            out.push(Line { tokens, span });
        }
    }
    out
}

/// Reads the header from the first statement line.
pub(crate) fn header(line: &Line) -> Result<Header, Diagnostic> {
    let help = "an ICCMA 2023 file starts with `p af N` (N arguments) or `p aba N` (N atoms)";
    let wrong = |span: Span, text: &str| {
        Diagnostic::error("agon::iccma-header", "this file has no ICCMA header")
            .with_label(span, text.to_string())
            .with_help(help)
    };
    let t = &line.tokens;
    if t[0].text != "p" {
        return Err(wrong(line.span, "expected `p af N` or `p aba N` here"));
    }
    let kind = match t.get(1).map(|k| k.text) {
        Some("af") => Kind::Af,
        Some("aba") => Kind::Aba,
        Some(other) => {
            return Err(Diagnostic::error(
                "agon::iccma-header",
                format!("unknown framework kind `{other}`"),
            )
            .with_label(t[1].span, "expected `af` or `aba`")
            .with_help(help))
        }
        None => return Err(wrong(line.span, "the header names no framework kind")),
    };
    let Some(n) = t.get(2) else {
        return Err(wrong(line.span, "the header gives no size"));
    };
    if let Some(extra) = t.get(3) {
        return Err(too_many(&t[3..], extra, "the header is `p KIND N`").with_help(help));
    }
    let size = number(n)?;
    if size > MAX_SIZE as u64 {
        return Err(Diagnostic::error(
            "agon::iccma-too-large",
            format!("{size} is more than agon reads ({MAX_SIZE} at most)"),
        )
        .with_label(n.span, "declared here")
        .with_help("split the framework, or check the header's count"));
    }
    Ok(Header {
        kind,
        size: size as usize,
    })
}

/// A non-negative decimal number.
pub(crate) fn number(token: &Token) -> Result<u64, Diagnostic> {
    if token.text.is_empty() || !token.text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Diagnostic::error(
            "agon::iccma-number",
            format!("`{}` is not a number", token.text),
        )
        .with_label(token.span, "expected a number")
        .with_help("arguments and atoms are named by numbers 1..N"));
    }
    token.text.parse::<u64>().map_err(|_| {
        Diagnostic::error("agon::iccma-number", "this number is too large")
            .with_label(token.span, "too many digits")
            .with_help("arguments and atoms are named by numbers 1..N")
    })
}

/// A 1-based id within `1..=size`, as a 0-based index. `what` names the thing (`argument`).
pub(crate) fn id(token: &Token, size: usize, what: &str) -> Result<u32, Diagnostic> {
    let n = number(token)?;
    if n == 0 || n > size as u64 {
        return Err(Diagnostic::error(
            "agon::iccma-out-of-range",
            format!("{what} {n} is outside 1..{size}"),
        )
        .with_label(token.span, format!("no such {what}"))
        .with_help(format!(
            "the header declares {size} {what}s, named 1 to {size}; raise the count or fix the id"
        )));
    }
    Ok((n - 1) as u32)
}

/// The error for tokens past what a line takes.
pub(crate) fn too_many(rest: &[Token], first: &Token, form: &str) -> Diagnostic {
    let span = rest
        .last()
        .map_or(first.span, |last| first.span.to(last.span));
    Diagnostic::error("agon::iccma-line", "this line has too many numbers")
        .with_label(span, "unexpected")
        .with_help(form.to_string())
}
