//! The exact engine (a school translated to assumption-based argumentation and solved at the
//! level of assumptions, `agon::reasoning`) against the argument-building engine
//! (`agon::aspic`, itself checked against py_arg), on thousands of random small theories:
//! every semantics, last- and weakest-link, elitist and democratic, with and without
//! transposition. Wherever arguments were all built, the standings must be the same.
//!
//! Known, principled difference: agon's argument builder (like py_arg) leaves out arguments
//! that repeat a conclusion on a branch; the translation's derivations do not (Modgil &
//! Prakken 2013, Def. 3.6 allows them). The two could then differ only when rule preferences
//! decide an attack over cyclic rules; no such case occurs among these theories.

mod common;

use agon::aspic::{self, Options};
use agon::diverge::Standing;
use agon::dung::Semantics;
use agon::model::{Comparison, Link, SchoolId};
use agon::synth::Rng;
use agon::workspace::Workspace;

#[test]
fn the_exact_engine_agrees_with_built_arguments_on_random_theories() {
    let mut rng = Rng::new(10);
    let mut compared = 0;
    for i in 0..1500 {
        let shape = common::Shape {
            claims: 3 + i % 5,
            rules: 3 + i % 6,
            ..common::Shape::default()
        };
        let ws = Workspace::from_text("random.agon", &common::random_theory(&mut rng, &shape));
        assert!(!ws.has_errors(), "{:?}", ws.diagnostics);
        let school = &ws.theory.schools[0];
        let preferences = !school.preferences.is_empty();
        for transposition in [true, false] {
            for (link, comparison) in [
                (Link::LastLink, Comparison::Elitist),
                (Link::LastLink, Comparison::Democratic),
                (Link::WeakestLink, Comparison::Elitist),
            ] {
                if link == Link::WeakestLink && preferences {
                    // Not translated: the exact engine builds arguments itself.
                    continue;
                }
                let options = Options {
                    transposition,
                    link: Some(link),
                    comparison: Some(comparison),
                    ..Options::default()
                };
                let s = aspic::build(&ws.theory, SchoolId(0), &options);
                for semantics in Semantics::ALL {
                    let old = s.evaluate(semantics, &options);
                    assert!(!old.truncated);
                    let new = agon::reasoning::evaluate(school, SchoolId(0), &options, semantics);
                    assert!(new.unknown.is_none());
                    let expected = s.standings(&old);
                    let context = format!(
                        "theory {i}, {semantics}, {link:?} {comparison:?}, transposition {transposition}:\n{}",
                        ws.sources.files().next().map(|(_, f)| f.text.to_string()).unwrap_or_default()
                    );
                    for (lit, st) in &expected {
                        let got = new
                            .standings
                            .get(lit)
                            .copied()
                            .unwrap_or(Standing::NotAddressed);
                        assert_eq!(got, *st, "`{}`: {context}", ws.theory.show(*lit));
                    }
                    assert_eq!(new.standings.len(), expected.len(), "{context}");
                    assert_eq!(new.exists, !old.labellings.is_empty(), "{context}");
                }
                compared += 1;
            }
        }
    }
    eprintln!("compared {compared} (theory, options) pairs");
    assert!(compared > 6000, "only {compared} compared");
}

/// The shipped theories: the exact engine gives every school the standings its built
/// arguments give (where they could all be built), under every semantics.
#[test]
fn the_shipped_theories_keep_their_standings() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/theories");
    let ws = Workspace::open(&[std::path::PathBuf::from(dir)]).unwrap();
    assert!(!ws.has_errors());
    let options = Options::default();
    let mut compared = 0;
    for (i, school) in ws.theory.schools.iter().enumerate() {
        let id = SchoolId(i as u32);
        let s = aspic::build(&ws.theory, id, &options);
        for semantics in Semantics::ALL {
            let old = s.evaluate(semantics, &options);
            if old.truncated {
                continue;
            }
            let new = agon::reasoning::evaluate(school, id, &options, semantics);
            assert!(new.unknown.is_none());
            assert_eq!(
                new.standings,
                s.standings(&old),
                "{} under {semantics}",
                school.name
            );
            compared += 1;
        }
    }
    assert!(compared >= 40, "only {compared} compared");
}
