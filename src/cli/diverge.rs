//! `agon diverge`: where schools agree and part — the questions they answer differently,
//! the claims they hold differently, the root cruxes those follow from and why, what each
//! school is silent on, agreement counts, and what each school loses in a joint debate — as a
//! text report for a paper's appendix, documented JSON, or a DOT figure.

use super::{Outcome, ReasoningArgs};
use agon::diverge::{self, Crux, JointLosses, PairReport, Report};
use agon::model::{Literal, SchoolId, Theory};
use agon::render::dot::{self, Shade};
use std::collections::{HashMap, HashSet};
use std::fmt::Write;
use std::path::PathBuf;

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DivergeFormat {
    Text,
    Json,
    Dot,
}

#[derive(clap::Args)]
pub struct DivergeArgs {
    /// Theory files or folders (default: `theories/`).
    paths: Vec<PathBuf>,
    /// Schools to compare (separate with commas; default: all). Every pair is compared.
    #[arg(long, value_delimiter = ',')]
    schools: Vec<String>,
    #[command(flatten)]
    reasoning: ReasoningArgs,
    #[arg(long, value_enum, default_value = "text")]
    format: DivergeFormat,
    /// How `--format dot` draws the figure.
    #[command(flatten)]
    figure: super::dot::FigureArgs,
}

/// The definition of the distance, printed in the report (and in the README).
pub const DISTANCE: &str = "distance = the share of the claims both schools take a position on \
(accept, reject or open; accepting `not x` or a claim declared in conflict with x both count as rejecting x) \
on which their positions differ; claims one school is silent on do not count";

/// Cruxes the text report shows per pair; the JSON report has them all.
const SHOWN_CRUXES: usize = 6;

pub fn run(args: DivergeArgs) -> Outcome {
    let (ws, ids) = match super::open_schools(args.paths, &args.schools) {
        Ok(found) => found,
        Err(outcome) => return outcome,
    };
    if ids.len() < 2 {
        eprintln!("error: `agon diverge` compares at least two schools\nhelp: name them with --schools a,b");
        return Outcome::Usage;
    }
    let (report, standings) =
        diverge::report::compute(&ws.theory, &ids, &mut args.reasoning.reasoner(&ws.theory));
    for (school, why) in &report.unknown {
        eprintln!(
            "warning: the {} standings of {school} are unknown: {why}",
            report.semantics
        );
    }
    match args.format {
        DivergeFormat::Text => out!("{}", text(&ws.theory, &report)),
        DivergeFormat::Json => outln!(
            "{}",
            serde_json::to_string_pretty(&json(&report)).unwrap_or_default()
        ),
        DivergeFormat::Dot => match figure(&ws.theory, &ids, &report, &standings, &args.figure) {
            Ok(dot) => out!("{dot}"),
            Err(outcome) => return outcome,
        },
    }
    Outcome::Clean
}

fn crux_name(c: &Crux) -> String {
    match c {
        Crux::Claim { literal } => format!("`{literal}`"),
        Crux::Inference { label } => format!("the inference \"{label}\""),
    }
}

/// Accepted answers, or "open" / "none of these".
fn answer_words(theory: &Theory, a: &diverge::questions::Answer) -> String {
    if !a.accepts.is_empty() {
        let v: Vec<String> = a.accepts.iter().map(|l| theory.show(*l)).collect();
        v.join(", ")
    } else if !a.open.is_empty() {
        "open".into()
    } else {
        "none of these".into()
    }
}

/// The appendix-ready text report.
pub fn text(theory: &Theory, r: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Divergence report ({} semantics)", r.semantics);
    let _ = writeln!(out, "Pairs most apart first; {DISTANCE}.\n");
    for (school, why) in &r.unknown {
        let _ = writeln!(
            out,
            "Unknown: the standings of {school} are unknown: {why}.\n"
        );
    }
    let (parting, alike): (Vec<&PairReport>, Vec<&PairReport>) =
        r.pairs.iter().partition(|p| parts(p));
    for p in parting {
        pair_text(&mut out, theory, p);
    }
    alike_text(&mut out, &alike);
    if r.unrelated > 0 {
        let _ = writeln!(
            out,
            "{} pair(s) share no claim and no question: not listed.\n",
            r.unrelated
        );
    }
    agreement_text(&mut out, r);
    joint_text(&mut out, r);
    out
}

