//! The SAT solvers behind every encoding in agon (the Dung layer's in `dung::sat`, the ABA
//! layer's in `aba::encoding`): variables, literals, and a solver that decides the clauses
//! under assumptions and keeps the last model. Owns the choice of solver, so the encodings
//! never name one.
//!
//! Two ways of asking, each with its solver:
//! - **incremental** (the default): batsat, a MiniSat port. Most questions are loops of many
//!   small calls, each adding clauses over variables of the earlier ones (blocking clauses,
//!   activation literals, counterexample-guided refinement). MiniSat keeps every variable,
//!   so a call costs no more than its search, and it follows the encodings' hints (initial
//!   phase, and which variables are decided on).
//! - **one call** ([`Solver::for_one_call`]), for questions answered by calls that add no
//!   clause after the first: the formula is simplified by bounded variable elimination
//!   before the search. A clause added later over an eliminated variable brings the
//!   eliminated clauses back, a pass over the whole formula; in agon's loops that made the
//!   layered 10,000-rule theory 40 times slower (0.9 s to 36 s under preferred semantics),
//!   hence the two kinds. Which solver does it depends on the build:
//!   - by default, batsat after agon's own elimination with gate detection (`elim`,
//!     `simplify`): on a 20,000-argument framework with no stable extension, 2.3 s against
//!     4.5–5.1 s for batsat alone;
//!   - with `--features cadical` (needs a C++ compiler), CaDiCaL 1.9 (Biere, Fazekas,
//!     Fleury & Heisinger 2020) through the `cadical` crate, with its own elimination and
//!     inprocessing: 2.9 s on that framework.
//!
//! All are exact; which one answers changes the time, never the answer.

mod elim;
mod simplify;

use batsat::SolverInterface;
use simplify::Simplifying;
use std::ops::Not;

/// A propositional variable, numbered from 0 in the order made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Var(u32);

/// A variable or its negation: `2v` for `v`, `2v + 1` for `¬v` (MiniSat's numbering). The
/// order matters: the encodings sort and deduplicate literals, and the order clauses reach
/// the solver in steers its search.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Lit(u32);

impl Var {
    /// The literal `v` (`positive`) or `¬v`.
    pub(crate) fn lit(self, positive: bool) -> Lit {
        Lit(2 * self.0 + u32::from(!positive))
    }
}

/// The literal `v`.
pub(crate) fn pos(v: Var) -> Lit {
    v.lit(true)
}

/// The literal `¬v`.
pub(crate) fn neg(v: Var) -> Lit {
    v.lit(false)
}

impl Lit {
    fn var(self) -> u32 {
        self.0 >> 1
    }

    fn positive(self) -> bool {
        self.0 & 1 == 0
    }

    fn batsat(self) -> batsat::Lit {
        // Variables are made only here, in order, so they are numbered as batsat numbers its.
        batsat::Lit::new(batsat::Var::unsafe_from_idx(self.var()), self.positive())
    }

    /// As DIMACS: the variable's number from 1, negated for `¬v`.
    #[cfg(feature = "cadical")]
    fn dimacs(self) -> i32 {
        let v = self.var() as i32 + 1;
        if self.positive() {
            v
        } else {
            -v
        }
    }
}

impl Not for Lit {
    type Output = Lit;
    fn not(self) -> Lit {
        Lit(self.0 ^ 1)
    }
}

/// The value a variable is first tried with when the solver decides on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Phase {
    True,
    False,
    /// The solver's own choice.
    Any,
}

/// A solver: clauses are only ever added; each call decides them under its assumptions
/// (literals that hold for that call only).
pub(crate) struct Solver {
    backend: Backend,
    vars: u32,
}

enum Backend {
    Incremental(Batsat<batsat::BasicCallbacks>),
    /// batsat after bounded variable elimination, for one-call questions without CaDiCaL.
    #[cfg_attr(feature = "cadical", allow(dead_code))]
    Simplifying(Box<Simplifying>),
    #[cfg(feature = "cadical")]
    OneCall {
        solver: cadical::Solver,
        /// The last satisfying assignment, `model[v]` for variable `v`.
        /// CaDiCaL forgets its model when a clause is added; batsat keeps its own.
        model: Vec<bool>,
    },
}

impl Default for Solver {
    fn default() -> Self {
        Solver {
            backend: Backend::Incremental(Batsat::default()),
            vars: 0,
        }
    }
}

impl Solver {
    /// A solver for questions answered by calls that add no clause after the first call
    /// (assumptions may differ from call to call): CaDiCaL, with its preprocessing, when
    /// built in. Any other use stays exact but may be slow (see the module header).
    pub(crate) fn for_one_call() -> Self {
        #[cfg(feature = "cadical")]
        return Solver {
            backend: Backend::OneCall {
                solver: cadical::Solver::new(),
                model: Vec::new(),
            },
            vars: 0,
        };
        #[cfg(not(feature = "cadical"))]
        Solver {
            backend: Backend::Simplifying(Box::default()),
            vars: 0,
        }
    }

