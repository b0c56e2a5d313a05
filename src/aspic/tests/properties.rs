//! ASPIC+ properties on small random theories: declaration order does not matter, the argument
//! ordering is its definition, grounded is sound.

use super::*;

use proptest::prelude::*;

/// A small theory, with literals as codes `0..10` (claim `c{code % 5}`, negated when ≥ 5).
#[derive(Clone, Debug)]
struct Spec {
    premises: Vec<(u8, bool)>,
    /// (antecedents, consequent, strict)
    rules: Vec<(Vec<u8>, u8, bool)>,
    /// Between defeasible rules (by index), the later one preferred.
    rule_prefs: Vec<(usize, usize)>,
    /// Between premise codes, the larger one preferred.
    premise_prefs: Vec<(u8, u8)>,
    exceptions: Vec<(usize, u8)>,
    /// (from, to, contrary)
    conflicts: Vec<(u8, u8, bool)>,
    link: Link,
    comparison: Comparison,
}

fn code(c: u8) -> String {
    if c >= 5 {
        format!("-c{}", c % 5)
    } else {
        format!("c{c}")
    }
}

fn spec() -> impl Strategy<Value = Spec> {
    let lit = 0u8..10;
    (
        prop::collection::vec((lit.clone(), any::<bool>()), 1..5),
        prop::collection::vec(
            (
                prop::collection::vec(lit.clone(), 1..3),
                lit.clone(),
                prop::bool::weighted(0.3),
            ),
            0..7,
        ),
        prop::collection::vec((0usize..7, 0usize..7), 0..10),
        prop::collection::vec((lit.clone(), lit.clone()), 0..4),
        prop::collection::vec((0usize..7, lit.clone()), 0..2),
        prop::collection::vec((lit.clone(), lit, any::<bool>()), 0..2),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(premises, mut rules, rule_prefs, premise_prefs, exceptions, conflicts, wl, dem)| {
                // Most antecedents are premises or earlier conclusions, so rules chain (and
                // arguments use several rules) far more often than at random.
                let mut pool: Vec<u8> = premises.iter().map(|p| p.0).collect();
                for (ants, cons, _) in &mut rules {
                    for a in ants.iter_mut() {
                        if *a < 8 {
                            *a = pool[*a as usize % pool.len()];
                        }
                    }
                    pool.push(*cons);
                }
                Spec {
                    premises,
                    rules,
                    rule_prefs,
                    premise_prefs,
                    exceptions,
                    conflicts,
                    link: if wl {
                        Link::WeakestLink
                    } else {
                        Link::LastLink
                    },
                    comparison: if dem {
                        Comparison::Democratic
                    } else {
                        Comparison::Elitist
                    },
                }
            },
        )
}

/// Fisher-Yates with a seed: the order `0..n` is stated in.
fn permutation(n: usize, seed: u64) -> Vec<usize> {
    let mut rng = crate::synth::Rng::new(seed);
    let mut p: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        p.swap(i, rng.below(i + 1));
    }
    p
}

