//! Divergence pinned down on small hand-built theories: views (accepts, rejects, open,
//! silent), relations, declared opposites, silence kept apart from divergence, `not x` and a
//! declared opposite counting alike, cruxes (traced to their roots, listed once, never the
//! claim itself), questions, and the JSON report's shape.

use agon::diverge::{compare_pair, Crux, PairReport, Relation, View, Views};
use agon::dung::Semantics;
use agon::model::SchoolId;
use agon::reason::Reasoner;
use agon::workspace::Workspace;

fn pair(text: &str) -> (Workspace, PairReport) {
    let ws = Workspace::from_text("t.agon", text);
    assert!(!ws.has_errors(), "{:?}", ws.diagnostics);
    let ids = [SchoolId(0), SchoolId(1)];
    let mut r = Reasoner::new(
        &ws.theory,
        agon::aspic::Options::default(),
        Semantics::Grounded,
    );
    let st = r.all_standings(&ids, Semantics::Grounded);
    let views = Views::build(&ws.theory, &ids, &st);
    let report = compare_pair(&ws.theory, (ids[0], ids[1]), &st, &views);
    (ws, report)
}

fn claim(c: &str) -> Crux {
    Crux::Claim {
        literal: c.to_string(),
    }
}

fn cruxes_of(r: &PairReport, id: &str) -> Vec<Crux> {
    let d = r
        .divergences
        .iter()
        .find(|d| d.claim == id)
        .unwrap_or_else(|| panic!("{id} diverges: {:?}", r.divergences));
    d.cruxes
        .iter()
        .map(|i| r.cruxes[*i].crux.crux.clone())
        .collect()
}

const CHAIN: &str =
    "claim a \"A.\". claim b \"B.\". claim c \"C.\". claim d \"D.\". claim e \"E.\".";

#[test]
fn a_divergence_several_inferences_below_is_traced_to_its_root() {
    // Both draw a -> b -> c -> d; the second adds an exception to the first step and holds it.
    let (_, r) = pair(&format!(
        "{CHAIN}
         school one \"One\" {{ premise a. ab: b usually follows from a. c usually follows from b. d usually follows from c. }}
         school two \"Two\" {{ premise a. ab: b usually follows from a. c usually follows from b. d usually follows from c.
                              ab does not apply when e. premise e. }}"
    ));
    let root = vec![
        claim("e"),
        Crux::Inference {
            label: "b usually follows from a".into(),
        },
    ];
    for id in ["b", "c", "d"] {
        assert_eq!(cruxes_of(&r, id), root, "{id}");
        let d = r.divergences.iter().find(|d| d.claim == id).unwrap();
        assert_eq!(d.relation, Relation::AcceptReject, "{id}");
    }
    // Each crux is listed once, with what each school states there.
    assert_eq!(r.cruxes.len(), 2);
    let why = &r
        .cruxes
        .iter()
        .find(|c| c.crux.crux == root[1])
        .unwrap()
        .crux
        .why;
    assert!(why.contains("unless e"), "{why}");
    assert!(why.contains("as `ab`"), "{why}");
    // a is held alike; e only the second school speaks of: silent, not divergent.
    assert_eq!((r.jointly_addressed, r.agreed, r.apart), (4, 1, 3));
    assert_eq!(names(&r.only_second), ["e"]);
}

#[test]
fn a_claim_can_follow_from_several_cruxes() {
    // d needs b and c; the schools differ on the premise a (under b) and on the inference for c.
    let (_, r) = pair(&format!(
        "{CHAIN}
         school one \"One\" {{ premise a. premise e. b usually follows from a. c usually follows from e. d usually follows from b, c. }}
         school two \"Two\" {{ premise e. premise not a. premise not d. b usually follows from a. d usually follows from b, c. }}"
    ));
    assert_eq!(
        cruxes_of(&r, "d"),
        vec![
            claim("a"),
            Crux::Inference {
                label: "c usually follows from e".into()
            }
        ]
    );
}

