//! A brute-force oracle for tests: every subset of the assumptions, judged straight from the
//! definitions (Čyras et al. 2018), with no shared code beyond the Horn closure. Only for
//! frameworks of a few assumptions.

use super::closure::derive;
use super::{AsmId, Framework};
use crate::dung::Semantics;

/// Per subset (as a bit mask): what it derives, what it attacks, what U_S derives.
struct Subset {
    set: u32,
    derived: Vec<bool>,
    attacked: u32,
    undefeated: Vec<bool>,
}

fn subsets(f: &Framework) -> Vec<Subset> {
    let n = f.assumption_count();
    (0..1u32 << n)
        .map(|set| {
            let derived = derive(f, |a| set >> a & 1 == 1).derived;
            let attacked = (0..n as u32)
                .filter(|&a| f.contraries(a).iter().any(|&c| derived[c as usize]))
                .fold(0, |m, a| m | 1 << a);
            let undefeated = derive(f, |a| attacked >> a & 1 == 0).derived;
            Subset {
                set,
                derived,
                attacked,
                undefeated,
            }
        })
        .collect()
}

fn defends(f: &Framework, s: &Subset, a: AsmId) -> bool {
    f.contraries(a).iter().all(|&c| !s.undefeated[c as usize])
}

fn conflict_free(s: &Subset) -> bool {
    s.set & s.attacked == 0
}

fn admissible(f: &Framework, s: &Subset) -> bool {
    conflict_free(s)
        && (0..f.assumption_count() as u32).all(|a| s.set >> a & 1 == 0 || defends(f, s, a))
}

fn complete(f: &Framework, s: &Subset) -> bool {
    admissible(f, s)
        && (0..f.assumption_count() as u32).all(|a| s.set >> a & 1 == 1 || !defends(f, s, a))
}

fn maximal<'a>(all: &[&'a Subset], key: impl Fn(&Subset) -> u32) -> Vec<&'a Subset> {
    all.iter()
        .filter(|s| {
            !all.iter()
                .any(|t| key(t) != key(s) && key(t) & key(s) == key(s))
        })
        .copied()
        .collect()
}

/// Every support of a derivation of each atom (Def. 3.6 trees: a conclusion may repeat on a
/// branch), as bit masks, by iterating "a rule's supports are the unions of one support per
/// body atom" to a fixpoint.
fn supports(f: &Framework) -> Vec<Vec<u32>> {
    let mut sets: Vec<Vec<u32>> = vec![Vec::new(); f.atom_count()];
    for a in 0..f.assumption_count() as u32 {
        sets[f.atom_of(a) as usize].push(1 << a);
    }
    loop {
        let mut changed = false;
        for rule in f.rules() {
            let mut unions = vec![0u32];
            for &b in &rule.body {
                unions = unions
                    .iter()
                    .flat_map(|&u| sets[b as usize].iter().map(move |&s| u | s))
                    .collect();
            }
            let head = &mut sets[rule.head as usize];
            for u in unions {
                if !head.contains(&u) {
                    head.push(u);
                    changed = true;
                }
            }
        }
        if !changed {
            return sets;
        }
    }
}

/// Semi-stable extensions over *arguments* (Caminada 2006): the complete sets whose sets of
/// undecided arguments, derivations of the `roots` atoms (told apart by their supports), are
/// ⊆-minimal. An argument with support B is undecided under S when B is unattacked and not
/// inside S.
pub fn argument_semi_stable(f: &Framework, roots: &[bool]) -> Vec<(u32, Vec<bool>, Vec<bool>)> {
    let mut arguments: Vec<u32> = supports(f)
        .into_iter()
        .enumerate()
        .filter(|&(p, _)| roots[p])
        .flat_map(|(_, s)| s)
        .collect();
    arguments.sort_unstable();
    arguments.dedup();
    let all = subsets(f);
    let complete: Vec<&Subset> = all.iter().filter(|s| complete(f, s)).collect();
    let undecided = |s: &Subset| -> Vec<bool> {
        arguments
            .iter()
            .map(|&b| b & s.attacked == 0 && b & !s.set != 0)
            .collect()
    };
    let within = |x: &[bool], y: &[bool]| x.iter().zip(y).all(|(&a, &b)| !a || b);
    complete
        .iter()
        .filter(|s| {
            let mine = undecided(s);
            !complete.iter().any(|t| {
                let theirs = undecided(t);
                theirs != mine && within(&theirs, &mine)
            })
        })
        .map(|s| (s.set, s.derived.clone(), s.undefeated.clone()))
        .collect()
}

/// The σ-extensions, as bit masks with what each derives and leaves undefeated.
pub fn extensions(f: &Framework, semantics: Semantics) -> Vec<(u32, Vec<bool>, Vec<bool>)> {
    let all = subsets(f);
    let full = (1u32 << f.assumption_count()) - 1;
    let complete: Vec<&Subset> = all.iter().filter(|s| complete(f, s)).collect();
    let chosen: Vec<&Subset> = match semantics {
        Semantics::Complete => complete.clone(),
        Semantics::Grounded => complete
            .iter()
            .filter(|s| complete.iter().all(|t| t.set & s.set == s.set))
            .copied()
            .collect(),
        Semantics::Preferred => maximal(&complete, |s| s.set),
        Semantics::Stable => all
            .iter()
            .filter(|s| conflict_free(s) && (s.set | s.attacked) == full)
            .collect(),
        Semantics::SemiStable => maximal(&complete, |s| s.set | s.attacked),
        Semantics::Ideal => {
            let preferred = maximal(&complete, |s| s.set);
            let common = preferred.iter().fold(full, |m, p| m & p.set);
            let inside: Vec<&Subset> = all
                .iter()
                .filter(|s| s.set & common == s.set && admissible(f, s))
                .collect();
            maximal(&inside, |s| s.set)
        }
    };
    chosen
        .into_iter()
        .map(|s| (s.set, s.derived.clone(), s.undefeated.clone()))
        .collect()
}
