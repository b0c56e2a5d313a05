//! Attacks and defeats (Modgil & Prakken 2013, Def. 3.10 and 3.12), kept compact: for each
//! argument, only the attacks *on itself* (on its own last step). A attacks B on B' ∈ Sub(B)
//! exactly when A attacks B' on B' itself, and whether it succeeds depends only on A and B',
//! so the full relation is: A defeats B iff A directly defeats some sub-argument of B. The
//! direct relation is linear in the arguments times their attackers; the full one, which can
//! be quadratic in deep chains, is materialised only when a semantics needs it.

use super::argument::{ArgId, Arguments, Top};
use super::preference::ArgumentOrder;
use super::rules::{Contrariness, Rule};
use crate::model::{Literal, PremiseKind, RuleId, RuleKind, School};
use serde::Serialize;
use std::collections::HashMap;

/// How one argument attacks another's last step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
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
    /// A contrary (one-way) conflict: succeeds whatever the preferences.
    pub contrary: bool,
    pub defeats: bool,
}

/// Attacks on each argument's own last step (index = argument).
pub fn direct_attacks(
    school: &School,
    rules: &[Rule],
    args: &Arguments,
    contrariness: &Contrariness,
    order: &ArgumentOrder,
) -> Vec<Vec<Attack>> {
    let mut exceptions: HashMap<RuleId, Vec<Literal>> = HashMap::new();
    for e in &school.exceptions {
        exceptions.entry(e.rule).or_default().push(e.literal);
    }
    let weaker = |a: ArgId, b: ArgId| order.weaker(a, b, args);
    let mut out = vec![Vec::new(); args.all.len()];
    for target in args.ids() {
        let arg = args.get(target);
        let (kind, rule) = match arg.top {
            Top::Premise(PremiseKind::Ordinary) => (AttackKind::Undermine, None),
            Top::Rule(r) if rules[r as usize].kind == RuleKind::Defeasible => {
                (AttackKind::Rebut, Some(&rules[r as usize]))
            }
            _ => continue,
        };
        let found = &mut out[target.0 as usize];
        for psi in contrariness.attackers_of(arg.conclusion) {
            let contrary = contrariness.is_contrary(psi, arg.conclusion);
            for &by in args.for_literal(psi) {
                found.push(Attack {
                    by,
                    kind,
                    contrary,
                    defeats: contrary || !weaker(by, target),
                });
            }
        }
        if let Some(rule) = rule {
            for &u in exceptions.get(&rule.origin).into_iter().flatten() {
                for &by in args.for_literal(u) {
                    found.push(Attack {
                        by,
                        kind: AttackKind::Undercut,
                        contrary: false,
                        defeats: true,
                    });
                }
            }
        }
    }
    out
}
