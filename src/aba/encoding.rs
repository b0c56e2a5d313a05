//! The SAT encoding of a flat ABA framework's complete or stable assumption sets, on the
//! part the grounded set leaves open, with derivability encoded exactly.
//!
//! Variables: `x_a` (assumption `a` is in S), `att_a` (S attacks `a`), `r_a = x_a ∨ att_a`
//! (the range), and two copies of derivability: `d_p` (atom `p` ∈ Th(S)) and, for complete
//! sets, `e_p` (`p` ∈ Th(U_S), U_S the assumptions S does not attack). Each copy is the Clark
//! completion of the rules (`p` holds iff the body of some rule for `p` holds), which admits
//! self-supporting loops; when the rules have a positive loop, every model is checked against
//! the least fixpoint and each unfounded loop gets its loop formula ([`super::founded`]),
//! until the model is founded. (Without positive loops every model of the completion is
//! founded, and none is checked.) This is the guess-and-check that ASP solvers perform
//! natively (the ASPforABA encodings of Lehtonen, Wallner & Järvisalo, JAIR 2021 rely on it).
//!
//! Constraints (Čyras et al. 2018): conflict-free `x_a → ¬att_a`; stable `¬x_a → att_a`;
//! complete: `x_a` iff no contrary of `a` is in Th(U_S) (S defends exactly its members).
//!
//! For the preferred search, [`Encoding::admissible_with`] adds, on demand, copies that say
//! whether S together with a given set D is admissible, under one switch literal
//! ([`Encoding::wide`]) that only the search's candidate calls assume; over positive loops,
//! the models of those calls have these copies checked for foundedness as well.
//!
//! Atoms and assumptions the grounded set settles are constants, not variables: every
//! complete set S contains G and none of what G attacks, and G ⊆ S ⊆ U_S ⊆ U_G gives
//! Th(G) ⊆ Th(S) ⊆ Th(U_S) ⊆ Th(U_G). Only atoms in Th(U_G) \ Th(G) get variables.
//!
//! Of those, the copies cover what the contraries of the open assumptions depend on (through
//! rule bodies), which decides which sets are extensions, and the atoms a question is about
//! ([`Encoding::cover`]); a solver not told which atoms it will be asked about
//! ([`super::Solver::focused`]) covers every atom from the start. Leaving out the rest is the
//! cone-of-influence reduction of model checking: on the generated ICCMA-shaped frameworks up
//! to a third of the derived atoms feed no contrary (none on others).

use super::completion::{and, copy, downstream, extend, or, upstream, Copy, Sink};
use super::founded;
use super::grounded::Grounded;
use super::{AsmId, Framework};
use crate::sat::{pos, Lit, Phase, Solver};

/// Which extensions the encoding's models are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Base {
    Complete,
    Stable,
}

/// A value in the encoding: a constant, or a literal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Val {
    True,
    False,
    Lit(Lit),
}

impl Val {
    /// The constant.
    pub(crate) fn of(b: bool) -> Val {
        if b {
            Val::True
        } else {
            Val::False
        }
    }

    /// The negation (constants flipped).
    pub(crate) fn not(self) -> Val {
        match self {
            Val::True => Val::False,
            Val::False => Val::True,
            Val::Lit(l) => Val::Lit(!l),
        }
    }
}

/// The copies of one [`Encoding::admissible_with`] that positive loops reach: Th(S ∪ added)
/// and Th(U), for U the assumptions S ∪ added does not attack, each with the atoms whose
/// values it must found (it covers them, and they lie on or above a loop).
struct Widening {
    own_d: Vec<bool>,
    d: Copy,
    own_e: Vec<bool>,
    e: Copy,
}

/// The atoms both masks hold of.
fn both(a: &[bool], b: &[bool]) -> Vec<bool> {
    a.iter().zip(b).map(|(a, b)| *a && *b).collect()
}

