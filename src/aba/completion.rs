//! The Clark completion of the rules as clauses: one copy of derivability (a value per atom
//! and per rule body) over chosen atoms, and the Tseitin definitions it is built from. The
//! [encoding](super::encoding) holds two copies over the atoms its questions depend on; the
//! [widening](super::widen) adds two more over what an added set of assumptions reaches, and
//! the [comparison of undecided arguments](super::undecided) completes its own flags with
//! [`define`].

use super::encoding::Val;
use super::{AsmId, Framework};
use crate::sat::{pos, Lit, Phase, Solver};

/// One copy of derivability: a value per atom and per rule body.
pub(super) struct Copy {
    pub(super) atom: Vec<Val>,
    pub(super) body: Vec<Val>,
}

/// Where clauses go: the solver, each clause weakened by `¬when` if set (so that a group of
/// definitions can be switched off, and its propagation with it), with new variables
/// decided on or (`decide: false`, for definitions propagation settles) not.
pub(super) struct Sink<'s> {
    solver: &'s mut Solver,
    when: Option<Lit>,
    decide: bool,
}

impl<'s> Sink<'s> {
    /// Clauses that always hold, over variables the solver decides on.
    pub(super) fn plain(solver: &'s mut Solver) -> Self {
        Sink {
            solver,
            when: None,
            decide: true,
        }
    }

    /// Definitions that hold while `when` is assumed, over variables propagation sets.
    pub(super) fn switched(solver: &'s mut Solver, when: Lit) -> Self {
        Sink {
            solver,
            when: Some(when),
            decide: false,
        }
    }

    /// The same sink, deciding on its new variables (needed where propagation alone may
    /// leave them unset: definitions over positive loops).
    pub(super) fn deciding(mut self, decide: bool) -> Self {
        self.decide |= decide;
        self
    }

    /// A fresh variable.
    pub(super) fn var(&mut self) -> Lit {
        pos(self.solver.new_var_with(Phase::Any, self.decide))
    }

    fn add(&mut self, mut lits: Vec<Lit>) {
        if let Some(w) = self.when {
            lits.push(!w);
        }
        self.solver.add_clause(&lits);
    }
}

/// A fresh variable equal to the disjunction (constants folded).
pub(super) fn or(sink: &mut Sink, vals: &[Val]) -> Val {
    let lits: Vec<Lit> = match fold(vals, Val::True) {
        Ok(lits) => lits,
        Err(v) => return v,
    };
    match lits.as_slice() {
        [] => Val::False,
        [l] => Val::Lit(*l),
        _ => {
            let v = sink.var();
            let mut c = vec![!v];
            c.extend(&lits);
            sink.add(c);
            for &l in &lits {
                sink.add(vec![v, !l]);
            }
            Val::Lit(v)
        }
    }
}

/// A fresh variable equal to the conjunction (constants folded): ¬(¬v1 ∨ … ∨ ¬vn).
pub(super) fn and(sink: &mut Sink, vals: &[Val]) -> Val {
    let negated: Vec<Val> = vals.iter().map(|v| v.not()).collect();
    or(sink, &negated).not()
}

/// The literals among the values, or `Err(absorbing)` when a value equals `absorbing`;
/// the other constant drops out.
fn fold(vals: &[Val], absorbing: Val) -> Result<Vec<Lit>, Val> {
    let mut lits = Vec::with_capacity(vals.len());
    for &v in vals {
        match v {
            Val::Lit(l) => lits.push(l),
            c if c == absorbing => return Err(c),
            _ => {}
        }
    }
    lits.sort_unstable();
    lits.dedup();
    Ok(lits)
}

/// The open atoms of `scope` that derivations from `starts` reach, `starts` included
/// (what the grounded set fixes stays fixed in every complete set and its admissible
/// supersets).
pub(super) fn downstream(
    f: &Framework,
    scope: &[bool],
    fixed: &[Option<bool>],
    starts: Vec<u32>,
) -> Vec<bool> {
    let mut seen = vec![false; f.atom_count()];
    let mut stack = starts;
    while let Some(p) = stack.pop() {
        let i = p as usize;
        if !scope[i] || fixed[i].is_some() || std::mem::replace(&mut seen[i], true) {
            continue;
        }
        stack.extend(f.uses(p).iter().map(|&r| f.rules()[r as usize].head));
    }
    seen
}

