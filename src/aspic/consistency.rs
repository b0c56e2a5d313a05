//! Consistency of a school (Caminada & Amgoud 2007; Modgil & Prakken 2013, Sect. 4):
//! - its axioms closed under its strict rules must be consistent ("axiom consistency"), else
//!   a minimal inconsistent set of axioms and strict inferences is reported, each at its
//!   line (`agon::inconsistent-axioms`);
//! - the rationality postulates of Caminada & Amgoud (2007) — closure under strict rules,
//!   direct consistency and indirect consistency of each extension's conclusions — are
//!   checked (`agon::postulate-violated`);
//! - conflicting ordinary premises, self-defeating arguments and circular support are
//!   pointed out (warnings).
//!
//! A set of literals is consistent when it holds no φ, ψ with ψ ∈ ‾φ (negation, declared
//! contradictories and contraries alike).

use super::argument::{ArgId, Top};
use super::rules::{Contrariness, Rule};
use super::Structured;
use crate::diagnostic::Diagnostic;
use crate::model::{Literal, Preferable, PremiseKind, RuleId, RuleKind, School, Theory};
use crate::source::Span;
use std::collections::{HashMap, HashSet};

/// At most this many self-defeating arguments are reported per school.
const MAX_SELF_DEFEATING: usize = 10;

/// The closure of `facts` under the strict rules among `rules`: Cl_Rs (forward chaining of
/// Horn clauses, linear in the total size of the rules).
pub fn strict_closure<'r>(
    facts: impl IntoIterator<Item = Literal>,
    rules: impl Iterator<Item = &'r Rule>,
) -> HashSet<Literal> {
    let strict: Vec<&Rule> = rules.filter(|r| r.kind == RuleKind::Strict).collect();
    let mut uses: HashMap<Literal, Vec<usize>> = HashMap::new();
    let mut missing: Vec<usize> = Vec::with_capacity(strict.len());
    let mut queue: Vec<Literal> = facts.into_iter().collect();
    for (i, r) in strict.iter().enumerate() {
        let mut ants = r.antecedents.clone();
        ants.sort();
        ants.dedup();
        missing.push(ants.len());
        if ants.is_empty() {
            queue.push(r.consequent);
        }
        for a in ants {
            uses.entry(a).or_default().push(i);
        }
    }
    let mut known: HashSet<Literal> = HashSet::new();
    while let Some(l) = queue.pop() {
        if !known.insert(l) {
            continue;
        }
        for &i in uses.get(&l).into_iter().flatten() {
            missing[i] -= 1;
            if missing[i] == 0 {
                queue.push(strict[i].consequent);
            }
        }
    }
    known
}

/// One item of an inconsistent set: an axiom or a stated strict inference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Item {
    Axiom(Literal),
    Rule(RuleId),
}

/// `agon::inconsistent-axioms` with a minimal inconsistent set, when the axioms closed under
/// the strict rules (`rules`, so with their transpositions when those are on) are
/// inconsistent. Inconsistency is monotone in the set of items, so deletion-based shrinking
/// gives a minimal set: drop each item in turn and keep it out if the rest is still
/// inconsistent — one linear closure per item, O(items × rule size) in all. A strict
/// inference stands for itself and its transpositions.
pub fn axioms(
    theory: &Theory,
    school: &School,
    rules: &[Rule],
    contrariness: &Contrariness,
) -> Option<Diagnostic> {
    let mut seen = HashSet::new();
    let mut items: Vec<Item> = school
        .premises
        .iter()
        .filter(|p| p.kind == PremiseKind::Axiom && seen.insert(p.literal))
        .map(|p| Item::Axiom(p.literal))
        .collect();
    items.extend(
        school
            .rule_ids()
            .filter(|r| school.rule(*r).kind == RuleKind::Strict)
            .map(Item::Rule),
    );
    // The conflict the items in `kept` give, using the stated strict rules only or with
    // their transpositions too.
    let conflict = |kept: &[bool], with_transpositions: bool| {
        let axioms = items.iter().zip(kept).filter_map(|(i, k)| match i {
            Item::Axiom(l) if *k => Some(*l),
            _ => None,
        });
        let allowed: HashSet<RuleId> = items
            .iter()
            .zip(kept)
            .filter_map(|(i, k)| match i {
                Item::Rule(r) if *k => Some(*r),
                _ => None,
            })
            .collect();
        let usable = rules
            .iter()
            .filter(|r| allowed.contains(&r.origin) && (with_transpositions || !r.transposed));
        contrariness.conflict_in(&strict_closure(axioms, usable))
    };
    let mut kept = vec![true; items.len()];
    conflict(&kept, true)?;
    for i in 0..items.len() {
        kept[i] = false;
        if conflict(&kept, true).is_none() {
            kept[i] = true;
        }
    }
    // Name the conflict as the stated inferences give it, where they do without contraposition.
    let (psi, phi) = conflict(&kept, false)
        .or_else(|| conflict(&kept, true))
        .expect("the kept set is inconsistent");
    let mut d = Diagnostic::error(
        "agon::inconsistent-axioms",
        format!(
            "the axioms of `{}` are inconsistent: together with its strict inferences they give both `{}` and `{}`",
            school.name,
            theory.show(psi),
            theory.show(phi)
        ),
    )
    .with_help(
        "axioms and strict inferences cannot be attacked, so a school must not be able to derive a conflict \
         from them: make one of these an ordinary premise, or one inference defeasible",
    );
    for item in items
        .iter()
        .zip(&kept)
        .filter(|(_, k)| **k)
        .map(|(i, _)| *i)
    {
        let (span, text) = match item {
            Item::Axiom(l) => (
                school
                    .premises
                    .iter()
                    .find(|p| p.literal == l && p.kind == PremiseKind::Axiom)
                    .map(|p| p.span),
                "an axiom of the inconsistent set",
            ),
            Item::Rule(r) => (
                Some(school.rule(r).span),
                "a strict inference of the inconsistent set",
            ),
        };
        if let Some(span) = span {
            d = d.with_label(span, text);
        }
    }
    Some(d)
}

