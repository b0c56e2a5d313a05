//! The canonical layout of theory files (`agon fmt`). It works on tokens and comments, not on
//! the syntax tree, so every name, sentence, citation and comment is reprinted verbatim: only
//! the space between them changes. Layout: one statement per line, school bodies indented by
//! four spaces, single spaces between words, at most one blank line where the author left
//! some, and the citations of consecutive one-line statements aligned in a column. A statement
//! longer than [`WIDTH`] columns is wrapped: before `follows from` / `usually follows from` /
//! `does not follow from`, after commas and before its citations, continuation lines indented
//! one step further.
//! Nothing is reordered. [`format`] refuses (returns `None`) when its output would not lex to
//! exactly the same tokens and comments as its input.

use crate::syntax::lexer::{self, Comment, Token};

const INDENT: &str = "    ";
/// Statements longer than this (indent, citations and trailing comment included) are wrapped.
pub const WIDTH: usize = 100;
/// Citations are aligned only while the widest statement head stays within this width.
const ALIGN_LIMIT: usize = 72;
/// The largest difference between statement heads that are aligned together.
const SPREAD: usize = 24;

/// One output line before alignment.
enum Line {
    Blank,
    /// A full line written as is (comments, block braces, statements broken by comments).
    Raw(usize, String),
    /// A one-line statement: head, citations (may be empty), closing full stop, trailing comment.
    Statement {
        depth: usize,
        head: String,
        /// The head's words (a comma stays with the word before it), for wrapping.
        words: Vec<String>,
        cites: String,
        trailing: Option<String>,
    },
}

impl Line {
    /// The statement's length on one line, without alignment padding.
    fn flat_width(&self) -> usize {
        match self {
            Line::Statement {
                depth,
                head,
                cites,
                trailing,
                ..
            } => {
                INDENT.len() * depth
                    + head.chars().count()
                    + if cites.is_empty() {
                        0
                    } else {
                        1 + cites.chars().count()
                    }
                    + 1
                    + trailing.as_ref().map_or(0, |c| 2 + c.chars().count())
            }
            _ => 0,
        }
    }
}

/// Formats a file's text. The caller must only format files that parse without errors.
pub fn format(text: &str) -> Option<String> {
    let (tokens, comments) = lexer::lex(text);
    if tokens.iter().any(|t| {
        matches!(
            t.1,
            Token::Error(_) | Token::BadName(_) | Token::UnclosedStr(_) | Token::UnclosedCite(_)
        )
    }) {
        return None;
    }
    let lines = layout(text, &tokens, &comments);
    let out = render(&lines);
    same_content(text, &out).then_some(out)
}

/// Whether two texts lex to the same tokens and comments, in the same order (a comment may
/// not move past a token), each comment byte for byte but for trailing ASCII blanks.
pub fn same_content(a: &str, b: &str) -> bool {
    fn sequence(text: &str) -> Vec<Result<Token<'_>, &str>> {
        let (tokens, comments) = lexer::lex(text);
        let mut pieces: Vec<(usize, Result<Token<'_>, &str>)> =
            tokens.into_iter().map(|(s, t, _)| (s, Ok(t))).collect();
        pieces.extend(
            comments
                .iter()
                .map(|c| (c.start, Err(comment_body(c.text)))),
        );
        pieces.sort_by_key(|p| p.0);
        pieces.into_iter().map(|p| p.1).collect()
    }
    sequence(a) == sequence(b)
}

/// A comment as the formatter writes it: its text without trailing ASCII blanks (spaces,
/// tabs, a carriage return). Other whitespace, such as U+3000, is part of the comment.
fn comment_body(text: &str) -> &str {
    text.trim_end_matches([' ', '\t', '\r'])
}

/// Items in source order: tokens and comments interleaved.
enum Piece<'a> {
    Token(usize, Token<'a>, usize),
    Comment(&'a Comment<'a>),
}

