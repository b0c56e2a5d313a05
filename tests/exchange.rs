//! Exchange formats. AIF JSON round trips (export → import → the same standings) on every
//! shipped school, the debate fixture and random theories; a real AIFdb/OVA map imports; the
//! other formats are well formed. Readers that are not agon check them in CI
//! (`scripts/exchange/check.sh`: Argdown's own CLI, an XML parser, an AIF structure check, and
//! clingo on the `apx` framework against `agon solve` on the `p af` one).

mod common;

use agon::aspic::Options;
use agon::diverge::Standing;
use agon::dung::Semantics;
use agon::exchange::{af, aif, argdown, graphml};
use agon::model::{SchoolId, Theory};
use agon::reason::Reasoner;
use agon::workspace::Workspace;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Every literal's standing in a school, by the literal as written.
fn standings(
    theory: &Theory,
    school: SchoolId,
    semantics: Semantics,
) -> BTreeMap<String, Standing> {
    let mut r = Reasoner::new(theory, Options::default(), semantics);
    r.standings(school, semantics)
        .iter()
        .map(|(l, s)| (theory.show(*l), *s))
        .filter(|(_, s)| *s != Standing::NotAddressed)
        .collect()
}

/// Exports a school as AIF, imports it back, and checks both hold every literal alike.
fn round_trip(theory: &Theory, school: SchoolId) {
    let name = &theory.school(school).name;
    let json = serde_json::to_string(&aif::export(theory, school)).unwrap();
    let text = aif::import(&json, "back", "test").expect("agon reads its own AIF");
    let back = Workspace::from_text("back.agon", &text);
    assert!(
        !back.has_errors(),
        "{name}: the imported theory has errors: {:?}\n{text}",
        back.diagnostics
    );
    for semantics in [Semantics::Grounded, Semantics::Preferred] {
        assert_eq!(
            standings(theory, school, semantics),
            standings(&back.theory, SchoolId(0), semantics),
            "{name} under {semantics:?}\n{text}"
        );
    }
}

/// The shipped theories, and the debate fixture (its own vocabulary, so read apart).
fn shipped() -> Workspace {
    open("theories")
}

fn open(path: &str) -> Workspace {
    let ws = Workspace::open(&[PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)]).unwrap();
    assert!(!ws.has_errors(), "{:?}", ws.diagnostics);
    ws
}

#[test]
fn aif_round_trips_keep_every_standing_of_the_shipped_schools() {
    for ws in [shipped(), open("tests/fixtures/debate")] {
        assert!(ws.theory.schools.len() >= 4);
        for i in 0..ws.theory.schools.len() {
            round_trip(&ws.theory, SchoolId(i as u32));
        }
    }
}

#[test]
fn aif_round_trips_keep_every_standing_of_random_theories() {
    let mut rng = agon::synth::Rng::new(0xa1f);
    let mut tried = 0;
    for _ in 0..200 {
        let text = common::random_theory(&mut rng, &common::Shape::default());
        let ws = Workspace::from_text("r.agon", &text);
        if ws.has_errors() {
            continue;
        }
        round_trip(&ws.theory, SchoolId(0));
        tried += 1;
    }
    assert!(tried > 150, "{tried}");
}

