//! ASPIC+ tests: helpers shared by [`written`] (theories in the language: published examples
//! and hand-checked cases), [`model`] (theories built straight into the model, with Modgil &
//! Prakken's running example) and [`properties`] (properties on small random theories).

use super::*;
use crate::diverge::Standing;
use crate::dung::Semantics;
use crate::model::SchoolId;
use crate::model::{Comparison, Link, Literal};
use crate::workspace::Workspace;

fn theory(text: &str) -> Workspace {
    let ws = Workspace::from_text("t.agon", text);
    let errors: Vec<_> = ws.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    ws
}

fn lit(ws: &Workspace, s: &str) -> Literal {
    let (neg, id) = s.strip_prefix("not ").map_or((false, s), |r| (true, r));
    Literal {
        claim: ws
            .theory
            .claim_named(id)
            .unwrap_or_else(|| panic!("no claim {id}")),
        negated: neg,
    }
}

fn standing(ws: &Workspace, options: &Options, semantics: Semantics, l: &str) -> Standing {
    let s = build(&ws.theory, SchoolId(0), options);
    let eval = s.evaluate(semantics, options);
    s.standings(&eval)
        .get(&lit(ws, l))
        .copied()
        .unwrap_or(Standing::NotAddressed)
}

/// The postulate findings of the exact evaluation of the school `s` was built from, with
/// the same transposition setting (read off its rules) and ordering.
fn postulates(
    theory: &crate::model::Theory,
    s: &Structured,
    eval: &Evaluation,
) -> Vec<crate::diagnostic::Diagnostic> {
    let strict_with_antecedents = s
        .rules
        .iter()
        .any(|r| r.kind == crate::model::RuleKind::Strict && !r.antecedents.is_empty());
    let options = Options {
        transposition: !strict_with_antecedents || s.rules.iter().any(|r| r.transposed),
        ..Options::default()
    }
    .with_ordering(s.ordering);
    let school = theory.school(s.school);
    let exact = crate::reasoning::evaluate(school, s.school, &options, eval.semantics);
    consistency::postulates(theory, school, &exact)
}

/// The explanation with the arguments' standings and first labelling.
fn explain_of(
    theory: &crate::model::Theory,
    s: &Structured,
    eval: &Evaluation,
    l: Literal,
) -> explain::Explanation {
    let standing = |x: Literal| s.status(eval, x);
    let view = explain::View {
        semantics: eval.semantics,
        standing: &standing,
        labels: eval.labellings.first().cloned(),
        unknown: None,
    };
    explain::explain(theory, s, &view, l)
}

fn grounded(ws: &Workspace, l: &str) -> Standing {
    standing(ws, &Options::default(), Semantics::Grounded, l)
}

fn with_ordering(link: Link, comparison: Comparison) -> Options {
    Options {
        link: Some(link),
        comparison: Some(comparison),
        ..Options::default()
    }
}

use super::argument::ArgId;
use super::attack::{Attack, AttackKind};
use super::preference::ArgumentOrder;
use super::testkit::T;
use crate::diagnostic::Diagnostic;

fn run(t: &T, options: &Options, semantics: Semantics) -> (Structured, Evaluation) {
    let s = build(&t.theory, T::SCHOOL, options);
    let eval = s.evaluate(semantics, options);
    (s, eval)
}

fn status_of(t: &T, options: &Options, semantics: Semantics, l: &str) -> Standing {
    let (s, eval) = run(t, options, semantics);
    s.status(&eval, t.get(l))
}

fn no_transposition() -> Options {
    Options {
        transposition: false,
        ..Options::default()
    }
}

fn ordering(link: Link, comparison: Comparison) -> crate::model::Ordering {
    crate::model::Ordering { link, comparison }
}

/// The one argument for a literal.
fn only(s: &Structured, t: &T, l: &str) -> ArgId {
    let ids = s.args.for_literal(t.get(l));
    assert_eq!(ids.len(), 1, "arguments for {l}: {ids:?}");
    ids[0]
}

/// The attack of `by` on `on`'s last step, if any.
fn attack_on(s: &Structured, by: ArgId, on: ArgId) -> Option<Attack> {
    s.attacks[on.0 as usize]
        .iter()
        .find(|a| a.by == by)
        .copied()
}

/// Whether `by` attacks `on` on any of its sub-arguments (Def. 3.10 over Sub).
fn attacks(s: &Structured, by: ArgId, on: ArgId) -> bool {
    s.args
        .sub_arguments(on)
        .into_iter()
        .any(|sub| attack_on(s, by, sub).is_some())
}

/// Whether `by` defeats `on` (Def. 3.12 over Sub).
fn defeats(s: &Structured, by: ArgId, on: ArgId) -> bool {
    s.defeaters(on).contains(&by)
}

/// The labels of a diagnostic, as the spans of the model items they point at.
fn labelled(d: &Diagnostic) -> Vec<crate::source::Span> {
    d.labels.iter().map(|l| l.span).collect()
}

mod model;
mod properties;
mod written;
