//! The marks a figure can use and its legend: a key to exactly the marks the figure uses, and
//! nothing else, so a printed figure explains itself.

use super::{fill, Figure, Shade, Style};
use std::collections::BTreeSet;
use std::fmt::Write;

/// One kind of mark a figure can draw, in the legend's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mark {
    Axiom,
    Premise,
    Accepted,
    Open,
    Rejected,
    Unknown,
    Highlight,
    Strict,
    Defeasible,
    Contradictory,
    Contrary,
    Undercut,
    Preference,
    SameClaim,
}

/// The marks drawn so far.
#[derive(Default)]
pub struct Marks(BTreeSet<Mark>);

impl Marks {
    pub fn add(&mut self, m: Mark) {
        self.0.insert(m);
    }

    pub fn used(&self) -> impl Iterator<Item = Mark> + '_ {
        self.0.iter().copied()
    }
}

/// The legend cluster: a node per node mark, and per edge mark a sample edge from its name.
pub fn draw(out: &mut String, fig: &Figure<'_>, marks: &Marks) {
    if marks.0.is_empty() {
        return;
    }
    out.push_str("  subgraph cluster_legend {\n");
    let _ = writeln!(
        out,
        "    label=\"Legend\"; labeljust=l; labelloc={}; style=dashed; fontsize=9;",
        fig.layout.rankdir.title_on_top()
    );
    out.push_str("    node [fontsize=8, width=0.3, height=0.2];\n");
    let filled = |s: Shade| match (fig.style, fill(s)) {
        (Style::Color, Some(f)) => format!(", style=\"filled\", fillcolor=\"{f}\""),
        _ => String::new(),
    };
    let edge = |out: &mut String, name: &str, attrs: &str, label: &str| {
        out.push_str(&format!(
            "    legend_{name}_a [shape=plaintext, label=\"{label}\"]; legend_{name}_b [shape=point, width=0.03];\n    legend_{name}_a -> legend_{name}_b [{attrs}];\n"
        ));
    };
    // Each node mark gets an invisible partner one rank on, as each edge mark has a head, so
    // the two ranks hold the same entries in the same order and no sample edge bends.
    let pad = |out: &mut String, name: &str| {
        out.push_str(&format!(
            "    legend_{name}_pad [shape=point, style=invis, width=0.01]; legend_{name} -> legend_{name}_pad [style=invis];\n"
        ));
    };
    for m in marks.used() {
        let node = match m {
            Mark::Axiom => Some("axiom"),
            Mark::Premise => Some("premise"),
            Mark::Accepted => Some("accepted"),
            Mark::Open => Some("open"),
            Mark::Rejected => Some("rejected"),
            Mark::Unknown => Some("unknown"),
            Mark::Highlight => Some("highlight"),
            _ => None,
        };
        match m {
            Mark::Axiom => out.push_str("    legend_axiom [shape=box, penwidth=2.2, label=\"axiom\"];\n"),
            Mark::Premise => out.push_str(
                "    legend_premise [shape=box, style=rounded, label=\"premise\"];\n",
            ),
            Mark::Accepted => out.push_str(&format!(
                "    legend_accepted [shape=box, peripheries=2, label=\"accepted\"{}];\n",
                filled(Shade::Accepted)
            )),
            Mark::Open => out.push_str(&format!(
                "    legend_open [shape=box, style=\"dotted{}\", label=\"open\"];\n",
                match (fig.style, fill(Shade::Undecided)) {
                    (Style::Color, Some(f)) => format!(",filled\", fillcolor=\"{f}"),
                    _ => String::new(),
                }
            )),
            Mark::Rejected => out.push_str(
                "    legend_rejected [shape=box, style=dashed, fontcolor=\"gray35\", label=\"rejected\"];\n",
            ),
            Mark::Unknown => out.push_str(
                "    legend_unknown [shape=box, label=\"standing unknown (?)\"];\n",
            ),
            Mark::Highlight => out.push_str(
                "    legend_highlight [shape=box, penwidth=3, fontname=\"Helvetica-Bold\", label=\"divergence\"];\n",
            ),
            Mark::Strict => edge(out, "strict", "style=solid, arrowhead=normal", "strict inference"),
            Mark::Defeasible => edge(out, "defeasible", "style=dashed, arrowhead=onormal", "defeasible inference"),
            Mark::Contradictory => edge(
                out,
                "contradictory",
                "style=bold, dir=both, arrowhead=tee, arrowtail=tee",
                "contradict each other",
            ),
            Mark::Contrary => edge(out, "contrary", "style=bold, arrowhead=tee", "is contrary to"),
            Mark::Undercut => edge(
                out,
                "undercut",
                "style=dotted, penwidth=1.6, arrowhead=tee",
                "undercuts (exception)",
            ),
            Mark::Preference => edge(
                out,
                "preference",
                "style=dotted, color=\"gray50\", arrowhead=vee",
                "preferred over",
            ),
            Mark::SameClaim => edge(
                out,
                "same",
                "style=dotted, dir=none, color=\"gray50\"",
                "same claim, two schools",
            ),
        }
        if let Some(name) = node {
            pad(out, name);
        }
    }
    out.push_str("  }\n");
}
