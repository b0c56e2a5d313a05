//! ASPIC+ on theories written in the theory language: published examples and hand-checked
//! cases.

use super::*;

const CLAIMS: &str = "claim snores \"Snores.\". claim professor \"Is a professor.\".
    claim misbehaves \"Misbehaves.\". claim access-denied \"Access is denied.\".";

/// Modgil & Prakken's snores/professor example (2013, Sect. 3.5; 2014 tutorial): with
/// d1 < d3 < d2 and Snores <' Professor, last-link prefers the argument for AccessDenied
/// (its last rule d2 beats d3), weakest-link the argument for ¬AccessDenied (its weakest
/// rule d3 beats d1, and Professor beats Snores).
#[test]
fn snores_professor_last_link_against_weakest_link() {
    let ws = theory(&format!(
        "{CLAIMS} school s \"S\" {{ premise snores. premise professor.
          d1: misbehaves usually follows from snores.
          d2: access-denied usually follows from misbehaves.
          d3: not access-denied usually follows from professor.
          prefer d2 over d3. prefer d3 over d1. prefer professor over snores. }}"
    ));
    let last = with_ordering(Link::LastLink, Comparison::Elitist);
    let weakest = with_ordering(Link::WeakestLink, Comparison::Elitist);
    assert_eq!(
        standing(&ws, &last, Semantics::Grounded, "access-denied"),
        Standing::Accepted
    );
    assert_eq!(
        standing(&ws, &last, Semantics::Grounded, "not access-denied"),
        Standing::Rejected
    );
    assert_eq!(
        standing(&ws, &weakest, Semantics::Grounded, "access-denied"),
        Standing::Rejected
    );
    assert_eq!(
        standing(&ws, &weakest, Semantics::Grounded, "not access-denied"),
        Standing::Accepted
    );
}

/// Without a preference between d2 and d3 nothing settles the conflict.
#[test]
fn snores_professor_without_a_decisive_preference_is_undecided() {
    let ws = theory(&format!(
        "{CLAIMS} school s \"S\" {{ premise snores. premise professor.
          d1: misbehaves usually follows from snores.
          d2: access-denied usually follows from misbehaves.
          d3: not access-denied usually follows from professor.
          prefer d2 over d1. prefer d3 over d1. }}"
    ));
    assert_eq!(grounded(&ws, "access-denied"), Standing::Undecided);
    assert_eq!(grounded(&ws, "not access-denied"), Standing::Undecided);
    assert_eq!(grounded(&ws, "misbehaves"), Standing::Accepted);
}

const MARRIED: &str = "claim wears-ring \"Wears a ring.\". claim party-animal \"Is a party animal.\".
    claim married \"Is married.\". claim bachelor \"Is a bachelor.\". claim has-wife \"Has a wife.\".
    school s \"S\" { axiom wears-ring. axiom party-animal.
      married usually follows from wears-ring. bachelor usually follows from party-animal.
      has-wife follows from married. not has-wife follows from bachelor. }";

/// Caminada & Amgoud 2007's married/bachelor example: without transposition the grounded
/// extension concludes both `has-wife` and `not has-wife` (violating consistency); closed
/// under transposition, `married` and `bachelor` attack each other and stay undecided.
#[test]
fn married_bachelor_needs_transposition_for_the_postulates() {
    let ws = theory(MARRIED);
    let without = Options {
        transposition: false,
        ..Options::default()
    };
    let s = build(&ws.theory, SchoolId(0), &without);
    let eval = s.evaluate(Semantics::Grounded, &without);
    let violations = postulates(&ws.theory, &s, &eval);
    assert!(
        violations
            .iter()
            .any(|d| d.message.contains("direct consistency")),
        "{violations:?}"
    );
    assert_eq!(
        standing(&ws, &without, Semantics::Grounded, "has-wife"),
        Standing::Accepted
    );
    assert_eq!(
        standing(&ws, &without, Semantics::Grounded, "not has-wife"),
        Standing::Accepted
    );

    let with = Options::default();
    let s = build(&ws.theory, SchoolId(0), &with);
    let eval = s.evaluate(Semantics::Grounded, &with);
    assert!(postulates(&ws.theory, &s, &eval).is_empty());
    for l in ["married", "bachelor", "has-wife", "not has-wife"] {
        assert_eq!(grounded(&ws, l), Standing::Undecided, "{l}");
    }
    assert_eq!(grounded(&ws, "wears-ring"), Standing::Accepted);
    // Under preferred semantics each side wins in one extension.
    assert_eq!(
        standing(&ws, &with, Semantics::Preferred, "married"),
        Standing::Credulous
    );
}

