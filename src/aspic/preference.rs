//! The strict argument ordering ≺ lifted from preferences over defeasible rules and ordinary
//! premises (Modgil & Prakken 2013, Sect. 3.5; 2014 tutorial):
//!
//! - The order on rules (≤) and on ordinary premises (≤') is the transitive closure of the
//!   school's `prefer better over worse` statements, read as strict (worse < better); the
//!   resolver refuses cycles, so it is a strict partial order.
//! - Set comparison ◁s (Def. 3.19), for finite sets Γ, Γ': if Γ = ∅ then never Γ ◁s Γ';
//!   if Γ' = ∅ and Γ ≠ ∅ then Γ ◁s Γ'; otherwise, *elitist*: Γ ◁Eli Γ' iff some X ∈ Γ is
//!   below every Y ∈ Γ' (X < Y); *democratic*: Γ ◁Dem Γ' iff every X ∈ Γ is below some
//!   Y ∈ Γ'. (This is the reading with the strict order, as in the tutorial and in py_arg;
//!   a variant defined with ≤ would differ on overlapping sets.)
//! - *Last-link* (Def. 3.21): A ≺ B iff LastDefRules(A) ◁s LastDefRules(B), or both are
//!   empty and Prem_p(A) ◁s Prem_p(B).
//! - *Weakest-link* (Def. 3.23): if A and B are both strict, A ≺ B iff Prem_p(A) ◁s
//!   Prem_p(B); else if both are firm, iff DefRules(A) ◁s DefRules(B); else iff both
//!   Prem_p(A) ◁s Prem_p(B) and DefRules(A) ◁s DefRules(B).
//!
//! The empty-set cases make strict-and-firm arguments stronger than all others even without
//! any `prefer` statement: e.g. under last-link an argument with a defeasible last rule is
//! below one with none, so its rebuttal of a premise-based argument fails.
//!
//! The sets are computed once per argument, bottom-up (sub-arguments have smaller ids);
//! [`ArgumentOrder::weaker`] then compares two arguments in time proportional to the
//! product of their set sizes.

use super::argument::{ArgId, Arguments, Top};
use super::rules::Rule;
use crate::model::{Comparison, Link, Ordering, Preferable, PremiseKind, RuleKind, School};
use std::collections::{BTreeSet, HashMap, HashSet};

/// What arguments are compared by: their defeasible rules and ordinary premises.
pub struct ArgumentOrder {
    ordering: Ordering,
    /// (worse, better) pairs of the transitive closure.
    below: HashSet<(Preferable, Preferable)>,
    /// Per argument: defeasible rules (as stated rule ids), last defeasible rules, ordinary premises.
    def_rules: Vec<BTreeSet<Preferable>>,
    last_def_rules: Vec<BTreeSet<Preferable>>,
    premises: Vec<BTreeSet<Preferable>>,
}

impl ArgumentOrder {
    /// The ordering of the school's arguments. Even with no `prefer` statements it is not
    /// empty: a non-empty set is below the empty one (Def. 3.19), so e.g. under last-link an
    /// argument with a defeasible last rule is weaker than one with none. Without preferences
    /// only whether each set is empty matters, so each set keeps at most one member.
    pub fn new(school: &School, rules: &[Rule], args: &Arguments, ordering: Ordering) -> Self {
        let below = closure(school.preferences.iter().map(|p| (p.worse, p.better)));
        // An element no `prefer` statement mentions is below nothing and above nothing, so
        // a set holding one is never ◁ another (democratic) and no set is ◁ it (elitist,
        // unless empty); one such element stands for all of them. So each set keeps the
        // mentioned members and at most one other, and stays small however big the
        // argument is.
        let mentioned: HashSet<Preferable> = below.iter().flat_map(|&(w, b)| [w, b]).collect();
        let trim = |set: &mut BTreeSet<Preferable>| {
            let mut other = false;
            set.retain(|x| mentioned.contains(x) || !std::mem::replace(&mut other, true));
        };
        let n = args.all.len();
        let mut def_rules = vec![BTreeSet::new(); n];
        let mut last_def_rules = vec![BTreeSet::new(); n];
        let mut premises = vec![BTreeSet::new(); n];
        // Sub-arguments are built before the arguments that use them.
        for id in args.ids() {
            let a = args.get(id);
            let i = id.0 as usize;
            match a.top {
                Top::Premise(PremiseKind::Ordinary) => {
                    premises[i].insert(Preferable::Premise(a.conclusion));
                }
                Top::Premise(PremiseKind::Axiom) => {}
                Top::Rule(r) => {
                    let rule = &rules[r as usize];
                    let mut d = BTreeSet::new();
                    let mut last = BTreeSet::new();
                    let mut p = BTreeSet::new();
                    for s in &a.subs {
                        let s = s.0 as usize;
                        d.extend(def_rules[s].iter().copied());
                        last.extend(last_def_rules[s].iter().copied());
                        p.extend(premises[s].iter().copied());
                    }
                    if rule.kind == RuleKind::Defeasible {
                        let me = Preferable::Rule(rule.origin);
                        d.insert(me);
                        last = BTreeSet::from([me]);
                    }
                    // Only weakest-link compares all defeasible rules; last-link needs only
                    // whether there are any (for strict-and-firm tests, none are made).
                    if ordering.link == Link::LastLink {
                        while d.len() > 1 {
                            d.pop_last();
                        }
                    }
                    trim(&mut d);
                    trim(&mut last);
                    trim(&mut p);
                    def_rules[i] = d;
                    last_def_rules[i] = last;
                    premises[i] = p;
                }
            }
        }
        ArgumentOrder {
            ordering,
            below,
            def_rules,
            last_def_rules,
            premises,
        }
    }

