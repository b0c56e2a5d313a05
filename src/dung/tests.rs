//! The semantics against textbook frameworks, against a brute-force solver on thousands of
//! random small frameworks, and against the properties the literature proves.

use super::*;
use proptest::prelude::*;

fn af(n: usize, attacks: &[(u32, u32)]) -> Framework {
    Framework::new(n, attacks.iter().copied())
}

fn ext(af: &Framework, s: Semantics) -> Vec<Extension> {
    extensions(af, s, usize::MAX).extensions
}

#[test]
fn textbook_frameworks() {
    // a <-> b: grounded {}, preferred {a} and {b}.
    let mutual = af(2, &[(0, 1), (1, 0)]);
    assert_eq!(ext(&mutual, Semantics::Grounded), vec![Extension::new()]);
    assert_eq!(ext(&mutual, Semantics::Preferred), vec![vec![0], vec![1]]);
    assert_eq!(
        ext(&mutual, Semantics::Complete),
        vec![vec![], vec![0u32], vec![1]]
    );
    // a -> b -> c: grounded {a, c}.
    let chain = af(3, &[(0, 1), (1, 2)]);
    assert_eq!(ext(&chain, Semantics::Grounded), vec![vec![0, 2]]);
    assert_eq!(grounded(&chain), vec![Label::In, Label::Out, Label::In]);
    // Odd cycle: no stable extension; preferred and semi-stable are {}.
    let odd = af(3, &[(0, 1), (1, 2), (2, 0)]);
    assert!(ext(&odd, Semantics::Stable).is_empty());
    assert_eq!(ext(&odd, Semantics::Preferred), vec![Extension::new()]);
    assert_eq!(ext(&odd, Semantics::SemiStable), vec![Extension::new()]);
    // Caminada 2006: a <-> b, b -> c, c -> c. Preferred {a}, {b}; stable and semi-stable {b}.
    let cam = af(3, &[(0, 1), (1, 0), (1, 2), (2, 2)]);
    assert_eq!(ext(&cam, Semantics::Preferred), vec![vec![0], vec![1]]);
    assert_eq!(ext(&cam, Semantics::Stable), vec![vec![1]]);
    assert_eq!(ext(&cam, Semantics::SemiStable), vec![vec![1]]);
    // Ideal beyond grounded: a <-> b, b -> b. Grounded {}, preferred {a}, ideal {a}.
    let ideal = af(2, &[(0, 1), (1, 0), (1, 1)]);
    assert_eq!(ext(&ideal, Semantics::Grounded), vec![Extension::new()]);
    assert_eq!(ext(&ideal, Semantics::Ideal), vec![vec![0]]);
    // Dung, Mancarella & Toni 2007: a <-> b, a -> c, b -> c, c -> d: preferred {a, d}, {b, d};
    // ideal is {} because neither a nor b is in both, and d alone cannot defend itself.
    let dmt = af(4, &[(0, 1), (1, 0), (0, 2), (1, 2), (2, 3)]);
    assert_eq!(
        ext(&dmt, Semantics::Preferred),
        vec![vec![0, 3], vec![1, 3]]
    );
    assert_eq!(ext(&dmt, Semantics::Ideal), vec![Extension::new()]);
}

#[test]
fn labellings_follow_their_extension() {
    let chain = af(3, &[(0, 1), (1, 2)]);
    assert_eq!(
        labelling(&chain, &[0, 2]),
        vec![Label::In, Label::Out, Label::In]
    );
    let mutual = af(2, &[(0, 1), (1, 0)]);
    assert_eq!(labelling(&mutual, &[]), vec![Label::Undec, Label::Undec]);
}

#[test]
fn the_framework_round_trips_through_petgraph() {
    let a = af(4, &[(0, 1), (1, 0), (2, 3), (3, 3)]);
    let b = Framework::from_graph(&a.graph());
    for x in 0..4 {
        assert_eq!(a.attackers(x), b.attackers(x));
    }
    assert_eq!(a.size(), 4 + 4);
}

/// Brute force: every subset, checked against the definitions directly.
mod brute {
    use super::*;

    fn attacks(af: &Framework, s: u32, a: u32) -> bool {
        (0..af.len() as u32).any(|b| s >> b & 1 == 1 && af.attacked_by(b).contains(&a))
    }

    fn conflict_free(af: &Framework, s: u32) -> bool {
        (0..af.len() as u32).all(|a| s >> a & 1 == 0 || !attacks(af, s, a))
    }

    fn defends(af: &Framework, s: u32, a: u32) -> bool {
        af.attackers(a).iter().all(|&b| attacks(af, s, b))
    }

    fn admissible(af: &Framework, s: u32) -> bool {
        conflict_free(af, s) && (0..af.len() as u32).all(|a| s >> a & 1 == 0 || defends(af, s, a))
    }

    fn complete(af: &Framework, s: u32) -> bool {
        admissible(af, s) && (0..af.len() as u32).all(|a| !defends(af, s, a) || s >> a & 1 == 1)
    }

