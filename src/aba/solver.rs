//! Acceptance of atoms and single extensions under each semantics. (Interface; the
//! implementation lands with the SAT encoding.)

use super::Framework;
use crate::dung::Semantics;

/// Answers questions about one frozen framework, keeping its SAT encodings between them.
pub struct Solver<'f> {
    pub framework: &'f Framework,
}

impl<'f> Solver<'f> {
    pub fn new(framework: &'f Framework) -> Self {
        Solver { framework }
    }

    /// Whether some σ-extension derives `atom`.
    pub fn credulous(&mut self, semantics: Semantics, atom: u32) -> bool {
        let _ = (semantics, atom);
        unimplemented!("lands with the encoding")
    }

    /// Whether every σ-extension derives `atom` (vacuously true when there is none).
    pub fn sceptical(&mut self, semantics: Semantics, atom: u32) -> bool {
        let _ = (semantics, atom);
        unimplemented!("lands with the encoding")
    }

    /// One σ-extension (its assumptions, ascending), or `None` when there is none.
    pub fn extension(&mut self, semantics: Semantics) -> Option<Vec<u32>> {
        let _ = semantics;
        unimplemented!("lands with the encoding")
    }
}
