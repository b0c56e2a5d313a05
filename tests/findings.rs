//! Regression tests for the reasoning findings of `../shared/findings/` (06, 07, 09-12):
//! minimised inputs on which the argument-enumerating engine took seconds or gigabytes, or
//! gave wrong standings past its cap. Copies live in `tests/fixtures/findings/`. Each test
//! checks what agon now answers; how long it takes is measured in the README (and by
//! `cargo bench --bench scale`), never asserted here.

mod common;

use std::collections::BTreeMap;

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/findings/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn agon(args: &[&str]) -> (i32, String) {
    let (code, out, _) = common::run_agon(args);
    (code, out)
}

/// Standings of every literal of every school, counted by kind, and the unknown reasons.
fn standings(path: &str, semantics: &str) -> (BTreeMap<String, usize>, Vec<String>) {
    let (code, out) = agon(&["status", path, "--semantics", semantics, "--format", "json"]);
    assert_eq!(code, 0, "{out}");
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let mut counts = BTreeMap::new();
    let mut unknown = Vec::new();
    for s in doc["schools"].as_array().unwrap() {
        if let Some(why) = s["unknown"].as_str() {
            unknown.push(why.to_string());
        }
        for c in s["claims"].as_array().unwrap() {
            *counts
                .entry(c["standing"].as_str().unwrap().to_string())
                .or_insert(0) += 1;
        }
    }
    (counts, unknown)
}

fn counts(pairs: &[(&str, usize)]) -> BTreeMap<String, usize> {
    pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
}

/// 06: 6^6 alternative derivations of each claim. Each layer's `c` is rebutted both ways
/// (undecided), its `d` only supported (accepted).
#[test]
fn finding_06_alternative_derivations_are_exact() {
    let path = fixture("06-alternatives-6x6.agon");
    let (got, unknown) = standings(&path, "grounded");
    assert!(unknown.is_empty(), "{unknown:?}");
    assert_eq!(got, counts(&[("accepted", 8), ("undecided", 12)]));
    let (code, _) = agon(&["check", &path]);
    assert_eq!(code, 0);
}

/// 06 (fuzz-found): weakest-link with preferences, where agon used to build arguments and
/// stop at its limit (unknown, 0.95 s, 60 MB): the translation that splits each step by
/// strength decides every standing exactly (`agon::reasoning::weakest`).
#[test]
fn finding_06_fuzz_found_theory_is_decided_exactly() {
    let path = fixture("06-fuzz-found-16KB");
    let (got, unknown) = standings(&path, "grounded");
    assert!(unknown.is_empty(), "{unknown:?}");
    assert!(!got.contains_key("unknown"), "{got:?}");
    assert!(got.values().sum::<usize>() >= 60, "{got:?}");
    let (_, out) = agon(&["check", &path, "--format", "json"]);
    assert!(!out.contains("agon::reasoning-unknown"), "{out}");
}

