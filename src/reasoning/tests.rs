//! The translation on hand-checked cases: self-attacking claims, and the shapes of attacker
//! that preferences let through under last-link, each also checked against built arguments.

use crate::aspic::{self, Options};
use crate::diverge::Standing;
use crate::dung::Semantics;
use crate::model::{Comparison, Link, SchoolId};
use crate::workspace::Workspace;

fn both(text: &str, options: &Options, semantics: Semantics, claim: &str) -> Standing {
    let ws = Workspace::from_text("t.agon", text);
    assert!(!ws.has_errors(), "{:?}", ws.diagnostics);
    let (neg, id) = claim
        .strip_prefix("not ")
        .map_or((false, claim), |r| (true, r));
    let lit = crate::model::Literal {
        claim: ws.theory.claim_named(id).unwrap(),
        negated: neg,
    };
    let school = ws.theory.school(SchoolId(0));
    let exact = super::evaluate(school, SchoolId(0), options, semantics);
    let s = aspic::build(&ws.theory, SchoolId(0), options);
    let built = s.standings(&s.evaluate(semantics, options));
    let got = exact
        .standings
        .get(&lit)
        .copied()
        .unwrap_or(Standing::NotAddressed);
    let want = built.get(&lit).copied().unwrap_or(Standing::NotAddressed);
    assert_eq!(
        got, want,
        "{claim} under {semantics}: exact vs built arguments"
    );
    got
}

#[test]
fn a_claim_contrary_to_itself_attacks_itself() {
    let text = "claim a \"A.\". claim b \"B.\". a is contrary to a.
                school s \"S\" { premise a. b usually follows from a. }";
    let o = Options::default();
    assert_eq!(
        both(text, &o, Semantics::Grounded, "a"),
        Standing::Undecided
    );
    assert_eq!(
        both(text, &o, Semantics::Grounded, "b"),
        Standing::Undecided
    );
    assert_eq!(
        both(text, &o, Semantics::Preferred, "a"),
        Standing::Undecided
    );
    // No stable extension: undecided, as agon reads "every extension" non-vacuously.
    assert_eq!(both(text, &o, Semantics::Stable, "b"), Standing::Undecided);
}

/// Last-link (Modgil & Prakken 2013, Def. 3.21): an argument with a defeasible last rule is
/// below an ordinary premise (LastDefRules ∅), so it cannot undermine it through a
/// contradictory; a strict one can. Weakest-link without preferences lets both through.
#[test]
fn last_link_lets_only_strict_arguments_undermine_premises_by_contradiction() {
    let text = "claim p \"P.\". claim q \"Q.\". claim r \"R.\".
                school s \"S\" { premise p. axiom q. not p usually follows from q. premise r. not r follows from q. }";
    let last = Options::default();
    assert_eq!(
        both(text, &last, Semantics::Grounded, "p"),
        Standing::Accepted
    );
    assert_eq!(
        both(text, &last, Semantics::Grounded, "not p"),
        Standing::Rejected
    );
    assert_eq!(
        both(text, &last, Semantics::Grounded, "r"),
        Standing::Rejected
    );
    let weakest = Options {
        link: Some(Link::WeakestLink),
        ..Options::default()
    };
    for sem in [Semantics::Grounded, Semantics::Preferred] {
        let p = both(text, &weakest, sem, "p");
        assert_ne!(p, Standing::Accepted, "{sem}");
    }
}

/// Rule preferences under last-link, elitist and democratic: `prefer d1 over d2` makes
/// d2's conclusion lose to d1's rebuttal, while d2 cannot rebut d1.
#[test]
fn rule_preferences_decide_rebuttals_under_both_comparisons() {
    let text = "claim a \"A.\". claim b \"B.\". claim c \"C.\".
                school s \"S\" { axiom a. axiom b. d1: c usually follows from a. d2: not c usually follows from b. prefer d1 over d2. }";
    for comparison in [Comparison::Elitist, Comparison::Democratic] {
        let o = Options {
            comparison: Some(comparison),
            ..Options::default()
        };
        for sem in crate::dung::Semantics::ALL {
            assert_eq!(
                both(text, &o, sem, "c"),
                Standing::Accepted,
                "{comparison:?} {sem}"
            );
            assert_eq!(
                both(text, &o, sem, "not c"),
                Standing::Rejected,
                "{comparison:?} {sem}"
            );
        }
    }
}

/// Weakest-link, elitist: one rule (`d`) atop two arguments of different strength. The
/// attacker from `s` fails against the argument from the preferred `p` and succeeds against
/// the one from `q`, so each step of `d` needs its own assumption (one per strength).
#[test]
fn weakest_link_splits_a_step_by_the_strength_of_its_argument() {
    let text = "claim c \"C.\". claim x \"X.\". claim p \"P.\". claim q \"Q.\". claim s \"S.\".
                school w \"W\" {
                  premise p. premise q. premise s.
                  d1: x usually follows from p. d2: x usually follows from q.
                  d: c usually follows from x. d3: not c usually follows from s.
                  prefer p over s. prefer d over d3. prefer d1 over d3.
                  ordering weakest-link.
                }";
    let o = Options::default();
    for sem in crate::dung::Semantics::ALL {
        assert_eq!(both(text, &o, sem, "c"), Standing::Accepted, "{sem}");
        assert_eq!(both(text, &o, sem, "not c"), Standing::Rejected, "{sem}");
    }
    let ws = Workspace::from_text("t.agon", text);
    let school = ws.theory.school(SchoolId(0));
    let e = super::evaluate(school, SchoolId(0), &o, Semantics::Grounded);
    assert!(!e.by_arguments && e.unknown.is_none());
    // Without `prefer p over s` the attacker beats both: c is no longer accepted.
    let weaker = text.replace("prefer p over s.", "");
    assert_ne!(
        both(&weaker, &o, Semantics::Grounded, "c"),
        Standing::Accepted
    );
}

/// Semi-stable maximises the range over *arguments*. Here `d1` is undecided at the level of
/// assumptions whichever of `c4` and `not c4` is chosen, but every argument using it also
/// uses `c4`; choosing `not c4` puts them all out, so only that extension is semi-stable
/// (Caminada, Sá, Alcântara & Dvořák 2015 on ABA's semi-stable semantics).
#[test]
fn semi_stable_ranges_over_arguments_not_assumptions() {
    let text = "claim c0 \"C0.\". claim c1 \"C1.\". claim c4 \"C4.\".
                school s \"S\" {
                  premise not c4. premise c4. premise c0.
                  d1: c0 usually follows from c4.
                  not c0 follows from c0, c1.
                  c1 follows from c0.
                }";
    let o = Options {
        transposition: false,
        ..Options::default()
    };
    assert_eq!(
        both(text, &o, Semantics::SemiStable, "not c4"),
        Standing::Accepted
    );
    assert_eq!(
        both(text, &o, Semantics::SemiStable, "c4"),
        Standing::Rejected
    );
    // Preferred keeps both choices.
    assert_eq!(
        both(text, &o, Semantics::Preferred, "not c4"),
        Standing::Credulous
    );
}
