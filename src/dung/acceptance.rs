//! Credulous and sceptical acceptance of arguments, decided without listing the extensions
//! where the semantics allows it. Owns the per-semantics choice of decision procedure; the
//! SAT loops themselves live in `sat`.

use super::ideal::{ideal, largest_admissible_subset};
use super::sat::{Encoding, Kind, Order};
use super::{grounded, Framework, Label, Semantics};
use serde::Serialize;

/// An argument's acceptance under a semantics: `credulous` when it is in some extension,
/// `sceptical` when it is in every one (so vacuously true when there is no extension).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Acceptance {
    pub credulous: bool,
    pub sceptical: bool,
}

/// Every argument's acceptance under one semantics, and whether it has an extension at all.
/// Only stable semantics can have none (an odd cycle suffices); then `exists` is false, no
/// argument is credulously accepted and every argument is, vacuously, sceptically accepted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Acceptances {
    pub semantics: Semantics,
    pub exists: bool,
    /// `arguments[a]` is argument `a`'s acceptance.
    pub arguments: Vec<Acceptance>,
}

/// Which arguments to decide, and which of the two questions to answer.
struct Query {
    only: Option<u32>,
    credulous: bool,
    sceptical: bool,
}

impl Query {
    /// One question (credulous or sceptical) about argument `a` alone.
    fn about(af: &Framework, a: u32, credulous: bool) -> Query {
        assert!((a as usize) < af.len(), "argument outside the framework");
        Query {
            only: Some(a),
            credulous,
            sceptical: !credulous,
        }
    }
}

/// Every argument's credulous and sceptical acceptance (Dung 1995; Caminada 2006; Dung,
/// Mancarella & Toni 2007 for the semantics). Cost, with `n` arguments, `m` attacks and `u`
/// arguments the grounded labelling leaves undecided (all the SAT work is on those `u`):
/// - grounded: `O(n + m)`, sceptical = credulous = in the grounded extension;
/// - ideal: as [`ideal`](super::ideal()), at most `u + 1` SAT calls, sceptical = credulous;
/// - complete: sceptical = grounded; credulous (= credulous admissible = credulous preferred)
///   with at most `u + 1` NP calls (each finds a model holding a not yet accepted argument);
/// - stable: credulous and sceptical with at most `u + 1` SAT calls each (coNP for sceptical);
/// - preferred: credulous as complete; sceptical (Π2-complete): arguments attacked by a
///   credulous one are out, the largest admissible set of the rest is in (as for ideal), and
///   what remains goes to a counterexample-guided loop (CEGARTIX, Dvořák et al. 2014) run
///   inside each argument's ancestors (directionality). Its rounds are bounded by those
///   arguments plus the non-maximal complete extensions met (exponential in the worst case,
///   as the problem is), each round at most `2u + 3` SAT calls;
/// - semi-stable: the stable answer when a stable extension exists (one SAT call decides);
///   otherwise (Σ2/Π2-complete) credulous and sceptical by the same kind of loop over ranges,
///   on the whole undecided part (semi-stable semantics is not directional).
pub fn acceptance(af: &Framework, semantics: Semantics) -> Acceptances {
    decide(
        af,
        semantics,
        Query {
            only: None,
            credulous: true,
            sceptical: true,
        },
    )
}

/// Whether argument `a` is in some extension under the semantics; costs at most those of
/// [`acceptance`] restricted to one argument (one SAT call for complete, preferred and
/// stable, and for semi-stable when a stable extension holds it).
pub fn credulous(af: &Framework, semantics: Semantics, a: u32) -> bool {
    let query = Query::about(af, a, true);
    match semantics {
        Semantics::Stable => stable_with(af, a, true),
        Semantics::SemiStable => semi_stable_with(af, query),
        // In some complete (or preferred) extension exactly when in some admissible set.
        Semantics::Complete | Semantics::Preferred => {
            Encoding::new(af, Kind::Admissible).some_model_with(a, true)
        }
        _ => decide(af, semantics, query).arguments[a as usize].credulous,
    }
}

