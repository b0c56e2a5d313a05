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

const DEBATE: &str = "tests/fixtures/debate/neo-neo.agon";

/// Every figure option, on the small theory and on the three-school debate (the case that
/// once failed in Graphviz 2.43 with "trouble in init_rank"), and the divergence figures.
fn every_figure() -> Vec<Vec<&'static str>> {
    let mut figures: Vec<Vec<&str>> = vec![
        vec!["dot", "tests/fixtures/ok/small.agon"],
        vec![
            "dot",
            "--labels",
            "text",
            "--style",
            "color",
            "tests/fixtures/ok/small.agon",
        ],
        vec!["dot", DEBATE],
        vec!["dot", "--labels", "text", "--cite", DEBATE],
        vec![
            "dot",
            "--focus",
            "institutions-matter",
            "--depth",
            "1",
            DEBATE,
        ],
        vec![
            "dot",
            "--width",
            "8cm",
            "--caption",
            "Three schools",
            DEBATE,
        ],
        vec!["diverge", "--format", "dot", DEBATE],
        vec![
            "diverge",
            "--format",
            "dot",
            "--focus",
            "cooperation-possible",
            DEBATE,
        ],
    ];
    for rankdir in ["TB", "BT", "LR", "RL"] {
        figures.push(vec!["dot", "--rankdir", rankdir, DEBATE]);
    }
    if Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/theories"))
        .read_dir()
        .is_ok_and(|mut d| d.next().is_some())
    {
        figures.push(vec!["dot", "theories"]);
        figures.push(vec!["dot", "--labels", "text", "theories"]);
        figures.push(vec!["diverge", "--format", "dot", "theories"]);
    }
    figures
}

#[test]
fn every_figure_renders_with_graphviz() {
    if !graphviz() {
        eprintln!("skipped: Graphviz is not installed (CI installs it)");
        return;
    }
    for args in every_figure() {
        assert_renders(&agon(&args));
    }
}

/// Reviewed snapshots, one per figure option.
#[test]
fn each_figure_option_has_a_reviewed_snapshot() {
    let small = "tests/fixtures/ok/small.agon";
    insta::assert_snapshot!(
        "focus_depth_1",
        agon(&["dot", "--focus", "durable-peace", "--depth", "1", small])
    );
    insta::assert_snapshot!(
        "rankdir_bt_width_caption_cite",
        agon(&[
            "dot",
            "--rankdir",
            "BT",
            "--width",
            "8cm",
            "--caption",
            "Realism and liberalism",
            "--cite",
            small,
        ])
    );
    insta::assert_snapshot!(
        "joint_three_schools",
        agon(&[
            "dot",
            "--school",
            "neorealism",
            "--school",
            "institutionalism",
            "--school",
            "constructivism",
            "--focus",
            "institutions-matter",
            "--depth",
            "1",
            DEBATE
        ])
    );
}

#[test]
fn focus_crops_to_the_neighbourhood_and_keeps_rivals() {
    let dot = agon(&[
        "dot",
        "--focus",
        "institutions-matter",
        "--depth",
        "1",
        DEBATE,
    ]);
    // Institutionalism: the claim, what it rests on and what it supports, one step out.
    for kept in [
        "\"institutions-matter\"",
        "\"monitoring\"",
        "\"cooperation-possible\"",
    ] {
        assert!(dot.contains(kept), "{kept} missing:\n{dot}");
    }
    // Two steps out is cut: the premise `monitoring` rests on.
    assert!(!dot.contains("\"cheating-fear\""), "{dot}");
    // Neorealism never mentions the claim but holds its rival, joined across schools by a
    // contradiction edge.
    assert!(dot.contains("\"institutions-epiphenomenal\""), "{dot}");
    assert!(dot.contains("arrowtail=tee, constraint=false"), "{dot}");
    // Depth 0 is the claim alone.
    let alone = agon(&[
        "dot",
        "--focus",
        "self-help",
        "--depth",
        "0",
        "--school",
        "neorealism",
        DEBATE,
    ]);
    let claims = alone.lines().filter(|l| l.trim_start().starts_with("s0_c"));
    assert_eq!(claims.count(), 1, "{alone}");
}

#[test]
fn the_legend_lists_exactly_the_marks_used() {
    // Realism alone: an axiom, a strict and a defeasible inference, accepted and rejected
    // claims; no exception, preference or premise.
    let dot = agon(&["dot", "--school", "realism", "tests/fixtures/ok/small.agon"]);
    let legend = &dot[dot.find("cluster_legend").unwrap()..];
    for used in [
        "axiom",
        "strict inference",
        "defeasible inference",
        "accepted",
    ] {
        assert!(legend.contains(used), "{used} missing:\n{legend}");
    }
    for unused in ["undercuts", "preferred over", "premise\"", "same claim"] {
        assert!(!legend.contains(unused), "{unused} listed:\n{legend}");
    }
    let both = agon(&["dot", "tests/fixtures/ok/small.agon"]);
    let legend = &both[both.find("cluster_legend").unwrap()..];
    for used in ["undercuts", "preferred over", "premise\"", "same claim"] {
        assert!(legend.contains(used), "{used} missing:\n{legend}");
    }
}

#[test]
fn named_inferences_carry_their_name_inside_their_node() {
    let dot = agon(&["dot", "--school", "realism", "tests/fixtures/ok/small.agon"]);
    assert!(dot.contains("shape=ellipse, label=\"no-peace\""), "{dot}");
    assert!(!dot.contains("xlabel"), "{dot}");
}

#[test]
fn figure_options_that_make_no_sense_are_usage_errors() {
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_agon"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(args)
            .output()
            .unwrap()
    };
    let small = "tests/fixtures/ok/small.agon";
    let out = run(&["dot", "--focus", "durable-pease", small]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("durable-peace"));
    let out = run(&["dot", "--width", "8", small]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no unit"));
    let out = run(&["dot", "--focus", "democracy", "--school", "realism", small]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no school drawn mentions"));
}

/// When Graphviz fails, agon says so in one line, exits 2 and leaves no file behind. A stand-in
/// `dot` that fails as 2.43 did (many lines of internals) plays Graphviz.
#[cfg(unix)]
#[test]
fn a_graphviz_failure_is_one_line_and_leaves_no_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = std::env::temp_dir().join(format!("agon-fake-dot-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let fake = dir.join("dot");
    let mut script =
        String::from("#!/bin/sh\ncat > /dev/null\necho 'Error: trouble in init_rank' >&2\n");
    for i in 0..170 {
        script.push_str(&format!("echo '\tinternal line {i}' >&2\n"));
    }
    script.push_str("echo partial > \"$3\"\nexit 1\n");
    std::fs::write(&fake, script).unwrap();
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    let target = dir.join("all.svg");
    let out = Command::new(env!("CARGO_BIN_EXE_agon"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("PATH", &dir)
        .args(["dot", DEBATE, "--output"])
        .arg(&target)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("Graphviz could not lay out the figure"),
        "{stderr}"
    );
    assert!(stderr.contains("trouble in init_rank"), "{stderr}");
    assert!(stderr.lines().count() <= 3, "{stderr}");
    assert!(!target.exists(), "a partial figure was left behind");
    let left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, vec![std::ffi::OsString::from("dot")], "{left:?}");
    let _ = std::fs::remove_dir_all(&dir);
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