/// A solver loaded with the encoding.
pub(crate) struct Encoding<'f> {
    f: &'f Framework,
    solver: Solver,
    /// Per assumption: in, attacked, in range.
    x: Vec<Val>,
    att: Vec<Val>,
    range: Vec<Val>,
    d: Copy,
    e: Option<Copy>,
    /// The atoms both copies cover ([`Encoding::cover`]).
    covered: Vec<bool>,
    /// Assumptions left open by the grounded set.
    free: Vec<AsmId>,
    /// The rules have a positive loop, so models must be checked for foundedness.
    loops: bool,
    /// The atoms on or above a positive loop: the ones that can be unfounded.
    looped: Vec<bool>,
    /// [`Framework::ranks`]: the order in which the copies define the atoms on no loop.
    rank: Vec<u32>,
    /// Per atom: `Some(true)` in Th(G), `Some(false)` outside Th(U_G), `None` open.
    fixed: Vec<Option<bool>>,
    /// How many times [`Encoding::admissible_with`] added its copies.
    pub(crate) widened: usize,
    /// The literal under which those copies hold.
    wide: Option<Lit>,
    /// Over positive loops, those copies, to check the models for foundedness.
    widenings: Vec<Widening>,
    /// Literals that switch groups of definitions on ([`Encoding::switch`]); a call that
    /// does not assume one assumes its negation, so that the group costs it nothing.
    switches: Vec<Lit>,
}

impl<'f> Encoding<'f> {
    /// The encoding over what the contraries of the open assumptions depend on, and over
    /// the atoms of `focus` and what they depend on (every atom when `None`; others are
    /// covered when asked about, see [`Encoding::cover`]).
    pub(crate) fn new(f: &'f Framework, g: &Grounded, base: Base, focus: Option<&[u32]>) -> Self {
        let mut solver = Solver::default();
        let n = f.assumption_count();
        let open = |p: u32| g.undefeated.contains(p) && !g.derived.contains(p);
        let mut x = vec![Val::False; n];
        let mut free = Vec::new();
        for a in 0..n as u32 {
            if g.inside[a as usize] {
                x[a as usize] = Val::True;
            } else if !g.attacked[a as usize] && open(f.atom_of(a)) {
                // Deciding assumptions in first makes models large: fewer rounds to climb.
                x[a as usize] = Val::Lit(pos(solver.new_var_with(Phase::True, true)));
                free.push(a);
            }
        }
        let fixed: Vec<Option<bool>> = (0..f.atom_count() as u32)
            .map(|p| {
                if g.derived.contains(p) {
                    Some(true)
                } else if !g.undefeated.contains(p) {
                    Some(false)
                } else {
                    None
                }
            })
            .collect();
        // What the contraries of the open assumptions use decides which sets are complete
        // or stable; the rest matters only to the questions asked.
        let constant = |p: u32| fixed[p as usize].is_some() || f.is_assumption(p);
        let mut covered: Vec<bool> = (0..f.atom_count() as u32)
            .map(|p| focus.is_none() || constant(p))
            .collect();
        let contraries: Vec<u32> = free
            .iter()
            .flat_map(|&a| f.contraries(a))
            .copied()
            .collect();
        upstream(f, &mut covered, &contraries);
        upstream(f, &mut covered, focus.unwrap_or_default());
        let keep = |p: u32| covered[p as usize];
        let rank = f.ranks();
        let mut sink = Sink::plain(&mut solver);
        let d = copy(
            f,
            &fixed,
            &rank,
            &mut sink,
            keep,
            |a| x[a as usize],
            |_| Val::False,
        );
        let mut att = vec![Val::False; n];
        for a in 0..n as u32 {
            att[a as usize] = if g.attacked[a as usize] {
                Val::True
            } else if g.inside[a as usize] {
                Val::False
            } else {
                let cs: Vec<Val> = f
                    .contraries(a)
                    .iter()
                    .map(|&c| d.atom[c as usize])
                    .collect();
                or(&mut sink, &cs)
            };
        }
        let e = (base == Base::Complete).then(|| {
            copy(
                f,
                &fixed,
                &rank,
                &mut sink,
                keep,
                |a| att[a as usize].not(),
                |_| Val::False,
            )
        });
        // A stable set's range is every assumption.
        let mut range = vec![Val::True; n];
        if base == Base::Complete {
            for a in 0..n as u32 {
                range[a as usize] = or(&mut sink, &[x[a as usize], att[a as usize]]);
            }
        }
        let looped: Vec<bool> = rank.iter().map(|&r| r == u32::MAX).collect();
        let mut enc = Encoding {
            f,
            solver,
            x,
            att,
            range,
            d,
            e,
            covered,
            free,
            loops: looped.contains(&true),
            looped,
            rank,
            fixed,
            widened: 0,
            wide: None,
            widenings: Vec::new(),
            switches: Vec::new(),
        };
        for i in 0..enc.free.len() {
            let a = enc.free[i] as usize;
            let (xa, atta) = (enc.x[a], enc.att[a]);
            // Conflict-free.
            enc.clause(&[xa.not(), atta.not()]);
            match base {
                Base::Stable => enc.clause(&[xa, atta]),
                Base::Complete => {
                    let e = enc.e.as_ref().expect("complete has e");
                    let cs: Vec<Val> = f
                        .contraries(a as u32)
                        .iter()
                        .map(|&c| e.atom[c as usize])
                        .collect();
                    // In only if defended; in whenever defended.
                    for &c in &cs {
                        enc.clause(&[xa.not(), c.not()]);
                    }
                    let mut all = cs;
                    all.push(xa);
                    enc.clause(&all);
                }
            }
        }
        enc
    }

