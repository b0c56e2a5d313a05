//! A school's statements as version-independent signatures: each premise, inference,
//! exception, preference, conflict and ordering written out with claim ids (never with indices
//! or positions), so two versions of a theory compare statement by statement however files
//! were reordered or reformatted. Each signature carries the claims it mentions and where it
//! stands in its version.

use crate::model::{ConflictKind, Literal, Preferable, PremiseKind, RuleKind, School, Theory};
use crate::source::Span;
use std::collections::BTreeMap;

/// One statement of a school, as a signature.
#[derive(Clone, Debug)]
pub struct Statement {
    /// What kind of statement: premise, axiom, inference, exception, preference, conflict,
    /// ordering.
    pub kind: &'static str,
    /// The claim ids it mentions (without `not`).
    pub mentions: Vec<String>,
    pub span: Span,
}

/// Every statement of a (flattened) school, keyed by its signature text.
pub fn of_school(theory: &Theory, school: &School) -> BTreeMap<String, Statement> {
    let mut out = BTreeMap::new();
    let claim = |l: Literal| theory.claim(l.claim).id.clone();
    let rule_text = |r: &crate::model::Rule| {
        let mut ants: Vec<String> = r.antecedents.iter().map(|l| theory.show(*l)).collect();
        ants.sort();
        let verb = match r.kind {
            RuleKind::Strict => "follows from",
            RuleKind::Defeasible => "usually follows from",
        };
        format!("{} {verb} {}", theory.show(r.consequent), ants.join(", "))
    };
    for p in &school.premises {
        let kind = match p.kind {
            PremiseKind::Axiom => "axiom",
            PremiseKind::Ordinary => "premise",
        };
        out.insert(
            format!("{kind} {}", theory.show(p.literal)),
            Statement {
                kind,
                mentions: vec![claim(p.literal)],
                span: p.span,
            },
        );
    }
    for r in &school.rules {
        let mut mentions: Vec<String> = r.antecedents.iter().map(|l| claim(*l)).collect();
        mentions.push(claim(r.consequent));
        out.insert(
            rule_text(r),
            Statement {
                kind: "inference",
                mentions,
                span: r.span,
            },
        );
    }
    for e in &school.exceptions {
        let r = school.rule(e.rule);
        out.insert(
            format!(
                "({}) does not apply when {}",
                rule_text(r),
                theory.show(e.literal)
            ),
            Statement {
                kind: "exception",
                mentions: vec![claim(r.consequent), claim(e.literal)],
                span: e.span,
            },
        );
    }
    for p in &school.preferences {
        let side = |x: Preferable| match x {
            Preferable::Rule(r) => {
                let r = school.rule(r);
                (format!("({})", rule_text(r)), claim(r.consequent))
            }
            Preferable::Premise(l) => (theory.show(l), claim(l)),
        };
        let ((better, b), (worse, w)) = (side(p.better), side(p.worse));
        out.insert(
            format!("prefer {better} over {worse}"),
            Statement {
                kind: "preference",
                mentions: vec![b, w],
                span: p.span,
            },
        );
    }
    for c in &school.conflicts {
        let text = match c.kind {
            ConflictKind::Contradictory => {
                let (a, b) = (theory.show(c.from), theory.show(c.to));
                let (a, b) = if a <= b { (a, b) } else { (b, a) };
                format!("{a} contradicts {b}")
            }
            ConflictKind::Contrary => {
                format!(
                    "{} is contrary to {}",
                    theory.show(c.from),
                    theory.show(c.to)
                )
            }
        };
        out.insert(
            text,
            Statement {
                kind: "conflict",
                mentions: vec![claim(c.from), claim(c.to)],
                span: c.span,
            },
        );
    }
    let o = school.ordering;
    out.insert(
        format!("ordering {:?} {:?}", o.link, o.comparison).to_lowercase(),
        Statement {
            kind: "ordering",
            mentions: Vec::new(),
            span: school.span,
        },
    );
    out
}

/// The claims a claim's standing can depend on in a school: those it can be derived from,
/// and those that can attack it or what it is derived from (through conflicts, negation and
/// exceptions), transitively. Claim-level (a claim stands for itself and its negation).
pub fn cone(theory: &Theory, school: &School, claim: &str) -> std::collections::HashSet<String> {
    use std::collections::{HashMap, HashSet};
    let id = |l: Literal| theory.claim(l.claim).id.as_str();
    let mut feeds: HashMap<&str, Vec<&str>> = HashMap::new();
    for (i, r) in school.rules.iter().enumerate() {
        let c = id(r.consequent);
        let entry = feeds.entry(c).or_default();
        entry.extend(r.antecedents.iter().map(|l| id(*l)));
        entry.extend(
            school
                .exceptions
                .iter()
                .filter(|e| e.rule.0 as usize == i)
                .map(|e| id(e.literal)),
        );
    }
    for c in &school.conflicts {
        feeds.entry(id(c.to)).or_default().push(id(c.from));
        feeds.entry(id(c.from)).or_default().push(id(c.to));
    }
    let mut seen: HashSet<String> = HashSet::new();
    let mut stack = vec![claim];
    while let Some(c) = stack.pop() {
        if !seen.insert(c.to_string()) {
            continue;
        }
        if let Some(next) = feeds.get(c) {
            stack.extend(next.iter().copied());
        }
    }
    seen
}
