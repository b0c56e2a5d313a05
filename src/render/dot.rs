//! Graphviz DOT figures that print well in black and white. One cluster per school; claims
//! are boxes with wrapped text; inferences are small nodes; the kinds of edge differ by line
//! style and arrowhead, statuses by border, so nothing depends on colour (`--style color` adds
//! fills on top). Output is deterministic: nodes and edges in statement order.

use crate::graph::{school_graph, Edge, Node};
use crate::model::{ConflictKind, Literal, PremiseKind, RuleKind, SchoolId, Theory};
use std::fmt::Write;

/// What the reasoner concluded about a claim, as far as a figure shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shade {
    Accepted,
    Credulous,
    Undecided,
    Rejected,
    Unsupported,
    /// agon cannot vouch for the standing: the label ends in " (?)".
    Unknown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Style {
    /// Black and white: line styles, borders and arrowheads carry every distinction.
    #[default]
    Paper,
    /// The same, with fills for statuses.
    Color,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Labels {
    /// Claim ids (`self-help`).
    #[default]
    Id,
    /// Claim sentences, wrapped.
    Text,
}

/// What to draw and how.
pub struct Figure<'a> {
    pub theory: &'a Theory,
    pub schools: Vec<SchoolId>,
    pub style: Style,
    pub labels: Labels,
    /// Marks claims and nodes that a divergence report singles out (drawn heavier).
    pub highlight: &'a dyn Fn(SchoolId, Literal) -> bool,
    pub shade: &'a dyn Fn(SchoolId, Literal) -> Option<Shade>,
}

/// Renders the figure as DOT text.
pub fn render(fig: &Figure<'_>) -> String {
    let mut out = String::new();
    out.push_str("digraph agon {\n");
    out.push_str("  graph [rankdir=BT, fontname=\"Helvetica\", fontsize=11, nodesep=0.3, ranksep=0.45, newrank=true];\n");
    out.push_str("  node [fontname=\"Helvetica\", fontsize=10];\n");
    out.push_str("  edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7];\n");
    for &school in &fig.schools {
        cluster(&mut out, fig, school);
    }
    legend(&mut out, fig);
    out.push_str("}\n");
    out
}

fn cluster(out: &mut String, fig: &Figure<'_>, sid: SchoolId) {
    let t = fig.theory;
    let school = t.school(sid);
    let g = school_graph(school);
    let prefix = format!("s{}", sid.0);
    let node_id = |n: Node| match n {
        Node::Claim(l) => format!(
            "{prefix}_c{}{}",
            l.claim.0,
            if l.negated { "n" } else { "" }
        ),
        Node::Rule(r) => format!("{prefix}_r{}", r.0),
    };
    let _ = writeln!(out, "  subgraph cluster_{prefix} {{");
    let _ = writeln!(
        out,
        "    label={}; labeljust=l; labelloc=b; style=solid; penwidth=1.2;",
        quote(&school.title)
    );
    for n in g.graph.node_weights() {
        match *n {
            Node::Claim(l) => {
                let premise = school
                    .premises
                    .iter()
                    .find(|p| p.literal == l)
                    .map(|p| p.kind);
                let text = match fig.labels {
                    Labels::Id => t.show(l),
                    Labels::Text => wrap(&t.sentence(l), 28),
                };
                let mut attrs = vec![format!("label={}", quote(&text)), "shape=box".to_string()];
                let mut styles = Vec::new();
                match premise {
                    Some(PremiseKind::Axiom) => attrs.push("penwidth=2.2".into()),
                    Some(PremiseKind::Ordinary) => styles.push("rounded"),
                    None => {}
                }
                match (fig.shade)(sid, l) {
                    Some(Shade::Accepted) => attrs.push("peripheries=2".into()),
                    Some(Shade::Rejected) => {
                        styles.push("dashed");
                        attrs.push("fontcolor=\"gray35\"".into());
                    }
                    Some(Shade::Undecided | Shade::Credulous) => styles.push("dotted"),
                    Some(Shade::Unknown) => {
                        attrs[0] = format!("label={}", quote(&format!("{text} (?)")));
                    }
                    _ => {}
                }
                if fig.style == Style::Color {
                    if let Some(fill) = (fig.shade)(sid, l).and_then(fill) {
                        styles.push("filled");
                        attrs.push(format!("fillcolor=\"{fill}\""));
                    }
                }
                if (fig.highlight)(sid, l) {
                    attrs.push("penwidth=3".into());
                    attrs.push("fontname=\"Helvetica-Bold\"".into());
                }
                if !styles.is_empty() {
                    attrs.push(format!("style=\"{}\"", styles.join(",")));
                }
                let _ = writeln!(out, "    {} [{}];", node_id(*n), attrs.join(", "));
            }
            Node::Rule(r) => {
                let rule = school.rule(r);
                let shape = match rule.kind {
                    RuleKind::Strict => "shape=square, style=filled, fillcolor=black",
                    RuleKind::Defeasible => "shape=circle, style=solid",
                };
                let tip = rule.name.clone().unwrap_or_default();
                let _ = writeln!(
                    out,
                    "    {} [{shape}, label=\"\", xlabel={}, width=0.12, height=0.12, fixedsize=true, fontsize=8];",
                    node_id(*n),
                    quote(&tip)
                );
            }
        }
    }
    for e in g.graph.edge_indices() {
        let (a, b) = g.graph.edge_endpoints(e).expect("edge of this graph");
        let (na, nb) = (g.graph[a], g.graph[b]);
        let kind_of = |n: Node| match n {
            Node::Rule(r) => Some(school.rule(r).kind),
            Node::Claim(_) => None,
        };
        let attrs = match g.graph[e] {
            Edge::PremiseOf | Edge::Concludes => match kind_of(na).or(kind_of(nb)) {
                Some(RuleKind::Strict) => "style=solid, arrowhead=normal",
                _ => "style=dashed, arrowhead=onormal",
            },
            Edge::Conflicts(ConflictKind::Contradictory) => {
                // Drawn once, with a tee at both ends.
                if b < a {
                    continue;
                }
                "style=bold, dir=both, arrowhead=tee, arrowtail=tee, constraint=false"
            }
            Edge::Conflicts(ConflictKind::Contrary) => {
                "style=bold, arrowhead=tee, constraint=false"
            }
            Edge::Undercuts => "style=dotted, penwidth=1.6, arrowhead=tee",
            Edge::PreferredOver => {
                "style=dotted, color=\"gray50\", arrowhead=vee, label=\">\", constraint=false"
            }
        };
        let _ = writeln!(out, "    {} -> {} [{attrs}];", node_id(na), node_id(nb));
    }
    out.push_str("  }\n");
}