    /// The assumptions the grounded set leaves open.
    pub(crate) fn free(&self) -> &[AsmId] {
        &self.free
    }

    /// Adds a clause over values (true constants satisfy it; false ones drop out).
    pub(crate) fn clause(&mut self, vals: &[Val]) {
        let mut lits = Vec::with_capacity(vals.len());
        for v in vals {
            match *v {
                Val::True => return,
                Val::False => {}
                Val::Lit(l) => lits.push(l),
            }
        }
        self.solver.add_clause(&lits);
    }

    /// A fresh literal `act`; `clause ∨ ¬act` is added, so the clause holds while `act` is
    /// assumed. Retire it with [`Encoding::retire`].
    pub(crate) fn guard(&mut self, vals: &[Val]) -> Lit {
        let act = pos(self.solver.new_var());
        let mut v = vals.to_vec();
        v.push(Val::Lit(!act));
        self.clause(&v);
        act
    }

    /// A fresh literal, constrained by nothing yet.
    pub(crate) fn fresh(&mut self) -> Lit {
        pos(self.solver.new_var())
    }

    /// The framework encoded.
    pub(crate) fn framework(&self) -> &'f Framework {
        self.f
    }

    pub(crate) fn retire(&mut self, act: Lit) {
        self.solver.add_clause(&[!act]);
    }

    /// A fresh variable equal to the disjunction of the values.
    pub(crate) fn or(&mut self, vals: &[Val]) -> Val {
        or(&mut Sink::plain(&mut self.solver), vals)
    }

    pub(crate) fn x(&self, a: AsmId) -> Val {
        self.x[a as usize]
    }

    pub(crate) fn range(&self, a: AsmId) -> Val {
        self.range[a as usize]
    }

    /// Per atom: `Some(true)` in Th(G), `Some(false)` outside Th(U_G), `None` open; the
    /// same for Th(S) and Th(U_S) of every complete set S.
    pub(crate) fn fixed(&self) -> &[Option<bool>] {
        &self.fixed
    }

    /// [`Framework::ranks`].
    pub(crate) fn rank(&self) -> &[u32] {
        &self.rank
    }

    /// S attacks `a`.
    pub(crate) fn attacked(&self, a: AsmId) -> Val {
        self.att[a as usize]
    }

    /// The body of rule `r` lies in Th(U_S) (complete base only).
    pub(crate) fn undefeated_body(&mut self, r: u32) -> Val {
        self.cover(&[self.f.rules()[r as usize].head]);
        self.e.as_ref().expect("complete base").body[r as usize]
    }

    /// Whether the rules have a positive loop (so that copies over them admit unfounded
    /// models, and their variables must be decided on).
    pub(crate) fn loops(&self) -> bool {
        self.loops
    }

    /// A sink for definitions that hold while `when` is assumed.
    pub(super) fn switched(&mut self, when: Lit) -> Sink<'_> {
        Sink::switched(&mut self.solver, when).deciding(self.loops)
    }

    /// Extends both copies of derivability to `atoms` and what their derivations use. The
    /// new definitions constrain only the new variables, so every model extends to them.
    pub(crate) fn cover(&mut self, atoms: &[u32]) {
        if atoms.iter().all(|&p| self.covered[p as usize]) {
            return;
        }
        let new = upstream(self.f, &mut self.covered, atoms);
        let (f, x, att) = (self.f, &self.x, &self.att);
        let mut sink = Sink::plain(&mut self.solver);
        let (fixed, rank) = (&self.fixed, &self.rank);
        extend(f, fixed, rank, &mut sink, &mut self.d, &new, |a| {
            x[a as usize]
        });
        if let Some(e) = &mut self.e {
            extend(f, fixed, rank, &mut sink, e, &new, |a| {
                att[a as usize].not()
            });
        }
    }

    /// Whether the copies of derivability cover `p` yet.
    #[cfg(test)]
    pub(crate) fn covers(&self, p: u32) -> bool {
        self.covered[p as usize]
    }

    /// `p` ∈ Th(S).
    pub(crate) fn derives(&mut self, p: u32) -> Val {
        self.cover(&[p]);
        self.d.atom[p as usize]
    }

    /// `p` ∈ Th(U_S): some argument for `p` is not defeated (complete base only).
    pub(crate) fn undefeated(&mut self, p: u32) -> Val {
        self.cover(&[p]);
        self.e.as_ref().expect("complete base").atom[p as usize]
    }

    /// A value that holds exactly when S ∪ `added` is admissible in the framework restricted
    /// to the atoms `scope` holds of (closed under rule bodies and contraries, so that it is
    /// unattacked from outside), S being the model's set, a complete one. S ∪ `added`
    /// derives, attacks and leaves undefeated what S does, except downstream of `added`; two
    /// more copies of derivability cover only that part: Th(S ∪ added), and Th(U) for U the
    /// assumptions S ∪ `added` does not attack. `added` must lie inside U_G, as every
    /// complete set does. Every new clause holds only while [`Encoding::wide`] is assumed.
    /// A copy that covers no atom on or above a positive loop does not decide on its
    /// variables: with it, propagation sets them. One that does decides on them, and every
    /// model that assumes it has the copy checked for foundedness too (see
    /// [`Encoding::solve`]), so the copies are exact.
    pub(crate) fn admissible_with(&mut self, added: &[bool], scope: &[bool]) -> Val {
        let when = self.wide();
        self.widened += 1;
        let f = self.f;
        let n = f.assumption_count() as u32;
        let is_added = |a: AsmId| added[a as usize];
        let starts: Vec<u32> = (0..n)
            .filter(|&a| is_added(a))
            .map(|a| f.atom_of(a))
            .collect();
        // Atoms the copies do not cover feed no contrary: the widening leaves them out too.
        let scope = &both(scope, &self.covered);
        let moved = downstream(f, scope, &self.fixed, starts);
        // Only atoms on or above a positive loop can be unfounded; a copy that covers some
        // must decide on its variables (propagation may leave a loop unset) and be checked.
        let own_d = both(&moved, &self.looped);
        let mut sink = Sink::switched(&mut self.solver, when).deciding(own_d.contains(&true));
        let (d0, e0) = (&self.d, self.e.as_ref().expect("complete base"));
        let d = copy(
            f,
            &self.fixed,
            &self.rank,
            &mut sink,
            |p| moved[p as usize],
            |_| Val::True,
            |p| d0.atom[p as usize],
        );
        // What S ∪ added attacks: more than S only through a contrary it newly derives.
        let mut att = self.att.clone();
        let mut hit = Vec::new();
        for a in 0..n {
            let cs = f.contraries(a);
            if scope[f.atom_of(a) as usize] && cs.iter().any(|&c| moved[c as usize]) {
                let vals: Vec<Val> = cs.iter().map(|&c| d.atom[c as usize]).collect();
                att[a as usize] = or(&mut sink, &vals);
                hit.push(f.atom_of(a));
            }
        }
        let shrunk = downstream(f, scope, &self.fixed, hit);
        let own_e = both(&shrunk, &self.looped);
        let mut sink = sink.deciding(own_e.contains(&true));
        let e = copy(
            f,
            &self.fixed,
            &self.rank,
            &mut sink,
            |p| shrunk[p as usize],
            |a| att[a as usize].not(),
            |p| e0.atom[p as usize],
        );
        // Not admissible: some member is attacked by the set, or by an argument it leaves
        // undefeated. S, complete, is neither, so only members the change reaches can be.
        let mut bad = Vec::new();
        for a in 0..n {
            let cs = f.contraries(a);
            let reached =
                att[a as usize] != self.att[a as usize] || cs.iter().any(|&c| shrunk[c as usize]);
            if !scope[f.atom_of(a) as usize] || !(is_added(a) || reached) {
                continue;
            }
            let mut threats = vec![att[a as usize]];
            threats.extend(cs.iter().map(|&c| e.atom[c as usize]));
            let threat = or(&mut sink, &threats);
            let member = if is_added(a) {
                Val::True
            } else {
                self.x[a as usize]
            };
            bad.push(and(&mut sink, &[member, threat]));
        }
        let admissible = or(&mut sink, &bad).not();
        if own_d.contains(&true) || own_e.contains(&true) {
            self.widenings.push(Widening { own_d, d, own_e, e });
        }
        admissible
    }

    fn value(&self, v: Val) -> bool {
        match v {
            Val::True => true,
            Val::False => false,
            Val::Lit(l) => self.solver.value(l),
        }
    }

    /// The literal that switches on the copies of [`Encoding::admissible_with`].
    pub(crate) fn wide(&mut self) -> Lit {
        match self.wide {
            Some(w) => w,
            None => {
                let w = self.switch();
                *self.wide.insert(w)
            }
        }
    }

    /// A new switch: a literal that calls not assuming it assume false.
    pub(crate) fn switch(&mut self) -> Lit {
        let s = pos(self.solver.new_var_with(Phase::False, true));
        self.switches.push(s);
        s
    }

    /// Solves under the assumption literals (constants: `False` fails at once), adding loop
    /// formulas until the model's derivations are founded. True when a model exists.
    pub(crate) fn solve(&mut self, assumed: &[Val]) -> bool {
        let mut lits = Vec::with_capacity(assumed.len() + 1);
        for v in assumed {
            match *v {
                Val::True => {}
                Val::False => return false,
                Val::Lit(l) => lits.push(l),
            }
        }
        for &s in &self.switches {
            if !lits.contains(&s) {
                lits.push(!s);
            }
        }
        let wide = self.wide.is_some_and(|w| lits.contains(&w));
        loop {
            if !self.solver.solve(&lits) {
                return false;
            }
            // Without positive loops the completion's models are founded.
            if !self.loops || !self.repair(wide) {
                return true;
            }
        }
    }

    /// The last model's assumption set, per assumption.
    pub(crate) fn inside(&self) -> Vec<bool> {
        self.x.iter().map(|&v| self.value(v)).collect()
    }

    /// The last model's range, per assumption.
    pub(crate) fn in_range(&self) -> Vec<bool> {
        self.range.iter().map(|&v| self.value(v)).collect()
    }

    /// Checks the model's derivations against least fixpoints, and with them, when `wide`
    /// is assumed, the copies of [`Encoding::admissible_with`]; adds loop formulas for the
    /// unfounded loops. True when something was added (the model was not founded).
    fn repair(&mut self, wide: bool) -> bool {
        let f = self.f;
        let value = |v: Val| self.value(v);
        let mut found = founded::violated(f, &self.d, &self.looped, value);
        if let Some(e) = &self.e {
            found.extend(founded::violated(f, e, &self.looped, value));
        }
        // The widening's copies take the base copies' values outside what they cover, so
        // they are checked once those are founded.
        let mut when = None;
        if found.is_empty() && wide {
            for w in &self.widenings {
                found.extend(founded::violated(f, &w.d, &w.own_d, value));
                found.extend(founded::violated(f, &w.e, &w.own_e, value));
            }
            when = self.wide;
        }
        if found.is_empty() {
            return false;
        }
        for formula in found {
            let support = match formula.heads.len() {
                1 => None,
                _ => Some(self.or(&formula.external)),
            };
            for h in formula.heads {
                let mut c = match support {
                    Some(s) => vec![s],
                    None => formula.external.clone(),
                };
                c.push(h.not());
                c.extend(when.map(|w| Val::Lit(!w)));
                self.clause(&c);
            }
        }
        true
    }
}
