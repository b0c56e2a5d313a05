//! `agon compare` and questions: the paper's table in each format (snapshots, reviewed), the
//! agreement counts, answer filtering, and the errors of a theory without questions or a
//! question name that does not exist; plus expectations about silence.

mod common;
use common::run_agon;

const FIXTURE: &str = "tests/fixtures/questions/";

#[test]
fn the_text_table_cites_each_answer_and_counts_agreement() {
    let (code, out, err) = run_agon(&["compare", FIXTURE]);
    assert_eq!(code, 0, "{err}");
    // Copenhagen answers the referent question twice, and is silent on anarchy.
    assert!(out.contains(
        "copenhagen  state-is-referent [@ardam2021, p. 506], society-is-referent [@ardam2021, p. 506]"
    ));
    assert!(out.contains("realism and copenhagen: 0 alike, 1 apart of 1"));
    insta::assert_snapshot!(out);
}

#[test]
fn the_latex_table_uses_booktabs_and_cite_with_pages() {
    let (code, out, _) = run_agon(&["compare", FIXTURE, "--format", "latex"]);
    assert_eq!(code, 0);
    assert!(out.contains("\\toprule") && out.contains("\\bottomrule"));
    assert!(out.contains("\\cite[p.~494]{ardam2021}"));
    insta::assert_snapshot!(out);
}

#[test]
fn the_markdown_table_footnotes_each_citation_once() {
    let (code, out, _) = run_agon(&["compare", FIXTURE, "--format", "markdown"]);
    assert_eq!(code, 0);
    assert_eq!(out.matches("[^3]: @ardam2021, p. 506").count(), 1, "{out}");
    assert_eq!(
        out.matches("[^3]").count(),
        3,
        "used twice, defined once: {out}"
    );
    insta::assert_snapshot!(out);
}

#[test]
fn csv_quotes_cells_with_commas() {
    let (code, out, _) = run_agon(&["compare", FIXTURE, "--format", "csv"]);
    assert_eq!(code, 0);
    let first = out.lines().nth(1).unwrap();
    assert!(first.starts_with("referent,What is the referent object of security?,\"state-is-referent [@ardam2021, p. 494]\""), "{first}");
}

#[test]
fn json_has_every_cell_and_the_counts() {
    let (code, out, _) = run_agon(&["compare", FIXTURE, "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rows = v["table"]["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1]["cells"][2]["kind"], "silent");
    assert_eq!(v["table"]["agreement"][0][1]["apart"], 2);
}

#[test]
fn schools_and_questions_can_be_chosen_in_order() {
    let (code, out, _) = run_agon(&[
        "compare",
        FIXTURE,
        "--schools",
        "liberalism,realism",
        "--questions",
        "anarchy",
        "--format",
        "csv",
    ]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 2);
    assert!(out.starts_with("question,text,liberalism,realism"));
}

#[test]
fn an_unknown_question_is_a_usage_error_with_a_suggestion() {
    let (code, _, err) = run_agon(&["compare", FIXTURE, "--questions", "referant"]);
    assert_eq!(code, 2);
    assert!(err.contains("no question is named `referant`"), "{err}");
    assert!(err.contains("referent"), "{err}");
}

#[test]
fn a_theory_without_questions_says_how_to_declare_one() {
    let (code, _, err) = run_agon(&["compare", "tests/fixtures/ok/small.agon"]);
    assert_eq!(code, 2);
    assert!(err.contains("declare no question"), "{err}");
}

#[test]
fn a_divergence_expectation_fails_when_one_school_is_silent() {
    let dir = std::env::temp_dir().join(format!("agon-silent-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("t.agon");
    std::fs::write(
        &file,
        "claim x \"X.\". claim y \"Y.\".
         school one \"One\" { premise x. }
         school two \"Two\" { premise y. }
         expect one and two diverge on x.
         expect two is silent on x.
         expect one is silent on x.",
    )
    .unwrap();
    let (code, out, err) = run_agon(&["check", file.to_str().unwrap()]);
    let all = format!("{out}{err}");
    assert_eq!(code, 1, "{all}");
    assert!(all.contains("`two` is silent on it"), "{all}");
    assert!(all.contains("expected `one` to be silent on `x`"), "{all}");
    assert!(all.contains("1 held, 2 failed"), "{all}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_question_needs_known_answers_and_at_least_two() {
    let dir = std::env::temp_dir().join(format!("agon-question-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("t.agon");
    std::fs::write(
        &file,
        "claim state \"S.\".
         question one \"Only one?\" { state }
         question two \"Typo?\" { state, stat }
         question one \"Again?\" { state, not state }",
    )
    .unwrap();
    let (code, out, err) = run_agon(&["check", file.to_str().unwrap()]);
    let all = format!("{out}{err}");
    assert_eq!(code, 1, "{all}");
    assert!(all.contains("agon::one-answer"), "{all}");
    assert!(all.contains("no claim is declared as `stat`"), "{all}");
    assert!(all.contains("agon::duplicate-question"), "{all}");
    let _ = std::fs::remove_dir_all(dir);
}
