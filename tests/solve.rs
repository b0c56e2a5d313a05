//! `agon solve`, the ICCMA 2023 interface, run as a binary: exact answers on small AF and ABA
//! files worked out by hand, located errors (exit 1) for malformed files, usage errors
//! (exit 2), and every AF task on random tiny frameworks against the brute-force oracle.
//! The ABA answers come from `aba::Solver`.

// `Acceptance` and `Acceptances` are for the oracle below, which names them through `super`.
use agon::dung::{Acceptance, Acceptances, Extension, Framework, Semantics};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command, Stdio};

// The library's own brute-force reference solver, compiled into this test (it is test-only
// code of the library, so not part of its public API).
#[allow(dead_code)]
#[path = "../src/dung/brute.rs"]
mod brute;

const FIXTURES: &str = "tests/fixtures/iccma";

/// Exit code, standard output and standard error of `agon ARGS`, with `stdin` as input.
fn run_with(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_agon"))
        .args(args)
        .env_remove("AGON_FORMAT")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("agon runs");
    // A run that does not read its input may close it first: ignore a broken pipe.
    let _ = child.stdin.take().expect("piped").write_all(stdin);
    let out = child.wait_with_output().expect("agon finishes");
    (
        out.status
            .code()
            .expect("agon exits normally, not by a signal"),
        String::from_utf8(out.stdout).expect("UTF-8 output"),
        String::from_utf8(out.stderr).expect("UTF-8 errors"),
    )
}

fn run(args: &[&str]) -> (i32, String, String) {
    run_with(args, b"")
}

fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}")
}

/// The one-line answer of a task that must succeed.
fn solve(task: &str, file: &str, query: Option<u32>) -> String {
    let path = fixture(file);
    let q = query.map(|q| q.to_string());
    let mut args = vec!["solve", "-p", task, "-f", &path];
    if let Some(q) = &q {
        args.extend(["-a", q]);
    }
    let (code, out, err) = run(&args);
    assert_eq!(code, 0, "{task} {file}: {err}");
    assert!(out.ends_with('\n') && out.lines().count() == 1, "{out:?}");
    out.trim_end().to_string()
}

#[test]
fn af_answers_match_hand_computed_ones() {
    // Grounded = complete = ideal = {1}; preferred = semi-stable = {1,6}, {1,7}; no stable
    // extension; stage = {1,6}, {1,7}, {2,6}, {2,7} (2 reaches the self-attackers 3, 4, 5).
    let f = "example.af";
    for (task, query, expected) in [
        ("SE-GR", None, "w 1"),
        ("SE-CO", None, "w 1"),
        ("SE-ID", None, "w 1"),
        ("SE-ST", None, "NO"),
        ("DC-ST", Some(1), "NO"),
        ("DS-ST", Some(1), "YES"),
        ("DS-ST", Some(3), "YES"),
        ("DC-CO", Some(7), "YES"),
        ("DS-CO", Some(7), "NO"),
        ("DS-CO", Some(1), "YES"),
        ("DC-PR", Some(2), "NO"),
        ("DS-PR", Some(1), "YES"),
        ("DS-PR", Some(6), "NO"),
        ("DC-SST", Some(6), "YES"),
        ("DS-SST", Some(6), "NO"),
        ("DS-SST", Some(1), "YES"),
        ("DC-STG", Some(2), "YES"),
        ("DS-STG", Some(1), "NO"),
        ("DC-STG", Some(3), "NO"),
        ("DC-STG", Some(7), "YES"),
        ("DC-GR", Some(6), "NO"),
        ("DC-ID", Some(1), "YES"),
        ("DS-ID", Some(6), "NO"),
    ] {
        assert_eq!(solve(task, f, query), expected, "{task} {query:?}");
    }
    for (task, options) in [
        ("SE-PR", &["w 1 6", "w 1 7"][..]),
        ("SE-SST", &["w 1 6", "w 1 7"]),
        ("SE-STG", &["w 1 6", "w 1 7", "w 2 6", "w 2 7"]),
    ] {
        let got = solve(task, f, None);
        assert!(options.contains(&got.as_str()), "{task}: {got}");
    }
}

