//! `agon explain`: why a school accepts or rejects a claim, in words.

use super::{literal, Outcome, ReasoningArgs};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct ExplainArgs {
    /// The claim (`self-help`, or `not durable-peace`).
    claim: String,
    /// Theory files or folders (default: `theories/`).
    paths: Vec<PathBuf>,
    /// The school (repeat or separate with commas; default: every school that addresses the claim).
    #[arg(long = "school", value_delimiter = ',')]
    schools: Vec<String>,
    #[command(flatten)]
    reasoning: ReasoningArgs,
    /// `text`, or `json`: an array of explanations, one per school, with the same content.
    #[arg(long, value_enum, default_value = "text")]
    format: ExplainFormat,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExplainFormat {
    Text,
    Json,
}

pub fn run(args: ExplainArgs) -> Outcome {
    let (ws, schools) = match super::open_schools(args.paths, &args.schools) {
        Ok(found) => found,
        Err(outcome) => return outcome,
    };
    let lit = match literal(&ws.theory, &args.claim) {
        Ok(l) => l,
        Err(o) => return o,
    };
    let named = !args.schools.is_empty();
    let mut reasoner = args.reasoning.reasoner(&ws.theory);
    let semantics = args.reasoning.semantics;
    let mut shown = Vec::new();
    for sid in schools {
        let addressed = {
            let s = reasoner.standings(sid, semantics);
            s.contains_key(&lit) || s.contains_key(&lit.negate())
        };
        if named || addressed {
            shown.push(reasoner.explanation(sid, semantics, lit));
        }
    }
    if args.format == ExplainFormat::Json {
        outln!(
            "{}",
            serde_json::to_string_pretty(&shown).unwrap_or_default()
        );
        return Outcome::Clean;
    }
    for e in &shown {
        outln!("{}", agon::aspic::explain::render(e));
    }
    if shown.is_empty() {
        outln!(
            "No school has an argument for or against `{}`.",
            ws.theory.show(lit)
        );
    }
    Outcome::Clean
}
