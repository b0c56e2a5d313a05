//! Weakest-link with `prefer` statements as a flat ABA framework, exactly (Modgil & Prakken
//! 2013, Def. 3.23, with Def. 3.19's set comparisons as read in [`crate::aspic::preference`]).
//!
//! Under weakest-link whether an attack by A on a sub-argument B' succeeds depends on all of
//! B''s defeasible rules and ordinary premises, so one assumption per rule cannot carry it.
//! It depends on them only through B''s **strength**: per kind (premises, rules), either
//! "none", or the set of elements below B''s set in the comparison's sense. Elitist: the
//! elements below *every* member, since Γ ◁Eli Γ' iff Γ meets that set. Democratic: the
//! elements below *some* member, since Γ ◁Dem Γ' iff Γ lies inside it. Strengths compose
//! along a derivation (by ∩, resp. ∪), so every derivation step can carry its own: there is
//! one assumption `ν_r^σ` per defeasible rule r and strength σ of some argument whose top
//! rule is r, and atoms are (literal, strength) pairs.
//!
//! When A fails against B' of strength σ (a contrary or an undercut always succeeds):
//! - B' = [φ], an ordinary premise (strict, not firm): A ≺ B' iff Prem_p(A) ◁ {φ};
//! - B' firm (no ordinary premise): iff DefRules(A) ◁ DefRules(B');
//! - otherwise iff Prem_p(A) ◁ Prem_p(B') and DefRules(A) ◁ DefRules(B').
//!
//! A firm or strict A is never weaker where its empty set is compared (Def. 3.19). So the
//! attackers that succeed are a union of **modes**. Elitist: Prem_p(A) avoids a set, or
//! DefRules(A) avoids a set. Democratic: A is firm or strict, or has a premise or a rule
//! outside a set. Each mode is a bit carried along derivations, and bits compose by "or": an
//! avoid-mode's bit records a violation, a some-mode's bit a member. Atoms are therefore
//! (literal, strength, bits), and a mode's attacker atom for ψ is derived from those atoms of
//! ψ whose bit says the mode holds. Which modes are needed depends on the strengths the steps
//! reach, so the derivations are saturated twice: once to find the strengths, once with the
//! modes' bits.
//!
//! An n-ary rule combines its antecedents' keys one antecedent at a time, through atoms for
//! the partial combinations, so the rules grow with the keys, not with their n-th power.
//!
//! The strengths are at most the distinct intersections (unions) of the sets below the
//! preferred elements. That is few for the preferences theorists write, but not bounded in
//! general. Past [`LIMIT`] atoms and rules, or [`STRENGTHS`] strengths, the translation
//! gives up; the caller then builds arguments, and says so if that is cut short.

use super::translate::{Inexact, Setup, Translation};
use crate::aba::Framework;
use crate::hash::FastMap as HashMap;
use crate::model::{Comparison, Literal, RuleKind};
use std::collections::{BTreeSet, VecDeque};

/// The most atoms and rules the translation makes before it gives up.
pub const LIMIT: usize = 2_000_000;
/// The most distinct strengths it keeps (each is a set, so they bound its memory).
pub const STRENGTHS: usize = 20_000;

/// One kind's part of a strength: no element of the kind, or the elements below the set.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Part<T: Ord> {
    Empty,
    Below(BTreeSet<T>),
}

impl<T: Ord + Copy> Part<T> {
    fn join(&self, other: &Self, c: Comparison) -> Self {
        match (self, other) {
            (Part::Empty, x) | (x, Part::Empty) => x.clone(),
            (Part::Below(a), Part::Below(b)) => Part::Below(match c {
                Comparison::Elitist => a.intersection(b).copied().collect(),
                Comparison::Democratic => a.union(b).copied().collect(),
            }),
        }
    }
}

/// What decides, under weakest-link, whether a contradictory attack on an argument succeeds.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Strength {
    premises: Part<Literal>,
    rules: Part<u32>,
}

impl Strength {
    fn join(&self, other: &Self, c: Comparison) -> Self {
        Strength {
            premises: self.premises.join(&other.premises, c),
            rules: self.rules.join(&other.rules, c),
        }
    }
}

/// A property of attacking arguments that is carried along derivations (see the module
/// comment); sets hold stated rule ids or premise literals.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Mode {
    /// Every ordinary premise outside the set (so also a firm argument).
    PremisesAvoid(BTreeSet<Literal>),
    /// Every defeasible rule outside the set (so also a strict argument).
    RulesAvoid(BTreeSet<u32>),
    /// No ordinary premise.
    Firm,
    /// No defeasible rule.
    Strict,
    /// Some ordinary premise outside the set.
    PremisesSomeOutside(BTreeSet<Literal>),
    /// Some defeasible rule outside the set.
    RulesSomeOutside(BTreeSet<u32>),
}

