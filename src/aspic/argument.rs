//! Arguments (Modgil & Prakken 2013, Def. 3.6): premise arguments (`A = φ` for φ ∈ K, an
//! axiom or an ordinary premise) and rule applications `A1, ..., An ⇒/→ ψ` over
//! sub-arguments, with the functions Prem, Conc, Sub, DefRules, TopRule and LastDefRules of
//! that definition (and of Def. 3.21 for LastDefRules), and the kinds of Def. 3.8: strict (no
//! defeasible rule) or defeasible, firm (no ordinary premise) or plausible.
//!
//! Arguments are built bottom-up to a fixpoint and kept in an arena ([`ArgId`] indexes
//! [`Arguments::all`]), indexed by conclusion. An argument is identified by its top rule and
//! its ordered immediate sub-arguments (or by its premise), and each such combination is
//! built exactly once, when its last-built sub-argument appears (semi-naive evaluation), so
//! the work is proportional to the arguments made. Sub-arguments always have smaller ids.
//!
//! Arguments whose conclusion already occurs below them on a branch are not built: they add
//! nothing (each contains a sub-argument for the same conclusion that it cannot outlive), and
//! leaving them out keeps the set finite when rules are cyclic (py_arg makes the same
//! restriction). Argument sets can still be exponential in the number of rules; construction
//! stops at a cap and says so ([`Arguments::truncated`]), so callers can report it.

use super::rules::Rule;
use crate::model::{Literal, PremiseKind, RuleKind, School};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct ArgId(pub u32);

/// What an argument's last step is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Top {
    Premise(PremiseKind),
    /// Index into the effective rules.
    Rule(u32),
}

#[derive(Clone, Debug)]
pub struct Argument {
    pub conclusion: Literal,
    pub top: Top,
    /// Immediate sub-arguments, one per antecedent of the top rule.
    pub subs: Vec<ArgId>,
    /// Uses no defeasible rule.
    pub strict: bool,
    /// Uses no ordinary premise.
    pub firm: bool,
    /// Conclusions on cycles of the rule graph that occur in this argument (for the
    /// no-repetition check; empty for theories without cyclic rules).
    cyclic: Vec<Literal>,
}

/// All arguments of a school, indexed by conclusion.
#[derive(Debug, Default)]
pub struct Arguments {
    pub all: Vec<Argument>,
    pub by_conclusion: HashMap<Literal, Vec<ArgId>>,
    /// Construction stopped at the cap: some arguments are missing.
    pub truncated: bool,
}

impl Arguments {
    pub fn get(&self, id: ArgId) -> &Argument {
        &self.all[id.0 as usize]
    }

    pub fn for_literal(&self, lit: Literal) -> &[ArgId] {
        self.by_conclusion.get(&lit).map_or(&[], Vec::as_slice)
    }

    pub fn ids(&self) -> impl Iterator<Item = ArgId> {
        (0..self.all.len() as u32).map(ArgId)
    }

    /// Sub(A): the argument and all its sub-arguments, each once, in increasing id order.
    pub fn sub_arguments(&self, id: ArgId) -> Vec<ArgId> {
        let mut seen = HashSet::new();
        let mut stack = vec![id];
        while let Some(a) = stack.pop() {
            if seen.insert(a) {
                stack.extend(self.get(a).subs.iter().copied());
            }
        }
        let mut out: Vec<ArgId> = seen.into_iter().collect();
        out.sort();
        out
    }

    /// Prem(A): the premises the argument uses, with their kinds.
    pub fn premises(&self, id: ArgId) -> BTreeMap<Literal, PremiseKind> {
        self.sub_arguments(id)
            .into_iter()
            .filter_map(|a| match self.get(a).top {
                Top::Premise(kind) => Some((self.get(a).conclusion, kind)),
                Top::Rule(_) => None,
            })
            .collect()
    }

    /// TopRule(A): the index (into the effective rules) of the argument's last rule.
    pub fn top_rule(&self, id: ArgId) -> Option<u32> {
        match self.get(id).top {
            Top::Rule(r) => Some(r),
            Top::Premise(_) => None,
        }
    }

    /// DefRules(A): the defeasible rules the argument uses (indices into `rules`).
    pub fn def_rules(&self, id: ArgId, rules: &[Rule]) -> BTreeSet<u32> {
        self.sub_arguments(id)
            .into_iter()
            .filter_map(|a| self.top_rule(a))
            .filter(|&r| rules[r as usize].kind == RuleKind::Defeasible)
            .collect()
    }

