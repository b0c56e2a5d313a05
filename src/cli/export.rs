//! `agon export --to iccma`: a school as the flat ABA framework agon reasons over, in the
//! ICCMA 2023 `p aba` format, for other solvers (or `agon solve`) to read.

use super::{Outcome, ReasoningArgs};
use agon::iccma::write;
use agon::reasoning;
use std::path::PathBuf;

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// ICCMA 2023 flat ABA (`p aba`): assumptions, rules and contraries.
    Iccma,
}

#[derive(clap::Args)]
pub struct ExportArgs {
    /// Theory files or folders (default: `theories/`).
    paths: Vec<PathBuf>,
    /// The format to write.
    #[arg(long = "to", value_enum)]
    to: ExportFormat,
    /// The school to export.
    #[arg(long)]
    school: String,
    #[command(flatten)]
    reasoning: ReasoningArgs,
    /// Where to write (default, or `-`: standard output).
    #[arg(long, short)]
    output: Option<PathBuf>,
}

pub fn run(args: ExportArgs) -> Outcome {
    let (ws, ids) = match super::open_schools(args.paths, std::slice::from_ref(&args.school)) {
        Ok(found) => found,
        Err(outcome) => return outcome,
    };
    let theory = &ws.theory;
    let school = theory.school(ids[0]);
    let reasoner = args.reasoning.reasoner(theory);
    let ordering = reasoner.options.ordering_for(school);
    let t = match reasoning::translate(school, reasoner.options.transposition, ordering) {
        Ok(t) => t,
        Err(why) => {
            eprintln!(
                "error: `{}` has no exact ABA form: {}\nhelp: export it under last-link (`--link last-link`)",
                school.name, why.0
            );
            return Outcome::Usage;
        }
    };
    let ExportFormat::Iccma = args.to;
    let text = write::aba(&t.framework, &|atom| {
        t.literal_of
            .get(atom as usize)
            .copied()
            .flatten()
            .map(|l| theory.show(l))
    });
    match args.output.filter(|p| p.as_os_str() != "-") {
        None => {
            out!("{text}");
            Outcome::Clean
        }
        Some(path) => match std::fs::write(&path, text) {
            Ok(()) => Outcome::Clean,
            Err(e) => {
                eprintln!("error: cannot write `{}`: {e}", path.display());
                Outcome::Usage
            }
        },
    }
}