#[test]
fn contrary_attacks_succeed_whatever_the_preferences() {
    let claims = "claim p \"P.\". claim q \"Q.\".";
    let contrary = theory(&format!(
        "{claims} q is contrary to p. school s \"S\" {{ premise p. premise q. prefer p over q. }}"
    ));
    assert_eq!(grounded(&contrary, "p"), Standing::Rejected);
    assert_eq!(grounded(&contrary, "q"), Standing::Accepted);
    let contradictory = theory(&format!(
        "{claims} q contradicts p. school s \"S\" {{ premise p. premise q. prefer p over q. }}"
    ));
    assert_eq!(grounded(&contradictory, "p"), Standing::Accepted);
    assert_eq!(grounded(&contradictory, "q"), Standing::Rejected);
}

#[test]
fn exceptions_undercut_and_axioms_cannot_be_undermined() {
    let ws = theory(
        "claim a \"A.\". claim b \"B.\". claim u \"U.\".
         school s \"S\" { axiom a. premise u. premise not a. d: b usually follows from a. d does not apply when u. }",
    );
    assert_eq!(grounded(&ws, "b"), Standing::Rejected);
    assert_eq!(grounded(&ws, "a"), Standing::Accepted);
    assert_eq!(grounded(&ws, "not a"), Standing::Rejected);
    assert_eq!(grounded(&ws, "u"), Standing::Accepted);
}

/// Elitist and democratic comparison disagree when one side's rules straddle the other's:
/// d1 < d3 < d2. Elitist: {d1, d2} ◁ {d3} (d1 is below d3), so `not r` wins; democratic:
/// {d3} ◁ {d1, d2} (d3 is below d2), so `r` wins.
#[test]
fn elitist_and_democratic_comparison_differ() {
    let ws = theory(
        "claim p \"P.\". claim q \"Q.\". claim r \"R.\". claim s0 \"S.\".
         school s \"S\" { axiom p. axiom s0.
           d1: q usually follows from p. d2: r usually follows from q. d3: not r usually follows from s0.
           prefer d3 over d1. prefer d2 over d3. }",
    );
    let elitist = with_ordering(Link::WeakestLink, Comparison::Elitist);
    let democratic = with_ordering(Link::WeakestLink, Comparison::Democratic);
    assert_eq!(
        standing(&ws, &elitist, Semantics::Grounded, "not r"),
        Standing::Accepted
    );
    assert_eq!(
        standing(&ws, &elitist, Semantics::Grounded, "r"),
        Standing::Rejected
    );
    assert_eq!(
        standing(&ws, &democratic, Semantics::Grounded, "r"),
        Standing::Accepted
    );
    assert_eq!(
        standing(&ws, &democratic, Semantics::Grounded, "not r"),
        Standing::Rejected
    );
}

#[test]
fn a_minimal_inconsistent_set_names_exactly_the_culprits() {
    let ws = theory(
        "claim a \"A.\". claim b \"B.\". claim c \"C.\". claim x \"X.\". claim y \"Y.\".
         school s \"S\" { axiom a. axiom b. axiom c. x follows from a. not x follows from b. y follows from c. }",
    );
    let s = build(&ws.theory, SchoolId(0), &Options::default());
    let school = ws.theory.school(SchoolId(0));
    let d =
        consistency::axioms(&ws.theory, school, &s.rules, &s.contrariness).expect("inconsistent");
    let marked: Vec<&str> = d
        .labels
        .iter()
        .map(|l| ws.sources.snippet(l.span))
        .collect();
    assert_eq!(
        marked,
        [
            "axiom a.",
            "axiom b.",
            "x follows from a.",
            "not x follows from b."
        ]
    );
    // A consistent school has no such finding.
    let ok =
        theory("claim a \"A.\". claim x \"X.\". school s \"S\" { axiom a. x follows from a. }");
    let s = build(&ok.theory, SchoolId(0), &Options::default());
    assert!(consistency::axioms(
        &ok.theory,
        ok.theory.school(SchoolId(0)),
        &s.rules,
        &s.contrariness
    )
    .is_none());
}

/// The doubling chain in the language: `c_i` follows from `c_(i-1)`, and from `c_(i-1)` and
/// the premise `e_i`, so `c_i` has 2^i arguments.
fn doubling(layers: usize) -> Workspace {
    let mut text = String::from("claim c0 \"C0.\".");
    let mut body = String::from("premise c0.");
    for i in 1..=layers {
        text.push_str(&format!(" claim c{i} \"C{i}.\". claim e{i} \"E{i}.\"."));
        body.push_str(&format!(
            " premise e{i}. c{i} usually follows from c{}, e{i}. c{i} usually follows from c{}.",
            i - 1,
            i - 1
        ));
    }
    theory(&format!("{text} school s \"S\" {{ {body} }}"))
}

#[test]
fn argument_construction_stops_at_the_cap_and_says_so() {
    let ws = doubling(12);
    let capped = Options {
        max_arguments: 50,
        ..Options::default()
    };
    let s = build(&ws.theory, SchoolId(0), &capped);
    assert!(s.args.truncated);
    assert_eq!(s.args.all.len(), 50);
    let full = build(&ws.theory, SchoolId(0), &Options::default());
    assert!(!full.args.truncated);
    assert!(full.args.all.len() > 4000, "{}", full.args.all.len());
}

