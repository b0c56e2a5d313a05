//! The rules and contrariness a school's arguments are built from: its stated inferences,
//! closed under transposition when asked ([`super::transposition`]), and the contrariness
//! function ‾ (Modgil & Prakken 2013, Def. 3.1): ψ ∈ ‾φ when ψ is φ's negation, a declared
//! contradictory of φ, or a declared contrary of φ (`φ` is then a contrary of nothing back).

use super::transposition::{self, distinct};
use crate::model::{ConflictKind, Literal, RuleId, RuleKind, School};
use std::collections::{HashMap, HashSet};

/// A rule the reasoner uses: a stated inference, or the transposition of a strict one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    pub kind: RuleKind,
    /// A set: no literal twice.
    pub antecedents: Vec<Literal>,
    pub consequent: Literal,
    /// The stated inference this rule is, or was transposed from.
    pub origin: RuleId,
    pub transposed: bool,
}

/// The school's rules: the stated ones first, in order, then the transpositions that close
/// the strict rules, when asked for. Rules are sets (Modgil & Prakken 2013, Def. 3.1): a
/// strict rule stated twice (say, by a school and the school it extends) is one rule, and so
/// is an unnamed defeasible rule stated twice; the first statement is kept. Named defeasible
/// rules are always distinct: their names may carry exceptions and preferences.
pub fn effective_rules(school: &School, transposition: bool) -> Vec<Rule> {
    let mut seen: crate::hash::FastSet<(RuleKind, Vec<Literal>, Literal)> =
        crate::hash::FastSet::default();
    let mut rules: Vec<Rule> = Vec::with_capacity(school.rules.len());
    for (i, r) in school.rules.iter().enumerate() {
        let rule = Rule {
            kind: r.kind,
            antecedents: distinct(r.antecedents.clone()),
            consequent: r.consequent,
            origin: RuleId(i as u32),
            transposed: false,
        };
        let anonymous = r.kind == RuleKind::Strict || r.name.is_none();
        let (ants, cons) = transposition::key(&rule);
        if anonymous && !seen.insert((r.kind, ants, cons)) {
            continue;
        }
        rules.push(rule);
    }
    if transposition {
        transposition::close(&mut rules);
    }
    rules
}

/// The contrariness function: for each literal, the literals that attack it.
#[derive(Debug, Default)]
pub struct Contrariness {
    against: HashMap<Literal, Vec<Literal>>,
    /// Literals declared contrary to themselves (`X is contrary to X`).
    self_contrary: HashSet<Literal>,
}

impl Contrariness {
    pub fn of(school: &School) -> Self {
        let mut against: HashMap<Literal, Vec<Literal>> = HashMap::new();
        let mut self_contrary = HashSet::new();
        for c in &school.conflicts {
            if c.from == c.to && c.kind == ConflictKind::Contrary {
                self_contrary.insert(c.from);
            }
            against.entry(c.to).or_default().push(c.from);
            if c.kind == ConflictKind::Contradictory {
                against.entry(c.from).or_default().push(c.to);
            }
        }
        for v in against.values_mut() {
            v.sort();
            v.dedup();
        }
        Contrariness {
            against,
            self_contrary,
        }
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
        if psi == phi {
            return self.self_contrary.contains(&phi);
        }
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