impl Mode {
    /// The bit an ordinary premise φ sets.
    fn premise_bit(&self, phi: Literal) -> bool {
        match self {
            Mode::PremisesAvoid(v) => v.contains(&phi),
            Mode::Firm => true,
            Mode::PremisesSomeOutside(v) => !v.contains(&phi),
            _ => false,
        }
    }

    /// The bit a defeasible rule (stated id) sets.
    fn rule_bit(&self, origin: u32) -> bool {
        match self {
            Mode::RulesAvoid(w) => w.contains(&origin),
            Mode::Strict => true,
            Mode::RulesSomeOutside(w) => !w.contains(&origin),
            _ => false,
        }
    }

    /// Whether an argument whose bit is `bit` has the property.
    fn holds(&self, bit: bool) -> bool {
        match self {
            Mode::PremisesAvoid(_) | Mode::RulesAvoid(_) | Mode::Firm | Mode::Strict => !bit,
            Mode::PremisesSomeOutside(_) | Mode::RulesSomeOutside(_) => bit,
        }
    }
}

/// What a contradictory attack is aimed at.
enum Target<'a> {
    /// An ordinary premise, with the premises below it.
    Premise(&'a BTreeSet<Literal>),
    /// A defeasible step of this strength.
    Step(&'a Strength),
}

/// The modes of the attackers that succeed against the target; `None` when every one does.
fn succeeding(target: Target, c: Comparison) -> Option<Vec<Mode>> {
    // The kinds compared, each with the set an attacker's elements are measured against.
    let (premises, rules) = match target {
        Target::Premise(v) => (Some(v.clone()), None),
        Target::Step(s) => (
            match &s.premises {
                Part::Empty => None,
                Part::Below(v) => Some(v.clone()),
            },
            match &s.rules {
                Part::Empty => None,
                Part::Below(w) => Some(w.clone()),
            },
        ),
    };
    // An empty set: no attacker's set is below the target's, so every attacker succeeds.
    if premises.as_ref().is_some_and(BTreeSet::is_empty)
        || rules.as_ref().is_some_and(BTreeSet::is_empty)
        || (premises.is_none() && rules.is_none())
    {
        return None;
    }
    let mut modes = Vec::new();
    if let Some(v) = premises {
        match c {
            Comparison::Elitist => modes.push(Mode::PremisesAvoid(v)),
            Comparison::Democratic => modes.extend([Mode::Firm, Mode::PremisesSomeOutside(v)]),
        }
    }
    if let Some(w) = rules {
        match c {
            Comparison::Elitist => modes.push(Mode::RulesAvoid(w)),
            Comparison::Democratic => modes.extend([Mode::Strict, Mode::RulesSomeOutside(w)]),
        }
    }
    Some(modes)
}

/// The assumptions of each defeasible rule per strength, and how to find the strength of an
/// argument (to label built arguments by an extension of the framework).
pub struct Steps {
    comparison: Comparison,
    rules_below: HashMap<u32, BTreeSet<u32>>,
    premises_below: HashMap<Literal, BTreeSet<Literal>>,
    by_step: HashMap<(u32, Strength), u32>,
    /// The atoms that combine the first two or more antecedents of an n-ary rule: their
    /// derivations are parts of arguments, not arguments.
    pub combinations: Vec<u32>,
}

impl Steps {
    /// The assumption of the step by rule `rule` (an index) atop an argument with these
    /// ordinary premises and defeasible rules (stated ids, the step's own included).
    pub fn assumption(&self, rule: u32, premises: &[Literal], origins: &[u32]) -> Option<u32> {
        let c = self.comparison;
        let mut s = Strength {
            premises: Part::Empty,
            rules: Part::Empty,
        };
        for p in premises {
            let below = self.premises_below.get(p).cloned().unwrap_or_default();
            s.premises = s.premises.join(&Part::Below(below), c);
        }
        for o in origins {
            let below = self.rules_below.get(o).cloned().unwrap_or_default();
            s.rules = s.rules.join(&Part::Below(below), c);
        }
        self.by_step.get(&(rule, s)).copied()
    }
}

/// A derivation's key: its strength (interned) and its mode bits.
type Key = (u32, Vec<u64>);

enum Item {
    Derived(usize, Key, u32),
    Partial(u32, usize, Key, u32),
}

/// The derivations of a school's literals, keyed by strength and mode bits.
struct Saturation<'s> {
    setup: &'s Setup,
    modes: &'s [Mode],
    framework: Framework,
    strengths: Vec<Strength>,
    strength_id: HashMap<Strength, u32>,
    joins: HashMap<(u32, u32), u32>,
    /// The atom of each (literal, key); per literal, the keys processed so far.
    derived: HashMap<(usize, Key), u32>,
    done: Vec<Vec<(Key, u32)>>,
    /// The atom of each partial combination (rule, antecedents up to a position, key);
    /// position 0 is the first antecedent's own atom.
    partial: HashMap<(u32, usize, Key), u32>,
    partial_done: HashMap<(u32, usize), Vec<(Key, u32)>>,
    /// Per literal, the (rule, position) where it is an antecedent.
    uses: Vec<Vec<(u32, usize)>>,
    /// The assumption of each step (rule, strength).
    steps: HashMap<(u32, u32), u32>,
    premise_assumption: HashMap<Literal, u32>,
    queue: VecDeque<Item>,
    rules_made: usize,
}

