//! The joint debate: the compared schools' statements put into one school, so that their
//! arguments meet.

use super::cruxes::Signature;
use crate::model::{Literal, Preferable, PremiseKind, SchoolId, Theory};
use std::collections::{BTreeSet, HashMap};

/// The joint debate: the compared schools' premises, inferences, exceptions, conflicts and
/// preferences put into one school (each statement kept once), so their arguments meet.
/// Orderings: the first school's. An inference any of the schools denies is left out, strict
/// or defeasible: the denial undercuts it (see [`crate::model::Denial`]).
pub fn joint_school(theory: &Theory, schools: &[SchoolId]) -> crate::model::School {
    use crate::model::{Preference, RuleId};
    let first = theory.school(schools[0]);
    let mut joint = crate::model::School::new("joint".into(), "Joint debate".into(), first.span);
    joint.ordering = first.ordering;
    let mut rule_index: HashMap<Signature, RuleId> = HashMap::new();
    let mut premise_seen: HashMap<Literal, usize> = HashMap::new();
    for &sid in schools {
        let s = theory.school(sid);
        for p in &s.premises {
            match premise_seen.get(&p.literal) {
                // An axiom in any school stays an axiom in the debate.
                Some(&i) if p.kind == PremiseKind::Axiom => {
                    joint.premises[i].kind = PremiseKind::Axiom
                }
                Some(_) => {}
                None => {
                    premise_seen.insert(p.literal, joint.premises.len());
                    joint.premises.push(p.clone());
                }
            }
        }
        let mut local: Vec<RuleId> = Vec::new();
        for r in &s.rules {
            let mut ants = r.antecedents.clone();
            ants.sort();
            let id = *rule_index
                .entry((r.kind, ants, r.consequent))
                .or_insert_with(|| {
                    joint.rules.push(r.clone());
                    RuleId(joint.rules.len() as u32 - 1)
                });
            local.push(id);
        }
        for e in &s.exceptions {
            let mut e = e.clone();
            e.rule = local[e.rule.0 as usize];
            joint.exceptions.push(e);
        }
        for p in &s.preferences {
            let map = |x: Preferable| match x {
                Preferable::Rule(r) => Preferable::Rule(local[r.0 as usize]),
                other => other,
            };
            joint.preferences.push(Preference {
                better: map(p.better),
                worse: map(p.worse),
                ..p.clone()
            });
        }
        joint.conflicts.extend(s.conflicts.iter().cloned());
    }
    for &sid in schools {
        for x in &theory.school(sid).denials {
            if !joint.denials.iter().any(|q| q.same(x)) {
                joint.denials.push(x.clone());
            }
        }
    }
    if !joint.denials.is_empty() {
        let denied: Vec<bool> = (joint.rules.iter())
            .map(|r| joint.denials.iter().any(|x| x.matches(r)))
            .collect();
        joint.drop_rules(|r| !denied[r.0 as usize]);
    }
    // Preferences the schools state in opposite directions cancel out.
    let pairs: BTreeSet<(Preferable, Preferable)> = joint
        .preferences
        .iter()
        .map(|p| (p.better, p.worse))
        .collect();
    joint
        .preferences
        .retain(|p| !pairs.contains(&(p.worse, p.better)));
    joint
}

/// A claim a school accepts alone but not in the joint debate, and what decided it there.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Loss {
    pub claim: String,
    /// The debate's view of the claim, with the attack that decided it (`rejects (accepts
    /// not x)`, `rejects (accepts y, in conflict with it)`, `rejects (every argument
    /// defeated)`, `open`).
    pub decided_by: String,
}

/// The claims a school accepts alone (`alone`) that the joint debate (`joint`, with standings
/// `together`) does not accept, each with the attack that decided it.
pub fn losses(
    theory: &Theory,
    joint: &crate::model::School,
    alone: &[Literal],
    together: &HashMap<Literal, super::Standing>,
) -> Vec<Loss> {
    use super::view::{view_with, Opposites};
    let opposites = Opposites::from_conflicts(&joint.conflicts);
    let standing = |l: Literal| {
        together
            .get(&l)
            .copied()
            .unwrap_or(super::Standing::NotAddressed)
    };
    let mut out: Vec<Loss> = alone
        .iter()
        .filter(|l| standing(**l) != super::Standing::Accepted)
        .map(|&l| {
            let view = view_with(&opposites, l, standing);
            let denied = joint.denials.iter().find(|x| x.consequent == l);
            let decided_by = match denied {
                Some(x) if view == super::View::Silent => denied_words(theory, x),
                _ => view.describe(theory, l),
            };
            Loss {
                claim: theory.show(l),
                decided_by,
            }
        })
        .collect();
    out.sort_by(|x, y| x.claim.cmp(&y.claim));
    out
}

/// "leaves out the inference from `y`: s denies it": why the debate has no argument for a
/// claim (read after "the debate").
fn denied_words(theory: &Theory, denial: &crate::model::Denial) -> String {
    let from: Vec<String> = denial.antecedents.iter().map(|l| theory.show(*l)).collect();
    let by: Vec<&str> = (theory.schools.iter())
        .filter(|s| s.denials.iter().any(|x| x.span == denial.span))
        .map(|s| s.name.as_str())
        .take(1)
        .collect();
    format!(
        "leaves out the inference from `{}`: {} denies it",
        from.join(", "),
        by.join(", ")
    )
}
