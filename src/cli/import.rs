//! `agon import aif FILE`: an AIF JSON argument map (AIFdb, OVA, xAIF) as a theory file with
//! one school. It writes to standard output, or to `--output FILE`, which must not exist yet:
//! an import never overwrites what the user wrote.

use super::Outcome;
use std::path::PathBuf;

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportFormat {
    /// The Argument Interchange Format as JSON (AIFdb, OVA, xAIF).
    Aif,
}

#[derive(clap::Args)]
pub struct ImportArgs {
    /// The format to read.
    #[arg(value_enum)]
    from: ImportFormat,
    /// The file to read (`-`: standard input).
    file: PathBuf,
    /// The name of the school to write.
    #[arg(long, default_value = "imported")]
    school: String,
    /// Where to write the theory (default, or `-`: standard output); an existing file is
    /// never overwritten.
    #[arg(long, short)]
    output: Option<PathBuf>,
}

pub fn run(args: ImportArgs) -> Outcome {
    let text = if args.file.as_os_str() == agon::load::STDIN {
        agon::load::read_stdin()
    } else {
        agon::load::read_text_or_reason(&args.file)
    };
    let text = match text {
        Ok(t) => t,
        Err(reason) => {
            eprintln!("error: cannot read `{}`: {reason}", args.file.display());
            return Outcome::Usage;
        }
    };
    let origin = args.file.file_name().map_or("standard input".into(), |n| {
        n.to_string_lossy().into_owned()
    });
    let ImportFormat::Aif = args.from;
    let theory = match agon::exchange::aif::import(&text, &args.school, &origin) {
        Ok(t) => t,
        Err(e) => {
            eprintln!(
                "error: `{}` cannot be imported: {}\nhelp: agon reads AIF JSON as AIFdb and OVA write it: {{\"nodes\": [...], \"edges\": [...]}}",
                args.file.display(),
                e.0
            );
            return Outcome::Findings;
        }
    };
    if let Some(path) = args.output.as_ref().filter(|p| p.as_os_str() != "-") {
        if path.exists() {
            eprintln!(
                "error: `{}` exists; agon import never overwrites a file\nhelp: name a new file, or write to standard output",
                path.display()
            );
            return Outcome::Usage;
        }
    }
    super::write_output(args.output.as_deref(), &theory)
}
