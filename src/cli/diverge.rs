//! `agon diverge`: where schools agree and part, and the cruxes each parting follows from,
//! as a text report for a paper's appendix, documented JSON, or a DOT figure.

use super::{Outcome, ReasoningArgs};
use agon::diverge::{self, Crux, PairReport, Relation, Standing};
use agon::dung::Semantics;
use agon::model::{Literal, SchoolId, Theory};
use agon::render::dot::{self, Figure, Labels, Shade, Style};
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
}

/// Everything the report shows.
pub struct Report {
    pub semantics: Semantics,
    pub schools: Vec<String>,
    pub pairs: Vec<PairReport>,
    pub agreement: Vec<Vec<Option<f64>>>,
    /// Per school: literals it accepts alone, and how many of them survive the joint debate.
    pub joint: Vec<(String, usize, usize)>,
    /// Schools (or "joint debate") whose standings are unknown, and why.
    pub unknown: Vec<(String, String)>,
    /// Every claim some compared school addresses, with its standing in each school (in the
    /// order of `schools`), seen from the claim (accepting `not X` rejects `X`).
    pub matrix: Vec<(String, Vec<Standing>)>,
}

pub fn compute(
    theory: &Theory,
    ids: &[SchoolId],
    reasoning: &ReasoningArgs,
) -> (Report, diverge::Standings) {
    let mut reasoner = reasoning.reasoner(theory);
    let semantics = reasoning.semantics;
    let standings = reasoner.all_standings(ids, semantics);
    let mut unknown: Vec<(String, String)> = ids
        .iter()
        .filter_map(|&s| {
            reasoner
                .unknown(s, semantics)
                .map(|why| (theory.school(s).name.clone(), why))
        })
        .collect();
    let mut pairs = Vec::new();
    for (i, &a) in ids.iter().enumerate() {
        for &b in &ids[i + 1..] {
            pairs.push(diverge::compare_pair(theory, a, b, &standings));
        }
    }
    let names: Vec<String> = ids.iter().map(|s| theory.school(*s).name.clone()).collect();
    let agreement = diverge::agreement_matrix(&pairs, &names);
    let mut joint = Vec::new();
    if ids.len() >= 2 {
        let school = diverge::joint_school(theory, ids);
        let joint_eval = agon::reasoning::evaluate(&school, ids[0], &reasoner.options, semantics);
        if let Some(why) = joint_eval.unknown {
            unknown.push(("joint debate".into(), why));
        }
        let together = joint_eval.standings;
        for &sid in ids {
            let alone: Vec<Literal> = standings.by_school[&sid]
                .iter()
                .filter(|(_, st)| **st == Standing::Accepted)
                .map(|(l, _)| *l)
                .collect();
            let kept = alone
                .iter()
                .filter(|l| together.get(l) == Some(&Standing::Accepted))
                .count();
            joint.push((theory.school(sid).name.clone(), alone.len(), kept));
        }
    }
    let mut claims: Vec<agon::model::ClaimId> = standings
        .by_school
        .values()
        .flat_map(|m| m.keys().map(|l| l.claim))
        .collect();
    claims.sort();
    claims.dedup();
    let matrix = claims
        .into_iter()
        .map(|c| {
            let pos = Literal::pos(c);
            let row = ids
                .iter()
                .map(|&s| diverge::summary((standings.get(s, pos), standings.get(s, pos.negate()))))
                .collect();
            (theory.claim(c).id.clone(), row)
        })
        .collect();
    (
        Report {
            semantics,
            schools: names,
            pairs,
            agreement,
            joint,
            matrix,
            unknown,
        },
        standings,
    )
}

pub fn run(args: DivergeArgs) -> Outcome {
    let (ws, ids) = match super::open_schools(args.paths, &args.schools) {
        Ok(found) => found,
        Err(outcome) => return outcome,
    };
    if ids.len() < 2 {
        eprintln!("error: `agon diverge` compares at least two schools\nhelp: name them with --schools a,b");
        return Outcome::Usage;
    }
    let (report, standings) = compute(&ws.theory, &ids, &args.reasoning);
    for (school, why) in &report.unknown {
        eprintln!(
            "warning: the {} standings of {school} are unknown: {why}",
            report.semantics
        );
    }
    match args.format {
        DivergeFormat::Text => print!("{}", text(&ws.theory, &report)),
        DivergeFormat::Json => println!(
            "{}",
            serde_json::to_string_pretty(&json(&report)).unwrap_or_default()
        ),
        DivergeFormat::Dot => print!("{}", figure(&ws.theory, &ids, &report, &standings)),
    }
    Outcome::Clean
}

fn crux_name(c: &Crux) -> String {
    match c {
        Crux::Claim { literal } => format!("`{literal}`"),
        Crux::Inference { label } => format!("the inference \"{label}\""),
    }
}

fn relation_words(r: Relation) -> &'static str {
    match r {
        Relation::Agreement => "agree",
        Relation::Contradiction => "contradiction",
        Relation::AcceptReject => "one accepts, the other rejects",
        Relation::OneSilent => "one is silent",
        Relation::Differ => "different standing",
        Relation::Unknown => "unknown (agon cannot vouch for a standing)",
    }
}

