//! Arguments (Modgil & Prakken 2013, Def. 3.6): premise arguments and rule applications over
//! sub-arguments, built bottom-up to a fixpoint. Each combination of sub-arguments is built
//! exactly once, when its last-built sub-argument appears (semi-naive evaluation), so the
//! work is proportional to the arguments made. Arguments whose conclusion already occurs
//! below them on a branch are not built: they add nothing, and leaving them out keeps the set
//! finite when rules are cyclic (py_arg makes the same restriction). Argument sets can still
//! be exponential; construction stops at a cap and says so.

use super::rules::Rule;
use crate::model::{Literal, PremiseKind, RuleKind, School};
use std::collections::{HashMap, HashSet};

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

/// Builds every argument of the school over the given rules, up to `cap` arguments.
pub fn build(school: &School, rules: &[Rule], cap: usize) -> Arguments {
    let mut args = Arguments::default();
    let cyclic = cyclic_literals(rules);
    // Premises: a literal stated both as axiom and as ordinary premise counts as an axiom.
    let mut premises: Vec<(Literal, PremiseKind)> = Vec::new();
    for p in &school.premises {
        match premises.iter_mut().find(|(l, _)| *l == p.literal) {
            Some(entry) if p.kind == PremiseKind::Axiom => entry.1 = PremiseKind::Axiom,
            Some(_) => {}
            None => premises.push((p.literal, p.kind)),
        }
    }
    for (lit, kind) in premises {
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
            // once, when its newest member appears), `newest` itself at `pos`.
            let candidates: Vec<Vec<ArgId>> = rule
                .antecedents
                .iter()
                .enumerate()
                .map(|(i, a)| {
                    if i == pos {
                        vec![newest]
                    } else {
                        args.for_literal(*a)
                            .iter()
                            .copied()
                            .filter(|x| *x < newest)
                            .collect()
                    }
                })
                .collect();
            if candidates.iter().any(Vec::is_empty) {
                continue;
            }
            let mut combo = vec![0usize; candidates.len()];
            loop {
                let subs: Vec<ArgId> = combo
                    .iter()
                    .enumerate()
                    .map(|(i, &k)| candidates[i][k])
                    .collect();
                if args.all.len() >= cap {
                    args.truncated = true;
                    return args;
                }
                if let Some(arg) = apply(&args, rule, r, subs, &cyclic) {
                    args.push(arg);
                }
                // Next combination (odometer).
                let mut i = 0;
                loop {
                    if i == combo.len() {
                        break;
                    }
                    combo[i] += 1;
                    if combo[i] < candidates[i].len() {
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
fn cyclic_literals(rules: &[Rule]) -> HashSet<Literal> {
    let mut graph: petgraph::graphmap::DiGraphMap<Literal, ()> = Default::default();
    for r in rules {
        for a in &r.antecedents {
            graph.add_edge(*a, r.consequent, ());
        }
    }
    petgraph::algo::tarjan_scc(&graph)
        .into_iter()
        .filter(|scc| scc.len() > 1 || graph.contains_edge(scc[0], scc[0]))
        .flatten()
        .collect()
}