/// The theory of a spec, each list stated in the order given by `seed` (0: as generated).
/// Every claim is made up front, so claim ids do not depend on the order either.
fn theory_of(spec: &Spec, seed: u64) -> T {
    let order = |n: usize| {
        if seed == 0 {
            (0..n).collect()
        } else {
            permutation(n, seed)
        }
    };
    let mut t = T::new();
    for c in 0..5 {
        t.lit(&format!("c{c}"));
    }
    t.ordering(spec.link, spec.comparison);
    // A literal may be stated as axiom and as premise both (it is then an axiom).
    for i in order(spec.premises.len()) {
        let (c, axiom) = spec.premises[i];
        if axiom {
            t.axiom(&code(c));
        } else {
            t.premise(&code(c));
        }
    }
    // Rules are named by their generated index, so names survive reordering.
    let defeasible = |i: usize| !spec.rules[i].2;
    for i in order(spec.rules.len()) {
        let (ants, cons, strict) = &spec.rules[i];
        let ants: Vec<String> = ants.iter().map(|c| code(*c)).collect();
        let ants: Vec<&str> = ants.iter().map(String::as_str).collect();
        if *strict {
            t.strict(&ants, &code(*cons));
        } else {
            t.defeasible(&format!("r{i}"), &ants, &code(*cons));
        }
    }
    let n = spec.rules.len();
    for k in order(spec.rule_prefs.len()) {
        let (a, b) = spec.rule_prefs[k];
        let (a, b) = (a.min(b), a.max(b));
        if a != b && b < n && defeasible(a) && defeasible(b) {
            t.prefer_rule(&format!("r{b}"), &format!("r{a}"));
        }
    }
    for k in order(spec.premise_prefs.len()) {
        let (a, b) = spec.premise_prefs[k];
        if a != b {
            t.prefer_premise(&code(a.max(b)), &code(a.min(b)));
        }
    }
    for k in order(spec.exceptions.len()) {
        let (r, c) = spec.exceptions[k];
        if r < n && defeasible(r) {
            t.except(&format!("r{r}"), &code(c));
        }
    }
    for k in order(spec.conflicts.len()) {
        let (a, b, contrary) = spec.conflicts[k];
        if a % 5 != b % 5 {
            if contrary {
                t.contrary(&code(a), &code(b));
            } else {
                t.contradicts(&code(a), &code(b));
            }
        }
    }
    t
}

/// Γ ◁s Γ' transcribed from Modgil & Prakken 2013, Def. 3.19 (strict order `lt`).
fn set_below(
    g: &BTreeSet<Preferable>,
    h: &BTreeSet<Preferable>,
    comparison: Comparison,
    lt: &dyn Fn(Preferable, Preferable) -> bool,
) -> bool {
    if g.is_empty() {
        return false;
    }
    if h.is_empty() {
        return true;
    }
    match comparison {
        Comparison::Elitist => g.iter().any(|&x| h.iter().all(|&y| lt(x, y))),
        Comparison::Democratic => g.iter().all(|&x| h.iter().any(|&y| lt(x, y))),
    }
}

