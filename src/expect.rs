//! Evaluating `expect` statements: each is judged against what the reasoner concludes, and
//! each that fails becomes a located diagnostic saying what was expected, what agon found
//! and why. The reasoning itself is behind [`Judge`], so this module only compares.

use crate::diagnostic::Diagnostic;
use crate::diverge::Standing;
use crate::model::{Expectation, Literal, SchoolId, Theory, Verdict};

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

/// A claim's standing seen from the claim `X` itself: a school that accepts `not X` rejects `X`.
pub fn claim_standing(
    judge: &mut dyn Judge,
    school: SchoolId,
    semantics: Option<&str>,
    literal: Literal,
) -> Standing {
    let own = judge.standing(school, semantics, literal);
    match own {
        Standing::NotAddressed | Standing::Undecided | Standing::Credulous => {
            match judge.standing(school, semantics, literal.negate()) {
                Standing::Accepted => Standing::Rejected,
                // What the negation's standing would decide is not known.
                Standing::Unknown => Standing::Unknown,
                _ => own,
            }
        }
        other => other,
    }
}

/// Whether the standing meets the verdict an expectation names (an unknown standing meets
/// none: agon cannot vouch for it).
pub fn meets(verdict: Verdict, standing: Standing) -> bool {
    match verdict {
        Verdict::Accepts => standing == Standing::Accepted,
        Verdict::CredulouslyAccepts => matches!(standing, Standing::Accepted | Standing::Credulous),
        Verdict::Undecided => matches!(standing, Standing::Undecided | Standing::Credulous),
        Verdict::Rejects => standing == Standing::Rejected,
    }
}

fn verdict_words(v: Verdict) -> &'static str {
    match v {
        Verdict::Accepts => "accept",
        Verdict::CredulouslyAccepts => "credulously accept",
        Verdict::Undecided => "be undecided on",
        Verdict::Rejects => "reject",
    }
}

/// Judges every expectation of the theory.
pub fn evaluate(theory: &Theory, judge: &mut dyn Judge) -> Outcome {
    let mut held = 0;
    let mut failed = Vec::new();
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
                let standing = claim_standing(judge, *school, semantics, *literal);
                (!meets(*verdict, standing)).then(|| {
                    Diagnostic::error(
                        "agon::expectation-failed",
                        format!(
                            "expected `{}` to {} `{}`{under}, but it is {}",
                            theory.school(*school).name,
                            verdict_words(*verdict),
                            theory.show(*literal),
                            standing.word()
                        ),
                    )
                    .with_label(
                        e.span,
                        format!(
                            "expected {}, found {}",
                            verdict_words(*verdict),
                            standing.word()
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
                let sa = claim_standing(judge, *a, semantics, *literal);
                let sb = claim_standing(judge, *b, semantics, *literal);
                let unknown = sa == Standing::Unknown || sb == Standing::Unknown;
                (unknown || want_diverge == (sa == sb)).then(|| {
                    let (na, nb) = (&theory.school(*a).name, &theory.school(*b).name);
                    let verb = if want_diverge { "diverge" } else { "agree" };
                    Diagnostic::error(
                        "agon::expectation-failed",
                        format!(
                            "expected `{na}` and `{nb}` to {verb} on `{}`{under}, but `{na}` holds it {} and `{nb}` {}",
                            theory.show(*literal),
                            sa.word(),
                            sb.word()
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
        };
        match failure {
            Some(d) => failed.push(d),
            None => held += 1,
        }
    }
    Outcome { held, failed }
}
