//! Subcommands of the `agon` binary and what they share: exit codes and reading paths.

pub mod check;
pub mod fmt;

use agon::load::PathError;
use agon::workspace::Workspace;
use std::path::PathBuf;

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
    Workspace::open(&paths_or_default(paths)).map_err(|e: PathError| {
        eprintln!("error: {e}");
        Outcome::Usage
    })
}
