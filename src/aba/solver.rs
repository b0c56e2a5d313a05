//! Acceptance of atoms and single extensions of a flat ABA framework under each semantics,
//! decided by the grounded fixpoint and SAT calls on [`super::encoding`], never by listing
//! extensions. An atom is *credulously* (*sceptically*) accepted when some (every) extension
//! derives it; it is *undefeated* in an extension S when some argument for it is not
//! defeated by S (it is in Th(U_S)), so an atom undefeated in no extension has every argument
//! out in every labelling.
//!
//! Costs, with `u` the assumptions the grounded set leaves open:
//! - grounded and complete-sceptical: two linear closures per round of the fixpoint;
//! - complete/preferred-credulous (= credulous admissible), stable: one NP call per atom
//!   (batched: each model settles every atom it derives);
//! - ideal: the atoms some admissible set derives (batched NP calls), then a polynomial
//!   greatest fixpoint (Dunne 2009's characterisation, lifted to assumptions);
//! - preferred-sceptical and semi-stable (Π2/Σ2-complete): counterexample-guided loops
//!   (CEGARTIX, Dvořák et al. 2014): find a complete set with the property, climb to a
//!   maximal one (by set or by range), test the property there, else exclude everything
//!   below it. Maximal extensions found are cached and tried first for later atoms.

use super::closure::{self, Closure};
use super::encoding::{Base, Encoding, Val};
use super::grounded::{grounded, settle, Grounded};
use super::{AsmId, Framework};
use crate::dung::Semantics;

/// What is maximised: the set (preferred) or its range (semi-stable).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Order {
    Set,
    Range,
}

/// What an atom must satisfy in the extension sought.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Property {
    Derives(u32),
    Lacks(u32),
    Undefeated(u32),
}

/// A maximal extension found, with what it derives and what it leaves undefeated.
struct Found {
    order: Order,
    inside: Vec<bool>,
    derived: Closure,
    undefeated: Closure,
}

impl Found {
    fn satisfies(&self, p: Property) -> bool {
        match p {
            Property::Derives(a) => self.derived.contains(a),
            Property::Lacks(a) => !self.derived.contains(a),
            Property::Undefeated(a) => self.undefeated.contains(a),
        }
    }
}

/// Answers questions about one framework, keeping its SAT encodings between them.
pub struct Solver<'f> {
    framework: &'f Framework,
    grounded: Grounded,
    complete: Option<Encoding<'f>>,
    stable: Option<Encoding<'f>>,
    stable_exists: Option<bool>,
    ideal: Option<Grounded>,
    found: Vec<Found>,
}

impl<'f> Solver<'f> {
    /// A solver for a frozen framework (see [`Framework::freeze`]); computes the grounded set.
    pub fn new(framework: &'f Framework) -> Self {
        assert!(framework.is_frozen(), "freeze the framework first");
        Solver {
            framework,
            grounded: grounded(framework),
            complete: None,
            stable: None,
            stable_exists: None,
            ideal: None,
            found: Vec::new(),
        }
    }

