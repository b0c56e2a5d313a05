//! Defeat (Modgil & Prakken 2013, Def. 3.12): A defeats B iff A undercuts B, or A
//! successfully rebuts or successfully undermines B, where A successfully rebuts
//! (undermines) B on B' iff
//! - Conc(A) is a *contrary* of the attacked conclusion (premise) — a contrary-rebut
//!   (contrary-undermine), which succeeds whatever the preferences; or
//! - Conc(A) is a *contradictory* of it and A ⊀ B' (B' is not strictly preferred to A).
//!
//! Undercuts always succeed. The ordering ≺ is that of [`super::preference`]; attacks are
//! those of [`super::attack`], on each argument's own last step, so B' is the attacked
//! argument itself.

use super::argument::{ArgId, Arguments};
pub use super::attack::{Attack, AttackKind};
use super::preference::ArgumentOrder;

/// Whether one attack on `target`'s last step succeeds.
pub fn succeeds(attack: &Attack, target: ArgId, order: &ArgumentOrder, args: &Arguments) -> bool {
    match attack.kind {
        AttackKind::Undercut => true,
        AttackKind::Rebut | AttackKind::Undermine => {
            attack.contrary || !order.weaker(attack.by, target, args)
        }
    }
}

/// Marks each attack that succeeds as a defeat.
pub fn decide(attacks: &mut [Vec<Attack>], order: &ArgumentOrder, args: &Arguments) {
    for (target, found) in attacks.iter_mut().enumerate() {
        let target = ArgId(target as u32);
        for attack in found.iter_mut() {
            attack.defeats = succeeds(attack, target, order, args);
        }
    }
}
