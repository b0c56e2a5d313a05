//! `agon status`: each claim's standing in each school, as text or JSON.

use super::{Outcome, ReasoningArgs};
use agon::diverge::Standing;
use agon::dung::Semantics;
use agon::model::Literal;
use serde::Serialize;
use std::path::PathBuf;

/// The JSON document, typed so that a large theory's rows are not held as a tree of maps
/// (the 100,000-rule layered theory: 313 MB that way). Fields in alphabetical order, the
/// order the document has always had.
#[derive(Serialize)]
struct Doc<'a> {
    schema: u32,
    schools: Vec<SchoolDoc<'a>>,
    semantics: Semantics,
}

#[derive(Serialize)]
struct SchoolDoc<'a> {
    claims: Vec<ClaimDoc<'a>>,
    name: &'a str,
    title: &'a str,
    unknown: Option<String>,
}

#[derive(Serialize)]
struct ClaimDoc<'a> {
    claim: &'a str,
    literal: String,
    negated: bool,
    standing: Standing,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatusFormat {
    Text,
    Json,
}

#[derive(clap::Args)]
pub struct StatusArgs {
    /// Theory files or folders (default: `theories/`).
    paths: Vec<PathBuf>,
    /// Schools to report (repeat or separate with commas; default: all).
    #[arg(long = "school", value_delimiter = ',')]
    schools: Vec<String>,
    #[command(flatten)]
    reasoning: ReasoningArgs,
    #[arg(long, value_enum, default_value = "text")]
    format: StatusFormat,
}

pub fn run(args: StatusArgs) -> Outcome {
    let (ws, schools) = match super::open_schools(args.paths, &args.schools) {
        Ok(found) => found,
        Err(outcome) => return outcome,
    };
    let t = &ws.theory;
    let mut reasoner = args.reasoning.reasoner(t);
    let semantics = args.reasoning.semantics;
    let mut json_schools = Vec::new();
    for &sid in &schools {
        let school = t.school(sid);
        let mut rows: Vec<(Literal, Standing)> = reasoner
            .standings(sid, semantics)
            .iter()
            .map(|(l, s)| (*l, *s))
            .collect();
        rows.sort();
        let unknown = reasoner.unknown(sid, semantics);
        if let Some(why) = &unknown {
            eprintln!(
                "warning: the {semantics} standings of `{}` are unknown: {why}",
                school.name
            );
        }
        match args.format {
            StatusFormat::Text => {
                outln!(
                    "{} — {} ({} semantics)",
                    school.name,
                    school.title,
                    semantics
                );
                if let Some(why) = &unknown {
                    outln!("  (unknown: {why})");
                }
                let width = rows
                    .iter()
                    .map(|(l, _)| t.show(*l).len())
                    .max()
                    .unwrap_or(0);
                for (l, s) in &rows {
                    outln!(
                        "  {:<13} {:<width$}  {}",
                        s.word(),
                        t.show(*l),
                        t.sentence(*l)
                    );
                }
                outln!();
            }
            StatusFormat::Json => json_schools.push(SchoolDoc {
                claims: rows
                    .iter()
                    .map(|&(l, standing)| ClaimDoc {
                        claim: &t.claim(l.claim).id,
                        literal: t.show(l),
                        negated: l.negated,
                        standing,
                    })
                    .collect(),
                name: &school.name,
                title: &school.title,
                unknown,
            }),
        }
    }
    if args.format == StatusFormat::Json {
        let doc = Doc {
            schema: 1,
            schools: json_schools,
            semantics,
        };
        outln!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
    }
    Outcome::Clean
}