fn pair_text(out: &mut String, theory: &Theory, p: &PairReport) {
    let [a, b] = p.names();
    let distance = p.distance.map_or("no claim in common".to_string(), |d| {
        format!("distance {d:.2}")
    });
    let _ = writeln!(
        out,
        "== {a} and {b}: {distance} ({} apart, {} alike of {} claims both take a position on) ==",
        p.apart, p.agreed, p.jointly_addressed
    );
    if p.questions_answered > 0 {
        let _ = writeln!(
            out,
            "Questions: both answer {}, part on {}.",
            p.questions_answered,
            p.questions_apart.len()
        );
        for q in &p.questions_apart {
            let text = theory
                .questions
                .iter()
                .find(|x| x.id == q.question)
                .map(|x| x.text.as_str())
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {} \"{text}\"\n    {a}: {}\n    {b}: {}",
                q.question,
                answer_words(theory, &q.first),
                answer_words(theory, &q.second)
            );
        }
    }
    if !p.inferences_apart.is_empty() {
        let _ = writeln!(
            out,
            "Inferences they part on ({}):",
            p.inferences_apart.len()
        );
        for d in &p.inferences_apart {
            let _ = writeln!(out, "  {}", d.sentence());
        }
    }
    if !p.divergences.is_empty() {
        let _ = writeln!(out, "Claims they part on ({}):", p.divergences.len());
        for d in &p.divergences {
            let refs: Vec<String> = d.cruxes.iter().map(|i| format!("{}", i + 1)).collect();
            let refs = if refs.is_empty() {
                String::new()
            } else {
                format!("  [crux {}]", refs.join(", "))
            };
            let _ = writeln!(
                out,
                "  {}: {a} {}; {b} {}{refs}",
                d.claim, d.first_says, d.second_says
            );
        }
    }
    if !p.cruxes.is_empty() {
        let _ = writeln!(out, "Root cruxes (most explaining first):");
        for (i, c) in p.cruxes.iter().enumerate().take(SHOWN_CRUXES) {
            let _ = writeln!(
                out,
                "  {}. {} explains {}: {}\n     {}",
                i + 1,
                crux_name(&c.crux.crux),
                c.explains.len(),
                c.explains.join(", "),
                c.crux.why
            );
        }
    }
    if p.cruxes.len() > SHOWN_CRUXES {
        let _ = writeln!(
            out,
            "  ... and {} more, each explaining fewer (all in --format json)",
            p.cruxes.len() - SHOWN_CRUXES
        );
    }
    for (name, other, only) in [(a, b, &p.only_first), (b, a, &p.only_second)] {
        if !only.is_empty() {
            let _ = writeln!(
                out,
                "Silent, not divergent: {other} is silent on {} claim(s) {name} takes a position on: {}",
                only.len(),
                some(only, SHOWN_SILENT)
            );
        }
    }
    if !p.unknown.is_empty() {
        let _ = writeln!(
            out,
            "agon cannot vouch for a standing on {} claim(s), left out of the comparison: {}.",
            p.unknown.len(),
            p.unknown.join(", ")
        );
    }
    let _ = writeln!(out);
}

/// Whether a pair gets its own block: it parts on a claim, a question or an inference, or agon cannot vouch
/// for some of its views. Pairs alike on everything they share are one line each.
fn parts(p: &PairReport) -> bool {
    !p.divergences.is_empty()
        || !p.questions_apart.is_empty()
        || !p.inferences_apart.is_empty()
        || !p.unknown.is_empty()
}

/// Names the text report lists per pair of what one school is silent on, and pairs alike on
/// everything it lists; the JSON report has them all.
const SHOWN_SILENT: usize = 12;
const SHOWN_ALIKE: usize = 20;

/// The first `shown` names, and how many more there are.
fn some(names: &[impl AsRef<str>], shown: usize) -> String {
    let first: Vec<&str> = names.iter().take(shown).map(AsRef::as_ref).collect();
    let mut s = first.join(", ");
    if names.len() > shown {
        let _ = write!(
            s,
            " and {} more (all in --format json)",
            names.len() - shown
        );
    }
    s
}

/// Pairs that hold every claim and question they both take a position on alike: one line each,
/// so that many schools that agree cost a line, not a block, per pair.
fn alike_text(out: &mut String, alike: &[&PairReport]) {
    if alike.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "== {} pair(s) hold every claim they both take a position on alike ==",
        alike.len()
    );
    for p in alike.iter().take(SHOWN_ALIKE) {
        let [a, b] = p.names();
        let questions = if p.questions_answered > 0 {
            format!(" and {} question(s)", p.questions_answered)
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "  {a} and {b}: alike on {} claim(s){questions}; silent, not divergent: {a} on {}, {b} on {}",
            p.agreed,
            p.only_second.len(),
            p.only_first.len()
        );
    }
    if alike.len() > SHOWN_ALIKE {
        let _ = writeln!(
            out,
            "  ... and {} more (all in --format json)",
            alike.len() - SHOWN_ALIKE
        );
    }
    let _ = writeln!(out);
}

/// Schools up to which the text report draws the agreement matrix (past it, the pair blocks
/// above carry the same counts).
const MATRIX_SCHOOLS: usize = 12;