#[test]
fn crlf_no_final_newline_trailing_spaces_and_lower_case_tasks_are_read() {
    // An odd cycle: every stage extension is a single argument, the rest are empty.
    assert_eq!(solve("SE-PR", "odd-crlf.af", None), "w");
    assert_eq!(solve("SE-ST", "odd-crlf.af", None), "NO");
    assert_eq!(solve("dc-stg", "odd-crlf.af", Some(3)), "YES");
    assert_eq!(solve("DS-STG", "odd-crlf.af", Some(3)), "NO");
    // Four unattacked arguments and a header with trailing spaces.
    assert_eq!(solve("SE-ST", "isolated.af", None), "w 1 2 3 4");
    assert_eq!(solve("DS-PR", "isolated.af", Some(4)), "YES");
}

#[test]
fn standard_input_is_read_for_a_dash() {
    let (code, out, err) = run_with(&["solve", "-p", "SE-GR", "-f", "-"], b"p af 2\n1 2\n");
    assert_eq!((code, out.as_str()), (0, "w 1\n"), "{err}");
    let (code, _, err) = run_with(&["solve", "-p", "SE-GR", "-f", "-"], b"p af 2\n1 3\n");
    assert_eq!(code, 1);
    assert!(err.contains("<stdin>:2:3"), "{err}");
}

#[test]
fn problems_lists_every_task() {
    let (code, out, _) = run(&["solve", "--problems"]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("[DC-CO,DC-PR,DC-ST,DC-SST,DC-STG,DC-ID,DC-GR,DS-CO"),
        "{out}"
    );
    assert_eq!(out.trim_end().split(',').count(), 21);
}

/// Runs a malformed file with `--format json` and returns the errors' `(line, column,
/// message)`; the run must exit 1 with every error located and helped.
fn located_errors(file: &str) -> Vec<(u64, u64, String)> {
    let path = fixture(file);
    let (code, out, err) = run(&["solve", "-p", "SE-PR", "-f", &path, "--format", "json"]);
    assert_eq!(code, 1, "{file}: {out}{err}");
    assert!(
        out.is_empty(),
        "{file}: no answer on a malformed file: {out}"
    );
    let errors: Vec<serde_json::Value> = serde_json::from_str(&err).expect("json errors");
    assert!(!errors.is_empty());
    errors
        .iter()
        .map(|e| {
            assert!(e["help"].is_string(), "{file}: no help in {e}");
            let label = &e["labels"][0];
            assert_eq!(label["file"], path.as_str(), "{e}");
            let message = e["message"].as_str().unwrap().to_string();
            let first = message.chars().next().unwrap();
            assert!(!first.is_uppercase(), "lowercase messages: {message}");
            (
                label["line"].as_u64().expect("located"),
                label["column"].as_u64().expect("located"),
                message,
            )
        })
        .collect()
}

#[test]
fn malformed_af_files_get_every_error_located() {
    let errors = located_errors("bad-lines.af");
    let at: Vec<(u64, u64)> = errors.iter().map(|e| (e.0, e.1)).collect();
    assert_eq!(
        at,
        vec![(3, 3), (4, 5), (5, 1), (6, 1), (7, 1)],
        "{errors:?}"
    );
    assert_eq!(errors[0].2, "`x` is not a number");
    assert_eq!(errors[2].2, "argument 0 is outside 1..3");
    assert_eq!(errors[3].2, "`q` does not start an attack");
    assert_eq!(errors[4].2, "this attack has no target");
    let errors = located_errors("bad-ids.af");
    assert_eq!(errors[0], (2, 3, "this number is too large".into()));
    assert_eq!(errors[1], (3, 3, "argument 3 is outside 1..2".into()));
    for (file, line, col, message) in [
        ("no-header.af", 2, 1, "this file has no ICCMA header"),
        ("bad-kind.af", 1, 3, "unknown framework kind `graph`"),
        (
            "too-many.af",
            1,
            6,
            "100000000000 is more than agon reads (10000000 at most)",
        ),
        ("two-headers.af", 3, 1, "a second header"),
        ("empty.af", 1, 1, "this file holds no framework"),
    ] {
        let errors = located_errors(file);
        assert_eq!(errors, vec![(line, col, message.to_string())], "{file}");
    }
}

