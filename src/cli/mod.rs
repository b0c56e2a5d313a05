//! Subcommands of the `agon` binary and what they share: exit codes, reading paths, and
//! writing to standard output.

/// `print!` that never panics: see [`emit`].
macro_rules! out {
    ($($t:tt)*) => { $crate::cli::emit(format_args!($($t)*)) };
}

/// `println!` that never panics: see [`emit`].
macro_rules! outln {
    () => { $crate::cli::emit(format_args!("\n")) };
    ($($t:tt)*) => { $crate::cli::emit(format_args!("{}\n", format_args!($($t)*))) };
}

pub mod check;
pub mod compare;
pub mod diff;
pub mod diverge;
pub mod dot;
pub mod explain;
pub mod export;
pub mod fmt;
pub mod import;
pub mod init;
pub mod manual;
pub mod solve;
pub mod status;

use agon::load::PathError;
use agon::model::{SchoolId, Theory};
use agon::report::{self, Format};
use agon::workspace::Workspace;
use std::path::PathBuf;

/// Writes to standard output. A closed pipe (`agon status | head`) ends agon quietly with
/// exit 0; any other failure (a full disk) ends it with a message and exit 2 — never a panic.
pub fn emit(text: std::fmt::Arguments) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout.write_fmt(text).and_then(|()| stdout.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("error: cannot write to standard output: {e}");
        std::process::exit(Outcome::Usage as i32);
    }
}

/// Exit codes: 0 clean, 1 findings, 2 usage or I/O error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Clean = 0,
    Findings = 1,
    Usage = 2,
}

/// The paths to read: those given, or `theories/` when none are.
pub fn paths_or_default(paths: Vec<PathBuf>) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from("theories")]
    } else {
        paths
    }
}

/// Opens the workspace, reporting an unreadable path as a usage error.
pub fn open(paths: Vec<PathBuf>) -> Result<Workspace, Outcome> {
    let defaulted = paths.is_empty();
    Workspace::open(&paths_or_default(paths)).map_err(|e: PathError| {
        eprintln!("error: {e}");
        if defaulted {
            eprintln!("{}", DEFAULT_HELP);
        }
        Outcome::Usage
    })
}

/// Said when no path was given and `theories/` cannot be read (agon run outside a project).
pub const DEFAULT_HELP: &str = "help: without paths agon reads `theories/` in the current folder; \
     pass theory files or folders instead, e.g. `agon check my-theories/` or `agon check debate.agon`";

/// Commands that reason need a theory without errors: report them and stop.
pub fn report_errors(ws: &Workspace) -> Outcome {
    let errors: Vec<_> = ws
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .cloned()
        .collect();
    eprint!("{}", report::render(&errors, &ws.sources, Format::detect()));
    eprintln!("agon: fix these errors first (`agon check` lists every finding)");
    Outcome::Findings
}

/// The schools named (all, in declaration order, when none are), or a usage error.
pub fn school_ids(theory: &Theory, names: &[String]) -> Result<Vec<SchoolId>, Outcome> {
    if names.is_empty() {
        return Ok((0..theory.schools.len() as u32).map(SchoolId).collect());
    }
    names
        .iter()
        .map(|n| {
            theory.school_named(n).ok_or_else(|| {
                let known: Vec<&str> = theory.schools.iter().map(|s| s.name.as_str()).collect();
                let hint = agon::resolve::did_you_mean(n, &known)
                    .unwrap_or_else(|| format!("the schools are: {}", known.join(", ")));
                eprintln!("error: no school is named `{n}`\nhelp: {hint}");
                Outcome::Usage
            })
        })
        .collect()
}

/// Flags shared by the commands that reason.
#[derive(clap::Args, Clone, Copy)]
pub struct ReasoningArgs {
    /// The semantics claims are judged under.
    #[arg(long, value_enum, default_value = "grounded")]
    pub semantics: agon::dung::Semantics,
    /// Do not close strict rules under transposition (on by default, so that well-formed
    /// theories satisfy the rationality postulates).
    #[arg(long)]
    pub no_transposition: bool,
    /// Override every school's last-link / weakest-link choice.
    #[arg(long, value_enum)]
    pub link: Option<agon::model::Link>,
    /// Override every school's elitist / democratic choice.
    #[arg(long, value_enum)]
    pub comparison: Option<agon::model::Comparison>,
    /// SAT calls the search for preferred-sceptical and semi-stable standings may make per
    /// school (these questions are Π2-complete); standings past it are reported unknown.
    #[arg(long, default_value_t = 5_000)]
    pub max_search: usize,
}

impl ReasoningArgs {
    pub fn reasoner<'t>(&self, theory: &'t Theory) -> agon::reason::Reasoner<'t> {
        let options = agon::aspic::Options {
            transposition: !self.no_transposition,
            link: self.link,
            comparison: self.comparison,
            max_search: self.max_search,
            ..agon::aspic::Options::default()
        };
        agon::reason::Reasoner::new(theory, options, self.semantics)
    }
}

/// Parses `claim` or `not claim` against the theory's vocabulary.
pub fn literal(theory: &Theory, text: &str) -> Result<agon::model::Literal, Outcome> {
    let text = text.trim();
    let (negated, id) = text
        .strip_prefix("not ")
        .map_or((false, text), |r| (true, r.trim()));
    match theory.claim_named(id) {
        Some(claim) => Ok(agon::model::Literal { claim, negated }),
        None => {
            let known: Vec<&str> = theory.claims.iter().map(|c| c.id.as_str()).collect();
            let hint = agon::resolve::did_you_mean(id, &known)
                .unwrap_or_else(|| "see `agon status` for the claims".into());
            eprintln!("error: no claim is declared as `{id}`\nhelp: {hint}");
            Err(Outcome::Usage)
        }
    }
}

/// Writes a command's result to a file (atomically: a partial file is renamed into place) or,
/// when `path` is `None` or `-`, to standard output.
pub fn write_output(path: Option<&std::path::Path>, text: &str) -> Outcome {
    match path.filter(|p| p.as_os_str() != "-") {
        None => {
            out!("{text}");
            Outcome::Clean
        }
        Some(path) => {
            let partial = path.with_extension("agon-partial");
            match std::fs::write(&partial, text).and_then(|()| std::fs::rename(&partial, path)) {
                Ok(()) => Outcome::Clean,
                Err(e) => {
                    let _ = std::fs::remove_file(&partial);
                    eprintln!("error: cannot write `{}`: {e}", path.display());
                    Outcome::Usage
                }
            }
        }
    }
}

/// What the reasoning commands start from: the workspace, free of errors, and the schools
/// named with `--school` (all when none are).
pub fn open_schools(
    paths: Vec<PathBuf>,
    names: &[String],
) -> Result<(Workspace, Vec<SchoolId>), Outcome> {
    let ws = open(paths)?;
    if ws.has_errors() {
        return Err(report_errors(&ws));
    }
    let ids = school_ids(&ws.theory, names)?;
    Ok((ws, ids))
}
