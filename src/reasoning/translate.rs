//! A school as a flat ABA framework whose assumption-level semantics give exactly the
//! standings of its ASPIC+ arguments (Modgil & Prakken 2013) — no argument is built.
//!
//! Assumptions are the ordinary premises (`α_φ`) and one per defeasible rule (`ν_r`, "r
//! applies"); axioms are facts; strict rules (closed under transposition, when asked) are
//! rules; a defeasible rule `r: c ⇐ a1..an` is the rule `c ← a1..an, ν_r`. Attacks, which
//! ASPIC+ aims at a sub-argument B' (a premise or a defeasible last step), are aimed at B''s
//! assumption: undermining `φ` attacks `α_φ`, rebutting or undercutting `r` attacks `ν_r`.
//! Without preferences this is the standard translation (Lehtonen, Wallner & Järvisalo, KR
//! 2020; Heyninck & Straßer 2016).
//!
//! Preferences decide whether an attack by an argument A on B' succeeds (Def. 3.12): a
//! contrary always does; a contradictory does unless A ≺ B'. Under **last-link** whether
//! A ≺ B' depends on B' only through the attacked premise or rule (LastDefRules(B') = {r};
//! for a premise, LastDefRules(B') = ∅ and Prem_p(B') = {φ}), and on A through which
//! defeasible rules are *last* in it and, when there are none, which premises it uses. So the
//! attackers that succeed are the arguments for ψ of a certain *shape*, and each shape is a
//! Horn-definable copy of the rules (a *mode*): e.g. against `ν_r` under elitist last-link,
//! arguments whose last defeasible rules avoid W = {X : X < r}; against an ordinary premise,
//! only strict arguments (LastDefRules = ∅), whose premises avoid V = {X : X < φ}. Whether A
//! defeats B then depends on A and on one assumption of B, which is what the assumption-level
//! semantics needs; modes multiply the rules by the number of distinct W and V sets (one or
//! two without `prefer` statements).
//!
//! Under **weakest-link**, A ≺ B' depends on all of B''s rules and premises, not on the
//! attacked step alone; without `prefer` statements no contradictory attack fails, so the
//! translation above is exact; with them, [`super::weakest`] splits each step by strength.
//!
//! Derivations here are Horn derivations, i.e. arguments in the sense of Def. 3.6, which
//! allows a conclusion to repeat on a branch; agon's argument builder (and py_arg) leave such
//! arguments out. The two agree except, possibly, on rule preferences over cyclic rules.

use super::weakest::Steps;
use crate::aba::Framework;
use crate::aspic::preference::closure;
use crate::aspic::rules::{self, Contrariness, Rule};
use crate::hash::FastMap as HashMap;
use crate::model::{
    Comparison, Link, Literal, Ordering, Preferable, PremiseKind, RuleId, RuleKind, School,
};
use std::collections::BTreeSet;

/// What the reasoner needs to map between the school and its framework.
pub struct Translation {
    pub framework: Framework,
    /// The plain atom of each literal (every argument for it).
    pub atoms: HashMap<Literal, u32>,
    /// The literal of each plain atom (`None` for assumptions and mode atoms).
    pub literal_of: Vec<Option<Literal>>,
    /// The assumption of each ordinary premise.
    pub premise_assumption: HashMap<Literal, u32>,
    /// The assumption of each defeasible effective rule (index into `rules`); empty under
    /// weakest-link with preferences, where a rule has one per strength (`steps`).
    pub rule_assumption: HashMap<u32, u32>,
    /// Under weakest-link with preferences: the assumptions of each rule per strength.
    pub steps: Option<Steps>,
    pub rules: Vec<Rule>,
    pub contrariness: Contrariness,
    pub ordering: Ordering,
    /// An atom derived exactly when two conflicting literals are (it attacks nothing), so
    /// that "some extension concludes a conflict" is one acceptance question.
    pub conflict: u32,
}

impl Translation {
    /// The assumption of the defeasible step by rule `rule` (an index into `rules`) atop an
    /// argument with these ordinary premises and defeasible rules (indices, its own included).
    pub fn step_assumption(
        &self,
        rule: u32,
        premises: &[Literal],
        def_rules: &[u32],
    ) -> Option<u32> {
        match &self.steps {
            None => self.rule_assumption.get(&rule).copied(),
            Some(steps) => {
                let origins: Vec<u32> = def_rules
                    .iter()
                    .map(|&r| self.rules[r as usize].origin.0)
                    .collect();
                steps.assumption(rule, premises, &origins)
            }
        }
    }
}