/// 07: `diverge` over three schools, with the joint debate, finishes and reports.
#[test]
fn finding_07_diverge_joint_debate_finishes() {
    let (code, out) = agon(&[
        "diverge",
        &fixture("07-fuzz-found-2.5KB"),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(
        doc["joint"].as_array().is_some_and(|j| !j.is_empty()),
        "{doc}"
    );
}

/// 09: 250 schools in an `extends` chain.
#[test]
fn finding_09_deep_extends_chain_checks() {
    let (code, out) = agon(&["check", &fixture("09-extends-250.agon"), "--format", "json"]);
    assert_eq!(code, 0, "{out}");
}

/// 09 through `diverge`: 31,125 pairs of schools that agree on everything they share. Each
/// pair is one line in the JSON report, and the text report summarises them instead of
/// printing a block per pair (it was 22 MB).
#[test]
fn finding_09_deep_extends_chain_diverges_in_a_readable_report() {
    let path = fixture("09-extends-250.agon");
    let (code, text) = agon(&["diverge", &path]);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("== 31125 pair(s) hold every claim they both take a position on alike =="),
        "{text}"
    );
    assert!(
        text.contains("  s0 and s1: alike on 2 claim(s); silent, not divergent: s0 on 1, s1 on 0")
    );
    assert!(text.contains("250 school(s) keep every claim they accept alone"));
    assert!(text.len() < 20_000, "{} bytes", text.len());
    let (code, json) = agon(&["diverge", &path, "--format", "json"]);
    assert_eq!(code, 0);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let pairs = doc["pairs"].as_array().unwrap();
    assert_eq!(pairs.len(), 31_125);
    assert!(pairs.iter().all(|p| p["apart"] == 0), "no pair parts");
}

/// 10: one strict rule with 200 antecedents, closed under transposition.
#[test]
fn finding_10_wide_strict_rule_checks() {
    let path = fixture("10-wide-200.agon");
    let (code, out) = agon(&["check", &path, "--format", "json"]);
    assert_eq!(code, 0, "{out}");
    let (_, unknown) = standings(&path, "grounded");
    assert!(unknown.is_empty());
}

/// 11: stable semantics over a long chain of parallel premises: one literal is in every
/// stable extension, the rest in some.
#[test]
fn finding_11_stable_semantics_on_a_parallel_chain() {
    let (got, unknown) = standings(&fixture("11-parallel-50x5.agon"), "stable");
    assert!(unknown.is_empty(), "{unknown:?}");
    assert_eq!(got, counts(&[("accepted", 1), ("credulous", 550)]));
}

/// 12: 14 independent even cycles, 2^14 preferred (and semi-stable) extensions: every
/// literal is credulous, decided without listing the extensions.
#[test]
fn finding_12_even_cycles_without_enumeration() {
    let path = fixture("12-even-14.agon");
    for semantics in ["preferred", "semi-stable", "stable", "complete"] {
        let (got, unknown) = standings(&path, semantics);
        assert!(unknown.is_empty(), "{semantics}: {unknown:?}");
        assert_eq!(got, counts(&[("credulous", 56)]), "{semantics}");
    }
    let (got, _) = standings(&path, "grounded");
    assert_eq!(got, counts(&[("undecided", 56)]));
}

/// Finding 13: 8,000 unknown names against 8,000 claims took 37 s (every pair compared). Now
/// suggestions are bounded (length filter, early exit, the first 256 unknown names only): the
/// check reports every unknown name, with "did you mean" where a claim is near.
#[test]
fn finding_13_many_unknown_names_are_all_reported() {
    let n = 2_000;
    let mut text: String = (0..n).map(|i| format!("claim c{i} \"C.\".\n")).collect();
    text.push_str("school s \"S\" {\n");
    for i in 0..n {
        text.push_str(&format!("    premise u{i}.\n"));
    }
    text.push_str("    premise c1x.\n}\n");
    let dir = std::env::temp_dir().join(format!("agon-13-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("unknowns.agon");
    std::fs::write(&file, text).unwrap();
    let (code, out, _) = common::run_agon(&["check", "--format", "json", file.to_str().unwrap()]);
    assert_eq!(code, 1);
    let findings: serde_json::Value = serde_json::from_str(&out).unwrap();
    let unknown: Vec<&serde_json::Value> = findings
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "agon::unknown-claim")
        .collect();
    assert!(unknown.len() >= 100, "{}", unknown.len());
    // `u0` is one edit from `c0`.
    assert!(
        unknown[0]["help"]
            .as_str()
            .unwrap()
            .contains("did you mean `c0`?"),
        "{}",
        unknown[0]
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// Finding 16: 400 one-premise schools made `diverge` take 2.6 s and 494 MB, its report
/// growing with the square of the schools. Pairs that share no claim are now counted, not
/// listed, and are never compared: the report grows with what the schools share.
#[test]
fn finding_16_schools_that_share_nothing_are_counted_not_listed() {
    let n = 400;
    let text: String = (0..n)
        .map(|i| format!("claim c{i} \"C.\".\nschool s{i} \"S\" {{ premise c{i}. }}\n"))
        .collect();
    let dir = std::env::temp_dir().join(format!("agon-16-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("schools.agon");
    std::fs::write(&file, text).unwrap();
    let (code, out, _) = common::run_agon(&["diverge", file.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(
        out.contains("79800 pair(s) share no claim and no question: not listed."),
        "{out}"
    );
    assert!(
        out.len() < 100_000,
        "the report is linear in the schools: {} bytes",
        out.len()
    );
    let (code, json, _) =
        common::run_agon(&["diverge", "--format", "json", file.to_str().unwrap()]);
    assert_eq!(code, 0);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["unrelated_pairs"], 79800);
    assert_eq!(doc["pairs"].as_array().unwrap().len(), 0);
    let _ = std::fs::remove_dir_all(dir);
}
