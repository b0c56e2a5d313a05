//! Graphviz DOT figures that print well in black and white. One cluster per school
//! ([`cluster`]); claims are boxes, inferences small nodes (named ones carry their name inside,
//! so a label cannot drift to a neighbour); the kinds of edge differ by line style and
//! arrowhead, statuses by border, so nothing depends on colour (`--style color` adds fills on
//! top). Several schools are joined by their conflicts and shared claims ([`joint`]); a figure
//! can be cropped to one claim's neighbourhood ([`focus`]), turned, sized to a column and
//! captioned ([`Layout`]); its legend lists exactly the marks it uses ([`legend`]). Output is
//! deterministic: nodes and edges in statement order.
//!
//! The DOT avoids what Graphviz 2.43 (Debian and Ubuntu LTS) cannot lay out: no `newrank`,
//! no rank constraints, and edges between clusters never constrain ranks.

mod cluster;
pub mod focus;
mod joint;
mod legend;

pub use focus::Focus;
pub use legend::Mark;

use crate::graph::Node;
use crate::model::{Citation, Literal, SchoolId, Theory};
use std::fmt::Write;
use std::str::FromStr;

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

/// Which way inferences point. The default, `LR`, reads from premises on the left to
/// conclusions on the right; a school's many premises then stack in a column, so its figure is
/// about as tall as wide (the bundled schools: 0.4 to 1.7 : 1) where `BT`, premises at the
/// bottom, puts them in one row (up to 11 : 1) and shrinks the text of a figure fitted to a
/// column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum RankDir {
    #[value(name = "TB")]
    Tb,
    #[value(name = "BT")]
    Bt,
    #[default]
    #[value(name = "LR")]
    Lr,
    #[value(name = "RL")]
    Rl,
}

impl RankDir {
    fn dot(self) -> &'static str {
        match self {
            RankDir::Tb => "TB",
            RankDir::Bt => "BT",
            RankDir::Lr => "LR",
            RankDir::Rl => "RL",
        }
    }

    /// `labelloc` that puts a cluster's title on top: Graphviz flips it under `BT`.
    fn title_on_top(self) -> &'static str {
        match self {
            RankDir::Bt => "b",
            _ => "t",
        }
    }
}

/// A figure's printed width (`--width 8cm`, `3.5in`, `85mm`), in inches for Graphviz.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Width {
    pub inches: f64,
}

impl FromStr for Width {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let s = s.trim();
        let split = s
            .find(|c: char| c.is_ascii_alphabetic())
            .ok_or_else(|| format!("`{s}` has no unit: write e.g. `8cm`, `85mm` or `3.5in`"))?;
        let (number, unit) = s.split_at(split);
        let value: f64 = number
            .trim()
            .parse()
            .map_err(|_| format!("`{number}` is not a number"))?;
        let per_inch = match unit {
            "in" => 1.0,
            "cm" => 2.54,
            "mm" => 25.4,
            "pt" => 72.0,
            _ => return Err(format!("unknown unit `{unit}`: use cm, mm, in or pt")),
        };
        if !(value.is_finite() && value > 0.0) {
            return Err(format!("the width must be positive, not `{number}`"));
        }
        Ok(Width {
            inches: value / per_inch,
        })
    }
}

/// How the figure is laid out and annotated.
#[derive(Clone, Debug, Default)]
pub struct Layout {
    pub rankdir: RankDir,
    /// Scale the figure down to this width (never up).
    pub width: Option<Width>,
    pub caption: Option<String>,
    /// Citations under claims and inferences, as "Author year, locator".
    pub cite: bool,
    /// Draw only this claim's neighbourhood.
    pub focus: Option<Focus>,
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
    pub layout: Layout,
}

