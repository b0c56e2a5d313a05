//! Citations as scholars write them, in pandoc's syntax: `[see @waltz1979, pp. 88-89; @bull1977]`.
//! A citation is a list of pieces separated by `;`. Each piece is optional prefix words
//! (`see`, `cf.`, any words before `@`), `@` and the source key, then optionally `,` and a
//! locator (`p. 7`, `pp. 391-392`, `ch. 3`, `n. 4`, anything the author writes).
//!
//! A last part `attributed` or `conceded` after a comma is the passage's stance, not its
//! locator: `[@wendt1992, pp. 391-392, attributed]`, `[@grieco1988, p. 487, conceded]`.
//!
//! A locator written without its comma (`[@waltz1979 p. 88]`) is read as a locator and
//! warned about with the fix, so the key is still checked as `waltz1979`, not reported as an
//! unknown source `waltz1979 p. 88`.

/// One piece of a citation; offsets are bytes from the start of the bracket's inside.
#[derive(Debug, PartialEq, Eq)]
pub struct Piece<'a> {
    /// Where the piece starts and ends (blanks around it excluded).
    pub start: usize,
    pub end: usize,
    pub prefix: Option<&'a str>,
    /// The source key and where it starts; `None` when the piece has no `@`.
    pub key: Option<(&'a str, usize)>,
    pub locator: Option<&'a str>,
    /// `attributed` or `conceded`, the last part after a comma.
    pub stance: Option<crate::model::Stance>,
    /// The locator followed the key without a comma.
    pub missing_comma: bool,
}

/// Characters a key may hold (pandoc: alphanumerics, `_` and internal punctuation).
fn key_char(c: char) -> bool {
    c.is_alphanumeric() || "_:.#$%&-+?<>~/".contains(c)
}

/// Splits the inside of a citation's brackets into its pieces.
pub fn pieces(inner: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut offset = 0;
    for part in inner.split(';') {
        let lead = part.len() - part.trim_start().len();
        let text = part.trim();
        let start = offset + lead;
        offset += part.len() + 1;
        let end = start + text.len();
        let Some(at) = text.find('@') else {
            out.push(Piece {
                start,
                end,
                prefix: None,
                key: None,
                locator: None,
                stance: None,
                missing_comma: false,
            });
            continue;
        };
        let prefix = Some(text[..at].trim()).filter(|p| !p.is_empty());
        let after = &text[at + 1..];
        // Where the key starts: after `@` and any blank (even a wide one) before it.
        let blank = after.len() - after.trim_start().len();
        let body = &after[blank..];
        let mut len = body
            .char_indices()
            .find(|&(_, c)| !key_char(c))
            .map_or(body.len(), |(i, _)| i);
        // Punctuation ends a key only inside it: `@key.` is the key `key`.
        while len > 0 && !body[..len].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
            len -= body[..len].chars().next_back().map_or(1, char::len_utf8);
        }
        let key = &body[..len];
        let rest = body[len..].trim();
        let (mut locator, missing_comma) = match rest.strip_prefix(',') {
            Some(l) => (Some(l.trim()).filter(|l| !l.is_empty()), false),
            None if rest.is_empty() => (None, false),
            None => (Some(rest), true),
        };
        let mut stance = None;
        if let Some(l) = locator {
            let (before, last) = l.rsplit_once(',').unwrap_or(("", l));
            if let Some(s) = crate::model::Stance::parse(last.trim()) {
                stance = Some(s);
                locator = Some(before.trim()).filter(|b| !b.is_empty());
            }
        }
        out.push(Piece {
            start,
            end,
            prefix,
            key: Some((key, start + at + 1 + blank)),
            locator,
            stance,
            missing_comma,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(inner: &str) -> Piece<'_> {
        pieces(inner).remove(0)
    }

    #[test]
    fn prefixes_locators_and_several_pieces() {
        let p = one("cf. @keohane1984, p. 7");
        assert_eq!(p.prefix, Some("cf."));
        assert_eq!(p.key, Some(("keohane1984", 5)));
        assert_eq!(p.locator, Some("p. 7"));
        assert!(!p.missing_comma);
        let all = pieces("see @x, pp. 3-4; @y");
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].prefix, Some("see"));
        assert_eq!(all[1].key, Some(("y", 18)));
        assert_eq!(all[1].locator, None);
    }

    #[test]
    fn a_locator_without_its_comma_is_read_and_flagged() {
        let p = one("@waltz1979 p. 88");
        assert_eq!(p.key, Some(("waltz1979", 1)));
        assert_eq!(p.locator, Some("p. 88"));
        assert!(p.missing_comma);
    }

    #[test]
    fn a_stance_is_the_last_part_not_the_locator() {
        use crate::model::Stance;
        let p = one("@wendt1992, pp. 391-392, attributed");
        assert_eq!(p.locator, Some("pp. 391-392"));
        assert_eq!(p.stance, Some(Stance::Attributed));
        let p = one("cf. @grieco1988, p. 487, conceded");
        assert_eq!(
            (p.prefix, p.locator, p.stance),
            (Some("cf."), Some("p. 487"), Some(Stance::Conceded))
        );
        let p = one("@grieco1988, conceded");
        assert_eq!((p.locator, p.stance), (None, Some(Stance::Conceded)));
        // Only the exact words: a locator that merely contains one is a locator.
        assert_eq!(one("@x, p. 3, as conceded").stance, None);
    }

    #[test]
    fn keys_keep_inner_punctuation_but_not_trailing() {
        assert_eq!(one("@doe:2020.a, p. 1").key, Some(("doe:2020.a", 1)));
        assert_eq!(one("@doe.").key, Some(("doe", 1)));
        assert_eq!(one("no key here").key, None);
        assert_eq!(one("@").key, Some(("", 1)));
    }
}
