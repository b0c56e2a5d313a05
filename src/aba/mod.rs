//! Exact reasoning without arguments: flat assumption-based argumentation (ABA) evaluated at
//! the level of assumption sets, so that no argument is ever materialised.
//!
//! The pipeline, one module per step: [`framework`] (atoms, assumptions, Horn rules,
//! contraries) → [`closure`] (derivability, a linear Horn closure) → [`grounded`] (the
//! grounded assumption set, a polynomial fixpoint) → `encoding` (the SAT encoding of
//! derivability with loop formulas added lazily) → [`solver`] (credulous and sceptical
//! acceptance of atoms and single extensions under complete, stable, preferred, semi-stable
//! and ideal semantics, by SAT calls and counterexample-guided loops, never by listing
//! extensions), with `search` (the counterexample-guided loops of the Π2 questions),
//! `undecided` (which *arguments* a set leaves undecided, compared between two sets without
//! listing them) and `semi_stable` (semi-stable over arguments, on those comparisons).
//!
//! For flat ABA the assumption-level semantics coincide with the semantics of the framework of
//! its arguments (Čyras et al. 2018, Thm. 3.x; Bondarenko et al. 1997): a set of arguments is
//! complete (grounded, preferred, stable, ideal) iff it is the set of arguments supported by a
//! complete (...) set of assumptions. ASPIC+ without preferences is an instance (Heyninck &
//! Straßer; Lehtonen, Wallner & Järvisalo, KR 2020): `crate::aspic` is translated here by
//! `crate::reasoning`.

pub mod closure;
pub mod framework;
pub mod grounded;
pub mod solver;

mod completion;
mod encoding;
mod founded;
mod parts;
mod search;
mod semi_stable;
mod undecided;
mod widen;

#[cfg(test)]
mod brute;
#[cfg(test)]
mod tests;

pub use framework::{AsmId, Framework, Rule};
pub use semi_stable::Asked;
pub use solver::{OutOfBudget, Solver};
