//! The rules and contrariness a school's arguments are built from: its stated inferences,
//! their closure under transposition (Modgil & Prakken 2013, Def. 3.? after Caminada & Amgoud
//! 2007, Def. 17: for a strict rule φ1..φn → ψ, every φ1..φi-1, −ψ, φi+1..φn → −φi), and the
//! contrariness function ‾ (Modgil & Prakken 2013, Def. 3.1): ψ ∈ ‾φ when ψ is φ's negation,
//! a declared contradictory of φ, or a declared contrary of φ.

use crate::model::{ConflictKind, Literal, RuleId, RuleKind, School};
use std::collections::{HashMap, HashSet};

/// A rule the reasoner uses: a stated inference, or the transposition of a strict one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    pub kind: RuleKind,
    pub antecedents: Vec<Literal>,
    pub consequent: Literal,
    /// The stated inference this rule is, or was transposed from.
    pub origin: RuleId,
    pub transposed: bool,
}

/// The school's rules: the stated ones first (rule `i` is stated inference `i`), then the
/// transpositions that close the strict rules, when asked for.
pub fn effective_rules(school: &School, transposition: bool) -> Vec<Rule> {
    let mut rules: Vec<Rule> = school
        .rules
        .iter()
        .enumerate()
        .map(|(i, r)| Rule {
            kind: r.kind,
            antecedents: distinct(r.antecedents.clone()),
            consequent: r.consequent,
            origin: RuleId(i as u32),
            transposed: false,
        })
        .collect();
    if !transposition {
        return rules;
    }
    let key = |r: &Rule| {
        let mut a = r.antecedents.clone();
        a.sort();
        (a, r.consequent)
    };
    let mut seen: HashSet<(Vec<Literal>, Literal)> = rules
        .iter()
        .filter(|r| r.kind == RuleKind::Strict)
        .map(key)
        .collect();
    // One round suffices: transposing a transposition gives back a rule already present.
    let stated = rules.len();
    for i in 0..stated {
        if rules[i].kind != RuleKind::Strict {
            continue;
        }
        for pos in 0..rules[i].antecedents.len() {
            let mut antecedents = rules[i].antecedents.clone();
            let consequent = antecedents[pos].negate();
            antecedents[pos] = rules[i].consequent.negate();
            let rule = Rule {
                kind: RuleKind::Strict,
                antecedents: distinct(antecedents),
                consequent,
                origin: rules[i].origin,
                transposed: true,
            };
            if seen.insert(key(&rule)) {
                rules.push(rule);
            }
        }
    }
    rules
}

/// Antecedents are a set (Modgil & Prakken 2013, Def. 3.1): a literal written twice, or
/// produced twice by transposition, counts once.
fn distinct(mut literals: Vec<Literal>) -> Vec<Literal> {
    let mut seen = HashSet::new();
    literals.retain(|l| seen.insert(*l));
    literals
}

/// The contrariness function: for each literal, the literals that attack it.
#[derive(Debug, Default)]
pub struct Contrariness {
    against: HashMap<Literal, Vec<Literal>>,
}

impl Contrariness {
    pub fn of(school: &School) -> Self {
        let mut against: HashMap<Literal, Vec<Literal>> = HashMap::new();
        for c in &school.conflicts {
            against.entry(c.to).or_default().push(c.from);
            if c.kind == ConflictKind::Contradictory {
                against.entry(c.from).or_default().push(c.to);
            }
        }
        for v in against.values_mut() {
            v.sort();
            v.dedup();
        }
        Contrariness { against }
    }

    /// Every ψ with ψ ∈ ‾φ: the negation first, then declared conflicts.
    pub fn attackers_of(&self, phi: Literal) -> impl Iterator<Item = Literal> + '_ {
        std::iter::once(phi.negate()).chain(
            self.against
                .get(&phi)
                .into_iter()
                .flatten()
                .copied()
                .filter(move |&p| p != phi.negate()),
        )
    }

    /// ψ ∈ ‾φ.
    pub fn attacks(&self, psi: Literal, phi: Literal) -> bool {
        psi == phi.negate() || self.against.get(&phi).is_some_and(|v| v.contains(&psi))
    }

    /// ψ is a contrary of φ (ψ ∈ ‾φ but φ ∉ ‾ψ): its attacks succeed whatever the preferences.
    pub fn is_contrary(&self, psi: Literal, phi: Literal) -> bool {
        self.attacks(psi, phi) && !self.attacks(phi, psi)
    }

    /// Whether a set of literals holds a conflicting pair; returns one if so.
    pub fn conflict_in(&self, set: &HashSet<Literal>) -> Option<(Literal, Literal)> {
        let mut sorted: Vec<&Literal> = set.iter().collect();
        sorted.sort();
        sorted.into_iter().find_map(|&phi| {
            self.attackers_of(phi)
                .find(|psi| set.contains(psi))
                .map(|psi| (psi, phi))
        })
    }
}
