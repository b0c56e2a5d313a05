//! The crux definition pinned down on small hand-built theories: a divergence that starts
//! several inferences below the divergent claim, several cruxes, inferences drawn by one
//! school only, and the classification of claims; plus the JSON report's shape.

use agon::diverge::{compare_pair, Crux, Relation, Standing};
use agon::dung::Semantics;
use agon::model::SchoolId;
use agon::reason::Reasoner;
use agon::workspace::Workspace;

fn pair(text: &str) -> (Workspace, agon::diverge::PairReport) {
    let ws = Workspace::from_text("t.agon", text);
    assert!(!ws.has_errors(), "{:?}", ws.diagnostics);
    let mut r = Reasoner::new(
        &ws.theory,
        agon::aspic::Options::default(),
        Semantics::Grounded,
    );
    let st = r.all_standings(&[SchoolId(0), SchoolId(1)], Semantics::Grounded);
    let report = compare_pair(&ws.theory, SchoolId(0), SchoolId(1), &st);
    (ws, report)
}

fn claim(c: &str) -> Crux {
    Crux::Claim {
        literal: c.to_string(),
    }
}

const CHAIN: &str =
    "claim a \"A.\". claim b \"B.\". claim c \"C.\". claim d \"D.\". claim e \"E.\".";

#[test]
fn a_divergence_several_inferences_below_is_traced_to_its_root() {
    // Both schools draw the same chain a -> b -> c -> d; only the first asserts a.
    let (_, r) = pair(&format!(
        "{CHAIN}
         school one \"One\" {{ premise a. b usually follows from a. c usually follows from b. d usually follows from c. premise e. }}
         school two \"Two\" {{ b usually follows from a. c usually follows from b. d usually follows from c. premise e. }}"
    ));
    let d = r
        .divergences
        .iter()
        .find(|d| d.claim == "d")
        .expect("d diverges");
    assert_eq!(d.cruxes, vec![claim("a")]);
    assert_eq!(d.relation, Relation::OneSilent);
    // Everything above a follows from it; e is agreed.
    for id in ["a", "b", "c"] {
        let d = r.divergences.iter().find(|d| d.claim == id).unwrap();
        assert_eq!(d.cruxes, vec![claim("a")], "{id}");
    }
    assert_eq!((r.jointly_addressed, r.agreed), (1, 1));
    // Only the second school is silent on them, so no claim both address is grouped.
    assert!(r.groups.is_empty());
}

#[test]
fn a_claim_can_follow_from_several_cruxes() {
    // d needs b and c; the schools differ on the premise a (under b) and on the inference for c.
    let (_, r) = pair(&format!(
        "{CHAIN}
         school one \"One\" {{ premise a. premise e. b usually follows from a. c usually follows from e. d usually follows from b, c. }}
         school two \"Two\" {{ premise e. b usually follows from a. d usually follows from b, c. }}"
    ));
    let d = r.divergences.iter().find(|d| d.claim == "d").unwrap();
    assert_eq!(
        d.cruxes,
        vec![
            claim("a"),
            Crux::Inference {
                label: "c usually follows from e".into()
            }
        ]
    );
}

#[test]
fn opposite_premises_are_a_contradiction_and_their_own_crux() {
    let (_, r) = pair(&format!(
        "{CHAIN}
         school one \"One\" {{ premise a. b usually follows from a. }}
         school two \"Two\" {{ premise not a. b usually follows from a. }}"
    ));
    let a = r.divergences.iter().find(|d| d.claim == "a").unwrap();
    assert_eq!(a.relation, Relation::Contradiction);
    assert_eq!(
        (a.first, a.second),
        (Standing::Accepted, Standing::Rejected)
    );
    assert!(
        a.cruxes.contains(&claim("a")) || a.cruxes.contains(&claim("not a")),
        "{:?}",
        a.cruxes
    );
    let b = r.divergences.iter().find(|d| d.claim == "b").unwrap();
    assert_eq!(b.cruxes, a.cruxes, "b parts where a does");
    // Only a is held differently by both (two has no argument for b): one group, from a.
    assert_eq!(r.groups, vec![(claim("a"), vec!["a".to_string()])]);
}

#[test]
fn schools_that_say_the_same_do_not_diverge() {
    let (_, r) = pair(&format!(
        "{CHAIN}
         school one \"One\" {{ premise a. b usually follows from a. }}
         school two \"Two\" {{ premise a. b usually follows from a. }}"
    ));
    assert!(r.divergences.is_empty());
    assert_eq!((r.jointly_addressed, r.agreed), (2, 2));
}

#[test]
fn the_json_report_has_a_schema_version_and_the_cruxes() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_agon"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "diverge",
            "--format",
            "json",
            "tests/fixtures/ok/small.agon",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    insta::assert_json_snapshot!(json);
}

#[test]
fn the_dot_figure_of_a_divergence_renders() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_agon"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["diverge", "--format", "dot", "tests/fixtures/ok/small.agon"])
        .output()
        .unwrap();
    let dot = String::from_utf8(out.stdout).unwrap();
    // The crux is drawn heavier; statuses show as borders.
    assert!(
        dot.contains("label=\"democracy\", shape=box, style=\"rounded\"")
            || dot.contains("penwidth=3"),
        "{dot}"
    );
    assert!(
        dot.contains("peripheries=2"),
        "accepted claims have a double border"
    );
}