impl Translation {
    /// The atoms whose derivations are arguments: every atom but the applicability
    /// assumptions (an inference's applicability is no argument), the conflict atom (two
    /// arguments side by side) and, under weakest-link with preferences, the atoms that
    /// combine some of a rule's antecedents (part of an argument). A shape's atom (a mode)
    /// is derived by the same supports as some argument for its literal, so it adds no
    /// other; under weakest-link an atom is a (literal, strength, mode bits) triple, and its
    /// derivations are exactly the arguments with that key, with the same supports.
    pub fn argument_atoms(&self) -> Vec<bool> {
        let f = &self.framework;
        let mut roots = vec![true; f.atom_count()];
        for a in 0..f.assumption_count() as u32 {
            roots[f.atom_of(a) as usize] = false;
        }
        for &atom in self.premise_assumption.values() {
            roots[atom as usize] = true;
        }
        for &atom in self.steps.iter().flat_map(|s| &s.combinations) {
            roots[atom as usize] = false;
        }
        roots[self.conflict as usize] = false;
        roots
    }
}

/// Why a school cannot be translated exactly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inexact(pub String);

/// A derivation shape (see the module comment).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Mode {
    /// Any argument.
    Plain,
    /// No defeasible rule.
    Strict,
    /// No defeasible rule, no ordinary premise.
    StrictFirm,
    /// Last defeasible rules all outside the set (stated rule ids).
    LastAvoid(BTreeSet<u32>),
    /// Some last defeasible rule outside the set.
    LastSomeOutside(BTreeSet<u32>),
    /// No defeasible rule; ordinary premises all outside the set.
    PremisesAvoid(BTreeSet<Literal>),
    /// No defeasible rule; some ordinary premise outside the set.
    PremisesSomeOutside(BTreeSet<Literal>),
}

struct Builder<'s> {
    rules: &'s [Rule],
    framework: Framework,
    literals: Vec<Literal>,
    index: HashMap<Literal, usize>,
    /// Rules (indices) by the index of their conclusion.
    by_consequent: Vec<Vec<u32>>,
    /// The plain copy's atom per literal, and per defeasible rule its application atom.
    plain: Vec<u32>,
    applied: HashMap<u32, u32>,
    /// Atoms of the other modes, made on demand.
    modes: HashMap<(Mode, usize), u32>,
    axioms: Vec<Literal>,
    axiom_set: std::collections::HashSet<Literal>,
    premise_assumption: HashMap<Literal, u32>,
    rule_assumption: HashMap<u32, u32>,
}

/// What every translation of a school starts from: its rules, contrariness, literals (with
/// their negations), premises by kind, exceptions, and what lies below each rule or premise.
pub(super) struct Setup {
    pub rules: Vec<Rule>,
    pub contrariness: Contrariness,
    pub literals: Vec<Literal>,
    pub index: HashMap<Literal, usize>,
    /// Rules (indices) by the index of their conclusion.
    pub by_consequent: Vec<Vec<u32>>,
    pub axioms: Vec<Literal>,
    /// Ordinary premises (a literal stated both as axiom and as ordinary premise is an axiom).
    pub ordinary: Vec<Literal>,
    /// Per stated rule id, the rule ids below it; per premise, the premises below it.
    pub rules_below: HashMap<u32, BTreeSet<u32>>,
    pub premises_below: HashMap<Literal, BTreeSet<Literal>>,
    pub exceptions: HashMap<RuleId, Vec<Literal>>,
    pub ordering: Ordering,
}

