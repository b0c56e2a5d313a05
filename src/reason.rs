//! The reasoner's facade over a whole theory: builds each school's arguments once, evaluates
//! them under each semantics asked for (cached), collects the consistency findings, and
//! answers the questions expectations, `status`, `explain` and `diverge` ask.

use crate::aspic::{self, consistency, Evaluation, Options, Structured};
use crate::diagnostic::Diagnostic;
use crate::diverge::{Standing, Standings};
use crate::dung::Semantics;
use crate::expect::Judge;
use crate::model::{Literal, SchoolId, Theory};
use std::collections::HashMap;

/// Reasoning over every school of a theory, computed on demand.
pub struct Reasoner<'t> {
    pub theory: &'t Theory,
    pub options: Options,
    /// The semantics used where none is named.
    pub semantics: Semantics,
    built: HashMap<SchoolId, Structured>,
    evaluated: HashMap<(SchoolId, Semantics), (Evaluation, HashMap<Literal, Standing>)>,
}

impl<'t> Reasoner<'t> {
    pub fn new(theory: &'t Theory, options: Options, semantics: Semantics) -> Self {
        Reasoner {
            theory,
            options,
            semantics,
            built: HashMap::new(),
            evaluated: HashMap::new(),
        }
    }

    pub fn structured(&mut self, school: SchoolId) -> &Structured {
        let (theory, options) = (self.theory, self.options);
        self.built
            .entry(school)
            .or_insert_with(|| aspic::build(theory, school, &options))
    }

    fn ensure(&mut self, school: SchoolId, semantics: Semantics) {
        if self.evaluated.contains_key(&(school, semantics)) {
            return;
        }
        let options = self.options;
        let s = self.structured(school);
        let eval = s.evaluate(semantics, &options);
        let standings = s.standings(&eval);
        self.evaluated
            .insert((school, semantics), (eval, standings));
    }

    pub fn evaluation(&mut self, school: SchoolId, semantics: Semantics) -> &Evaluation {
        self.ensure(school, semantics);
        &self.evaluated[&(school, semantics)].0
    }

    /// Standings of every literal the school has an argument for.
    pub fn standings(
        &mut self,
        school: SchoolId,
        semantics: Semantics,
    ) -> &HashMap<Literal, Standing> {
        self.ensure(school, semantics);
        &self.evaluated[&(school, semantics)].1
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
        self.ensure(school, semantics);
        let eval = &self.evaluated[&(school, semantics)].0;
        aspic::explain::render_text(self.theory, &self.built[&school], eval, literal)
    }

    /// The consistency findings of one school: inconsistent axioms (error), the rationality
    /// postulates on the default semantics' extensions, conflicting premises, self-defeat,
    /// circular support, and incomplete reasoning (warnings).
    pub fn findings(&mut self, school: SchoolId) -> Vec<Diagnostic> {
        let semantics = self.semantics;
        self.ensure(school, semantics);
        let theory = self.theory;
        let s = &self.built[&school];
        let eval = &self.evaluated[&(school, semantics)].0;
        let model = theory.school(school);
        let mut out = Vec::new();
        match consistency::axioms(theory, model, &s.rules, &s.contrariness) {
            // With inconsistent axioms every postulate fails; the axioms are the finding.
            Some(d) => out.push(d),
            None => out.extend(consistency::postulates(theory, s, eval)),
        }
        out.extend(consistency::structure(theory, s));
        if eval.truncated {
            out.push(
                Diagnostic::warning(
                    "agon::reasoning-truncated",
                    format!(
                        "`{}` has more arguments, defeats or {} extensions than agon considers; its statuses are approximate",
                        model.name, eval.semantics
                    ),
                )
                .with_label(model.span, "this school")
                .with_help("use grounded semantics (linear time), or split the school; the limits are listed under \"How agon reasons\" in the README"),
            );
        }
        out
    }

    /// Whether the school's axioms are consistent (for `expect ... is consistent`).
    pub fn consistent(&mut self, school: SchoolId) -> Result<(), String> {
        let theory = self.theory;
        let s = self.structured(school);
        match consistency::axioms(theory, theory.school(school), &s.rules, &s.contrariness) {
            Some(d) => Err(d.message),
            None => Ok(()),
        }
    }

    fn semantics_named(&self, name: Option<&str>) -> Semantics {
        name.and_then(|n| n.parse().ok()).unwrap_or(self.semantics)
    }
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
