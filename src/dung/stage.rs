//! Stage semantics (Verheij 1996): the conflict-free sets whose range (the set and what it
//! attacks) is maximal. Not a member of [`Semantics`](super::Semantics), which names the
//! semantics theories are judged under; stage is offered for the ICCMA interface.
//!
//! A stage extension need not be admissible, nor contain the grounded extension, so it is
//! searched on the conflict-free encoding of the whole framework. When a stable extension
//! exists the stage extensions are exactly the stable ones (their range is everything), and
//! the cheaper stable encoding answers. Otherwise enumeration and acceptance reuse the range
//! maximisation and counterexample-guided loops of `sat` that semi-stable semantics uses.

use super::acceptance::stable_with_if_any;
use super::sat::{Encoding, Enumeration, Kind, Order};
use super::{Extension, Framework};

/// Every stage extension (sorted, each sorted), up to `limit` of them; `truncated` says
/// whether more exist. There is always at least one (the empty set is conflict-free). Costs
/// as semi-stable enumeration in [`extensions`](super::extensions), on every argument rather
/// than only those the grounded labelling leaves undecided.
pub fn extensions(af: &Framework, limit: usize) -> Enumeration {
    let mut stable = Encoding::new(af, Kind::Stable);
    if stable.solve(&[]) {
        stable.all(limit)
    } else {
        Encoding::new(af, Kind::ConflictFree).maximal(Order::Range, limit)
    }
}

/// Some stage extension (there is always one): a stable extension when there is one,
/// otherwise a climb to a maximal range on the conflict-free encoding.
pub fn some_extension(af: &Framework) -> Extension {
    let mut stable = Encoding::new(af, Kind::Stable);
    let found = if stable.solve(&[]) {
        stable.one(None)
    } else {
        Encoding::new(af, Kind::ConflictFree).one(Some(Order::Range))
    };
    found.expect("the empty set is conflict-free")
}

/// Whether argument `a` is in some stage extension. With a stable extension, as stable
/// credulous acceptance; otherwise Σ2-complete, decided as semi-stable credulous acceptance
/// is (rounds bounded by the false maxima met, each at most `2n + 3` SAT calls).
pub fn credulous(af: &Framework, a: u32) -> bool {
    decide(af, a, Question::Credulous)
}

/// Whether argument `a` is in every stage extension; Π2-complete, decided as semi-stable
/// sceptical acceptance is, by counterexample-guided search.
pub fn sceptical(af: &Framework, a: u32) -> bool {
    decide(af, a, Question::Sceptical)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Question {
    Credulous,
    Sceptical,
}

fn decide(af: &Framework, a: u32, question: Question) -> bool {
    assert!((a as usize) < af.len(), "argument outside the framework");
    // Credulous: some stable extension holds `a`; sceptical: none lacks it.
    let member = question == Question::Credulous;
    if let Some(found) = stable_with_if_any(af, a, member) {
        return found == member;
    }
    // The conflict-free encoding leaves nothing out: local index = argument.
    let mut enc = Encoding::new(af, Kind::ConflictFree);
    let i = a as usize;
    let wanted = only(af.len(), i);
    match question {
        Question::Credulous => enc.credulous_maximal(Order::Range, &wanted)[i],
        Question::Sceptical => enc.sceptical_maximal(Order::Range, &wanted)[i],
    }
}

/// A bit vector of `k` with only bit `i` set.
fn only(k: usize, i: usize) -> Vec<bool> {
    let mut bits = vec![false; k];
    bits[i] = true;
    bits
}
