//! DOT figures: reviewed snapshots of the text (deterministic, so a figure's diff is
//! meaningful), and every figure agon draws is fed to Graphviz when it is installed, so a DOT
//! syntax error cannot land. CI sets `AGON_REQUIRE_GRAPHVIZ=1` (and installs Graphviz) so
//! the check cannot be skipped there.

use std::path::Path;
use std::process::{Command, Stdio};

fn agon(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_agon"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn graphviz() -> bool {
    let present = Command::new("dot")
        .arg("-V")
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !present && std::env::var("AGON_REQUIRE_GRAPHVIZ").is_ok_and(|v| v == "1") {
        panic!("AGON_REQUIRE_GRAPHVIZ=1 but Graphviz's `dot` is not installed");
    }
    present
}

/// Graphviz accepts the figure and renders an SVG from it.
fn assert_renders(dot: &str) {
    use std::io::Write;
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(dot.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "dot rejected the figure: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("<svg"));
}

#[test]
fn paper_figure_of_the_small_theory() {
    insta::assert_snapshot!(agon(&["dot", "tests/fixtures/ok/small.agon"]));
}

#[test]
fn text_labels_wrap_and_colour_adds_fills() {
    let dot = agon(&[
        "dot",
        "--labels",
        "text",
        "--style",
        "color",
        "tests/fixtures/ok/small.agon",
    ]);
    assert!(
        dot.contains("label=\"No authority stands above\\nsovereign states.\""),
        "{dot}"
    );
    assert!(dot.contains("subgraph cluster_legend"));
}

#[test]
fn figures_are_deterministic() {
    let args = ["dot", "tests/fixtures/ok/small.agon"];
    assert_eq!(agon(&args), agon(&args));
}

#[test]
fn every_figure_renders_with_graphviz() {
    if !graphviz() {
        eprintln!("skipped: Graphviz is not installed (CI installs it)");
        return;
    }
    let mut figures = vec![
        agon(&["dot", "tests/fixtures/ok/small.agon"]),
        agon(&[
            "dot",
            "--labels",
            "text",
            "--style",
            "color",
            "tests/fixtures/ok/small.agon",
        ]),
    ];
    if Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/theories"))
        .read_dir()
        .is_ok_and(|mut d| d.next().is_some())
    {
        figures.push(agon(&["dot", "theories"]));
        figures.push(agon(&["dot", "--labels", "text", "theories"]));
    }
    for f in figures {
        assert_renders(&f);
    }
}

#[test]
fn rendering_to_svg_uses_graphviz_or_explains_how_to_install_it() {
    let out_path = std::env::temp_dir().join(format!("agon-figure-{}.svg", std::process::id()));
    let out = Command::new(env!("CARGO_BIN_EXE_agon"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["dot", "tests/fixtures/ok/small.agon", "--output"])
        .arg(&out_path)
        .output()
        .unwrap();
    if graphviz() {
        assert_eq!(out.status.code(), Some(0));
        assert!(std::fs::read_to_string(&out_path).unwrap().contains("<svg"));
        let _ = std::fs::remove_file(&out_path);
    } else {
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("install Graphviz"));
    }
}
