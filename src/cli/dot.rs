//! `agon dot`: a figure of one or more schools as Graphviz DOT, or rendered by Graphviz when
//! `--output` names an .svg, .pdf or .png file.

use super::Outcome;
use agon::render::dot::{self, Figure, Labels, Style};
use std::path::PathBuf;
use std::process::{Command, Stdio};

#[derive(clap::Args)]
pub struct DotArgs {
    /// Theory files or folders (default: `theories/`).
    paths: Vec<PathBuf>,
    /// Schools to draw (repeat or separate with commas; default: all).
    #[arg(long = "school", value_delimiter = ',')]
    schools: Vec<String>,
    /// `paper` (black and white) or `color`.
    #[arg(long, value_enum, default_value = "paper")]
    style: Style,
    /// Label claims by id or by sentence.
    #[arg(long, value_enum, default_value = "id")]
    labels: Labels,
    #[command(flatten)]
    reasoning: super::ReasoningArgs,
    /// Write here instead of standard output; .svg, .pdf and .png are rendered with Graphviz.
    #[arg(long, short)]
    output: Option<PathBuf>,
}

pub fn run(args: DotArgs) -> Outcome {
    let (ws, schools) = match super::open_schools(args.paths, &args.schools) {
        Ok(found) => found,
        Err(outcome) => return outcome,
    };
    let mut reasoner = args.reasoning.reasoner(&ws.theory);
    for &s in &schools {
        if let Some(why) = reasoner.unknown(s, args.reasoning.semantics) {
            eprintln!(
                "warning: the standings of `{}` are unknown (drawn with \"(?)\"): {why}",
                ws.theory.school(s).name
            );
        }
    }
    let shades: std::collections::HashMap<_, _> = schools
        .iter()
        .flat_map(|&s| {
            let standings = reasoner.standings(s, args.reasoning.semantics).clone();
            standings
                .into_iter()
                .map(move |(l, st)| ((s, l), shade(st)))
        })
        .collect();
    let text = dot::render(&Figure {
        theory: &ws.theory,
        schools,
        style: args.style,
        labels: args.labels,
        highlight: &|_, _| false,
        shade: &|s, l| shades.get(&(s, l)).copied(),
    });
    match args.output {
        None => {
            out!("{text}");
            Outcome::Clean
        }
        Some(path) => write_figure(&path, &text),
    }
}

/// How a standing is drawn.
pub fn shade(standing: agon::diverge::Standing) -> dot::Shade {
    use agon::diverge::Standing;
    match standing {
        Standing::Accepted => dot::Shade::Accepted,
        Standing::Credulous => dot::Shade::Credulous,
        Standing::Undecided => dot::Shade::Undecided,
        Standing::Rejected => dot::Shade::Rejected,
        Standing::NotAddressed => dot::Shade::Unsupported,
        Standing::Unknown => dot::Shade::Unknown,
    }
}

/// Writes DOT as is, or asks Graphviz to render it in the format the extension names.
pub fn write_figure(path: &std::path::Path, text: &str) -> Outcome {
    let format = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("dot")
        .to_ascii_lowercase();
    if !matches!(format.as_str(), "svg" | "pdf" | "png") {
        return match std::fs::write(path, text) {
            Ok(()) => Outcome::Clean,
            Err(e) => {
                eprintln!("error: cannot write {}: {e}", path.display());
                Outcome::Usage
            }
        };
    }
    let child = Command::new("dot")
        .arg(format!("-T{format}"))
        .arg("-o")
        .arg(path)
        .stdin(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(_) => {
            eprintln!(
                "error: rendering {} needs Graphviz's `dot`, which is not installed.\n\
                 help: install Graphviz (Debian/Ubuntu: `apt-get install graphviz`; macOS: `brew install graphviz`),\n\
                 \x20     or write DOT text instead: `--output figure.dot`",
                path.display()
            );
            return Outcome::Usage;
        }
    };
    use std::io::Write;
    let written = child.stdin.take().map(|mut s| s.write_all(text.as_bytes()));
    match (written, child.wait()) {
        (Some(Ok(())), Ok(status)) if status.success() => Outcome::Clean,
        _ => {
            eprintln!("error: Graphviz could not render {}", path.display());
            Outcome::Findings
        }
    }
}
