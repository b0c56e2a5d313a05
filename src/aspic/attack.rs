//! Attacks (Modgil & Prakken 2013, Def. 3.10): A attacks B iff A undercuts, rebuts or
//! undermines B, where
//! - A *undercuts* B on B' iff Conc(A) ∈ ‾n(r) for some B' ∈ Sub(B) whose top rule r is
//!   defeasible — here: `r does not apply when Conc(A)` (a [`crate::model::Exception`]);
//! - A *rebuts* B on B' iff Conc(A) ∈ ‾φ for some B' ∈ Sub(B) of the form B1'', ..., Bn'' ⇒ φ
//!   (only conclusions of defeasible rules can be rebutted: "restricted rebut");
//! - A *undermines* B on φ iff Conc(A) ∈ ‾φ for an ordinary premise φ of B (axioms cannot be
//!   undermined).
//!
//! The relation is kept compact: for each argument, only the attacks *on itself* (on its own
//! last step, B' = B). A attacks B on B' ∈ Sub(B) exactly when A attacks B' on B' itself, and
//! whether the attack succeeds depends only on A and B' ([`super::defeat`]), so the full
//! relation is recovered as: A attacks (defeats) B iff A attacks (defeats) some sub-argument
//! of B on its last step. The compact relation has one entry per (attacker, attacked step).

use super::argument::{ArgId, Arguments, Top};
use super::rules::{Contrariness, Rule};
use crate::model::{Literal, PremiseKind, RuleId, RuleKind, School};
use serde::Serialize;
use std::collections::HashMap;

/// How one argument attacks another's last step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AttackKind {
    /// On the conclusion of a defeasible rule.
    Rebut,
    /// On an ordinary premise.
    Undermine,
    /// On the use of a defeasible rule (an exception).
    Undercut,
}

/// One attack on an argument's last step, and whether it succeeds as a defeat.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Attack {
    pub by: ArgId,
    pub kind: AttackKind,
    /// The attacker's conclusion is a contrary (one-way conflict) of the attacked
    /// conclusion: a contrary-rebut or contrary-undermine, which succeeds whatever the
    /// preferences (Def. 3.12).
    pub contrary: bool,
    /// Set by [`super::defeat::decide`].
    pub defeats: bool,
}

/// Attacks on each argument's own last step (index = argument), not yet decided, and
/// whether more than `max` were found (then the rest are left out: the relation is
/// incomplete, which callers must report).
pub fn direct_attacks(
    school: &School,
    rules: &[Rule],
    args: &Arguments,
    contrariness: &Contrariness,
    max: usize,
) -> (Vec<Vec<Attack>>, bool) {
    let mut total = 0usize;
    let mut exceptions: HashMap<RuleId, Vec<Literal>> = HashMap::new();
    for e in &school.exceptions {
        let v = exceptions.entry(e.rule).or_default();
        if !v.contains(&e.literal) {
            v.push(e.literal);
        }
    }
    let mut out = vec![Vec::new(); args.all.len()];
    for target in args.ids() {
        let arg = args.get(target);
        let (kind, rule) = match arg.top {
            Top::Premise(PremiseKind::Ordinary) => (AttackKind::Undermine, None),
            Top::Rule(r) if rules[r as usize].kind == RuleKind::Defeasible => {
                (AttackKind::Rebut, Some(&rules[r as usize]))
            }
            // Axioms and conclusions of strict rules cannot be attacked on the last step.
            _ => continue,
        };
        let found = &mut out[target.0 as usize];
        for psi in contrariness.attackers_of(arg.conclusion) {
            let contrary = contrariness.is_contrary(psi, arg.conclusion);
            total += args.for_literal(psi).len();
            if total > max {
                return (out, true);
            }
            for &by in args.for_literal(psi) {
                found.push(Attack {
                    by,
                    kind,
                    contrary,
                    defeats: false,
                });
            }
        }
        if let Some(rule) = rule {
            for &u in exceptions.get(&rule.origin).into_iter().flatten() {
                total += args.for_literal(u).len();
                if total > max {
                    return (out, true);
                }
                for &by in args.for_literal(u) {
                    found.push(Attack {
                        by,
                        kind: AttackKind::Undercut,
                        contrary: false,
                        defeats: false,
                    });
                }
            }
        }
    }
    (out, false)
}
