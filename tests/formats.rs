//! Machine-readable outputs of `agon check`: JSON with 1-based positions and byte spans,
//! GitHub workflow commands, SARIF 2.1.0, and the exit codes CI relies on.

use std::process::Command;

const FIXTURE: &str = "tests/fixtures/errors/many-mistakes.agon";

fn run(format: &str) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_agon"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "--format", format, FIXTURE])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap();
    (out.status.code().unwrap(), text)
}

#[test]
fn json_gives_lines_columns_and_byte_spans() {
    let (code, text) = run("json");
    assert_eq!(code, 1);
    let findings: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    let unknown = findings
        .iter()
        .find(|f| f["code"] == "agon::unknown-claim")
        .unwrap();
    let label = &unknown["labels"][0];
    assert_eq!(
        (label["line"].as_u64(), label["column"].as_u64()),
        (Some(11), Some(13))
    );
    let source = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/errors/many-mistakes.agon"
    ))
    .unwrap();
    let (start, end) = (
        label["start"].as_u64().unwrap() as usize,
        label["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&source[start..end], "anarhy");
    assert_eq!(unknown["help"], "did you mean `anarchy`?");
}

#[test]
fn github_format_emits_one_workflow_command_per_finding() {
    let (code, text) = run("github");
    assert_eq!(code, 1);
    let lines: Vec<&str> = text.lines().filter(|l| l.starts_with("::")).collect();
    assert!(lines.len() >= 10, "{text}");
    assert!(lines.contains(
        &"::error file=tests/fixtures/errors/many-mistakes.agon,line=11,col=13,endLine=11,endColumn=19,title=agon%3A%3Aunknown-claim::no claim is declared as `anarhy`%0Ahelp: did you mean `anarchy`?"
    ), "{text}");
}

#[test]
fn sarif_is_a_2_1_0_log_with_stable_rule_ids() {
    let (code, text) = run("sarif");
    assert_eq!(code, 1);
    let log: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    for result in run["results"].as_array().unwrap() {
        let id = result["ruleId"].as_str().unwrap();
        assert_eq!(rules[result["ruleIndex"].as_u64().unwrap() as usize], id);
        assert!(id.starts_with("agon::"));
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64().unwrap() >= 1);
    }
}

#[test]
fn agon_format_environment_variable_chooses_the_format() {
    let out = Command::new(env!("CARGO_BIN_EXE_agon"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("AGON_FORMAT", "json")
        .args(["check", FIXTURE])
        .output()
        .unwrap();
    assert!(serde_json::from_slice::<serde_json::Value>(&out.stdout).is_ok());
}

#[test]
fn warnings_fail_only_when_denied() {
    let base = [
        "check",
        "--format",
        "plain",
        "tests/fixtures/errors/warnings.agon",
    ];
    let run = |extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_agon"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(base)
            .args(extra)
            .output()
            .unwrap()
            .status
            .code()
    };
    assert_eq!(run(&[]), Some(0));
    assert_eq!(run(&["--deny-warnings"]), Some(1));
}
