//! ASPIC+ structured argumentation over one school (Modgil & Prakken 2013, 2014, 2018): the
//! school's premises and inferences become arguments, attacks and defeats; the defeat graph
//! is a Dung framework; and each literal gets a standing under a chosen semantics.
//!
//! The grounded labelling is computed on the compact form of the defeat relation (direct
//! defeats plus sub-argument links, see [`defeat`]) in time linear in its size. Other
//! semantics materialise the full Dung framework and use the SAT-based solvers in
//! [`crate::dung`].

pub mod argument;
pub mod consistency;
pub mod defeat;
pub mod explain;
pub mod preference;
pub mod pyarg;
pub mod rules;

#[cfg(test)]
mod tests;

use crate::diverge::Standing;
use crate::dung::{self, Framework, Label, Semantics};
use crate::model::{Comparison, Link, Literal, Ordering, School, SchoolId, Theory};
use argument::{ArgId, Arguments};
use defeat::Attack;
use rules::{Contrariness, Rule};
use std::collections::HashMap;

/// How a school is turned into arguments.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Close strict rules under transposition (default: on), so that well-formed theories
    /// satisfy the rationality postulates (Caminada & Amgoud 2007; Modgil & Prakken 2013, Sect. 4).
    pub transposition: bool,
    /// Overrides the school's own choice of last- or weakest-link.
    pub link: Option<Link>,
    /// Overrides the school's own choice of elitist or democratic comparison.
    pub comparison: Option<Comparison>,
    /// Stop building arguments after this many (default 200,000).
    pub max_arguments: usize,
    /// Stop materialising the full defeat relation after this many defeats (default 5,000,000).
    pub max_defeats: usize,
    /// Stop enumerating extensions after this many (default 10,000).
    pub max_extensions: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            transposition: true,
            link: None,
            comparison: None,
            max_arguments: 200_000,
            max_defeats: 5_000_000,
            max_extensions: 10_000,
        }
    }
}

/// A school's arguments and the attacks between them.
pub struct Structured {
    pub school: SchoolId,
    pub rules: Vec<Rule>,
    pub contrariness: Contrariness,
    pub args: Arguments,
    /// Attacks on each argument's own last step (successful or not).
    pub attacks: Vec<Vec<Attack>>,
    /// Arguments each argument is an immediate sub-argument of.
    parents: Vec<Vec<ArgId>>,
}

impl Options {
    /// The ordering a school is evaluated with: its own, unless overridden.
    pub fn ordering_for(&self, school: &School) -> Ordering {
        Ordering {
            link: self.link.unwrap_or(school.ordering.link),
            comparison: self.comparison.unwrap_or(school.ordering.comparison),
        }
    }
}

/// Builds the school's arguments and attacks.
pub fn build(theory: &Theory, school: SchoolId, options: &Options) -> Structured {
    build_from(theory.school(school), school, options)
}

/// Builds arguments for a school that need not be in the theory (e.g. the joint debate of
/// several schools); `id` is recorded as its school.
pub fn build_from(s: &School, school: SchoolId, options: &Options) -> Structured {
    let rules = rules::effective_rules(s, options.transposition);
    let contrariness = Contrariness::of(s);
    let args = argument::build(s, &rules, options.max_arguments);
    let ordering = options.ordering_for(s);
    let order = preference::ArgumentOrder::new(s, &rules, &args, ordering);
    let attacks = defeat::direct_attacks(s, &rules, &args, &contrariness, &order);
    let mut parents = vec![Vec::new(); args.all.len()];
    for id in args.ids() {
        for sub in &args.get(id).subs {
            parents[sub.0 as usize].push(id);
        }
    }
    Structured {
        school,
        rules,
        contrariness,
        args,
        attacks,
        parents,
    }
}

/// The labellings of a semantics' extensions, and whether enumeration was cut short.
#[derive(Clone, Debug)]
pub struct Evaluation {
    pub semantics: Semantics,
    pub labellings: Vec<Vec<Label>>,
    /// Fewer extensions (or defeats) than exist were considered: statuses are approximate.
    pub truncated: bool,
}

