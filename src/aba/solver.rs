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
//!   Semi-stable over arguments ([`Solver::with_arguments`]) compares the undecided
//!   arguments instead of the range over assumptions ([`super::semi_stable`]), and answers
//!   many atoms per search ([`Solver::semi_stable_some`]).

use super::closure;
use super::encoding::{Base, Encoding, Val};
use super::grounded::{grounded, settle, Grounded};
use super::parts::Parts;
use super::search::{climb, value, Found, Order, Property};
use super::semi_stable::{semi_stable_with, Comparison};
use super::{AsmId, Framework};
use crate::dung::Semantics;

/// Answers questions about one framework, keeping its SAT encodings between them.
pub struct Solver<'f> {
    pub(super) framework: &'f Framework,
    grounded: Grounded,
    pub(super) complete: Option<Encoding<'f>>,
    stable: Option<Encoding<'f>>,
    stable_exists: Option<bool>,
    ideal: Option<Grounded>,
    pub(super) found: Vec<Found>,
    /// The framework's parts, and the literal under which the preferred search keeps the
    /// clauses it learns (see [`super::parts`]).
    pub(super) parts: Option<Parts>,
    pub(super) maximal: Option<crate::sat::Lit>,
    /// SAT calls the counterexample-guided loops may still make (`None`: no limit), and
    /// the most one question may take.
    pub(super) calls_left: Option<usize>,
    pub(super) per_question: usize,
    /// Rounds of a preferred question before it also learns by admissible supersets.
    pub(super) widen_after: usize,
    /// Semi-stable over arguments: the atoms whose derivations are arguments (`None`: ABA's
    /// semi-stable semantics, over assumptions).
    pub(super) arguments: Option<Vec<bool>>,
    pub(super) comparison: Option<Comparison>,
    /// The atoms questions will be about (`None`: any).
    focus: Option<Vec<u32>>,
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
            parts: None,
            maximal: None,
            calls_left: None,
            per_question: usize::MAX,
            widen_after: super::search::WIDEN_AFTER,
            arguments: None,
            comparison: None,
            focus: None,
        }
    }

    /// Questions will be about `atoms` (and extensions): the SAT encodings cover them and
    /// what the contraries depend on, and leave out the rest of the framework, which cannot
    /// change which sets are extensions. An atom asked about all the same is covered then.
    pub fn focused(mut self, atoms: Vec<u32>) -> Self {
        self.focus = Some(atoms);
        self
    }

    /// Semi-stable semantics over the framework's *arguments* (Caminada 2006): complete sets
    /// whose undecided arguments are ⊆-minimal, an argument being a derivation of an atom
    /// that `roots` holds of (see [`super::undecided`]). Without it, semi-stable is ABA's
    /// semantics over assumptions (range S ∪ Att_S). `roots` must hold of every contrary:
    /// then a complete set leaves no argument undecided iff it is stable, so that the two
    /// agree where there is a stable extension.
    pub fn with_arguments(mut self, roots: Vec<bool>) -> Self {
        let f = self.framework;
        debug_assert!((0..f.assumption_count() as u32)
            .all(|a| f.contraries(a).iter().all(|&c| roots[c as usize])));
        self.arguments = Some(roots);
        self
    }

    /// Limits the SAT calls of the counterexample-guided loops (preferred-sceptical and
    /// semi-stable questions, which are Π2/Σ2-complete) to `calls` in all, and a fiftieth of
    /// that per question (at least 100; [`Solver::share_rest`] widens it); past it the
    /// `try_` questions answer [`OutOfBudget`]. Without it they always finish.
    pub fn with_budget(mut self, calls: usize) -> Self {
        self.calls_left = Some(calls);
        self.per_question = (calls / 50).max(100);
        self
    }

    /// SAT calls the budget has left (`None`: no budget).
    pub fn calls_left(&self) -> Option<usize> {
        self.calls_left
    }

    /// Shares what is left of the budget among `questions` questions asked again (those that
    /// ran out of their first share; what the search learned meanwhile is kept). Whether the
    /// new share is larger than the first one.
    pub fn share_rest(&mut self, questions: usize) -> bool {
        let Some(left) = self.calls_left else {
            return false;
        };
        let share = left / questions.max(1);
        let larger = share > self.per_question;
        self.per_question = self.per_question.max(share);
        larger
    }

    pub fn framework(&self) -> &'f Framework {
        self.framework
    }

    /// The grounded set and what it settles.
    pub fn grounded(&self) -> &Grounded {
        &self.grounded
    }

    pub(super) fn encoding(&mut self, base: Base) -> &mut Encoding<'f> {
        let (f, g, focus) = (self.framework, &self.grounded, self.focus.as_deref());
        let slot = match base {
            Base::Complete => &mut self.complete,
            Base::Stable => &mut self.stable,
        };
        slot.get_or_insert_with(|| Encoding::new(f, g, base, focus))
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

    /// How many times the preferred search refined by an admissible superset.
    #[cfg(test)]
    pub(super) fn widened(&self) -> usize {
        self.complete.as_ref().map_or(0, |e| e.widened)
    }

    /// The solver, refining by admissible supersets from the first round of every
    /// preferred question (so that tests exercise it on tiny frameworks).
    #[cfg(test)]
    pub(super) fn widening_at_once(mut self) -> Self {
        self.widen_after = 0;
        self
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
            // The ideal set is inside every preferred extension (once it is known; to compute
            // it takes several NP calls, so a single question first tries the one below).
            Semantics::Preferred
                if self
                    .ideal
                    .as_ref()
                    .is_some_and(|i| i.derived.contains(atom)) =>
            {
                true
            }
            // An admissible set that defeats every argument for the atom lies in a preferred
            // extension that lacks it (one NP call, before the Π2 search).
            Semantics::Preferred
                if self.holds_in_some(Base::Complete, Property::Defeated(atom)) =>
            {
                false
            }
            Semantics::Preferred if self.ideal_set().derived.contains(atom) => true,
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
    pub(super) fn holds_in_some(&mut self, base: Base, p: Property) -> bool {
        let enc = self.encoding(base);
        let v = value(enc, p);
        enc.solve(&[v])
    }

    /// A maximal extension reached from the first complete set the solver finds.
    fn climb_from_any(&mut self, order: Order) -> Vec<bool> {
        self.encoding(Base::Complete);
        let enc = self.complete.as_mut().expect("made above");
        if let (Order::Range, Some(roots)) = (order, &self.arguments) {
            let cmp = self
                .comparison
                .get_or_insert_with(|| Comparison::new(enc, roots.clone()));
            // The grounded set is complete, so there is always one.
            let found = semi_stable_with(enc, cmp, Val::True, &mut None);
            return found.ok().flatten().unwrap_or_default();
        }
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
        // In one pass, rather than one per atom as each is read below.
        enc.cover(atoms);
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
