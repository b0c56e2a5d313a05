//! The counterexample-guided searches behind the Π2/Σ2 questions (preferred-sceptical, and
//! semi-stable): is there an extension, maximal by set (preferred) or by range (semi-stable),
//! with a property of one atom?
//! - Semi-stable: CEGARTIX (Dvořák, Järvisalo, Wallner & Woltran 2014): climb to a complete
//!   set maximal among those with the property, ask whether a complete set lies strictly
//!   above it; if none, it is maximal outright and a witness, else everything below it is
//!   excluded and the search goes on.
//! - Preferred: the same guess and check, but what a failed check teaches is cut to one
//!   [part](super::parts) of the framework and its boundary (preferred semantics is
//!   SCC-recursive), and kept for every later question; and only the assumptions the atom
//!   depends on are searched (directionality, Baroni & Giacomin 2007).
//!
//! Every search stops at the solver's budget of SAT calls. Owns no public API beyond
//! [`Solver::relevant`].

use super::closure::Closure;
use super::encoding::{Base, Encoding, Val};
use super::grounded::settle;
use super::parts::Parts;
use super::semi_stable::{semi_stable_with, Comparison};
use super::solver::{OutOfBudget, Solver};
use super::widen;
use super::AsmId;
use crate::sat::Lit;

/// Rounds of a question after which it also learns by admissible supersets
/// ([`widen`]): their clauses are stronger, but each costs copies of derivability that
/// slow the SAT calls that heed them, and most questions end within a round or two. (Two
/// was fastest on the layered benchmarks, by 2 to 4 times against one or three.)
pub(super) const WIDEN_AFTER: usize = 2;

/// What is maximised: the set (preferred) or its range (semi-stable).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Order {
    Set,
    Range,
}

/// What an atom must satisfy in the extension sought.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Property {
    Derives(u32),
    Lacks(u32),
    Undefeated(u32),
    /// Every argument for the atom is defeated (not in Th(U_S)).
    Defeated(u32),
}

/// A maximal extension found, with what it derives and what it leaves undefeated.
pub(super) struct Found {
    pub(super) order: Order,
    /// The assumptions it is maximal on (`None`: all of them); see [`Solver::relevant`].
    pub(super) scope: Option<Vec<bool>>,
    pub(super) inside: Vec<bool>,
    pub(super) derived: Closure,
    pub(super) undefeated: Closure,
}

impl Found {
    pub(super) fn satisfies(&self, p: Property) -> bool {
        match p {
            Property::Derives(a) => self.derived.contains(a),
            Property::Lacks(a) => !self.derived.contains(a),
            Property::Undefeated(a) => self.undefeated.contains(a),
            Property::Defeated(a) => !self.undefeated.contains(a),
        }
    }
}

