//! The ABA solver against the brute-force oracle on thousands of tiny random frameworks, and
//! the families that broke argument enumeration.

use super::brute;
use super::{Asked, Framework, OutOfBudget, Solver};
use crate::dung::Semantics;
use crate::synth::Rng;

/// A random flat framework: a few assumptions, rules over the other atoms with bodies that
/// mix both (cycles included), and zero to two attacking atoms per assumption (assumptions
/// and the assumption itself included).
fn random(rng: &mut Rng) -> Framework {
    let atoms = 2 + rng.below(9);
    let assumptions = 1 + rng.below(atoms.min(6));
    let mut f = Framework::new(atoms);
    for a in 0..assumptions {
        f.add_assumption(a as u32);
    }
    for _ in 0..rng.below(2 * atoms) {
        if atoms == assumptions {
            break;
        }
        let head = (assumptions + rng.below(atoms - assumptions)) as u32;
        let body = (0..rng.below(4)).map(|_| rng.below(atoms) as u32).collect();
        f.add_rule(head, body);
    }
    for a in 0..assumptions {
        for _ in 0..rng.below(3) {
            f.add_contrary(a as u32, rng.below(atoms) as u32);
        }
    }
    f.freeze();
    f
}

#[test]
fn the_solver_agrees_with_brute_force_on_thousands_of_frameworks() {
    let mut rng = Rng::new(0xaba);
    for seed in 0..seeds() {
        let f = random(&mut rng);
        let mut solver = Solver::new(&f);
        for sem in Semantics::ALL {
            let exts = brute::extensions(&f, sem);
            for p in 0..f.atom_count() as u32 {
                let some = exts.iter().any(|e| e.1[p as usize]);
                let every = exts.iter().all(|e| e.1[p as usize]);
                let undefeated = exts.iter().any(|e| e.2[p as usize]);
                let ctx = format!("seed {seed}, {sem}, atom {p}: {f:?}");
                assert_eq!(solver.credulous(sem, p), some, "credulous, {ctx}");
                assert_eq!(solver.sceptical(sem, p), every, "sceptical, {ctx}");
                assert_eq!(
                    solver.undefeated_somewhere(sem, p),
                    undefeated,
                    "undefeated, {ctx}"
                );
            }
            let all: Vec<bool> = (0..f.atom_count() as u32)
                .map(|p| exts.iter().any(|e| e.1[p as usize]))
                .collect();
            let atoms: Vec<u32> = (0..f.atom_count() as u32).collect();
            let batch = solver.credulous_all(sem, &atoms);
            assert_eq!(batch, all, "credulous batch, seed {seed}, {sem}");
            match solver.extension(sem) {
                None => assert!(
                    exts.is_empty(),
                    "seed {seed}, {sem}: an extension was missed"
                ),
                Some(e) => {
                    let mask = e.iter().fold(0u32, |m, a| m | 1 << a);
                    assert!(
                        exts.iter().any(|x| x.0 == mask),
                        "seed {seed}, {sem}: {e:?} is no extension"
                    );
                }
            }
        }
    }
}

/// A solver focused on one atom ([`Solver::focused`]) answers it as brute force does, under
/// every semantics, and so it does for another atom asked afterwards (covered then); one
/// focused on no atom finds extensions. Checked on random and on block frameworks, and the
/// focus must have left atoms out of the encoding on some of them.
#[test]
fn a_solver_focused_on_one_atom_agrees_with_brute_force() {
    let mut rng = Rng::new(0xf0c);
    let mut left_out = 0;
    for seed in 0..seeds() / 3 {
        let f = if seed % 2 == 0 {
            random(&mut rng)
        } else {
            blocks(&mut rng)
        };
        let n = f.atom_count() as u32;
        for sem in Semantics::ALL {
            let exts = brute::extensions(&f, sem);
            let some = |p: u32| exts.iter().any(|e| e.1[p as usize]);
            let every = |p: u32| exts.iter().all(|e| e.1[p as usize]);
            for p in 0..n {
                let ctx = format!("seed {seed}, {sem}, atom {p}: {f:?}");
                let mut solver = Solver::new(&f).focused(vec![p]);
                assert_eq!(solver.credulous(sem, p), some(p), "credulous, {ctx}");
                if let Some(enc) = &solver.complete {
                    left_out += (0..n).filter(|&q| !enc.covers(q)).count();
                }
                assert_eq!(solver.sceptical(sem, p), every(p), "sceptical, {ctx}");
                let q = (p + 1) % n;
                assert_eq!(solver.credulous(sem, q), some(q), "then {q}, {ctx}");
                assert_eq!(solver.sceptical(sem, q), every(q), "then {q}, {ctx}");
            }
            let found = Solver::new(&f).focused(Vec::new()).extension(sem);
            assert_eq!(found.is_some(), !exts.is_empty(), "seed {seed}, {sem}");
            if let Some(e) = found {
                let mask = e.iter().fold(0u32, |m, a| m | 1 << a);
                assert!(exts.iter().any(|x| x.0 == mask), "seed {seed}, {sem}");
            }
        }
    }
    assert!(left_out > 0, "the focus never left an atom out");
}

