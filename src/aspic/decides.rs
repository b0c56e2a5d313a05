//! What decides an attack, in words, for explanations: how the attacking argument is built
//! (its last step), why an attack succeeds or fails (an exception always undercuts; a contrary
//! always succeeds; otherwise the argument ordering, naming the `prefer` statements, the
//! link and the set comparison that decide it: Modgil & Prakken 2013, Defs. 3.12, 3.19-3.23),
//! and the exceptions of an argument's inferences that do not fire.

use super::argument::{ArgId, Top};
use super::attack::{Attack, AttackKind};
use super::preference::{Compared, Witness};
use super::Structured;
use crate::model::{Comparison, Link, Literal, Preferable, PremiseKind, Theory};

/// The argument's last step, as a reader names it: "premise", "axiom", "by `positional` from
/// relative-gains", "by a strict inference from anarchy".
pub fn step_name(theory: &Theory, s: &Structured, a: ArgId) -> String {
    let arg = s.args.get(a);
    match arg.top {
        Top::Premise(PremiseKind::Axiom) => "axiom".into(),
        Top::Premise(PremiseKind::Ordinary) => "premise".into(),
        Top::Rule(r) => {
            let rule = &s.rules[r as usize];
            let stated = theory.school(s.school).rule(rule.origin);
            let from: Vec<String> = rule.antecedents.iter().map(|l| theory.show(*l)).collect();
            let how = match (&stated.name, rule.transposed) {
                (Some(n), false) => format!("by `{n}`"),
                (Some(n), true) => format!("by `{n}` read backwards (transposition)"),
                (None, _) if rule.kind == crate::model::RuleKind::Strict => {
                    "by a strict inference".into()
                }
                (None, _) => "by a defeasible inference".into(),
            };
            format!("{how} from {}", from.join(", "))
        }
    }
}

/// Why `attack` on `target`'s last step succeeds or fails.
pub fn reason(theory: &Theory, s: &Structured, attack: &Attack, target: ArgId) -> String {
    if attack.kind == AttackKind::Undercut {
        return "an exception always undercuts".into();
    }
    if attack.contrary {
        return "a contrary attack succeeds whatever the preferences".into();
    }
    let order = &s.order;
    if let Some(w) = order.why_weaker(attack.by, target, &s.args) {
        return format!(
            "it fails: the attacker is weaker, {}",
            words(theory, s, &w, "its", "the attacked step's")
        );
    }
    match order.why_weaker(target, attack.by, &s.args) {
        Some(w) => format!(
            "it succeeds and the attacked step is weaker, {}",
            words(theory, s, &w, "its", "the attacker's")
        ),
        None => format!(
            "it succeeds: no preference ranks the attacked step above it ({}), so each defeats the other",
            ordering_words(s.ordering)
        ),
    }
}

/// "its last defeasible inference `positional` is below `cooperation` (prefer cooperation over
/// positional; last-link, elitist)".
fn words(theory: &Theory, s: &Structured, w: &Witness, weak: &str, strong: &str) -> String {
    let what = match w.compared {
        Compared::LastRules => "last defeasible inferences",
        Compared::Rules => "defeasible inferences",
        Compared::Premises => "ordinary premises",
        Compared::PremisesAndRules => "ordinary premises and defeasible inferences",
    };
    if w.pairs.is_empty() {
        return format!(
            "since {strong} {what} are none (strict and firm beats defeasible or ordinary; {})",
            ordering_words(w.ordering)
        );
    }
    let name = |p: Preferable| preferable_name(theory, theory.school(s.school), p);
    let pairs: Vec<String> = w
        .pairs
        .iter()
        .map(|&(worse, better)| format!("prefer {} over {}", name(better), name(worse)))
        .collect();
    format!(
        "by {weak} {what} ({}; {})",
        pairs.join(", "),
        ordering_words(w.ordering)
    )
}

/// An inference by its name, a premise by its claim.
pub(crate) fn preferable_name(
    theory: &Theory,
    school: &crate::model::School,
    p: Preferable,
) -> String {
    match p {
        Preferable::Rule(r) => school
            .rule(r)
            .name
            .clone()
            .unwrap_or_else(|| "an unnamed inference".into()),
        Preferable::Premise(l) => theory.show(l),
    }
}

/// "last-link, elitist".
pub(crate) fn ordering_words(o: crate::model::Ordering) -> String {
    let link = match o.link {
        Link::LastLink => "last-link",
        Link::WeakestLink => "weakest-link",
    };
    let comparison = match o.comparison {
        Comparison::Elitist => "elitist",
        Comparison::Democratic => "democratic",
    };
    format!("{link}, {comparison}")
}

/// Exceptions to the argument's inferences whose claim has no argument that is in: each as
/// (the exception's claim, the inference's name or words).
pub fn quiet_exceptions(
    theory: &Theory,
    s: &Structured,
    a: ArgId,
    is_in: &dyn Fn(Literal) -> bool,
) -> Vec<(String, String)> {
    let school = theory.school(s.school);
    // Each shared sub-argument once, not once per path to it.
    let mut rules: Vec<_> = (s.args.sub_arguments(a).into_iter())
        .filter_map(|x| match s.args.get(x).top {
            Top::Rule(r) => Some(s.rules[r as usize].origin),
            Top::Premise(_) => None,
        })
        .collect();
    rules.sort();
    rules.dedup();
    let mut out = Vec::new();
    for e in &school.exceptions {
        if rules.contains(&e.rule) && !is_in(e.literal) {
            let rule = school.rule(e.rule);
            let name = rule.name.clone().map_or_else(
                || format!("the inference to {}", theory.show(rule.consequent)),
                |n| format!("`{n}`"),
            );
            out.push((theory.show(e.literal), name));
        }
    }
    out
}