impl<'s> Saturation<'s> {
    fn run(setup: &'s Setup, modes: &'s [Mode]) -> Result<Self, Inexact> {
        let mut uses = vec![Vec::new(); setup.literals.len()];
        for (r, rule) in setup.rules.iter().enumerate() {
            for (i, a) in rule.antecedents.iter().enumerate() {
                uses[setup.index[a]].push((r as u32, i));
            }
        }
        let mut s = Saturation {
            setup,
            modes,
            framework: Framework::new(0),
            strengths: Vec::new(),
            strength_id: HashMap::default(),
            joins: HashMap::default(),
            derived: HashMap::default(),
            done: vec![Vec::new(); setup.literals.len()],
            partial: HashMap::default(),
            partial_done: HashMap::default(),
            uses,
            steps: HashMap::default(),
            premise_assumption: HashMap::default(),
            queue: VecDeque::new(),
            rules_made: 0,
        };
        let zero = vec![0u64; modes.len().div_ceil(64)];
        let none = s.intern(Strength {
            premises: Part::Empty,
            rules: Part::Empty,
        });
        for &l in &setup.axioms {
            let a = s.derive(setup.index[&l], (none, zero.clone()));
            s.rule(a, Vec::new());
        }
        for &phi in &setup.ordinary {
            let asm = s.framework.add_atom();
            s.framework.add_assumption(asm);
            s.premise_assumption.insert(phi, asm);
            let below = setup.premises_below.get(&phi).cloned().unwrap_or_default();
            let strength = s.intern(Strength {
                premises: Part::Below(below),
                rules: Part::Empty,
            });
            let mut bits = zero.clone();
            for (k, m) in modes.iter().enumerate() {
                if m.premise_bit(phi) {
                    bits[k / 64] |= 1 << (k % 64);
                }
            }
            let a = s.derive(setup.index[&phi], (strength, bits));
            s.rule(a, vec![asm]);
        }
        for (r, rule) in setup.rules.iter().enumerate() {
            if rule.antecedents.is_empty() {
                s.finish(r as u32, (none, zero.clone()), None);
            }
        }
        while let Some(item) = s.queue.pop_front() {
            if s.framework.atom_count() + s.rules_made > LIMIT || s.strengths.len() > STRENGTHS {
                return Err(Inexact(format!(
                    "weakest-link with `prefer` statements: the exact translation needs more \
                     than {LIMIT} atoms and rules or {STRENGTHS} strengths (the preferences \
                     give the arguments that many ways to differ in strength)"
                )));
            }
            match item {
                Item::Derived(l, key, atom) => s.derived_done(l, key, atom),
                Item::Partial(r, i, key, atom) => s.partial_done(r, i, key, atom),
            }
        }
        Ok(s)
    }

    fn rule(&mut self, head: u32, body: Vec<u32>) {
        self.rules_made += 1;
        self.framework.add_rule(head, body);
    }

    fn intern(&mut self, s: Strength) -> u32 {
        if let Some(&id) = self.strength_id.get(&s) {
            return id;
        }
        let id = self.strengths.len() as u32;
        self.strengths.push(s.clone());
        self.strength_id.insert(s, id);
        id
    }