/// Rationality postulates (Caminada & Amgoud 2007, Sect. 3) on the extensions of the exact
/// evaluation. Closure under strict rules holds by construction (an extension's conclusions
/// are everything its assumptions derive, strict rules included), so indirect consistency is
/// direct consistency, which fails when some extension concludes two conflicting literals;
/// the evaluation finds such an extension with one acceptance question
/// ([`crate::reasoning::Evaluation::conflict`]). Nothing is reported when the standings are
/// unknown.
pub fn postulates(
    theory: &Theory,
    school: &School,
    eval: &crate::reasoning::Evaluation,
) -> Vec<Diagnostic> {
    let Some((a, b)) = eval.conflict else {
        return Vec::new();
    };
    let which = if eval.semantics.is_unique() {
        format!("the {} extension", eval.semantics)
    } else {
        format!("a {} extension", eval.semantics)
    };
    vec![Diagnostic::warning(
        "agon::postulate-violated",
        format!(
            "{which} of `{}` violates a rationality postulate: direct consistency: it concludes both `{}` and `{}`",
            school.name,
            theory.show(a),
            theory.show(b)
        ),
    )
    .with_label(school.span, "this school")
    .with_help(
        "keep transposition on (the default), and make sure the axioms are consistent \
         (Caminada & Amgoud 2007); see `agon explain` for the arguments involved",
    )]
}

