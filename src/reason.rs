//! The reasoner's facade over a whole theory: evaluates each school under each semantics
//! asked for (cached) with the exact engine of [`crate::reasoning`], collects the
//! consistency findings, and answers the questions expectations, `status`, `explain` and
//! `diverge` ask. Arguments are built only to show them (`explain`, self-defeat), a bounded
//! number; standings never depend on how many were built.

use crate::aba::closure;
use crate::aspic::argument::Top;
use crate::aspic::rules::Rule;
use crate::aspic::{self, consistency, explain, Options, Structured};
use crate::diagnostic::Diagnostic;
use crate::diverge::{Standing, Standings};
use crate::dung::{Label, Semantics};
use crate::expect::Judge;
use crate::model::{Link, Literal, Ordering, PremiseKind, RuleKind, SchoolId, Theory};
use crate::reasoning::{self, Evaluation, Witness};
use std::collections::{HashMap, HashSet};

/// Arguments built per school to show in explanations (standings do not depend on it), and
/// attacks listed between them.
pub const SHOWN_ARGUMENTS: usize = 2_000;
/// When a school has more arguments than [`SHOWN_ARGUMENTS`], the first ones found for each
/// conclusion (the shallowest), so that every claim with an argument shows some.
pub const SHOWN_PER_CONCLUSION: usize = 3;
pub const SHOWN_ATTACKS: usize = 100_000;

/// Reasoning over every school of a theory, computed on demand.
pub struct Reasoner<'t> {
    pub theory: &'t Theory,
    pub options: Options,
    /// The semantics used where none is named.
    pub semantics: Semantics,
    built: HashMap<SchoolId, Structured>,
    /// A few arguments per conclusion, for schools with too many to build them all.
    sampled: HashMap<SchoolId, Structured>,
    evaluated: HashMap<(SchoolId, Semantics), Evaluation>,
    /// Each school's effective rules (transposition closed, when asked), computed once.
    rules: HashMap<SchoolId, Vec<Rule>>,
}

impl<'t> Reasoner<'t> {
    pub fn new(theory: &'t Theory, options: Options, semantics: Semantics) -> Self {
        Reasoner {
            theory,
            options,
            semantics,
            built: HashMap::new(),
            sampled: HashMap::new(),
            evaluated: HashMap::new(),
            rules: HashMap::new(),
        }
    }

    /// The school's effective rules (Modgil & Prakken's R, closed under transposition
    /// unless turned off), computed once and shared by every step that needs them.
    pub fn rules(&mut self, school: SchoolId) -> &[Rule] {
        let (theory, transposition) = (self.theory, self.options.transposition);
        self.rules
            .entry(school)
            .or_insert_with(|| aspic::rules::effective_rules(theory.school(school), transposition))
    }

    /// The school's arguments up to [`SHOWN_ARGUMENTS`] (the checks that look at arguments
    /// say when these are not all of them).
    pub fn structured(&mut self, school: SchoolId) -> &Structured {
        if !self.built.contains_key(&school) {
            let s = self.build(school, SHOWN_ARGUMENTS, usize::MAX);
            self.built.insert(school, s);
        }
        &self.built[&school]
    }

    /// The arguments `explain` shows: [`Reasoner::structured`] when that is all of them;
    /// else a few per conclusion ([`SHOWN_PER_CONCLUSION`]), linear in the rules however
    /// deep or branching the theory is, so that every claim with arguments shows some.
    pub fn shown(&mut self, school: SchoolId) -> &Structured {
        if !self.structured(school).args.truncated {
            return &self.built[&school];
        }
        if !self.sampled.contains_key(&school) {
            let model = self.theory.school(school);
            let literals = 2 * self.theory.claims.len() + model.premises.len() + 1;
            let cap = literals.saturating_mul(SHOWN_PER_CONCLUSION);
            let s = self.build(school, cap, SHOWN_PER_CONCLUSION);
            self.sampled.insert(school, s);
        }
        &self.sampled[&school]
    }

    /// Arguments to show, up to `cap` in all and `per_conclusion` for each conclusion.
    fn build(&mut self, school: SchoolId, cap: usize, per_conclusion: usize) -> Structured {
        let options = Options {
            max_arguments: cap,
            max_defeats: SHOWN_ATTACKS,
            per_conclusion,
            ..self.options
        };
        let rules = self.rules(school).to_vec();
        aspic::build_with(self.theory.school(school), school, &options, rules)
    }