    fn join(&mut self, a: &Key, b: &Key) -> Key {
        let (x, y) = (a.0.min(b.0), a.0.max(b.0));
        let strength = match self.joins.get(&(x, y)) {
            Some(&j) => j,
            None => {
                let joined = self.strengths[x as usize]
                    .join(&self.strengths[y as usize], self.setup.ordering.comparison);
                let j = self.intern(joined);
                self.joins.insert((x, y), j);
                j
            }
        };
        let bits = a.1.iter().zip(&b.1).map(|(p, q)| p | q).collect();
        (strength, bits)
    }

    /// The atom of (literal, key), queued when new.
    fn derive(&mut self, l: usize, key: Key) -> u32 {
        if let Some(&a) = self.derived.get(&(l, key.clone())) {
            return a;
        }
        let a = self.framework.add_atom();
        self.derived.insert((l, key.clone()), a);
        self.queue.push_back(Item::Derived(l, key, a));
        a
    }

    /// The atom of a partial combination, queued when new.
    fn partial(&mut self, r: u32, i: usize, key: Key) -> u32 {
        if let Some(&a) = self.partial.get(&(r, i, key.clone())) {
            return a;
        }
        let a = self.framework.add_atom();
        self.partial.insert((r, i, key.clone()), a);
        self.queue.push_back(Item::Partial(r, i, key, a));
        a
    }

    fn derived_done(&mut self, l: usize, key: Key, atom: u32) {
        for u in 0..self.uses[l].len() {
            let (r, i) = self.uses[l][u];
            if i == 0 {
                self.partial.insert((r, 0, key.clone()), atom);
                self.queue.push_back(Item::Partial(r, 0, key.clone(), atom));
                continue;
            }
            let before = self.partial_done.get(&(r, i - 1)).map_or(0, Vec::len);
            for j in 0..before {
                let (k, a) = self.partial_done[&(r, i - 1)][j].clone();
                let joined = self.join(&k, &key);
                let head = self.partial(r, i, joined);
                self.rule(head, vec![a, atom]);
            }
        }
        self.done[l].push((key, atom));
    }

    fn partial_done(&mut self, r: u32, i: usize, key: Key, atom: u32) {
        let rule = &self.setup.rules[r as usize];
        if i + 1 == rule.antecedents.len() {
            self.finish(r, key.clone(), Some(atom));
        } else {
            let next = self.setup.index[&rule.antecedents[i + 1]];
            for j in 0..self.done[next].len() {
                let (k, a) = self.done[next][j].clone();
                let joined = self.join(&key, &k);
                let head = self.partial(r, i + 1, joined);
                self.rule(head, vec![atom, a]);
            }
        }
        self.partial_done
            .entry((r, i))
            .or_default()
            .push((key, atom));
    }

    /// The rule's conclusion from the combination of its antecedents (`body`, none for a
    /// rule without antecedents); a defeasible rule adds itself and its step's assumption.
    fn finish(&mut self, r: u32, key: Key, body: Option<u32>) {
        let rule = &self.setup.rules[r as usize];
        let c = self.setup.index[&rule.consequent];
        let mut body: Vec<u32> = body.into_iter().collect();
        if rule.kind == RuleKind::Strict {
            let head = self.derive(c, key);
            self.rule(head, body);
            return;
        }
        let origin = rule.origin.0;
        let below = self
            .setup
            .rules_below
            .get(&origin)
            .cloned()
            .unwrap_or_default();
        let own = self.intern(Strength {
            premises: Part::Empty,
            rules: Part::Below(below),
        });
        let mut bits = vec![0u64; key.1.len()];
        for (k, m) in self.modes.iter().enumerate() {
            if m.rule_bit(origin) {
                bits[k / 64] |= 1 << (k % 64);
            }
        }
        let key = self.join(&key, &(own, bits));
        let asm = match self.steps.get(&(r, key.0)) {
            Some(&a) => a,
            None => {
                let a = self.framework.add_atom();
                self.framework.add_assumption(a);
                self.steps.insert((r, key.0), a);
                a
            }
        };
        body.push(asm);
        let head = self.derive(c, key);
        self.rule(head, body);
    }

    fn bit(key: &Key, k: usize) -> bool {
        key.1[k / 64] >> (k % 64) & 1 == 1
    }
}