#[test]
fn a_few_arguments_per_conclusion_reach_every_claim_of_an_exponential_theory() {
    // 2^60 arguments for c60 alone.
    let ws = doubling(60);
    let few = Options {
        max_arguments: usize::MAX,
        per_conclusion: 3,
        transposition: false,
        ..Options::default()
    };
    let s = build(&ws.theory, SchoolId(0), &few);
    assert!(s.args.truncated, "arguments were left out, and it says so");
    for i in 0..=60 {
        let n = s.args.for_literal(lit(&ws, &format!("c{i}"))).len();
        // c0 is a premise (one argument), c1 has exactly two, the rest are cut at three.
        let want = [1, 2].get(i).copied().unwrap_or(3);
        assert_eq!(n, want, "c{i}");
    }
    // Linear (61 premises, at most three per claim), where the full set is 2^61.
    assert!(s.args.all.len() <= 61 + 3 * 61, "{}", s.args.all.len());
}

#[test]
fn cyclic_rules_give_finitely_many_arguments_and_circular_support_is_reported() {
    let ws = theory(
        "claim a \"A.\". claim b \"B.\". claim c \"C.\". claim d \"D.\".
         school s \"S\" { premise a. b usually follows from a. a usually follows from b. c usually follows from d. d usually follows from c. }",
    );
    let s = build(&ws.theory, SchoolId(0), &Options::default());
    // a (premise), b from a, and a from b-from-a is cut (a repeats on its branch).
    assert_eq!(s.args.for_literal(lit(&ws, "a")).len(), 1);
    assert_eq!(s.args.for_literal(lit(&ws, "b")).len(), 1);
    let school = ws.theory.school(SchoolId(0));
    let found = consistency::structure(&ws.theory, school, &s.contrariness, &|l| {
        !s.args.for_literal(l).is_empty()
    });
    assert!(
        found.iter().any(|d| d.code == "agon::circular-support"
            && d.message.contains("c")
            && d.message.contains("d")),
        "{found:?}"
    );
}

#[test]
fn the_compact_grounded_labelling_matches_the_full_framework() {
    let ws = theory(MARRIED);
    for transposition in [false, true] {
        let o = Options {
            transposition,
            ..Options::default()
        };
        let s = build(&ws.theory, SchoolId(0), &o);
        let af = s.framework(usize::MAX).unwrap();
        assert_eq!(s.grounded(), crate::dung::grounded(&af));
    }
}

#[test]
fn explanations_name_arguments_citations_and_defeaters() {
    let ws = theory(
        "source k \"K.\". claim a \"A holds.\". claim b \"B holds.\". claim u \"U holds.\".
         school s \"S\" { axiom a [@k, p. 3]. d: b usually follows from a [@k, p. 4]. premise u. d does not apply when u. }",
    );
    let o = Options::default();
    let s = build(&ws.theory, SchoolId(0), &o);
    let eval = s.evaluate(Semantics::Grounded, &o);
    let text = explain::render(&explain_of(&ws.theory, &s, &eval, lit(&ws, "b")));
    assert!(
        text.contains("`b` in `s` under grounded semantics: rejected"),
        "{text}"
    );
    assert!(
        text.contains("b — usually follows by `d` from a [out]  [@k, p. 4]"),
        "{text}"
    );
    assert!(text.contains("a — axiom [in]  [@k, p. 3]"), "{text}");
    assert!(
        text.contains(
            "an argument for `u` (premise; in) undercuts (an exception to) its step to `b`: an \
             exception always undercuts."
        ),
        "{text}"
    );
}

/// Found by the differential test against py_arg: transposing `a, not b -> b` gives
/// `not b, not b -> not a`, whose repeated antecedent once hid the argument.
#[test]
fn repeated_antecedents_count_once() {
    let ws = theory(
        "claim a \"A.\". claim b \"B.\".
         school s \"S\" { premise not b. a follows from not b, not b. }",
    );
    assert_eq!(grounded(&ws, "a"), Standing::Accepted);
}

/// Found by the differential test against py_arg: with no `prefer` statements at all, the
/// set comparison still ranks a defeasible argument below a strict-and-premise one under
/// last-link (Γ ◁ ∅, Modgil & Prakken 2013, Def. 3.19), so its undermining attack fails.
#[test]
fn a_defeasible_argument_cannot_undermine_a_premise_without_defeasible_rules() {
    let ws = theory(
        "claim c0 \"C0.\". claim c2 \"C2.\". claim c3 \"C3.\".
         school s \"S\" { axiom c0. premise c2. d4: c3 usually follows from c0. not c3 follows from c2. }",
    );
    // not c2 (by contraposition from c3) cannot undermine the premise c2; not c3 rebuts c3.
    assert_eq!(grounded(&ws, "c2"), Standing::Accepted);
    assert_eq!(grounded(&ws, "not c3"), Standing::Accepted);
    assert_eq!(grounded(&ws, "c3"), Standing::Rejected);
}