impl Piece<'_> {
    fn start(&self) -> usize {
        match self {
            Piece::Token(s, ..) => *s,
            Piece::Comment(c) => c.start,
        }
    }
    fn end(&self) -> usize {
        match self {
            Piece::Token(_, _, e) => *e,
            Piece::Comment(c) => c.end,
        }
    }
}

fn layout(text: &str, tokens: &[lexer::Spanned<'_>], comments: &[Comment<'_>]) -> Vec<Line> {
    let mut pieces: Vec<Piece<'_>> = tokens
        .iter()
        .map(|&(s, t, e)| Piece::Token(s, t, e))
        .collect();
    pieces.extend(comments.iter().map(Piece::Comment));
    pieces.sort_by_key(Piece::start);

    let mut lines = Vec::new();
    let mut depth = 0usize;
    // The statement being built: its words so far, whether a comment broke it, its citations.
    let mut words: Vec<String> = Vec::new();
    let mut cites: Vec<String> = Vec::new();
    let mut broken: Vec<String> = Vec::new();
    let mut prev_end: Option<usize> = None;

    for piece in &pieces {
        let gap = prev_end.map_or("", |p| &text[p..piece.start()]);
        let newlines = gap.matches('\n').count();
        // A statement is open from its first word to its full stop, also across comments.
        let in_statement = !words.is_empty() || !cites.is_empty() || !broken.is_empty();
        if newlines >= 2
            && !in_statement
            && !lines.is_empty()
            && !matches!(lines.last(), Some(Line::Blank))
        {
            lines.push(Line::Blank);
        }
        prev_end = Some(piece.end());
        match piece {
            Piece::Comment(c) => {
                let body = comment_body(c.text).to_string();
                if in_statement {
                    // A comment inside a statement: the statement continues on the next line,
                    // and what came before the comment (citations too) stays before it.
                    words.append(&mut cites);
                    words.push(body);
                    broken.push(std::mem::take(&mut words).join(" "));
                } else if newlines == 0 && prev_is_statement(&lines) {
                    if let Some(Line::Statement { trailing, .. }) = lines.last_mut() {
                        *trailing = Some(body);
                    }
                } else {
                    lines.push(Line::Raw(depth, body));
                }
            }
            Piece::Token(_, tok, _) => {
                let word = &text[piece.start()..piece.end()];
                match tok {
                    Token::LBrace => {
                        // Citations before a block's brace (a question's) stay before it.
                        words.append(&mut cites);
                        words.push("{".into());
                        flush_raw(&mut lines, depth, &mut broken, &mut words, &mut cites);
                        depth += 1;
                    }
                    Token::RBrace => {
                        if in_statement {
                            flush_raw(&mut lines, depth, &mut broken, &mut words, &mut cites);
                        }
                        depth = depth.saturating_sub(1);
                        lines.push(Line::Raw(depth, "}".into()));
                    }
                    Token::Dot => {
                        if broken.is_empty() {
                            let words = std::mem::take(&mut words);
                            lines.push(Line::Statement {
                                depth,
                                head: words.join(" "),
                                words,
                                cites: std::mem::take(&mut cites).join(" "),
                                trailing: None,
                            });
                        } else {
                            words.append(&mut cites);
                            let last = words
                                .pop()
                                .map(|w| format!("{w}."))
                                .unwrap_or_else(|| ".".into());
                            words.push(last);
                            flush_raw(&mut lines, depth, &mut broken, &mut words, &mut cites);
                        }
                    }
                    Token::Comma | Token::Colon => match words.last_mut() {
                        Some(last) => last.push_str(word),
                        None => words.push(word.to_string()),
                    },
                    Token::Cite(_) => cites.push(word.to_string()),
                    _ => {
                        if !cites.is_empty() {
                            // Words after a citation (not valid, but never lose them).
                            words.append(&mut cites);
                        }
                        words.push(word.to_string());
                    }
                }
            }
        }
    }
    if !words.is_empty() || !cites.is_empty() || !broken.is_empty() {
        flush_raw(&mut lines, depth, &mut broken, &mut words, &mut cites);
    }
    while matches!(lines.last(), Some(Line::Blank)) {
        lines.pop();
    }
    lines
}