fn fill(shade: Shade) -> Option<&'static str> {
    match shade {
        Shade::Accepted => Some("#d9f0d3"),
        Shade::Rejected => Some("#f4cccc"),
        Shade::Undecided | Shade::Credulous => Some("#fff2cc"),
        Shade::Unsupported | Shade::Unknown => None,
    }
}

/// A key to every line style and border used, so a printed figure explains itself.
fn legend(out: &mut String, fig: &Figure<'_>) {
    out.push_str("  subgraph cluster_legend {\n");
    out.push_str("    label=\"Legend\"; labeljust=l; labelloc=b; style=dashed; fontsize=9;\n");
    out.push_str("    node [fontsize=8, width=0.3, height=0.2];\n");
    let color = |s| {
        if fig.style == Style::Color {
            fill(s).map(|f| format!(", style=\"filled\", fillcolor=\"{f}\""))
        } else {
            None
        }
    };
    let _ = writeln!(
        out,
        "    legend_axiom [shape=box, penwidth=2.2, label=\"axiom\"];"
    );
    let _ = writeln!(
        out,
        "    legend_premise [shape=box, style=rounded, label=\"premise\"];"
    );
    let _ = writeln!(
        out,
        "    legend_accepted [shape=box, peripheries=2, label=\"accepted\"{}];",
        color(Shade::Accepted).unwrap_or_default()
    );
    let _ = writeln!(
        out,
        "    legend_undecided [shape=box, style=dotted, label=\"undecided\"];"
    );
    let _ = writeln!(
        out,
        "    legend_rejected [shape=box, style=dashed, fontcolor=\"gray35\", label=\"rejected\"];"
    );
    out.push_str("    legend_strict [shape=square, style=filled, fillcolor=black, label=\"\", width=0.12, height=0.12, fixedsize=true];\n");
    out.push_str("    legend_defeasible [shape=circle, label=\"\", width=0.12, height=0.12, fixedsize=true];\n");
    out.push_str(
        "    legend_a [shape=plaintext, label=\"\"]; legend_b [shape=plaintext, label=\"\"];\n",
    );
    out.push_str(
        "    legend_axiom -> legend_strict [style=solid, arrowhead=normal, label=\"strict\"];\n",
    );
    out.push_str("    legend_premise -> legend_defeasible [style=dashed, arrowhead=onormal, label=\"defeasible\"];\n");
    out.push_str(
        "    legend_accepted -> legend_rejected [style=bold, arrowhead=tee, label=\"attacks\"];\n",
    );
    out.push_str("    legend_a -> legend_b [style=dotted, penwidth=1.6, arrowhead=tee, label=\"undercuts\"];\n");
    out.push_str("  }\n");
}

/// A DOT string literal.
fn quote(s: &str) -> String {
    let mut q = String::with_capacity(s.len() + 2);
    q.push('"');
    for c in s.chars() {
        match c {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            '\n' => q.push_str("\\n"),
            c => q.push(c),
        }
    }
    q.push('"');
    q
}

/// Breaks a sentence into lines of at most `width` characters, at spaces.
fn wrap(text: &str, width: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_wrap_at_spaces_and_quotes_escape() {
        assert_eq!(
            wrap("No authority stands above sovereign states.", 20),
            "No authority stands\nabove sovereign\nstates."
        );
        assert_eq!(quote("say \"hi\"\nnow"), "\"say \\\"hi\\\"\\nnow\"");
    }
}
