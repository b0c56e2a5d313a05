//! Reading a flat assumption-based framework in the ICCMA 2023 format: after `p aba N`
//! (atoms `1..N`, stored as `0..N`), `a x` makes atom `x` an assumption, `c x y` says atom `y`
//! is the contrary of assumption `x`, and `r h b1 ... bk` is the rule `h ← b1, ..., bk`
//! (`k = 0` for a fact). Lines may come in any order. Owns the meaning of the lines and the
//! checks that need the whole file (contraries of non-assumptions, rules deriving an
//! assumption: non-flat); tokens come from `lines`.
//!
//! ICCMA 2023 gives each assumption exactly one contrary. agon's ABA frameworks allow several
//! (deriving any of them attacks the assumption), so several `c` lines for one assumption are
//! read as such rather than refused; an assumption with no `c` line cannot be attacked.

use super::lines::{self, Header, Line, Token};
use super::Errors;
use crate::aba::Framework;
use crate::diagnostic::Diagnostic;

const FORM: &str = "after the header, each line of a `p aba` file is `a x` (x is an assumption), `c x y` (y is the contrary of x), `r h b1 ... bk` (a rule h <- b1, ..., bk) or a `#` comment";

/// A statement after its atoms were read.
enum Statement<'t> {
    Assumption,
    Contrary {
        of: (u32, Token<'t>),
        by: u32,
    },
    Rule {
        head: (u32, Token<'t>),
        body: Vec<u32>,
    },
}

/// The framework the lines after the header describe, or every error found in them.
pub(crate) fn read(header: Header, body: &[&Line], errors: &mut Errors) -> Framework {
    let n = header.size;
    let mut framework = Framework::new(n);
    let mut statements = Vec::new();
    for line in body {
        if let Some(s) = statement(line, n, &mut framework, errors) {
            statements.push(s);
        }
    }
    // Contraries and rules are checked once every assumption is known.
    for s in statements {
        match s {
            Statement::Assumption => {}
            Statement::Contrary { of: (x, token), by } => {
                if framework.is_assumption(x) {
                    framework.add_contrary(x, by);
                } else {
                    errors.push(
                        Diagnostic::error(
                            "agon::iccma-contrary",
                            format!("atom {} is not an assumption", x + 1),
                        )
                        .with_label(token.span, "only assumptions have contraries")
                        .with_help(format!(
                            "declare it with `a {}`, or fix the contrary line",
                            x + 1
                        )),
                    );
                }
            }
            Statement::Rule {
                head: (h, token),
                body,
            } => {
                if framework.is_assumption(h) {
                    errors.push(
                        Diagnostic::error(
                            "agon::iccma-not-flat",
                            format!(
                                "a rule derives assumption {}: the framework is not flat",
                                h + 1
                            ),
                        )
                        .with_label(token.span, "an assumption as a rule's head")
                        .with_help("agon reads flat ABA only: no rule may conclude an assumption"),
                    );
                } else {
                    framework.add_rule(h, body);
                }
            }
        }
    }
    framework.freeze();
    framework
}

/// One line read: its kind, its atoms and their count.
fn statement<'t>(
    line: &Line<'t>,
    n: usize,
    framework: &mut Framework,
    errors: &mut Errors,
) -> Option<Statement<'t>> {
    let t = &line.tokens;
    let (arity, form) = match t[0].text {
        "a" => (Some(1), "`a x` makes atom x an assumption"),
        "c" => (
            Some(2),
            "`c x y` says atom y is the contrary of assumption x",
        ),
        "r" => (
            None,
            "`r h b1 ... bk` is a rule with head h and body b1, ..., bk",
        ),
        other => {
            errors.push(
                Diagnostic::error("agon::iccma-line", format!("unknown line kind `{other}`"))
                    .with_label(t[0].span, "expected `a`, `c` or `r`")
                    .with_help(FORM),
            );
            return None;
        }
    };
    let args = &t[1..];
    if args.is_empty() || arity.is_some_and(|k| args.len() < k) {
        errors.push(
            Diagnostic::error("agon::iccma-line", "this line has too few numbers")
                .with_label(line.span, "incomplete")
                .with_help(form),
        );
        return None;
    }
    if let Some(k) = arity.filter(|&k| args.len() > k) {
        errors.push(lines::too_many(&args[k..], &args[k], form));
        return None;
    }
    let mut atoms = Vec::with_capacity(args.len());
    let before = errors.len();
    for token in args {
        match lines::id(token, n, "atom") {
            Ok(x) => atoms.push(x),
            Err(e) => errors.push(e),
        }
    }
    if errors.len() > before {
        return None;
    }
    Some(match t[0].text {
        "a" => {
            framework.add_assumption(atoms[0]);
            Statement::Assumption
        }
        "c" => Statement::Contrary {
            of: (atoms[0], args[0]),
            by: atoms[1],
        },
        _ => Statement::Rule {
            head: (atoms[0], args[0]),
            body: atoms[1..].to_vec(),
        },
    })
}
