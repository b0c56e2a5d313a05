//! Command-line manners: `-` for standard input and output, `NO_COLOR` / `CLICOLOR_FORCE`,
//! `agon help language`, completions, the man page and `agon init`.

use std::io::Write;
use std::process::{Command, Stdio};

/// Runs agon with `input` on standard input and `env` set: exit code, stdout, stderr.
fn agon(args: &[&str], input: &str, env: &[(&str, &str)]) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_agon"));
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("AGON_FORMAT")
        .env_remove("GITHUB_ACTIONS")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const THEORY: &str = "claim a \"A.\". claim b \"B.\".
school s \"S\" { premise a. b usually follows from a. }
expect s accepts b.\n";

#[test]
fn a_dash_reads_the_theory_from_standard_input() {
    let (code, out, err) = agon(&["status", "-"], THEORY, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("accepted") && out.contains(" b "), "{out}");
    // Errors in standard input are located in `<stdin>`.
    let (code, _, err) = agon(
        &["check", "-"],
        "claim a \"A.\". school s \"S\" { premise x. }",
        &[],
    );
    assert_eq!(code, 1);
    assert!(err.contains("<stdin>:1:"), "{err}");
    // `use` in standard input is relative to the current folder.
    let (code, _, err) = agon(&["check", "-"], "use \"theories/concepts.agon\".", &[]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn fmt_dash_formats_standard_input_to_standard_output_and_keeps_broken_text() {
    let (code, out, _) = agon(
        &["fmt", "-"],
        "claim a \"A.\".\nschool s \"S\"{premise a.}\n",
        &[],
    );
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "claim a \"A.\".\nschool s \"S\" {\n    premise a.\n}\n"
    );
    let broken = "claim a \"A.\" school";
    let (code, out, err) = agon(&["fmt", "-"], broken, &[]);
    assert_eq!(code, 1);
    assert_eq!(out, broken, "text that does not parse comes back unchanged");
    assert!(err.contains("left unchanged"), "{err}");
}

#[test]
fn output_dash_writes_to_standard_output() {
    let (code, out, err) = agon(&["dot", "-", "--output", "-"], THEORY, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("digraph"), "{out}");
    assert!(!std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/-")).exists());
}

#[test]
fn no_color_and_clicolor_force_decide_colour() {
    let bad = "claim a \"A.\". school s \"S\" { premise x. }";
    let escape = |e: &str| e.contains('\u{1b}');
    let (_, _, piped) = agon(&["check", "-"], bad, &[]);
    assert!(!escape(&piped), "no colour in a pipe by default");
    let (_, _, forced) = agon(&["check", "-"], bad, &[("CLICOLOR_FORCE", "1")]);
    assert!(escape(&forced), "CLICOLOR_FORCE turns colour on");
    let (_, _, both) = agon(
        &["check", "-"],
        bad,
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")],
    );
    assert!(!escape(&both), "NO_COLOR wins");
}

#[test]
fn help_language_prints_the_reference_built_into_the_binary() {
    let (code, out, _) = agon(&["help", "language"], "", &[]);
    assert_eq!(code, 0);
    assert_eq!(out, include_str!("../docs/language.md"));
    let (code, out, _) = agon(&["help", "check"], "", &[]);
    assert_eq!(code, 0);
    assert!(out.contains("Usage: agon check"), "{out}");
    let (code, _, err) = agon(&["help", "nonsense"], "", &[]);
    assert_eq!(code, 2);
    assert!(err.contains("the topics are language,"), "{err}");
}

#[test]
fn completions_and_the_man_page() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let (code, out, _) = agon(&["completions", shell], "", &[]);
        assert_eq!(code, 0);
        assert!(out.contains("diverge"), "{shell} completes the subcommands");
    }
    let (code, out, _) = agon(&["man"], "", &[]);
    assert_eq!(code, 0);
    assert!(out.contains(".TH agon 1"), "{out}");
}

#[test]
fn init_creates_a_project_that_checks_and_never_overwrites() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("init-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let d = dir.to_str().unwrap();
    let (code, out, err) = agon(&["init", d], "", &[]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("agon.yml"), "{out}");
    let theories = dir.join("theories");
    let (code, _, err) = agon(&["check", theories.to_str().unwrap()], "", &[]);
    assert_eq!(code, 0, "the starter project checks clean: {err}");
    assert!(err.contains("5 held, 0 failed"), "{err}");
    let realism = theories.join("realism.agon");
    std::fs::write(&realism, "// mine\n").unwrap();
    let (code, _, err) = agon(&["init", d], "", &[]);
    assert_eq!(code, 2);
    assert!(err.contains("nothing was written"), "{err}");
    assert_eq!(std::fs::read_to_string(&realism).unwrap(), "// mine\n");
    let _ = std::fs::remove_dir_all(&dir);
}
