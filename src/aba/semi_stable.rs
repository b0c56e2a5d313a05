//! The semi-stable search over *arguments*: is there a complete assumption set whose
//! undecided arguments are ⊆-minimal (Caminada 2006, on the framework of arguments) with a
//! property of one atom? CEGARTIX (Dvořák, Järvisalo, Wallner & Woltran 2014), with the
//! ranges compared by [`super::undecided`] rather than over assumptions:
//! - find a complete set with the property that no exclusion rules out;
//! - climb: while a complete set with the property leaves strictly fewer arguments
//!   undecided, move to it;
//! - if no complete set at all leaves strictly fewer undecided than the top, the top is
//!   semi-stable and a witness; else no set that leaves undecided all the top does is
//!   semi-stable: from then on, candidates must decide something the top leaves undecided.
//!   That holds whatever the question, so the exclusion is kept for later ones.
//!
//! "Strictly fewer than a given set" is encoded once, over parameters that each call
//! assumes equal to the set. It and the exclusions need W true, which the completion may
//! fake through a self-supporting loop; when the rules have positive loops each such model
//! is checked exactly, and a set faked in is blocked. Every SAT call comes from the budget.

use super::encoding::{Base, Encoding, Val};
use super::search::{climb, spend, value, Found, Order, Property};
use super::solver::{OutOfBudget, Solver};
use super::undecided::{encode, exceeds, Labelled, Side};
use crate::dung::Semantics;
use crate::sat::Lit;

/// What the search keeps in the encoding between questions.
pub(super) struct Comparison {
    /// Assumed with the parameters: the model leaves strictly fewer arguments undecided than
    /// the complete set the parameters hold (per assumption: in, attacked).
    fewer: Lit,
    inside: Vec<Val>,
    attacked: Vec<Val>,
    /// Assumed by candidates: none leaves undecided all that an excluded top does.
    excluded: Lit,
    tops: Vec<Labelled>,
    /// The atoms whose derivations are arguments.
    roots: Vec<bool>,
}

impl Comparison {
    pub(super) fn new(enc: &mut Encoding, roots: Vec<bool>) -> Self {
        let n = enc.framework().assumption_count() as u32;
        let fewer = enc.switch();
        let param = |enc: &mut Encoding, v: Val| match v {
            Val::Lit(_) => Val::Lit(enc.fresh()),
            constant => constant,
        };
        let (mut inside, mut attacked) = (Vec::new(), Vec::new());
        for a in 0..n {
            let (x, att) = (enc.x(a), enc.attacked(a));
            inside.push(param(enc, x));
            attacked.push(param(enc, att));
        }
        let given = Side::Params {
            inside: &inside,
            attacked: &attacked,
        };
        let more = encode(enc, &roots, Side::Model, given, fewer);
        let less = encode(enc, &roots, given, Side::Model, fewer);
        enc.clause(&[Val::Lit(!fewer), more.not()]);
        enc.clause(&[Val::Lit(!fewer), less]);
        let excluded = enc.switch();
        Comparison {
            fewer,
            inside,
            attacked,
            excluded,
            tops: Vec::new(),
            roots,
        }
    }
}

/// A complete set with the property `prop` whose undecided arguments (derivations of the
/// `roots` atoms) are ⊆-minimal among all complete sets, if there is one.
pub(super) fn semi_stable_with(
    enc: &mut Encoding,
    cmp: &mut Comparison,
    prop: Val,
    calls: &mut Option<usize>,
) -> Result<Option<Vec<bool>>, OutOfBudget> {
    let f = enc.framework();
    let roots = cmp.roots.clone();
    let roots = &roots[..];
    let excluded = cmp.excluded;
    loop {
        spend(calls)?;
        if !enc.solve(&[prop, Val::Lit(excluded)]) {
            return Ok(None);
        }
        let candidate = Labelled::of(f, enc.inside());
        if enc.loops()
            && cmp
                .tops
                .iter()
                .any(|top| !exceeds(f, roots, top, &candidate))
        {
            // It passed the exclusions only through a self-supporting loop.
            block(enc, excluded, &candidate.inside);
            continue;
        }
        let mut cur = larger(enc, prop, calls)?;
        while fewer_undecided(enc, cmp, &cur, prop, calls)?.is_some() {
            cur = larger(enc, prop, calls)?;
        }
        if fewer_undecided(enc, cmp, &cur, Val::True, calls)?.is_none() {
            return Ok(Some(cur.inside));
        }
        let decides = encode(enc, roots, Side::Fixed(&cur), Side::Model, excluded);
        enc.clause(&[Val::Lit(!excluded), decides]);
        cmp.tops.push(cur);
    }
}

/// A complete set where `keep` holds that leaves strictly fewer arguments undecided than
/// `cur`: none undecided that `cur` decides, and some decided that `cur` leaves undecided.
fn fewer_undecided(
    enc: &mut Encoding,
    cmp: &Comparison,
    cur: &Labelled,
    keep: Val,
    calls: &mut Option<usize>,
) -> Result<Option<Labelled>, OutOfBudget> {
    let f = enc.framework();
    let act = enc.fresh();
    let mut assumed = vec![Val::Lit(cmp.fewer), Val::Lit(act), keep];
    for a in 0..f.assumption_count() {
        let given = |v: Val, b: bool| if b { v } else { v.not() };
        assumed.push(given(cmp.inside[a], cur.inside[a]));
        assumed.push(given(cmp.attacked[a], cur.attacked[a]));
    }
    let found = loop {
        if let Err(e) = spend(calls) {
            break Err(e);
        }
        if !enc.solve(&assumed) {
            break Ok(None);
        }
        let next = Labelled::of(f, enc.inside());
        if enc.loops() && !exceeds(f, &cmp.roots, cur, &next) {
            block(enc, act, &next.inside);
            continue;
        }
        break Ok(Some(next));
    };
    enc.retire(act);
    found
}

