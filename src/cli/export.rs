//! `agon export --to FORMAT`: a school for other tools — the flat ABA framework agon reasons
//! over (ICCMA 2023 `p aba`), its argument framework (`p af`, ASPARTIX `apx`), AIF JSON for
//! AIFdb and OVA, Argdown, GraphML, or py_arg's JSON.

use super::{Outcome, ReasoningArgs};
use agon::exchange;
use agon::iccma::write;
use agon::model::Literal;
use agon::reasoning;
use std::path::PathBuf;

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// ICCMA 2023 flat ABA (`p aba`): assumptions, rules and contraries.
    Iccma,
    /// The argument framework (arguments and defeats) as ICCMA 2023 `p af`.
    Af,
    /// The argument framework as ASPARTIX `apx` facts (`arg/1`, `att/2`).
    Apx,
    /// The Argument Interchange Format as AIFdb and OVA read it (JSON).
    Aif,
    /// Argdown (argdown.org): statements, arguments, attacks and undercuts.
    Argdown,
    /// GraphML for yEd and Gephi, with each claim's grounded standing.
    Graphml,
    /// The JSON the py_arg differential feeds python-argumentation.
    Pyarg,
}

#[derive(clap::Args)]
pub struct ExportArgs {
    /// Theory files or folders (default: `theories/`; `-`: standard input).
    paths: Vec<PathBuf>,
    /// The format to write.
    #[arg(long = "to", value_enum)]
    to: ExportFormat,
    /// The school to export (may be left out when there is only one).
    #[arg(long)]
    school: Option<String>,
    #[command(flatten)]
    reasoning: ReasoningArgs,
    /// Where to write (default, or `-`: standard output).
    #[arg(long, short)]
    output: Option<PathBuf>,
}

pub fn run(args: ExportArgs) -> Outcome {
    let names: Vec<String> = args.school.iter().cloned().collect();
    let (ws, ids) = match super::open_schools(args.paths, &names) {
        Ok(found) => found,
        Err(outcome) => return outcome,
    };
    let theory = &ws.theory;
    let [school] = ids.as_slice() else {
        let all: Vec<&str> = theory.schools.iter().map(|s| s.name.as_str()).collect();
        eprintln!(
            "error: which school? the theory has {}\nhelp: name one with `--school`, e.g. `--school {}`",
            all.join(", "),
            all.first().copied().unwrap_or("realism")
        );
        return Outcome::Usage;
    };
    let school = *school;
    let mut reasoner = args.reasoning.reasoner(theory);
    let text = match args.to {
        ExportFormat::Iccma => {
            let s = theory.school(school);
            let ordering = reasoner.options.ordering_for(s);
            match reasoning::translate(s, reasoner.options.transposition, ordering) {
                Ok(t) => write::aba(&t.framework, &|atom| {
                    t.literal_of
                        .get(atom as usize)
                        .copied()
                        .flatten()
                        .map(|l| theory.show(l))
                }),
                Err(why) => {
                    eprintln!(
                        "error: `{}` has no exact ABA form: {}\nhelp: export it under last-link (`--link last-link`)",
                        s.name, why.0
                    );
                    return Outcome::Usage;
                }
            }
        }
        ExportFormat::Af | ExportFormat::Apx => {
            let form = if args.to == ExportFormat::Af {
                exchange::af::Form::Iccma
            } else {
                exchange::af::Form::Apx
            };
            match exchange::af::export(theory, school, &reasoner.options, form) {
                Ok(text) => text,
                Err(why) => {
                    eprintln!("error: {why}");
                    return Outcome::Usage;
                }
            }
        }
        ExportFormat::Aif => {
            let doc = exchange::aif::export(theory, school);
            serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
        }
        ExportFormat::Argdown => exchange::argdown::export(theory, school),
        ExportFormat::Graphml => {
            let semantics = agon::dung::Semantics::Grounded;
            let standings = reasoner.standings(school, semantics).clone();
            let standing = |l: Literal| {
                standings
                    .get(&l)
                    .copied()
                    .unwrap_or(agon::diverge::Standing::NotAddressed)
            };
            let unknown = reasoner.unknown(school, semantics);
            exchange::graphml::export(theory, school, &standing, unknown.as_deref())
        }
        ExportFormat::Pyarg => {
            let doc = agon::aspic::pyarg::to_pyarg_json(theory, school, &reasoner.options);
            serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
        }
    };
    super::write_output(args.output.as_deref(), &text)
}