    /// The school's exact evaluation under a semantics.
    pub fn evaluation(&mut self, school: SchoolId, semantics: Semantics) -> &Evaluation {
        if !self.evaluated.contains_key(&(school, semantics)) {
            let rules = self.rules(school).to_vec();
            let model = self.theory.school(school);
            let e = reasoning::evaluate_with(model, school, &self.options, semantics, rules);
            self.evaluated.insert((school, semantics), e);
        }
        &self.evaluated[&(school, semantics)]
    }

    /// Standings of every literal the school has an argument for.
    pub fn standings(
        &mut self,
        school: SchoolId,
        semantics: Semantics,
    ) -> &HashMap<Literal, Standing> {
        &self.evaluation(school, semantics).standings
    }

    /// Why the school's standings under the semantics are unknown, if they are.
    pub fn unknown(&mut self, school: SchoolId, semantics: Semantics) -> Option<String> {
        self.evaluation(school, semantics).unknown.clone()
    }

    /// A literal's standing by the full definition: without arguments, rejected when its
    /// negation is accepted, else not addressed.
    pub fn standing_of(
        &mut self,
        school: SchoolId,
        semantics: Semantics,
        lit: Literal,
    ) -> Standing {
        let standings = self.standings(school, semantics);
        match standings.get(&lit) {
            Some(&s) => s,
            None => match standings.get(&lit.negate()) {
                Some(Standing::Accepted) => Standing::Rejected,
                Some(Standing::Unknown) => Standing::Unknown,
                _ => Standing::NotAddressed,
            },
        }
    }

    /// Standings of several schools, for `diverge`.
    pub fn all_standings(&mut self, schools: &[SchoolId], semantics: Semantics) -> Standings {
        let mut out = Standings::default();
        for &s in schools {
            out.by_school
                .insert(s, self.standings(s, semantics).clone());
        }
        out
    }

    pub fn explain(&mut self, school: SchoolId, semantics: Semantics, literal: Literal) -> String {
        explain::render(&self.explanation(school, semantics, literal))
    }

    /// The structure behind [`Reasoner::explain`] (for `explain --format json`).
    pub fn explanation(
        &mut self,
        school: SchoolId,
        semantics: Semantics,
        literal: Literal,
    ) -> explain::Explanation {
        let eval = self.evaluation(school, semantics).clone();
        let theory = self.theory;
        let transposition = self.options.transposition;
        let s = self.shown(school);
        let labels = eval
            .witness
            .as_ref()
            .map(|w| labels(theory, school, transposition, s, w));
        let standings = &eval.standings;
        let standing = |l: Literal| match standings.get(&l) {
            Some(&s) => s,
            None if standings.get(&l.negate()) == Some(&Standing::Accepted) => Standing::Rejected,
            None => Standing::NotAddressed,
        };
        let view = explain::View {
            semantics,
            standing: &standing,
            labels,
            unknown: eval.unknown.clone(),
        };
        explain::explain(theory, s, &view, literal)
    }

    /// The consistency findings of one school: inconsistent axioms (error), the rationality
    /// postulates on the default semantics' extensions, conflicting premises, self-defeat,
    /// circular support (warnings), and standings agon cannot vouch for (a warning).
    pub fn findings(&mut self, school: SchoolId) -> Vec<Diagnostic> {
        let semantics = self.semantics;
        let theory = self.theory;
        let model = theory.school(school);
        let rules = self.rules(school).to_vec();
        let contrariness = aspic::rules::Contrariness::of(model);
        let eval = self.evaluation(school, semantics).clone();
        let mut out = Vec::new();
        match consistency::axioms(theory, model, &rules, &contrariness) {
            // With inconsistent axioms every postulate fails; the axioms are the finding.
            Some(d) => out.push(d),
            None => out.extend(consistency::postulates(theory, model, &eval)),
        }
        // The exact evaluation's standings are keyed by exactly the literals with arguments.
        let supported = if eval.by_arguments {
            supported(theory, school, self.options.transposition)
        } else {
            eval.standings.keys().copied().collect()
        };
        out.extend(consistency::structure(theory, model, &contrariness, &|l| {
            supported.contains(&l)
        }));
        // Arguments are built only where one can defeat its own sub-argument.
        let supported: HashSet<Literal> = supported.into_iter().collect();
        let attackable = consistency::may_self_defeat(model, &rules, &contrariness, &supported);
        if attackable {
            out.extend(consistency::self_defeating(theory, self.structured(school)));
        }
        if !model.preferences.is_empty() {
            let s = self.structured(school);
            out.extend(aspic::idle::idle_preferences(theory, model, s));
        }
        if let Some(why) = &eval.unknown {
            out.push(
                Diagnostic::warning(
                    "agon::reasoning-unknown",
                    format!(
                        "agon cannot vouch for the {semantics} standings of `{}`: {why}",
                        model.name
                    ),
                )
                .with_label(model.span, "this school")
                .with_help("use last-link (the default) or drop the `prefer` statements of this school; expectations on it fail until then"),
            );
        }
        out
    }

