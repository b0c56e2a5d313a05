//! One school's cluster: its claims (border by kind and standing), its inferences (named ones
//! carry the name inside the node) and the edges between them, cropped to the figure's focus.

use super::legend::{Mark, Marks};
use super::{citations, node_id, quote, wrap, Figure, Labels, Shade, Style};
use crate::graph::{school_graph, Edge, Node};
use crate::model::{ConflictKind, PremiseKind, RuleKind, SchoolId};
use std::collections::HashSet;
use std::fmt::Write;

/// Draws the school; returns the nodes drawn, or `None` when the focus leaves nothing of it.
pub fn draw(
    out: &mut String,
    fig: &Figure<'_>,
    sid: SchoolId,
    marks: &mut Marks,
) -> Option<HashSet<Node>> {
    let t = fig.theory;
    let school = t.school(sid);
    let g = school_graph(school);
    let keep: HashSet<Node> = match &fig.layout.focus {
        Some(f) => f.neighbourhood(school, &g)?,
        None => g.graph.node_weights().copied().collect(),
    };
    let _ = writeln!(out, "  subgraph cluster_s{} {{", sid.0);
    let _ = writeln!(
        out,
        "    label={}; labeljust=l; labelloc={}; style=solid; penwidth=1.2;",
        quote(&school.title),
        fig.layout.rankdir.title_on_top()
    );
    for n in g.graph.node_weights().filter(|n| keep.contains(n)) {
        let attrs = match *n {
            Node::Claim(l) => {
                let premise = school.premises.iter().find(|p| p.literal == l);
                let mut text = match fig.labels {
                    Labels::Id => t.show(l),
                    Labels::Text => wrap(&t.sentence(l), 28),
                };
                let shade = (fig.shade)(sid, l);
                if shade == Some(Shade::Unknown) {
                    text.push_str(" (?)");
                    marks.add(Mark::Unknown);
                }
                if fig.layout.cite {
                    if let Some(c) = premise.and_then(|p| citations(t, &p.cite)) {
                        text = format!("{text}\n{}", wrap(&c, 30));
                    }
                }
                let mut attrs = vec![format!("label={}", quote(&text)), "shape=box".to_string()];
                let mut styles = Vec::new();
                match premise.map(|p| p.kind) {
                    Some(PremiseKind::Axiom) => {
                        attrs.push("penwidth=2.2".into());
                        marks.add(Mark::Axiom);
                    }
                    Some(PremiseKind::Ordinary) => {
                        styles.push("rounded");
                        marks.add(Mark::Premise);
                    }
                    None => {}
                }
                match shade {
                    Some(Shade::Accepted) => {
                        attrs.push("peripheries=2".into());
                        marks.add(Mark::Accepted);
                    }
                    Some(Shade::Rejected) => {
                        styles.push("dashed");
                        attrs.push("fontcolor=\"gray35\"".into());
                        marks.add(Mark::Rejected);
                    }
                    Some(Shade::Undecided | Shade::Credulous) => {
                        styles.push("dotted");
                        marks.add(Mark::Open);
                    }
                    _ => {}
                }
                if fig.style == Style::Color {
                    if let Some(fill) = shade.and_then(super::fill) {
                        styles.push("filled");
                        attrs.push(format!("fillcolor=\"{fill}\""));
                    }
                }
                if (fig.highlight)(sid, l) {
                    attrs.push("penwidth=3".into());
                    attrs.push("fontname=\"Helvetica-Bold\"".into());
                    marks.add(Mark::Highlight);
                }
                if !styles.is_empty() {
                    attrs.push(format!("style=\"{}\"", styles.join(",")));
                }
                attrs.join(", ")
            }
            Node::Rule(r) => {
                let rule = school.rule(r);
                let mut name = rule.name.clone().unwrap_or_default();
                if fig.layout.cite {
                    if let Some(c) = citations(t, &rule.cite).map(|c| wrap(&c, 24)) {
                        name = if name.is_empty() {
                            c
                        } else {
                            format!("{name}\n{c}")
                        };
                    }
                }
                match (rule.kind, name.is_empty()) {
                    (RuleKind::Strict, true) => "shape=square, style=filled, fillcolor=black, label=\"\", width=0.12, height=0.12, fixedsize=true".into(),
                    (RuleKind::Defeasible, true) => "shape=circle, label=\"\", width=0.12, height=0.12, fixedsize=true".into(),
                    (RuleKind::Strict, false) => format!(
                        "shape=box, style=filled, fillcolor=black, fontcolor=white, label={}, fontsize=8, width=0.1, height=0.1, margin=\"0.04,0.01\"",
                        quote(&name)
                    ),
                    (RuleKind::Defeasible, false) => format!(
                        "shape=ellipse, label={}, fontsize=8, width=0.1, height=0.1, margin=\"0.02,0.01\"",
                        quote(&name)
                    ),
                }
            }
        };
        let _ = writeln!(out, "    {} [{attrs}];", node_id(sid, *n));
    }
    for e in g.graph.edge_indices() {
        let (a, b) = g.graph.edge_endpoints(e).expect("edge of this graph");
        let (na, nb) = (g.graph[a], g.graph[b]);
        if !keep.contains(&na) || !keep.contains(&nb) {
            continue;
        }
        let kind_of = |n: Node| match n {
            Node::Rule(r) => Some(school.rule(r).kind),
            Node::Claim(_) => None,
        };
        let (mark, attrs) = match g.graph[e] {
            Edge::PremiseOf | Edge::Concludes => match kind_of(na).or(kind_of(nb)) {
                Some(RuleKind::Strict) => (Mark::Strict, "style=solid, arrowhead=normal"),
                _ => (Mark::Defeasible, "style=dashed, arrowhead=onormal"),
            },
            Edge::Conflicts(ConflictKind::Contradictory) => {
                // Drawn once, with a tee at both ends.
                if b < a {
                    continue;
                }
                (
                    Mark::Contradictory,
                    "style=bold, dir=both, arrowhead=tee, arrowtail=tee, constraint=false",
                )
            }
            Edge::Conflicts(ConflictKind::Contrary) => (
                Mark::Contrary,
                "style=bold, arrowhead=tee, constraint=false",
            ),
            Edge::Undercuts => (Mark::Undercut, "style=dotted, penwidth=1.6, arrowhead=tee"),
            Edge::PreferredOver => (
                Mark::Preference,
                "style=dotted, color=\"gray50\", arrowhead=vee, label=\">\", constraint=false",
            ),
        };
        marks.add(mark);
        let _ = writeln!(
            out,
            "    {} -> {} [{attrs}];",
            node_id(sid, na),
            node_id(sid, nb)
        );
    }
    out.push_str("  }\n");
    Some(keep)
}