    /// LastDefRules(A) (Modgil & Prakken 2013, Def. 3.21): ∅ if A uses no defeasible rule;
    /// {TopRule(A)} if that rule is defeasible; else the union over its immediate
    /// sub-arguments.
    pub fn last_def_rules(&self, id: ArgId, rules: &[Rule]) -> BTreeSet<u32> {
        match self.top_rule(id) {
            None => BTreeSet::new(),
            Some(r) if rules[r as usize].kind == RuleKind::Defeasible => BTreeSet::from([r]),
            Some(_) => self
                .get(id)
                .subs
                .iter()
                .flat_map(|s| self.last_def_rules(*s, rules))
                .collect(),
        }
    }

    fn push(&mut self, arg: Argument) -> ArgId {
        let id = ArgId(self.all.len() as u32);
        self.by_conclusion
            .entry(arg.conclusion)
            .or_default()
            .push(id);
        self.all.push(arg);
        id
    }
}

/// How many rule applications construction may try per argument it is allowed to keep: a
/// try is rejected only when it would repeat a conclusion on a branch, so this bound is
/// reached only by cyclic rules whose combinations are almost all circular.
const TRIES_PER_ARGUMENT: usize = 16;

/// Builds every argument of the school over the given rules, up to `cap` arguments (and
/// `cap × 16` rule applications tried); when it stops early, [`Arguments::truncated`] is set.
pub fn build(school: &School, rules: &[Rule], cap: usize) -> Arguments {
    build_limited(school, rules, cap, usize::MAX)
}

/// [`build`], keeping at most `per_conclusion` arguments for each conclusion: the first
/// ones found, which bottom-up construction finds shallowest first. Rules whose conclusion
/// is full are not tried, so the work and the arguments kept are linear in the rules when
/// `per_conclusion` is small, however many arguments the theory has (a few to show per
/// claim). Leaving any argument out sets [`Arguments::truncated`].
pub fn build_limited(
    school: &School,
    rules: &[Rule],
    cap: usize,
    per_conclusion: usize,
) -> Arguments {
    let mut args = Arguments::default();
    let full = |args: &Arguments, lit: Literal| args.for_literal(lit).len() >= per_conclusion;
    let cyclic = cyclic_literals(rules);
    let mut budget = cap.saturating_mul(TRIES_PER_ARGUMENT);
    // Premises: a literal stated both as axiom and as ordinary premise counts as an axiom
    // (Modgil & Prakken 2013 require K_n ∩ K_p = ∅; the stronger reading wins).
    let mut premises: Vec<(Literal, PremiseKind)> = Vec::new();
    for p in &school.premises {
        match premises.iter_mut().find(|(l, _)| *l == p.literal) {
            Some(entry) if p.kind == PremiseKind::Axiom => entry.1 = PremiseKind::Axiom,
            Some(_) => {}
            None => premises.push((p.literal, p.kind)),
        }
    }
    for (lit, kind) in premises {
        if args.all.len() >= cap {
            args.truncated = true;
            return args;
        }
        args.push(Argument {
            conclusion: lit,
            top: Top::Premise(kind),
            subs: Vec::new(),
            strict: true,
            firm: kind == PremiseKind::Axiom,
            cyclic: if cyclic.contains(&lit) {
                vec![lit]
            } else {
                Vec::new()
            },
        });
    }
    // Rules without antecedents apply once, to nothing.
    for (r, rule) in rules.iter().enumerate() {
        if rule.antecedents.is_empty() {
            if args.all.len() >= cap {
                args.truncated = true;
                return args;
            }
            if full(&args, rule.consequent) {
                args.truncated = true;
            } else if let Some(arg) = apply(&args, rule, r as u32, Vec::new(), &cyclic) {
                args.push(arg);
            }
        }
    }
    let mut uses: HashMap<Literal, Vec<(u32, usize)>> = HashMap::new();
    for (r, rule) in rules.iter().enumerate() {
        for (i, a) in rule.antecedents.iter().enumerate() {
            uses.entry(*a).or_default().push((r as u32, i));
        }
    }
    let mut next = 0;
    while next < args.all.len() {
        let newest = ArgId(next as u32);
        next += 1;
        let Some(slots) = uses.get(&args.get(newest).conclusion) else {
            continue;
        };
        for &(r, pos) in slots {
            let rule = &rules[r as usize];
            // Candidates per antecedent: built before `newest` (so each combination is made
            // once, when its newest member appears), `newest` itself at `pos`. Ids of one
            // conclusion are increasing, so the earlier ones are a prefix of its list, which
            // the arguments pushed below (all later than `newest`) leave as it is.
            let counts: Vec<usize> = rule
                .antecedents
                .iter()
                .enumerate()
                .map(|(i, a)| {
                    if i == pos {
                        1
                    } else {
                        args.for_literal(*a).partition_point(|x| *x < newest)
                    }
                })
                .collect();
            if counts.contains(&0) {
                continue;
            }
            if full(&args, rule.consequent) {
                args.truncated = true;
                continue;
            }
            let mut combo = vec![0usize; counts.len()];
            loop {
                if args.all.len() >= cap || budget == 0 {
                    args.truncated = true;
                    return args;
                }
                budget -= 1;
                let subs: Vec<ArgId> = combo
                    .iter()
                    .enumerate()
                    .map(|(i, &k)| {
                        if i == pos {
                            newest
                        } else {
                            args.for_literal(rule.antecedents[i])[k]
                        }
                    })
                    .collect();
                if let Some(arg) = apply(&args, rule, r, subs, &cyclic) {
                    args.push(arg);
                    if full(&args, rule.consequent) {
                        // Any combination left would be one too many.
                        args.truncated |= combo.iter().zip(&counts).any(|(k, n)| k + 1 < *n);
                        break;
                    }
                }
                // Next combination (odometer).
                let mut i = 0;
                while i < combo.len() {
                    combo[i] += 1;
                    if combo[i] < counts[i] {
                        break;
                    }
                    combo[i] = 0;
                    i += 1;
                }
                if i == combo.len() {
                    break;
                }
            }
        }
    }
    args
}

