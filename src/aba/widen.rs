//! What the preferred search learns from an admissible superset, beyond the per-part
//! clauses of [`super::parts`]: after a preferred extension P was found above a complete
//! candidate S, a small set D ⊆ P \ S with S ∪ D admissible, and the clause "D is held, or
//! X ∪ D is not admissible" over every later candidate X. A set X for which X ∪ D is
//! admissible and larger is not preferred, so the clause holds of every preferred
//! extension and is kept for later questions; it rules out S, and every other set that D
//! extends the same way, wherever else it differs from S. The per-part clauses cannot see
//! past a difference inside a part, and one strongly connected part with many independent
//! choices has exponentially many preferred shares.
//!
//! This is counterexample-guided abstraction refinement for 2QBF (Janota & Marques-Silva
//! 2011; ∃X complete ∀Y: not (Y admissible and X ⊊ Y)), with the counterexample kept
//! symbolic in X: Y = X ∪ D rather than Y = P. "X ∪ D is admissible" costs copies of
//! derivability over what D reaches ([`Encoding::admissible_with`]), so D is first cut to
//! the first part where P grows and then shrunk greedily while S ∪ D stays admissible.

use super::encoding::{Encoding, Val};
use super::grounded::{defended, settle};
use super::parts::Parts;
use super::search::Scope;
use super::{AsmId, Framework};

/// Learns "D is held or X ∪ D is not admissible" (on the scope), from the complete set
/// `cur` and the preferred extension `top` above it; the clause holds while
/// [`Encoding::wide`] is assumed, which only the preferred search does.
pub(super) fn refine(
    enc: &mut Encoding,
    parts: &Parts,
    scope: Scope,
    (cur, top): (&[bool], &[bool]),
) {
    let f = enc.framework();
    let grown: Vec<AsmId> = scope
        .within
        .iter()
        .copied()
        .filter(|&a| top[a as usize] && !cur[a as usize])
        .collect();
    // P's growth in the first part where it grows: the parts before agree with `cur`, so
    // they defend it as P does, and it attacks nothing P holds.
    let Some(first) = grown.iter().map(|&a| parts.of(f.atom_of(a))).min() else {
        return;
    };
    let growth: Vec<AsmId> = grown
        .into_iter()
        .filter(|&a| parts.of(f.atom_of(a)) == first)
        .collect();
    let d = minimal(f, scope.atoms, cur, growth);
    let mut added = vec![false; f.assumption_count()];
    for &a in &d {
        added[a as usize] = true;
    }
    let admissible = enc.admissible_with(&added, scope.atoms);
    let missing: Vec<Val> = d.iter().map(|&a| enc.x(a).not()).collect();
    let all_held = enc.or(&missing).not();
    let wide = enc.wide();
    enc.clause(&[Val::Lit(!wide), admissible.not(), all_held]);
}

/// A small nonempty subset D of `growth` (with which `cur` is admissible) such that `cur` ∪ D
/// is admissible on the scope: drops halves, then quarters, down to single assumptions,
/// keeping each drop that leaves the set admissible. (Admissibility is not monotone, so this
/// is not always a minimal one; a smaller D only makes the clause apply more widely.)
fn minimal(f: &Framework, scope: &[bool], cur: &[bool], mut d: Vec<AsmId>) -> Vec<AsmId> {
    debug_assert!(admissible(f, scope, cur, &d));
    let mut chunk = d.len() / 2;
    while chunk >= 1 {
        let mut i = 0;
        while i < d.len() {
            let end = (i + chunk).min(d.len());
            let rest: Vec<AsmId> = d[..i].iter().chain(&d[end..]).copied().collect();
            if !rest.is_empty() && admissible(f, scope, cur, &rest) {
                d = rest;
            } else {
                i = end;
            }
        }
        chunk /= 2;
    }
    d
}

/// Whether `cur` ∪ `d` is admissible on the scope: no member attacked by the set, and none
/// attacked by an argument the set leaves undefeated.
fn admissible(f: &Framework, scope: &[bool], cur: &[bool], d: &[AsmId]) -> bool {
    let mut inside = cur.to_vec();
    for &a in d {
        inside[a as usize] = true;
    }
    let (_, attacked, undefeated) = settle(f, &inside);
    let defended = defended(f, &undefeated);
    (0..f.assumption_count())
        .filter(|&a| inside[a] && scope[f.atom_of(a as AsmId) as usize])
        .all(|a| !attacked[a] && defended[a])
}
