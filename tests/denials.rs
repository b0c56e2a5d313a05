//! Denied inferences (`x does not follow from y.`) and schools with several parents: how they
//! parse and resolve, what a school inherits, and what the joint debate makes of a denial. The
//! joint debate leaves a denied inference out; a property test checks that this gives the
//! standings of the ASPIC+ reading (an unattacked undercutter of the inference) on random
//! theories under every semantics.

mod common;

use agon::aspic::Options;
use agon::diverge::{joint_school, Standing};
use agon::dung::Semantics;
use agon::model::{Exception, Literal, Premise, PremiseKind, RuleKind, SchoolId};
use agon::synth::Rng;
use agon::workspace::Workspace;
use std::collections::HashMap;

fn workspace(text: &str) -> Workspace {
    Workspace::from_text("t.agon", text)
}

/// `x` or `not x` as a literal of the workspace's theory.
fn literal(ws: &Workspace, written: &str) -> Literal {
    let (negated, id) = match written.strip_prefix("not ") {
        Some(id) => (true, id),
        None => (false, written),
    };
    let l = Literal::pos(ws.theory.claim_named(id).expect("a declared claim"));
    if negated {
        l.negate()
    } else {
        l
    }
}

fn codes(ws: &Workspace) -> Vec<&'static str> {
    ws.diagnostics.iter().map(|d| d.code).collect()
}

const CLAIMS: &str = "claim anarchy \"A.\". claim self-help \"S.\". claim ideas \"I.\".
    claim balancing \"B.\". claim power \"P.\".\n";

#[test]
fn a_denial_parses_with_either_polarity_and_keeps_its_citation() {
    let ws = workspace(&format!(
        "{CLAIMS} source w \"Wendt 1992\".
         school c \"C\" {{
             self-help does not follow from ideas, anarchy [@w, p. 394].
             not balancing does not follow from power.
         }}"
    ));
    let school = &ws.theory.schools[0];
    assert_eq!(school.denials.len(), 2, "{:?}", ws.diagnostics);
    let first = &school.denials[0];
    assert_eq!(ws.theory.show(first.consequent), "self-help");
    // Antecedents are kept as a set: sorted, whatever the order written.
    let mut sorted = first.antecedents.clone();
    sorted.sort();
    assert_eq!(first.antecedents, sorted);
    assert_eq!(first.antecedents.len(), 2);
    assert_eq!(first.cite.len(), 1);
    assert!(school.denials[1].consequent.negated);
    // `follow` is a keyword now; `follow-up` is still a name.
    let ws = workspace("claim follow-up \"F.\".");
    assert!(ws.diagnostics.is_empty(), "{:?}", ws.diagnostics);
}

#[test]
fn a_denial_outside_a_school_is_out_of_place() {
    let ws = workspace(&format!("{CLAIMS} self-help does not follow from anarchy."));
    assert_eq!(codes(&ws), ["agon::outside-school"]);
}

#[test]
fn a_child_drops_the_inherited_inference_it_denies_and_keeps_the_rest() {
    let ws = workspace(&format!(
        "{CLAIMS} school r \"R\" {{
             premise anarchy. premise power.
             sh: self-help usually follows from anarchy.
             balancing follows from self-help, power.
             sh does not apply when ideas.
         }}
         school c \"C\" extends r {{ self-help does not follow from anarchy. }}"
    ));
    // `balancing` now rests on a claim `c` cannot establish, and agon says so.
    assert_eq!(codes(&ws), ["agon::never-established"]);
    let (r, c) = (&ws.theory.schools[0], &ws.theory.schools[1]);
    assert_eq!(r.rules.len(), 2);
    assert_eq!(c.rules.len(), 1);
    assert_eq!(ws.theory.show(c.rules[0].consequent), "balancing");
    // The exception to the dropped inference goes with it.
    assert!(c.exceptions.is_empty());
    assert_eq!(c.extends, [SchoolId(0)]);
}

