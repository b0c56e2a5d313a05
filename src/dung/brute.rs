//! A brute-force reference solver for tests: every subset of a small framework (at most 16
//! arguments) checked against the textbook definitions, with no shortcut the SAT solver takes
//! (preferred and semi-stable come from admissible sets, grounded from the intersection of the
//! complete ones, ideal from the union of admissible sets inside every preferred one, stage
//! from the conflict-free sets).

use super::{Acceptance, Acceptances, Extension, Framework, Semantics};

/// Bit masks of a framework: bit `b` of `attackers[a]` says `b` attacks `a`.
struct Masks {
    n: usize,
    attackers: Vec<u32>,
    targets: Vec<u32>,
}

impl Masks {
    fn new(af: &Framework) -> Self {
        assert!(af.len() <= 16, "brute force is for tiny frameworks");
        let mask = |xs: &[u32]| xs.iter().fold(0u32, |m, &b| m | 1 << b);
        Masks {
            n: af.len(),
            attackers: (0..af.len() as u32)
                .map(|a| mask(af.attackers(a)))
                .collect(),
            targets: (0..af.len() as u32)
                .map(|a| mask(af.attacked_by(a)))
                .collect(),
        }
    }

    fn members(&self, s: u32) -> impl Iterator<Item = usize> {
        (0..self.n).filter(move |&a| s >> a & 1 == 1)
    }

    fn attacked(&self, s: u32) -> u32 {
        self.members(s).fold(0, |m, a| m | self.targets[a])
    }

    fn conflict_free(&self, s: u32) -> bool {
        self.attacked(s) & s == 0
    }

    /// Dung 1995, Def. 6: `a` is acceptable w.r.t. `s` when `s` attacks each of its attackers.
    fn defends(&self, s: u32, a: usize) -> bool {
        self.attackers[a] & !self.attacked(s) == 0
    }

    fn admissible(&self, s: u32) -> bool {
        self.conflict_free(s) && self.members(s).all(|a| self.defends(s, a))
    }

    fn complete(&self, s: u32) -> bool {
        self.admissible(s) && (0..self.n).all(|a| s >> a & 1 == 1 || !self.defends(s, a))
    }

    fn range(&self, s: u32) -> u32 {
        s | self.attacked(s)
    }

    fn all(&self) -> u32 {
        ((1u64 << self.n) - 1) as u32
    }

    /// The sets as sorted extensions, sorted.
    fn listed(&self, sets: Vec<u32>) -> Vec<Extension> {
        let mut out: Vec<Extension> = sets
            .into_iter()
            .map(|s| self.members(s).map(|a| a as u32).collect())
            .collect();
        out.sort();
        out
    }
}

/// Those of `sets` whose `key` no other set's key strictly contains.
fn maximal(sets: &[u32], key: impl Fn(u32) -> u32) -> Vec<u32> {
    sets.iter()
        .copied()
        .filter(|&s| {
            !sets
                .iter()
                .any(|&t| key(t) != key(s) && key(t) & key(s) == key(s))
        })
        .collect()
}

/// Every extension under the semantics, sorted, straight from the definitions.
pub(crate) fn extensions(af: &Framework, semantics: Semantics) -> Vec<Extension> {
    let m = Masks::new(af);
    let subsets = || 0..=m.all();
    let admissible: Vec<u32> = subsets().filter(|&s| m.admissible(s)).collect();
    let complete: Vec<u32> = subsets().filter(|&s| m.complete(s)).collect();
    let preferred = maximal(&admissible, |s| s);
    let sets = match semantics {
        Semantics::Complete => complete.clone(),
        Semantics::Grounded => {
            let least = complete.iter().fold(m.all(), |acc, &s| acc & s);
            assert!(
                m.complete(least),
                "the least complete extension is complete"
            );
            vec![least]
        }
        Semantics::Stable => subsets()
            .filter(|&s| m.conflict_free(s) && m.range(s) == m.all())
            .collect(),
        Semantics::Preferred => preferred,
        Semantics::SemiStable => maximal(&admissible, |s| m.range(s)),
        Semantics::Ideal => {
            let common = preferred.iter().fold(m.all(), |acc, &p| acc & p);
            let ideal = admissible
                .iter()
                .filter(|&&s| s & common == s)
                .fold(0, |acc, &s| acc | s);
            assert!(m.admissible(ideal), "the ideal sets' union is ideal");
            vec![ideal]
        }
    };
    m.listed(sets)
}

/// Every stage extension (Verheij 1996: conflict-free with maximal range), sorted.
pub(crate) fn stage(af: &Framework) -> Vec<Extension> {
    let m = Masks::new(af);
    let conflict_free: Vec<u32> = (0..=m.all()).filter(|&s| m.conflict_free(s)).collect();
    m.listed(maximal(&conflict_free, |s| m.range(s)))
}

/// Acceptance read off the full list of extensions.
pub(crate) fn acceptance(af: &Framework, semantics: Semantics) -> Acceptances {
    let all = extensions(af, semantics);
    Acceptances {
        semantics,
        exists: !all.is_empty(),
        arguments: (0..af.len() as u32)
            .map(|a| Acceptance {
                credulous: all.iter().any(|e| e.contains(&a)),
                sceptical: all.iter().all(|e| e.contains(&a)),
            })
            .collect(),
    }
}

/// Whether a set is admissible (Dung 1995, Def. 6).
pub(crate) fn is_admissible(af: &Framework, set: &[u32]) -> bool {
    let m = Masks::new(af);
    m.admissible(set.iter().fold(0, |s, &a| s | 1 << a))
}
