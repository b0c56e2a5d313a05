//! A terse way to write one-school theories in tests, straight into the model (no parser):
//! claims are made on first mention; a literal is `x`, `-x` or `not x`. Every item gets its
//! own dummy span, so tests can tell which items a diagnostic points at.

use crate::model::{
    Claim, Comparison, Conflict, ConflictKind, Exception, Link, Literal, Ordering, Preferable,
    Preference, Premise, PremiseKind, Rule, RuleId, RuleKind, School, SchoolId, Theory,
};
use crate::source::{FileId, Span};

pub struct T {
    pub theory: Theory,
    next_span: usize,
}

impl T {
    /// A theory with one empty school `s`.
    pub fn new() -> Self {
        let mut theory = Theory::default();
        theory.schools.push(School::new(
            "s".into(),
            "S".into(),
            Span::new(FileId(0), 0, 0),
        ));
        T {
            theory,
            next_span: 1,
        }
    }

    pub const SCHOOL: SchoolId = SchoolId(0);

    fn span(&mut self) -> Span {
        self.next_span += 1;
        Span::new(FileId(0), self.next_span, self.next_span + 1)
    }

    pub fn school(&self) -> &School {
        &self.theory.schools[0]
    }

    fn school_mut(&mut self) -> &mut School {
        &mut self.theory.schools[0]
    }

    /// The literal written `x`, `-x` or `not x`, making its claim if needed.
    pub fn lit(&mut self, text: &str) -> Literal {
        let (negated, id) = match text.strip_prefix('-').or(text.strip_prefix("not ")) {
            Some(rest) => (true, rest.trim()),
            None => (false, text.trim()),
        };
        let claim = self.theory.claim_named(id).unwrap_or_else(|| {
            self.theory.claims.push(Claim {
                id: id.to_string(),
                text: format!("{id} holds."),
                doc: None,
                cite: Vec::new(),
                span: Span::new(FileId(0), 0, 0),
            });
            crate::model::ClaimId(self.theory.claims.len() as u32 - 1)
        });
        Literal { claim, negated }
    }

    fn premise_of(&mut self, text: &str, kind: PremiseKind) -> &mut Self {
        let literal = self.lit(text);
        let span = self.span();
        self.school_mut().premises.push(Premise {
            literal,
            kind,
            doc: None,
            cite: Vec::new(),
            span,
        });
        self
    }

    pub fn axiom(&mut self, text: &str) -> &mut Self {
        self.premise_of(text, PremiseKind::Axiom)
    }

    pub fn premise(&mut self, text: &str) -> &mut Self {
        self.premise_of(text, PremiseKind::Ordinary)
    }

    fn rule(&mut self, name: &str, kind: RuleKind, ants: &[&str], cons: &str) -> RuleId {
        let antecedents = ants.iter().map(|a| self.lit(a)).collect();
        let consequent = self.lit(cons);
        let span = self.span();
        let school = self.school_mut();
        school.rules.push(Rule {
            name: (!name.is_empty()).then(|| name.to_string()),
            kind,
            antecedents,
            consequent,
            doc: None,
            cite: Vec::new(),
            span,
        });
        RuleId(school.rules.len() as u32 - 1)
    }

    /// `cons follows from ants`.
    pub fn strict(&mut self, ants: &[&str], cons: &str) -> RuleId {
        self.rule("", RuleKind::Strict, ants, cons)
    }

    /// `name: cons usually follows from ants` (`name` may be empty).
    pub fn defeasible(&mut self, name: &str, ants: &[&str], cons: &str) -> RuleId {
        self.rule(name, RuleKind::Defeasible, ants, cons)
    }

    pub fn rule_named(&self, name: &str) -> RuleId {
        let i = self
            .school()
            .rules
            .iter()
            .position(|r| r.name.as_deref() == Some(name))
            .unwrap_or_else(|| panic!("no rule {name}"));
        RuleId(i as u32)
    }

    /// `rule does not apply when text`.
    pub fn except(&mut self, rule: &str, text: &str) -> &mut Self {
        let rule = self.rule_named(rule);
        let literal = self.lit(text);
        let span = self.span();
        self.school_mut().exceptions.push(Exception {
            rule,
            literal,
            cite: Vec::new(),
            span,
        });
        self
    }

    fn prefer(&mut self, better: Preferable, worse: Preferable) -> &mut Self {
        let span = self.span();
        self.school_mut().preferences.push(Preference {
            better,
            worse,
            cite: Vec::new(),
            span,
        });
        self
    }

    /// `prefer better over worse`, between named defeasible rules.
    pub fn prefer_rule(&mut self, better: &str, worse: &str) -> &mut Self {
        let (b, w) = (self.rule_named(better), self.rule_named(worse));
        self.prefer(Preferable::Rule(b), Preferable::Rule(w))
    }

    /// `prefer better over worse`, between ordinary premises.
    pub fn prefer_premise(&mut self, better: &str, worse: &str) -> &mut Self {
        let (b, w) = (self.lit(better), self.lit(worse));
        self.prefer(Preferable::Premise(b), Preferable::Premise(w))
    }

    fn conflict(&mut self, kind: ConflictKind, from: &str, to: &str) -> &mut Self {
        let (from, to) = (self.lit(from), self.lit(to));
        let span = self.span();
        self.school_mut().conflicts.push(Conflict {
            kind,
            from,
            to,
            cite: Vec::new(),
            span,
        });
        self
    }

    /// `from is contrary to to`: `from` attacks `to`, not back.
    pub fn contrary(&mut self, from: &str, to: &str) -> &mut Self {
        self.conflict(ConflictKind::Contrary, from, to)
    }

    /// `a contradicts b`.
    pub fn contradicts(&mut self, a: &str, b: &str) -> &mut Self {
        self.conflict(ConflictKind::Contradictory, a, b)
    }

    pub fn ordering(&mut self, link: Link, comparison: Comparison) -> &mut Self {
        self.school_mut().ordering = Ordering { link, comparison };
        self
    }

    /// A literal that must already exist.
    pub fn get(&self, text: &str) -> Literal {
        let (negated, id) = match text.strip_prefix('-').or(text.strip_prefix("not ")) {
            Some(rest) => (true, rest.trim()),
            None => (false, text.trim()),
        };
        let claim = self
            .theory
            .claim_named(id)
            .unwrap_or_else(|| panic!("no claim {id}"));
        Literal { claim, negated }
    }
}