#[test]
fn a_school_cannot_draw_and_deny_the_same_inference() {
    let ws = workspace(&format!(
        "{CLAIMS} school c \"C\" {{
             premise anarchy.
             self-help does not follow from anarchy.
             self-help follows from anarchy.
         }}"
    ));
    assert_eq!(codes(&ws), ["agon::denied-and-drawn"]);
}

#[test]
fn restating_an_inherited_denied_inference_keeps_it() {
    let ws = workspace(&format!(
        "{CLAIMS} school c \"C\" {{ premise anarchy. self-help does not follow from anarchy. }}
         school d \"D\" extends c {{ self-help usually follows from anarchy. }}"
    ));
    assert!(ws.diagnostics.is_empty(), "{:?}", ws.diagnostics);
    let d = &ws.theory.schools[1];
    assert_eq!(d.rules.len(), 1);
    assert!(d.denials.is_empty());
}

#[test]
fn a_denial_nobody_answers_is_a_warning_that_names_the_antecedents_in_use() {
    let ws = workspace(&format!(
        "{CLAIMS} school r \"R\" {{ premise anarchy. self-help follows from anarchy. }}
         school c \"C\" {{ self-help does not follow from power. }}"
    ));
    assert_eq!(codes(&ws), ["agon::denial-unmatched"]);
    let help = ws.diagnostics[0].help.as_deref().unwrap_or_default();
    assert!(
        help.contains("`r` draws `self-help` from `anarchy`"),
        "{help}"
    );
}

#[test]
fn several_parents_are_merged_each_statement_once() {
    // A diamond: both parents extend `base`, whose statements arrive once.
    let ws = workspace(&format!(
        "{CLAIMS} school base \"Base\" {{ axiom anarchy. sh: self-help usually follows from anarchy. }}
         school a \"A\" extends base {{ premise power. balancing usually follows from power. }}
         school b \"B\" extends base {{ premise ideas. axiom power. }}
         school ab \"AB\" extends a, b {{ }}"
    ));
    assert!(ws.diagnostics.is_empty(), "{:?}", ws.diagnostics);
    let ab = &ws.theory.schools[3];
    assert_eq!(ab.extends, [SchoolId(1), SchoolId(2)]);
    assert_eq!(ab.rules.len(), 2);
    assert_eq!(ab.premises.len(), 3);
    let anarchy = ab
        .premises
        .iter()
        .find(|p| ws.theory.show(p.literal) == "power")
        .unwrap();
    assert_eq!(
        anarchy.kind,
        PremiseKind::Axiom,
        "an axiom in a parent stays one"
    );
}

#[test]
fn what_the_parents_dispute_is_reported_until_the_child_settles_it() {
    let parents = format!(
        "{CLAIMS} school a \"A\" {{ premise power. ra: balancing usually follows from power.
             ordering weakest-link. }}
         school b \"B\" {{ premise ideas. rb: not balancing usually follows from ideas. }}\n"
    );
    let ws = workspace(&format!("{parents} school ab \"AB\" extends a, b {{ }}"));
    let mut found = codes(&ws);
    found.sort();
    assert_eq!(found, ["agon::parents-disagree", "agon::parents-disagree"]);
    let ws = workspace(&format!(
        "{parents} school ab \"AB\" extends a, b {{ prefer ra over rb. ordering last-link. }}"
    ));
    assert!(ws.diagnostics.is_empty(), "{:?}", ws.diagnostics);
}

