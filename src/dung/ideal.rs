//! The ideal extension (Dung, Mancarella & Toni 2007), computed from credulous acceptance
//! rather than from the list of preferred extensions, which can be exponentially long.
//!
//! Let `C` be the credulously accepted arguments (in some preferred, equivalently some
//! admissible, extension) and `S` those of `C` no member of `C` attacks. The ideal extension
//! is the largest admissible subset of `S` (cf. Dunne 2009, "The computational complexity of
//! ideal semantics"). It lies in `S`: it is in every preferred extension, so in `C`, and an
//! attacker in some preferred `P` would conflict with it inside `P`. Conversely the largest
//! admissible `T ⊆ S` joins every preferred `P` without conflict (`P ⊆ C` does not attack `S`,
//! and `t ∈ T` attacking `p ∈ P` would be counter-attacked by `P`, so from `C`), hence `T ⊆ P`.

use super::sat::{Encoding, Kind};
use super::{Extension, Framework, Label};
use std::collections::VecDeque;

/// The ideal extension (Dung, Mancarella & Toni 2007): the largest admissible set
/// contained in every preferred extension. It is complete and contains the grounded one.
/// Cost: the grounded labelling, then at most `u + 1` NP (SAT) calls for `u` arguments the
/// grounded labelling leaves undecided, then a linear greatest-fixpoint pass.
pub fn ideal(af: &Framework) -> Extension {
    let mut enc = Encoding::new(af, Kind::Complete);
    let accepted = enc.credulous(&vec![true; enc.free().len()]);
    let mut credulous: Vec<bool> = enc.grounded().iter().map(|&l| l == Label::In).collect();
    for (i, &a) in enc.free().iter().enumerate() {
        credulous[a as usize] = accepted[i];
    }
    let candidates = (0..af.len() as u32)
        .map(|a| credulous[a as usize] && af.attackers(a).iter().all(|&b| !credulous[b as usize]));
    largest_admissible_subset(af, candidates.collect())
}

/// The largest admissible subset of a conflict-free set (admissible sets are closed under
/// union, so it exists): drop, until nothing changes, every member with an attacker the set
/// does not attack. `O(n + m)`: each argument leaves once, each attack is revisited once.
pub(crate) fn largest_admissible_subset(af: &Framework, mut inside: Vec<bool>) -> Extension {
    let n = af.len();
    // How many members attack each argument.
    let mut hits = vec![0usize; n];
    for a in (0..n as u32).filter(|&a| inside[a as usize]) {
        for &b in af.attacked_by(a) {
            hits[b as usize] += 1;
        }
    }
    let undefended =
        |a: u32, hits: &[usize]| af.attackers(a).iter().any(|&b| hits[b as usize] == 0);
    let mut queued = vec![false; n];
    let mut queue: VecDeque<u32> = VecDeque::new();
    for a in 0..n as u32 {
        if inside[a as usize] && undefended(a, &hits) {
            queued[a as usize] = true;
            queue.push_back(a);
        }
    }
    while let Some(a) = queue.pop_front() {
        inside[a as usize] = false;
        for &b in af.attacked_by(a) {
            hits[b as usize] -= 1;
            if hits[b as usize] > 0 {
                continue;
            }
            // `b` is no longer attacked: whatever it attacks is undefended.
            for &c in af.attacked_by(b) {
                if inside[c as usize] && !queued[c as usize] {
                    queued[c as usize] = true;
                    queue.push_back(c);
                }
            }
        }
    }
    (0..n as u32).filter(|&a| inside[a as usize]).collect()
}
