//! One run's inputs, read and resolved: the facade the command line and the tests use to get
//! from paths to a [`Theory`] plus every diagnostic found on the way.

use crate::diagnostic::Diagnostic;
use crate::load::{self, PathError};
use crate::model::Theory;
use crate::resolve;
use crate::source::{SourceMap, Span};
use std::path::PathBuf;

/// Files read, the theory they resolve to, and what is wrong with them.
#[derive(Debug)]
pub struct Workspace {
    pub sources: SourceMap,
    pub theory: Theory,
    pub diagnostics: Vec<Diagnostic>,
}

impl Workspace {
    /// Reads and resolves the paths (files or folders). Fails only when a named path cannot
    /// be read at all; problems inside files are diagnostics.
    pub fn open(paths: &[PathBuf]) -> Result<Workspace, PathError> {
        Ok(Workspace::from_loaded(load::load(paths)?))
    }

    /// Resolves one in-memory file (no `use`): for tests and benchmarks.
    pub fn from_text(name: &str, text: &str) -> Workspace {
        Workspace::from_loaded(load::load_str(name, text))
    }

    fn from_loaded(mut loaded: load::Loaded) -> Workspace {
        let (theory, resolved) = resolve::resolve(&loaded);
        let mut diagnostics = std::mem::take(&mut loaded.diagnostics);
        diagnostics.extend(resolved);
        // Read in file order, top to bottom; unlocated findings (e.g. a folder loop) first.
        diagnostics.sort_by_key(|d| d.primary());
        cap_per_file(&mut diagnostics, &loaded.sources);
        Workspace {
            sources: loaded.sources,
            theory,
            diagnostics,
        }
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// How many findings one file reports; the rest are counted in a final note, so a garbage
/// file cannot bury the terminal (or a CI log) under millions of lines.
pub const MAX_PER_FILE: usize = 100;

fn cap_per_file(diagnostics: &mut Vec<Diagnostic>, sources: &SourceMap) {
    let mut kept = Vec::with_capacity(diagnostics.len().min(1024));
    let mut counts: std::collections::HashMap<Option<crate::source::FileId>, usize> =
        Default::default();
    for d in diagnostics.drain(..) {
        let n = counts.entry(d.primary().map(|s| s.file)).or_default();
        *n += 1;
        if *n <= MAX_PER_FILE {
            kept.push(d);
        }
    }
    let mut over: Vec<_> = counts
        .into_iter()
        .filter(|(_, n)| *n > MAX_PER_FILE)
        .collect();
    over.sort();
    for (file, n) in over {
        let mut note = Diagnostic::error(
            "agon::too-many-findings",
            format!(
                "{} more findings in this file are not shown",
                n - MAX_PER_FILE
            ),
        )
        .with_help("fix the findings above and run agon again");
        if let Some(file) = file {
            let end = sources.get(file).text.len();
            note = note.with_label(Span::new(file, end, end), "the file ends here");
        }
        kept.push(note);
    }
    *diagnostics = kept;
}
