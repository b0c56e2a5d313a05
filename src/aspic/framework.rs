//! A school as a whole: [`build`] turns it into rules, arguments, attacks and defeats
//! ([`Structured`]); [`Structured::framework`] gives the Dung framework of defeats (Modgil &
//! Prakken 2013, Def. 3.14: `(A, D)` with `A` the arguments and `D` the defeat relation), and
//! [`Structured::evaluate`] labels the arguments under a semantics.

use super::argument::{self, ArgId, Arguments};
use super::attack::{self, Attack};
use super::defeat;
use super::preference::ArgumentOrder;
use super::rules::{self, Contrariness, Rule};
use crate::dung::{self, Framework, Label, Semantics};
use crate::model::{Comparison, Link, Literal, Ordering, School, SchoolId, Theory};
use std::collections::{BTreeSet, HashSet};

/// How a school is turned into arguments and evaluated.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Close strict rules under transposition (default: on), so that well-formed theories
    /// satisfy the rationality postulates (Caminada & Amgoud 2007; Modgil & Prakken 2013, Sect. 4).
    pub transposition: bool,
    /// Overrides the school's own choice of last- or weakest-link.
    pub link: Option<Link>,
    /// Overrides the school's own choice of elitist or democratic comparison.
    pub comparison: Option<Comparison>,
    /// Stop building arguments after this many (default 50,000); see [`argument::build`].
    pub max_arguments: usize,
    /// Keep at most this many arguments per conclusion (default: no limit); see
    /// [`argument::build_limited`].
    pub per_conclusion: usize,
    /// Stop listing attacks, and materialising the full defeat relation, after this many
    /// (default 2,000,000).
    pub max_defeats: usize,
    /// Stop enumerating extensions after this many (default 10,000).
    pub max_extensions: usize,
    /// SAT calls the exact engine's counterexample-guided search may make per school and
    /// semantics (preferred-sceptical and semi-stable questions; default 5,000); past it the
    /// remaining standings are unknown, and said to be.
    pub max_search: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            transposition: true,
            link: None,
            comparison: None,
            max_arguments: 50_000,
            per_conclusion: usize::MAX,
            max_defeats: 2_000_000,
            max_extensions: 10_000,
            max_search: 5_000,
        }
    }
}

impl Options {
    /// Overrides both halves of the school's ordering.
    pub fn with_ordering(self, ordering: Ordering) -> Self {
        Options {
            link: Some(ordering.link),
            comparison: Some(ordering.comparison),
            ..self
        }
    }

    /// The ordering a school is evaluated with: its own, unless overridden.
    pub fn ordering_for(&self, school: &School) -> Ordering {
        Ordering {
            link: self.link.unwrap_or(school.ordering.link),
            comparison: self.comparison.unwrap_or(school.ordering.comparison),
        }
    }
}

/// A school's arguments and the attacks and defeats between them.
pub struct Structured {
    pub school: SchoolId,
    /// The rules arguments are built from (stated, then transpositions).
    pub rules: Vec<Rule>,
    pub contrariness: Contrariness,
    /// The argument ordering used for defeats.
    pub ordering: Ordering,
    pub args: Arguments,
    /// Attacks on each argument's own last step, each marked with whether it defeats.
    pub attacks: Vec<Vec<Attack>>,
    /// Every literal over the claims the school mentions (premises, inferences, exceptions,
    /// conflicts, preferences), both polarities, sorted.
    pub mentioned: Vec<Literal>,
    /// Arguments each argument is an immediate sub-argument of.
    parents: Vec<Vec<ArgId>>,
    /// The argument ordering ≺ the defeats were decided by (for explanations).
    pub order: ArgumentOrder,
}

/// Builds the school's arguments, attacks and defeats.
pub fn build(theory: &Theory, school: SchoolId, options: &Options) -> Structured {
    build_from(theory.school(school), school, options)
}

/// Builds arguments for a school that need not be in the theory (e.g. the joint debate of
/// several schools); `id` is recorded as its school.
pub fn build_from(s: &School, school: SchoolId, options: &Options) -> Structured {
    build_with(
        s,
        school,
        options,
        rules::effective_rules(s, options.transposition),
    )
}