/// The school's framework under weakest-link with preferences (see the module comment).
pub(super) fn translate(setup: Setup) -> Result<Translation, Inexact> {
    let c = setup.ordering.comparison;
    let contrariness = &setup.contrariness;
    // Contradictory attacks, each with its target: a premise, or a step (rule, strength).
    let premise_attacks = |phi: Literal| {
        contrariness
            .attackers_of(phi)
            .filter(move |&psi| !contrariness.is_contrary(psi, phi))
            .filter(|psi| setup.index.contains_key(psi))
            .collect::<Vec<_>>()
    };
    let no_premises = BTreeSet::new();
    let below = |phi: &Literal| setup.premises_below.get(phi).unwrap_or(&no_premises);
    // Pass 1: the strengths the steps reach, hence the modes the attacks need.
    let mut modes: Vec<Mode> = Vec::new();
    {
        let first = Saturation::run(&setup, &[])?;
        let mut need = |ms: Option<Vec<Mode>>| {
            for m in ms.into_iter().flatten() {
                if !modes.contains(&m) {
                    modes.push(m);
                }
            }
        };
        for phi in &setup.ordinary {
            if !premise_attacks(*phi).is_empty() {
                need(succeeding(Target::Premise(below(phi)), c));
            }
        }
        let mut steps: Vec<(u32, u32)> = first.steps.keys().copied().collect();
        steps.sort();
        for (r, strength) in steps {
            if !premise_attacks(setup.rules[r as usize].consequent).is_empty() {
                need(succeeding(
                    Target::Step(&first.strengths[strength as usize]),
                    c,
                ));
            }
        }
    }
    // Pass 2: the derivations with the modes' bits.
    let mut s = Saturation::run(&setup, &modes)?;
    let plain: Vec<u32> = (0..setup.literals.len())
        .map(|_| s.framework.add_atom())
        .collect();
    for (l, &p) in plain.iter().enumerate() {
        for j in 0..s.done[l].len() {
            let atom = s.done[l][j].1;
            s.rule(p, vec![atom]);
        }
    }
    let mut mode_atoms: HashMap<(usize, usize), u32> = HashMap::default();
    let mut attack = |s: &mut Saturation, asm: u32, psi: Literal, ms: &Option<Vec<Mode>>| {
        let i = setup.index[&psi];
        let Some(ms) = ms else {
            s.framework.add_contrary(asm, plain[i]);
            return;
        };
        for m in ms {
            let k = modes
                .iter()
                .position(|x| x == m)
                .expect("every mode was collected");
            let atom = *mode_atoms.entry((k, i)).or_insert_with(|| {
                let head = s.framework.add_atom();
                for j in 0..s.done[i].len() {
                    let (key, atom) = s.done[i][j].clone();
                    if modes[k].holds(Saturation::bit(&key, k)) {
                        s.rule(head, vec![atom]);
                    }
                }
                head
            });
            s.framework.add_contrary(asm, atom);
        }
    };
    for phi in &setup.ordinary {
        let asm = s.premise_assumption[phi];
        for psi in contrariness.attackers_of(*phi) {
            if !setup.index.contains_key(&psi) {
                continue;
            }
            let ms = if contrariness.is_contrary(psi, *phi) {
                None
            } else {
                succeeding(Target::Premise(below(phi)), c)
            };
            attack(&mut s, asm, psi, &ms);
        }
    }
    let mut steps: Vec<((u32, u32), u32)> = s.steps.iter().map(|(&k, &a)| (k, a)).collect();
    steps.sort();
    for ((r, strength), asm) in steps {
        let rule = &setup.rules[r as usize];
        for psi in contrariness.attackers_of(rule.consequent) {
            if !setup.index.contains_key(&psi) {
                continue;
            }
            let ms = if contrariness.is_contrary(psi, rule.consequent) {
                None
            } else {
                succeeding(Target::Step(&s.strengths[strength as usize]), c)
            };
            attack(&mut s, asm, psi, &ms);
        }
        for e in setup.exceptions.get(&rule.origin).into_iter().flatten() {
            attack(&mut s, asm, *e, &None);
        }
    }
    let by_step = s
        .steps
        .iter()
        .map(|(&(r, strength), &a)| ((r, s.strengths[strength as usize].clone()), a))
        .collect();
    // Position 0 is the first antecedent's own atom, an argument.
    let mut combinations: Vec<u32> = (s.partial.iter())
        .filter(|&(&(_, i, _), _)| i > 0)
        .map(|(_, &atom)| atom)
        .collect();
    combinations.sort_unstable();
    let steps = Steps {
        comparison: c,
        rules_below: setup.rules_below.clone(),
        premises_below: setup.premises_below.clone(),
        by_step,
        combinations,
    };
    let premise_assumption = std::mem::take(&mut s.premise_assumption);
    let framework = std::mem::replace(&mut s.framework, Framework::new(0));
    drop(s);
    Ok(setup.finish(
        framework,
        &plain,
        premise_assumption,
        HashMap::default(),
        Some(steps),
    ))
}