#[test]
fn a_parent_denial_beats_the_other_parents_inference_unless_the_child_restates_it() {
    let parents = format!(
        "{CLAIMS} school a \"A\" {{ premise anarchy. self-help usually follows from anarchy. }}
         school b \"B\" {{ self-help does not follow from anarchy. }}\n"
    );
    let ws = workspace(&format!("{parents} school ab \"AB\" extends a, b {{ }}"));
    assert_eq!(codes(&ws), ["agon::parents-disagree"]);
    assert!(ws.theory.schools[2].rules.is_empty());
    let ws = workspace(&format!(
        "{parents} school ab \"AB\" extends a, b {{ self-help usually follows from anarchy. }}"
    ));
    assert!(ws.diagnostics.is_empty(), "{:?}", ws.diagnostics);
    assert_eq!(ws.theory.schools[2].rules.len(), 1);
    let ws = workspace(&format!(
        "{parents} school ab \"AB\" extends a, b {{ self-help does not follow from anarchy. }}"
    ));
    assert!(ws.diagnostics.is_empty(), "{:?}", ws.diagnostics);
    assert!(ws.theory.schools[2].rules.is_empty());
}

#[test]
fn a_cycle_through_one_of_several_parents_is_reported_once() {
    let ws = workspace(&format!(
        "{CLAIMS} school a \"A\" {{ premise power. }}
         school x \"X\" extends y, a {{ }}
         school y \"Y\" extends x {{ }}
         school z \"Z\" extends y {{ }}"
    ));
    assert_eq!(codes(&ws), ["agon::extends-cycle"]);
    let names: Vec<&str> = ws.theory.schools.iter().map(|s| s.name.as_str()).collect();
    // The cycle's members are left out; a school below it is built without them.
    assert_eq!(names, ["a", "z"]);
}

#[test]
fn the_joint_debate_leaves_out_a_denied_strict_inference_and_its_contrapositions() {
    let ws = workspace(&format!(
        "{CLAIMS} school r \"R\" {{ premise anarchy. self-help follows from anarchy. }}
         school c \"C\" {{ premise not self-help. self-help does not follow from anarchy. }}"
    ));
    assert!(ws.diagnostics.is_empty(), "{:?}", ws.diagnostics);
    let joint = joint_school(&ws.theory, &[SchoolId(0), SchoolId(1)]);
    assert!(joint.rules.is_empty());
    let eval = agon::reasoning::evaluate(
        &joint,
        SchoolId(0),
        &Options::default(),
        Semantics::Grounded,
    );
    let standing = |name: &str| eval.standings.get(&literal(&ws, name)).copied();
    // Without the denial, `not self-help` would contrapose to `not anarchy` and the debate
    // would hold nothing; with it, both premises stand.
    assert_eq!(standing("anarchy"), Some(Standing::Accepted));
    assert_eq!(standing("not self-help"), Some(Standing::Accepted));
    assert_eq!(standing("self-help"), None);
}

/// A literal's standing, with "no argument" and "every argument out" read alike: an undercut
/// that always succeeds leaves arguments that are out, where leaving the inference out leaves
/// none.
fn held(s: Option<Standing>) -> Standing {
    match s {
        None | Some(Standing::NotAddressed) => Standing::Rejected,
        Some(s) => s,
    }
}

