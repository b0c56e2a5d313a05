//! agon: a formal argument-graph reasoner for rival schools of thought.
//!
//! Theory files are parsed (`syntax`), resolved into a model of schools (`resolve`, `model`),
//! turned into ASPIC+ structured arguments (`aspic`) and evaluated under Dung's semantics (`dung`).

pub mod aba;
pub mod aspic;
pub mod compare;
pub mod diagnostic;
pub mod diverge;
pub mod dung;
pub mod exchange;
pub mod expect;
pub mod format;
pub mod fuzzing;
pub mod graph;
pub mod hash;
pub mod iccma;
pub mod load;
pub mod lsp;
pub mod model;
pub mod reason;
pub mod reasoning;
pub mod render;
pub mod report;
pub mod resolve;
pub mod revision;
pub(crate) mod sat;
pub mod source;
pub mod syntax;
pub mod synth;
pub mod workspace;
