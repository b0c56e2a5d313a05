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
//! translation is exact; with them, [`translate`] says so and the caller builds arguments.
//!
//! Derivations here are Horn derivations, i.e. arguments in the sense of Def. 3.6, which
//! allows a conclusion to repeat on a branch; agon's argument builder (and py_arg) leave such
//! arguments out. The two agree except, possibly, on rule preferences over cyclic rules.

use crate::aba::Framework;
use crate::aspic::preference::closure;
use crate::aspic::rules::{self, Contrariness, Rule};
use crate::model::{
    Comparison, Link, Literal, Ordering, Preferable, PremiseKind, RuleKind, School,
};
use std::collections::{BTreeSet, HashMap};

/// What the reasoner needs to map between the school and its framework.
pub struct Translation {
    pub framework: Framework,
    /// The plain atom of each literal (every argument for it).
    pub atoms: HashMap<Literal, u32>,
    /// The literal of each plain atom (`None` for assumptions and mode atoms).
    pub literal_of: Vec<Option<Literal>>,
    /// The assumption of each ordinary premise.
    pub premise_assumption: HashMap<Literal, u32>,
    /// The assumption of each defeasible effective rule (index into `rules`).
    pub rule_assumption: HashMap<u32, u32>,
    pub rules: Vec<Rule>,
    pub contrariness: Contrariness,
    pub ordering: Ordering,
    /// An atom derived exactly when two conflicting literals are (it attacks nothing), so
    /// that "some extension concludes a conflict" is one acceptance question.
    pub conflict: u32,
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
    modes: HashMap<Mode, Vec<u32>>,
    axioms: Vec<Literal>,
    premise_assumption: HashMap<Literal, u32>,
    rule_assumption: HashMap<u32, u32>,
}

/// The school's framework under the given transposition setting and ordering.
pub fn translate(
    school: &School,
    transposition: bool,
    ordering: Ordering,
) -> Result<Translation, Inexact> {
    if ordering.link == Link::WeakestLink && !school.preferences.is_empty() {
        return Err(Inexact(
            "weakest-link with `prefer` statements: whether an attack succeeds depends on every \
             rule and premise of the attacked sub-argument, which no assumption-level \
             translation captures"
                .into(),
        ));
    }
    let rules = rules::effective_rules(school, transposition);
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
    let with_negations: Vec<Literal> = literals
        .iter()
        .flat_map(|&l| [l, l.negate()])
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let index = with_negations
        .iter()
        .enumerate()
        .map(|(i, &l)| (l, i))
        .collect();
    let mut b = Builder {
        rules: &rules,
        framework: Framework::new(0),
        literals: with_negations,
        index,
        modes: HashMap::new(),
        axioms: Vec::new(),
        premise_assumption: HashMap::new(),
        rule_assumption: HashMap::new(),
    };
    // Premises: a literal stated both as axiom and as ordinary premise is an axiom.
    let mut kinds: HashMap<Literal, PremiseKind> = HashMap::new();
    for p in &school.premises {
        let k = kinds.entry(p.literal).or_insert(p.kind);
        if p.kind == PremiseKind::Axiom {
            *k = PremiseKind::Axiom;
        }
    }
    let mut premises: Vec<(Literal, PremiseKind)> = kinds.into_iter().collect();
    premises.sort_by_key(|&(l, _)| l);
    for (l, k) in premises {
        match k {
            PremiseKind::Axiom => b.axioms.push(l),
            PremiseKind::Ordinary => {
                let atom = b.framework.add_atom();
                b.framework.add_assumption(atom);
                b.premise_assumption.insert(l, atom);
            }
        }
    }
    for (r, rule) in rules.iter().enumerate() {
        if rule.kind == RuleKind::Defeasible {
            let atom = b.framework.add_atom();
            b.framework.add_assumption(atom);
            b.rule_assumption.insert(r as u32, atom);
        }
    }
    let plain = b.mode(Mode::Plain);
    let below = closure(school.preferences.iter().map(|p| (p.worse, p.better)));
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
            let worse: BTreeSet<Literal> = below
                .iter()
                .filter_map(|&(w, bt)| match (w, bt) {
                    (Preferable::Premise(w), Preferable::Premise(bt)) if bt == phi => Some(w),
                    _ => None,
                })
                .collect();
            let modes = match ordering.comparison {
                Comparison::Elitist => vec![Mode::PremisesAvoid(worse)],
                Comparison::Democratic => {
                    vec![Mode::StrictFirm, Mode::PremisesSomeOutside(worse)]
                }
            };
            for m in modes {
                let atom = b.mode(m)[i];
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
            let worse: BTreeSet<u32> = below
                .iter()
                .filter_map(|&(w, bt)| match (w, bt) {
                    (Preferable::Rule(w), Preferable::Rule(bt)) if bt == origin => Some(w.0),
                    _ => None,
                })
                .collect();
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
                let atom = b.mode(m)[i];
                b.framework.add_contrary(asm, atom);
            }
        }
        for e in school.exceptions.iter().filter(|e| e.rule == origin) {
            if let Some(&i) = b.index.get(&e.literal) {
                b.framework.add_contrary(asm, plain[i]);
            }
        }
    }
    // The conflict detector: conflict ← ψ, φ for each ψ ∈ ‾φ.
    let conflict = b.framework.add_atom();
    for (i, &phi) in b.literals.iter().enumerate() {
        for psi in contrariness.attackers_of(phi) {
            if let Some(&j) = b.index.get(&psi) {
                b.framework.add_rule(conflict, vec![plain[i], plain[j]]);
            }
        }
    }
    let mut literal_of = vec![None; b.framework.atom_count()];
    let mut atoms = HashMap::new();
    for (i, &l) in b.literals.iter().enumerate() {
        literal_of[plain[i] as usize] = Some(l);
        atoms.insert(l, plain[i]);
    }
    let mut framework = b.framework;
    framework.freeze();
    Ok(Translation {
        framework,
        atoms,
        literal_of,
        premise_assumption: b.premise_assumption,
        rule_assumption: b.rule_assumption,
        rules,
        contrariness,
        ordering,
        conflict,
    })
}

