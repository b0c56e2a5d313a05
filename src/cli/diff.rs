//! `agon diff OLD NEW`: which claims changed standing in which school between two versions of
//! the theories, the statement changes that can have caused each, and which expectations
//! changed outcome — as text, JSON, or GitHub annotations on the new version's lines.

use super::{Outcome, ReasoningArgs};
use agon::diagnostic::Diagnostic;
use agon::report::{self, Format};
use agon::revision::{self, Revision};
use agon::workspace::Workspace;
use std::fmt::Write;
use std::path::PathBuf;

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    Text,
    Json,
    Github,
}

#[derive(clap::Args)]
pub struct DiffArgs {
    /// The old version: a theory file or folder.
    old: PathBuf,
    /// The new version: a theory file or folder.
    new: PathBuf,
    #[command(flatten)]
    reasoning: ReasoningArgs,
    #[arg(long, value_enum, default_value = "text")]
    format: DiffFormat,
}

pub fn run(args: DiffArgs) -> Outcome {
    let open = |p: PathBuf| -> Result<Workspace, Outcome> {
        let ws = super::open(vec![p])?;
        if ws.has_errors() {
            return Err(super::report_errors(&ws));
        }
        Ok(ws)
    };
    let (old, new) = match (open(args.old), open(args.new)) {
        (Ok(o), Ok(n)) => (o, n),
        (Err(e), _) | (_, Err(e)) => return e,
    };
    let options = args.reasoning.reasoner(&new.theory).options;
    let rev = revision::compare(&old, &new, options, args.reasoning.semantics);
    match args.format {
        DiffFormat::Text => out!("{}", text(&rev, &new)),
        DiffFormat::Json => outln!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({ "schema": 1, "diff": rev }))
                .unwrap_or_default()
        ),
        DiffFormat::Github => out!(
            "{}",
            report::render(&annotations(&rev, &new), &new.sources, Format::Github)
        ),
    }
    if rev.expectation_changed() {
        Outcome::Findings
    } else {
        Outcome::Clean
    }
}

fn sign(change: &str) -> char {
    if change == "added" {
        '+'
    } else {
        '-'
    }
}

/// The readable report, grouped by school.
pub fn text(rev: &Revision, new: &Workspace) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "agon diff ({} semantics)", rev.semantics);
    for (what, list) in [
        ("added", &rev.schools_added),
        ("removed", &rev.schools_removed),
    ] {
        if !list.is_empty() {
            let _ = writeln!(out, "Schools {what}: {}.", list.join(", "));
        }
    }
    let mut schools: Vec<&str> = rev
        .statements
        .iter()
        .map(|s| s.school.as_str())
        .chain(rev.standings.iter().map(|s| s.school.as_str()))
        .collect();
    schools.dedup();
    let mut seen = std::collections::HashSet::new();
    schools.retain(|s| seen.insert(*s));
    for school in schools {
        let _ = writeln!(out, "\n== {school} ==");
        let changes: Vec<_> = rev
            .statements
            .iter()
            .filter(|s| s.school == school)
            .collect();
        if !changes.is_empty() {
            let _ = writeln!(out, "Statement changes:");
            for c in changes {
                let at = if c.change == "added" {
                    format!("  ({})", new.sources.describe(c.span))
                } else {
                    String::new()
                };
                let _ = writeln!(out, "  {} {}{at}", sign(c.change), c.statement);
            }
        }
        let moved: Vec<_> = rev
            .standings
            .iter()
            .filter(|s| s.school == school)
            .collect();
        if !moved.is_empty() {
            let _ = writeln!(out, "Claims whose standing changed:");
            for s in moved {
                let _ = writeln!(out, "  {}: {} → {}", s.claim, s.before_says, s.after_says);
                if s.causes.is_empty() {
                    let _ = writeln!(
                        out,
                        "    no statement change of this school reaches it (an inherited or global change?)"
                    );
                }
                for &i in &s.causes {
                    let c = &rev.statements[i];
                    let _ = writeln!(out, "    because {} {}", sign(c.change), c.statement);
                }
            }
        }
    }
    if !rev.expectations.is_empty() {
        let _ = writeln!(out, "\nExpectations whose outcome changed:");
        for e in &rev.expectations {
            let _ = writeln!(out, "  {} → {}: {}", e.before, e.after, e.expectation);
            if let Some(m) = &e.message {
                let _ = writeln!(out, "    agon now finds: {m}");
            }
        }
    }
    let _ = writeln!(
        out,
        "\n{} statement change(s), {} standing change(s), {} expectation(s) changed outcome.",
        rev.statements.len(),
        rev.standings.len(),
        rev.expectations.len()
    );
    out
}

/// Each change as a finding on the new version's lines, for `--format github`.
fn annotations(rev: &Revision, new: &Workspace) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for s in &rev.standings {
        let cause = s
            .causes
            .iter()
            .map(|&i| &rev.statements[i])
            .find(|c| c.change == "added");
        let span = cause.map(|c| c.span).or_else(|| {
            new.theory
                .school_named(&s.school)
                .map(|id| new.theory.school(id).span)
        });
        let because: Vec<String> = s
            .causes
            .iter()
            .map(|&i| {
                let c = &rev.statements[i];
                format!("{} {}", sign(c.change), c.statement)
            })
            .collect();
        let mut d = Diagnostic::warning(
            "agon::standing-changed",
            format!(
                "{}: {} {} → {}",
                s.school, s.claim, s.before_says, s.after_says
            ),
        );
        if let Some(span) = span {
            d = d.with_label(span, "changed here");
        }
        if !because.is_empty() {
            d = d.with_help(format!("because {}", because.join("; ")));
        }
        out.push(d);
    }
    for e in &rev.expectations {
        let message = format!("expectation {} → {}: {}", e.before, e.after, e.expectation);
        let mut d = if e.after == "failed" {
            Diagnostic::error("agon::expectation-changed", message)
        } else {
            Diagnostic::warning("agon::expectation-changed", message)
        };
        if let Some(span) = e.span {
            d = d.with_label(span, "this expectation");
        }
        if let Some(m) = &e.message {
            d = d.with_help(m.clone());
        }
        out.push(d);
    }
    out
}
