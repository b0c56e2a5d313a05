//! `agon status`: each claim's standing in each school, as text or JSON.

use super::{Outcome, ReasoningArgs};
use agon::diverge::Standing;
use agon::model::Literal;
use std::path::PathBuf;

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
            StatusFormat::Json => json_schools.push(serde_json::json!({
                "name": school.name,
                "title": school.title,
                "unknown": unknown,
                "claims": rows.iter().map(|(l, s)| serde_json::json!({
                    "claim": t.claim(l.claim).id,
                    "negated": l.negated,
                    "literal": t.show(*l),
                    "standing": s,
                })).collect::<Vec<_>>(),
            })),
        }
    }
    if args.format == StatusFormat::Json {
        let doc =
            serde_json::json!({ "schema": 1, "semantics": semantics, "schools": json_schools });
        outln!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
    }
    Outcome::Clean
}