/// From the model's set, a ⊆-maximal complete set above it where `prop` holds: a cheaper
/// climb (on the encoding alone) that never leaves more arguments undecided, since a
/// complete superset attacks more and leaves fewer assumptions undecided.
fn larger(
    enc: &mut Encoding,
    prop: Val,
    calls: &mut Option<usize>,
) -> Result<Labelled, OutOfBudget> {
    let all = enc.free().to_vec();
    let (_, inside) = climb(enc, Order::Set, &all, &[prop], calls)?;
    Ok(Labelled::of(enc.framework(), inside))
}

/// Rules out the assumption set `inside` while `guard` is assumed.
fn block(enc: &mut Encoding, guard: Lit, inside: &[bool]) {
    let mut clause = vec![Val::Lit(!guard)];
    for &a in enc.free() {
        let x = enc.x(a);
        clause.push(if inside[a as usize] { x.not() } else { x });
    }
    enc.clause(&clause);
}

/// What a batch asks of each atom: that some semi-stable extension derives it, lacks it, or
/// leaves an argument for it undefeated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Asked {
    Derives,
    Lacks,
    Undefeated,
}

impl Asked {
    fn of(self, atom: u32) -> Property {
        match self {
            Asked::Derives => Property::Derives(atom),
            Asked::Lacks => Property::Lacks(atom),
            Asked::Undefeated => Property::Undefeated(atom),
        }
    }
}

impl Solver<'_> {
    /// Whether the ideal set I shows that no semi-stable extension has the property. Every
    /// semi-stable extension is preferred (as in every framework of arguments), so it
    /// contains I: it derives what I derives, and leaves undefeated only what U_I derives.
    pub(super) fn excluded_by_ideal(&mut self, p: Property) -> bool {
        let ideal = self.ideal_set();
        match p {
            Property::Derives(a) | Property::Undefeated(a) => !ideal.undefeated.contains(a),
            Property::Lacks(a) | Property::Defeated(a) => ideal.derived.contains(a),
        }
    }

    /// Per atom asked, whether some semi-stable extension over arguments (see
    /// [`Solver::with_arguments`]; without it, over assumptions, one atom at a time) has the
    /// property (`None`: the budget ran out first). Each
    /// search asks for an extension where the property holds of *some* atom still open, and
    /// settles all atoms the extension found satisfies: one search per extension needed,
    /// and one that fails for all the rest, rather than one per atom.
    pub fn semi_stable_some(&mut self, asked: Asked, atoms: &[u32]) -> Vec<Option<bool>> {
        let mut out: Vec<Option<bool>> = vec![None; atoms.len()];
        if self.stable_exists() {
            // The semi-stable extensions are the stable ones.
            for (o, &p) in out.iter_mut().zip(atoms) {
                *o = Some(match asked {
                    Asked::Derives | Asked::Undefeated => self.credulous(Semantics::Stable, p),
                    Asked::Lacks => !self.sceptical(Semantics::Stable, p),
                });
            }
            return out;
        }
        for (o, &p) in out.iter_mut().zip(atoms) {
            if self.excluded_by_ideal(asked.of(p)) {
                *o = Some(false);
            }
        }
        let Some(roots) = self.arguments.clone() else {
            // Over assumptions: one search per atom.
            for (o, &p) in out.iter_mut().zip(atoms) {
                *o = o.or(self.maximal_with(Order::Range, asked.of(p)).ok());
            }
            return out;
        };
        let mut calls = self.calls_left;
        self.encoding(Base::Complete);
        loop {
            for (o, &p) in out.iter_mut().zip(atoms) {
                let shown = |x: &Found| x.order == Order::Range && x.satisfies(asked.of(p));
                if o.is_none() && self.found.iter().any(shown) {
                    *o = Some(true);
                }
            }
            let enc = self.complete.as_mut().expect("made above");
            let open: Vec<Val> = (out.iter().zip(atoms))
                .filter(|(o, _)| o.is_none())
                .map(|(_, &p)| value(enc, asked.of(p)))
                .collect();
            if open.iter().all(|&v| v == Val::False) {
                out.iter_mut()
                    .filter(|o| o.is_none())
                    .for_each(|o| *o = Some(false));
                break;
            }
            let some = enc.guard(&open);
            let cmp = (self.comparison).get_or_insert_with(|| Comparison::new(enc, roots.clone()));
            let found = semi_stable_with(enc, cmp, Val::Lit(some), &mut calls);
            enc.retire(some);
            match found {
                Ok(Some(inside)) => self.remember(inside),
                Ok(None) => {
                    out.iter_mut()
                        .filter(|o| o.is_none())
                        .for_each(|o| *o = Some(false));
                    break;
                }
                Err(OutOfBudget) => break,
            }
        }
        self.calls_left = calls;
        out
    }
}