    /// A ≺ B: A is strictly less preferred than B.
    pub fn weaker(&self, a: ArgId, b: ArgId, args: &Arguments) -> bool {
        let (i, j) = (a.0 as usize, b.0 as usize);
        let set = |x: &BTreeSet<Preferable>, y: &BTreeSet<Preferable>| self.set_below(x, y);
        match self.ordering.link {
            Link::LastLink => {
                let (la, lb) = (&self.last_def_rules[i], &self.last_def_rules[j]);
                set(la, lb)
                    || (la.is_empty() && lb.is_empty() && set(&self.premises[i], &self.premises[j]))
            }
            Link::WeakestLink => {
                let (aa, bb) = (args.get(a), args.get(b));
                if aa.strict && bb.strict {
                    set(&self.premises[i], &self.premises[j])
                } else if aa.firm && bb.firm {
                    set(&self.def_rules[i], &self.def_rules[j])
                } else {
                    set(&self.premises[i], &self.premises[j])
                        && set(&self.def_rules[i], &self.def_rules[j])
                }
            }
        }
    }

    /// Why A ≺ B, when it holds: which sets were compared and the (worse, better) pairs of the
    /// preference order that decide it. No pairs means B's set is empty: B is strict and firm
    /// where it counts, which beats any defeasible or ordinary element (Def. 3.19).
    pub fn why_weaker(&self, a: ArgId, b: ArgId, args: &Arguments) -> Option<Witness> {
        if !self.weaker(a, b, args) {
            return None;
        }
        let (i, j) = (a.0 as usize, b.0 as usize);
        let (compared, pairs) = match self.ordering.link {
            Link::LastLink if !self.set_below(&self.last_def_rules[i], &self.last_def_rules[j]) => {
                (
                    Compared::Premises,
                    self.witness(&self.premises[i], &self.premises[j]),
                )
            }
            Link::LastLink => (
                Compared::LastRules,
                self.witness(&self.last_def_rules[i], &self.last_def_rules[j]),
            ),
            Link::WeakestLink => {
                let (aa, bb) = (args.get(a), args.get(b));
                if aa.strict && bb.strict {
                    (
                        Compared::Premises,
                        self.witness(&self.premises[i], &self.premises[j]),
                    )
                } else if aa.firm && bb.firm {
                    (
                        Compared::Rules,
                        self.witness(&self.def_rules[i], &self.def_rules[j]),
                    )
                } else {
                    let mut w = self.witness(&self.premises[i], &self.premises[j]);
                    w.extend(self.witness(&self.def_rules[i], &self.def_rules[j]));
                    (Compared::PremisesAndRules, w)
                }
            }
        };
        Some(Witness {
            ordering: self.ordering,
            compared,
            pairs,
        })
    }

    /// The pairs that make Γ ◁ Γ' (assumed to hold).
    fn witness(
        &self,
        g: &BTreeSet<Preferable>,
        h: &BTreeSet<Preferable>,
    ) -> Vec<(Preferable, Preferable)> {
        let below = |x: Preferable| h.iter().map(move |&y| (x, y));
        match self.ordering.comparison {
            Comparison::Elitist => g
                .iter()
                .find(|&&x| h.iter().all(|&y| self.lt(x, y)))
                .map(|&x| below(x).collect())
                .unwrap_or_default(),
            Comparison::Democratic => g
                .iter()
                .filter_map(|&x| h.iter().find(|&&y| self.lt(x, y)).map(|&y| (x, y)))
                .collect(),
        }
    }

    fn lt(&self, x: Preferable, y: Preferable) -> bool {
        self.below.contains(&(x, y))
    }

    /// Γ ◁ Γ' under the chosen set comparison.
    fn set_below(&self, g: &BTreeSet<Preferable>, h: &BTreeSet<Preferable>) -> bool {
        if g.is_empty() {
            return false;
        }
        if h.is_empty() {
            return true;
        }
        match self.ordering.comparison {
            Comparison::Elitist => g.iter().any(|&x| h.iter().all(|&y| self.lt(x, y))),
            Comparison::Democratic => g.iter().all(|&x| h.iter().any(|&y| self.lt(x, y))),
        }
    }
}

/// What decides A ≺ B (see [`ArgumentOrder::why_weaker`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Witness {
    pub ordering: Ordering,
    pub compared: Compared,
    /// (worse, better): each pair is in the transitive closure of the `prefer` statements.
    pub pairs: Vec<(Preferable, Preferable)>,
}

/// The sets of the two arguments the ordering compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compared {
    LastRules,
    Rules,
    Premises,
    PremisesAndRules,
}

/// The transitive closure of a strict order given as (worse, better) pairs.
pub(crate) fn closure(
    pairs: impl Iterator<Item = (Preferable, Preferable)>,
) -> HashSet<(Preferable, Preferable)> {
    let mut above: HashMap<Preferable, BTreeSet<Preferable>> = HashMap::new();
    for (w, b) in pairs {
        above.entry(w).or_default().insert(b);
    }
    let mut out = HashSet::new();
    for &start in above.keys() {
        let mut stack: Vec<Preferable> = above[&start].iter().copied().collect();
        let mut seen = HashSet::new();
        while let Some(x) = stack.pop() {
            if seen.insert(x) {
                out.insert((start, x));
                stack.extend(above.get(&x).into_iter().flatten().copied());
            }
        }
    }
    out
}
