//! ASPIC+ structured argumentation over one school (Modgil & Prakken 2013, "A general account
//! of argumentation with preferences", AIJ 195; 2014, "The ASPIC+ framework for structured
//! argumentation: a tutorial", Argument & Computation 5(1)): the school's premises and
//! inferences become arguments, attacks and defeats; the defeat graph is a Dung framework;
//! and each literal gets a standing under a chosen semantics.
//!
//! The pipeline, one module per step:
//! [`rules`] (the school's rules and contrariness) and [`transposition`] (closure of the
//! strict rules) → [`argument`] (arguments, Def. 3.6) → [`attack`] (Def. 3.10) →
//! [`preference`] (argument orderings, Def. 3.19-3.23) → [`defeat`] (Def. 3.12) →
//! [`framework`] (the whole, and the Dung framework of defeats) → [`status`] (standings of
//! literals). [`consistency`] checks axioms and the rationality postulates (Caminada &
//! Amgoud 2007), [`explain`] says why a literal stands as it does, and [`pyarg`] exports a
//! school for differential testing.
//!
//! The grounded labelling is computed on the compact form of the defeat relation (direct
//! defeats plus sub-argument links, see [`attack`]) in time linear in its size. Other
//! semantics materialise the full Dung framework and use the SAT-based solvers in
//! [`crate::dung`].
//!
//! This module reads the resolved [`crate::model`] and nothing of syntax; it does not print.

pub mod argument;
pub mod attack;
pub mod consistency;
pub mod decides;
pub mod defeat;
pub mod explain;
pub mod framework;
pub mod idle;
pub mod preference;
pub mod pyarg;
pub mod rules;
pub mod status;
pub mod transposition;

#[cfg(test)]
mod testkit;
#[cfg(test)]
mod tests;

pub use framework::{build, build_from, build_with, Evaluation, Options, Structured};
