//! Evaluating `expect` statements: each is judged against what the reasoner concludes, and
//! each that fails becomes a located diagnostic saying what was expected, what agon found
//! and why. The reasoning itself is behind [`Judge`], so this module only compares.

use crate::diagnostic::Diagnostic;
use crate::diverge::questions::Answer;
use crate::diverge::view::{relate, view_with, Opposites, View};
use crate::diverge::Standing;
use crate::model::{Expectation, Literal, SchoolId, Theory, Verdict};
use std::cell::OnceCell;

/// What expectations need from the reasoner.
pub trait Judge {
    /// A school's standing on a literal under a semantics (`None`: the default, grounded).
    fn standing(&mut self, school: SchoolId, semantics: Option<&str>, literal: Literal)
        -> Standing;
    /// `Err` with the reason when the school is inconsistent.
    fn consistency(&mut self, school: SchoolId) -> Result<(), String>;
    /// Why the school holds the literal as it does, in words (for failed expectations).
    fn explain(&mut self, school: SchoolId, semantics: Option<&str>, literal: Literal) -> String;
}

/// The outcome of all expectations: how many held, and a diagnostic for each that did not.
pub struct Outcome {
    pub held: usize,
    pub failed: Vec<Diagnostic>,
}

/// Whether the view meets the verdict an expectation names (an unknown view meets none:
/// agon cannot vouch for it).
pub fn meets(verdict: Verdict, view: View) -> bool {
    match verdict {
        Verdict::Accepts => view == View::Accepts,
        Verdict::CredulouslyAccepts => {
            matches!(view, View::Accepts | View::Open(Standing::Credulous))
        }
        Verdict::Undecided => matches!(view, View::Open(_)),
        Verdict::Rejects => matches!(view, View::Rejects(_)),
        Verdict::Silent => view == View::Silent,
    }
}

/// Whether two schools' relation meets `diverge on` (`want_diverge`) or `agree on`: both must
/// take known positions (`None`: both silent).
fn relation_meets(want_diverge: bool, relation: Option<crate::diverge::Relation>) -> bool {
    match relation {
        Some(r) if want_diverge => r.diverges(),
        Some(r) => r == crate::diverge::Relation::Agreement,
        None => false,
    }
}

fn verdict_words(v: Verdict) -> &'static str {
    match v {
        Verdict::Accepts => "accept",
        Verdict::CredulouslyAccepts => "credulously accept",
        Verdict::Undecided => "be undecided on",
        Verdict::Rejects => "reject",
        Verdict::Silent => "be silent on",
    }
}

/// Judges every expectation of the theory.
pub fn evaluate(theory: &Theory, judge: &mut dyn Judge) -> Outcome {
    let each = outcomes(theory, judge);
    let held = each.iter().filter(|o| o.is_none()).count();
    Outcome {
        held,
        failed: each.into_iter().flatten().collect(),
    }
}