impl Solver<'_> {
    /// The assumptions `atom`'s standing can depend on: those its derivations rest on, and,
    /// recursively, those the derivations of their contraries rest on (the ancestors of its
    /// arguments in the framework of arguments), and the atoms on the way. Linear in the
    /// framework.
    pub fn relevant(&self, atom: u32) -> (Vec<bool>, Vec<bool>) {
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
        (inside, seen)
    }

    /// Whether some maximal (preferred or semi-stable) extension satisfies the property.
    pub(super) fn maximal_with(&mut self, order: Order, p: Property) -> Result<bool, OutOfBudget> {
        if order == Order::Range && self.stable_exists() {
            // Semi-stable extensions are the stable ones when there are any.
            return Ok(match p {
                Property::Derives(_) => self.holds_in_some(Base::Stable, p),
                Property::Lacks(_) => self.holds_in_some(Base::Stable, p),
                Property::Undefeated(a) => self.holds_in_some(Base::Stable, Property::Derives(a)),
                Property::Defeated(a) => self.holds_in_some(Base::Stable, Property::Lacks(a)),
            });
        }
        if order == Order::Range && self.arguments.is_some() && self.excluded_by_ideal(p) {
            return Ok(false);
        }
        if order == Order::Set {
            // Most questions end at the first call: no complete set has the property, given
            // what the search has learned of preferred extensions. That needs no scope, whose
            // computation is linear in the framework.
            match self.calls_left.as_mut() {
                Some(0) => return Err(OutOfBudget),
                Some(left) => *left -= 1,
                None => {}
            }
            self.encoding(Base::Complete);
            let enc = self.complete.as_mut().expect("made above");
            let guard = *self.maximal.get_or_insert_with(|| enc.fresh());
            let v = value(enc, p);
            let wide = enc.wide();
            if !enc.solve(&[Val::Lit(guard), Val::Lit(wide), v]) {
                return Ok(false);
            }
        }
        let f = self.framework;
        // Preferred semantics is directional (Baroni & Giacomin 2007): whether some preferred
        // extension has the property depends only on the assumptions the atom's derivations
        // rest on and, recursively, those of their attackers. Semi-stable is not.
        let (scope, atoms) = match p {
            Property::Derives(a)
            | Property::Lacks(a)
            | Property::Undefeated(a)
            | Property::Defeated(a)
                if order == Order::Set =>
            {
                let (scope, atoms) = self.relevant(a);
                (Some(scope), Some(atoms))
            }
            _ => (None, None),
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
        self.encoding(Base::Complete);
        if order == Order::Set && self.parts.is_none() {
            self.parts = Some(Parts::new(f));
        }
        let enc = self.complete.as_mut().expect("made above");
        let within: Vec<AsmId> = enc
            .free()
            .iter()
            .copied()
            .filter(|&a| scope.as_ref().is_none_or(|r| r[a as usize]))
            .collect();
        let prop = value(enc, p);
        let answer = match order {
            Order::Set => {
                let parts = self.parts.as_mut().expect("made above");
                let guard = *self.maximal.get_or_insert_with(|| enc.fresh());
                let upward = matches!(p, Property::Derives(_) | Property::Defeated(_));
                let widen_after = self.widen_after;
                let scope = Scope {
                    within: &within,
                    atoms: atoms.as_deref().expect("preferred has a scope"),
                };
                preferred_with(
                    enc,
                    parts,
                    guard,
                    scope,
                    (prop, upward),
                    widen_after,
                    &mut calls,
                )
            }
            Order::Range => match &self.arguments {
                Some(roots) => {
                    let cmp = self
                        .comparison
                        .get_or_insert_with(|| Comparison::new(enc, roots.clone()));
                    semi_stable_with(enc, cmp, prop, &mut calls)
                }
                None => range_maximal_with(enc, &within, prop, &mut calls),
            },
        };
        if let (Some(left), Some(start), Some(end)) = (self.calls_left.as_mut(), start, calls) {
            *left -= start - end;
        }
        match answer? {
            Some(inside) => {
                self.remember_within(order, scope, inside);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// Keeps a semi-stable extension found, to answer later questions.
    pub(super) fn remember(&mut self, inside: Vec<bool>) {
        self.remember_within(Order::Range, None, inside);
    }

    /// Keeps a maximal extension found (on `scope`), to answer later questions.
    fn remember_within(&mut self, order: Order, scope: Option<Vec<bool>>, inside: Vec<bool>) {
        let (derived, _, undefeated) = settle(self.framework, &inside);
        self.found.push(Found {
            order,
            scope,
            inside,
            derived,
            undefeated,
        });
    }
}

/// Whether a complete set maximal by range (on `within`) has the property `prop`: one, if
/// so. CEGARTIX (Dvořák et al. 2014): climb to a set maximal by range among those with the
/// property, then ask whether any complete set has a strictly larger range; if none, it is
/// maximal outright and a witness, else nothing below it can be, and it is excluded.
fn range_maximal_with(
    enc: &mut Encoding,
    within: &[AsmId],
    prop: Val,
    calls: &mut Option<usize>,
) -> Result<Option<Vec<bool>>, OutOfBudget> {
    let order = Order::Range;
    let mut exclusions = Vec::new();
    let answer = loop {
        let mut assumed = vec![prop];
        assumed.extend(exclusions.iter().map(|&l| Val::Lit(l)));
        if spend(calls).is_err() {
            break Err(OutOfBudget);
        }
        if !enc.solve(&assumed) {
            break Ok(None);
        }
        let Ok((top, witness)) = climb(enc, order, within, &[prop], calls) else {
            break Err(OutOfBudget);
        };
        let outside: Vec<Val> = values(enc, order, within, &top, false);
        if outside.is_empty() {
            break Ok(Some(witness));
        }
        match strictly_above(enc, order, within, &top, &[], calls) {
            Err(e) => break Err(e),
            Ok(false) => break Ok(Some(witness)),
            Ok(true) => {}
        }
        exclusions.push(enc.guard(&outside));
    };
    for act in exclusions {
        enc.retire(act);
    }
    answer
}

/// Whether a preferred extension (maximal on `within`, an upward-closed set of assumptions)
/// has the property `prop`: one, if so. A property that only grows with the set (`upward`:
/// deriving an atom, defeating it) holds of every preferred extension above a complete set
/// that has it, so one SAT call decides. Otherwise its failure grows with the set, and each
/// round asks for a complete set with the property that the clauses learned so far (under
/// `guard`) do not rule out, then whether some complete set above it lacks the property.
/// If none does, every preferred extension above it has the property: the search climbs to
/// one and returns it. Otherwise it climbs from that set to a preferred extension P (which
/// lacks the property too), and for every part on which P holds more and whose boundary has
/// the same values under both, learns "with this boundary, hold all of P's share of the part,
/// or something of the part outside it" (P's share is maximal there, see [`super::parts`]).
/// The clauses hold of every preferred extension, whatever the question, so they are kept
/// for later questions. The first part on which P holds more has only agreeing parts before
/// it, so its boundary agrees and its clause rules out the candidate: the search ends.
///
/// Asking for a larger set that lacks the property, rather than for any larger set, means a
/// candidate need not be maximal to be a witness: one with no such superset already decides
/// the question, however many preferred extensions lie above it.
fn preferred_with(
    enc: &mut Encoding,
    parts: &mut Parts,
    guard: Lit,
    scope: Scope,
    (prop, upward): (Val, bool),
    widen_after: usize,
    calls: &mut Option<usize>,
) -> Result<Option<Vec<bool>>, OutOfBudget> {
    let within = scope.within;
    let mut rounds = 0;
    // Candidates heed the clauses of [`widen`]; the rest of the search need not pay for them.
    let wide = enc.wide();
    loop {
        spend(calls)?;
        if !enc.solve(&[Val::Lit(guard), Val::Lit(wide), prop]) {
            return Ok(None);
        }
        let cur = enc.inside();
        let mut assumed: Vec<Val> = values(enc, Order::Set, within, &cur, true);
        assumed.push(Val::Lit(guard));
        if !upward {
            spend(calls)?;
            assumed.push(prop.not());
            if enc.solve(&assumed) {
                // Climb to a preferred extension P: in every part, P holds a maximal share
                // given what the parts before it settle.
                let (top, _) = climb(enc, Order::Set, within, &[Val::Lit(guard)], calls)?;
                learn(enc, parts, guard, within, &cur, &top);
                rounds += 1;
                if rounds > widen_after {
                    widen::refine(enc, parts, scope, (&cur, &top));
                }
                continue;
            }
            assumed.pop();
            // The model is gone with the failed call; `cur` itself is one again.
            spend(calls)?;
            enc.solve(&assumed);
        }
        let (_, witness) = climb(enc, Order::Set, within, &[Val::Lit(guard)], calls)?;
        return Ok(Some(witness));
    }
}

/// After a preferred extension `top` was found above the complete set `cur`: for every part
/// on which `top` holds more and whose boundary has the same values under both, the clause
/// "with this boundary, hold all of `top`'s share of the part, or something of the part
/// outside it", under `guard`.
fn learn(
    enc: &mut Encoding,
    parts: &mut Parts,
    guard: Lit,
    within: &[AsmId],
    cur: &[bool],
    top: &[bool],
) {
    let f = enc.framework();
    let before = settle(f, cur);
    let after = settle(f, top);
    let mut grown: Vec<u32> = within
        .iter()
        .filter(|&&a| top[a as usize] && !cur[a as usize])
        .map(|&a| parts.of(f.atom_of(a)))
        .collect();
    grown.sort_unstable();
    grown.dedup();
    for part in grown {
        let members: Vec<AsmId> = parts
            .members(part)
            .iter()
            .copied()
            .filter(|&a| matches!(enc.x(a), Val::Lit(_)))
            .collect();
        let boundary = parts.boundary(f, part, &members);
        let same =
            |c: &Closure, d: &Closure| boundary.iter().all(|&p| c.contains(p) == d.contains(p));
        if !same(&before.0, &after.0) || !same(&before.2, &after.2) {
            continue;
        }
        // Given this boundary, the share of the part is maximal, so no set holding strictly
        // less of it (and nothing of the part beyond it) is preferred.
        let mut context = vec![Val::Lit(!guard)];
        for &p in boundary {
            let (d, e) = (enc.derives(p), enc.undefeated(p));
            context.push(if before.0.contains(p) { d.not() } else { d });
            context.push(if before.2.contains(p) { e.not() } else { e });
        }
        context.extend(
            members
                .iter()
                .filter(|&&a| !top[a as usize])
                .map(|&a| enc.x(a)),
        );
        // `held`: the whole share is held; with the same boundary and nothing beyond the
        // share, it must be.
        let held = enc.fresh();
        context.push(Val::Lit(held));
        enc.clause(&context);
        for &m in members.iter().filter(|&&a| top[a as usize]) {
            enc.clause(&[Val::Lit(!held), enc.x(m)]);
        }
    }
}

/// The assumptions a preferred question is searched on, and the atoms they reach (an
/// upward-closed part of the framework; see [`Solver::relevant`]).
#[derive(Clone, Copy)]
pub(super) struct Scope<'a> {
    pub(super) within: &'a [AsmId],
    pub(super) atoms: &'a [bool],
}

/// The set (or range) variables of the assumptions of `within` that `bits` holds (`held`)
/// or lacks.
fn values(enc: &Encoding, order: Order, within: &[AsmId], bits: &[bool], held: bool) -> Vec<Val> {
    within
        .iter()
        .filter(|&&a| bits[a as usize] == held)
        .map(|&a| var(enc, order, a))
        .collect()
}

/// Takes one SAT call from the budget, if there is one.
pub(super) fn spend(calls: &mut Option<usize>) -> Result<(), OutOfBudget> {
    match calls {
        None => Ok(()),
        Some(0) => Err(OutOfBudget),
        Some(n) => {
            *n -= 1;
            Ok(())
        }
    }
}

pub(super) fn value(enc: &mut Encoding, p: Property) -> Val {
    match p {
        Property::Derives(a) => enc.derives(a),
        Property::Lacks(a) => enc.derives(a).not(),
        Property::Undefeated(a) => enc.undefeated(a),
        Property::Defeated(a) => enc.undefeated(a).not(),
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
pub(super) fn climb(
    enc: &mut Encoding,
    order: Order,
    within: &[AsmId],
    keep: &[Val],
    calls: &mut Option<usize>,
) -> Result<(Vec<bool>, Vec<bool>), OutOfBudget> {
    let mut cur = bits(enc, order);
    let mut inside = enc.inside();
    while strictly_above(enc, order, within, &cur, keep, calls)? {
        cur = bits(enc, order);
        inside = enc.inside();
    }
    Ok((cur, inside))
}

/// Whether a complete set lies strictly above `cur` (by set or range, on `within`) with the
/// `keep` values holding; if so, the solver's model is one. One SAT call from the budget.
fn strictly_above(
    enc: &mut Encoding,
    order: Order,
    within: &[AsmId],
    cur: &[bool],
    keep: &[Val],
    calls: &mut Option<usize>,
) -> Result<bool, OutOfBudget> {
    let outside: Vec<Val> = values(enc, order, within, cur, false);
    if outside.is_empty() {
        return Ok(false);
    }
    spend(calls)?;
    let act = enc.guard(&outside);
    let mut assumed: Vec<Val> = values(enc, order, within, cur, true);
    assumed.push(Val::Lit(act));
    assumed.extend_from_slice(keep);
    let bigger = enc.solve(&assumed);
    enc.retire(act);
    Ok(bigger)
}
