//! `agon check`: read, resolve and check theory files — every syntax and name error, each
//! school's consistency and rationality postulates, and the `expect` statements — and report
//! every finding.

use super::{open, Outcome};
use agon::aspic::Options;
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
    /// Do not close strict rules under transposition.
    #[arg(long)]
    no_transposition: bool,
}

pub fn run(args: CheckArgs) -> Outcome {
    let mut ws = match open(args.paths) {
        Ok(ws) => ws,
        Err(outcome) => return outcome,
    };
    // Expectations name their semantics; those that do not are judged under grounded.
    let expectations = ws.reason(Options {
        transposition: !args.no_transposition,
        ..Options::default()
    });
    let format = args.format.unwrap_or_else(Format::detect);
    let diagnostics = &ws.diagnostics;
    match format {
        Format::Json | Format::Sarif => {
            outln!("{}", report::render(diagnostics, &ws.sources, format))
        }
        _ => {
            eprint!("{}", report::render(diagnostics, &ws.sources, format));
            if format != Format::Github {
                let files = ws.sources.files().count();
                let expected = match expectations {
                    Some((held, failed)) => format!("; expectations: {held} held, {failed} failed"),
                    None => "; expectations not evaluated (fix the errors first)".into(),
                };
                eprintln!(
                    "agon check: {} file(s), {} school(s): {}{expected}",
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
