//! One school under one semantics: the standing of every literal that has an argument, one
//! extension to label arguments by in explanations, and a conflict some extension concludes
//! (for the rationality postulates), or the reason the standings are unknown.

use super::translate::{translate_with, Translation};
use crate::aba::closure::{self, Closure};
use crate::aba::{Asked, Solver};
use crate::aspic::rules::Rule;
use crate::aspic::{self, Options};
use crate::diverge::Standing;
use crate::dung::{Label, Semantics};
use crate::model::{Literal, School, SchoolId};
use std::collections::{HashMap, HashSet};

/// One extension, to label arguments by.
#[derive(Clone, Debug)]
pub enum Witness {
    /// An assumption set of the school's translation: per assumption, in or attacked.
    Assumptions {
        inside: Vec<bool>,
        attacked: Vec<bool>,
    },
    /// Labels of the arguments agon built (when it had to build them).
    Arguments(Vec<Label>),
}

/// A school's standings under one semantics.
#[derive(Clone, Debug)]
pub struct Evaluation {
    pub semantics: Semantics,
    /// The standing of every literal with an argument in the school.
    pub standings: HashMap<Literal, Standing>,
    /// Why some standings are not exact; those are [`Standing::Unknown`] (all of them when
    /// agon had to build arguments and stopped).
    pub unknown: Option<String>,
    /// Whether the semantics has an extension at all (stable may have none).
    pub exists: bool,
    /// One extension (the grounded or ideal one where that is the only one).
    pub witness: Option<Witness>,
    /// Two conflicting literals that some extension concludes (direct consistency fails).
    pub conflict: Option<(Literal, Literal)>,
    /// The standings came from built arguments (the translation could not be exact), so
    /// their keys are the literals with a *built* argument, not all that have one.
    pub by_arguments: bool,
}

/// Evaluates a school (which need not be in the theory, e.g. a joint debate); `id` is only
/// recorded where arguments must be built.
pub fn evaluate(
    school: &School,
    id: SchoolId,
    options: &Options,
    semantics: Semantics,
) -> Evaluation {
    let rules = aspic::rules::effective_rules(school, options.transposition);
    evaluate_with(school, id, options, semantics, rules)
}

/// [`evaluate`], given the school's effective rules under `options.transposition`.
pub fn evaluate_with(
    school: &School,
    id: SchoolId,
    options: &Options,
    semantics: Semantics,
    rules: Vec<Rule>,
) -> Evaluation {
    let ordering = options.ordering_for(school);
    match translate_with(school, rules, ordering) {
        Ok(t) => exact(&t, semantics, options.max_search),
        Err(inexact) => by_arguments(school, id, options, semantics, &inexact.0),
    }
}

/// Standings from the translation: exact, except those whose search exceeds `max_search` SAT
/// calls (preferred-sceptical and semi-stable questions are Π2/Σ2-complete), which are
/// unknown, with the reason.
pub fn exact(t: &Translation, semantics: Semantics, max_search: usize) -> Evaluation {
    let f = &t.framework;
    let mut solver = Solver::new(f).with_budget(max_search);
    if semantics == Semantics::SemiStable {
        // Semi-stable maximises the *range* over arguments (Caminada 2006), which is not the
        // range over assumptions: an assumption can be undecided while every argument that
        // uses it is out through another assumption (Caminada, Sá, Alcântara & Dvořák 2015
        // show that ABA's assumption-level semi-stable semantics differs from that of its
        // arguments). So the solver compares the undecided *arguments* of complete sets
        // without listing them, an argument being a derivation of an argument atom
        // ([`Translation::argument_atoms`]).
        solver = solver.with_arguments(t.argument_atoms());
    }
    let everything = closure::derive(f, |_| true);
    let mut literals: Vec<(Literal, u32)> = t
        .atoms
        .iter()
        .map(|(&l, &a)| (l, a))
        .filter(|&(_, a)| everything.contains(a))
        .collect();
    literals.sort();
    let exists = semantics != Semantics::Stable || solver.stable_exists();
    let mut standings = HashMap::new();
    let mut unknown = 0;
    if !exists {
        for (l, _) in &literals {
            standings.insert(*l, Standing::Undecided);
        }
    } else if semantics == Semantics::SemiStable && !solver.stable_exists() {
        let found = semi_stable_standings(&mut solver, &literals);
        unknown = found
            .values()
            .filter(|&&st| st == Standing::Unknown)
            .count();
        standings = found;
    } else {
        let atoms: Vec<u32> = literals.iter().map(|&(_, a)| a).collect();
        let credulous = solver.credulous_all(semantics, &atoms);
        let mut open = Vec::new();
        for &(l, a) in &literals {
            let credulous = credulous[a as usize];
            let standing = decide(&mut solver, semantics, a, credulous);
            if standing == Standing::Unknown {
                open.push((l, a, credulous));
            }
            standings.insert(l, standing);
        }
        // The questions that ran out of their share are asked again with what the others
        // left of the budget (and all the search learned while answering them).
        if !open.is_empty() && solver.share_rest(open.len()) {
            for (l, a, credulous) in std::mem::take(&mut open) {
                let standing = decide(&mut solver, semantics, a, credulous);
                if standing == Standing::Unknown {
                    open.push((l, a, credulous));
                }
                standings.insert(l, standing);
            }
        }
        unknown = open.len();
    }
    let witness = solver.extension(semantics).map(|set| {
        let mut inside = vec![false; f.assumption_count()];
        for a in set {
            inside[a as usize] = true;
        }
        let th = closure::derive(f, |a| inside[a as usize]);
        let attacked = closure::attacked(f, &th);
        Witness::Assumptions { inside, attacked }
    });
    let conflict = solver.witness(semantics, t.conflict).and_then(|inside| {
        let th = closure::derive(f, |a| inside[a as usize]);
        t.contrariness.conflict_in(&concluded(t, &th))
    });
    let unknown = (unknown > 0).then(|| {
        format!(
            "{unknown} of its {semantics} standings need more than the {max_search} SAT calls agon \
             allows the counterexample-guided search (these questions are Π2-complete); raise \
             the limit with --max-search"
        )
    });
    Evaluation {
        semantics,
        standings,
        unknown,
        exists,
        witness,
        conflict,
        by_arguments: false,
    }
}