fn apply(
    args: &Arguments,
    rule: &Rule,
    r: u32,
    subs: Vec<ArgId>,
    cyclic: &HashSet<Literal>,
) -> Option<Argument> {
    let conclusion = rule.consequent;
    let mut cyc: Vec<Literal> = Vec::new();
    for s in &subs {
        let sub = args.get(*s);
        if sub.cyclic.contains(&conclusion) {
            return None;
        }
        cyc.extend(&sub.cyclic);
    }
    if cyclic.contains(&conclusion) {
        cyc.push(conclusion);
    }
    cyc.sort();
    cyc.dedup();
    Some(Argument {
        conclusion,
        top: Top::Rule(r),
        strict: rule.kind == RuleKind::Strict && subs.iter().all(|s| args.get(*s).strict),
        firm: subs.iter().all(|s| args.get(*s).firm),
        subs,
        cyclic: cyc,
    })
}

/// Literals on a cycle of the rule graph (antecedent → conclusion).
pub(crate) fn cyclic_literals(rules: &[Rule]) -> HashSet<Literal> {
    // Literals are dense (a claim and a sign), so the graph is indexed by them directly.
    let index = |l: Literal| 2 * l.claim.0 as usize + usize::from(l.negated);
    let nodes = rules
        .iter()
        .flat_map(|r| r.antecedents.iter().chain([&r.consequent]))
        .map(|&l| index(l) + 1)
        .max()
        .unwrap_or(0);
    let mut graph = petgraph::graph::DiGraph::<(), ()>::with_capacity(nodes, rules.len());
    for _ in 0..nodes {
        graph.add_node(());
    }
    let mut looped = HashSet::new();
    for r in rules {
        for &a in &r.antecedents {
            if a == r.consequent {
                looped.insert(a);
            }
            graph.add_edge(
                petgraph::graph::NodeIndex::new(index(a)),
                petgraph::graph::NodeIndex::new(index(r.consequent)),
                (),
            );
        }
    }
    let literal = |i: usize| Literal {
        claim: crate::model::ClaimId((i / 2) as u32),
        negated: i % 2 == 1,
    };
    for scc in petgraph::algo::kosaraju_scc(&graph) {
        if scc.len() > 1 {
            looped.extend(scc.into_iter().map(|n| literal(n.index())));
        }
    }
    looped
}