fn prev_is_statement(lines: &[Line]) -> bool {
    matches!(lines.last(), Some(Line::Statement { trailing: None, .. }))
}

/// Writes a statement that cannot be one aligned line: its broken parts, then the rest.
fn flush_raw(
    lines: &mut Vec<Line>,
    depth: usize,
    broken: &mut Vec<String>,
    words: &mut Vec<String>,
    cites: &mut Vec<String>,
) {
    words.append(cites);
    for (i, part) in broken
        .drain(..)
        .chain(std::iter::once(words.join(" ")))
        .enumerate()
    {
        if part.is_empty() {
            continue;
        }
        lines.push(Line::Raw(depth + usize::from(i > 0), part));
    }
    words.clear();
}

fn render(lines: &[Line]) -> String {
    let widths = alignment(lines);
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        match line {
            Line::Blank => {}
            Line::Raw(depth, s) => {
                out.push_str(&INDENT.repeat(*depth));
                out.push_str(s);
            }
            Line::Statement {
                depth,
                words,
                cites,
                trailing,
                ..
            } if line.flat_width() > WIDTH && wrap(&mut out, *depth, words, cites) => {
                if let Some(c) = trailing {
                    out.push_str("  ");
                    out.push_str(c);
                }
            }
            Line::Statement {
                depth,
                head,
                cites,
                trailing,
                ..
            } => {
                out.push_str(&INDENT.repeat(*depth));
                out.push_str(head);
                if !cites.is_empty() {
                    let pad = widths[i].saturating_sub(head.chars().count());
                    out.push_str(&" ".repeat(pad + 1));
                    out.push_str(cites);
                }
                out.push('.');
                if let Some(c) = trailing {
                    out.push_str("  ");
                    out.push_str(c);
                }
            }
        }
        out.push('\n');
    }
    out
}

/// Writes a long statement over several lines (without the final newline): the verb
/// (`follows from` / `usually follows from` / `does not follow from`) starts a line of its own, antecedents fill lines
/// up to [`WIDTH`] breaking after commas, and the citations follow, on the last line if they
/// fit; continuation lines are indented one step further. Returns false, having written
/// nothing, when the statement has nowhere to break.
fn wrap(out: &mut String, depth: usize, words: &[String], cites: &str) -> bool {
    // Chunks that may not be split, each with whether it must start a line.
    let mut chunks: Vec<(String, bool)> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut starts_line = false;
    for (i, w) in words.iter().enumerate() {
        let next_is = |k: usize, x: &str| words.get(i + k).is_some_and(|n| n == x);
        let verb = (w == "usually" && next_is(1, "follows"))
            || (w == "follows" && (i == 0 || words[i - 1] != "usually"))
            || (w == "does" && next_is(1, "not") && next_is(2, "follow"));
        if verb && !current.is_empty() {
            chunks.push((current.join(" "), starts_line));
            current.clear();
            starts_line = true;
        }
        current.push(w);
        if w.ends_with(',') {
            chunks.push((current.join(" "), starts_line));
            current.clear();
            starts_line = false;
        }
    }
    if !current.is_empty() {
        chunks.push((current.join(" "), starts_line));
    }
    if !cites.is_empty() {
        chunks.push((cites.to_string(), false));
    }
    if chunks.len() < 2 {
        return false;
    }
    if let Some((last, _)) = chunks.last_mut() {
        last.push('.');
    }
    let mut line = INDENT.repeat(depth);
    let mut fresh = true;
    for (chunk, starts_line) in chunks {
        let width = line.chars().count() + 1 + chunk.chars().count();
        if !fresh && (starts_line || width > WIDTH) {
            out.push_str(&line);
            out.push('\n');
            line = INDENT.repeat(depth + 1);
            fresh = true;
        }
        if !fresh {
            line.push(' ');
        }
        line.push_str(&chunk);
        fresh = false;
    }
    out.push_str(&line);
    true
}