impl Setup {
    fn of(school: &School, rules: Vec<Rule>, ordering: Ordering) -> Self {
        let contrariness = Contrariness::of(school);
        let mut literals: BTreeSet<Literal> = BTreeSet::new();
        for p in &school.premises {
            literals.insert(p.literal);
        }
        for r in &rules {
            literals.extend(r.antecedents.iter().copied());
            literals.insert(r.consequent);
        }
        for e in &school.exceptions {
            literals.insert(e.literal);
        }
        for c in &school.conflicts {
            literals.insert(c.from);
            literals.insert(c.to);
        }
        let literals: Vec<Literal> = literals
            .iter()
            .flat_map(|&l| [l, l.negate()])
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let index: HashMap<Literal, usize> =
            literals.iter().enumerate().map(|(i, &l)| (l, i)).collect();
        let mut by_consequent = vec![Vec::new(); literals.len()];
        for (r, rule) in rules.iter().enumerate() {
            by_consequent[index[&rule.consequent]].push(r as u32);
        }
        let mut kinds: HashMap<Literal, PremiseKind> = HashMap::default();
        for p in &school.premises {
            let k = kinds.entry(p.literal).or_insert(p.kind);
            if p.kind == PremiseKind::Axiom {
                *k = PremiseKind::Axiom;
            }
        }
        let mut premises: Vec<(Literal, PremiseKind)> = kinds.into_iter().collect();
        premises.sort_by_key(|&(l, _)| l);
        let (axioms, ordinary) = premises
            .iter()
            .partition::<Vec<_>, _>(|(_, k)| *k == PremiseKind::Axiom);
        let mut rules_below: HashMap<u32, BTreeSet<u32>> = HashMap::default();
        let mut premises_below: HashMap<Literal, BTreeSet<Literal>> = HashMap::default();
        for (w, bt) in closure(school.preferences.iter().map(|p| (p.worse, p.better))) {
            match (w, bt) {
                (Preferable::Rule(w), Preferable::Rule(bt)) => {
                    rules_below.entry(bt.0).or_default().insert(w.0);
                }
                (Preferable::Premise(w), Preferable::Premise(bt)) => {
                    premises_below.entry(bt).or_default().insert(w);
                }
                // The resolver refuses preferences between a rule and a premise.
                _ => {}
            }
        }
        let mut exceptions: HashMap<RuleId, Vec<Literal>> = HashMap::default();
        for e in &school.exceptions {
            exceptions.entry(e.rule).or_default().push(e.literal);
        }
        Setup {
            rules,
            contrariness,
            literals,
            index,
            by_consequent,
            axioms: axioms.into_iter().map(|(l, _)| l).collect(),
            ordinary: ordinary.into_iter().map(|(l, _)| l).collect(),
            rules_below,
            premises_below,
            exceptions,
            ordering,
        }
    }

    /// The translation from its framework and the plain atom of every literal: adds the
    /// conflict detector (`conflict ← ψ, φ` for each ψ ∈ ‾φ) and freezes the framework.
    pub fn finish(
        self,
        mut framework: Framework,
        plain: &[u32],
        premise_assumption: HashMap<Literal, u32>,
        rule_assumption: HashMap<u32, u32>,
        steps: Option<Steps>,
    ) -> Translation {
        let conflict = framework.add_atom();
        for (i, &phi) in self.literals.iter().enumerate() {
            for psi in self.contrariness.attackers_of(phi) {
                if let Some(&j) = self.index.get(&psi) {
                    framework.add_rule(conflict, vec![plain[i], plain[j]]);
                }
            }
        }
        let mut literal_of = vec![None; framework.atom_count()];
        let mut atoms = HashMap::default();
        for (i, &l) in self.literals.iter().enumerate() {
            literal_of[plain[i] as usize] = Some(l);
            atoms.insert(l, plain[i]);
        }
        framework.freeze();
        Translation {
            framework,
            atoms,
            literal_of,
            premise_assumption,
            rule_assumption,
            steps,
            rules: self.rules,
            contrariness: self.contrariness,
            ordering: self.ordering,
            conflict,
        }
    }
}

/// The school's framework under the given transposition setting and ordering.
pub fn translate(
    school: &School,
    transposition: bool,
    ordering: Ordering,
) -> Result<Translation, Inexact> {
    translate_with(
        school,
        rules::effective_rules(school, transposition),
        ordering,
    )
}