    /// Whether the school's axioms are consistent (for `expect ... is consistent`).
    pub fn consistent(&mut self, school: SchoolId) -> Result<(), String> {
        let model = self.theory.school(school);
        let rules = self.rules(school).to_vec();
        let contrariness = aspic::rules::Contrariness::of(model);
        match consistency::axioms(self.theory, model, &rules, &contrariness) {
            Some(d) => Err(d.message),
            None => Ok(()),
        }
    }

    fn semantics_named(&self, name: Option<&str>) -> Semantics {
        name.and_then(|n| n.parse().ok()).unwrap_or(self.semantics)
    }
}

/// The literals with at least one argument (independent of preferences), exactly.
fn supported(theory: &Theory, school: SchoolId, transposition: bool) -> HashSet<Literal> {
    let ordering = Ordering {
        link: Link::LastLink,
        ..Ordering::default()
    };
    let Ok(t) = reasoning::translate(theory.school(school), transposition, ordering) else {
        return HashSet::new();
    };
    let everything = closure::derive(&t.framework, |_| true);
    reasoning::evaluate::concluded(&t, &everything)
}

/// The built arguments' labels in the witness extension: in when all their assumptions are
/// in it, out when it attacks one of them, undecided otherwise.
fn labels(
    theory: &Theory,
    school: SchoolId,
    transposition: bool,
    s: &Structured,
    w: &Witness,
) -> Vec<Label> {
    let (inside, attacked) = match w {
        Witness::Arguments(labels) => return labels.clone(),
        Witness::Assumptions { inside, attacked } => (inside, attacked),
    };
    let Ok(t) = reasoning::translate(theory.school(school), transposition, s.ordering) else {
        return vec![Label::Undec; s.args.all.len()];
    };
    let f = &t.framework;
    // An argument is in when all its assumptions are, out when one is attacked: its own
    // step's (or premise's) assumption, then its immediate sub-arguments' verdicts, which
    // are computed first (a sub-argument is always built before the arguments using it).
    // Linear in the arguments, however deep they are.
    let mut all_in = vec![true; s.args.all.len()];
    let mut any_out = vec![false; s.args.all.len()];
    for id in s.args.ids() {
        let arg = s.args.get(id);
        let own = match arg.top {
            Top::Premise(PremiseKind::Ordinary) => {
                t.premise_assumption.get(&arg.conclusion).copied()
            }
            Top::Premise(PremiseKind::Axiom) => None,
            Top::Rule(r) if s.rules[r as usize].kind != RuleKind::Defeasible => None,
            // Under weakest-link with preferences the step's assumption depends on the
            // argument's premises and rules (its strength).
            Top::Rule(r) if t.steps.is_some() => {
                let ordinary: Vec<Literal> = s
                    .args
                    .premises(id)
                    .into_iter()
                    .filter(|&(_, k)| k == PremiseKind::Ordinary)
                    .map(|(l, _)| l)
                    .collect();
                let rules: Vec<u32> = s.args.def_rules(id, &s.rules).into_iter().collect();
                t.step_assumption(r, &ordinary, &rules)
            }
            Top::Rule(r) => t.step_assumption(r, &[], &[]),
        };
        let i = id.0 as usize;
        if let Some(a) = own.and_then(|atom| f.assumption(atom)) {
            all_in[i] = inside[a as usize];
            any_out[i] = attacked[a as usize];
        }
        for sub in &arg.subs {
            let j = sub.0 as usize;
            debug_assert!(j < i, "sub-arguments are built first");
            all_in[i] &= all_in[j];
            any_out[i] |= any_out[j];
        }
    }
    (0..s.args.all.len())
        .map(|i| {
            if any_out[i] {
                Label::Out
            } else if all_in[i] {
                Label::In
            } else {
                Label::Undec
            }
        })
        .collect()
}

impl Judge for Reasoner<'_> {
    fn standing(
        &mut self,
        school: SchoolId,
        semantics: Option<&str>,
        literal: Literal,
    ) -> Standing {
        let sem = self.semantics_named(semantics);
        self.standings(school, sem)
            .get(&literal)
            .copied()
            .unwrap_or(Standing::NotAddressed)
    }

    fn consistency(&mut self, school: SchoolId) -> Result<(), String> {
        self.consistent(school)
    }

    fn explain(&mut self, school: SchoolId, semantics: Option<&str>, literal: Literal) -> String {
        let sem = self.semantics_named(semantics);
        Reasoner::explain(self, school, sem, literal)
    }
}
