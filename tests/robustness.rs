//! No input may crash agon: garbage, truncated, deeply nested, huge, empty and non-UTF-8
//! files, and folder loops, all end in exit code 1 (or 0 where the text is valid) with every
//! error located, never in a panic.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A folder of its own under the system's temporary folder, removed at the end of the test.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir =
            std::env::temp_dir().join(format!("agon-robustness-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs `agon check --format json` and returns the exit code and the parsed findings.
fn check(path: &Path) -> (i32, Vec<serde_json::Value>) {
    let out = Command::new(env!("CARGO_BIN_EXE_agon"))
        .args(["check", "--format", "json"])
        .arg(path)
        .output()
        .expect("agon runs");
    let code = out
        .status
        .code()
        .expect("agon exits normally, not by a signal");
    let stdout = String::from_utf8(out.stdout).expect("agon writes UTF-8");
    let findings: Vec<serde_json::Value> = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "json output ({e}): {stdout}\nstderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (code, findings)
}

/// Exit 1, at least one error, and every error points at a line of the file.
fn assert_located_failure(path: &Path) {
    let (code, findings) = check(path);
    assert_eq!(
        code,
        1,
        "{}: expected findings, got {findings:?}",
        path.display()
    );
    let errors: Vec<_> = findings
        .iter()
        .filter(|f| f["severity"] == "error")
        .collect();
    assert!(!errors.is_empty(), "{}: no error reported", path.display());
    for e in errors {
        let line = e["labels"][0]["line"].as_u64();
        assert!(
            line.is_some_and(|l| l >= 1),
            "{}: unlocated error {e}",
            path.display()
        );
    }
}

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn random_bytes_are_rejected_with_a_located_error() {
    let scratch = Scratch::new("bytes");
    let mut rng = Rng(0x5eed);
    for i in 0..25 {
        let len = 1 + rng.below(4000);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        assert_located_failure(&scratch.write(&format!("r{i}.agon"), &bytes));
    }
}

#[test]
fn token_soup_is_rejected_with_a_located_error() {
    // Valid UTF-8 built from the language's own words, so the parser (not the decoder) is tested.
    const WORDS: [&str; 22] = [
        "school",
        "claim",
        "axiom",
        "premise",
        "follows",
        "from",
        "usually",
        "not",
        "{",
        "}",
        ".",
        ",",
        ":",
        "\"text\"",
        "[@k, p. 1]",
        "anarchy",
        "prefer",
        "over",
        "expect",
        "is",
        "\"open",
        "§",
    ];
    let scratch = Scratch::new("soup");
    let mut rng = Rng(42);
    for i in 0..25 {
        let n = 1 + rng.below(300);
        let text: Vec<&str> = (0..n).map(|_| WORDS[rng.below(WORDS.len())]).collect();
        let text = format!(
            "{} ~",
            text.join(if rng.below(2) == 0 { " " } else { "\n" })
        );
        assert_located_failure(&scratch.write(&format!("s{i}.agon"), text.as_bytes()));
    }
}

#[test]
fn truncated_files_never_crash_and_cut_statements_are_errors() {
    let full = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/ok/small.agon"
    ))
    .unwrap();
    let scratch = Scratch::new("truncated");
    let cuts: Vec<usize> = (1..full.len())
        .step_by(7)
        .filter(|&i| full.is_char_boundary(i))
        .collect();
    for cut in cuts {
        let text = &full[..cut];
        let path = scratch.write("cut.agon", text.as_bytes());
        let (code, findings) = check(&path);
        let trimmed = strip_comments(text);
        let complete = trimmed.is_empty()
            || (trimmed.ends_with('.') && !trimmed.contains('{'))
            || trimmed.ends_with('}');
        if !complete {
            assert_eq!(code, 1, "cut at {cut} should be an error: {text:?}");
        }
        assert!(code == 0 || code == 1, "cut at {cut}: exit {code}");
        for f in findings.iter().filter(|f| f["severity"] == "error") {
            assert!(
                f["labels"][0]["line"].as_u64().is_some(),
                "cut at {cut}: unlocated {f}"
            );
        }
    }
}

/// The text with `//` comments and trailing space removed, to judge whether a cut is complete.
fn strip_comments(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect();
    lines.join("\n").trim_end().to_string()
}

#[test]
fn deeply_nested_blocks_are_rejected_not_overflowed() {
    let scratch = Scratch::new("nested");
    assert_located_failure(&scratch.write("braces.agon", "{".repeat(200_000).as_bytes()));
    let schools = "school a \"A\" {\n".repeat(20_000);
    assert_located_failure(&scratch.write("schools.agon", schools.as_bytes()));
}

#[test]
fn ten_megabyte_files_are_read_and_their_errors_located() {
    let scratch = Scratch::new("huge");
    let mut text = String::from("claim a \"A holds.\".\n");
    while text.len() < 10 * 1024 * 1024 {
        text.push_str("claim a \"A holds again and again, in a very long file.\".\n");
    }
    text.push_str("claim b \"unfinished");
    assert_located_failure(&scratch.write("huge.agon", text.as_bytes()));
}

#[test]
fn empty_and_non_utf8_files_get_a_located_error() {
    let scratch = Scratch::new("odd");
    assert_located_failure(&scratch.write("empty.agon", b""));
    assert_located_failure(&scratch.write("blank.agon", b"  \n\n  "));
    assert_located_failure(&scratch.write("latin1.agon", b"claim caf\xe9 \"x\"."));
}

#[cfg(unix)]
#[test]
fn a_folder_loop_is_reported_and_does_not_hang() {
    let scratch = Scratch::new("loop");
    scratch.write("ok.agon", b"claim a \"A holds.\".\n");
    std::os::unix::fs::symlink(&scratch.0, scratch.0.join("again")).unwrap();
    let (code, findings) = check(&scratch.0);
    assert_eq!(code, 0, "{findings:?}");
    assert!(
        findings.iter().any(|f| f["code"] == "agon::directory-loop"),
        "{findings:?}"
    );
}

#[test]
fn unreadable_paths_are_usage_errors() {
    let (status, _) = (
        Command::new(env!("CARGO_BIN_EXE_agon"))
            .args(["check", "/no/such/theory.agon"])
            .output()
            .unwrap()
            .status,
        (),
    );
    assert_eq!(status.code(), Some(2));
    let bad_flag = Command::new(env!("CARGO_BIN_EXE_agon"))
        .args(["check", "--frobnicate"])
        .output()
        .unwrap();
    assert_eq!(bad_flag.status.code(), Some(2));
}