/// Conflicting premises and circular support. `supported` says which literals have an
/// argument at all (exactly): a circle of inferences is reported only when none of its claims
/// has one.
pub fn structure(
    theory: &Theory,
    school: &School,
    contrariness: &Contrariness,
    supported: &dyn Fn(Literal) -> bool,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // Premises that conflict with each other (at least one of them ordinary), unless a
    // preference between them settles a contradiction (a contrary attack succeeds whatever the
    // preferences: Modgil & Prakken 2013, Def. 3.10).
    let preferred: HashSet<(Literal, Literal)> = school
        .preferences
        .iter()
        .filter_map(|p| match (p.better, p.worse) {
            (Preferable::Premise(b), Preferable::Premise(w)) => Some((b, w)),
            _ => None,
        })
        .flat_map(|(b, w)| [(b, w), (w, b)])
        .collect();
    let settled = |a: Literal, b: Literal| {
        preferred.contains(&(a, b)) && contrariness.attacks(a, b) && contrariness.attacks(b, a)
    };
    let mut reported = HashSet::new();
    // Pairs (p, q) where p's literal attacks q's, found through q's attackers: linear in the
    // premises and their conflicts, not quadratic in the premises.
    let mut by_literal: HashMap<Literal, Vec<usize>> = HashMap::new();
    for (i, p) in school.premises.iter().enumerate() {
        by_literal.entry(p.literal).or_default().push(i);
    }
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (j, q) in school.premises.iter().enumerate() {
        for attacker in contrariness.attackers_of(q.literal) {
            for &i in by_literal.get(&attacker).into_iter().flatten() {
                pairs.push((i, j));
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    for (p, q) in pairs
        .iter()
        .map(|&(i, j)| (&school.premises[i], &school.premises[j]))
    {
        let key = (p.span.min(q.span), p.span.max(q.span));
        let ordinary = p.kind == PremiseKind::Ordinary || q.kind == PremiseKind::Ordinary;
        if ordinary
            && contrariness.attacks(p.literal, q.literal)
            && !settled(p.literal, q.literal)
            && reported.insert(key)
        {
            out.push(
                    Diagnostic::warning(
                        "agon::contradictory-premises",
                        format!("`{}` holds premises that conflict: `{}` and `{}`", school.name, theory.show(p.literal), theory.show(q.literal)),
                    )
                    .with_label(p.span, "this premise")
                    .with_label(q.span, "conflicts with this one")
                    .with_help("a school may hold conflicting ordinary premises, but then neither is accepted unless a preference settles it"),
                );
        }
    }
    // Circular support: claims concluded only through themselves, so they have no argument.
    let mut graph: petgraph::graphmap::DiGraphMap<Literal, ()> = Default::default();
    for r in school.rules.iter() {
        for a in &r.antecedents {
            graph.add_edge(*a, r.consequent, ());
        }
    }
    for scc in crate::graph::circles(&graph) {
        if scc.iter().any(|l| supported(*l)) {
            continue;
        }
        let names: Vec<String> = scc.iter().map(|l| theory.show(*l)).collect();
        let mut d = Diagnostic::warning(
            "agon::circular-support",
            format!(
                "in `{}`, {} support only each other, so none of them is ever concluded",
                school.name,
                names.join(", ")
            ),
        )
        .with_help("add a premise from which the circle can start, or drop one inference");
        for r in school.rules.iter().filter(|r| {
            scc.contains(&r.consequent) && r.antecedents.iter().any(|a| scc.contains(a))
        }) {
            d = d.with_label(r.span, "part of the circle");
        }
        out.push(d);
    }
    out
}

/// Whether some argument may defeat one of its own sub-arguments, decided on literals so that
/// no argument need be built when none can: an argument for `a` contains one for `b` only if
/// `b` reaches `a` through the rules, so self-defeat needs a literal `a` with an argument that
/// attacks a literal `b` with an argument that reaches `a`, or an exception to an inference
/// whose conclusion reaches the exception. Conservative (true) when the search would cost more
/// than a fixed budget of rule visits.
pub fn may_self_defeat(
    school: &School,
    rules: &[Rule],
    contrariness: &Contrariness,
    supported: &HashSet<Literal>,
) -> bool {
    const BUDGET: usize = 10_000_000;
    let mut next: HashMap<Literal, Vec<Literal>> = HashMap::new();
    for r in rules {
        for a in &r.antecedents {
            next.entry(*a).or_default().push(r.consequent);
        }
    }
    // (from, to): does `from` reach `to`?
    let mut pairs: Vec<(Literal, Literal)> = Vec::new();
    for &b in supported {
        for a in contrariness.attackers_of(b) {
            if supported.contains(&a) {
                pairs.push((b, a));
            }
        }
    }
    for e in &school.exceptions {
        if supported.contains(&e.literal) {
            pairs.push((school.rule(e.rule).consequent, e.literal));
        }
    }
    let mut sources: Vec<Literal> = pairs.iter().map(|p| p.0).collect();
    sources.sort();
    sources.dedup();
    if sources.len().saturating_mul(rules.len().max(1)) > BUDGET {
        return !pairs.is_empty();
    }
    let mut reach: HashMap<Literal, HashSet<Literal>> = HashMap::new();
    for &from in &sources {
        let mut seen = HashSet::from([from]);
        let mut stack = vec![from];
        while let Some(l) = stack.pop() {
            for &n in next.get(&l).into_iter().flatten() {
                if seen.insert(n) {
                    stack.push(n);
                }
            }
        }
        reach.insert(from, seen);
    }
    pairs.iter().any(|(from, to)| reach[from].contains(to))
}

/// Self-defeating arguments among those built in `s`: an argument that defeats one of its own
/// sub-arguments (so defeats itself, and is in no conflict-free set). One report per pair of
/// claims.
pub fn self_defeating(theory: &Theory, s: &Structured) -> Vec<Diagnostic> {
    let school = theory.school(s.school);
    let mut out = Vec::new();
    let mut reported = HashSet::new();
    for target in s.args.ids() {
        for by in s.direct_defeaters(target) {
            if reported.len() >= MAX_SELF_DEFEATING || !contains_sub(s, by, target) {
                continue;
            }
            let (by_c, on_c) = (s.args.get(by).conclusion, s.args.get(target).conclusion);
            if !reported.insert((by_c, on_c)) {
                continue;
            }
            let mut d = Diagnostic::warning(
                "agon::self-defeating",
                format!(
                    "in `{}`, the argument for `{}` defeats itself (it attacks its own step to `{}`)",
                    school.name,
                    theory.show(by_c),
                    theory.show(on_c)
                ),
            )
            .with_label(span_of(school, s, by), "this argument's last step");
            if target != by {
                d = d.with_label(
                    span_of(school, s, target),
                    "the step of the same argument it attacks",
                );
            }
            out.push(d.with_help(
                "an argument that defeats one of its own steps is in no extension; check these \
                 inferences and the conflicts between their claims",
            ));
        }
    }
    out
}

/// Whether `sub` is a sub-argument of `arg` (including `arg` itself). Sub-arguments have
/// smaller ids than the arguments built on them, so branches below `sub`'s id are skipped.
fn contains_sub(s: &Structured, arg: ArgId, sub: ArgId) -> bool {
    let mut stack = vec![arg];
    let mut seen = HashSet::new();
    while let Some(a) = stack.pop() {
        if a == sub {
            return true;
        }
        if a > sub && seen.insert(a) {
            stack.extend(s.args.get(a).subs.iter().copied());
        }
    }
    false
}

/// Where an argument's last step was stated.
pub fn span_of(school: &School, s: &Structured, arg: ArgId) -> Span {
    let a = s.args.get(arg);
    match a.top {
        Top::Rule(r) => school.rule(s.rules[r as usize].origin).span,
        Top::Premise(_) => school
            .premises
            .iter()
            .find(|p| p.literal == a.conclusion)
            .map_or(school.span, |p| p.span),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aspic::testkit::T;
    use crate::aspic::{build, Options};

    /// The screen says "maybe" exactly when built arguments find self-defeat, on small cases
    /// of each kind, and "no" on conflicts between unrelated branches.
    fn screen_and_search(t: &T) -> (bool, bool) {
        let s = build(&t.theory, T::SCHOOL, &Options::default());
        let supported: HashSet<Literal> = s.args.ids().map(|a| s.args.get(a).conclusion).collect();
        let screen = may_self_defeat(t.school(), &s.rules, &s.contrariness, &supported);
        (screen, !self_defeating(&t.theory, &s).is_empty())
    }

    #[test]
    fn self_defeat_is_screened_on_literals() {
        // b from a, and b contrary to a: the argument for b undermines its own premise.
        let mut t = T::new();
        t.premise("a");
        t.defeasible("d", &["a"], "b");
        t.contrary("b", "a");
        assert_eq!(screen_and_search(&t), (true, true));
        // An exception to d that d's own conclusion leads to.
        let mut t = T::new();
        t.premise("a");
        t.defeasible("d", &["a"], "b");
        t.defeasible("e", &["b"], "c");
        t.except("d", "c");
        assert_eq!(screen_and_search(&t), (true, true));
        // Two branches in conflict, neither inside the other: no argument defeats itself, and
        // none need be built to know it.
        let mut t = T::new();
        t.premise("a");
        t.defeasible("d1", &["a"], "x");
        t.defeasible("d2", &["a"], "-x");
        assert_eq!(screen_and_search(&t), (false, false));
    }

    /// On generated theories: whenever the screen says "no", building the arguments finds no
    /// self-defeating one either (the screen may say "maybe" more often than there is).
    #[test]
    fn the_screen_never_hides_self_defeat() {
        let mut rng = crate::synth::Rng::new(7);
        let (mut screened_out, mut found) = (0, 0);
        for _ in 0..400 {
            let text = crate::fuzzing::generate::theory(&mut rng);
            let ws = crate::workspace::Workspace::from_text("g.agon", &text);
            if ws.has_errors() {
                continue;
            }
            for (i, school) in ws.theory.schools.iter().enumerate() {
                let id = crate::model::SchoolId(i as u32);
                let s = build(&ws.theory, id, &Options::default());
                let supported: HashSet<Literal> =
                    s.args.ids().map(|a| s.args.get(a).conclusion).collect();
                let defeats_itself = !self_defeating(&ws.theory, &s).is_empty();
                found += usize::from(defeats_itself);
                if !may_self_defeat(school, &s.rules, &s.contrariness, &supported) {
                    screened_out += 1;
                    assert!(!defeats_itself, "screened out, but self-defeating:\n{text}");
                }
            }
        }
        // The check has teeth: both outcomes occur.
        assert!(screened_out > 0 && found > 0, "{screened_out} {found}");
    }
}