impl Builder<'_> {
    /// The atoms of a mode, one per literal, with the mode's rules (made on first use).
    fn mode(&mut self, mode: Mode) -> Vec<u32> {
        if let Some(atoms) = self.modes.get(&mode) {
            return atoms.clone();
        }
        let atoms: Vec<u32> = (0..self.literals.len())
            .map(|_| self.framework.add_atom())
            .collect();
        self.modes.insert(mode.clone(), atoms.clone());
        // Helpers the mode's rules refer to.
        let plain = if mode == Mode::Plain {
            atoms.clone()
        } else {
            self.mode(Mode::Plain)
        };
        let strict = match mode {
            Mode::PremisesSomeOutside(_) => Some(self.mode(Mode::Strict)),
            _ => None,
        };
        let index = std::mem::take(&mut self.index);
        let mut fw = std::mem::take(&mut self.framework);
        let at = |l: &Literal, set: &[u32]| set[index[l]];
        // Facts: axioms hold in every mode but "some … outside" ones, which need a member.
        let needs_member = matches!(
            mode,
            Mode::LastSomeOutside(_) | Mode::PremisesSomeOutside(_)
        );
        if !needs_member {
            for l in &self.axioms {
                fw.add_rule(at(l, &atoms), Vec::new());
            }
        }
        let mut premises: Vec<(Literal, u32)> = self
            .premise_assumption
            .iter()
            .map(|(&l, &a)| (l, a))
            .collect();
        premises.sort();
        for (l, asm) in premises {
            let allowed = match &mode {
                Mode::Plain | Mode::Strict | Mode::LastAvoid(_) => true,
                Mode::StrictFirm | Mode::LastSomeOutside(_) => false,
                Mode::PremisesAvoid(v) | Mode::PremisesSomeOutside(v) => !v.contains(&l),
            };
            if allowed {
                fw.add_rule(at(&l, &atoms), vec![asm]);
            }
        }
        for (r, rule) in self.rules.iter().enumerate() {
            let head = at(&rule.consequent, &atoms);
            match rule.kind {
                RuleKind::Strict => match &mode {
                    Mode::LastSomeOutside(_) | Mode::PremisesSomeOutside(_) => {
                        // One antecedent carries the member; the others are any argument
                        // (strict ones for premises).
                        let others = strict.as_ref().unwrap_or(&plain);
                        for (i, a) in rule.antecedents.iter().enumerate() {
                            let body = rule
                                .antecedents
                                .iter()
                                .enumerate()
                                .map(|(j, b)| if i == j { at(a, &atoms) } else { at(b, others) })
                                .collect();
                            fw.add_rule(head, body);
                        }
                    }
                    _ => {
                        let body = rule.antecedents.iter().map(|a| at(a, &atoms)).collect();
                        fw.add_rule(head, body);
                    }
                },
                RuleKind::Defeasible => {
                    let origin = rule.origin.0;
                    let allowed = match &mode {
                        Mode::Plain => true,
                        Mode::LastAvoid(w) | Mode::LastSomeOutside(w) => !w.contains(&origin),
                        _ => false,
                    };
                    if allowed {
                        let mut body: Vec<u32> =
                            rule.antecedents.iter().map(|a| at(a, &plain)).collect();
                        body.push(self.rule_assumption[&(r as u32)]);
                        fw.add_rule(head, body);
                    }
                }
            }
        }
        self.framework = fw;
        self.index = index;
        atoms
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