    /// A fresh variable, decided on by the search, first tried with the solver's choice.
    pub(crate) fn new_var(&mut self) -> Var {
        self.new_var_with(Phase::Any, true)
    }

    /// A fresh variable, first tried with `phase`, and decided on by the search (`decide`)
    /// or left to propagation. CaDiCaL decides on every variable, and tries true first.
    pub(crate) fn new_var_with(&mut self, phase: Phase, decide: bool) -> Var {
        let var = Var(self.vars);
        self.vars += 1;
        match &mut self.backend {
            Backend::Incremental(b) => b.new_var(phase, decide),
            Backend::Simplifying(s) => s.new_var(phase, decide),
            #[cfg(feature = "cadical")]
            Backend::OneCall { .. } => {}
        }
        var
    }

    /// Adds a clause for good. The empty clause makes every later call unsatisfiable.
    pub(crate) fn add_clause(&mut self, lits: &[Lit]) {
        match &mut self.backend {
            Backend::Incremental(b) => b.add(lits),
            Backend::Simplifying(s) => s.add_clause(lits),
            #[cfg(feature = "cadical")]
            Backend::OneCall { solver, .. } => solver.add_clause(lits.iter().map(|l| l.dimacs())),
        }
    }

    /// Whether the clauses and the assumptions are satisfiable; if so, the model is kept for
    /// [`Solver::value`] until the next call.
    pub(crate) fn solve(&mut self, assumptions: &[Lit]) -> bool {
        match &mut self.backend {
            Backend::Incremental(b) => b.search(assumptions) == batsat::lbool::TRUE,
            Backend::Simplifying(s) => s.solve(assumptions),
            #[cfg(feature = "cadical")]
            Backend::OneCall { solver, model } => {
                // Variables made but in no clause are unknown to CaDiCaL; naming them keeps
                // every variable's value readable (false, when nothing constrains it).
                solver.reserve(self.vars as i32);
                // Without a limit or a terminator CaDiCaL always decides: `None` cannot
                // come back.
                let sat = solver.solve_with(assumptions.iter().map(|l| l.dimacs())) == Some(true);
                if sat {
                    model.clear();
                    let vars = self.vars as i32;
                    model.extend((1..=vars).map(|v| solver.value(v) == Some(true)));
                }
                sat
            }
        }
    }

    /// How many variables the one-call solver still searches over (CaDiCaL: not eliminated,
    /// not fixed; batsat after elimination: not eliminated), to show tests that the
    /// preprocessing ran; `None` for the incremental solver.
    #[cfg(test)]
    fn active_vars(&self) -> Option<i32> {
        match &self.backend {
            Backend::Incremental(_) => None,
            Backend::Simplifying(s) => Some(s.active_vars() as i32),
            #[cfg(feature = "cadical")]
            Backend::OneCall { solver, .. } => Some(solver.num_variables()),
        }
    }

    /// The literal's value in the last model.
    pub(crate) fn value(&self, lit: Lit) -> bool {
        match &self.backend {
            Backend::Incremental(b) => b.solver.value_lit(lit.batsat()) == batsat::lbool::TRUE,
            Backend::Simplifying(s) => s.value(lit),
            #[cfg(feature = "cadical")]
            Backend::OneCall { model, .. } => {
                let v = model.get(lit.var() as usize) == Some(&true);
                v == lit.positive()
            }
        }
    }
}

/// batsat, and a buffer reused to hand it literals without allocating.
struct Batsat<C: batsat::Callbacks> {
    solver: Box<batsat::Solver<C>>,
    buffer: Vec<batsat::Lit>,
}

impl<C: batsat::Callbacks + Default> Default for Batsat<C> {
    fn default() -> Self {
        Batsat {
            solver: Box::default(),
            buffer: Vec::new(),
        }
    }
}

impl<C: batsat::Callbacks> Batsat<C> {
    /// Makes the next variable, first tried with `phase`, decided on by the search or not.
    fn new_var(&mut self, phase: Phase, decide: bool) {
        let phase = match phase {
            Phase::True => batsat::lbool::TRUE,
            Phase::False => batsat::lbool::FALSE,
            Phase::Any => batsat::lbool::UNDEF,
        };
        self.solver.new_var(phase, decide);
    }

    fn add(&mut self, clause: &[Lit]) {
        self.buffer.clear();
        self.buffer.extend(clause.iter().map(|l| l.batsat()));
        self.solver.add_clause_reuse(&mut self.buffer);
    }

    /// batsat's answer under `assumptions`: `UNDEF` only when its callbacks stopped it.
    fn search(&mut self, assumptions: &[Lit]) -> batsat::lbool {
        self.buffer.clear();
        self.buffer.extend(assumptions.iter().map(|l| l.batsat()));
        self.solver.solve_limited(&self.buffer)
    }
}

#[cfg(test)]
mod tests;
