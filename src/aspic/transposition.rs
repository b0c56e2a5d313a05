//! Closure of a school's strict rules under transposition (Caminada & Amgoud 2007, Def. 17
//! and the transposition operator `Cl_tp` after it; Modgil & Prakken 2013, Sect. 4): for a
//! strict rule `S → ψ` and each `φ ∈ S`, the rule `(S \ {φ}) ∪ {−ψ} → −φ`.
//!
//! Antecedents are sets (Modgil & Prakken 2013, Def. 3.1), so a transposition can lose an
//! antecedent that `−ψ` duplicates: `a, ¬b → b` gives `¬b → ¬a`, whose transposition is
//! `a → b`, not in the first rule's orbit. One round over the stated rules is therefore not
//! enough in general; the closure is taken with a worklist until nothing new appears. It
//! terminates because every rule it makes is over the literals of one stated rule and their
//! negations, and rules are deduplicated by (antecedent set, consequent). Each derived rule
//! remembers the stated rule it came from, so explanations and diagnostics can point at it.

use super::rules::Rule;
use crate::hash::FastSet;
use crate::model::{Literal, RuleKind};

/// What identifies a strict rule: its antecedent set (sorted) and consequent.
pub(crate) fn key(rule: &Rule) -> (Vec<Literal>, Literal) {
    let mut a = rule.antecedents.clone();
    a.sort();
    (a, rule.consequent)
}

/// Adds to `rules` every transposition of its strict rules, to closure. Rules already
/// present are not repeated; the order of `rules` is kept, new rules come after it in the
/// order they are found (so the result depends only on the order of the input).
pub fn close(rules: &mut Vec<Rule>) {
    let mut seen: FastSet<(Vec<Literal>, Literal)> = rules
        .iter()
        .filter(|r| r.kind == RuleKind::Strict)
        .map(key)
        .collect();
    // A rule whose literals stay distinct under transposition (its consequent's negation is
    // not an antecedent) has as its closure exactly its own transpositions: they all read
    // the same clause `¬a1 ∨ … ∨ ¬an ∨ ψ` with another literal as conclusion. Each such
    // clause is transposed once, which keeps a rule of n antecedents at O(n² log n) rather
    // than transposing every transposition again (finding 10).
    let mut clauses: FastSet<Vec<Literal>> = FastSet::default();
    let mut next = 0;
    while next < rules.len() {
        let i = next;
        next += 1;
        if rules[i].kind != RuleKind::Strict {
            continue;
        }
        let r = &rules[i];
        if !r.antecedents.contains(&r.consequent.negate()) {
            let mut clause: Vec<Literal> = r.antecedents.iter().map(|a| a.negate()).collect();
            clause.push(r.consequent);
            clause.sort();
            if !clauses.insert(clause) {
                continue;
            }
        }
        for pos in 0..rules[i].antecedents.len() {
            let rule = transpose(&rules[i], pos);
            if seen.insert(key(&rule)) {
                rules.push(rule);
            }
        }
    }
}

/// The transposition of a strict rule on its antecedent at `pos`.
pub fn transpose(rule: &Rule, pos: usize) -> Rule {
    let mut antecedents = rule.antecedents.clone();
    let consequent = antecedents[pos].negate();
    antecedents[pos] = rule.consequent.negate();
    Rule {
        kind: RuleKind::Strict,
        antecedents: distinct(antecedents),
        consequent,
        origin: rule.origin,
        transposed: true,
    }
}

/// Antecedents are a set: a literal written twice, or produced twice, counts once.
pub(crate) fn distinct(mut literals: Vec<Literal>) -> Vec<Literal> {
    if literals.len() <= 16 {
        // Short lists (nearly all): a scan beats hashing.
        let mut kept = 0;
        for i in 0..literals.len() {
            if !literals[..kept].contains(&literals[i]) {
                literals[kept] = literals[i];
                kept += 1;
            }
        }
        literals.truncate(kept);
        return literals;
    }
    let mut seen = FastSet::default();
    literals.retain(|l| seen.insert(*l));
    literals
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ClaimId, RuleId};

    fn l(i: u32) -> Literal {
        Literal::pos(ClaimId(i))
    }

    fn strict(ants: &[Literal], cons: Literal) -> Rule {
        Rule {
            kind: RuleKind::Strict,
            antecedents: ants.to_vec(),
            consequent: cons,
            origin: RuleId(0),
            transposed: false,
        }
    }

    fn keys(rules: &[Rule]) -> FastSet<(Vec<Literal>, Literal)> {
        rules.iter().map(key).collect()
    }

    #[test]
    fn a_rule_with_n_antecedents_has_n_transpositions() {
        let (a, b, c) = (l(0), l(1), l(2));
        let mut rules = vec![strict(&[a, b], c)];
        close(&mut rules);
        assert_eq!(rules.len(), 3);
        let expected = keys(&[
            strict(&[a, b], c),
            strict(&[c.negate(), b], a.negate()),
            strict(&[a, c.negate()], b.negate()),
        ]);
        assert_eq!(keys(&rules), expected);
        assert!(rules[1..].iter().all(|r| r.transposed));
    }

    /// `a, ¬b → b` transposes to `¬b → ¬a` (the set {¬b, ¬b} is {¬b}), which transposes to
    /// `a → b`: a second round is needed.
    #[test]
    fn closure_iterates_past_the_first_round() {
        let (a, b) = (l(0), l(1));
        let mut rules = vec![strict(&[a, b.negate()], b)];
        close(&mut rules);
        let got = keys(&rules);
        assert!(got.contains(&(vec![b.negate()], a.negate())), "{rules:?}");
        assert!(got.contains(&(vec![a], b)), "{rules:?}");
        // Closed: transposing anything gives a rule already there.
        for r in &rules {
            for pos in 0..r.antecedents.len() {
                assert!(got.contains(&key(&transpose(r, pos))));
            }
        }
    }

    #[test]
    fn defeasible_rules_are_not_transposed() {
        let mut rules = vec![Rule {
            kind: RuleKind::Defeasible,
            ..strict(&[l(0)], l(1))
        }];
        close(&mut rules);
        assert_eq!(rules.len(), 1);
    }

    /// `φ → φ` transposes to `¬φ → ¬φ`; both are harmless (no argument uses them, since an
    /// argument may not repeat a conclusion on a branch) and the closure stays finite.
    #[test]
    fn degenerate_rules_close_finitely() {
        let a = l(0);
        let mut rules = vec![strict(&[a], a), strict(&[a, a.negate()], l(1))];
        close(&mut rules);
        assert!(keys(&rules).contains(&(vec![a.negate()], a.negate())));
        assert!(rules.len() < 10, "{rules:?}");
    }
}
