//! Both solvers behind the facade, against brute force on small formulas and against each
//! other (with every model checked clause by clause) on formulas large enough for CaDiCaL to
//! eliminate variables and rebuild their values when it extends a model; and batsat's own
//! preprocessor (`elim`, `simplify`) against brute force, model by model.

use super::elim::eliminate;
use super::simplify::Simplifying;
use super::{Backend, Lit, Solver};
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

/// batsat behind the eliminating preprocessor, whichever solver the build gives one-call
/// questions, with a first look at the whole formula of `conflicts` (0: it eliminates before
/// every first search).
fn simplifying(conflicts: u64) -> Solver {
    Solver {
        backend: Backend::Simplifying(Box::new(Simplifying::with_first_look(conflicts))),
        vars: 0,
    }
}

/// Loads the clauses into a solver of each kind; returns the solvers and their variables.
fn both(vars: u32, clauses: &Clauses) -> Vec<(Solver, Vec<Lit>)> {
    [
        Solver::default(),
        Solver::for_one_call(),
        simplifying(0),
        simplifying(10),
    ]
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
    // Per solver of `both`: satisfiable formulas solved with variables out of the search.
    let mut reduced = [0usize; 4];
    for _ in 0..20 {
        let vars = 150;
        // 4.1 clauses per variable, just under the threshold (4.26): mostly satisfiable,
        // some not, and hard enough for search.
        let clauses = random_clauses(&mut rng, vars, 615, (3, 3));
        let results: Vec<bool> = both(vars, &clauses)
            .into_iter()
            .enumerate()
            .map(|(i, (mut s, x))| {
                let sat = s.solve(&[]);
                if sat {
                    assert!(holds(&clauses, |v| s.value(x[v as usize])));
                }
                if sat && s.active_vars().is_some_and(|n| n < vars as i32) {
                    reduced[i] += 1;
                }
                sat
            })
            .collect();
        assert!(results.iter().all(|&r| r == results[0]), "{results:?}");
        answers[usize::from(results[0])] += 1;
    }
    assert!(answers.iter().all(|&n| n > 0), "{answers:?}");
    // Variables were eliminated before models were found, so their values were rebuilt: by
    // batsat's preprocessor, eagerly and after a first look cut short at 10 conflicts ...
    assert!(reduced[2] > 0 && reduced[3] > 0, "{reduced:?}");
    // ... and by CaDiCaL, where built in.
    if cfg!(feature = "cadical") {
        assert!(
            reduced[1] > 0,
            "no satisfiable formula had a variable leave CaDiCaL's search"
        );
    }
}

/// Random clauses plus gates `g ↔ ¬l₁ ∧ … ∧ ¬lₖ` (the stable encoding's shape), so that
/// elimination by gates has something to find.
fn gated_clauses(rng: &mut Rng, vars: u32) -> Clauses {
    let count = 1 + rng.below(8);
    let mut clauses = random_clauses(rng, vars, count, (1, 4));
    for _ in 0..rng.below(vars as usize) {
        let g = rng.below(vars as usize) as u32;
        let inputs: Vec<(u32, bool)> = (0..1 + rng.below(3))
            .map(|_| (rng.below(vars as usize) as u32, rng.chance(50)))
            .collect();
        let mut long = vec![(g, true)];
        long.extend(inputs.iter().copied());
        clauses.push(long);
        clauses.extend(inputs.iter().map(|&(v, p)| vec![(g, false), (v, !p)]));
    }
    clauses
}

#[test]
fn elimination_is_existential_quantification_and_every_model_extends() {
    let mut rng = Rng::new(0xe11);
    let (mut eliminated, mut unsatisfiable) = (0, 0);
    for _ in 0..2000 {
        let vars = 1 + rng.below(8) as u32;
        let clauses = gated_clauses(&mut rng, vars);
        let frozen: Vec<bool> = (0..vars).map(|_| rng.chance(25)).collect();
        let x: Vec<Lit> = (0..vars).map(|v| super::Var(v).lit(true)).collect();
        let lits: Vec<Vec<Lit>> = clauses.iter().map(|c| to_clause(&x, c)).collect();
        let reduced = eliminate(vars, lits, &frozen);
        let gone = &reduced.gone;
        assert!((0..vars as usize).all(|v| !(gone[v] && frozen[v])));
        eliminated += gone.iter().filter(|&&g| g).count();
        let holds_reduced = |bits: u32| {
            reduced.clauses.iter().all(|c| {
                c.iter()
                    .any(|&l| (bits >> l.var() & 1 == 1) == l.positive())
            })
        };
        let kept_mask: u32 = (0..vars)
            .filter(|&v| !gone[v as usize])
            .map(|v| 1 << v)
            .sum();
        for bits in 0..1u32 << vars {
            // The reduced formula is over the kept variables only ...
            if bits & !kept_mask != 0 {
                continue;
            }
            // ... and holds exactly where some values of the eliminated ones satisfy the
            // original (elimination is existential quantification) ...
            let extendable = (0..1u32 << vars)
                .filter(|&b| b & kept_mask == bits)
                .any(|b| holds(&clauses, |v| b >> v & 1 == 1));
            assert_eq!(holds_reduced(bits), extendable, "{clauses:?} at {bits:b}");
            // ... and each of its models extends to one of the original.
            if extendable {
                let mut model: Vec<bool> = (0..vars).map(|v| bits >> v & 1 == 1).collect();
                reduced.extend(&mut model);
                assert!(
                    holds(&clauses, |v| model[v as usize]),
                    "{clauses:?} from {bits:b}"
                );
            }
        }
        unsatisfiable += usize::from(!brute_force(vars, &clauses));
    }
    // Variables did go, and both kinds of formula came up.
    assert!(eliminated > 2000, "{eliminated}");
    assert!((100..1900).contains(&unsatisfiable), "{unsatisfiable}");
}