/// [`build_from`], given the school's effective rules under `options.transposition`.
pub fn build_with(s: &School, school: SchoolId, options: &Options, rules: Vec<Rule>) -> Structured {
    let contrariness = Contrariness::of(s);
    let mut args =
        argument::build_limited(s, &rules, options.max_arguments, options.per_conclusion);
    let ordering = options.ordering_for(s);
    let order = ArgumentOrder::new(s, &rules, &args, ordering);
    let (mut attacks, cut) =
        attack::direct_attacks(s, &rules, &args, &contrariness, options.max_defeats);
    // Missing attacks make the arguments' statuses as unreliable as missing arguments.
    args.truncated |= cut;
    defeat::decide(&mut attacks, &order, &args);
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
        ordering,
        args,
        attacks,
        mentioned: mentioned(s),
        parents,
        order,
    }
}

fn mentioned(s: &School) -> Vec<Literal> {
    let mut claims = BTreeSet::new();
    claims.extend(s.premises.iter().map(|p| p.literal.claim));
    for r in &s.rules {
        claims.extend(r.antecedents.iter().map(|l| l.claim));
        claims.insert(r.consequent.claim);
    }
    claims.extend(s.exceptions.iter().map(|e| e.literal.claim));
    for c in &s.conflicts {
        claims.insert(c.from.claim);
        claims.insert(c.to.claim);
    }
    for p in &s.preferences {
        for side in [p.better, p.worse] {
            if let crate::model::Preferable::Premise(l) = side {
                claims.insert(l.claim);
            }
        }
    }
    claims
        .into_iter()
        .flat_map(|c| [Literal::pos(c), Literal::pos(c).negate()])
        .collect()
}

/// The labellings of a semantics' extensions, and whether enumeration was cut short.
/// `labellings[k][a]` is argument `a`'s label in extension `k`.
#[derive(Clone, Debug)]
pub struct Evaluation {
    pub semantics: Semantics,
    pub labellings: Vec<Vec<Label>>,
    /// Fewer arguments, defeats or extensions than exist were considered: statuses are
    /// approximate.
    pub truncated: bool,
}

impl Evaluation {
    /// An argument's label in every extension at once: in (out) if in (out) in all of
    /// them, undecided otherwise (and when there is no extension).
    pub fn sceptical_label(&self, arg: ArgId) -> Label {
        let mut labels = self.labellings.iter().map(|l| l[arg.0 as usize]);
        match labels.next() {
            Some(first) if labels.all(|l| l == first) => first,
            _ => Label::Undec,
        }
    }
}

impl Structured {
    /// Direct defeaters of an argument's last step.
    pub fn direct_defeaters(&self, id: ArgId) -> impl Iterator<Item = ArgId> + '_ {
        self.attacks[id.0 as usize]
            .iter()
            .filter(|a| a.defeats)
            .map(|a| a.by)
    }

    /// Immediate super-arguments: the arguments `id` is an immediate sub-argument of.
    pub fn parents(&self, id: ArgId) -> &[ArgId] {
        &self.parents[id.0 as usize]
    }

    /// Every defeater of an argument (Def. 3.12 over Sub): the direct defeaters of the
    /// argument and of each of its sub-arguments, each once, sorted.
    pub fn defeaters(&self, id: ArgId) -> Vec<ArgId> {
        let mut out: Vec<ArgId> = self
            .args
            .sub_arguments(id)
            .into_iter()
            .flat_map(|s| self.direct_defeaters(s).collect::<Vec<_>>())
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// The grounded labelling, on the compact relation: an argument is in once all its direct
    /// defeaters are out and all its sub-arguments are in; out once a direct defeater is in or
    /// a sub-argument is out. Linear in arguments, direct defeats and sub-argument links, and
    /// equal to the grounded labelling of [`Structured::framework`] (a property test checks it).
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
    /// sub-argument of B), or `None` when it has more than `max` defeats. Argument `i` of
    /// the framework is [`ArgId`]`(i)`; `Framework::graph` gives it as a petgraph graph.
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

    /// Conclusions of the arguments labelled in by a labelling: Concs(E).
    pub fn conclusions(&self, labels: &[Label]) -> HashSet<Literal> {
        self.args
            .ids()
            .filter(|a| labels[a.0 as usize] == Label::In)
            .map(|a| self.args.get(a).conclusion)
            .collect()
    }
}