    pub fn framework(&self) -> &'f Framework {
        self.framework
    }

    /// The grounded set and what it settles.
    pub fn grounded(&self) -> &Grounded {
        &self.grounded
    }

    fn encoding(&mut self, base: Base) -> &mut Encoding<'f> {
        let (f, g) = (self.framework, &self.grounded);
        let slot = match base {
            Base::Complete => &mut self.complete,
            Base::Stable => &mut self.stable,
        };
        slot.get_or_insert_with(|| Encoding::new(f, g, base))
    }

    /// Whether the framework has a stable extension.
    pub fn stable_exists(&mut self) -> bool {
        if let Some(e) = self.stable_exists {
            return e;
        }
        let e = self.encoding(Base::Stable).solve(&[]);
        self.stable_exists = Some(e);
        e
    }

    /// Whether some σ-extension derives `atom`.
    pub fn credulous(&mut self, semantics: Semantics, atom: u32) -> bool {
        match semantics {
            Semantics::Grounded => self.grounded.derived.contains(atom),
            Semantics::Ideal => self.ideal_set().derived.contains(atom),
            Semantics::Complete | Semantics::Preferred => {
                self.holds_in_some(Base::Complete, Property::Derives(atom))
            }
            Semantics::Stable => self.holds_in_some(Base::Stable, Property::Derives(atom)),
            Semantics::SemiStable => self.maximal_with(Order::Range, Property::Derives(atom)),
        }
    }

    /// Whether every σ-extension derives `atom` (vacuously true when there is none).
    pub fn sceptical(&mut self, semantics: Semantics, atom: u32) -> bool {
        if self.grounded.derived.contains(atom) {
            return true;
        }
        match semantics {
            Semantics::Grounded | Semantics::Complete => false,
            Semantics::Ideal => self.ideal_set().derived.contains(atom),
            Semantics::Stable => !self.holds_in_some(Base::Stable, Property::Lacks(atom)),
            Semantics::Preferred => !self.maximal_with(Order::Set, Property::Lacks(atom)),
            Semantics::SemiStable => !self.maximal_with(Order::Range, Property::Lacks(atom)),
        }
    }

    /// Whether some σ-extension leaves an argument for `atom` undefeated (false for every
    /// atom when there is no extension). When false, every argument for `atom` is out in
    /// every σ-labelling.
    pub fn undefeated_somewhere(&mut self, semantics: Semantics, atom: u32) -> bool {
        if !self.grounded.undefeated.contains(atom) {
            return false;
        }
        match semantics {
            Semantics::Grounded | Semantics::Complete => true,
            Semantics::Ideal => self.ideal_set().undefeated.contains(atom),
            // In a stable extension everything outside it is attacked: U_S = S.
            Semantics::Stable => self.credulous(Semantics::Stable, atom),
            Semantics::Preferred => {
                self.credulous(Semantics::Preferred, atom)
                    || self.maximal_with(Order::Set, Property::Undefeated(atom))
            }
            Semantics::SemiStable => self.maximal_with(Order::Range, Property::Undefeated(atom)),
        }
    }

    /// One σ-extension (its assumptions, ascending), or `None` when there is none.
    pub fn extension(&mut self, semantics: Semantics) -> Option<Vec<AsmId>> {
        let inside = match semantics {
            // The grounded set is complete.
            Semantics::Grounded | Semantics::Complete => self.grounded.inside.clone(),
            Semantics::Ideal => self.ideal_set().inside.clone(),
            Semantics::Stable => {
                let enc = self.encoding(Base::Stable);
                if !enc.solve(&[]) {
                    return None;
                }
                enc.inside()
            }
            Semantics::Preferred => self.climb_from_any(Order::Set),
            Semantics::SemiStable => {
                if self.stable_exists() {
                    return self.extension(Semantics::Stable);
                }
                self.climb_from_any(Order::Range)
            }
        };
        Some(members(&inside))
    }

    /// One σ-extension that derives `atom` (per assumption: in or not), if there is one.
    pub fn witness(&mut self, semantics: Semantics, atom: u32) -> Option<Vec<bool>> {
        let p = Property::Derives(atom);
        match semantics {
            Semantics::Grounded => self
                .grounded
                .derived
                .contains(atom)
                .then(|| self.grounded.inside.clone()),
            Semantics::Ideal => {
                let ideal = self.ideal_set();
                ideal.derived.contains(atom).then(|| ideal.inside.clone())
            }
            Semantics::Complete | Semantics::Stable => {
                let base = if semantics == Semantics::Stable {
                    Base::Stable
                } else {
                    Base::Complete
                };
                let enc = self.encoding(base);
                let v = value(enc, p);
                enc.solve(&[v]).then(|| enc.inside())
            }
            Semantics::Preferred => {
                let enc = self.encoding(Base::Complete);
                let v = value(enc, p);
                // Derivations only grow as the set does: climbing keeps the atom derived.
                enc.solve(&[v]).then(|| climb(enc, Order::Set))
            }
            Semantics::SemiStable => {
                if self.stable_exists() {
                    return self.witness(Semantics::Stable, atom);
                }
                if !self.maximal_with(Order::Range, p) {
                    return None;
                }
                self.found
                    .iter()
                    .rev()
                    .find(|x| x.order == Order::Range && x.satisfies(p))
                    .map(|x| x.inside.clone())
            }
        }
    }

    /// Whether an extension of the base satisfies the property (one loop-checked SAT call).
    fn holds_in_some(&mut self, base: Base, p: Property) -> bool {
        let enc = self.encoding(base);
        let v = value(enc, p);
        enc.solve(&[v])
    }

    /// Whether some maximal (preferred or semi-stable) extension satisfies the property.
    fn maximal_with(&mut self, order: Order, p: Property) -> bool {
        if order == Order::Range && self.stable_exists() {
            // Semi-stable extensions are the stable ones when there are any.
            return match p {
                Property::Derives(_) => self.holds_in_some(Base::Stable, p),
                Property::Lacks(_) => self.holds_in_some(Base::Stable, p),
                Property::Undefeated(a) => self.holds_in_some(Base::Stable, Property::Derives(a)),
            };
        }
        if self
            .found
            .iter()
            .any(|x| x.order == order && x.satisfies(p))
        {
            return true;
        }
        let f = self.framework;
        let enc = self.encoding(Base::Complete);
        let prop = value(enc, p);
        let mut exclusions = Vec::new();
        let answer = loop {
            let mut assumed = vec![prop];
            assumed.extend(exclusions.iter().map(|&l| Val::Lit(l)));
            if !enc.solve(&assumed) {
                break None;
            }
            let top = climb(enc, order);
            // The property at the maximum: fix the set (or range) and ask again.
            let mut fixed = pin(enc, order, &top);
            fixed.push(prop);
            let holds = enc.solve(&fixed);
            let witness = if holds { Some(enc.inside()) } else { None };
            let outside: Vec<Val> = enc
                .free()
                .iter()
                .filter(|&&a| !top[a as usize])
                .map(|&a| var(enc, order, a))
                .collect();
            if let Some(w) = witness {
                break Some(w);
            }
            if outside.is_empty() {
                break None;
            }
            exclusions.push(enc.guard(&outside));
        };
        for act in exclusions {
            enc.retire(act);
        }
        match answer {
            Some(inside) => {
                let (derived, _, undefeated) = settle(f, &inside);
                self.found.push(Found {
                    order,
                    inside,
                    derived,
                    undefeated,
                });
                true
            }
            None => false,
        }
    }

    /// A maximal extension reached from the first complete set the solver finds.
    fn climb_from_any(&mut self, order: Order) -> Vec<bool> {
        let enc = self.encoding(Base::Complete);
        // The grounded set is complete, so there is always a model.
        let found = enc.solve(&[]);
        debug_assert!(found);
        let top = climb(enc, order);
        if order == Order::Set {
            return top;
        }
        let ok = enc.solve(&pin(enc, order, &top));
        debug_assert!(ok);
        enc.inside()
    }

    /// The ideal set (Dung, Mancarella & Toni 2007): the largest admissible set of the
    /// assumptions that no admissible set attacks. That it lies there: an admissible set
    /// attacking a member would sit inside a preferred extension with it. That it is all of
    /// it: by Dunne's argument (2009, for frameworks of arguments) on the argument level.
    pub fn ideal_set(&mut self) -> &Grounded {
        if self.ideal.is_none() {
            let ideal = self.compute_ideal();
            self.ideal = Some(ideal);
        }
        self.ideal.as_ref().expect("computed")
    }

    fn compute_ideal(&mut self) -> Grounded {
        let f = self.framework;
        // Contrary atoms some admissible (equivalently complete) set derives.
        let mut targets: Vec<u32> = (0..f.assumption_count() as u32)
            .flat_map(|a| f.contraries(a).iter().copied())
            .collect();
        targets.sort_unstable();
        targets.dedup();
        let derivable = self.credulous_batch(Base::Complete, &targets);
        let mut inside: Vec<bool> = (0..f.assumption_count() as u32)
            .map(|a| f.contraries(a).iter().all(|&c| !derivable[c as usize]))
            .collect();
        loop {
            let (derived, attacked, undefeated) = settle(f, &inside);
            let mut changed = false;
            for a in 0..f.assumption_count() as u32 {
                let i = a as usize;
                if inside[i] && (attacked[i] || undefeated.attacks(f, a)) {
                    inside[i] = false;
                    changed = true;
                }
            }
            if !changed {
                return Grounded {
                    inside,
                    derived,
                    attacked,
                    undefeated,
                };
            }
        }
    }

    /// Per atom: whether some extension of the base derives it, for the atoms asked (others
    /// may be marked too). Each SAT call either finds a model deriving a new asked atom, and
    /// marks all it derives, or ends the search.
    fn credulous_batch(&mut self, base: Base, atoms: &[u32]) -> Vec<bool> {
        let f = self.framework;
        if base == Base::Stable && !self.stable_exists() {
            return vec![false; f.atom_count()];
        }
        // Every complete (so every stable) set derives what the grounded set derives.
        let mut known = self.grounded.derived.derived.clone();
        let enc = self.encoding(base);
        loop {
            let open: Vec<Val> = atoms
                .iter()
                .filter(|&&p| !known[p as usize])
                .map(|&p| enc.derives(p))
                .collect();
            if open.iter().all(|&v| v == Val::False) {
                return known;
            }
            let act = enc.guard(&open);
            let sat = enc.solve(&[Val::Lit(act)]);
            if sat {
                let inside = enc.inside();
                let th = closure::derive(f, |a| inside[a as usize]);
                for (k, d) in th.derived.iter().enumerate() {
                    known[k] |= *d;
                }
            }
            enc.retire(act);
            if !sat {
                return known;
            }
        }
    }

    /// Credulous acceptance of many atoms at once (each model found settles all it derives).
    pub fn credulous_all(&mut self, semantics: Semantics, atoms: &[u32]) -> Vec<bool> {
        match semantics {
            Semantics::Complete | Semantics::Preferred => {
                self.credulous_batch(Base::Complete, atoms)
            }
            Semantics::Stable => self.credulous_batch(Base::Stable, atoms),
            Semantics::SemiStable if self.stable_exists() => {
                self.credulous_batch(Base::Stable, atoms)
            }
            _ => {
                let mut out = vec![false; self.framework.atom_count()];
                for &p in atoms {
                    out[p as usize] = self.credulous(semantics, p);
                }
                out
            }
        }
    }
}

