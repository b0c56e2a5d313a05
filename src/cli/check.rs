//! `agon check`: read, resolve and check theory files, and report every finding.

use super::{open, Outcome};
use agon::report::{self, Format};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct CheckArgs {
    /// Theory files or folders (default: `theories/`).
    paths: Vec<PathBuf>,
    /// How to write findings (default: github under GitHub Actions, human on a terminal, plain otherwise).
    #[arg(long, value_enum, env = "AGON_FORMAT")]
    format: Option<Format>,
    /// Treat warnings as findings (exit 1).
    #[arg(long)]
    deny_warnings: bool,
}

pub fn run(args: CheckArgs) -> Outcome {
    let ws = match open(args.paths) {
        Ok(ws) => ws,
        Err(outcome) => return outcome,
    };
    let format = args.format.unwrap_or_else(Format::detect);
    let diagnostics = &ws.diagnostics;
    match format {
        Format::Json | Format::Sarif => {
            println!("{}", report::render(diagnostics, &ws.sources, format))
        }
        _ => {
            eprint!("{}", report::render(diagnostics, &ws.sources, format));
            if format != Format::Github {
                let files = ws.sources.files().count();
                eprintln!(
                    "agon check: {} file(s), {} school(s): {}",
                    files,
                    ws.theory.schools.len(),
                    report::summary(diagnostics)
                );
            }
        }
    }
    let failing = ws.has_errors() || (args.deny_warnings && !diagnostics.is_empty());
    if failing {
        Outcome::Findings
    } else {
        Outcome::Clean
    }
}