/// [`translate`], given the school's effective rules (see [`rules::effective_rules`]), for
/// callers that already have them.
pub fn translate_with(
    school: &School,
    rules: Vec<Rule>,
    ordering: Ordering,
) -> Result<Translation, Inexact> {
    let setup = Setup::of(school, rules, ordering);
    if ordering.link == Link::WeakestLink && !school.preferences.is_empty() {
        return super::weakest::translate(setup);
    }
    let mut b = Builder {
        rules: &setup.rules,
        framework: Framework::new(0),
        literals: setup.literals.clone(),
        index: setup.index.clone(),
        by_consequent: setup.by_consequent.clone(),
        plain: Vec::new(),
        applied: HashMap::default(),
        modes: HashMap::default(),
        axioms: setup.axioms.clone(),
        axiom_set: setup.axioms.iter().copied().collect(),
        premise_assumption: HashMap::default(),
        rule_assumption: HashMap::default(),
    };
    for &l in &setup.ordinary {
        let atom = b.framework.add_atom();
        b.framework.add_assumption(atom);
        b.premise_assumption.insert(l, atom);
    }
    for (r, rule) in setup.rules.iter().enumerate() {
        if rule.kind == RuleKind::Defeasible {
            let atom = b.framework.add_atom();
            b.framework.add_assumption(atom);
            b.rule_assumption.insert(r as u32, atom);
        }
    }
    let plain = b.plain();
    b.plain = plain.clone();
    let (contrariness, rules) = (&setup.contrariness, &setup.rules);
    // Attacks on ordinary premises (undermining).
    let mut premise_targets: Vec<(Literal, u32)> =
        b.premise_assumption.iter().map(|(&l, &a)| (l, a)).collect();
    premise_targets.sort();
    for (phi, asm) in premise_targets {
        for psi in contrariness.attackers_of(phi).collect::<Vec<_>>() {
            let Some(&i) = b.index.get(&psi) else {
                continue;
            };
            if contrariness.is_contrary(psi, phi) || ordering.link == Link::WeakestLink {
                b.framework.add_contrary(asm, plain[i]);
                continue;
            }
            let worse = setup.premises_below.get(&phi).cloned().unwrap_or_default();
            let modes = match ordering.comparison {
                Comparison::Elitist => vec![Mode::PremisesAvoid(worse)],
                Comparison::Democratic => {
                    vec![Mode::StrictFirm, Mode::PremisesSomeOutside(worse)]
                }
            };
            for m in modes {
                let atom = b.mode_atom(&m, i);
                b.framework.add_contrary(asm, atom);
            }
        }
    }
    // Attacks on defeasible steps (rebutting and undercutting).
    let mut rule_targets: Vec<(u32, u32)> =
        b.rule_assumption.iter().map(|(&r, &a)| (r, a)).collect();
    rule_targets.sort();
    for (r, asm) in rule_targets {
        let rule = &rules[r as usize];
        let origin = rule.origin;
        for psi in contrariness
            .attackers_of(rule.consequent)
            .collect::<Vec<_>>()
        {
            let Some(&i) = b.index.get(&psi) else {
                continue;
            };
            let worse = setup
                .rules_below
                .get(&origin.0)
                .cloned()
                .unwrap_or_default();
            if contrariness.is_contrary(psi, rule.consequent)
                || ordering.link == Link::WeakestLink
                || worse.is_empty()
            {
                b.framework.add_contrary(asm, plain[i]);
                continue;
            }
            let modes = match ordering.comparison {
                Comparison::Elitist => vec![Mode::LastAvoid(worse)],
                Comparison::Democratic => vec![Mode::Strict, Mode::LastSomeOutside(worse)],
            };
            for m in modes {
                let atom = b.mode_atom(&m, i);
                b.framework.add_contrary(asm, atom);
            }
        }
        for e in setup.exceptions.get(&origin).into_iter().flatten() {
            if let Some(&i) = b.index.get(e) {
                b.framework.add_contrary(asm, plain[i]);
            }
        }
    }
    let (framework, premise_assumption, rule_assumption) =
        (b.framework, b.premise_assumption, b.rule_assumption);
    Ok(setup.finish(framework, &plain, premise_assumption, rule_assumption, None))
}

