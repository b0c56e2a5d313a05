//! Abstract argumentation frameworks (Dung 1995) and their semantics: grounded (in linear
//! time), and complete, stable, preferred, semi-stable (Caminada 2006) and ideal (Dung,
//! Mancarella & Toni 2007) extensions and acceptance through a SAT solver, and stage
//! extensions (Verheij 1996) outside the [`Semantics`] names. Arguments are the indices
//! `0..n`; a framework knows nothing of what they stand for.
//!
//! - `framework`: the [`Framework`] (a petgraph graph plus attacker lists);
//! - `grounded`: the grounded labelling, `O(n + m)`;
//! - `labelling`: labels, extension ↔ labelling, legality;
//! - `semantics`: the [`Semantics`] names and [`extensions`] enumeration;
//! - `acceptance`: credulous and sceptical [`acceptance`] without enumeration;
//! - `ideal`: the ideal extension from credulous acceptance;
//! - [`stage`]: stage extensions and acceptance (conflict-free sets of maximal range);
//! - `sat`: the encodings and SAT loops behind the above.

mod acceptance;
#[cfg(test)]
mod brute;
mod framework;
mod grounded;
mod ideal;
mod labelling;
mod sat;
mod semantics;
pub mod stage;

pub use acceptance::{acceptance, credulous, sceptical, Acceptance, Acceptances};
pub(crate) use framework::buckets;
pub use framework::Framework;
pub use grounded::grounded;
pub use ideal::ideal;
pub use labelling::{in_arguments, is_complete_labelling, labelling, Label, Labelling};
pub use sat::Enumeration;
pub use semantics::{extensions, some_extension, Extension, Semantics};

#[cfg(test)]
mod tests;
