//! Both solvers behind the facade, against brute force on small formulas and against each
//! other (with every model checked clause by clause) on formulas large enough for CaDiCaL to
//! eliminate variables and rebuild their values when it extends a model.

use super::{Lit, Solver};
use crate::synth::Rng;

/// A formula over `vars` variables as clauses of literals `(variable, positive)`.
type Clauses = Vec<Vec<(u32, bool)>>;

/// `count` clauses of `min_len` to `max_len` literals over random variables.
fn random_clauses(
    rng: &mut Rng,
    vars: u32,
    count: usize,
    (min_len, max_len): (usize, usize),
) -> Clauses {
    (0..count)
        .map(|_| {
            let len = min_len + rng.below(max_len - min_len + 1);
            (0..len)
                .map(|_| (rng.below(vars as usize) as u32, rng.chance(50)))
                .collect()
        })
        .collect()
}

fn holds(clauses: &Clauses, assignment: impl Fn(u32) -> bool) -> bool {
    clauses
        .iter()
        .all(|c| c.iter().any(|&(v, positive)| assignment(v) == positive))
}

fn brute_force(vars: u32, clauses: &Clauses) -> bool {
    (0..1u32 << vars).any(|bits| holds(clauses, |v| bits >> v & 1 == 1))
}

/// Loads the clauses into a solver of each kind; returns the solvers and their variables.
fn both(vars: u32, clauses: &Clauses) -> Vec<(Solver, Vec<Lit>)> {
    [Solver::default(), Solver::for_one_call()]
        .into_iter()
        .map(|mut s| {
            let x: Vec<Lit> = (0..vars).map(|_| s.new_var().lit(true)).collect();
            for c in clauses {
                s.add_clause(&to_clause(&x, c));
            }
            (s, x)
        })
        .collect()
}

fn to_clause(x: &[Lit], c: &[(u32, bool)]) -> Vec<Lit> {
    c.iter()
        .map(|&(v, p)| if p { x[v as usize] } else { !x[v as usize] })
        .collect()
}

#[test]
fn both_solvers_agree_with_brute_force_under_assumptions_and_added_clauses() {
    let mut rng = Rng::new(0x5a7);
    let mut answers = [0usize; 2];
    for _ in 0..1500 {
        let vars = 1 + rng.below(9) as u32;
        let counts = (1 + rng.below(30), rng.below(3), 1 + rng.below(4));
        let clauses = random_clauses(&mut rng, vars, counts.0, (1, 4));
        let assumed = random_clauses(&mut rng, vars, counts.1, (1, 1));
        let later = random_clauses(&mut rng, vars, counts.2, (1, 3));
        for (mut s, x) in both(vars, &clauses) {
            let mut all = clauses.clone();
            all.extend(assumed.iter().cloned());
            let assumptions: Vec<Lit> = assumed.iter().map(|c| to_clause(&x, c)[0]).collect();
            let expected = brute_force(vars, &all);
            assert_eq!(s.solve(&assumptions), expected, "{all:?}");
            answers[usize::from(expected)] += 1;
            if expected {
                assert!(holds(&all, |v| s.value(x[v as usize])));
            }
            // The assumptions held for that call only; clauses added later hold for good.
            for c in &later {
                s.add_clause(&to_clause(&x, c));
            }
            let mut grown = clauses.clone();
            grown.extend(later.iter().cloned());
            let expected = brute_force(vars, &grown);
            assert_eq!(s.solve(&[]), expected, "{grown:?}");
            if expected {
                assert!(holds(&grown, |v| s.value(x[v as usize])));
                assert_ne!(s.value(!x[0]), s.value(x[0]));
            }
        }
    }
    // Both answers are common, so neither side of the comparison is vacuous.
    assert!(answers.iter().all(|&n| n > 500), "{answers:?}");
}

#[test]
fn both_solvers_agree_and_give_models_on_random_3sat_at_the_threshold() {
    let mut rng = Rng::new(0x3ca7);
    let mut answers = [0usize; 2];
    let mut reduced = 0;
    for _ in 0..20 {
        let vars = 150;
        // 4.1 clauses per variable, just under the threshold (4.26): mostly satisfiable,
        // some not, and hard enough for search.
        let clauses = random_clauses(&mut rng, vars, 615, (3, 3));
        let results: Vec<bool> = both(vars, &clauses)
            .into_iter()
            .map(|(mut s, x)| {
                let sat = s.solve(&[]);
                if sat {
                    assert!(holds(&clauses, |v| s.value(x[v as usize])));
                }
                if sat && s.active_vars().is_some_and(|n| n < vars as i32) {
                    reduced += 1;
                }
                sat
            })
            .collect();
        assert_eq!(results[0], results[1]);
        answers[usize::from(results[0])] += 1;
    }
    assert!(answers.iter().all(|&n| n > 0), "{answers:?}");
    // CaDiCaL eliminated or fixed variables before finding models, so it rebuilt their values.
    if cfg!(feature = "cadical") {
        assert!(
            reduced > 0,
            "no satisfiable formula had a variable leave CaDiCaL's search"
        );
    }
}