use crate::model::{Preferable, PremiseKind};
use std::collections::BTreeSet;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Statuses (and the number of arguments) do not depend on the order in which premises,
    /// inferences, preferences, exceptions and conflicts are stated.
    #[test]
    fn statuses_do_not_depend_on_declaration_order(spec in spec(), seed in 1u64..u64::MAX) {
        let (t, u) = (theory_of(&spec, 0), theory_of(&spec, seed));
        for semantics in [Semantics::Grounded, Semantics::Preferred, Semantics::Stable] {
            let (s1, e1) = run(&t, &Options::default(), semantics);
            let (s2, e2) = run(&u, &Options::default(), semantics);
            prop_assert_eq!(s1.args.all.len(), s2.args.all.len());
            prop_assert_eq!(s1.statuses(&e1), s2.statuses(&e2), "{:?}", semantics);
        }
    }

    /// The argument ordering equals a direct transcription of Def. 3.19, 3.21 and 3.23 over
    /// Prem_p, DefRules and LastDefRules computed from the argument trees, for all four
    /// orderings.
    #[test]
    fn the_argument_ordering_is_the_definition(spec in spec()) {
        let t = theory_of(&spec, 0);
        let s = build(&t.theory, T::SCHOOL, &Options::default());
        let school = t.school();
        // The transitive closure of the stated preferences, by brute force.
        let mut below: BTreeSet<(Preferable, Preferable)> =
            school.preferences.iter().map(|p| (p.worse, p.better)).collect();
        loop {
            let more: Vec<_> = below
                .iter()
                .flat_map(|&(a, b)| below.iter().filter(move |&&(c, _)| c == b).map(move |&(_, d)| (a, d)))
                .filter(|p| !below.contains(p))
                .collect();
            if more.is_empty() { break; }
            below.extend(more);
        }
        let lt = |x: Preferable, y: Preferable| below.contains(&(x, y));
        let n = s.args.all.len().min(40);
        let ids: Vec<ArgId> = (0..n as u32).map(ArgId).collect();
        let prem = |a: ArgId| -> BTreeSet<Preferable> {
            s.args.premises(a).into_iter()
                .filter(|(_, k)| *k == PremiseKind::Ordinary)
                .map(|(l, _)| Preferable::Premise(l)).collect()
        };
        let rules_of = |set: BTreeSet<u32>| -> BTreeSet<Preferable> {
            set.into_iter().map(|r| Preferable::Rule(s.rules[r as usize].origin)).collect()
        };
        for link in [Link::LastLink, Link::WeakestLink] {
            for comparison in [Comparison::Elitist, Comparison::Democratic] {
                let order = ArgumentOrder::new(school, &s.rules, &s.args, ordering(link, comparison));
                let below = |g: &BTreeSet<Preferable>, h: &BTreeSet<Preferable>| set_below(g, h, comparison, &lt);
                for &a in &ids {
                    for &b in &ids {
                        let (da, db) = (rules_of(s.args.def_rules(a, &s.rules)), rules_of(s.args.def_rules(b, &s.rules)));
                        let (pa, pb) = (prem(a), prem(b));
                        let want = match link {
                            Link::LastLink => {
                                let (la, lb) = (rules_of(s.args.last_def_rules(a, &s.rules)), rules_of(s.args.last_def_rules(b, &s.rules)));
                                below(&la, &lb) || (la.is_empty() && lb.is_empty() && below(&pa, &pb))
                            }
                            Link::WeakestLink => {
                                if da.is_empty() && db.is_empty() {
                                    below(&pa, &pb)
                                } else if pa.is_empty() && pb.is_empty() {
                                    below(&da, &db)
                                } else {
                                    below(&pa, &pb) && below(&da, &db)
                                }
                            }
                        };
                        prop_assert_eq!(order.weaker(a, b, &s.args), want, "{:?} {:?} {:?} {:?}", link, comparison, a, b);
                    }
                }
            }
        }
    }

    /// The grounded labelling on the compact relation equals that of the full framework, and
    /// every grounded extension satisfies the postulates when transposition is on and the
    /// axioms are consistent (Modgil & Prakken 2013, Sect. 4, for well-defined theories —
    /// contraries are left out, as they need extra conditions there).
    #[test]
    fn grounded_is_sound_and_well_behaved(spec in spec()) {
        let spec = Spec { conflicts: Vec::new(), ..spec };
        let t = theory_of(&spec, 0);
        let (s, eval) = run(&t, &Options::default(), Semantics::Grounded);
        let af = s.framework(usize::MAX).unwrap();
        prop_assert_eq!(&eval.labellings[0], &crate::dung::grounded(&af));
        if consistency::axioms(&t.theory, t.school(), &s.rules, &s.contrariness).is_none() {
            let found = postulates(&t.theory, &s, &eval);
            prop_assert!(found.is_empty(), "{:?}", found);
        }
    }
}

/// The conflict named is the one the labelled items give, not another the axioms also give
/// through inferences left out of the set.
#[test]
fn the_inconsistency_message_names_the_conflict_of_the_labelled_set() {
    let mut t = T::new();
    t.axiom("a").axiom("b");
    t.strict(&["a"], "x");
    t.strict(&["b"], "-x");
    t.strict(&["a"], "z");
    t.strict(&["b"], "-z");
    let s = build(&t.theory, T::SCHOOL, &Options::default());
    let d = consistency::axioms(&t.theory, t.school(), &s.rules, &s.contrariness).unwrap();
    let school = t.school();
    assert_eq!(
        labelled(&d),
        [
            school.premises[0].span,
            school.premises[1].span,
            school.rules[2].span,
            school.rules[3].span
        ]
    );
    assert!(
        d.message.contains("`z`") && !d.message.contains("`x`"),
        "{}",
        d.message
    );
}