#[test]
fn a_claim_is_never_its_own_crux() {
    let (_, r) = pair(&format!(
        "{CHAIN}
         school one \"One\" {{ premise a. }}
         school two \"Two\" {{ premise not a. }}"
    ));
    let a = r.divergences.iter().find(|d| d.claim == "a").unwrap();
    assert_eq!(a.relation, Relation::Contradiction);
    assert_eq!(a.first, View::Accepts);
    assert!(matches!(a.second, View::Rejects(_)));
    assert!(a.cruxes.is_empty(), "{:?}", r.cruxes);
}

#[test]
fn silence_is_not_divergence() {
    let (_, r) = pair(&format!(
        "{CHAIN}
         school one \"One\" {{ premise a. b usually follows from a. }}
         school two \"Two\" {{ premise c. }}"
    ));
    assert!(r.divergences.is_empty());
    assert_eq!(names(&r.only_first), ["a", "b"]);
    assert_eq!(names(&r.only_second), ["c"]);
    assert_eq!(r.distance, None);
}

#[test]
fn a_declared_conflict_between_different_claims_is_a_divergence() {
    // Realism's order-over-freedom against liberalism's freedom-over-order, declared
    // contradictory: each school speaks only of its own claim.
    let (_, r) = pair(
        "claim order \"Order over freedom.\". claim freedom \"Freedom over order.\".
         order contradicts freedom.
         school realism \"R\" { premise order. }
         school liberalism \"L\" { premise freedom. }",
    );
    assert_eq!(
        r.divergences.len(),
        1,
        "the pair counts once: {:?}",
        r.divergences
    );
    let d = &r.divergences[0];
    assert_eq!(d.relation, Relation::Contradiction);
    assert!(
        d.second_says.contains("accepts freedom"),
        "{}",
        d.second_says
    );
    assert_eq!((r.jointly_addressed, r.apart), (1, 1));
}

#[test]
fn an_accepted_contrary_rejects_the_claim() {
    let (_, r) = pair(
        "claim x \"X.\". claim y \"Y.\". y is contrary to x.
         school one \"One\" { premise x. }
         school two \"Two\" { premise y. }",
    );
    let d = r.divergences.iter().find(|d| d.claim == "x").unwrap();
    assert_eq!(d.first, View::Accepts);
    assert!(d.second_says.contains("accepts y"), "{}", d.second_says);
    // y is contrary to x, not the reverse: accepting x does not reject y.
    assert_eq!(names(&r.only_second), ["y"]);
}

#[test]
fn not_x_and_a_declared_opposite_count_alike() {
    let negation = pair(&format!(
        "{CHAIN}
         school one \"One\" {{ premise a. premise b. premise c. }}
         school two \"Two\" {{ premise not a. premise b. premise c. }}"
    ))
    .1;
    let opposite = pair(&format!(
        "{CHAIN}
         a contradicts e.
         school one \"One\" {{ premise a. premise b. premise c. }}
         school two \"Two\" {{ premise e. premise b. premise c. }}"
    ))
    .1;
    for r in [&negation, &opposite] {
        assert_eq!((r.jointly_addressed, r.agreed, r.apart), (3, 2, 1));
    }
    assert_eq!(negation.distance, opposite.distance);
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
    assert_eq!(r.distance, Some(0.0));
}

#[test]
fn schools_part_on_a_question_when_their_answers_differ() {
    let (_, r) = pair(
        "claim state \"The state.\". claim society \"Society.\". claim person \"The individual.\".
         question referent \"What is the referent object of security?\" { state, society, person }
         question other \"Something else?\" { state, person }
         school one \"One\" { premise state. }
         school two \"Two\" { premise society. premise state. }",
    );
    assert_eq!(r.questions_answered, 2);
    assert_eq!(r.questions_apart.len(), 1);
    assert_eq!(r.questions_apart[0].question, "referent");
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
fn the_text_report_of_the_three_school_debate() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_agon"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["diverge", "tests/fixtures/debate/"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    // The central question of the debate appears as a divergence.
    assert!(
        text.contains(
            "institutions-matter: neorealism rejects (accepts institutions-epiphenomenal"
        ),
        "{text}"
    );
    insta::assert_snapshot!(text);
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

/// Claim ids of a pair report's list, as text.
fn names(list: &[std::sync::Arc<str>]) -> Vec<&str> {
    list.iter().map(AsRef::as_ref).collect()
}
