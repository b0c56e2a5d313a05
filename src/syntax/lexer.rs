//! The logos lexer for theory files. It never fails: text it cannot read becomes
//! [`Token::Error`] so the parser can report it and recover. Comments are not tokens; they are
//! handed back separately as [`Comment`]s for doc attachment and the formatter.

use logos::Logos;
use std::fmt;

#[derive(Logos, Clone, Copy, Debug, PartialEq, Eq)]
#[logos(skip r"[ \t\r\n\f\u{feff}]+")]
pub enum Token<'input> {
    #[token("use")]
    Use,
    #[token("source")]
    Source,
    #[token("bibliography")]
    Bibliography,
    #[token("claim")]
    Claim,
    #[token("school")]
    School,
    #[token("extends")]
    Extends,
    #[token("axiom")]
    Axiom,
    #[token("premise")]
    Premise,
    #[token("follows")]
    Follows,
    #[token("follow")]
    Follow,
    #[token("usually")]
    Usually,
    #[token("from")]
    From,
    #[token("not")]
    Not,
    #[token("contradicts")]
    Contradicts,
    #[token("is")]
    Is,
    #[token("contrary")]
    Contrary,
    #[token("to")]
    To,
    #[token("does")]
    Does,
    #[token("apply")]
    Apply,
    #[token("when")]
    When,
    #[token("prefer")]
    Prefer,
    #[token("over")]
    Over,
    #[token("ordering")]
    Ordering,
    #[token("expect")]
    Expect,
    #[token("accepts")]
    Accepts,
    #[token("rejects")]
    Rejects,
    #[token("credulously")]
    Credulously,
    #[token("undecided")]
    Undecided,
    #[token("on")]
    On,
    #[token("consistent")]
    Consistent,
    #[token("and")]
    And,
    #[token("diverge")]
    Diverge,
    #[token("agree")]
    Agree,
    #[token("under")]
    Under,
    #[token("question")]
    Question,
    #[token("silent")]
    Silent,

    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token(":")]
    Colon,
    #[token(",")]
    Comma,
    #[token(".")]
    Dot,

    /// A claim, rule, school or source name: letters, digits, `_`, and single inner hyphens.
    #[regex(r"[A-Za-z][A-Za-z0-9_]*(-[A-Za-z0-9_]+)*")]
    Ident(&'input str),
    /// A word that looks like a name but breaks the rule for names: it starts with a digit or
    /// `_`, or has a doubled, leading or trailing hyphen (`2nd-image`, `self--help`). It is
    /// reported once, as a name, and read as one, so nothing that uses it is reported again.
    #[regex(r"[A-Za-z0-9_][A-Za-z0-9_-]*", priority = 1)]
    BadName(&'input str),
    /// A quoted sentence, quotes included; `\"` and `\\` are its only escapes.
    #[regex(r#""([^"\\\n]|\\[^\n])*""#)]
    Str(&'input str),
    /// A citation in brackets, brackets included, e.g. `[@ardam2021, p. 495]`.
    #[regex(r"\[[^\]\n]*\]")]
    Cite(&'input str),
    /// A string with no closing quote on its line.
    #[regex(r#""([^"\\\n]|\\[^\n])*"#)]
    UnclosedStr(&'input str),
    /// A citation with no closing bracket on its line.
    #[regex(r"\[[^\]\n]*")]
    UnclosedCite(&'input str),

    #[regex(r"//[^\n]*", allow_greedy = true)]
    Comment(&'input str),

    /// Text the lexer cannot read; reported as a diagnostic, skipped by the parser.
    Error(&'input str),
}

impl fmt::Display for Token<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Token::Ident(s) | Token::BadName(s) => write!(f, "name `{s}`"),
            Token::Str(_) | Token::UnclosedStr(_) => f.write_str("a quoted sentence"),
            Token::Cite(_) | Token::UnclosedCite(_) => f.write_str("a citation"),
            Token::Comment(_) => f.write_str("a comment"),
            Token::Error(s) => write!(f, "`{}`", s.escape_debug()),
            other => write!(f, "`{}`", other.keyword().unwrap_or("?")),
        }
    }
}

impl Token<'_> {
    /// The text of a keyword or punctuation token.
    pub fn keyword(&self) -> Option<&'static str> {
        Some(match self {
            Token::Use => "use",
            Token::Source => "source",
            Token::Bibliography => "bibliography",
            Token::Claim => "claim",
            Token::School => "school",
            Token::Extends => "extends",
            Token::Axiom => "axiom",
            Token::Premise => "premise",
            Token::Follows => "follows",
            Token::Follow => "follow",
            Token::Usually => "usually",
            Token::From => "from",
            Token::Not => "not",
            Token::Contradicts => "contradicts",
            Token::Is => "is",
            Token::Contrary => "contrary",
            Token::To => "to",
            Token::Does => "does",
            Token::Apply => "apply",
            Token::When => "when",
            Token::Prefer => "prefer",
            Token::Over => "over",
            Token::Ordering => "ordering",
            Token::Expect => "expect",
            Token::Accepts => "accepts",
            Token::Rejects => "rejects",
            Token::Credulously => "credulously",
            Token::Undecided => "undecided",
            Token::On => "on",
            Token::Consistent => "consistent",
            Token::And => "and",
            Token::Diverge => "diverge",
            Token::Agree => "agree",
            Token::Under => "under",
            Token::Question => "question",
            Token::Silent => "silent",
            Token::LBrace => "{",
            Token::RBrace => "}",
            Token::Colon => ":",
            Token::Comma => ",",
            Token::Dot => ".",
            _ => return None,
        })
    }

    /// Whether this is a word the language reserves (so it cannot be a name).
    pub fn is_word(&self) -> bool {
        self.keyword()
            .is_some_and(|k| k.chars().all(|c| c.is_ascii_alphabetic()))
    }
}

/// A `//` or `///` comment and where it stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comment<'input> {
    pub start: usize,
    pub end: usize,
    pub text: &'input str,
}

impl Comment<'_> {
    /// `///` introduces a doc comment (but `////...` is an ordinary one, as in Rust).
    pub fn is_doc(&self) -> bool {
        self.text.starts_with("///") && !self.text.starts_with("////")
    }
}