/// The appendix-ready text report.
pub fn text(theory: &Theory, r: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Divergence report ({} semantics)\n", r.semantics);
    for (school, why) in &r.unknown {
        let _ = writeln!(
            out,
            "Unknown: the standings of {school} are unknown: {why}.\n"
        );
    }
    for p in &r.pairs {
        let _ = writeln!(out, "== {} and {} ==", p.first, p.second);
        let share = if p.jointly_addressed > 0 {
            format!(
                " ({:.0}%)",
                100.0 * p.agreed as f64 / p.jointly_addressed as f64
            )
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "They address {} claims in common and agree on {}{share}.",
            p.jointly_addressed, p.agreed
        );
        let core: Vec<&diverge::Divergence> = p
            .divergences
            .iter()
            .filter(|d| !matches!(d.relation, Relation::OneSilent | Relation::Unknown))
            .collect();
        let unknown: Vec<&str> = p
            .divergences
            .iter()
            .filter(|d| d.relation == Relation::Unknown)
            .map(|d| d.claim.as_str())
            .collect();
        if !unknown.is_empty() {
            let _ = writeln!(
                out,
                "agon cannot vouch for a standing on {} claims, left out of the comparison: {}.",
                unknown.len(),
                unknown.join(", ")
            );
        }
        let summary: Vec<String> = p
            .groups
            .iter()
            .take(4)
            .map(|(c, claims)| format!("{} from {}", claims.len(), crux_name(c)))
            .collect();
        if core.is_empty() {
            let _ = writeln!(out, "They hold every claim they both address alike.");
        } else {
            let _ = writeln!(
                out,
                "They hold {} of them differently; {}.",
                core.len(),
                if summary.is_empty() {
                    "no crux found".to_string()
                } else {
                    summary.join(", ")
                }
            );
        }
        for (crux, claims) in &p.groups {
            let _ = writeln!(out, "\n  Crux: {}", crux_name(crux));
            if let Crux::Claim { literal } = crux {
                if let Some(c) = theory.claim_named(literal) {
                    let _ = writeln!(out, "    \"{}\"", theory.claim(c).text);
                }
            }
            for claim in claims {
                let d = p
                    .divergences
                    .iter()
                    .find(|d| &d.claim == claim)
                    .expect("grouped from these");
                let text = theory
                    .claim_named(claim)
                    .map(|c| theory.claim(c).text.clone())
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "    - {claim}: {} ({}: {}, {}: {})\n        \"{text}\"",
                    relation_words(d.relation),
                    p.first,
                    d.first.word(),
                    p.second,
                    d.second.word()
                );
            }
        }
        for (name, side) in [(&p.first, 0), (&p.second, 1)] {
            let only: Vec<&str> = p
                .divergences
                .iter()
                .filter(|d| d.relation == Relation::OneSilent)
                .filter(|d| (if side == 0 { d.second } else { d.first }) == Standing::NotAddressed)
                .map(|d| d.claim.as_str())
                .collect();
            if !only.is_empty() {
                let _ = writeln!(
                    out,
                    "\n  Only {name} addresses ({}): {}",
                    only.len(),
                    only.join(", ")
                );
            }
        }
        let _ = writeln!(out);
    }
    if r.schools.len() > 2 {
        let _ = writeln!(
            out,
            "== Agreement (share of jointly addressed claims on which two schools agree) =="
        );
        let w = r.schools.iter().map(String::len).max().unwrap_or(4).max(4);
        let _ = write!(out, "{:w$}", "");
        for s in &r.schools {
            let _ = write!(out, "  {:>w$}", s);
        }
        let _ = writeln!(out);
        for (i, s) in r.schools.iter().enumerate() {
            let _ = write!(out, "{s:w$}");
            for cell in &r.agreement[i] {
                let v = cell.map_or("—".to_string(), |x| format!("{:.2}", x));
                let _ = write!(out, "  {v:>w$}");
            }
            let _ = writeln!(out);
        }
        let _ = writeln!(out);
    }
    if !r.joint.is_empty() {
        let _ = writeln!(
            out,
            "== Joint debate: all compared schools' arguments in one framework =="
        );
        for (s, alone, kept) in &r.joint {
            let _ = writeln!(
                out,
                "  {s}: {kept} of the {alone} claims it accepts alone survive the debate"
            );
        }
    }
    out
}

/// The JSON report (schema version 1, documented in the README).
pub fn json(r: &Report) -> serde_json::Value {
    serde_json::json!({
        "schema": 1,
        "semantics": r.semantics,
        "schools": r.schools,
        "pairs": r.pairs,
        "agreement": r.agreement,
        "matrix": r.matrix.iter().map(|(c, row)| serde_json::json!({ "claim": c, "standings": row })).collect::<Vec<_>>(),
        "unknown": r.unknown.iter().map(|(s, why)| serde_json::json!({ "school": s, "reason": why })).collect::<Vec<_>>(),
        "joint": r.joint.iter().map(|(s, alone, kept)| serde_json::json!({
            "school": s, "accepted_alone": alone, "survive_joint_debate": kept
        })).collect::<Vec<_>>(),
    })
}

/// The compared schools side by side, divergent claims and cruxes drawn heavier.
fn figure(theory: &Theory, ids: &[SchoolId], r: &Report, standings: &diverge::Standings) -> String {
    let mut marked: HashSet<String> = HashSet::new();
    for p in &r.pairs {
        for d in &p.divergences {
            marked.insert(d.claim.clone());
            for c in &d.cruxes {
                if let Crux::Claim { literal } = c {
                    marked.insert(literal.trim_start_matches("not ").to_string());
                }
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
    dot::render(&Figure {
        theory,
        schools: ids.to_vec(),
        style: Style::Paper,
        labels: Labels::Id,
        highlight: &|_, l| marked.contains(&theory.claim(l.claim).id),
        shade: &|s, l| shade.get(&(s, l)).copied(),
    })
}