#[test]
fn malformed_aba_files_get_every_error_located() {
    assert_eq!(
        located_errors("not-flat.aba"),
        vec![(
            4,
            3,
            "a rule derives assumption 1: the framework is not flat".to_string()
        )]
    );
    let errors = located_errors("bad-lines.aba");
    let found: Vec<(u64, u64, &str)> = errors.iter().map(|e| (e.0, e.1, e.2.as_str())).collect();
    assert_eq!(
        found,
        vec![
            (4, 1, "unknown line kind `x`"),
            (5, 1, "this line has too few numbers"),
            (6, 1, "this line has too few numbers"),
            (7, 3, "atom 4 is outside 1..3"),
            (3, 3, "atom 2 is not an assumption"),
        ]
    );
}

#[test]
fn errors_render_as_file_line_column_for_people() {
    let path = fixture("bad-ids.af");
    let (code, _, err) = run(&["solve", "-p", "DC-CO", "-f", &path, "-a", "1"]);
    assert_eq!(code, 1);
    assert!(err.contains(&format!("{path}:3:3")), "{err}");
    assert!(err.contains("help:"), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    let example = fixture("example.af");
    let mutual = fixture("mutual.aba");
    for args in [
        vec!["solve", "-p", "DC-XX", "-f", &example, "-a", "1"],
        vec!["solve", "-p", "DC-PR", "-f", &example],
        vec!["solve", "-p", "SE-PR", "-f", &example, "-a", "1"],
        vec!["solve", "-p", "DC-PR", "-f", &example, "-a", "8"],
        vec!["solve", "-p", "DC-PR", "-f", &example, "-a", "0"],
        vec!["solve", "-p", "DC-PR", "-f", &example, "-a", "x"],
        vec!["solve", "-p", "DC-STG", "-f", &mutual, "-a", "1"],
        vec!["solve", "-p", "DC-ST", "-f", &mutual, "-a", "6"],
        vec![
            "solve",
            "-p",
            "SE-PR",
            "-f",
            "tests/fixtures/iccma/missing.af",
        ],
        vec!["solve", "-p", "SE-PR", "-f", FIXTURES],
        vec!["solve", "-f", &example],
        vec!["solve", "-p", "SE-PR"],
    ] {
        let (code, out, err) = run(&args);
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        assert!(out.is_empty() && err.contains("error"), "{args:?}: {err}");
    }
}

#[test]

fn aba_answers_match_hand_computed_ones() {
    // mutual.aba: assumptions 1 and 2 attack each other (their contraries 3 and 4 follow
    // from the other), 5 follows from 1. Complete: {}, {1}, {2}; stable = preferred = {1}, {2}.
    for (task, query, expected) in [
        ("DC-CO", Some(5), "YES"),
        ("DC-ST", Some(5), "YES"),
        ("DC-ST", Some(3), "YES"),
        ("DS-ST", Some(5), "NO"),
        ("DS-PR", Some(5), "NO"),
        ("DS-GR", Some(5), "NO"),
        ("SE-GR", None, "w"),
        ("SE-ID", None, "w"),
    ] {
        assert_eq!(solve(task, "mutual.aba", query), expected, "{task}");
    }
    for task in ["SE-ST", "SE-PR", "SE-SST"] {
        let got = solve(task, "mutual.aba", None);
        assert!(got == "w 1" || got == "w 2", "{task}: {got}");
    }
    // sure.aba: nothing derives 2, so 1 stands everywhere, and with the fact 3 derives 4.
    for (task, query, expected) in [
        ("DS-PR", Some(4), "YES"),
        ("DS-GR", Some(3), "YES"),
        ("DC-CO", Some(2), "NO"),
        ("SE-ST", None, "w 1"),
        ("SE-CO", None, "w 1"),
    ] {
        assert_eq!(solve(task, "sure.aba", query), expected, "{task}");
    }
    // self-attack.aba: 1 derives its own contrary, so there is no stable extension.
    for (task, query, expected) in [
        ("SE-ST", None, "NO"),
        ("DS-ST", Some(1), "YES"),
        ("DC-ST", Some(1), "NO"),
        ("SE-PR", None, "w"),
        ("DC-PR", Some(1), "NO"),
    ] {
        assert_eq!(solve(task, "self-attack.aba", query), expected, "{task}");
    }
}

/// SplitMix64, so a failure names a reproducible seed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % n
    }
}