/// The atoms that derivations of `starts` use and `covered` lacks, `starts` included, in
/// ascending order; marks them covered (the search stops at covered atoms, whose rules'
/// bodies are covered too).
pub(super) fn upstream(f: &Framework, covered: &mut [bool], starts: &[u32]) -> Vec<u32> {
    let mut stack = starts.to_vec();
    let mut found = Vec::new();
    while let Some(p) = stack.pop() {
        if std::mem::replace(&mut covered[p as usize], true) {
            continue;
        }
        found.push(p);
        for &r in f.heads(p) {
            stack.extend(&f.rules()[r as usize].body);
        }
    }
    found.sort_unstable();
    found
}

/// One copy of derivability (the completion of the rules) over the open atoms that `keep`
/// holds of, with the assumptions' values given by `assumption` and the other atoms' by
/// `outside`; `rank` is [`Framework::ranks`].
pub(super) fn copy(
    f: &Framework,
    fixed: &[Option<bool>],
    rank: &[u32],
    sink: &mut Sink,
    keep: impl Fn(u32) -> bool,
    assumption: impl Fn(AsmId) -> Val,
    outside: impl Fn(u32) -> Val,
) -> Copy {
    let n = f.atom_count() as u32;
    let mut copy = Copy {
        atom: (0..n).map(&outside).collect(),
        body: vec![Val::False; f.rules().len()],
    };
    let kept: Vec<u32> = (0..n).filter(|&p| keep(p)).collect();
    extend(f, fixed, rank, sink, &mut copy, &kept, assumption);
    copy
}

/// Extends a copy to `atoms` (closed under the bodies of their rules, together with what
/// the copy covers already). An atom on no positive loop is the disjunction of its rules'
/// bodies, defined after them (by `rank`), so that an atom with one rule is that rule's
/// body and one whose rule has one premise is that premise: no variable of its own. An
/// atom on or above a loop gets a variable, and its completion is added ([`define`]).
/// Every rule of these atoms gets the value of its body.
pub(super) fn extend(
    f: &Framework,
    fixed: &[Option<bool>],
    rank: &[u32],
    sink: &mut Sink,
    copy: &mut Copy,
    atoms: &[u32],
    assumption: impl Fn(AsmId) -> Val,
) {
    let (mut ordered, mut looped, mut rest) = (Vec::new(), Vec::new(), Vec::new());
    for &p in atoms {
        copy.atom[p as usize] = if let Some(v) = fixed[p as usize] {
            rest.push(p);
            Val::of(v)
        } else if let Some(a) = f.assumption(p) {
            assumption(a)
        } else if rank[p as usize] == u32::MAX {
            looped.push(p);
            Val::Lit(sink.var())
        } else {
            ordered.push(p);
            continue;
        };
    }
    let body = |sink: &mut Sink, copy: &mut Copy, r: u32| {
        let vals: Vec<Val> = f.rules()[r as usize]
            .body
            .iter()
            .map(|&q| copy.atom[q as usize])
            .collect();
        let v = and(sink, &vals);
        copy.body[r as usize] = v;
        v
    };
    ordered.sort_unstable_by_key(|&p| rank[p as usize]);
    for p in ordered {
        let bodies: Vec<Val> = f.heads(p).iter().map(|&r| body(sink, copy, r)).collect();
        copy.atom[p as usize] = or(sink, &bodies);
    }
    // The bodies of the other rules (a fixed atom's too: they are read for its arguments).
    rest.extend(&looped);
    let mut rules: Vec<u32> = rest.iter().flat_map(|&p| f.heads(p)).copied().collect();
    rules.sort_unstable();
    for r in rules {
        body(sink, copy, r);
    }
    define(f, sink, &copy.atom, &copy.body, looped.into_iter());
}

/// The Clark completion: every atom of `atoms` that is no assumption and has a variable
/// holds iff the value of some rule's body for it holds.
pub(super) fn define(
    f: &Framework,
    sink: &mut Sink,
    atom: &[Val],
    body: &[Val],
    atoms: impl Iterator<Item = u32>,
) {
    for p in atoms {
        let Val::Lit(lp) = atom[p as usize] else {
            continue;
        };
        if f.is_assumption(p) {
            continue;
        }
        let mut supports = vec![!lp];
        for &r in f.heads(p) {
            match body[r as usize] {
                // A body that holds outright (an added assumption's): so does the atom.
                Val::True => {
                    sink.add(vec![lp]);
                    supports.clear();
                    break;
                }
                Val::False => {}
                Val::Lit(b) => {
                    supports.push(b);
                    sink.add(vec![lp, !b]);
                }
            }
        }
        if !supports.is_empty() {
            sink.add(supports);
        }
    }
}