impl Builder<'_> {
    /// The plain copy: an atom per literal, one per defeasible rule application
    /// (`D_r ← body, ν_r`, and the conclusion from it), and every rule.
    fn plain(&mut self) -> Vec<u32> {
        let atoms: Vec<u32> = (0..self.literals.len())
            .map(|_| self.framework.add_atom())
            .collect();
        for l in &self.axioms {
            self.framework.add_rule(atoms[self.index[l]], Vec::new());
        }
        for (l, &asm) in &self.premise_assumption {
            self.framework.add_rule(atoms[self.index[l]], vec![asm]);
        }
        for (r, rule) in self.rules.iter().enumerate() {
            let head = atoms[self.index[&rule.consequent]];
            let mut body: Vec<u32> = rule
                .antecedents
                .iter()
                .map(|a| atoms[self.index[a]])
                .collect();
            match rule.kind {
                RuleKind::Strict => self.framework.add_rule(head, body),
                RuleKind::Defeasible => {
                    body.push(self.rule_assumption[&(r as u32)]);
                    let applied = self.framework.add_atom();
                    self.framework.add_rule(applied, body);
                    self.framework.add_rule(head, vec![applied]);
                    self.applied.insert(r as u32, applied);
                }
            }
        }
        atoms
    }

    /// The atom of literal `lit` (an index) in a mode, made on first use with the part of the
    /// mode it rests on: modes differ from the plain copy only in the strict steps above the
    /// last defeasible rules (and in which premises they admit), so a mode copies the strict
    /// rules backwards from the literal and refers to the plain copy's rule applications
    /// `D_r` below that.
    fn mode_atom(&mut self, mode: &Mode, lit: usize) -> u32 {
        if *mode == Mode::Plain {
            return self.plain[lit];
        }
        if let Some(&a) = self.modes.get(&(mode.clone(), lit)) {
            return a;
        }
        // Phase 1: an atom for every (mode, literal) the new one rests on through strict rules.
        let mut made: Vec<(Mode, usize)> = Vec::new();
        let mut stack = vec![(mode.clone(), lit)];
        while let Some((m, l)) = stack.pop() {
            if m == Mode::Plain || self.modes.contains_key(&(m.clone(), l)) {
                continue;
            }
            let atom = self.framework.add_atom();
            self.modes.insert((m.clone(), l), atom);
            for &r in &self.by_consequent[l] {
                let rule = &self.rules[r as usize];
                if rule.kind != RuleKind::Strict {
                    continue;
                }
                for a in &rule.antecedents {
                    let i = self.index[a];
                    stack.push((m.clone(), i));
                    if let Some(other) = m.others() {
                        stack.push((other, i));
                    }
                }
            }
            made.push((m, l));
        }
        // Phase 2: their rules.
        for (m, l) in made {
            let head = self.modes[&(m.clone(), l)];
            let literal = self.literals[l];
            let needs_member = matches!(m, Mode::LastSomeOutside(_) | Mode::PremisesSomeOutside(_));
            if !needs_member && self.axiom_set.contains(&literal) {
                self.framework.add_rule(head, Vec::new());
            }
            if let Some(&asm) = self.premise_assumption.get(&literal) {
                let allowed = match &m {
                    Mode::Plain | Mode::Strict | Mode::LastAvoid(_) => true,
                    Mode::StrictFirm | Mode::LastSomeOutside(_) => false,
                    Mode::PremisesAvoid(v) | Mode::PremisesSomeOutside(v) => !v.contains(&literal),
                };
                if allowed {
                    self.framework.add_rule(head, vec![asm]);
                }
            }
            for k in 0..self.by_consequent[l].len() {
                let r = self.by_consequent[l][k];
                let rule = &self.rules[r as usize];
                match rule.kind {
                    RuleKind::Strict => {
                        let own: Vec<u32> = rule
                            .antecedents
                            .iter()
                            .map(|a| self.modes[&(m.clone(), self.index[a])])
                            .collect();
                        match m.others() {
                            // One antecedent carries the member; the others are any argument
                            // (strict ones, for premises).
                            Some(other) => {
                                let rest: Vec<u32> = rule
                                    .antecedents
                                    .iter()
                                    .map(|a| {
                                        let i = self.index[a];
                                        if other == Mode::Plain {
                                            self.plain[i]
                                        } else {
                                            self.modes[&(other.clone(), i)]
                                        }
                                    })
                                    .collect();
                                for i in 0..own.len() {
                                    let mut body = rest.clone();
                                    body[i] = own[i];
                                    self.framework.add_rule(head, body);
                                }
                            }
                            None => self.framework.add_rule(head, own),
                        }
                    }
                    RuleKind::Defeasible => {
                        let origin = rule.origin.0;
                        let allowed = match &m {
                            Mode::Plain => true,
                            Mode::LastAvoid(w) | Mode::LastSomeOutside(w) => !w.contains(&origin),
                            _ => false,
                        };
                        if allowed {
                            let applied = self.applied[&r];
                            self.framework.add_rule(head, vec![applied]);
                        }
                    }
                }
            }
        }
        self.modes[&(mode.clone(), lit)]
    }
}

impl Mode {
    /// For "some … outside" modes: the mode of the antecedents that do not carry the member.
    fn others(&self) -> Option<Mode> {
        match self {
            Mode::LastSomeOutside(_) => Some(Mode::Plain),
            Mode::PremisesSomeOutside(_) => Some(Mode::Strict),
            _ => None,
        }
    }
}

/// The ordering a school is judged with (its own unless overridden).
pub fn ordering_for(
    school: &School,
    link: Option<Link>,
    comparison: Option<Comparison>,
) -> Ordering {
    Ordering {
        link: link.unwrap_or(school.ordering.link),
        comparison: comparison.unwrap_or(school.ordering.comparison),
    }
}