#[test]
fn an_aifdb_map_without_agon_fields_imports_as_a_readable_school() {
    // AIFdb's shape: numeric ids, dialogue nodes (L, YA) beside the argument, a conflict
    // between propositions and one aimed at an inference.
    let map = r#"{"AIF": {"nodes": [
        {"nodeID": 1, "text": "Speaker 1: taxes should fall", "type": "L"},
        {"nodeID": 2, "text": "Taxes should fall.", "type": "I"},
        {"nodeID": 3, "text": "Default Illocuting", "type": "YA"},
        {"nodeID": 4, "text": "Growth needs investment.", "type": "I"},
        {"nodeID": 5, "text": "Default Inference", "type": "RA"},
        {"nodeID": 6, "text": "Deficits are dangerous.", "type": "I"},
        {"nodeID": 7, "text": "Default Conflict", "type": "CA"},
        {"nodeID": 8, "text": "Investment does not respond to taxes.", "type": "I"},
        {"nodeID": 9, "text": "Default Conflict", "type": "CA"}],
      "edges": [
        {"edgeID": 1, "fromID": 1, "toID": 3}, {"edgeID": 2, "fromID": 3, "toID": 2},
        {"edgeID": 3, "fromID": 4, "toID": 5}, {"edgeID": 4, "fromID": 5, "toID": 2},
        {"edgeID": 5, "fromID": 6, "toID": 7}, {"edgeID": 6, "fromID": 7, "toID": 2},
        {"edgeID": 7, "fromID": 8, "toID": 9}, {"edgeID": 8, "fromID": 9, "toID": 5}],
      "locutions": []}}"#;
    let text = aif::import(map, "debate", "map.json").unwrap();
    let ws = Workspace::from_text("i.agon", &text);
    assert!(!ws.has_errors(), "{:?}\n{text}", ws.diagnostics);
    assert!(
        text.contains("claim taxes-should-fall \"Taxes should fall.\"."),
        "{text}"
    );
    assert!(
        text.contains("deficits-are-dangerous is contrary to taxes-should-fall."),
        "{text}"
    );
    assert!(
        text.contains("usually follows from growth-needs-investment"),
        "{text}"
    );
    assert!(
        text.contains("does not apply when investment-does-not-respond-to-taxes"),
        "{text}"
    );
    // The inference is undercut and its conclusion attacked by a premise: not accepted.
    let s = standings(&ws.theory, SchoolId(0), Semantics::Grounded);
    assert_eq!(s["taxes-should-fall"], Standing::Rejected, "{s:?}");
    assert_eq!(s["growth-needs-investment"], Standing::Accepted);
}

#[test]
fn a_real_aifdb_export_imports() {
    // AIFdb nodeset 6064 (see tests/fixtures/aif/README.md for its source and licence).
    let map = include_str!("fixtures/aif/aifdb-6064.json");
    let text = aif::import(map, "empire", "aifdb-6064.json").unwrap();
    let ws = Workspace::from_text("i.agon", &text);
    assert!(!ws.has_errors(), "{:?}\n{text}", ws.diagnostics);
    assert!(ws.diagnostics.is_empty(), "{:?}\n{text}", ws.diagnostics);
    let s = &ws.theory.schools[0];
    // Nine propositions, five inferences between them, four that no inference concludes.
    assert_eq!(ws.theory.claims.len(), 9, "{text}");
    assert_eq!(s.rules.len(), 5, "{text}");
    assert_eq!(s.premises.len(), 4, "{text}");
    assert!(s
        .rules
        .iter()
        .all(|r| r.kind == agon::model::RuleKind::Defeasible));
    assert!(
        text.contains("\"they got to a point where Macmillan realised"),
        "{text}"
    );
    // Nothing attacks anything in this map: every claim is accepted.
    let standings = standings(&ws.theory, SchoolId(0), Semantics::Grounded);
    assert_eq!(standings.len(), 9);
    assert!(
        standings.values().all(|s| *s == Standing::Accepted),
        "{standings:?}"
    );
}

#[test]
fn broken_aif_is_refused_with_the_reason() {
    for (doc, why) in [
        ("[1, 2", "not JSON"),
        ("{\"edges\": []}", "no `nodes` list"),
        ("{\"nodes\": [{\"text\": \"x\"}], \"edges\": []}", "has no `nodeID`"),
        (
            "{\"nodes\": [{\"nodeID\": \"1\", \"type\": \"I\"}], \"edges\": [{\"fromID\": \"1\", \"toID\": \"9\"}]}",
            "is not a node",
        ),
    ] {
        let err = aif::import(doc, "s", "x.json").unwrap_err();
        assert!(err.0.contains(why), "{doc}: {}", err.0);
    }
}

