//! `agon export --to iccma` then `agon solve` on the file: every claim of every shipped school
//! gets the same answer from the exported framework as from `agon status`.

mod common;

use std::collections::HashMap;

fn agon(args: &[&str]) -> String {
    let (code, out, err) = common::run_agon(args);
    assert_eq!(code, 0, "{args:?}: {err}");
    out
}

#[test]
fn exported_schools_answer_as_agon_status_does() {
    let dir = std::env::temp_dir().join(format!("agon-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for school in ["realism", "liberalism", "copenhagen"] {
        let path = dir.join(format!("{school}.aba"));
        let path_s = path.to_str().unwrap();
        agon(&[
            "export",
            "--to",
            "iccma",
            "--school",
            school,
            "theories/",
            "-o",
            path_s,
        ]);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("p aba "), "{text}");
        // `# N literal` comments name the atoms.
        let atoms: HashMap<String, String> = text
            .lines()
            .filter_map(|l| l.strip_prefix("# "))
            .filter_map(|l| l.split_once(' '))
            .map(|(n, lit)| (lit.to_string(), n.to_string()))
            .collect();
        // Grounded: accepted ⇔ in every complete extension. Preferred: accepted ⇔ DS-PR,
        // accepted or credulous ⇔ DC-PR.
        for (semantics, task_ds, task_dc) in [
            ("grounded", "DS-CO", None),
            ("preferred", "DS-PR", Some("DC-PR")),
        ] {
            let status: serde_json::Value = serde_json::from_str(&agon(&[
                "status",
                "theories/",
                "--school",
                school,
                "--semantics",
                semantics,
                "--format",
                "json",
            ]))
            .unwrap();
            let claims = status["schools"][0]["claims"].as_array().unwrap();
            assert!(!claims.is_empty());
            for c in claims {
                let lit = c["literal"].as_str().unwrap();
                let atom = &atoms[lit];
                let st = c["standing"].as_str().unwrap();
                let ds = agon(&["solve", "-p", task_ds, "-f", path_s, "-a", atom]);
                assert_eq!(
                    ds.trim() == "YES",
                    st == "accepted",
                    "{school} {semantics} {lit}: {st}"
                );
                if let Some(task_dc) = task_dc {
                    let dc = agon(&["solve", "-p", task_dc, "-f", path_s, "-a", atom]);
                    assert_eq!(
                        dc.trim() == "YES",
                        st == "accepted" || st == "credulous",
                        "{school} {semantics} {lit}: {st}"
                    );
                }
            }
        }
    }
}