/// Renders the figure as DOT text.
pub fn render(fig: &Figure<'_>) -> String {
    let mut marks = legend::Marks::default();
    let mut body = String::new();
    let mut drawn = Vec::new();
    for &school in &fig.schools {
        if let Some(nodes) = cluster::draw(&mut body, fig, school, &mut marks) {
            drawn.push((school, nodes));
        }
    }
    joint::draw(&mut body, fig, &drawn, &mut marks);
    let mut out = String::new();
    out.push_str("digraph agon {\n");
    let _ = write!(
        out,
        "  graph [rankdir={}, fontname=\"Helvetica\", fontsize=11, nodesep=0.3, ranksep=0.45",
        fig.layout.rankdir.dot()
    );
    if let Some(w) = fig.layout.width {
        // Scale down to the column; the height is left free.
        let _ = write!(out, ", size=\"{:.2},100\"", w.inches);
    }
    if let Some(caption) = &fig.layout.caption {
        let _ = write!(out, ", label={}, labelloc=b, labeljust=c", quote(caption));
    }
    out.push_str("];\n");
    out.push_str("  node [fontname=\"Helvetica\", fontsize=10];\n");
    out.push_str("  edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7];\n");
    out.push_str(&body);
    legend::draw(&mut out, fig, &marks);
    out.push_str("}\n");
    out
}

/// The fill `--style color` gives a standing.
fn fill(shade: Shade) -> Option<&'static str> {
    match shade {
        Shade::Accepted => Some("#d9f0d3"),
        Shade::Rejected => Some("#f4cccc"),
        Shade::Undecided | Shade::Credulous => Some("#fff2cc"),
        Shade::Unsupported | Shade::Unknown => None,
    }
}

/// The DOT id of a node of a school's cluster.
fn node_id(school: SchoolId, n: Node) -> String {
    match n {
        Node::Claim(l) => format!(
            "s{}_c{}{}",
            school.0,
            l.claim.0,
            if l.negated { "n" } else { "" }
        ),
        Node::Rule(r) => format!("s{}_r{}", school.0, r.0),
    }
}

/// Citations as a paper prints them: "Waltz 1979, p. 88" (author and year read from the
/// source's reference), else the source key.
fn citations(theory: &Theory, cite: &[Citation]) -> Option<String> {
    if cite.is_empty() {
        return None;
    }
    let one = |c: &Citation| {
        let source = theory.sources.iter().find(|s| s.key == c.source);
        let short = source.and_then(|s| author_year(&s.reference));
        let name = short.unwrap_or_else(|| c.source.clone());
        let name = match &c.prefix {
            Some(pre) => format!("{pre} {name}"),
            None => name,
        };
        let name = match &c.locator {
            // "p. 88" stays on one line when the label wraps.
            Some(loc) => format!("{name}, {}", loc.replace(' ', "\u{a0}")),
            None => name,
        };
        match c.stance {
            Some(s) => format!("{name} ({})", s.word()),
            None => name,
        }
    };
    Some(cite.iter().map(one).collect::<Vec<_>>().join("; "))
}

/// "Waltz, K. N. (1979). Theory ..." → "Waltz 1979".
fn author_year(reference: &str) -> Option<String> {
    let author = reference.split([',', '(']).next()?.trim();
    let bytes = reference.as_bytes();
    let year = (0..bytes.len().saturating_sub(3)).find_map(|i| {
        let y = reference.get(i..i + 4)?;
        let bounded = (i == 0 || !bytes[i - 1].is_ascii_digit())
            && bytes.get(i + 4).is_none_or(|b| !b.is_ascii_digit());
        (bounded && y.bytes().all(|b| b.is_ascii_digit())).then_some(y)
    })?;
    (!author.is_empty() && author.len() <= 40).then(|| format!("{author} {year}"))
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

/// Breaks a sentence into lines of at most `width` characters, at spaces (not at no-break
/// spaces).
fn wrap(text: &str, width: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split([' ', '\t', '\n']).filter(|w| !w.is_empty()) {
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

    #[test]
    fn widths_read_in_any_unit() {
        let w = |s: &str| {
            s.parse::<Width>()
                .map(|w| (w.inches * 100.0).round() / 100.0)
        };
        assert_eq!(w("8cm"), Ok(3.15));
        assert_eq!(w("85mm"), Ok(3.35));
        assert_eq!(w("3.5in"), Ok(3.5));
        assert!(w("8").unwrap_err().contains("no unit"));
        assert!(w("8furlong").unwrap_err().contains("unknown unit"));
        assert!(w("-2cm").is_err());
    }

    #[test]
    fn citations_read_author_and_year_from_the_reference() {
        assert_eq!(
            author_year("Waltz, K. N. (1979). Theory of International Politics."),
            Some("Waltz 1979".into())
        );
        assert_eq!(
            author_year("Ardam et al. (2021). A comparison, 12345 words."),
            Some("Ardam et al. 2021".into())
        );
        assert_eq!(author_year("no year here"), None);
    }
}