/// The extensions under an ICCMA semantics name, by brute force.
fn oracle(af: &Framework, semantics: &str) -> Vec<Extension> {
    let dung = match semantics {
        "STG" => return brute::stage(af),
        "CO" => Semantics::Complete,
        "PR" => Semantics::Preferred,
        "ST" => Semantics::Stable,
        "SST" => Semantics::SemiStable,
        "ID" => Semantics::Ideal,
        "GR" => Semantics::Grounded,
        other => unreachable!("{other}"),
    };
    brute::extensions(af, dung)
}

struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn every_af_task_agrees_with_brute_force_on_random_frameworks() {
    let dir = Scratch(std::env::temp_dir().join(format!("agon-solve-{}", std::process::id())));
    std::fs::create_dir_all(&dir.0).unwrap();
    let semantics = ["CO", "PR", "ST", "SST", "STG", "ID", "GR"];
    for seed in 1..=100u64 {
        let mut rng = Rng(seed);
        let n = 1 + rng.below(6) as u32;
        let percent = 10 + rng.below(40);
        let mut text = format!("# seed {seed}\np af {n}\n");
        let mut attacks = Vec::new();
        for a in 0..n {
            for b in 0..n {
                if rng.below(100) < if a == b { percent / 3 } else { percent } {
                    attacks.push((a, b));
                    let _ = writeln!(text, "{} {}", a + 1, b + 1);
                }
            }
        }
        let af = Framework::new(n as usize, attacks);
        let path = dir.0.join(format!("{seed}.af"));
        std::fs::write(&path, &text).unwrap();
        let path = path.to_str().unwrap();
        for sem in semantics {
            let all = oracle(&af, sem);
            let q = rng.below(u64::from(n)) as u32;
            let member = |e: &Extension| e.contains(&q);
            let expected = |yes: bool| if yes { "YES" } else { "NO" };
            let query = (q + 1).to_string();
            for (problem, want) in [
                ("DC", expected(all.iter().any(member))),
                ("DS", expected(all.iter().all(member))),
            ] {
                let task = format!("{problem}-{sem}");
                let (code, out, err) = run(&["solve", "-p", &task, "-f", path, "-a", &query]);
                assert_eq!(code, 0, "{err}");
                assert_eq!(
                    out.trim_end(),
                    want,
                    "seed {seed}, {task} -a {query}\n{text}"
                );
            }
            let task = format!("SE-{sem}");
            let (code, out, err) = run(&["solve", "-p", &task, "-f", path]);
            assert_eq!(code, 0, "{err}");
            let out = out.trim_end();
            if all.is_empty() {
                assert_eq!(out, "NO", "seed {seed}, {task}\n{text}");
            } else {
                let names: Vec<u32> = out
                    .strip_prefix('w')
                    .unwrap_or_else(|| panic!("seed {seed}, {task}: {out}"))
                    .split_whitespace()
                    .map(|x| x.parse::<u32>().unwrap() - 1)
                    .collect();
                assert!(all.contains(&names), "seed {seed}, {task}: {out}\n{text}");
            }
        }
    }
}
