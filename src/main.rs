//! The `agon` command line: argument parsing and exit codes. Each subcommand lives in
//! `cli/`; this file only dispatches.

mod cli;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "agon",
    version,
    about = "A formal argument-graph reasoner for rival schools of thought",
    after_help = "The theory language: `agon help language`.",
    disable_help_subcommand = true
)]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse, resolve and check theory files; report every problem at once.
    Check(cli::check::CheckArgs),
    /// Each claim's standing in each school (accepted, credulous, undecided, rejected).
    Status(cli::status::StatusArgs),
    /// Why a school accepts or rejects a claim: its arguments, attackers and defenders.
    Explain(cli::explain::ExplainArgs),
    /// Where schools agree and part, and the cruxes each parting follows from.
    Diverge(cli::diverge::DivergeArgs),
    /// The paper's comparison table: each school's answer to each declared question, cited.
    Compare(cli::compare::CompareArgs),
    /// What changed between two versions: standings per school, their causes, expectations.
    Diff(cli::diff::DiffArgs),
    /// Draw schools as a Graphviz DOT figure (or render it to SVG, PDF or PNG).
    Dot(cli::dot::DotArgs),
    /// Write a school for other tools: ICCMA `p aba` or `p af`, ASPARTIX apx, AIF JSON,
    /// Argdown, GraphML or py_arg JSON.
    Export(cli::export::ExportArgs),
    /// Read an AIF JSON argument map (AIFdb, OVA) and write it as a theory file.
    Import(cli::import::ImportArgs),
    /// Rewrite theory files in the canonical layout (only files that parse; atomically).
    Fmt(cli::fmt::FmtArgs),
    /// Answer an ICCMA 2023 task (DC/DS/SE under CO, PR, ST, SST, STG, ID, GR) on an AF or ABA file.
    Solve(cli::solve::SolveArgs),
    /// Run the language server on standard input and output (for editors).
    Lsp,
    /// Create a starter theory folder and a CI workflow (never overwrites a file).
    Init(cli::init::InitArgs),
    /// Help on a command, or `agon help language` for the theory language reference.
    Help(cli::manual::HelpArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions(cli::manual::CompletionsArgs),
    /// Print the man page (roff), e.g. `agon man > agon.1`.
    Man,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let outcome = match args.command {
        Command::Check(a) => cli::check::run(a),
        Command::Fmt(a) => cli::fmt::run(a),
        Command::Dot(a) => cli::dot::run(a),
        Command::Status(a) => cli::status::run(a),
        Command::Diverge(a) => cli::diverge::run(a),
        Command::Compare(a) => cli::compare::run(a),
        Command::Diff(a) => cli::diff::run(a),
        Command::Explain(a) => cli::explain::run(a),
        Command::Export(a) => cli::export::run(a),
        Command::Import(a) => cli::import::run(a),
        Command::Solve(a) => cli::solve::run(a),
        Command::Init(a) => cli::init::run(a),
        Command::Lsp => match agon::lsp::run() {
            Ok(()) => cli::Outcome::Clean,
            Err(e) => {
                eprintln!("error: agon lsp: {e}");
                cli::Outcome::Usage
            }
        },
        Command::Help(a) => cli::manual::help::<Args>(a),
        Command::Completions(a) => cli::manual::completions::<Args>(a),
        Command::Man => cli::manual::man::<Args>(),
    };
    ExitCode::from(outcome as u8)
}