/// Whether argument `a` is in every extension under the semantics (vacuously true under
/// stable semantics when there is no stable extension); costs at most those of
/// [`acceptance`] restricted to one argument (one SAT call for stable, and for semi-stable
/// when a stable extension lacks it; none for complete).
pub fn sceptical(af: &Framework, semantics: Semantics, a: u32) -> bool {
    let query = Query::about(af, a, false);
    match semantics {
        // The grounded extension is the least complete extension (Dung 1995, Thm. 25), so
        // it is what every complete extension holds: no SAT encoding is needed.
        Semantics::Complete => grounded(af)[a as usize] == Label::In,
        Semantics::Stable => !stable_with(af, a, false),
        Semantics::SemiStable => !semi_stable_with(af, query),
        _ => decide(af, semantics, query).arguments[a as usize].sceptical,
    }
}

/// Whether some stable extension holds `a` (`member`) or lacks it. One SAT call, with no
/// separate one for whether a stable extension exists: without one, the answer is no, which
/// is what both questions need (not credulous; sceptical, vacuously).
fn stable_with(af: &Framework, a: u32, member: bool) -> bool {
    Encoding::for_one_call(af, Kind::Stable).some_model_with(a, member)
}

/// Whether some stable extension holds `a` (`member`) or lacks it, when there is a stable
/// extension at all (`None` when there is none). For the semantics that are stable whenever
/// a stable extension exists (semi-stable, Caminada 2006; stage, Verheij 1996): a stable
/// extension that answers yes settles it in one SAT call; otherwise a second call, with no
/// clause added, says whether there is a stable extension.
pub(super) fn stable_with_if_any(af: &Framework, a: u32, member: bool) -> Option<bool> {
    let mut stable = Encoding::for_one_call(af, Kind::Stable);
    if stable.some_model_with(a, member) {
        return Some(true);
    }
    stable.solve(&[]).then_some(false)
}

/// For a query [`Query::about`] one argument: whether some semi-stable extension holds it
/// (credulous query) or lacks it (sceptical). Semi-stable is stable whenever a stable
/// extension exists (Caminada 2006): a stable extension that answers yes settles it in one
/// SAT call; otherwise a second call says whether there is a stable extension at all (no:
/// the range-maximal search of [`maximal`] decides).
fn semi_stable_with(af: &Framework, query: Query) -> bool {
    let (a, member) = (query.only.expect("a one-argument query"), query.credulous);
    if let Some(answer) = stable_with_if_any(af, a, member) {
        return answer;
    }
    let x = maximal(af, Semantics::SemiStable, Order::Range, &query).arguments[a as usize];
    if member {
        x.credulous
    } else {
        !x.sceptical
    }
}

/// Answers the query. Answers about arguments outside `query.only`, or to a question not
/// asked, may be left false: only the ones asked for are meant.
fn decide(af: &Framework, semantics: Semantics, query: Query) -> Acceptances {
    let unique = |members: Vec<bool>| Acceptances {
        semantics,
        exists: true,
        arguments: members
            .into_iter()
            .map(|x| Acceptance {
                credulous: x,
                sceptical: x,
            })
            .collect(),
    };
    match semantics {
        Semantics::Grounded => unique(grounded(af).iter().map(|&l| l == Label::In).collect()),
        Semantics::Ideal => {
            let mut members = vec![false; af.len()];
            for a in ideal(af) {
                members[a as usize] = true;
            }
            unique(members)
        }
        Semantics::Stable => stable(af, semantics, &query),
        Semantics::SemiStable => {
            // Semi-stable = stable whenever a stable extension exists (Caminada 2006).
            let answer = stable(af, semantics, &query);
            if answer.exists {
                answer
            } else {
                maximal(af, semantics, Order::Range, &query)
            }
        }
        Semantics::Complete | Semantics::Preferred => maximal(af, semantics, Order::Set, &query),
    }
}

/// The undecided arguments the query is about, as local bits of `enc`.
fn wanted(enc: &Encoding, query: &Query) -> Vec<bool> {
    enc.free()
        .iter()
        .map(|&a| query.only.is_none_or(|b| a == b))
        .collect()
}

