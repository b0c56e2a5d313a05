//! A school as GraphML (for yEd, Gephi, networkx): a node per claim literal and per inference,
//! edges from antecedents to an inference and from it to its conclusion, and edges for
//! conflicts, exceptions (undercuts) and preferences, each with its kind. Claim nodes carry the
//! school's grounded standing, so a layout tool can colour by it.

use crate::diverge::Standing;
use crate::model::{ConflictKind, Literal, Preferable, RuleKind, SchoolId, Theory};
use std::collections::BTreeMap;
use std::fmt::Write;

/// The school as a GraphML document; `standing` gives a literal's standing, and `unknown`
/// why some standings are unknown (written on the graph, so no reader takes an `unknown`
/// node for a verdict).
pub fn export(
    theory: &Theory,
    school: SchoolId,
    standing: &dyn Fn(Literal) -> Standing,
    unknown: Option<&str>,
) -> String {
    let s = theory.school(school);
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n\
         \x20 <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n\
         \x20 <key id=\"text\" for=\"node\" attr.name=\"text\" attr.type=\"string\"/>\n\
         \x20 <key id=\"kind\" for=\"all\" attr.name=\"kind\" attr.type=\"string\"/>\n\
         \x20 <key id=\"standing\" for=\"node\" attr.name=\"standing\" attr.type=\"string\"/>\n\
         \x20 <key id=\"unknown\" for=\"graph\" attr.name=\"unknown\" attr.type=\"string\"/>\n",
    );
    let _ = writeln!(
        out,
        "  <graph id=\"{}\" edgedefault=\"directed\">",
        xml(&s.name)
    );
    if let Some(why) = unknown {
        let _ = writeln!(out, "    <data key=\"unknown\">{}</data>", xml(why));
    }
    let literals = super::literals(s);
    let premise: BTreeMap<Literal, &str> = s
        .premises
        .iter()
        .map(|p| {
            (
                p.literal,
                if p.kind == crate::model::PremiseKind::Axiom {
                    "axiom"
                } else {
                    "premise"
                },
            )
        })
        .collect();
    let id = |l: Literal| format!("c{}{}", l.claim.0, if l.negated { "n" } else { "" });
    for &l in &literals {
        let _ = writeln!(
            out,
            "    <node id=\"{}\"><data key=\"label\">{}</data><data key=\"text\">{}</data><data key=\"kind\">{}</data><data key=\"standing\">{}</data></node>",
            id(l),
            xml(&theory.show(l)),
            xml(&theory.sentence(l)),
            premise.get(&l).copied().unwrap_or("claim"),
            standing(l).word()
        );
    }
    let mut edges = 0usize;
    let mut edge = |out: &mut String, from: &str, to: &str, kind: &str| {
        edges += 1;
        let _ = writeln!(
            out,
            "    <edge id=\"e{edges}\" source=\"{from}\" target=\"{to}\"><data key=\"kind\">{kind}</data></edge>"
        );
    };
    for (i, r) in s.rules.iter().enumerate() {
        let rid = format!("r{i}");
        let kind = if r.kind == RuleKind::Strict {
            "strict"
        } else {
            "defeasible"
        };
        let label = r.name.clone().unwrap_or_default();
        let _ = writeln!(
            out,
            "    <node id=\"{rid}\"><data key=\"label\">{}</data><data key=\"kind\">{kind}</data></node>",
            xml(&label)
        );
        for a in &r.antecedents {
            edge(&mut out, &id(*a), &rid, "antecedent");
        }
        edge(&mut out, &rid, &id(r.consequent), "conclusion");
    }
    for &l in &literals {
        if !l.negated && literals.contains(&l.negate()) {
            edge(&mut out, &id(l), &id(l.negate()), "contradicts");
            edge(&mut out, &id(l.negate()), &id(l), "contradicts");
        }
    }
    for c in &s.conflicts {
        let kind = match c.kind {
            ConflictKind::Contradictory => "contradicts",
            ConflictKind::Contrary => "contrary",
        };
        edge(&mut out, &id(c.from), &id(c.to), kind);
        if c.kind == ConflictKind::Contradictory {
            edge(&mut out, &id(c.to), &id(c.from), kind);
        }
    }
    for e in &s.exceptions {
        edge(
            &mut out,
            &id(e.literal),
            &format!("r{}", e.rule.0),
            "undercut",
        );
    }
    for p in &s.preferences {
        let side = |x: Preferable| match x {
            Preferable::Rule(r) => format!("r{}", r.0),
            Preferable::Premise(l) => id(l),
        };
        edge(&mut out, &side(p.better), &side(p.worse), "preferred-over");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

/// Text escaped for XML content and attributes.
fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
