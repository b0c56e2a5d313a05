//! Standings of a school's literals, decided exactly and without building arguments: the
//! school is translated into a flat ABA framework ([`translate`]) whose assumption-level
//! semantics give the standings of its ASPIC+ arguments, and the literals are judged by the
//! ABA solver ([`crate::aba`]). Weakest-link with `prefer` statements splits each step by the
//! strength of the argument it tops ([`weakest`]); where that translation would pass its size
//! limit, arguments are built ([`crate::aspic`]); if that is cut short, every standing is
//! [`Standing::Unknown`] and the evaluation says why — never a guess.
//!
//! Standings (Caminada 2006's labellings read over conclusions, as in Modgil & Prakken 2013):
//! a literal with arguments is **accepted** when every extension has an argument for it,
//! **credulous** when some but not all do, **rejected** when every argument for it is out
//! in every labelling, **undecided** otherwise (also under stable semantics when there is
//! no stable extension). At the assumption level: "S has an argument for φ" is φ ∈ Th(S);
//! "every argument for φ is out" is φ ∉ Th(U_S), U_S the assumptions S does not attack.

pub mod evaluate;
pub mod translate;
pub mod weakest;

pub use evaluate::{evaluate, evaluate_with, Evaluation, Witness};
pub use translate::{translate, translate_with, Inexact, Translation};

#[cfg(test)]
mod tests;
