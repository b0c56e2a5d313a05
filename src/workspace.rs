//! One run's inputs, read and resolved: the facade the command line and the tests use to get
//! from paths to a [`Theory`] plus every diagnostic found on the way.

use crate::diagnostic::Diagnostic;
use crate::load::{self, PathError};
use crate::model::Theory;
use crate::resolve;
use crate::source::SourceMap;
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
        let loaded = load::load(paths)?;
        let (theory, resolved) = resolve::resolve(&loaded);
        let mut diagnostics = loaded.diagnostics;
        diagnostics.extend(resolved);
        // Read in file order, top to bottom; unlocated findings (e.g. a folder loop) first.
        diagnostics.sort_by_key(|d| d.primary());
        Ok(Workspace {
            sources: loaded.sources,
            theory,
            diagnostics,
        })
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}