fn agreement_text(out: &mut String, r: &Report) {
    if r.schools.len() <= 2 || r.schools.len() > MATRIX_SCHOOLS {
        return;
    }
    let counts: HashMap<(&str, &str), &PairReport> = r
        .pairs
        .iter()
        .flat_map(|p| {
            [
                ((p.first.as_str(), p.second.as_str()), p),
                ((p.second.as_str(), p.first.as_str()), p),
            ]
        })
        .collect();
    let _ = writeln!(
        out,
        "== Agreement: alike/apart over the claims both schools take a position on =="
    );
    let w = r.schools.iter().map(String::len).max().unwrap_or(4).max(9);
    let _ = write!(out, "{:w$}", "");
    for s in &r.schools {
        let _ = write!(out, "  {s:>w$}");
    }
    let _ = writeln!(out);
    for a in &r.schools {
        let _ = write!(out, "{a:w$}");
        for b in &r.schools {
            let v = counts
                .get(&(a.as_str(), b.as_str()))
                .filter(|p| p.jointly_addressed > 0)
                .map_or("—".to_string(), |p| {
                    format!("{}/{} of {}", p.agreed, p.apart, p.jointly_addressed)
                });
            let _ = write!(out, "  {v:>w$}");
        }
        let _ = writeln!(out);
    }
    let _ = writeln!(out);
}

fn joint_text(out: &mut String, r: &Report) {
    if r.joint.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "== Joint debate: every compared school's statements in one framework =="
    );
    let _ = writeln!(
        out,
        "What each school accepts alone that the debate does not accept, and what decided it there:"
    );
    let (losing, keeping): (Vec<&JointLosses>, Vec<&JointLosses>) =
        r.joint.iter().partition(|j| !j.losses.is_empty());
    for j in losing {
        let kept = j.accepted_alone - j.losses.len();
        let _ = writeln!(
            out,
            "  {}: keeps {kept} of the {} claims it accepts alone",
            j.school, j.accepted_alone
        );
        for l in &j.losses {
            let _ = writeln!(out, "    - {}: the debate {}", l.claim, l.decided_by);
        }
    }
    if !keeping.is_empty() {
        let names: Vec<String> = keeping.iter().map(|j| j.school.clone()).collect();
        let _ = writeln!(
            out,
            "  {} school(s) keep every claim they accept alone: {}",
            names.len(),
            some(&names, SHOWN_ALIKE)
        );
    }
}

/// The JSON report (schema version 2, documented in the README).
pub fn json(r: &Report) -> serde_json::Value {
    serde_json::json!({
        "schema": 2,
        "semantics": r.semantics,
        "distance": DISTANCE,
        "schools": r.schools,
        "pairs": r.pairs,
        "unrelated_pairs": r.unrelated,
        "matrix": r.matrix.iter().map(|(c, row)| {
            // Only the schools that take a position (or whose view is unknown).
            let views: serde_json::Map<String, serde_json::Value> = r.schools.iter().zip(row)
                .filter(|(_, v)| **v != diverge::View::Silent)
                .map(|(s, v)| (s.clone(), serde_json::json!(v)))
                .collect();
            serde_json::json!({ "claim": c, "views": views })
        }).collect::<Vec<_>>(),
        "unknown": r.unknown.iter().map(|(s, why)| serde_json::json!({ "school": s, "reason": why })).collect::<Vec<_>>(),
        "joint": r.joint.iter().map(|j| serde_json::json!({
            "school": j.school, "accepted_alone": j.accepted_alone, "losses": j.losses
        })).collect::<Vec<_>>(),
    })
}

/// The compared schools side by side, divergent claims and cruxes drawn heavier.
fn figure(
    theory: &Theory,
    ids: &[SchoolId],
    r: &Report,
    standings: &diverge::Standings,
    args: &super::dot::FigureArgs,
) -> Result<String, Outcome> {
    let mut marked: HashSet<String> = HashSet::new();
    for p in &r.pairs {
        for d in &p.divergences {
            marked.insert(d.claim.clone());
        }
        for c in &p.cruxes {
            if let Crux::Claim { literal } = &c.crux.crux {
                marked.insert(literal.trim_start_matches("not ").to_string());
            }
        }
    }
    let shade: HashMap<(SchoolId, Literal), Shade> = standings
        .by_school
        .iter()
        .flat_map(|(s, m)| {
            m.iter()
                .map(move |(l, st)| ((*s, *l), super::dot::shade(*st)))
        })
        .collect();
    let highlight = |_, l: Literal| marked.contains(&theory.claim(l.claim).id);
    let shade = |s, l| shade.get(&(s, l)).copied();
    Ok(dot::render(&args.figure(theory, ids, &highlight, &shade)?))
}
