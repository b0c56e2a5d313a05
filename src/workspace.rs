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

    /// [`Workspace::open`], reading the files `overlay` holds (an editor's unsaved buffers)
    /// from it rather than from disk.
    pub fn open_with(paths: &[PathBuf], overlay: &load::Overlay) -> Result<Workspace, PathError> {
        Ok(Workspace::from_loaded(load::load_with(paths, overlay)?))
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

    /// Everything `agon check` checks beyond syntax and names, when those are clean: each
    /// school's consistency and rationality postulates (grounded), and every expectation.
    /// The findings are added to [`Workspace::diagnostics`]; returns how many expectations
    /// held and failed, or `None` when errors stopped the reasoning.
    pub fn reason(&mut self, options: crate::aspic::Options) -> Option<(usize, usize)> {
        if self.has_errors() {
            return None;
        }
        let mut reasoner =
            crate::reason::Reasoner::new(&self.theory, options, crate::dung::Semantics::Grounded);
        let mut found = Vec::new();
        for i in 0..self.theory.schools.len() {
            found.extend(reasoner.findings(crate::model::SchoolId(i as u32)));
        }
        let outcome = crate::expect::evaluate(&self.theory, &mut reasoner);
        let counts = (outcome.held, outcome.failed.len());
        found.extend(outcome.failed);
        self.diagnostics.extend(found);
        Some(counts)
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// How many findings one file reports; the rest are counted in a final note, so a garbage
/// file cannot bury the terminal (or a CI log) under millions of lines.
pub const MAX_PER_FILE: usize = 100;

fn cap_per_file(diagnostics: &mut Vec<Diagnostic>, sources: &SourceMap) {
    type FileKey = Option<crate::source::FileId>;
    let mut kept = Vec::with_capacity(diagnostics.len().min(1024));
    // Per file: findings seen, and whether any hidden one is an error.
    let mut counts: std::collections::BTreeMap<FileKey, (usize, bool)> = Default::default();
    for d in diagnostics.drain(..) {
        let entry = counts.entry(d.primary().map(|s| s.file)).or_default();
        entry.0 += 1;
        if entry.0 <= MAX_PER_FILE {
            kept.push(d);
        } else {
            entry.1 |= d.is_error();
        }
    }
    for (file, (n, hidden_error)) in counts {
        if n <= MAX_PER_FILE {
            continue;
        }
        let message = format!(
            "{} more findings in this file are not shown",
            n - MAX_PER_FILE
        );
        // The note is as severe as the worst finding it hides.
        let mut note = if hidden_error {
            Diagnostic::error("agon::too-many-findings", message)
        } else {
            Diagnostic::warning("agon::too-many-findings", message)
        }
        .with_help("fix the findings above and run agon again");
        if let Some(file) = file {
            let end = sources.get(file).text.len();
            note = note.with_label(Span::new(file, end, end), "the file ends here");
        }
        kept.push(note);
    }
    *diagnostics = kept;
}
