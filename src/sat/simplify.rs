//! batsat behind a preprocessor, for questions settled by calls that add no clause after the
//! first ([`super::Solver::for_one_call`] in a build without CaDiCaL). Owns the order of
//! things: clauses are only collected until the first call. That call first gives batsat the
//! whole formula for [`FIRST_LOOK`] conflicts, which settles the easy questions before
//! elimination would have finished (on a 20,000-argument grid, elimination took 55 ms and the
//! search 3 ms). Only if that look is cut short does it eliminate what it can
//! ([`super::elim`]) over every variable it does not assume, hand the rest to a fresh
//! batsat, and extend each model to the eliminated variables.
//!
//! A later clause or assumption over an eliminated variable cannot be answered on the reduced
//! formula. Then every clause ever added goes into a fresh batsat with no variable eliminated
//! (as CaDiCaL restores eliminated clauses): the answer stays exact and only that call pays
//! for starting over.

use super::elim::{eliminate, Reduced};
use super::{Batsat, Lit, Phase};
use batsat::SolverInterface;

/// Conflicts batsat may spend on the whole formula before it is simplified instead. Measured
/// on the 20,000-argument frameworks (CPU seconds): with no look, the grid's stable questions
/// took 0.10–0.15 s (elimination is most of it; the search alone, 3 ms); with 2,000 conflicts,
/// up to 0.28 s on a question that outlasts the look and then needs elimination. 100 keeps
/// both the easy ones (0.03 s) and those (0.10–0.12 s) near their best, and the hard random
/// framework at 2.2–2.3 s.
const FIRST_LOOK: u64 = 100;

/// batsat's callbacks, counting conflicts (one learnt clause each) to stop at a limit.
#[derive(Default)]
struct Budget {
    conflicts: u64,
    limit: Option<u64>,
}

impl batsat::Callbacks for Budget {
    fn on_new_clause(&mut self, _: &[batsat::Lit], kind: batsat::ClauseKind) {
        if kind == batsat::ClauseKind::Learnt {
            self.conflicts += 1;
        }
    }

    fn stop(&self) -> bool {
        self.limit.is_some_and(|limit| self.conflicts >= limit)
    }
}

pub(super) struct Simplifying {
    /// Conflicts for the first look at the whole formula ([`FIRST_LOOK`]; 0 in tests, to
    /// eliminate every time).
    first_look: u64,
    /// Each variable's first phase, and whether the search decides on it.
    vars: Vec<(Phase, bool)>,
    /// Every clause added, as added.
    clauses: Vec<Vec<Lit>>,
    /// Set by the first call.
    loaded: Option<Loaded>,
}

impl Default for Simplifying {
    fn default() -> Self {
        Simplifying {
            first_look: FIRST_LOOK,
            vars: Vec::new(),
            clauses: Vec::new(),
            loaded: None,
        }
    }
}

struct Loaded {
    batsat: Batsat<Budget>,
    /// `None` once a clause or an assumption brought eliminated variables back.
    reduced: Option<Reduced>,
    /// The last model, over every variable.
    model: Vec<bool>,
}

impl Loaded {
    /// A batsat loaded with `clauses`, after eliminating what `reduced` says (if anything).
    fn new(vars: &[(Phase, bool)], clauses: &[Vec<Lit>], reduced: Option<Reduced>) -> Self {
        let mut batsat = Batsat::<Budget>::default();
        let gone = |v: usize| reduced.as_ref().is_some_and(|r| r.gone[v]);
        for (v, &(phase, decide)) in vars.iter().enumerate() {
            batsat.new_var(phase, decide && !gone(v));
        }
        for c in reduced.as_ref().map_or(clauses, |r| &r.clauses) {
            batsat.add(c);
        }
        Loaded {
            batsat,
            reduced,
            model: Vec::new(),
        }
    }

    /// Whether any of `lits` is over an eliminated variable.
    fn touches_gone(&self, lits: &[Lit]) -> bool {
        self.reduced.as_ref().is_some_and(|r| {
            lits.iter()
                .any(|l| r.gone.get(l.var() as usize).copied().unwrap_or(false))
        })
    }
}

impl Simplifying {
    pub(super) fn new_var(&mut self, phase: Phase, decide: bool) {
        self.vars.push((phase, decide));
        if let Some(loaded) = &mut self.loaded {
            loaded.batsat.new_var(phase, decide);
        }
    }

    pub(super) fn add_clause(&mut self, lits: &[Lit]) {
        self.clauses.push(lits.to_vec());
        match &mut self.loaded {
            None => {}
            Some(loaded) if loaded.touches_gone(lits) => self.loaded = Some(self.restored()),
            Some(loaded) => loaded.batsat.add(lits),
        }
    }

    pub(super) fn solve(&mut self, assumptions: &[Lit]) -> bool {
        let mut loaded = match self.loaded.take() {
            None => {
                let mut first = Loaded::new(&self.vars, &self.clauses, None);
                first.batsat.solver.cb_mut().limit = Some(self.first_look);
                let answer = first.batsat.search(assumptions);
                first.batsat.solver.cb_mut().limit = None;
                if answer != batsat::lbool::UNDEF {
                    return self.answered(first, answer);
                }
                let mut frozen = vec![false; self.vars.len()];
                for l in assumptions {
                    frozen[l.var() as usize] = true;
                }
                let reduced = eliminate(self.vars.len() as u32, self.clauses.clone(), &frozen);
                Loaded::new(&self.vars, &self.clauses, Some(reduced))
            }
            Some(loaded) if loaded.touches_gone(assumptions) => self.restored(),
            Some(loaded) => loaded,
        };
        let answer = loaded.batsat.search(assumptions);
        self.answered(loaded, answer)
    }

    /// Keeps `loaded` for later calls, and its model (extended) when `answer` is true.
    fn answered(&mut self, loaded: Loaded, answer: batsat::lbool) -> bool {
        let loaded = self.loaded.insert(loaded);
        let sat = answer == batsat::lbool::TRUE;
        if sat {
            let solver = &loaded.batsat.solver;
            loaded.model.clear();
            loaded.model.extend((0..self.vars.len()).map(|v| {
                solver.value_var(batsat::Var::unsafe_from_idx(v as u32)) == batsat::lbool::TRUE
            }));
            if let Some(reduced) = &loaded.reduced {
                reduced.extend(&mut loaded.model);
            }
        }
        sat
    }

    /// Every clause back, in a fresh batsat with no variable eliminated.
    fn restored(&self) -> Loaded {
        Loaded::new(&self.vars, &self.clauses, None)
    }

    pub(super) fn value(&self, lit: Lit) -> bool {
        let model = self.loaded.as_ref().map_or(&[][..], |l| &l.model[..]);
        model.get(lit.var() as usize) == Some(&lit.positive())
    }

    /// One whose first look at the whole formula stops after `conflicts` (0: it always
    /// eliminates before the search).
    #[cfg(test)]
    pub(super) fn with_first_look(conflicts: u64) -> Self {
        Simplifying {
            first_look: conflicts,
            ..Simplifying::default()
        }
    }

    /// How many variables batsat searches over (all but the eliminated ones).
    #[cfg(test)]
    pub(super) fn active_vars(&self) -> usize {
        let gone = self
            .loaded
            .as_ref()
            .and_then(|l| l.reduced.as_ref())
            .map_or(0, |r| r.gone.iter().filter(|&&g| g).count());
        self.vars.len() - gone
    }
}
