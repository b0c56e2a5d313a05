//! Rendered diagnostics for theory files with mistakes, reviewed as insta snapshots: each
//! fixture must report every one of its mistakes, located, in one run.

use agon::report::{self, Format};
use agon::workspace::Workspace;
use std::path::PathBuf;

fn render(path: &std::path::Path) -> String {
    let mut ws = Workspace::open(&[path.to_path_buf()]).expect("fixture paths exist");
    ws.reason(agon::aspic::Options::default());
    let mut out = report::render(&ws.diagnostics, &ws.sources, Format::Plain);
    out.push_str(&report::summary(&ws.diagnostics));
    out
}

/// Relative paths keep the snapshots free of machine-specific prefixes.
fn relative(path: &std::path::Path) -> PathBuf {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(path)
        .to_path_buf()
}

#[test]
fn every_mistake_is_reported_and_located() {
    std::env::set_current_dir(env!("CARGO_MANIFEST_DIR")).unwrap();
    insta::glob!("fixtures/errors/*.agon", |path| {
        insta::assert_snapshot!(render(&relative(path)));
    });
}

#[test]
fn mistakes_across_files_point_at_both_files() {
    std::env::set_current_dir(env!("CARGO_MANIFEST_DIR")).unwrap();
    insta::assert_snapshot!(render(&PathBuf::from("tests/fixtures/errors/cross-file")));
}

#[test]
fn the_many_mistakes_file_reports_each_kind_of_mistake() {
    let ws = Workspace::open(&[PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/errors/many-mistakes.agon"
    ))])
    .unwrap();
    let codes: Vec<&str> = ws.diagnostics.iter().map(|d| d.code).collect();
    for expected in [
        "agon::duplicate-claim",
        "agon::missing-full-stop",
        "agon::unknown-claim",
        "agon::unknown-source",
        "agon::citation-without-page",
        "agon::exception-to-strict",
        "agon::unknown-name",
        "agon::unknown-ordering",
        "agon::outside-school",
        "agon::unknown-school",
        "agon::unknown-semantics",
    ] {
        assert!(
            codes.contains(&expected),
            "{expected} missing from {codes:?}"
        );
    }
    // Every finding is located, and each unknown name offers the close one.
    assert!(ws.diagnostics.iter().all(|d| d.primary().is_some()));
    let unknown = ws
        .diagnostics
        .iter()
        .find(|d| d.code == "agon::unknown-claim")
        .unwrap();
    assert_eq!(unknown.help.as_deref(), Some("did you mean `anarchy`?"));
    assert_eq!(ws.sources.snippet(unknown.primary().unwrap()), "anarhy");
}

#[test]
fn sources_can_come_from_a_bibtex_file() {
    let ws = agon::workspace::Workspace::open(&[std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/ok/bib/uses-bib.agon"
    ))])
    .unwrap();
    assert!(ws.diagnostics.is_empty(), "{:?}", ws.diagnostics);
    let keys: Vec<&str> = ws.theory.sources.iter().map(|s| s.key.as_str()).collect();
    assert_eq!(keys, ["ardam2021", "waltz1979"]);
    assert!(ws.theory.sources[1].reference.contains("Waltz, Kenneth"));
}
