//! `agon compare`: the paper's comparison table (questions × schools) in text, Markdown,
//! LaTeX, CSV or JSON.

use super::{Outcome, ReasoningArgs};
use agon::compare::{self, render};
use agon::model::Question;
use std::path::PathBuf;

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CompareFormat {
    Text,
    Markdown,
    Latex,
    Csv,
    Json,
}

#[derive(clap::Args)]
pub struct CompareArgs {
    /// Theory files or folders (default: `theories/`).
    paths: Vec<PathBuf>,
    /// Schools to compare, in column order (separate with commas; default: all).
    #[arg(long, value_delimiter = ',')]
    schools: Vec<String>,
    /// Questions to show, in row order (separate with commas; default: all, as declared).
    #[arg(long, value_delimiter = ',')]
    questions: Vec<String>,
    #[command(flatten)]
    reasoning: ReasoningArgs,
    #[arg(long, value_enum, default_value = "text")]
    format: CompareFormat,
}

pub fn run(args: CompareArgs) -> Outcome {
    let (ws, ids) = match super::open_schools(args.paths, &args.schools) {
        Ok(found) => found,
        Err(outcome) => return outcome,
    };
    let theory = &ws.theory;
    if theory.questions.is_empty() {
        eprintln!(
            "error: the theories declare no question to compare the schools on\n\
             help: declare one at the top level, e.g. question referent \"What is the referent object of security?\" {{ state-is-referent, individual-is-referent }} (see `question` in `agon help language`)"
        );
        return Outcome::Usage;
    }
    let questions: Vec<&Question> = if args.questions.is_empty() {
        theory.questions.iter().collect()
    } else {
        let mut chosen = Vec::new();
        for name in &args.questions {
            match theory.questions.iter().find(|q| &q.id == name) {
                Some(q) => chosen.push(q),
                None => {
                    let known: Vec<&str> = theory.questions.iter().map(|q| q.id.as_str()).collect();
                    let hint = agon::resolve::did_you_mean(name, &known)
                        .unwrap_or_else(|| format!("the questions are: {}", known.join(", ")));
                    eprintln!("error: no question is named `{name}`\nhelp: {hint}");
                    return Outcome::Usage;
                }
            }
        }
        chosen
    };
    let mut reasoner = args.reasoning.reasoner(theory);
    let semantics = args.reasoning.semantics;
    let standings = reasoner.all_standings(&ids, semantics);
    for &s in &ids {
        if let Some(why) = reasoner.unknown(s, semantics) {
            eprintln!(
                "warning: the {semantics} standings of {} are unknown: {why}",
                theory.school(s).name
            );
        }
    }
    let table = compare::table(theory, &ids, &questions, &standings);
    match args.format {
        CompareFormat::Text => out!("{}", render::text(&table)),
        CompareFormat::Markdown => out!("{}", render::markdown(theory, &table)),
        CompareFormat::Latex => out!("{}", render::latex(&table)),
        CompareFormat::Csv => out!("{}", render::csv(&table)),
        CompareFormat::Json => outln!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({
                "schema": 1,
                "semantics": semantics,
                "table": table,
            }))
            .unwrap_or_default()
        ),
    }
    Outcome::Clean
}
