//! batsat behind a preprocessor, for questions settled by calls that add no clause after the
//! first ([`super::Solver::for_one_call`] in a build without CaDiCaL). Owns the order of
//! things: clauses are only collected until the first call, which eliminates what it can
//! ([`super::elim`]) over every variable it does not assume, hands the rest to batsat, and
//! extends each model to the eliminated variables.
//!
//! A later clause or assumption over an eliminated variable cannot be answered on the reduced
//! formula. Then every clause ever added goes into a fresh batsat with no variable eliminated
//! (as CaDiCaL restores eliminated clauses): the answer stays exact and only that call pays
//! for starting over.

use super::elim::{eliminate, Reduced};
use super::{batsat_var, Lit, Phase};
use batsat::SolverInterface;

#[derive(Default)]
pub(super) struct Simplifying {
    /// Each variable's first phase, and whether the search decides on it.
    vars: Vec<(Phase, bool)>,
    /// Every clause added, as added.
    clauses: Vec<Vec<Lit>>,
    /// Set by the first call.
    loaded: Option<Loaded>,
}

struct Loaded {
    solver: Box<batsat::BasicSolver>,
    buffer: Vec<batsat::Lit>,
    /// `None` once a clause or an assumption brought eliminated variables back.
    reduced: Option<Reduced>,
    /// The last model, over every variable.
    model: Vec<bool>,
}

impl Loaded {
    /// A batsat loaded with `clauses`, after eliminating what `reduced` says (if anything).
    fn new(vars: &[(Phase, bool)], clauses: &[Vec<Lit>], reduced: Option<Reduced>) -> Self {
        let mut solver = Box::<batsat::BasicSolver>::default();
        let gone = |v: usize| reduced.as_ref().is_some_and(|r| r.gone[v]);
        for (v, &(phase, decide)) in vars.iter().enumerate() {
            batsat_var(&mut solver, phase, decide && !gone(v));
        }
        let mut loaded = Loaded {
            solver,
            buffer: Vec::new(),
            model: Vec::new(),
            reduced: None,
        };
        let kept = reduced.as_ref().map_or(clauses, |r| &r.clauses);
        for c in kept {
            loaded.add(c);
        }
        loaded.reduced = reduced;
        loaded
    }

    fn add(&mut self, clause: &[Lit]) {
        self.buffer.clear();
        self.buffer.extend(clause.iter().map(|l| l.batsat()));
        self.solver.add_clause_reuse(&mut self.buffer);
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
            batsat_var(&mut loaded.solver, phase, decide);
        }
    }

    pub(super) fn add_clause(&mut self, lits: &[Lit]) {
        self.clauses.push(lits.to_vec());
        match &mut self.loaded {
            None => {}
            Some(loaded) if loaded.touches_gone(lits) => self.restore(),
            Some(loaded) => loaded.add(lits),
        }
    }

    pub(super) fn solve(&mut self, assumptions: &[Lit]) -> bool {
        let loaded = match self.loaded.take() {
            None => {
                let mut frozen = vec![false; self.vars.len()];
                for l in assumptions {
                    frozen[l.var() as usize] = true;
                }
                let reduced = eliminate(self.vars.len() as u32, self.clauses.clone(), &frozen);
                Loaded::new(&self.vars, &self.clauses, Some(reduced))
            }
            Some(loaded) if loaded.touches_gone(assumptions) => {
                Loaded::new(&self.vars, &self.clauses, None)
            }
            Some(loaded) => loaded,
        };
        let loaded = self.loaded.insert(loaded);
        loaded.buffer.clear();
        loaded.buffer.extend(assumptions.iter().map(|l| l.batsat()));
        let sat = loaded.solver.solve_limited(&loaded.buffer) == batsat::lbool::TRUE;
        if sat {
            let solver = &loaded.solver;
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

    /// Puts every clause back, in a fresh batsat with no variable eliminated.
    fn restore(&mut self) {
        self.loaded = Some(Loaded::new(&self.vars, &self.clauses, None));
    }

    pub(super) fn value(&self, lit: Lit) -> bool {
        let model = self.loaded.as_ref().map_or(&[][..], |l| &l.model[..]);
        model.get(lit.var() as usize) == Some(&lit.positive())
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