    fn range(af: &Framework, s: u32) -> u32 {
        (0..af.len() as u32)
            .filter(|&a| s >> a & 1 == 1 || attacks(af, s, a))
            .fold(0, |r, a| r | 1 << a)
    }

    fn maximal(sets: &[u32], key: impl Fn(u32) -> u32) -> Vec<u32> {
        sets.iter()
            .copied()
            .filter(|&s| {
                !sets
                    .iter()
                    .any(|&t| key(t) != key(s) && key(t) & key(s) == key(s))
            })
            .collect()
    }

    pub fn extensions(af: &Framework, sem: Semantics) -> Vec<Extension> {
        let all: Vec<u32> = (0..1u32 << af.len()).collect();
        let complete: Vec<u32> = all.iter().copied().filter(|&s| complete(af, s)).collect();
        let sets = match sem {
            Semantics::Complete => complete.clone(),
            Semantics::Grounded => vec![*complete.iter().min_by_key(|s| s.count_ones()).unwrap()],
            Semantics::Stable => all
                .iter()
                .copied()
                .filter(|&s| conflict_free(af, s) && range(af, s).count_ones() as usize == af.len())
                .collect(),
            Semantics::Preferred => maximal(&complete, |s| s),
            Semantics::SemiStable => maximal(&complete, |s| range(af, s)),
            Semantics::Ideal => {
                let preferred = maximal(&complete, |s| s);
                let common =
                    preferred.iter().fold(u32::MAX, |acc, &p| acc & p) & ((1 << af.len()) - 1);
                let inside: Vec<u32> = all
                    .iter()
                    .copied()
                    .filter(|&s| s & common == s && admissible(af, s))
                    .collect();
                vec![*inside.iter().max_by_key(|s| s.count_ones()).unwrap()]
            }
        };
        let mut out: Vec<Extension> = sets
            .into_iter()
            .map(|s| (0..af.len() as u32).filter(|&a| s >> a & 1 == 1).collect())
            .collect();
        out.sort();
        out
    }
}

fn random_framework(seed: u64, max_n: usize) -> Framework {
    let mut rng = crate::synth::Rng::new(seed);
    let n = 1 + rng.below(max_n);
    let density = 10 + rng.below(40) as u64;
    let mut attacks = Vec::new();
    for a in 0..n as u32 {
        for b in 0..n as u32 {
            if rng.chance(density) {
                attacks.push((a, b));
            }
        }
    }
    Framework::new(n, attacks)
}

#[test]
fn sat_solver_agrees_with_brute_force_on_thousands_of_frameworks() {
    for seed in 1..=3000u64 {
        let af = random_framework(seed, 8);
        for sem in Semantics::ALL {
            assert_eq!(
                ext(&af, sem),
                brute::extensions(&af, sem),
                "seed {seed}, {sem}"
            );
        }
    }
}

fn subset(a: &[u32], b: &[u32]) -> bool {
    a.iter().all(|x| b.contains(x))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn semantics_relate_as_the_literature_proves(seed in 1u64..u64::MAX) {
        let af = random_framework(seed, 9);
        let grounded = &ext(&af, Semantics::Grounded)[0];
        let complete = ext(&af, Semantics::Complete);
        let preferred = ext(&af, Semantics::Preferred);
        for c in &complete {
            prop_assert!(subset(grounded, c), "grounded within every complete");
        }
        for p in &preferred {
            prop_assert!(complete.contains(p), "every preferred is complete");
        }
        for s in ext(&af, Semantics::Stable) {
            prop_assert!(preferred.contains(&s), "every stable is preferred");
        }
        for s in ext(&af, Semantics::SemiStable) {
            prop_assert!(preferred.contains(&s), "every semi-stable is preferred");
        }
        let ideal = &ext(&af, Semantics::Ideal)[0];
        prop_assert!(complete.contains(ideal), "the ideal extension is complete");
        prop_assert!(subset(grounded, ideal));
        for p in &preferred {
            prop_assert!(subset(ideal, p), "ideal within every preferred");
        }
    }

    #[test]
    fn renaming_arguments_changes_nothing(seed in 1u64..u64::MAX, shift in 1usize..8) {
        let af = random_framework(seed, 8);
        let n = af.len();
        let rename = |a: u32| ((a as usize + shift) % n) as u32;
        let attacks = (0..n as u32).flat_map(|a| af.attacked_by(a).iter().map(move |&b| (a, b)));
        let renamed = Framework::new(n, attacks.map(|(a, b)| (rename(a), rename(b))).collect::<Vec<_>>());
        for sem in Semantics::ALL {
            let mut expected: Vec<Extension> = ext(&af, sem)
                .into_iter()
                .map(|e| { let mut e: Vec<u32> = e.into_iter().map(rename).collect(); e.sort(); e })
                .collect();
            expected.sort();
            prop_assert_eq!(ext(&renamed, sem), expected);
        }
    }
}