/// The assumptions of a per-assumption flag vector.
fn members(inside: &[bool]) -> Vec<AsmId> {
    (0..inside.len() as u32)
        .filter(|&a| inside[a as usize])
        .collect()
}

fn value(enc: &Encoding, p: Property) -> Val {
    match p {
        Property::Derives(a) => enc.derives(a),
        Property::Lacks(a) => match enc.derives(a) {
            Val::True => Val::False,
            Val::False => Val::True,
            Val::Lit(l) => Val::Lit(!l),
        },
        Property::Undefeated(a) => enc.undefeated(a),
    }
}

fn var(enc: &Encoding, order: Order, a: AsmId) -> Val {
    match order {
        Order::Set => enc.x(a),
        Order::Range => enc.range(a),
    }
}

fn bits(enc: &Encoding, order: Order) -> Vec<bool> {
    match order {
        Order::Set => enc.inside(),
        Order::Range => enc.in_range(),
    }
}

/// From the current model, climbs to a maximal complete set (by set or range): asks for a
/// strictly larger one until there is none. Returns the maximum's set (or range) bits.
fn climb(enc: &mut Encoding, order: Order) -> Vec<bool> {
    let mut cur = bits(enc, order);
    loop {
        let free = enc.free().to_vec();
        let outside: Vec<Val> = free
            .iter()
            .filter(|&&a| !cur[a as usize])
            .map(|&a| var(enc, order, a))
            .collect();
        if outside.is_empty() {
            return cur;
        }
        let act = enc.guard(&outside);
        let mut assumed: Vec<Val> = free
            .iter()
            .filter(|&&a| cur[a as usize])
            .map(|&a| var(enc, order, a))
            .collect();
        assumed.push(Val::Lit(act));
        let bigger = enc.solve(&assumed);
        if bigger {
            cur = bits(enc, order);
        }
        enc.retire(act);
        if !bigger {
            return cur;
        }
    }
}

/// Assumptions that pin the set (or range) to exactly `top` on the open assumptions.
fn pin(enc: &Encoding, order: Order, top: &[bool]) -> Vec<Val> {
    enc.free()
        .iter()
        .map(|&a| {
            let v = var(enc, order, a);
            if top[a as usize] {
                v
            } else {
                match v {
                    Val::True => Val::False,
                    Val::False => Val::True,
                    Val::Lit(l) => Val::Lit(!l),
                }
            }
        })
        .collect()
}