impl Structured {
    /// Direct defeaters of an argument's last step.
    pub fn direct_defeaters(&self, id: ArgId) -> impl Iterator<Item = ArgId> + '_ {
        self.attacks[id.0 as usize]
            .iter()
            .filter(|a| a.defeats)
            .map(|a| a.by)
    }

    /// The grounded labelling, on the compact relation: an argument is in once all its direct
    /// defeaters are out and all its sub-arguments are in; out once a direct defeater is in or
    /// a sub-argument is out. Linear in arguments, direct defeats and sub-argument links.
    pub fn grounded(&self) -> Vec<Label> {
        let n = self.args.all.len();
        let mut labels = vec![Label::Undec; n];
        let mut defeats_out: Vec<Vec<ArgId>> = vec![Vec::new(); n];
        let mut waiting: Vec<usize> = vec![0; n];
        for id in self.args.ids() {
            let mut ds: Vec<ArgId> = self.direct_defeaters(id).collect();
            ds.sort();
            ds.dedup();
            waiting[id.0 as usize] = ds.len() + self.args.get(id).subs.len();
            for d in ds {
                defeats_out[d.0 as usize].push(id);
            }
        }
        let mut ready: Vec<ArgId> = self
            .args
            .ids()
            .filter(|id| waiting[id.0 as usize] == 0)
            .collect();
        let mut outs: Vec<ArgId> = Vec::new();
        while let Some(a) = ready.pop() {
            if labels[a.0 as usize] != Label::Undec {
                continue;
            }
            labels[a.0 as usize] = Label::In;
            for &p in &self.parents[a.0 as usize] {
                let w = &mut waiting[p.0 as usize];
                *w -= 1;
                if *w == 0 {
                    ready.push(p);
                }
            }
            outs.extend(defeats_out[a.0 as usize].iter().copied());
            // Everything this makes out, and what that frees.
            while let Some(x) = outs.pop() {
                if labels[x.0 as usize] != Label::Undec {
                    continue;
                }
                labels[x.0 as usize] = Label::Out;
                for &y in &defeats_out[x.0 as usize] {
                    let w = &mut waiting[y.0 as usize];
                    *w -= 1;
                    if *w == 0 {
                        ready.push(y);
                    }
                }
                outs.extend(self.parents[x.0 as usize].iter().copied());
            }
        }
        labels
    }

    /// The full defeat relation as a Dung framework (A defeats B iff A directly defeats a
    /// sub-argument of B), or `None` when it has more than `max` defeats.
    pub fn framework(&self, max: usize) -> Option<Framework> {
        let n = self.args.all.len();
        // Defeaters of each argument = its direct defeaters and those of its sub-arguments;
        // sub-arguments are built first, so one pass in id order suffices.
        let mut full: Vec<Vec<u32>> = vec![Vec::new(); n];
        let mut total = 0usize;
        for id in self.args.ids() {
            let mut ds: Vec<u32> = self.direct_defeaters(id).map(|a| a.0).collect();
            for s in &self.args.get(id).subs {
                ds.extend_from_slice(&full[s.0 as usize]);
            }
            ds.sort_unstable();
            ds.dedup();
            total += ds.len();
            if total > max {
                return None;
            }
            full[id.0 as usize] = ds;
        }
        let edges = full
            .iter()
            .enumerate()
            .flat_map(|(b, ds)| ds.iter().map(move |&a| (a, b as u32)));
        Some(Framework::new(n, edges.collect::<Vec<_>>()))
    }

    /// Labellings of the extensions under the semantics.
    pub fn evaluate(&self, semantics: Semantics, options: &Options) -> Evaluation {
        if semantics == Semantics::Grounded {
            return Evaluation {
                semantics,
                labellings: vec![self.grounded()],
                truncated: self.args.truncated,
            };
        }
        let Some(af) = self.framework(options.max_defeats) else {
            // Too large to materialise: fall back to the grounded labelling, flagged.
            return Evaluation {
                semantics,
                labellings: vec![self.grounded()],
                truncated: true,
            };
        };
        let found = dung::extensions(&af, semantics, options.max_extensions);
        Evaluation {
            semantics,
            labellings: found
                .extensions
                .iter()
                .map(|e| dung::labelling(&af, e))
                .collect(),
            truncated: found.truncated || self.args.truncated,
        }
    }

    /// The standing of every literal the school has an argument for:
    /// - accepted: every extension contains an argument for it (grounded: one is in);
    /// - credulous: some extension does, not all;
    /// - rejected: no extension does, and in every extension all its arguments are out;
    /// - undecided: otherwise (also when a semantics has no extension at all, as stable may).
    pub fn standings(&self, eval: &Evaluation) -> HashMap<Literal, Standing> {
        let mut out = HashMap::new();
        for (&lit, ids) in &self.args.by_conclusion {
            let in_ext = |l: &Vec<Label>| ids.iter().any(|a| l[a.0 as usize] == Label::In);
            let all_out = |l: &Vec<Label>| ids.iter().all(|a| l[a.0 as usize] == Label::Out);
            let count = eval.labellings.iter().filter(|l| in_ext(l)).count();
            let standing = if eval.labellings.is_empty() {
                Standing::Undecided
            } else if count == eval.labellings.len() {
                Standing::Accepted
            } else if count > 0 {
                Standing::Credulous
            } else if eval.labellings.iter().all(all_out) {
                Standing::Rejected
            } else {
                Standing::Undecided
            };
            out.insert(lit, standing);
        }
        out
    }

    /// Conclusions of the arguments labelled in by a labelling.
    pub fn conclusions(&self, labels: &[Label]) -> std::collections::HashSet<Literal> {
        self.args
            .ids()
            .filter(|a| labels[a.0 as usize] == Label::In)
            .map(|a| self.args.get(a).conclusion)
            .collect()
    }
}
