//! `agon init [DIR]`: a starter theory folder (two schools, a source list, a shared
//! vocabulary, expectations) and a CI workflow that runs `agon check --format github`. It
//! never overwrites: if any file it would write exists, it writes nothing and says which.

use super::Outcome;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct InitArgs {
    /// The folder to create the project in (default: the current folder).
    dir: Option<PathBuf>,
}

/// Each file of the starter project: where it goes and what it holds.
const FILES: [(&str, &str); 5] = [
    ("theories/sources.agon", include_str!("init/sources.agon")),
    ("theories/concepts.agon", include_str!("init/concepts.agon")),
    ("theories/realism.agon", include_str!("init/realism.agon")),
    (
        "theories/constructivism.agon",
        include_str!("init/constructivism.agon"),
    ),
    (".github/workflows/agon.yml", include_str!("init/agon.yml")),
];

pub fn run(args: InitArgs) -> Outcome {
    let dir = args.dir.unwrap_or_else(|| PathBuf::from("."));
    let taken: Vec<String> = FILES
        .iter()
        .map(|(path, _)| dir.join(path))
        .filter(|p| p.exists())
        .map(|p| p.display().to_string())
        .collect();
    if !taken.is_empty() {
        eprintln!(
            "error: agon init would overwrite {}; nothing was written\nhelp: run it in an empty folder, e.g. `agon init my-debate`",
            taken.join(", ")
        );
        return Outcome::Usage;
    }
    for (path, text) in FILES {
        let full = dir.join(path);
        let written = full
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&full, text));
        if let Err(e) = written {
            eprintln!("error: cannot write `{}`: {e}", full.display());
            return Outcome::Usage;
        }
        outln!("created {}", full.display());
    }
    outln!(
        "next: `agon check {0}` checks the theories, `agon diverge {0}` compares the schools",
        dir.join("theories").display()
    );
    Outcome::Clean
}