/// Judges each expectation of the theory, in order: `None` where it holds, the diagnostic
/// where it fails.
pub fn outcomes(theory: &Theory, judge: &mut dyn Judge) -> Vec<Option<Diagnostic>> {
    // Each school's declared opposites, built when an expectation first needs them.
    let cache: Vec<OnceCell<Opposites>> = theory.schools.iter().map(|_| OnceCell::new()).collect();
    let opposites = |school: SchoolId| -> &Opposites {
        cache[school.0 as usize].get_or_init(|| Opposites::of(theory, school))
    };
    let mut out = Vec::with_capacity(theory.expectations.len());
    for e in &theory.expectations {
        let semantics = e.semantics.as_deref();
        let under = semantics
            .map(|s| format!(" under {s} semantics"))
            .unwrap_or_default();
        let failure = match &e.what {
            Expectation::Status {
                school,
                verdict,
                literal,
            } => {
                let found = view_with(opposites(*school), *literal, |l| {
                    judge.standing(*school, semantics, l)
                });
                (!meets(*verdict, found)).then(|| {
                    Diagnostic::error(
                        "agon::expectation-failed",
                        format!(
                            "expected `{}` to {} `{}`{under}, but it {}",
                            theory.school(*school).name,
                            verdict_words(*verdict),
                            theory.show(*literal),
                            found.describe(theory, *literal)
                        ),
                    )
                    .with_label(
                        e.span,
                        format!(
                            "expected {}, found {}",
                            verdict_words(*verdict),
                            found.word()
                        ),
                    )
                    .with_help(format!(
                        "why:\n{}",
                        judge.explain(*school, semantics, *literal)
                    ))
                })
            }
            Expectation::Consistent { school } => judge.consistency(*school).err().map(|why| {
                Diagnostic::error(
                    "agon::expectation-failed",
                    format!(
                        "expected `{}` to be consistent, but it is not",
                        theory.school(*school).name
                    ),
                )
                .with_label(e.span, "expected consistent")
                .with_help(why)
            }),
            Expectation::Diverge {
                schools: (a, b),
                literal,
            }
            | Expectation::Agree {
                schools: (a, b),
                literal,
            } => {
                let want_diverge = matches!(e.what, Expectation::Diverge { .. });
                let va = view_with(opposites(*a), *literal, |l| {
                    judge.standing(*a, semantics, l)
                });
                let vb = view_with(opposites(*b), *literal, |l| {
                    judge.standing(*b, semantics, l)
                });
                let relation = relate(va, vb);
                (!relation_meets(want_diverge, relation)).then(|| {
                    let (na, nb) = (&theory.school(*a).name, &theory.school(*b).name);
                    let verb = if want_diverge { "diverge" } else { "agree" };
                    let reason = match (va, vb) {
                        (View::Unknown, _) | (_, View::Unknown) => {
                            "agon cannot vouch for a standing (see agon::reasoning-unknown)"
                                .to_string()
                        }
                        (View::Silent, View::Silent) => "both are silent on it".to_string(),
                        (View::Silent, _) => format!("`{na}` is silent on it"),
                        (_, View::Silent) => format!("`{nb}` is silent on it"),
                        _ => format!(
                            "`{na}` {} and `{nb}` {}",
                            va.describe(theory, *literal),
                            vb.describe(theory, *literal)
                        ),
                    };
                    Diagnostic::error(
                        "agon::expectation-failed",
                        format!(
                            "expected `{na}` and `{nb}` to {verb} on `{}`{under}, but {reason}",
                            theory.show(*literal),
                        ),
                    )
                    .with_label(e.span, format!("expected them to {verb}"))
                    .with_help(format!(
                        "{na}:\n{}\n{nb}:\n{}",
                        judge.explain(*a, semantics, *literal),
                        judge.explain(*b, semantics, *literal)
                    ))
                })
            }
            Expectation::DivergeOnQuestion {
                schools: (a, b),
                question,
            }
            | Expectation::AgreeOnQuestion {
                schools: (a, b),
                question,
            } => {
                let want_diverge = matches!(e.what, Expectation::DivergeOnQuestion { .. });
                let q = &theory.questions[*question];
                let xa = Answer::of(q, opposites(*a), |l| judge.standing(*a, semantics, l));
                let xb = Answer::of(q, opposites(*b), |l| judge.standing(*b, semantics, l));
                (!relation_meets(want_diverge, xa.relate(&xb))).then(|| {
                    let (na, nb) = (&theory.school(*a).name, &theory.school(*b).name);
                    let verb = if want_diverge { "diverge" } else { "agree" };
                    let say = |x: &Answer| {
                        if x.unknown {
                            "cannot be vouched for (see agon::reasoning-unknown)".to_string()
                        } else if x.silent() {
                            "gives no answer".to_string()
                        } else if x.accepts.is_empty() {
                            "accepts none of the answers".to_string()
                        } else {
                            let v: Vec<String> = x.accepts.iter().map(|l| theory.show(*l)).collect();
                            format!("answers {}", v.join(", "))
                        }
                    };
                    Diagnostic::error(
                        "agon::expectation-failed",
                        format!(
                            "expected `{na}` and `{nb}` to {verb} on the question `{}`{under}, but `{na}` {} and `{nb}` {}",
                            q.id,
                            say(&xa),
                            say(&xb)
                        ),
                    )
                    .with_label(e.span, format!("expected them to {verb}"))
                    .with_help(format!("the question: {} (its answers: {})", q.text,
                        q.answers.iter().map(|l| theory.show(*l)).collect::<Vec<_>>().join(", ")))
                })
            }
        };
        out.push(failure);
    }
    out
}
