//! `agon explain` names what decides each attack: the preference, the link and the set
//! comparison; it names each attacking argument by its last step, says each thing once, lists
//! attacks that fail as well as defeats, and exceptions that do not fire.

mod common;

fn explain(args: &[&str]) -> String {
    let (code, out, err) = common::run_agon(args);
    assert_eq!(code, 0, "{err}");
    out
}

const DEBATE: &str = "tests/fixtures/debate/neo-neo.agon";

fn theory(text: &str) -> tempfile_path::Path {
    tempfile_path::write(text)
}

/// A theory in a file of its own under the target folder.
mod tempfile_path {
    pub struct Path(pub std::path::PathBuf);

    impl Drop for Path {
        fn drop(&mut self) {
            let _ = std::fs::remove_file(&self.0);
        }
    }

    pub fn write(text: &str) -> Path {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
        let path = dir.join(format!(
            "explain-{}-{}.agon",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        std::fs::write(&path, text).unwrap();
        Path(path)
    }

    impl Path {
        pub fn as_str(&self) -> &str {
            self.0.to_str().unwrap()
        }
    }
}

#[test]
fn a_defeat_names_the_preference_that_decides_it() {
    let out = explain(&[
        "explain",
        "positional-limits",
        DEBATE,
        "--school",
        "institutionalism",
    ]);
    assert!(
        out.contains(
            "Defeated where an argument for `absolute-gains` (premise; in) undermines its step to \
             `relative-gains`: it succeeds and the attacked step is weaker, by its ordinary \
             premises (prefer absolute-gains over relative-gains; last-link, elitist)."
        ),
        "{out}"
    );
}

#[test]
fn an_attack_that_fails_is_shown_with_the_preference_that_stops_it() {
    // Before: "Nothing defeats it." and no word on the attack the preference stops.
    let out = explain(&[
        "explain",
        "durable-peace",
        "tests/fixtures/ok/small.agon",
        "--school",
        "liberalism",
    ]);
    assert!(out.contains("Nothing defeats it."), "{out}");
    assert!(
        out.contains(
            "Attacked where an argument for `not durable-peace` (by `no-peace` from self-help; out) \
             rebuts its step to `durable-peace`, but it fails: the attacker is weaker, by its last \
             defeasible inferences (prefer democratic-peace over no-peace; last-link, elitist)."
        ),
        "{out}"
    );
}

#[test]
fn two_rebutting_arguments_are_named_apart_and_nothing_is_said_twice() {
    let t = theory(
        "claim a \"A.\". claim b \"B.\". claim c \"C.\". claim x \"X.\".
         school s \"S\" {
             premise a. premise b. premise c.
             pro: x usually follows from a.
             con1: not x usually follows from b.
             con2: not x usually follows from c.
             // The same inference twice over: two arguments that read alike.
             not x usually follows from c.
         }",
    );
    let out = explain(&["explain", "x", t.as_str()]);
    let lines: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("rebuts its step"))
        .collect();
    assert!(
        lines
            .iter()
            .any(|l| l.contains("(by `con1` from b; undecided)")),
        "{out}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("(by `con2` from c; undecided)")),
        "{out}"
    );
    let mut unique = lines.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), lines.len(), "a line repeats:\n{out}");
    // No preference: each rebuts the other.
    assert!(
        out.contains("no preference ranks the attacked step above it (last-link, elitist)"),
        "{out}"
    );
}

#[test]
fn an_exception_that_does_not_fire_is_listed() {
    let t = theory(
        "claim a \"A.\". claim b \"B.\". claim c \"C.\".
         school s \"S\" { premise a. r: b usually follows from a. r does not apply when c. }",
    );
    let out = explain(&["explain", "b", t.as_str()]);
    assert!(
        out.contains("`c` would undercut `r` if it held; nothing argues for it."),
        "{out}"
    );
}

#[test]
fn weakest_link_and_democratic_are_named_when_they_decide() {
    let t = theory(
        "claim a \"A.\". claim b \"B.\". claim x \"X.\".
         school s \"S\" {
             ordering weakest-link democratic.
             premise a. premise b.
             d1: x usually follows from a.
             d2: not x usually follows from b.
             prefer d1 over d2.
         }",
    );
    // Neither argument is firm, so weakest-link compares premises *and* inferences (Def.
    // 3.23): the inference preference alone decides nothing.
    let out = explain(&["explain", "x", t.as_str()]);
    assert!(
        out.contains("no preference ranks the attacked step above it (weakest-link, democratic)"),
        "{out}"
    );
    let text = std::fs::read_to_string(&t.0).unwrap();
    let t = theory(&text.replace("prefer d1 over d2.", "prefer d1 over d2. prefer a over b."));
    let out = explain(&["explain", "x", t.as_str()]);
    assert!(
        out.contains(
            "but it fails: the attacker is weaker, by its ordinary premises and defeasible \
             inferences (prefer a over b, prefer d1 over d2; weakest-link, democratic)."
        ),
        "{out}"
    );
}

#[test]
fn json_has_the_same_content() {
    let (code, out, _) = common::run_agon(&[
        "explain",
        "positional-limits",
        DEBATE,
        "--school",
        "institutionalism",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let defeat = &doc[0]["arguments"][0]["defeats"][0];
    assert_eq!(defeat["by_claim"], "absolute-gains");
    assert_eq!(defeat["by_step"], "premise");
    assert!(defeat["decided_by"]
        .as_str()
        .unwrap()
        .contains("prefer absolute-gains over relative-gains"));
    assert_eq!(doc[0]["standing"], "rejected");
}
