//! `agon solve`: the ICCMA 2023 solver interface (`-p TASK -f FILE [-a QUERY]`), so agon can be
//! run on the competition's benchmarks. Reading, tasks and answers live in `agon::iccma`; this
//! file maps flags and failures to output and exit codes.

use super::Outcome;
use agon::iccma::{self, Kind, Task};
use agon::report::{self, Format};
use std::path::PathBuf;

const TASKS: &str = "\
TASKS (PROBLEM-SEMANTICS, any letter case):
  problems   DC  credulous: is the query in some extension?          YES / NO
             DS  sceptical: is the query in every extension?         YES / NO
             SE  some extension                                      w a1 a2 ... / NO
  semantics  CO complete, PR preferred, ST stable, SST semi-stable, STG stage,
             ID ideal, GR grounded
  `p af` files take all 21 tasks; `p aba` files all but the STG ones (for ABA the query is
  an atom, accepted when some / every extension derives it, and SE names the assumptions).
  ICCMA 2023 posed DC, DS, SE under CO, PR, ST, SST, STG and ID tasks on AFs, and DC-CO,
  DC-ST, DS-PR, DS-ST, SE-PR, SE-ST on ABA. DC and DS print YES or NO alone, as its ABA and
  approximate tracks want (its main track also wants a witness extension; agon prints none).

FILES (ids are 1-based; `#` starts a comment line):
  p af N        then lines `i j`: argument i attacks argument j (arguments 1..N)
  p aba N       then `a x` (assumption), `c x y` (y is the contrary of x),
                `r h b1 ... bk` (rule h <- b1, ..., bk) over atoms 1..N; flat only

EXIT CODES: 0 answered, 1 the file has errors (located), 2 usage error or unreadable path";

#[derive(clap::Args)]
#[command(after_help = TASKS)]
pub struct SolveArgs {
    /// The task, e.g. `DC-PR` or `SE-STG` (see TASKS below).
    #[arg(short = 'p', long = "task", value_parser = parse_task, required_unless_present = "problems")]
    task: Option<Task>,
    /// The ICCMA 2023 file (`p af` or `p aba`); `-` reads standard input.
    #[arg(short = 'f', long = "file", required_unless_present = "problems")]
    file: Option<PathBuf>,
    /// The query argument (AF) or atom (ABA), 1-based; `DC` and `DS` tasks only.
    #[arg(short = 'a', long = "query", value_parser = clap::value_parser!(u64).range(1..))]
    query: Option<u64>,
    /// List the supported tasks, `[DC-CO,DC-PR,...]`, as ICCMA solvers do, and stop.
    #[arg(long, conflicts_with_all = ["task", "file", "query"])]
    problems: bool,
    /// How to write errors in the file (default as for `agon check`).
    #[arg(long, value_enum, env = "AGON_FORMAT")]
    format: Option<Format>,
}

fn parse_task(text: &str) -> Result<Task, String> {
    text.parse()
}

pub fn run(args: SolveArgs) -> Outcome {
    if args.problems {
        let names: Vec<String> = Task::all().map(|t| t.to_string()).collect();
        outln!("[{}]", names.join(","));
        return Outcome::Clean;
    }
    let (Some(task), Some(path)) = (args.task, args.file) else {
        unreachable!("clap requires both unless --problems");
    };
    match (task.needs_query(), args.query) {
        (true, None) => {
            return usage(
                &format!("`{task}` needs a query"),
                "name the argument or atom with `-a N` (1-based)",
            )
        }
        (false, Some(_)) => {
            return usage(
                &format!("`{task}` takes no query"),
                "drop `-a`; SE tasks print one extension",
            )
        }
        _ => {}
    }
    let loaded = match iccma::load(&path) {
        Ok(loaded) => loaded,
        Err(e) => {
            eprintln!("error: {e}");
            return Outcome::Usage;
        }
    };
    let instance = match loaded.instance {
        Ok(instance) => instance,
        Err(diagnostics) => {
            let format = args.format.unwrap_or_else(Format::detect);
            eprint!("{}", report::render(&diagnostics, &loaded.sources, format));
            return Outcome::Findings;
        }
    };
    let kind = instance.kind();
    if !task.supports(kind) {
        return usage(
            &format!("`{task}` is not a task for `p {}` files", kind.name()),
            "ABA files take CO, PR, ST, SST, ID and GR tasks (see `agon solve --help`)",
        );
    }
    let query = match args.query {
        Some(q) if q > instance.size() as u64 => {
            let what = if kind == Kind::Af { "argument" } else { "atom" };
            return usage(
                &format!("the query {q} is not an {what} of the file"),
                &format!(
                    "the file has {} {what}s, named 1 to {}",
                    instance.size(),
                    instance.size()
                ),
            );
        }
        Some(q) => Some((q - 1) as u32),
        None => None,
    };
    // One write of the whole line; a closed pipe (`| head`) is the reader's choice, not a crash.
    outln!("{}", iccma::answer(&instance, task, query));
    Outcome::Clean
}

fn usage(message: &str, help: &str) -> Outcome {
    eprintln!("error: {message}\nhelp: {help}");
    Outcome::Usage
}
