//! `agon diff`: standing changes per school with their causes, expectation outcome changes
//! and the exit code, reordering and reformatting as no change, and the JSON and GitHub
//! formats (snapshots reviewed).

mod common;
use common::run_agon;

const OLD: &str = "tests/fixtures/diff/old";
const NEW: &str = "tests/fixtures/diff/new";

#[test]
fn a_revision_reports_each_standing_change_with_its_causes() {
    let (code, out, err) = run_agon(&["diff", OLD, NEW]);
    // `expect liberalism accepts peace` held and now fails.
    assert_eq!(code, 1, "{err}");
    assert!(
        out.contains("peace: accepts → rejects (every argument defeated)"),
        "{out}"
    );
    assert!(out.contains("because + premise rivalry"), "{out}");
    // A conflict declared at the top level reaches every school.
    assert!(
        out.contains("peace: silent → rejects (accepts war, in conflict with it)"),
        "{out}"
    );
    assert!(
        out.contains("held → failed: expect liberalism accepts peace."),
        "{out}"
    );
    insta::assert_snapshot!(out);
}

#[test]
fn reordering_and_reformatting_change_nothing() {
    let (code, out, _) = run_agon(&["diff", OLD, "tests/fixtures/diff/reformatted"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("0 statement change(s), 0 standing change(s), 0 expectation(s)"),
        "{out}"
    );
}

#[test]
fn the_same_version_twice_is_clean_in_every_format() {
    for format in ["text", "json", "github"] {
        let (code, _, _) = run_agon(&["diff", OLD, OLD, "--format", format]);
        assert_eq!(code, 0, "{format}");
    }
}

#[test]
fn json_lists_statements_standings_and_expectations() {
    let (code, out, _) = run_agon(&["diff", OLD, NEW, "--format", "json"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let diff = &v["diff"];
    assert_eq!(diff["expectations"][0]["before"], "held");
    assert_eq!(diff["expectations"][0]["after"], "failed");
    let peace = diff["standings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["school"] == "liberalism" && s["claim"] == "peace")
        .unwrap();
    assert_eq!(peace["before"], "accepts");
    assert_eq!(peace["after"], "rejects");
    insta::assert_json_snapshot!(v);
}

#[test]
fn github_annotations_point_at_the_new_lines() {
    let (code, out, _) = run_agon(&["diff", OLD, NEW, "--format", "github"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("::error file=tests/fixtures/diff/new/t.agon,line=23"),
        "{out}"
    );
    assert!(
        out.contains("::warning file=tests/fixtures/diff/new/t.agon,line=22"),
        "{out}"
    );
}

#[test]
fn the_reverse_revision_fixes_the_expectation_and_still_exits_1() {
    // failed → held is a changed outcome too: CI should look.
    let (code, out, _) = run_agon(&["diff", NEW, OLD]);
    assert_eq!(code, 1);
    assert!(
        out.contains("failed → held: expect liberalism accepts peace."),
        "{out}"
    );
    assert!(out.contains("- premise rivalry"), "{out}");
}

#[test]
fn a_missing_version_is_a_usage_error() {
    let (code, _, err) = run_agon(&["diff", OLD, "tests/fixtures/diff/nowhere"]);
    assert_eq!(code, 2, "{err}");
}
