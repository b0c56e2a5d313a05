//! Export of a school in the JSON contract of the py_arg reference oracle
//! (`scripts/pyarg/README.md`), for differential testing against an independent ASPIC+
//! implementation. Negation is written `-a`. Strict rules are exported as agon uses them:
//! deduplicated and, when transposition is on, already closed under it. Rules are named by
//! their given names, else `s0, s1, ...` (strict) and `d0, d1, ...` (defeasible), skipping
//! any name a rule already has.

use super::rules::{effective_rules, Rule};
use super::Options;
use crate::model::{
    Comparison, ConflictKind, Link, Literal, Preferable, PremiseKind, RuleId, RuleKind, SchoolId,
    Theory,
};
use serde_json::{json, Value};
use std::collections::{BTreeSet, HashMap, HashSet};

fn lit(theory: &Theory, l: Literal) -> String {
    let id = &theory.claim(l.claim).id;
    if l.negated {
        format!("-{id}")
    } else {
        id.clone()
    }
}

/// The name of each effective rule: its stated name (stated rules, not transpositions), else
/// the next free `s<k>` or `d<k>`.
fn rule_names(theory: &Theory, school: SchoolId, rules: &[Rule]) -> Vec<String> {
    let s = theory.school(school);
    let given = |r: &Rule| {
        (!r.transposed)
            .then(|| s.rule(r.origin).name.clone())
            .flatten()
    };
    let mut used: HashSet<String> = rules.iter().filter_map(given).collect();
    let mut counters = [0usize; 2];
    rules
        .iter()
        .map(|r| {
            given(r).unwrap_or_else(|| {
                let (prefix, k) = match r.kind {
                    RuleKind::Strict => ("s", &mut counters[0]),
                    RuleKind::Defeasible => ("d", &mut counters[1]),
                };
                loop {
                    let name = format!("{prefix}{k}");
                    *k += 1;
                    if used.insert(name.clone()) {
                        return name;
                    }
                }
            })
        })
        .collect()
}

/// The school as one oracle input.
pub fn to_pyarg_json(theory: &Theory, school: SchoolId, options: &Options) -> Value {
    let s = theory.school(school);
    let rules = effective_rules(s, options.transposition);
    let names = rule_names(theory, school, &rules);
    // Exceptions and preferences name stated defeasible rules, each one effective rule.
    let by_origin: HashMap<RuleId, &str> = rules
        .iter()
        .zip(&names)
        .filter(|(r, _)| r.kind == RuleKind::Defeasible)
        .map(|(r, n)| (r.origin, n.as_str()))
        .collect();
    let stated_name = |id: RuleId| {
        by_origin
            .get(&id)
            .map(|n| n.to_string())
            .or_else(|| s.rule(id).name.clone())
            .unwrap_or_else(|| format!("rule-{}", id.0))
    };
    let mut strict = Vec::new();
    let mut defeasible = Vec::new();
    for (r, name) in rules.iter().zip(&names) {
        let ants: Vec<String> = r.antecedents.iter().map(|l| lit(theory, *l)).collect();
        let entry =
            json!({ "name": name, "antecedents": ants, "consequent": lit(theory, r.consequent) });
        match r.kind {
            RuleKind::Strict => strict.push(entry),
            RuleKind::Defeasible => defeasible.push(entry),
        }
    }
    // A literal both axiom and premise is an axiom to agon, so only there.
    let axioms: BTreeSet<String> = s
        .premises
        .iter()
        .filter(|p| p.kind == PremiseKind::Axiom)
        .map(|p| lit(theory, p.literal))
        .collect();
    let premises: BTreeSet<String> = s
        .premises
        .iter()
        .filter(|p| p.kind == PremiseKind::Ordinary)
        .map(|p| lit(theory, p.literal))
        .filter(|l| !axioms.contains(l))
        .collect();
    let conflicts = |k: ConflictKind| -> Vec<Value> {
        s.conflicts
            .iter()
            .filter(|c| c.kind == k)
            .map(|c| json!([lit(theory, c.from), lit(theory, c.to)]))
            .collect()
    };
    let pref = |rule: bool| -> Vec<Value> {
        s.preferences
            .iter()
            .filter(|p| matches!(p.better, Preferable::Rule(_)) == rule)
            .map(|p| {
                let show = |x: Preferable| match x {
                    Preferable::Rule(r) => stated_name(r),
                    Preferable::Premise(l) => lit(theory, l),
                };
                json!([show(p.better), show(p.worse)])
            })
            .collect()
    };
    let undercutters: Vec<Value> = s
        .exceptions
        .iter()
        .map(|e| json!([lit(theory, e.literal), stated_name(e.rule)]))
        .collect();
    let ordering = options.ordering_for(s);
    json!({
        "axioms": axioms,
        "premises": premises,
        "strict": strict,
        "defeasible": defeasible,
        "undercutters": undercutters,
        "contraries": conflicts(ConflictKind::Contrary),
        "contradictories": conflicts(ConflictKind::Contradictory),
        "rule_preferences": pref(true),
        "premise_preferences": pref(false),
        "ordering": match ordering.link { Link::LastLink => "last-link", Link::WeakestLink => "weakest-link" },
        "comparison": match ordering.comparison { Comparison::Elitist => "elitist", Comparison::Democratic => "democratic" },
        "transposition": options.transposition,
    })
}
