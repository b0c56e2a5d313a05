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
    /// Every argument for the atom is defeated (not in Th(U_S)).
    Defeated(u32),
}

/// A maximal extension found, with what it derives and what it leaves undefeated.
struct Found {
    order: Order,
    /// The assumptions it is maximal on (`None`: all of them); see [`Solver::relevant`].
    scope: Option<Vec<bool>>,
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
            Property::Defeated(a) => !self.undefeated.contains(a),
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
    /// SAT calls the counterexample-guided loops may still make (`None`: no limit), and
    /// the most one question may take.
    calls_left: Option<usize>,
    per_question: usize,
}

/// The counterexample-guided search ran out of its budget of SAT calls
/// ([`Solver::with_budget`]); the question is undecided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutOfBudget;

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
            calls_left: None,
            per_question: usize::MAX,
        }
    }

    /// Limits the SAT calls of the counterexample-guided loops (preferred-sceptical and
    /// semi-stable questions, which are Π2/Σ2-complete) to `calls` in all, and a fiftieth of
    /// that per question; past it the `try_` questions answer [`OutOfBudget`]. Without it
    /// they always finish.
    pub fn with_budget(mut self, calls: usize) -> Self {
        self.calls_left = Some(calls);
        self.per_question = (calls / 50).max(100);
        self
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

    /// Whether some σ-extension derives `atom`. Always decided without a budget.
    pub fn credulous(&mut self, semantics: Semantics, atom: u32) -> bool {
        self.try_credulous(semantics, atom).expect("no budget set")
    }

    /// Whether every σ-extension derives `atom` (vacuously true when there is none).
    pub fn sceptical(&mut self, semantics: Semantics, atom: u32) -> bool {
        self.try_sceptical(semantics, atom).expect("no budget set")
    }

    /// Whether some σ-extension leaves an argument for `atom` undefeated.
    pub fn undefeated_somewhere(&mut self, semantics: Semantics, atom: u32) -> bool {
        self.try_undefeated_somewhere(semantics, atom)
            .expect("no budget set")
    }

    /// [`Solver::credulous`], within the budget.
    pub fn try_credulous(&mut self, semantics: Semantics, atom: u32) -> Result<bool, OutOfBudget> {
        Ok(match semantics {
            Semantics::Grounded => self.grounded.derived.contains(atom),
            Semantics::Ideal => self.ideal_set().derived.contains(atom),
            Semantics::Complete | Semantics::Preferred => {
                self.holds_in_some(Base::Complete, Property::Derives(atom))
            }
            Semantics::Stable => self.holds_in_some(Base::Stable, Property::Derives(atom)),
            Semantics::SemiStable => self.maximal_with(Order::Range, Property::Derives(atom))?,
        })
    }

    /// [`Solver::sceptical`], within the budget.
    pub fn try_sceptical(&mut self, semantics: Semantics, atom: u32) -> Result<bool, OutOfBudget> {
        if self.grounded.derived.contains(atom) {
            return Ok(true);
        }
        Ok(match semantics {
            Semantics::Grounded | Semantics::Complete => false,
            Semantics::Ideal => self.ideal_set().derived.contains(atom),
            Semantics::Stable => !self.holds_in_some(Base::Stable, Property::Lacks(atom)),
            // The ideal set is inside every preferred extension.
            Semantics::Preferred if self.ideal_set().derived.contains(atom) => true,
            // An admissible set that defeats every argument for the atom lies in a preferred
            // extension that lacks it (one NP call, before the Π2 search).
            Semantics::Preferred
                if self.holds_in_some(Base::Complete, Property::Defeated(atom)) =>
            {
                false
            }
            Semantics::Preferred => !self.maximal_with(Order::Set, Property::Lacks(atom))?,
            Semantics::SemiStable => !self.maximal_with(Order::Range, Property::Lacks(atom))?,
        })
    }

    /// [`Solver::undefeated_somewhere`], within the budget: whether some σ-extension leaves
    /// an argument for `atom` undefeated (false for every atom when there is no extension).
    /// When false, every argument for `atom` is out in every σ-labelling.
    pub fn try_undefeated_somewhere(
        &mut self,
        semantics: Semantics,
        atom: u32,
    ) -> Result<bool, OutOfBudget> {
        if !self.grounded.undefeated.contains(atom) {
            return Ok(false);
        }
        Ok(match semantics {
            Semantics::Grounded | Semantics::Complete => true,
            Semantics::Ideal => self.ideal_set().undefeated.contains(atom),
            // In a stable extension everything outside it is attacked: U_S = S.
            Semantics::Stable => self.holds_in_some(Base::Stable, Property::Derives(atom)),
            // The ideal set lies in every preferred extension, so what it defeats stays
            // defeated; what some admissible set derives is undefeated where it is derived.
            Semantics::Preferred if !self.ideal_set().undefeated.contains(atom) => false,
            Semantics::Preferred => {
                self.holds_in_some(Base::Complete, Property::Derives(atom))
                    || self.maximal_with(Order::Set, Property::Undefeated(atom))?
            }
            Semantics::SemiStable => self.maximal_with(Order::Range, Property::Undefeated(atom))?,
        })
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

    /// The assumptions `atom`'s standing can depend on: those its derivations rest on, and,
    /// recursively, those the derivations of their contraries rest on (the ancestors of its
    /// arguments in the framework of arguments). Linear in the framework.
    pub fn relevant(&self, atom: u32) -> Vec<bool> {
        let f = self.framework;
        let mut inside = vec![false; f.assumption_count()];
        let mut seen = vec![false; f.atom_count()];
        let mut stack = vec![atom];
        while let Some(x) = stack.pop() {
            if std::mem::replace(&mut seen[x as usize], true) {
                continue;
            }
            match f.assumption(x) {
                Some(a) => {
                    inside[a as usize] = true;
                    stack.extend_from_slice(f.contraries(a));
                }
                None => {
                    for &r in f.heads(x) {
                        stack.extend_from_slice(&f.rules()[r as usize].body);
                    }
                }
            }
        }
        inside
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
                let all = enc.free().to_vec();
                let mut unlimited = None;
                enc.solve(&[v])
                    .then(|| {
                        climb(enc, Order::Set, &all, &[], &mut unlimited)
                            .map(|c| c.1)
                            .ok()
                    })
                    .flatten()
            }
            Semantics::SemiStable => {
                if self.stable_exists() {
                    return self.witness(Semantics::Stable, atom);
                }
                let saved = self.calls_left.take();
                let found = self.maximal_with(Order::Range, p);
                self.calls_left = saved;
                if found != Ok(true) {
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
    fn maximal_with(&mut self, order: Order, p: Property) -> Result<bool, OutOfBudget> {
        if order == Order::Range && self.stable_exists() {
            // Semi-stable extensions are the stable ones when there are any.
            return Ok(match p {
                Property::Derives(_) => self.holds_in_some(Base::Stable, p),
                Property::Lacks(_) => self.holds_in_some(Base::Stable, p),
                Property::Undefeated(a) => self.holds_in_some(Base::Stable, Property::Derives(a)),
                Property::Defeated(a) => self.holds_in_some(Base::Stable, Property::Lacks(a)),
            });
        }
        let f = self.framework;
        // Preferred semantics is directional (Baroni & Giacomin 2007): whether some preferred
        // extension has the property depends only on the assumptions the atom's derivations
        // rest on and, recursively, those of their attackers. Semi-stable is not.
        let scope = match p {
            Property::Derives(a)
            | Property::Lacks(a)
            | Property::Undefeated(a)
            | Property::Defeated(a)
                if order == Order::Set =>
            {
                Some(self.relevant(a))
            }
            _ => None,
        };
        let covers = |x: &Found| match (&x.scope, &scope) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(big), Some(small)) => small.iter().zip(big).all(|(s, b)| !s || *b),
        };
        if self
            .found
            .iter()
            .any(|x| x.order == order && covers(x) && x.satisfies(p))
        {
            return Ok(true);
        }
        // One hard question may not starve the others: each gets a fiftieth of the budget (at least 100 calls).
        let mut calls = self.calls_left.map(|left| left.min(self.per_question));
        let start = calls;
        let enc = self.encoding(Base::Complete);
        let within: Vec<AsmId> = enc
            .free()
            .iter()
            .copied()
            .filter(|&a| scope.as_ref().is_none_or(|r| r[a as usize]))
            .collect();
        let prop = value(enc, p);
        let mut exclusions = Vec::new();
        // CEGARTIX (Dvořák et al. 2014): climb to a set maximal among those with the property,
        // then ask whether any complete set lies strictly above it; if none, it is maximal
        // outright and a witness, else nothing below it can be, and it is excluded.
        let answer = loop {
            let mut assumed = vec![prop];
            assumed.extend(exclusions.iter().map(|&l| Val::Lit(l)));
            if spend(&mut calls).is_err() {
                break Err(OutOfBudget);
            }
            if !enc.solve(&assumed) {
                break Ok(None);
            }
            let Ok((top, witness)) = climb(enc, order, &within, &[prop], &mut calls) else {
                break Err(OutOfBudget);
            };
            let outside: Vec<Val> = within
                .iter()
                .filter(|&&a| !top[a as usize])
                .map(|&a| var(enc, order, a))
                .collect();
            if outside.is_empty() {
                break Ok(Some(witness));
            }
            if spend(&mut calls).is_err() {
                break Err(OutOfBudget);
            }
            let act = enc.guard(&outside);
            let mut above: Vec<Val> = within
                .iter()
                .filter(|&&a| top[a as usize])
                .map(|&a| var(enc, order, a))
                .collect();
            above.push(Val::Lit(act));
            let bigger = enc.solve(&above);
            enc.retire(act);
            if !bigger {
                break Ok(Some(witness));
            }
            exclusions.push(enc.guard(&outside));
        };
        for act in exclusions {
            enc.retire(act);
        }
        if let (Some(left), Some(start), Some(end)) = (self.calls_left.as_mut(), start, calls) {
            *left -= start - end;
        }
        match answer? {
            Some(inside) => {
                let (derived, _, undefeated) = settle(f, &inside);
                self.found.push(Found {
                    order,
                    scope,
                    inside,
                    derived,
                    undefeated,
                });
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// A maximal extension reached from the first complete set the solver finds.
    fn climb_from_any(&mut self, order: Order) -> Vec<bool> {
        let enc = self.encoding(Base::Complete);
        // The grounded set is complete, so there is always a model.
        let found = enc.solve(&[]);
        debug_assert!(found);
        let all = enc.free().to_vec();
        let mut unlimited = None;
        climb(enc, order, &all, &[], &mut unlimited).map_or_else(|_| Vec::new(), |c| c.1)
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

/// Takes one SAT call from the budget, if there is one.
fn spend(calls: &mut Option<usize>) -> Result<(), OutOfBudget> {
    match calls {
        None => Ok(()),
        Some(0) => Err(OutOfBudget),
        Some(n) => {
            *n -= 1;
            Ok(())
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
        Property::Defeated(a) => match enc.undefeated(a) {
            Val::True => Val::False,
            Val::False => Val::True,
            Val::Lit(l) => Val::Lit(!l),
        },
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

/// From the current model, climbs to a complete set maximal (by set or range, on the
/// assumptions `within`) among those where the `keep` values hold: asks for a strictly larger
/// one until there is none. Returns its set (or range) bits and its assumption set.
fn climb(
    enc: &mut Encoding,
    order: Order,
    within: &[AsmId],
    keep: &[Val],
    calls: &mut Option<usize>,
) -> Result<(Vec<bool>, Vec<bool>), OutOfBudget> {
    let mut cur = bits(enc, order);
    let mut inside = enc.inside();
    loop {
        let free = within;
        let outside: Vec<Val> = free
            .iter()
            .filter(|&&a| !cur[a as usize])
            .map(|&a| var(enc, order, a))
            .collect();
        if outside.is_empty() {
            return Ok((cur, inside));
        }
        spend(calls)?;
        let act = enc.guard(&outside);
        let mut assumed: Vec<Val> = free
            .iter()
            .filter(|&&a| cur[a as usize])
            .map(|&a| var(enc, order, a))
            .collect();
        assumed.push(Val::Lit(act));
        assumed.extend_from_slice(keep);
        let bigger = enc.solve(&assumed);
        if bigger {
            cur = bits(enc, order);
            inside = enc.inside();
        }
        enc.retire(act);
        if !bigger {
            return Ok((cur, inside));
        }
    }
}