/// Acceptances seeded from the grounded labelling (in: accepted both ways; out: neither), with
/// the undecided arguments' answers filled in from local bits.
fn assemble(
    enc: &Encoding,
    semantics: Semantics,
    credulous: &[bool],
    sceptical: &[bool],
) -> Acceptances {
    let mut arguments: Vec<Acceptance> = enc
        .grounded()
        .iter()
        .map(|&l| Acceptance {
            credulous: l == Label::In,
            sceptical: l == Label::In,
        })
        .collect();
    for (i, &a) in enc.free().iter().enumerate() {
        arguments[a as usize] = Acceptance {
            credulous: credulous[i],
            sceptical: sceptical[i],
        };
    }
    Acceptances {
        semantics,
        exists: true,
        arguments,
    }
}

/// Stable acceptance (also reported for semi-stable when a stable extension exists).
fn stable(af: &Framework, semantics: Semantics, query: &Query) -> Acceptances {
    let mut enc = Encoding::new(af, Kind::Stable);
    if !enc.solve(&[]) {
        return Acceptances {
            semantics,
            exists: false,
            arguments: vec![
                Acceptance {
                    credulous: false,
                    sceptical: true,
                };
                af.len()
            ],
        };
    }
    let wanted = wanted(&enc, query);
    let none = vec![false; wanted.len()];
    let credulous = if query.credulous {
        enc.credulous(&wanted)
    } else {
        none.clone()
    };
    let sceptical = if query.sceptical {
        enc.sceptical(&wanted)
    } else {
        none
    };
    assemble(&enc, semantics, &credulous, &sceptical)
}

/// Complete and preferred (`Order::Set`) or semi-stable without stable extensions
/// (`Order::Range`) acceptance. A question about one argument is answered on the admissible
/// encoding (with ranges for semi-stable), whose calls are several times faster on hard
/// frameworks; questions about every argument on the complete encoding (see
/// [`Kind::Admissible`] for why). All leave out what the grounded labelling decides, so
/// their local indices agree.
fn maximal(af: &Framework, semantics: Semantics, order: Order, query: &Query) -> Acceptances {
    let lone = query.only.is_some();
    let kind = match (lone, order) {
        (false, _) => Kind::Complete,
        (true, Order::Set) => Kind::Admissible,
        (true, Order::Range) => Kind::AdmissibleRange,
    };
    let mut enc = Encoding::new(af, kind);
    let wanted = wanted(&enc, query);
    let k = wanted.len();
    let none = vec![false; k];
    let sceptical_question = query.sceptical && semantics != Semantics::Complete;
    // For the sceptical question the attackers' credulous standing matters too (below).
    let mut ask = wanted.clone();
    if sceptical_question {
        for i in (0..k).filter(|&i| wanted[i]) {
            for &b in af.attackers(enc.free()[i]) {
                if let Some(j) = enc.local(b) {
                    ask[j] = true;
                }
            }
        }
    }
    // Credulous complete = credulous preferred = credulous admissible (one SAT call per new
    // argument at most). Every semi-stable extension is complete, so this also bounds the
    // semi-stable question.
    let mut credulous = none.clone();
    if query.credulous || sceptical_question {
        credulous = match query.only.and_then(|a| enc.local(a)) {
            Some(i) if order == Order::Set && !query.credulous => {
                lone_sceptical_preferred(&mut enc, i, &ask)
            }
            _ => enc.credulous(&ask),
        };
        if order == Order::Range {
            credulous = enc.credulous_maximal(order, &credulous);
        }
    }
    let sceptical = if sceptical_question {
        sceptical_maximal(af, &mut enc, order, query, &wanted, &credulous)
    } else {
        // The least complete extension is the grounded one, which `assemble` already counts.
        none.clone()
    };
    let credulous: Vec<bool> = if query.credulous {
        (0..k).map(|i| wanted[i] && credulous[i]).collect()
    } else {
        none
    };
    assemble(&enc, semantics, &credulous, &sceptical)
}

/// The credulous answers a sceptical preferred question about the one undecided argument
/// `i` needs, on the admissible encoding: `i` must be credulous and no attacker of it may
/// be, so one credulous attacker settles it. Two SAT calls in all, where asking about each
/// attacker in turn could take one per attacker. `ask` holds `i` and its attackers.
fn lone_sceptical_preferred(enc: &mut Encoding, i: usize, ask: &[bool]) -> Vec<bool> {
    let mut credulous = vec![false; ask.len()];
    let alone: Vec<bool> = (0..ask.len()).map(|j| j == i).collect();
    if enc.holding_some(&alone).is_none() {
        return credulous;
    }
    credulous[i] = true;
    let attackers: Vec<bool> = (0..ask.len()).map(|j| ask[j] && j != i).collect();
    if let Some(x) = enc.holding_some(&attackers) {
        for j in 0..ask.len() {
            credulous[j] |= x[j] && attackers[j];
        }
    }
    credulous
}

