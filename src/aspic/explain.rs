//! Explanations in words a theorist reads: why a school holds a claim as it does — its
//! arguments as indented trees with citations, what defeats them, and what defends them.

use super::argument::{ArgId, Top};
use super::defeat::AttackKind;
use super::{Evaluation, Structured};
use crate::diverge::Standing;
use crate::dung::Label;
use crate::model::Literal;
use crate::model::{Citation, PremiseKind, RuleKind, Theory};
use std::fmt::Write;

const MAX_ARGUMENTS: usize = 4;
const MAX_DEPTH: usize = 8;
const MAX_DEFEATERS: usize = 5;

fn cites(c: &[Citation]) -> String {
    if c.is_empty() {
        String::new()
    } else {
        let parts: Vec<String> = c.iter().map(ToString::to_string).collect();
        format!("  [{}]", parts.join("; "))
    }
}

fn label_word(l: Label) -> &'static str {
    match l {
        Label::In => "in",
        Label::Out => "out",
        Label::Undec => "undecided",
    }
}

/// A plain-text explanation of the school's standing on a literal.
pub fn render_text(theory: &Theory, s: &Structured, eval: &Evaluation, lit: Literal) -> String {
    let school = theory.school(s.school);
    let standings = s.standings(eval);
    let mut standing = standings
        .get(&lit)
        .copied()
        .unwrap_or(Standing::NotAddressed);
    // Seen from the claim: a school with no argument for X that accepts `not X` rejects X.
    if standing == Standing::NotAddressed
        && standings.get(&lit.negate()) == Some(&Standing::Accepted)
    {
        standing = Standing::Rejected;
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "`{}` in `{}` under {} semantics: {}",
        theory.show(lit),
        school.name,
        eval.semantics,
        standing.word()
    );
    let _ = writeln!(out, "  \"{}\"", theory.sentence(lit));
    if eval.labellings.len() > 1 {
        let _ = writeln!(
            out,
            "  ({} extensions; labels below are those of the first)",
            eval.labellings.len()
        );
    }
    if eval.labellings.is_empty() {
        let _ = writeln!(
            out,
            "  (no {} extension exists, so nothing is accepted)",
            eval.semantics
        );
    }
    let labels = eval.labellings.first();
    let label = |a: ArgId| labels.map_or(Label::Undec, |l| l[a.0 as usize]);
    let ids = s.args.for_literal(lit);
    if ids.is_empty() {
        let _ = writeln!(
            out,
            "  `{}` has no argument for it in this school.",
            theory.show(lit)
        );
        let neg = lit.negate();
        if !s.args.for_literal(neg).is_empty() {
            let _ = writeln!(out, "  It has arguments for `{}`:", theory.show(neg));
            return out
                + &render_text(theory, s, eval, neg)
                    .lines()
                    .skip(1)
                    .map(|l| format!("  {l}\n"))
                    .collect::<String>();
        }
        return out;
    }
    for (k, &a) in ids.iter().take(MAX_ARGUMENTS).enumerate() {
        let _ = writeln!(out, "\n  Argument {} ({}):", k + 1, label_word(label(a)));
        tree(&mut out, theory, s, a, 2, &label);
        // What defeats it (on any of its steps), and what defends against that.
        let mut defeats = Vec::new();
        collect_defeats(s, a, &mut defeats, &mut std::collections::HashSet::new());
        if defeats.is_empty() {
            let _ = writeln!(out, "    Nothing defeats it.");
        }
        for (on, by, kind) in defeats.into_iter().take(MAX_DEFEATERS) {
            let how = match kind {
                AttackKind::Rebut => "rebuts",
                AttackKind::Undermine => "undermines",
                AttackKind::Undercut => "undercuts (an exception to)",
            };
            let _ = writeln!(
                out,
                "    Defeated where an argument for `{}` ({}) {} its step to `{}`.",
                theory.show(s.args.get(by).conclusion),
                label_word(label(by)),
                how,
                theory.show(s.args.get(on).conclusion)
            );
            if label(by) == Label::Out {
                let defenders: Vec<ArgId> = all_defeaters(s, by)
                    .into_iter()
                    .filter(|d| label(*d) == Label::In)
                    .collect();
                if let Some(d) = defenders.first() {
                    let _ = writeln!(
                        out,
                        "      That attacker is itself defeated by the argument for `{}` (in), which defends it.",
                        theory.show(s.args.get(*d).conclusion)
                    );
                }
            }
        }
    }
    if ids.len() > MAX_ARGUMENTS {
        let _ = writeln!(
            out,
            "\n  ... and {} more arguments.",
            ids.len() - MAX_ARGUMENTS
        );
    }
    out
}

fn tree(
    out: &mut String,
    theory: &Theory,
    s: &Structured,
    a: ArgId,
    depth: usize,
    label: &dyn Fn(ArgId) -> Label,
) {
    let school = theory.school(s.school);
    let arg = s.args.get(a);
    let pad = "  ".repeat(depth);
    let head = theory.show(arg.conclusion);
    if depth > MAX_DEPTH {
        let _ = writeln!(out, "{pad}{head} ...");
        return;
    }
    match arg.top {
        Top::Premise(kind) => {
            let p = school.premises.iter().find(|p| p.literal == arg.conclusion);
            let word = if kind == PremiseKind::Axiom {
                "axiom"
            } else {
                "premise"
            };
            let _ = writeln!(
                out,
                "{pad}{head} — {word} [{}]{}",
                label_word(label(a)),
                p.map(|p| cites(&p.cite)).unwrap_or_default()
            );
        }
        Top::Rule(r) => {
            let rule = &s.rules[r as usize];
            let stated = school.rule(rule.origin);
            let how = match (rule.kind, rule.transposed) {
                (RuleKind::Strict, false) => "follows strictly".to_string(),
                (RuleKind::Strict, true) => "follows strictly (by contraposition)".to_string(),
                (RuleKind::Defeasible, _) => "usually follows".to_string(),
            };
            let name = stated
                .name
                .as_deref()
                .map(|n| format!(" by `{n}`"))
                .unwrap_or_default();
            let from: Vec<String> = rule.antecedents.iter().map(|l| theory.show(*l)).collect();
            let _ = writeln!(
                out,
                "{pad}{head} — {how}{name} from {} [{}]{}",
                from.join(", "),
                label_word(label(a)),
                cites(&stated.cite)
            );
            for sub in &arg.subs {
                tree(out, theory, s, *sub, depth + 1, label);
            }
        }
    }
}

/// Direct defeats on every step of the argument: (the step, the defeater, how).
fn collect_defeats(
    s: &Structured,
    a: ArgId,
    out: &mut Vec<(ArgId, ArgId, AttackKind)>,
    seen: &mut std::collections::HashSet<ArgId>,
) {
    if !seen.insert(a) {
        return;
    }
    for attack in &s.attacks[a.0 as usize] {
        if attack.defeats {
            out.push((a, attack.by, attack.kind));
        }
    }
    for sub in &s.args.get(a).subs {
        collect_defeats(s, *sub, out, seen);
    }
}

fn all_defeaters(s: &Structured, a: ArgId) -> Vec<ArgId> {
    let mut found = Vec::new();
    collect_defeats(s, a, &mut found, &mut std::collections::HashSet::new());
    found.into_iter().map(|(_, by, _)| by).collect()
}