/// Frameworks of several blocks, each a small random framework whose atoms may also use the
/// atoms of earlier blocks: many parts, some in strongly connected chunks, so the preferred
/// search learns clauses about one part under the values of its boundary. Up to 12
/// assumptions, which the brute force still enumerates.
fn blocks(rng: &mut Rng) -> Framework {
    let count = 2 + rng.below(3);
    let mut sizes = Vec::new();
    for _ in 0..count {
        let atoms = 2 + rng.below(5);
        sizes.push((atoms, 1 + rng.below(atoms.min(3))));
    }
    let total: usize = sizes.iter().map(|s| s.0).sum();
    let mut f = Framework::new(total);
    let mut start = 0;
    for &(atoms, assumptions) in &sizes {
        for a in 0..assumptions {
            f.add_assumption((start + a) as u32);
        }
        let pick = |rng: &mut Rng| -> u32 {
            // Mostly this block, sometimes an earlier one.
            if start > 0 && rng.chance(30) {
                rng.below(start) as u32
            } else {
                (start + rng.below(atoms)) as u32
            }
        };
        for _ in 0..rng.below(2 * atoms) {
            if atoms == assumptions {
                break;
            }
            let head = (start + assumptions + rng.below(atoms - assumptions)) as u32;
            let body = (0..rng.below(3)).map(|_| pick(rng)).collect();
            f.add_rule(head, body);
        }
        for a in 0..assumptions {
            for _ in 0..rng.below(3) {
                let by = pick(rng);
                f.add_contrary((start + a) as u32, by);
            }
        }
        start += atoms;
    }
    f.freeze();
    f
}

/// A random framework whose rules have no positive loop (every body atom comes before the
/// head), so that the preferred search refines by admissible supersets; up to 8 assumptions,
/// with attacks among them dense enough for several preferred extensions.
fn loop_free(rng: &mut Rng) -> Framework {
    rules_upwards(rng, false)
}

/// Rules whose bodies lie below their heads, and with `looped`, one or two rules more whose
/// bodies reach above (so that the rules have a positive loop, when two atoms meet).
fn rules_upwards(rng: &mut Rng, looped: bool) -> Framework {
    let atoms = 4 + rng.below(10);
    let assumptions = 3 + rng.below(atoms.min(9) - 2);
    let mut f = Framework::new(atoms);
    for a in 0..assumptions {
        f.add_assumption(a as u32);
    }
    for head in assumptions..atoms {
        for _ in 0..1 + rng.below(2) {
            let body = (0..rng.below(3)).map(|_| rng.below(head) as u32).collect();
            f.add_rule(head as u32, body);
        }
    }
    for _ in 0..if looped && atoms > assumptions {
        1 + rng.below(2)
    } else {
        0
    } {
        let head = assumptions + rng.below(atoms - assumptions);
        let above = head + rng.below(atoms - head);
        let mut body = vec![above as u32];
        body.extend((0..rng.below(2)).map(|_| rng.below(atoms) as u32));
        f.add_rule(head as u32, body);
    }
    for a in 0..assumptions {
        for _ in 0..1 + rng.below(3) {
            f.add_contrary(a as u32, rng.below(atoms) as u32);
        }
    }
    f.freeze();
    f
}

#[test]
fn the_refined_preferred_search_agrees_with_brute_force_on_loop_free_frameworks() {
    let mut rng = Rng::new(0x100f);
    let refined = refined_against_brute_force(seeds(), || loop_free(&mut rng));
    // The refinement is exercised, not skipped.
    assert!(refined > seeds() as usize / 25, "{refined} refinements");
}

