//! `agon dot`: a figure of one or more schools as Graphviz DOT, or rendered by Graphviz when
//! `--output` names an .svg, .pdf or .png file. The figure options ([`FigureArgs`]) are shared
//! with `agon diverge --format dot`. A rendered file appears whole or not at all: Graphviz
//! writes beside it and the result is renamed into place only when Graphviz succeeds.

use super::Outcome;
use agon::model::{SchoolId, Theory};
use agon::render::dot::{self, Figure, Focus, Labels, Layout, RankDir, Style, Width};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// How a figure is drawn, cropped, laid out and annotated.
#[derive(clap::Args)]
pub struct FigureArgs {
    /// `paper` (black and white) or `color`.
    #[arg(long, value_enum, default_value = "paper")]
    style: Style,
    /// Label claims by id or by sentence.
    #[arg(long, value_enum, default_value = "id")]
    labels: Labels,
    /// Draw only this claim's neighbourhood: the claims within `--depth` steps of it (a step
    /// crosses one inference, conflict, exception or preference); schools that do not mention
    /// it are left out.
    #[arg(long, value_name = "CLAIM")]
    focus: Option<String>,
    /// How many steps `--focus` reaches.
    #[arg(long, default_value_t = 2, requires = "focus")]
    depth: usize,
    /// Which way inferences point: LR (premises on the left, conclusions on the right), RL,
    /// BT (premises below conclusions) or TB.
    #[arg(long, value_enum, default_value = "LR")]
    rankdir: RankDir,
    /// Scale the figure down to this printed width (e.g. `8cm`, `85mm`, `3.5in`).
    #[arg(long, value_parser = parse_width)]
    width: Option<Width>,
    /// A caption under the figure.
    #[arg(long)]
    caption: Option<String>,
    /// Print citations (author, year and page) under premises and inferences.
    #[arg(long)]
    cite: bool,
}

fn parse_width(s: &str) -> Result<Width, String> {
    s.parse()
}

impl FigureArgs {
    /// The figure of `schools` (those that mention the focus claim, with `--focus`); a usage
    /// error when the focus names no claim or no drawn school mentions it.
    pub fn figure<'a>(
        &self,
        theory: &'a Theory,
        schools: &[SchoolId],
        highlight: &'a dyn Fn(SchoolId, agon::model::Literal) -> bool,
        shade: &'a dyn Fn(SchoolId, agon::model::Literal) -> Option<dot::Shade>,
    ) -> Result<Figure<'a>, Outcome> {
        let focus = match &self.focus {
            None => None,
            Some(name) => {
                let claim = super::literal(theory, name)?.claim;
                let focus = Focus {
                    claim,
                    depth: self.depth,
                };
                let mentions = |s: &SchoolId| {
                    let school = theory.school(*s);
                    focus
                        .neighbourhood(school, &agon::graph::school_graph(school))
                        .is_some()
                };
                if !schools.iter().any(mentions) {
                    eprintln!(
                        "error: no school drawn mentions `{}`\nhelp: name a school that argues about it with --school, or focus on another claim",
                        theory.claim(claim).id
                    );
                    return Err(Outcome::Usage);
                }
                Some(focus)
            }
        };
        Ok(Figure {
            theory,
            schools: schools.to_vec(),
            style: self.style,
            labels: self.labels,
            highlight,
            shade,
            layout: Layout {
                rankdir: self.rankdir,
                width: self.width,
                caption: self.caption.clone(),
                cite: self.cite,
                focus,
            },
        })
    }
}

#[derive(clap::Args)]
pub struct DotArgs {
    /// Theory files or folders (default: `theories/`).
    paths: Vec<PathBuf>,
    /// Schools to draw (repeat or separate with commas; default: all).
    #[arg(long = "school", value_delimiter = ',')]
    schools: Vec<String>,
    #[command(flatten)]
    figure: FigureArgs,
    #[command(flatten)]
    reasoning: super::ReasoningArgs,
    /// Write here instead of standard output (`-`: standard output); .svg, .pdf and .png are
    /// rendered with Graphviz.
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
    let shade = |s, l| shades.get(&(s, l)).copied();
    let text = match args
        .figure
        .figure(&ws.theory, &schools, &|_, _| false, &shade)
    {
        Ok(figure) => dot::render(&figure),
        Err(outcome) => return outcome,
    };
    match args.output.filter(|p| p.as_os_str() != "-") {
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

/// Writes DOT as is, or asks Graphviz to render it in the format the extension names. Either
/// way the file is written beside its destination and renamed into place, so a failure leaves
/// no partial file; a Graphviz failure is one line (its first error) and exit 2.
pub fn write_figure(path: &Path, text: &str) -> Outcome {
    let format = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("dot")
        .to_ascii_lowercase();
    let name = path
        .file_name()
        .map_or("figure".into(), |n| n.to_string_lossy().into_owned());
    let partial = path.with_file_name(format!(".{name}.agon-partial-{}", std::process::id()));
    let written = if matches!(format.as_str(), "svg" | "pdf" | "png") {
        graphviz(&format, &partial, text)
    } else {
        std::fs::write(&partial, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    let placed = written.and_then(|()| {
        std::fs::rename(&partial, path).map_err(|e| format!("cannot write {}: {e}", path.display()))
    });
    match placed {
        Ok(()) => Outcome::Clean,
        Err(why) => {
            let _ = std::fs::remove_file(&partial);
            eprintln!("error: {why}");
            Outcome::Usage
        }
    }
}

/// Runs Graphviz's `dot`, writing to `to`; on failure, the reason in one line.
fn graphviz(format: &str, to: &Path, text: &str) -> Result<(), String> {
    let mut command = Command::new("dot");
    if format == "png" {
        // Print resolution: a figure sized with --width keeps its printed size.
        command.arg("-Gdpi=300");
    }
    let child = command
        .arg(format!("-T{format}"))
        .arg("-o")
        .arg(to)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = child.map_err(|_| {
        "rendering needs Graphviz's `dot`, which is not installed.\n\
         help: install Graphviz (Debian/Ubuntu: `apt-get install graphviz`; macOS: `brew install graphviz`),\n\
         \x20     or write DOT text instead: `--output figure.dot`"
            .to_string()
    })?;
    use std::io::Write;
    let fed = child.stdin.take().map(|mut s| s.write_all(text.as_bytes()));
    let out = child
        .wait_with_output()
        .map_err(|e| format!("Graphviz did not finish: {e}"))?;
    if out.status.success() && fed.is_some_and(|r| r.is_ok()) {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    let first = stderr
        .lines()
        .find(|l| l.starts_with("Error"))
        .or_else(|| stderr.lines().find(|l| !l.trim().is_empty()))
        .unwrap_or("no message");
    Err(format!(
        "Graphviz could not lay out the figure ({}): {}\nhelp: try a smaller figure (--school, --focus) or another --rankdir, and report this to agon with the DOT (--output figure.dot)",
        out.status,
        first.trim()
    ))
}
