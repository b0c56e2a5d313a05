//! Regression tests for the input and output findings of `../shared/findings/`: 01 (a finding
//! past column 65,535 panicked in miette), 08 (a FIFO blocked agon forever), 14 (devices read
//! without bound, by `use` and `bibliography`) and 15 (writing to a full device panicked).
//! Copies of the inputs live in `tests/fixtures/findings/`; FIFOs are made at test time.

mod common;
use common::run_agon;
use std::process::{Command, Stdio};

fn fixture(name: &str) -> String {
    format!("tests/fixtures/findings/{name}")
}

#[test]
fn finding_01_a_finding_past_column_65535_is_shown_not_a_panic() {
    let (code, _, err) = run_agon(&["check", &fixture("01-error-at-column-65537.agon")]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(":1:65537"),
        "the place is named in words: {err}"
    );
    assert!(err.contains("too long to draw"), "{err}");
    let (code, _, err) = run_agon(&["check", &fixture("01-warning-past-column-65535.agon")]);
    assert_eq!(code, 0, "a warning only: {err}");
    assert!(err.contains("agon::never-established"), "{err}");
}

#[test]
fn finding_14_devices_are_refused_by_every_route() {
    for (file, what) in [
        ("14-use-dev-zero.agon", "cannot read `/dev/zero`"),
        ("14-use-dev-urandom.agon", "cannot read `/dev/urandom`"),
        (
            "14-bibliography-dev-zero.agon",
            "cannot read the bibliography `/dev/zero`",
        ),
    ] {
        if !std::path::Path::new("/dev/zero").exists() {
            return;
        }
        let (code, _, err) = run_agon(&["check", &fixture(file)]);
        assert_eq!(code, 1, "{file}: {err}");
        assert!(err.contains(what), "{file}: {err}");
        assert!(err.contains("not a regular file"), "{file}: {err}");
    }
}

#[cfg(unix)]
#[test]
fn finding_08_a_fifo_is_refused_by_every_route_and_never_blocks() {
    let dir = std::env::temp_dir().join(format!("agon-fifo-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("t.agon"),
        "claim a \"A.\".\nschool s \"S\" { premise a. }\n",
    )
    .unwrap();
    std::fs::write(dir.join("u.agon.txt"), "use \"p.agon\".\n").unwrap();
    let made = Command::new("mkfifo").arg(dir.join("p.agon")).status();
    if !made.is_ok_and(|s| s.success()) {
        return; // no mkfifo here
    }
    let path = |f: &str| dir.join(f).to_string_lossy().into_owned();
    // The FIFO named as the path: a located error.
    let (code, _, err) = run_agon(&["check", &path("p.agon")]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("not a regular file"), "{err}");
    // In a folder: skipped with a warning; the rest is read.
    let (code, _, err) = run_agon(&["check", &path("")]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("agon::not-a-regular-file"), "{err}");
    let (code, _, err) = run_agon(&["fmt", "--check", &path("")]);
    assert!(code == 0 || code == 1, "{err}");
    // Through `use`: a located error at the `use`.
    std::fs::rename(dir.join("u.agon.txt"), dir.join("u.agon")).unwrap();
    let (code, _, err) = run_agon(&["check", &path("u.agon")]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("cannot read `") && err.contains("p.agon"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn finding_15_a_full_device_is_an_error_message_and_exit_2() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return; // no /dev/full here
    };
    for args in [
        vec!["dot", "theories/"],
        vec!["status", "theories/"],
        vec!["diverge", "theories/", "--format", "json"],
        vec![
            "export",
            "--to",
            "iccma",
            "--school",
            "realism",
            "theories/",
        ],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_agon"))
            .args(&args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(full.try_clone().unwrap())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains("cannot write to standard output"),
            "{args:?}: {err}"
        );
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

#[test]
fn a_closed_pipe_ends_agon_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_agon"))
        .args(["status", "theories/"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end at once, as `| head -0` would.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.is_empty(), "{err}");
}

/// Finding 17: `fmt` replaced a symbolic link by a regular file, split hard links and
/// overwrote read-only files.
#[cfg(unix)]
#[test]
fn finding_17_fmt_keeps_links_and_refuses_read_only_files() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = std::env::temp_dir().join(format!("agon-17-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let messy = "claim a \"A.\".\nschool s \"S\" {premise a.}\n";
    let tidy = "claim a \"A.\".\nschool s \"S\" {\n    premise a.\n}\n";
    let p = |f: &str| dir.join(f);
    // A symbolic link: the target is formatted, the link stays a link.
    std::fs::write(p("real.agon"), messy).unwrap();
    std::os::unix::fs::symlink("real.agon", p("link.agon")).unwrap();
    let (code, _, err) = run_agon(&["fmt", p("link.agon").to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::symlink_metadata(p("link.agon"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(std::fs::read_to_string(p("real.agon")).unwrap(), tidy);
    // A hard link: both names still share one file, which is formatted.
    std::fs::write(p("a.agon"), messy).unwrap();
    std::fs::hard_link(p("a.agon"), p("b.agon")).unwrap();
    let (code, _, err) = run_agon(&["fmt", p("a.agon").to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let (ma, mb) = (
        std::fs::metadata(p("a.agon")).unwrap(),
        std::fs::metadata(p("b.agon")).unwrap(),
    );
    assert_eq!(ma.ino(), mb.ino());
    assert_eq!(std::fs::read_to_string(p("b.agon")).unwrap(), tidy);
    // A read-only file: refused, unchanged. (Permission bits, so this holds even as root.)
    std::fs::write(p("ro.agon"), messy).unwrap();
    std::fs::set_permissions(p("ro.agon"), std::fs::Permissions::from_mode(0o444)).unwrap();
    let (code, _, err) = run_agon(&["fmt", p("ro.agon").to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("read-only"), "{err}");
    assert_eq!(std::fs::read_to_string(p("ro.agon")).unwrap(), messy);
    // Nothing left behind.
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.starts_with('.')), "{names:?}");
    std::fs::set_permissions(p("ro.agon"), std::fs::Permissions::from_mode(0o644)).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
}

/// Outside a project (no `theories/` folder here), a command without paths says how to pass
/// them instead of only that `theories` cannot be read (issue 15).
#[test]
fn without_paths_outside_a_project_agon_says_to_pass_them() {
    let dir = std::env::temp_dir().join(format!("agon-no-project-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for command in ["check", "status", "fmt"] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_agon"))
            .arg(command)
            .current_dir(&dir)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{command}: {err}");
        assert!(err.contains("cannot read `theories`"), "{command}: {err}");
        assert!(
            err.contains("pass theory files or folders instead"),
            "{command}: {err}"
        );
    }
    // With a path given, the hint is not given: the user already chose one.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_agon"))
        .args(["check", "missing.agon"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("pass theory files"));
    std::fs::remove_dir_all(&dir).ok();
}