/// Over positive loops the refinement's copies admit unfounded models, which the search
/// checks and repairs as it does its own.
#[test]
fn the_refined_preferred_search_agrees_with_brute_force_over_positive_loops() {
    let mut rng = Rng::new(0x1009);
    let looped = || loop {
        let f = rules_upwards(&mut rng, true);
        if f.has_loops() {
            return f;
        }
    };
    let refined = refined_against_brute_force(seeds(), looped);
    assert!(refined > seeds() as usize / 25, "{refined} refinements");
}

/// Preferred-sceptical acceptance and "undefeated in some preferred extension" of every atom,
/// refining by admissible supersets from the first round, against brute force on `count`
/// frameworks; returns how many refinements were made.
fn refined_against_brute_force(count: u64, mut make: impl FnMut() -> Framework) -> usize {
    let mut refined = 0;
    for seed in 0..count {
        let f = make();
        let mut solver = if std::env::var("NOWIDEN").is_ok() {
            Solver::new(&f)
        } else {
            Solver::new(&f).widening_at_once()
        };
        let exts = brute::extensions(&f, Semantics::Preferred);
        for p in 0..f.atom_count() as u32 {
            let every = exts.iter().all(|e| e.1[p as usize]);
            let undefeated = exts.iter().any(|e| e.2[p as usize]);
            let ctx = format!("seed {seed}, atom {p}: {f:?}");
            let sem = Semantics::Preferred;
            assert_eq!(solver.sceptical(sem, p), every, "sceptical, {ctx}");
            assert_eq!(
                solver.undefeated_somewhere(sem, p),
                undefeated,
                "undefeated, {ctx}"
            );
        }
        refined += solver.widened();
    }
    refined
}

#[test]
fn the_preferred_search_agrees_with_brute_force_on_frameworks_of_many_parts() {
    let mut rng = Rng::new(0xb10c);
    for seed in 0..seeds() / 3 {
        let f = blocks(&mut rng);
        if f.assumption_count() > 12 {
            continue;
        }
        let mut solver = Solver::new(&f);
        for sem in [Semantics::Preferred, Semantics::SemiStable] {
            let exts = brute::extensions(&f, sem);
            for p in 0..f.atom_count() as u32 {
                let every = exts.iter().all(|e| e.1[p as usize]);
                let undefeated = exts.iter().any(|e| e.2[p as usize]);
                let ctx = format!("seed {seed}, {sem}, atom {p}: {f:?}");
                assert_eq!(solver.sceptical(sem, p), every, "sceptical, {ctx}");
                assert_eq!(
                    solver.undefeated_somewhere(sem, p),
                    undefeated,
                    "undefeated, {ctx}"
                );
            }
        }
    }
}

/// The k cycles of [`cycles`]: the search decides both questions in SAT calls linear in k.
#[test]
fn independent_cycles_do_not_multiply_the_preferred_search() {
    let k = 60usize;
    let (f, y, z) = cycles(k, false);
    // 20 times k calls in all; a fiftieth of it (at least 100) per question.
    let budget = 20 * k * 50;
    let mut solver = Solver::new(&f).with_budget(budget);
    assert_eq!(
        solver.try_undefeated_somewhere(Semantics::Preferred, z),
        Ok(false)
    );
    assert_eq!(solver.try_sceptical(Semantics::Preferred, y), Ok(true));
    assert_eq!(solver.try_sceptical(Semantics::Preferred, z), Ok(false));
    assert!(budget - solver.calls_left().expect("a budget") <= 20 * k);
}

/// A question that runs out of its first share (100 calls; the cycles need about three
/// rounds per cycle) is decided when asked again with the rest of the budget, and the whole
/// budget is never exceeded. The idle positive loop sends every model through the
/// foundedness check as well.
#[test]
fn a_question_past_its_share_is_decided_with_the_rest_of_the_budget() {
    let k = 60usize;
    let (f, _, z) = cycles(k, true);
    let budget = 5_000;
    let mut solver = Solver::new(&f).with_budget(budget);
    let undefeated = |s: &mut Solver| s.try_undefeated_somewhere(Semantics::Preferred, z);
    assert_eq!(undefeated(&mut solver), Err(OutOfBudget));
    assert!(solver.share_rest(1));
    assert_eq!(undefeated(&mut solver), Ok(false));
    assert!(solver.calls_left().is_some_and(|left| left < budget));
}