/// For each statement line, the width its head is padded to. Consecutive cited statements
/// at the same depth form a run (any other line ends it); a run is cut into groups whose heads differ by at most
/// [`SPREAD`] characters, so a short head is not pushed far from its citation by a long one.
fn alignment(lines: &[Line]) -> Vec<usize> {
    let mut widths = vec![0; lines.len()];
    let mut group: Vec<usize> = Vec::new();
    let (mut lo, mut hi) = (usize::MAX, 0);
    let close = |group: &mut Vec<usize>, widths: &mut Vec<usize>, hi: usize| {
        for &k in group.iter() {
            widths[k] = if hi <= ALIGN_LIMIT { hi } else { 0 };
        }
        group.clear();
    };
    let mut prev_depth = None;
    for (i, line) in lines.iter().enumerate() {
        match line {
            Line::Statement {
                depth, head, cites, ..
            } if !cites.is_empty() && line.flat_width() <= WIDTH => {
                let w = head.chars().count();
                let fits = prev_depth == Some(*depth) && w.max(hi) - w.min(lo) <= SPREAD;
                if !fits {
                    close(&mut group, &mut widths, hi);
                    (lo, hi) = (usize::MAX, 0);
                }
                group.push(i);
                (lo, hi) = (lo.min(w), hi.max(w));
                prev_depth = Some(*depth);
            }
            _ => {
                close(&mut group, &mut widths, hi);
                (lo, hi) = (usize::MAX, 0);
                prev_depth = None;
            }
        }
    }
    close(&mut group, &mut widths, hi);
    widths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_get_one_line_each_and_citations_align() {
        let input = "school  r \"R\"{axiom anarchy [@a, p. 1].\n self-help   follows from anarchy,x [@a, p. 2]. // why\n\n\n\nprefer a over b.}";
        let out = format(input).unwrap();
        assert_eq!(
            out,
            "school r \"R\" {\n    axiom anarchy                     [@a, p. 1].\n    self-help follows from anarchy, x [@a, p. 2].  // why\n\n    prefer a over b.\n}\n"
        );
        assert_eq!(format(&out).as_deref(), Some(out.as_str()), "idempotent");
    }

    #[test]
    fn long_statements_wrap_before_the_verb_and_after_commas() {
        let ants: Vec<String> = (0..12).map(|i| format!("antecedent-number-{i}")).collect();
        let input = format!(
            "school s \"S\" {{ long-name: a-rather-long-conclusion usually follows from {} [@waltz1979, p. 88]. // why\n}}\n",
            ants.join(", ")
        );
        let out = format(&input).unwrap();
        assert!(out.lines().all(|l| l.chars().count() <= WIDTH), "{out}");
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[1], "    long-name: a-rather-long-conclusion");
        assert!(
            lines[2].starts_with("        usually follows from antecedent-number-0, "),
            "{out}"
        );
        assert!(out.contains("[@waltz1979, p. 88].  // why\n"), "{out}");
        assert_eq!(format(&out).as_deref(), Some(out.as_str()), "idempotent");
        assert!(same_content(&input, &out));
        // A statement with nowhere to break stays on its line.
        let claim = format!("claim c \"{}\".\n", "word ".repeat(40).trim_end());
        assert_eq!(format(&claim).as_deref(), Some(claim.as_str()));
    }

    #[test]
    fn comments_inside_a_statement_are_kept_in_place() {
        let input = "a follows from b, // first reason\n  c.\n";
        let out = format(input).unwrap();
        assert!(out.contains("// first reason\n"));
        assert_eq!(format(&out).as_deref(), Some(out.as_str()));
    }
}
