//! The fuzzer's short, fixed budget (the long run is `scripts/fuzz.sh`): generated theories
//! and byte mutations of every shipped theory and fixture must satisfy the oracles of
//! `agon::fuzzing::check`, generated theories must have the same standings in any declaration
//! order, and a sample of inputs goes through the real binary, whose exit code must be 0, 1 or
//! 2. A failing input is written to `target/fuzz-failures/` to reproduce it.

mod common;

use agon::dung::Semantics;
use agon::fuzzing::{self, generate, mutate};
use agon::synth::Rng;
use std::path::{Path, PathBuf};

fn keep(f: &fuzzing::Failure) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-failures");
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(format!("{}.agon", f.oracle.replace(' ', "-")));
    let _ = std::fs::write(&path, &f.input);
    path
}

#[test]
fn generated_theories_meet_every_oracle_in_any_order() {
    let mut rng = Rng::new(2026);
    let mut valid = 0;
    for i in 0..200 {
        let text = generate::theory(&mut rng);
        match fuzzing::check(text.as_bytes()) {
            Ok(c) => valid += usize::from(c.valid),
            Err(f) => panic!(
                "input {i}: {} ({}), kept in {}",
                f.oracle,
                f.detail,
                keep(&f).display()
            ),
        }
        let other = fuzzing::shuffled(&text, &mut rng);
        for semantics in [Semantics::Grounded, Semantics::Preferred] {
            assert_eq!(
                fuzzing::standings(&text, semantics),
                fuzzing::standings(&other, semantics),
                "input {i}, {semantics}:\n{text}\n---\n{other}"
            );
        }
    }
    // The generator's theories resolve: the oracles above reached the reasoner.
    assert!(valid > 160, "{valid} of 200 resolved");
}

#[test]
fn mutated_corpus_files_meet_every_oracle() {
    let corpus = fuzzing::corpus(Path::new(env!("CARGO_MANIFEST_DIR")));
    assert!(corpus.len() > 10);
    let mut rng = Rng::new(13);
    for i in 0..500 {
        let seed = &corpus[rng.below(corpus.len())];
        let input = mutate::mutate(seed, &mut rng);
        if let Err(f) = fuzzing::check(&input) {
            panic!(
                "input {i}: {} ({}), kept in {}",
                f.oracle,
                f.detail,
                keep(&f).display()
            );
        }
    }
}

#[test]
fn the_binary_exits_0_1_or_2_on_mutated_inputs() {
    let corpus = fuzzing::corpus(Path::new(env!("CARGO_MANIFEST_DIR")));
    let mut rng = Rng::new(5);
    let dir = std::env::temp_dir().join(format!("agon-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for i in 0..15 {
        let input = mutate::mutate(&corpus[rng.below(corpus.len())], &mut rng);
        let file = dir.join(format!("m{i}.agon"));
        std::fs::write(&file, &input).unwrap();
        for command in ["check", "status", "diverge"] {
            let (code, _, err) = common::run_agon(&[command, file.to_str().unwrap()]);
            assert!(
                (0..=2).contains(&code),
                "{command} on input {i}: exit {code}\n{err}"
            );
            assert!(!err.contains("panicked"), "{command} on input {i}: {err}");
        }
    }
    let _ = std::fs::remove_dir_all(dir);
}

/// Inputs the long run found (`tests/fixtures/findings/fuzz/`): a citation key after a wide
/// blank (`[@\u{3000}k]`) got a label that started inside the blank; an unexpected end got one
/// inside a multi-byte character.
#[test]
fn inputs_the_long_run_found_meet_every_oracle() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/findings/fuzz");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let input = std::fs::read(entry.path()).unwrap();
        if let Err(f) = fuzzing::check(&input) {
            panic!("{}: {} ({})", entry.path().display(), f.oracle, f.detail);
        }
        seen += 1;
    }
    assert!(seen >= 4);
}