#[test]
fn argdown_graphml_and_frameworks_are_well_formed() {
    let ws = shipped();
    let t = &ws.theory;
    let realism = t.school_named("realism").unwrap();
    let s = t.school(realism);
    let down = argdown::export(t, realism);
    assert!(down.starts_with("===\ntitle: \"Realism\"\n===\n"), "{down}");
    // One argument per inference, one `(n)` conclusion line closing each.
    assert_eq!(down.matches("\n<").count(), s.rules.len(), "{down}");
    assert!(down.contains("[self-help]: "), "{down}");
    let ml = graphml::export(t, realism, &|_| Standing::Accepted, None);
    assert_eq!(ml.matches("<graph ").count(), 1);
    assert!(!ml.contains("<data key=\"unknown\">"), "{ml}");
    // An unknown standing carries its reason on the graph, escaped.
    let why = graphml::export(
        t,
        realism,
        &|_| Standing::Unknown,
        Some("past <limits> & more"),
    );
    assert!(
        why.contains("<data key=\"unknown\">past &lt;limits&gt; &amp; more</data>"),
        "{why}"
    );
    assert_eq!(ml.matches("<edge ").count(), ml.matches("</edge>").count());
    for e in ml.lines().filter(|l| l.contains("<edge ")) {
        let end = |attr: &str| {
            let at = e.find(attr).unwrap() + attr.len();
            e[at..e[at..].find('"').unwrap() + at].to_string()
        };
        for id in [end("source=\""), end("target=\"")] {
            assert!(ml.contains(&format!("<node id=\"{id}\"")), "{id} in {e}");
        }
    }
    let p_af = af::export(t, realism, &Options::default(), af::Form::Iccma).unwrap();
    let apx = af::export(t, realism, &Options::default(), af::Form::Apx).unwrap();
    let n: usize = p_af
        .lines()
        .next()
        .unwrap()
        .strip_prefix("p af ")
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(apx.matches("arg(").count(), n);
    let attacks = p_af
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with('p'))
        .count();
    assert_eq!(apx.matches("att(").count(), attacks);
}

#[test]
fn the_exported_framework_decides_what_agon_decides() {
    // `agon solve` on the exported `p af`: the conclusions of the grounded extension are the
    // school's accepted literals.
    let ws = shipped();
    let t = &ws.theory;
    for name in ["realism", "liberalism", "copenhagen"] {
        let school = t.school_named(name).unwrap();
        let text = af::export(t, school, &Options::default(), af::Form::Iccma).unwrap();
        let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
        let file = dir.join(format!("exchange-{name}-{}.af", std::process::id()));
        std::fs::write(&file, &text).unwrap();
        let (code, out, err) =
            common::run_agon(&["solve", "-p", "SE-GR", "-f", file.to_str().unwrap()]);
        let _ = std::fs::remove_file(&file);
        assert_eq!(code, 0, "{err}");
        let conclusion: BTreeMap<usize, String> = text
            .lines()
            .filter_map(|l| l.strip_prefix("# "))
            .map(|l| {
                let (i, c) = l.split_once(' ').unwrap();
                (i.parse().unwrap(), c.to_string())
            })
            .collect();
        let mut solved: Vec<String> = out
            .split_whitespace()
            .filter_map(|w| w.parse::<usize>().ok())
            .map(|i| conclusion[&i].clone())
            .collect();
        solved.sort();
        solved.dedup();
        let mut accepted: Vec<String> = standings(t, school, Semantics::Grounded)
            .into_iter()
            .filter(|(_, s)| *s == Standing::Accepted)
            .map(|(l, _)| l)
            .collect();
        accepted.sort();
        assert_eq!(solved, accepted, "{name}");
    }
}