/// Semi-stable standings without a stable extension, from three batches of questions
/// ([`Solver::semi_stable_some`]): which literals some extension concludes; of those, which
/// some extension lacks; of the others, which some extension leaves undefeated.
fn semi_stable_standings(
    solver: &mut Solver,
    literals: &[(Literal, u32)],
) -> HashMap<Literal, Standing> {
    let atoms: Vec<u32> = literals.iter().map(|&(_, a)| a).collect();
    let some = solver.semi_stable_some(Asked::Derives, &atoms);
    let split = |want: Option<bool>| -> Vec<u32> {
        (atoms.iter().zip(&some))
            .filter(|&(_, &s)| s == want)
            .map(|(&a, _)| a)
            .collect()
    };
    let (concluded, not) = (split(Some(true)), split(Some(false)));
    let lacks = solver.semi_stable_some(Asked::Lacks, &concluded);
    let undefeated = solver.semi_stable_some(Asked::Undefeated, &not);
    let by_atom: HashMap<u32, Standing> = (concluded.iter().zip(lacks))
        .map(|(&a, l)| match l {
            Some(true) => (a, Standing::Credulous),
            Some(false) => (a, Standing::Accepted),
            None => (a, Standing::Unknown),
        })
        .chain(not.iter().zip(undefeated).map(|(&a, u)| match u {
            Some(true) => (a, Standing::Undecided),
            Some(false) => (a, Standing::Rejected),
            None => (a, Standing::Unknown),
        }))
        .collect();
    literals
        .iter()
        .map(|&(l, a)| (l, by_atom.get(&a).copied().unwrap_or(Standing::Unknown)))
        .collect()
}

/// One atom's standing, given its credulous acceptance (asked for every atom at once):
/// sceptical acceptance or whether it is defeated everywhere; unknown when the search runs
/// out of its share of the budget.
fn decide(solver: &mut Solver, semantics: Semantics, a: u32, credulous: bool) -> Standing {
    let answer = if credulous {
        solver.try_sceptical(semantics, a)
    } else {
        solver.try_undefeated_somewhere(semantics, a)
    };
    match (credulous, answer) {
        (_, Err(_)) => Standing::Unknown,
        (true, Ok(true)) => Standing::Accepted,
        (true, Ok(false)) => Standing::Credulous,
        (false, Ok(true)) => Standing::Undecided,
        (false, Ok(false)) => Standing::Rejected,
    }
}

/// The literals a closure derives.
pub fn concluded(t: &Translation, th: &Closure) -> HashSet<Literal> {
    t.atoms
        .iter()
        .filter(|&(_, &a)| th.contains(a))
        .map(|(&l, _)| l)
        .collect()
}

/// Standings from built arguments, for what the translation cannot capture; unknown if the
/// build or the evaluation was cut short.
fn by_arguments(
    school: &School,
    id: SchoolId,
    options: &Options,
    semantics: Semantics,
    why: &str,
) -> Evaluation {
    let s = aspic::build_from(school, id, options);
    let eval = s.evaluate(semantics, options);
    let conflict = eval
        .labellings
        .iter()
        .find_map(|l| s.contrariness.conflict_in(&s.conclusions(l)));
    let mut standings = s.standings(&eval);
    let unknown = eval.truncated.then(|| {
        for v in standings.values_mut() {
            *v = Standing::Unknown;
        }
        format!(
            "{why}; agon built its arguments instead and stopped at the limit (at most {} arguments, {} defeats, {} extensions)",
            options.max_arguments, options.max_defeats, options.max_extensions
        )
    });
    Evaluation {
        semantics,
        standings,
        exists: !eval.labellings.is_empty(),
        witness: eval.labellings.first().cloned().map(Witness::Arguments),
        conflict: if unknown.is_some() { None } else { conflict },
        unknown,
        by_arguments: true,
    }
}