/// k even cycles side by side (`a_i` and `b_i` attack each other), each choice deriving
/// `t_i`, and `y` from every `t_i`; `y` attacks the assumption `w`, and `z` rests on `w`.
/// Every preferred extension takes a side in each cycle, so derives `y` and defeats `z`; but
/// the complete sets that leave `z` undefeated (a cycle left open) are exponentially many
/// and so are the maximal ones. The search learns one clause per cycle ("take a side in
/// it"), so it decides both questions in a number of SAT calls linear in k. `looped` adds
/// an idle positive loop (u ← v, v ← u). Returns the framework, `y` and `z`.
fn cycles(k: usize, looped: bool) -> (Framework, u32, u32) {
    // Atoms: a_i = 2i, b_i = 2i + 1, t_i = 2k + i, y = 3k, w = 3k + 1, z = 3k + 2, then u, v.
    let (y, w, z) = (3 * k as u32, 3 * k as u32 + 1, 3 * k as u32 + 2);
    let mut f = Framework::new(3 * k + 5);
    if looped {
        f.add_rule(z + 1, vec![z + 2]);
        f.add_rule(z + 2, vec![z + 1]);
    }
    for i in 0..k as u32 {
        let (a, b, t) = (2 * i, 2 * i + 1, 2 * k as u32 + i);
        f.add_assumption(a);
        f.add_assumption(b);
        f.add_contrary(a, b);
        f.add_contrary(b, a);
        f.add_rule(t, vec![a]);
        f.add_rule(t, vec![b]);
    }
    f.add_rule(y, (0..k as u32).map(|i| 2 * k as u32 + i).collect());
    f.add_assumption(w);
    f.add_contrary(w, y);
    f.add_rule(z, vec![w]);
    f.freeze();
    (f, y, z)
}

/// The doubling chain of issue 10: `a` assumption; x0 ← a; x_i ← x_{i-1} and x_i ← x_{i-1}, a;
/// z ← x_L; z attacks a. {a} derives its own contrary, so nothing is acceptable. x_i has 2^i
/// argument trees; the assumption level has one assumption.
#[test]
fn the_doubling_chain_is_exact_at_every_length() {
    for len in [1usize, 17, 100, 1000] {
        let atoms = len + 3;
        let (a, z) = (0u32, (len + 2) as u32);
        let x = |i: usize| (i + 1) as u32;
        let mut f = Framework::new(atoms);
        f.add_assumption(a);
        f.add_rule(x(0), vec![a]);
        for i in 1..=len {
            f.add_rule(x(i), vec![x(i - 1)]);
            f.add_rule(x(i), vec![x(i - 1), a]);
        }
        f.add_rule(z, vec![x(len)]);
        f.add_contrary(a, z);
        f.freeze();
        let mut solver = Solver::new(&f);
        for sem in Semantics::ALL {
            for p in 0..atoms as u32 {
                assert!(!solver.credulous(sem, p), "L = {len}, {sem}: {p} accepted");
                // Undecided (the self-defeating argument is neither in nor out), except
                // under stable semantics, which has no extension here.
                let undecided = sem != Semantics::Stable;
                assert_eq!(
                    solver.undefeated_somewhere(sem, p),
                    undecided,
                    "L = {len}, {sem}: {p}"
                );
            }
        }
        assert!(!solver.stable_exists());
    }
}