#[test]
fn the_stable_encoding_of_a_long_cycle_mostly_goes_before_the_search() {
    // `x_i ↔ ¬x_{i-1}` around an even cycle of 2,000 arguments: every argument's variable is
    // a gate over its attacker's, so all but a few go; the two stable extensions remain.
    let n = 2000;
    let mut s = simplifying(0);
    let x: Vec<Lit> = (0..n).map(|_| s.new_var().lit(true)).collect();
    for i in 0..n {
        let attacker = x[(i + n - 1) % n];
        s.add_clause(&[x[i], attacker]);
        s.add_clause(&[!x[i], !attacker]);
    }
    assert!(s.solve(&[x[0]]));
    assert!(
        s.active_vars().is_some_and(|k| k < 10),
        "{:?}",
        s.active_vars()
    );
    assert!((0..n).all(|i| s.value(x[i]) == (i % 2 == 0)));
    assert!(s.solve(&[!x[0]]));
    assert!((0..n).all(|i| s.value(x[i]) == (i % 2 == 1)));
    // An assumption over an eliminated variable puts the clauses back: still exact.
    assert!(!s.solve(&[x[0], x[1]]));
    assert_eq!(s.active_vars(), Some(n as i32));
    assert!(s.solve(&[x[1]]) && !s.value(x[0]));
}

#[test]
fn stable_encodings_after_elimination_have_exactly_the_stable_extensions() {
    // Random frameworks of up to 10 arguments, their stable encoding (a clause per attack, one
    // "in or attacked" per argument) decided eagerly after elimination: the first model and
    // each query agree with brute force, and enumeration (blocking clauses over eliminated
    // variables, so every clause comes back) finds every stable extension once.
    let mut rng = Rng::new(0x57ab);
    let mut listed = 0;
    for _ in 0..400 {
        let n = 1 + rng.below(10);
        let attacks: Vec<(usize, usize)> = (0..rng.below(2 * n + 1))
            .map(|_| (rng.below(n), rng.below(n)))
            .collect();
        let stable = |set: u32| {
            let inn = |a: usize| set >> a & 1 == 1;
            attacks.iter().all(|&(b, a)| !(inn(a) && inn(b)))
                && (0..n).all(|a| inn(a) || attacks.iter().any(|&(b, t)| t == a && inn(b)))
        };
        let expected: Vec<u32> = (0..1u32 << n).filter(|&s| stable(s)).collect();
        let encode = || {
            let mut s = simplifying(0);
            let x: Vec<Lit> = (0..n).map(|_| s.new_var().lit(true)).collect();
            for &(b, a) in &attacks {
                s.add_clause(&[!x[a], !x[b]]);
            }
            for a in 0..n {
                let mut clause = vec![x[a]];
                clause.extend(attacks.iter().filter(|&&(_, t)| t == a).map(|&(b, _)| x[b]));
                s.add_clause(&clause);
            }
            (s, x)
        };
        let model = |s: &Solver, x: &[Lit]| (0..n).map(|a| u32::from(s.value(x[a])) << a).sum();
        // One question about argument 0, as DC-ST asks it.
        let (mut s, x) = encode();
        let holds_0 = expected.iter().any(|&e| e & 1 == 1);
        assert_eq!(s.solve(&[x[0]]), holds_0, "{attacks:?}");
        if holds_0 {
            assert!(expected.contains(&model(&s, &x)), "{attacks:?}");
        }
        // Every extension, as enumeration asks.
        let (mut s, x) = encode();
        let mut found = Vec::new();
        while s.solve(&[]) {
            let m: u32 = model(&s, &x);
            assert!(
                expected.contains(&m) && !found.contains(&m),
                "{attacks:?}: {m:b}"
            );
            found.push(m);
            let block: Vec<Lit> = (0..n)
                .map(|a| if m >> a & 1 == 1 { !x[a] } else { x[a] })
                .collect();
            s.add_clause(&block);
        }
        assert_eq!(found.len(), expected.len(), "{attacks:?}");
        listed += found.len();
    }
    assert!(listed > 200, "{listed}");
}
