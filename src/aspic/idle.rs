//! Preferences the school's ordering leaves idle: a `prefer` statement that decides no attack
//! under the school's link (last-link or weakest-link) but would decide one under the other.
//! Typically a school that extends another inherits its preferences and states an `ordering`
//! of its own, so a preference written for one reading of argument strength (Modgil & Prakken
//! 2013, Defs. 3.21, 3.23) silently stops mattering. Decided on the school's built arguments:
//! a preference is idle when removing it changes no defeat.

use super::decides::{ordering_words, preferable_name};
use super::defeat::{succeeds, AttackKind};
use super::preference::ArgumentOrder;
use super::Structured;
use crate::diagnostic::Diagnostic;
use crate::model::{Link, Ordering, School, Theory};

/// One warning per idle preference; none when the arguments were cut short (agon cannot vouch
/// for "no attack").
pub fn idle_preferences(theory: &Theory, school: &School, s: &Structured) -> Vec<Diagnostic> {
    if s.args.truncated || school.preferences.is_empty() {
        return Vec::new();
    }
    let other = Ordering {
        link: match s.ordering.link {
            Link::LastLink => Link::WeakestLink,
            Link::WeakestLink => Link::LastLink,
        },
        ..s.ordering
    };
    let order = |school: &School, ordering| ArgumentOrder::new(school, &s.rules, &s.args, ordering);
    let decides = |with: &ArgumentOrder, without: &ArgumentOrder| {
        s.attacks.iter().enumerate().any(|(t, found)| {
            let target = super::argument::ArgId(t as u32);
            found.iter().any(|a| {
                a.kind != AttackKind::Undercut
                    && !a.contrary
                    && succeeds(a, target, with, &s.args) != succeeds(a, target, without, &s.args)
            })
        })
    };
    let there = order(school, other);
    let mut out = Vec::new();
    for (k, p) in school.preferences.iter().enumerate() {
        let mut without = school.clone();
        without.preferences.remove(k);
        if decides(&s.order, &order(&without, s.ordering)) {
            continue;
        }
        if !decides(&there, &order(&without, other)) {
            continue;
        }
        let (better, worse) = (
            preferable_name(theory, school, p.better),
            preferable_name(theory, school, p.worse),
        );
        out.push(
            Diagnostic::warning(
                "agon::idle-preference",
                format!(
                    "in `{}`, `prefer {better} over {worse}` decides no attack under {}; under {} it would",
                    school.name,
                    ordering_words(s.ordering),
                    ordering_words(other)
                ),
            )
            .with_label(p.span, "this preference")
            .with_help(format!(
                "a school's `ordering` (or the one it inherits) sets how preferences count; state \
                 `ordering {}` if that is how the source weighs arguments, or drop the preference",
                ordering_words(other).replace(", ", " ")
            )),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aspic::testkit::T;
    use crate::aspic::{build, Options};

    fn warnings(t: &T) -> Vec<Diagnostic> {
        let s = build(&t.theory, T::SCHOOL, &Options::default());
        idle_preferences(&t.theory, t.school(), &s)
    }

    #[test]
    fn a_preference_only_weakest_link_reads_is_idle_under_last_link() {
        let mut t = T::new();
        t.axiom("a").axiom("c");
        t.defeasible("d1", &["a"], "b");
        t.defeasible("d2", &["b"], "x");
        t.defeasible("d3", &["c"], "-x");
        t.prefer_rule("d3", "d1");
        let found = warnings(&t);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0]
            .message
            .contains("`prefer d3 over d1` decides no attack under last-link"));
        // Under weakest-link it decides, so nothing to say.
        t.ordering(Link::WeakestLink, crate::model::Comparison::Elitist);
        assert!(warnings(&t).is_empty());
        // A preference between the last inferences decides under last-link.
        let mut t = T::new();
        t.axiom("a").axiom("c");
        t.defeasible("d1", &["a"], "b");
        t.defeasible("d2", &["b"], "x");
        t.defeasible("d3", &["c"], "-x");
        t.prefer_rule("d3", "d2");
        assert!(warnings(&t).is_empty());
    }
}