/// How many random frameworks: 3,000 by default, more with `AGON_ABA_SEEDS` for long runs.
fn seeds() -> u64 {
    std::env::var("AGON_ABA_SEEDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3000)
}

/// Whether some atom reaches itself through rule bodies, by search from every atom: the
/// oracle for [`Framework::has_loops`], which lets the encoding skip its foundedness check.
#[test]
fn positive_loops_are_found_exactly() {
    let mut rng = Rng::new(0x1009);
    let (mut with, mut without) = (0, 0);
    for _ in 0..3_000 {
        let f = random(&mut rng);
        let n = f.atom_count();
        let next = |p: usize| -> Vec<usize> {
            (f.rules().iter())
                .filter(|r| r.body.contains(&(p as u32)))
                .map(|r| r.head as usize)
                .collect()
        };
        let reaches_itself = |start: usize| {
            let mut seen = vec![false; n];
            let mut stack = next(start);
            while let Some(p) = stack.pop() {
                if p == start {
                    return true;
                }
                if !std::mem::replace(&mut seen[p], true) {
                    stack.extend(next(p));
                }
            }
            false
        };
        let want = (0..n).any(reaches_itself);
        assert_eq!(f.has_loops(), want, "{:?}", f.rules());
        if want {
            with += 1;
        } else {
            without += 1;
        }
    }
    assert!(
        with > 100 && without > 100,
        "{with} with loops, {without} without"
    );
}

/// Semi-stable over arguments (derivations of a random set of root atoms that includes the
/// contraries, or of every atom)
/// against brute force over the supports of all derivations, on frameworks with and without
/// positive loops; the search must also have met sets whose argument-level and
/// assumption-level semi-stable answers differ.
#[test]
fn semi_stable_over_arguments_agrees_with_brute_force() {
    let mut rng = Rng::new(0x5e_51);
    let mut differs = 0;
    for seed in 0..seeds() {
        let f = if seed % 2 == 0 {
            random(&mut rng)
        } else {
            blocks(&mut rng)
        };
        let every = rng.chance(30);
        let mut roots: Vec<bool> = (0..f.atom_count())
            .map(|_| every || rng.chance(60))
            .collect();
        for a in 0..f.assumption_count() as u32 {
            for &c in f.contraries(a) {
                roots[c as usize] = true;
            }
        }
        let exts = brute::argument_semi_stable(&f, &roots);
        let by_assumptions = brute::extensions(&f, Semantics::SemiStable);
        let masks = |e: &[(u32, Vec<bool>, Vec<bool>)]| {
            let mut m: Vec<u32> = e.iter().map(|x| x.0).collect();
            m.sort_unstable();
            m
        };
        differs += usize::from(masks(&exts) != masks(&by_assumptions));
        let mut solver = Solver::new(&f).with_arguments(roots.clone());
        let sem = Semantics::SemiStable;
        for p in 0..f.atom_count() as u32 {
            let ctx = format!("seed {seed}, atom {p}, roots {roots:?}: {f:?}");
            let some = exts.iter().any(|e| e.1[p as usize]);
            let all = exts.iter().all(|e| e.1[p as usize]);
            let undefeated = exts.iter().any(|e| e.2[p as usize]);
            assert_eq!(solver.credulous(sem, p), some, "credulous, {ctx}");
            assert_eq!(solver.sceptical(sem, p), all, "sceptical, {ctx}");
            let u = solver.undefeated_somewhere(sem, p);
            assert_eq!(u, undefeated, "undefeated, {ctx}");
        }
        // The batches, on a fresh solver (nothing found yet to answer from).
        let mut batch = Solver::new(&f).with_arguments(roots.clone());
        let atoms: Vec<u32> = (0..f.atom_count() as u32).collect();
        let some = |e: &[(u32, Vec<bool>, Vec<bool>)], undefeated: bool, held: bool| -> Vec<_> {
            let has = |x: &(u32, Vec<bool>, Vec<bool>), p: usize| {
                (if undefeated { &x.2 } else { &x.1 })[p] == held
            };
            (0..f.atom_count())
                .map(|p| Some(e.iter().any(|x| has(x, p))))
                .collect()
        };
        let ctx = format!("seed {seed}, roots {roots:?}: {f:?}");
        let derives = batch.semi_stable_some(Asked::Derives, &atoms);
        assert_eq!(derives, some(&exts, false, true), "derives, {ctx}");
        let lacks = batch.semi_stable_some(Asked::Lacks, &atoms);
        assert_eq!(lacks, some(&exts, false, false), "lacks, {ctx}");
        let undefeated = batch.semi_stable_some(Asked::Undefeated, &atoms);
        assert_eq!(undefeated, some(&exts, true, true), "undefeated, {ctx}");
        let e = solver.extension(sem).expect("there is always one");
        let mask = e.iter().fold(0u32, |m, a| m | 1 << a);
        assert!(
            exts.iter().any(|x| x.0 == mask),
            "seed {seed}: {e:?} is no extension, roots {roots:?}: {f:?}"
        );
    }
    eprintln!("differs {differs}");
    assert!(differs > 0, "no framework told the two semantics apart");
}
