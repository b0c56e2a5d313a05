//! Derivability: the least set of atoms closed under the rules from a set of assumptions
//! (Th(S) in ABA), computed by unit propagation over rule bodies (Dowling & Gallier 1984) in
//! time linear in the framework. Also records, per derived atom, the rule that first derived
//! it, so that one derivation (an argument) can be read back without enumerating any.

use super::{AsmId, Framework};

/// Marks a derived atom's first reason as an assumption (or a rule with an empty body seen
/// before any other rule).
pub const BY_ASSUMPTION: u32 = u32::MAX;

/// The atoms derivable from the assumptions for which `usable` holds, and the rule that
/// derived each first ([`BY_ASSUMPTION`] for assumptions).
#[derive(Clone, Debug)]
pub struct Closure {
    pub derived: Vec<bool>,
    pub reason: Vec<u32>,
}

impl Closure {
    pub fn contains(&self, atom: u32) -> bool {
        self.derived[atom as usize]
    }

    /// Whether any atom that attacks assumption `a` is derived.
    pub fn attacks(&self, f: &Framework, a: AsmId) -> bool {
        f.contraries(a).iter().any(|&c| self.derived[c as usize])
    }
}

/// Th(S) for S = the assumptions `usable` accepts. The framework must be frozen.
pub fn derive(f: &Framework, usable: impl Fn(AsmId) -> bool) -> Closure {
    debug_assert!(f.is_frozen());
    let n = f.atom_count();
    let mut derived = vec![false; n];
    let mut reason = vec![BY_ASSUMPTION; n];
    let mut waiting: Vec<u32> = f.rules().iter().map(|r| r.body.len() as u32).collect();
    let mut queue: Vec<u32> = Vec::new();
    for a in 0..f.assumption_count() as u32 {
        if usable(a) {
            let atom = f.atom_of(a);
            if !derived[atom as usize] {
                derived[atom as usize] = true;
                queue.push(atom);
            }
        }
    }
    for (r, rule) in f.rules().iter().enumerate() {
        if rule.body.is_empty() && !derived[rule.head as usize] {
            derived[rule.head as usize] = true;
            reason[rule.head as usize] = r as u32;
            queue.push(rule.head);
        }
    }
    while let Some(atom) = queue.pop() {
        for &r in f.uses(atom) {
            let w = &mut waiting[r as usize];
            *w -= 1;
            if *w == 0 {
                let head = f.rules()[r as usize].head;
                if !derived[head as usize] {
                    derived[head as usize] = true;
                    reason[head as usize] = r;
                    queue.push(head);
                }
            }
        }
    }
    Closure { derived, reason }
}

/// The assumptions a set of derived atoms attacks.
pub fn attacked(f: &Framework, closure: &Closure) -> Vec<bool> {
    (0..f.assumption_count() as u32)
        .map(|a| closure.attacks(f, a))
        .collect()
}

/// One derivation of `atom` read back from the closure's reasons: the assumptions it rests
/// on, sorted. `None` if the atom is not derived.
pub fn support(f: &Framework, closure: &Closure, atom: u32) -> Option<Vec<AsmId>> {
    if !closure.contains(atom) {
        return None;
    }
    let mut seen = vec![false; f.atom_count()];
    let mut stack = vec![atom];
    let mut out = Vec::new();
    while let Some(x) = stack.pop() {
        if std::mem::replace(&mut seen[x as usize], true) {
            continue;
        }
        match closure.reason[x as usize] {
            BY_ASSUMPTION => out.extend(f.assumption(x)),
            r => stack.extend(&f.rules()[r as usize].body),
        }
    }
    out.sort_unstable();
    Some(out)
}