#[test]
fn leaving_a_denied_inference_out_gives_the_standings_of_an_unattacked_undercutter() {
    let mut rng = Rng::new(0xde41);
    let shape = common::Shape {
        claims: 5,
        rules: 6,
        ..Default::default()
    };
    let (mut compared, mut declined) = (0, 0);
    for _ in 0..400 {
        let text =
            common::random_theory(&mut rng, &shape) + "claim stand-in \"An undercutter.\".\n";
        let ws = workspace(&text);
        if ws.has_errors() {
            continue;
        }
        let s = &ws.theory.schools[0];
        let unique: Vec<usize> = (0..s.rules.len())
            .filter(|&i| {
                let r = &s.rules[i];
                r.kind == RuleKind::Defeasible
                    && s.rules.iter().filter(|q| same_inference(q, r)).count() == 1
            })
            .collect();
        if unique.is_empty() {
            continue;
        }
        let r = &s.rules[unique[rng.below(unique.len())]];
        let ants: Vec<String> = r.antecedents.iter().map(|a| ws.theory.show(*a)).collect();
        let denier = format!(
            "{text}school critic \"Critic\" {{ {} does not follow from {}. }}\n",
            ws.theory.show(r.consequent),
            ants.join(", ")
        );
        let denied = workspace(&denier);
        assert!(!denied.has_errors(), "{denier}\n{:?}", denied.diagnostics);
        let joint = joint_school(&denied.theory, &[SchoolId(0), SchoolId(1)]);
        // The ASPIC+ reading: the critic's unattacked premise undercuts the inference.
        let stand_in = literal(&ws, "stand-in");
        let mut undercut = s.clone();
        let rule =
            agon::model::RuleId(s.rules.iter().position(|q| same_inference(q, r)).unwrap() as u32);
        undercut.premises.push(Premise {
            literal: stand_in,
            kind: PremiseKind::Ordinary,
            doc: None,
            cite: Vec::new(),
            span: r.span,
        });
        undercut.exceptions.push(Exception {
            rule,
            literal: stand_in,
            cite: Vec::new(),
            span: r.span,
        });
        for semantics in Semantics::ALL {
            let a = agon::reasoning::evaluate(&joint, SchoolId(0), &Options::default(), semantics);
            let b =
                agon::reasoning::evaluate(&undercut, SchoolId(0), &Options::default(), semantics);
            // agon may decline semi-stable where rules are cyclic, and says so; the
            // undercut version keeps the cycle the denial breaks.
            if a.unknown.is_some() || b.unknown.is_some() {
                declined += 1;
                continue;
            }
            assert_eq!(a.exists, b.exists, "{semantics:?}\n{denier}");
            let lits: Vec<Literal> = (a.standings.keys())
                .chain(b.standings.keys())
                .copied()
                .filter(|l| l.claim != stand_in.claim)
                .collect();
            let by = |m: &HashMap<Literal, Standing>, l: &Literal| held(m.get(l).copied());
            for l in &lits {
                assert_eq!(
                    by(&a.standings, l),
                    by(&b.standings, l),
                    "`{}` under {semantics:?}\n{denier}",
                    ws.theory.show(*l)
                );
            }
        }
        compared += 1;
    }
    assert!(
        compared > 100,
        "only {compared} theories had an inference to deny"
    );
    assert!(
        declined < compared,
        "{declined} semantics declined of {compared} theories"
    );
}

fn same_inference(a: &agon::model::Rule, b: &agon::model::Rule) -> bool {
    let set = |r: &agon::model::Rule| {
        let mut v = r.antecedents.clone();
        v.sort();
        v.dedup();
        v
    };
    a.consequent == b.consequent && set(a) == set(b)
}

#[test]
fn diverge_reports_an_inference_one_school_draws_and_another_denies() {
    let (code, out, err) = common::run_agon(&["diverge", "tests/fixtures/debate/"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(
            "neorealism strictly draws `self-help` from `anarchy`; constructivism denies it"
        ),
        "{out}"
    );
    assert!(
        out.contains("constructivism denies it [@wendt1992, p. 394]"),
        "the crux names the denial and its page:\n{out}"
    );
    assert!(
        out.contains("self-help: the debate leaves out the inference from `anarchy`: constructivism denies it"),
        "{out}"
    );
    let (code, json, _) =
        common::run_agon(&["diverge", "tests/fixtures/debate/", "--format", "json"]);
    assert_eq!(code, 0);
    assert!(json.contains("\"inferences_apart\""), "{json}");
}

#[test]
fn the_formatter_keeps_denials_and_parent_lists() {
    let text = format!(
        "{CLAIMS}school a \"A\" {{ premise anarchy. }}\nschool b \"B\" {{ }}\n\
         school ab \"AB\" extends a,b {{ self-help  does not follow from anarchy,power. }}\n"
    );
    let out = agon::format::format(&text).expect("it parses");
    assert!(out.contains("school ab \"AB\" extends a, b {"), "{out}");
    assert!(
        out.contains("    self-help does not follow from anarchy, power."),
        "{out}"
    );
    assert_eq!(agon::format::format(&out).as_deref(), Some(out.as_str()));
}