pub type Spanned<'input> = (usize, Token<'input>, usize);

/// Lexes the whole text: the tokens the parser reads, and the comments beside them.
pub fn lex(text: &str) -> (Vec<Spanned<'_>>, Vec<Comment<'_>>) {
    let mut tokens = Vec::new();
    let mut comments = Vec::new();
    let mut lexer = Token::lexer(text);
    while let Some(result) = lexer.next() {
        let span = lexer.span();
        match result {
            Ok(Token::Comment(c)) => comments.push(Comment {
                start: span.start,
                end: span.end,
                text: c,
            }),
            Ok(tok) => tokens.push((span.start, tok, span.end)),
            Err(()) => {
                // Merge a run of unreadable characters into one error token.
                if let Some((start, Token::Error(prev), end)) = tokens.last_mut() {
                    if *end == span.start {
                        *end = span.end;
                        *prev = &text[*start..span.end];
                        continue;
                    }
                }
                tokens.push((span.start, Token::Error(lexer.slice()), span.end));
            }
        }
    }
    (tokens, comments)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Token<'_>> {
        lex(text).0.into_iter().map(|(_, t, _)| t).collect()
    }

    #[test]
    fn words_that_break_the_rule_for_names_are_one_bad_name() {
        assert_eq!(kinds("2nd-image"), vec![Token::BadName("2nd-image")]);
        assert_eq!(
            kinds("self--help."),
            vec![Token::BadName("self--help"), Token::Dot]
        );
        assert_eq!(
            kinds("x- _y 12"),
            vec![
                Token::BadName("x-"),
                Token::BadName("_y"),
                Token::BadName("12")
            ]
        );
        // Names and keywords are unchanged.
        assert_eq!(
            kinds("self-help r2 not-x not"),
            vec![
                Token::Ident("self-help"),
                Token::Ident("r2"),
                Token::Ident("not-x"),
                Token::Not
            ]
        );
    }

    #[test]
    fn kebab_ids_are_one_token_and_keywords_are_not_ids() {
        assert_eq!(
            kinds("balance-of-power usually follows from anarchy."),
            vec![
                Token::Ident("balance-of-power"),
                Token::Usually,
                Token::Follows,
                Token::From,
                Token::Ident("anarchy"),
                Token::Dot
            ]
        );
        assert_eq!(kinds("from-x"), vec![Token::Ident("from-x")]);
    }

    #[test]
    fn citations_strings_and_comments() {
        let (toks, comments) = lex("claim a \"say \\\"hi\\\"\" [@k, p. 4]. // note\n/// doc\n");
        assert_eq!(toks[2].1, Token::Str("\"say \\\"hi\\\"\""));
        assert_eq!(toks[3].1, Token::Cite("[@k, p. 4]"));
        assert_eq!(comments.len(), 2);
        assert!(!comments[0].is_doc() && comments[1].is_doc());
    }

    #[test]
    fn unreadable_text_becomes_one_error_token() {
        let toks = kinds("a §§§ b");
        assert_eq!(
            toks,
            vec![Token::Ident("a"), Token::Error("§§§"), Token::Ident("b")]
        );
        assert_eq!(kinds("\"open"), vec![Token::UnclosedStr("\"open")]);
    }
}
