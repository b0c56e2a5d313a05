//! The grounded assumption set of a flat ABA framework: the least fixpoint of the defence
//! function (Bondarenko et al. 1997; Čyras et al. 2018, Def. 3.6), computed by iteration.
//!
//! `S` defends assumption `a` iff no contrary of `a` is derivable from the assumptions `S`
//! does not attack (every argument against `a` then rests on an assumption `S` attacks). From
//! `S₀ = ∅`, `S_{k+1} = {a : S_k defends a}` grows monotonically to the grounded set. Each
//! round is two linear closures; the rounds are at most the assumptions plus one, and in
//! practice the length of the longest chain of attacks.

use super::closure::{self, Closure};
use super::{AsmId, Framework};

/// The grounded set and what it settles.
#[derive(Clone, Debug)]
pub struct Grounded {
    /// `inside[a]`: assumption `a` is in the grounded set.
    pub inside: Vec<bool>,
    /// Th(G): what the grounded set derives.
    pub derived: Closure,
    /// The assumptions G attacks (out in every complete extension).
    pub attacked: Vec<bool>,
    /// Th(U_G), U_G the assumptions G does not attack: what some argument not defeated by
    /// G derives. An atom outside it has every argument out.
    pub undefeated: Closure,
}

/// Assumptions `S` defends, given Th(U_S).
pub fn defended(f: &Framework, undefeated: &Closure) -> Vec<bool> {
    (0..f.assumption_count() as u32)
        .map(|a| !undefeated.attacks(f, a))
        .collect()
}

/// Th(S), the assumptions S attacks, and Th(U_S).
pub fn settle(f: &Framework, inside: &[bool]) -> (Closure, Vec<bool>, Closure) {
    let derived = closure::derive(f, |a: AsmId| inside[a as usize]);
    let attacked = closure::attacked(f, &derived);
    let undefeated = closure::derive(f, |a: AsmId| !attacked[a as usize]);
    (derived, attacked, undefeated)
}

/// The grounded assumption set. The framework must be frozen.
pub fn grounded(f: &Framework) -> Grounded {
    let mut inside = vec![false; f.assumption_count()];
    loop {
        let (derived, attacked, undefeated) = settle(f, &inside);
        let next = defended(f, &undefeated);
        if next == inside {
            return Grounded {
                inside,
                derived,
                attacked,
                undefeated,
            };
        }
        inside = next;
    }
}