/// Sceptical preferred or semi-stable acceptance of the `wanted` undecided arguments, given
/// the credulous answers for them and their attackers. An argument attacked by a credulously
/// accepted one is out of that one's extension, so only the credulous arguments no credulous
/// argument attacks are candidates; the largest admissible set of candidates lies in every
/// preferred and every semi-stable extension (the argument in `ideal`, read with ranges for
/// semi-stable), and only the remaining candidates go to the counterexample-guided search.
fn sceptical_maximal(
    af: &Framework,
    enc: &mut Encoding,
    order: Order,
    query: &Query,
    wanted: &[bool],
    credulous_local: &[bool],
) -> Vec<bool> {
    let credulous = |a: u32| match enc.local(a) {
        Some(i) => credulous_local[i],
        None => enc.grounded()[a as usize] == Label::In,
    };
    let candidate: Vec<bool> = (0..af.len() as u32)
        .map(|a| credulous(a) && af.attackers(a).iter().all(|&b| !credulous(b)))
        .collect();
    let mut sure = vec![false; wanted.len()];
    if query.only.is_none() {
        // Every undecided argument's standing is known, so the candidate set is exact.
        for a in largest_admissible_subset(af, candidate.clone()) {
            if let Some(i) = enc.local(a) {
                sure[i] = true;
            }
        }
    }
    let rest: Vec<bool> = (0..wanted.len())
        .map(|i| wanted[i] && candidate[enc.free()[i] as usize] && !sure[i])
        .collect();
    let mut sceptical = match order {
        Order::Set => sceptical_preferred(af, enc, &rest),
        Order::Range => enc.sceptical_maximal(order, &rest),
    };
    for i in 0..wanted.len() {
        sceptical[i] |= sure[i];
    }
    sceptical
}

/// Sceptical preferred acceptance of the `wanted` undecided arguments, one ancestor set at a
/// time. Preferred semantics is directional (Baroni & Giacomin 2007): on a set `U` closed
/// under attackers, the preferred extensions of `AF↾U` are those of `AF` cut down to `U`. So
/// an argument's fate is settled inside its ancestors, and the counterexample-guided search
/// never has to wade through unrelated parts of the framework (whose combinations could
/// otherwise multiply its dead ends). Each round settles every wanted argument of one
/// ancestor set; building the sets costs `O(n + m)` per round.
fn sceptical_preferred(af: &Framework, enc: &Encoding, wanted: &[bool]) -> Vec<bool> {
    let k = wanted.len();
    let mut open = wanted.to_vec();
    let mut sceptical = vec![false; k];
    let mut seen = vec![usize::MAX; k];
    for start in 0..k {
        if !open[start] {
            continue;
        }
        // The undecided ancestors of `start` (attacks from out arguments no longer count).
        let mut ancestors = vec![start];
        seen[start] = start;
        let mut next = 0;
        while let Some(&i) = ancestors.get(next) {
            next += 1;
            for &b in af.attackers(enc.free()[i]) {
                if let Some(j) = enc.local(b) {
                    if seen[j] != start {
                        seen[j] = start;
                        ancestors.push(j);
                    }
                }
            }
        }
        ancestors.sort_unstable();
        let keep: Vec<u32> = ancestors.iter().map(|&i| enc.free()[i]).collect();
        let sub = af.restriction(&keep);
        let mut sub_enc = Encoding::new(&sub, Kind::Admissible);
        // The grounded labelling of an undecided part decides nothing: local = position.
        debug_assert_eq!(sub_enc.free().len(), keep.len());
        let sub_wanted: Vec<bool> = ancestors.iter().map(|&i| open[i]).collect();
        let answer = sub_enc.sceptical_maximal(Order::Set, &sub_wanted);
        for (p, &i) in ancestors.iter().enumerate() {
            if sub_wanted[p] {
                open[i] = false;
                sceptical[i] = answer[p];
            }
        }
    }
    sceptical
}
