//! Export of a school in the JSON contract of the py_arg reference oracle
//! (`scripts/pyarg/README.md`), for differential testing against an independent ASPIC+
//! implementation. Strict rules are exported already closed under transposition when asked.

use super::rules::effective_rules;
use super::Options;
use crate::model::{
    Comparison, ConflictKind, Link, Literal, Preferable, PremiseKind, RuleKind, SchoolId, Theory,
};
use serde_json::{json, Value};

fn lit(theory: &Theory, l: Literal) -> String {
    let id = &theory.claim(l.claim).id;
    if l.negated {
        format!("-{id}")
    } else {
        id.clone()
    }
}

/// The school as one oracle input.
pub fn to_pyarg_json(theory: &Theory, school: SchoolId, options: &Options) -> Value {
    let s = theory.school(school);
    let rules = effective_rules(s, options.transposition);
    let name = |i: usize| {
        s.rules[i]
            .name
            .clone()
            .unwrap_or_else(|| format!("unnamed-{i}"))
    };
    let mut strict = Vec::new();
    let mut defeasible = Vec::new();
    for (i, r) in rules.iter().enumerate() {
        let ants: Vec<String> = r.antecedents.iter().map(|l| lit(theory, *l)).collect();
        let entry = json!({ "name": format!("r{i}"), "antecedents": ants, "consequent": lit(theory, r.consequent) });
        match r.kind {
            RuleKind::Strict => strict.push(entry),
            RuleKind::Defeasible => {
                let mut e = entry;
                e["name"] = json!(name(r.origin.0 as usize));
                defeasible.push(e);
            }
        }
    }
    let premises = |k: PremiseKind| -> Vec<String> {
        let mut v: Vec<String> = s
            .premises
            .iter()
            .filter(|p| p.kind == k)
            .map(|p| lit(theory, p.literal))
            .collect();
        v.sort();
        v.dedup();
        v
    };
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
                    Preferable::Rule(r) => name(r.0 as usize),
                    Preferable::Premise(l) => lit(theory, l),
                };
                json!([show(p.better), show(p.worse)])
            })
            .collect()
    };
    let ordering = options.ordering_for(s);
    json!({
        "axioms": premises(PremiseKind::Axiom),
        "premises": premises(PremiseKind::Ordinary),
        "strict": strict,
        "defeasible": defeasible,
        "undercutters": s.exceptions.iter().map(|e| json!([lit(theory, e.literal), name(e.rule.0 as usize)])).collect::<Vec<_>>(),
        "contraries": conflicts(ConflictKind::Contrary),
        "contradictories": conflicts(ConflictKind::Contradictory),
        "rule_preferences": pref(true),
        "premise_preferences": pref(false),
        "ordering": match ordering.link { Link::LastLink => "last-link", Link::WeakestLink => "weakest-link" },
        "comparison": match ordering.comparison { Comparison::Elitist => "elitist", Comparison::Democratic => "democratic" },
        "transposition": options.transposition,
    })
}
