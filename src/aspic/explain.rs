//! Explanations in words a theorist reads: why a school holds a claim as it does — its
//! arguments as trees (each step: the claim, the premise or inference used with its
//! citations, and its label), what defeats them, and for each defeater that is out, the
//! argument that defends against it; for every attack, what decides it (the preference, link
//! and set comparison, in [`super::decides`]), attacks that fail as well as those that
//! succeed; and exceptions to its inferences that do not fire. [`explain`] builds the
//! structure (serialisable, for JSON output); [`render`] writes it as an indented tree.
//!
//! Standings come from the exact evaluation ([`crate::reasoning`]); the arguments shown are
//! built on demand, a bounded number, and labelled by one extension of the semantics (the
//! only one for grounded and ideal). Arguments are finite trees, but the rendering is still
//! bounded: at most a few arguments per claim, a few defeaters per argument, and a fixed
//! depth.

use super::argument::{ArgId, Top};
use super::attack::Attack;
use super::decides;
use super::defeat::AttackKind;
use super::Structured;
use crate::diverge::Standing;
use crate::dung::{Label, Semantics};
use crate::model::{Citation, Literal, PremiseKind, RuleKind, Theory};
use serde::Serialize;
use std::collections::HashSet;
use std::fmt::Write;

/// Arguments shown per claim.
const MAX_ARGUMENTS: usize = 4;
/// Levels of an argument tree shown in full; deeper steps are elided.
const MAX_LEVELS: usize = 7;
/// Defeats shown per argument.
const MAX_DEFEATERS: usize = 5;

/// Why a school holds a literal as it does.
#[derive(Clone, Debug, Serialize)]
pub struct Explanation {
    /// The literal as written (`x` or `not x`).
    pub literal: String,
    pub sentence: String,
    pub school: String,
    pub semantics: Semantics,
    pub standing: Standing,
    /// Why the standing is unknown, when it is.
    pub unknown: Option<String>,
    /// Which extension the labels are those of (`None`: there is no extension).
    pub labels_from: Option<String>,
    pub arguments: Vec<ArgumentExplanation>,
    /// Arguments for the literal not shown.
    pub more_arguments: usize,
    /// When the literal has no argument but its negation has: why the negation stands.
    pub negation: Option<Box<Explanation>>,
    /// The inferences to the literal the school denies, in words (`` `self-help` does not
    /// follow from `anarchy` ``).
    pub denied: Vec<String>,
    /// The literal has arguments, but agon stopped building the school's arguments (at its
    /// display limit) before it reached one: the standing is still exact.
    pub unbuilt: bool,
    /// The arguments shown are the first found, not all there are (the school has too many
    /// to build them all): the literal may have others.
    pub sampled: bool,
}

/// One argument for the literal, and what defeats it.
#[derive(Clone, Debug, Serialize)]
pub struct ArgumentExplanation {
    pub tree: Node,
    /// Defeats on any step of the argument (at most a few), each once.
    pub defeats: Vec<DefeatExplanation>,
    /// Defeats not shown.
    pub more_defeats: usize,
    /// Attacks on its steps that fail, and why (at most a few).
    pub failed_attacks: Vec<DefeatExplanation>,
    /// Exceptions to its inferences that nothing argues for: they would undercut if they held.
    pub quiet_exceptions: Vec<QuietException>,
}

/// `claim` would undercut `inference` if it held.
#[derive(Clone, Debug, Serialize)]
pub struct QuietException {
    pub claim: String,
    pub inference: String,
}

/// One step of an argument: a claim and how it is reached.
#[derive(Clone, Debug, Serialize)]
pub struct Node {
    pub argument: ArgId,
    /// The claim as written.
    pub claim: String,
    pub sentence: String,
    pub label: Label,
    pub step: Step,
    /// Citations of the premise or inference.
    pub cite: Vec<Citation>,
    /// The steps it follows from (one per antecedent).
    pub from: Vec<Node>,
    /// Its sub-steps are below the depth shown.
    pub elided: bool,
}

/// How a step is reached.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Step {
    Axiom,
    Premise,
    Inference {
        /// The inference's name, if it has one.
        name: Option<String>,
        strict: bool,
        /// A strict inference used by contraposition (transposition).
        transposed: bool,
        /// The antecedents, as written.
        antecedents: Vec<String>,
    },
}

/// One defeat on a step of an argument, and what defends against it.
#[derive(Clone, Debug, Serialize)]
pub struct DefeatExplanation {
    /// The claim of the step defeated.
    pub on: String,
    pub by: ArgId,
    /// The defeater's claim.
    pub by_claim: String,
    /// The defeater's last step ("premise", "by `positional` from relative-gains").
    pub by_step: String,
    pub by_label: Label,
    pub kind: AttackKind,
    /// A contrary-based attack (succeeds whatever the preferences).
    pub contrary: bool,
    /// When the defeater is out: the claim of an argument that is in and defeats it.
    pub defended_by: Option<String>,
    /// What decides the attack: why it succeeds or fails.
    pub decided_by: String,
}

/// What an explanation is told by the evaluation: standings, and labels for the arguments.
pub struct View<'v> {
    pub semantics: Semantics,
    pub standing: &'v dyn Fn(Literal) -> Standing,
    /// Each built argument's label in one extension, if there is one.
    pub labels: Option<Vec<Label>>,
    pub unknown: Option<String>,
}

/// The explanation of the school's standing on a literal.
pub fn explain(theory: &Theory, s: &Structured, view: &View, lit: Literal) -> Explanation {
    let labels = view.labels.as_ref();
    let label = |a: ArgId| labels.map_or(Label::Undec, |l| l[a.0 as usize]);
    let ids = s.args.for_literal(lit);
    let negation = if ids.is_empty() && !s.args.for_literal(lit.negate()).is_empty() {
        Some(Box::new(explain(theory, s, view, lit.negate())))
    } else {
        None
    };
    let defenders = std::cell::OnceCell::new();
    let arguments = ids
        .iter()
        .take(MAX_ARGUMENTS)
        .map(|&a| {
            let found = collect_attacks(s, a);
            let describe = |(on, attack): &(ArgId, Attack)| DefeatExplanation {
                on: theory.show(s.args.get(*on).conclusion),
                by: attack.by,
                by_claim: theory.show(s.args.get(attack.by).conclusion),
                by_step: decides::step_name(theory, s, attack.by),
                by_label: label(attack.by),
                kind: attack.kind,
                contrary: attack.contrary,
                defended_by: (attack.defeats && label(attack.by) == Label::Out)
                    .then(|| {
                        defenders.get_or_init(|| defenders_of(s, &label))[attack.by.0 as usize]
                    })
                    .flatten()
                    .map(|d| theory.show(s.args.get(d).conclusion)),
                decided_by: decides::reason(theory, s, attack, *on),
            };
            let (won, lost): (Vec<_>, Vec<_>) = found.iter().partition(|(_, x)| x.defeats);
            let defeats = distinct(won.into_iter().map(describe));
            let failed = distinct(lost.into_iter().map(describe));
            let argued = |l: Literal| !s.args.for_literal(l).is_empty();
            ArgumentExplanation {
                tree: node(theory, s, a, 0, &label),
                more_defeats: defeats.len().saturating_sub(MAX_DEFEATERS),
                defeats: defeats.into_iter().take(MAX_DEFEATERS).collect(),
                failed_attacks: failed.into_iter().take(MAX_DEFEATERS).collect(),
                quiet_exceptions: decides::quiet_exceptions(theory, s, a, &argued)
                    .into_iter()
                    .map(|(claim, inference)| QuietException { claim, inference })
                    .collect(),
            }
        })
        .collect();
    Explanation {
        literal: theory.show(lit),
        sentence: theory.sentence(lit),
        school: theory.school(s.school).name.clone(),
        semantics: view.semantics,
        standing: (view.standing)(lit),
        unknown: view.unknown.clone(),
        labels_from: labels.map(|_| {
            if view.semantics.is_unique() {
                format!("the {} extension", view.semantics)
            } else {
                format!("one {} extension", view.semantics)
            }
        }),
        arguments,
        more_arguments: ids.len().saturating_sub(MAX_ARGUMENTS),
        sampled: !ids.is_empty() && s.args.truncated,
        unbuilt: ids.is_empty()
            && s.args.truncated
            && !matches!((view.standing)(lit), Standing::NotAddressed),
        negation,
        denied: denied(theory, s.school, lit),
    }
}

/// The school's denials of inferences to `lit`, in words.
fn denied(theory: &Theory, school: crate::model::SchoolId, lit: Literal) -> Vec<String> {
    let Some(school) = theory.schools.get(school.0 as usize) else {
        return Vec::new();
    };
    (school.denials.iter())
        .filter(|x| x.consequent == lit)
        .map(|x| {
            let from: Vec<String> = x.antecedents.iter().map(|a| theory.show(*a)).collect();
            format!(
                "`{}` does not follow from `{}`",
                theory.show(lit),
                from.join(", ")
            )
        })
        .collect()
}

fn node(
    theory: &Theory,
    s: &Structured,
    a: ArgId,
    level: usize,
    label: &dyn Fn(ArgId) -> Label,
) -> Node {
    let school = theory.school(s.school);
    let arg = s.args.get(a);
    let (step, cite, subs) = match arg.top {
        Top::Premise(kind) => {
            let p = school
                .premises
                .iter()
                .find(|p| p.literal == arg.conclusion && p.kind == kind)
                .or_else(|| school.premises.iter().find(|p| p.literal == arg.conclusion));
            let step = match kind {
                PremiseKind::Axiom => Step::Axiom,
                PremiseKind::Ordinary => Step::Premise,
            };
            (step, p.map(|p| p.cite.clone()).unwrap_or_default(), &[][..])
        }
        Top::Rule(r) => {
            let rule = &s.rules[r as usize];
            let stated = school.rule(rule.origin);
            let step = Step::Inference {
                name: stated.name.clone(),
                strict: rule.kind == RuleKind::Strict,
                transposed: rule.transposed,
                antecedents: rule.antecedents.iter().map(|l| theory.show(*l)).collect(),
            };
            (step, stated.cite.clone(), &arg.subs[..])
        }
    };
    let elided = level >= MAX_LEVELS;
    Node {
        argument: a,
        claim: theory.show(arg.conclusion),
        sentence: theory.sentence(arg.conclusion),
        label: label(a),
        step,
        cite,
        from: if elided {
            Vec::new()
        } else {
            subs.iter()
                .map(|sub| node(theory, s, *sub, level + 1, label))
                .collect()
        },
        elided,
    }
}

/// Direct attacks on every step of the argument, preorder: (the step, the attack). Each
/// shared sub-argument once.
fn collect_attacks(s: &Structured, a: ArgId) -> Vec<(ArgId, Attack)> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let mut stack = vec![a];
    while let Some(x) = stack.pop() {
        if !seen.insert(x) {
            continue;
        }
        out.extend(s.attacks[x.0 as usize].iter().map(|attack| (x, *attack)));
        stack.extend(s.args.get(x).subs.iter().rev());
    }
    out
}

/// For every argument, the first argument labelled in (its steps in preorder) that defeats
/// one of its steps: what defends against it, if it is out. One pass, bottom-up
/// (sub-arguments have smaller ids), so it costs the arguments and attacks once, however
/// many defeaters an explanation lists.
fn defenders_of(s: &Structured, label: &dyn Fn(ArgId) -> Label) -> Vec<Option<ArgId>> {
    let mut out: Vec<Option<ArgId>> = Vec::with_capacity(s.args.all.len());
    for a in s.args.ids() {
        let own = s.attacks[a.0 as usize]
            .iter()
            .filter(|d| d.defeats && label(d.by) == Label::In)
            .map(|d| d.by)
            .next();
        let first = own.or_else(|| s.args.get(a).subs.iter().find_map(|x| out[x.0 as usize]));
        out.push(first);
    }
    out
}

/// Attacks as a reader tells them apart (the step, the attacker's claim and last step, how,
/// and what decides it), each once: two attacking arguments that read alike are one line.
fn distinct(all: impl Iterator<Item = DefeatExplanation>) -> Vec<DefeatExplanation> {
    let mut seen = HashSet::new();
    all.filter(|d| {
        seen.insert((
            d.on.clone(),
            d.by_claim.clone(),
            d.by_step.clone(),
            d.by_label,
            d.kind,
            d.decided_by.clone(),
        ))
    })
    .collect()
}

/// An explanation as an indented tree, in words.
pub fn render(e: &Explanation) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "`{}` in `{}` under {} semantics: {}",
        e.literal,
        e.school,
        e.semantics,
        e.standing.word()
    );
    let _ = writeln!(out, "  \"{}\"", e.sentence);
    if let Some(why) = &e.unknown {
        let _ = writeln!(out, "  (unknown: {why})");
    }
    match &e.labels_from {
        Some(from) if !e.semantics.is_unique() => {
            let _ = writeln!(out, "  (labels below are those of {from})");
        }
        Some(_) => {}
        None => {
            let _ = writeln!(
                out,
                "  (no {} extension exists, so nothing is accepted)",
                e.semantics
            );
        }
    }
    for d in &e.denied {
        let _ = writeln!(out, "  The school holds that {d}.");
    }
    if e.arguments.is_empty() && e.unbuilt {
        let _ = writeln!(
            out,
            "  `{}` has arguments in this school, but agon stopped building them for display \
             before it reached one (the standing above is decided without them).",
            e.literal
        );
        return out;
    }
    if e.arguments.is_empty() {
        let _ = writeln!(
            out,
            "  `{}` has no argument for it in this school.",
            e.literal
        );
        if let Some(neg) = &e.negation {
            let _ = writeln!(out, "  It has arguments for `{}`:", neg.literal);
            for line in render(neg).lines().skip(1) {
                let _ = writeln!(out, "  {line}");
            }
        }
        return out;
    }
    for (k, a) in e.arguments.iter().enumerate() {
        let _ = writeln!(
            out,
            "\n  Argument {} ({}):",
            k + 1,
            label_word(a.tree.label)
        );
        tree(&mut out, &a.tree, 2);
        if a.defeats.is_empty() {
            let _ = writeln!(out, "    Nothing defeats it.");
        }
        for d in &a.defeats {
            let _ = writeln!(out, "    Defeated where {}: {}.", attack(d), d.decided_by);
            if let Some(defender) = &d.defended_by {
                let _ = writeln!(
                    out,
                    "      That attacker is itself defeated by the argument for `{defender}` (in), which defends it."
                );
            }
        }
        for d in &a.failed_attacks {
            let _ = writeln!(
                out,
                "    Attacked where {}, but {}.",
                attack(d),
                d.decided_by
            );
        }
        for q in &a.quiet_exceptions {
            let _ = writeln!(
                out,
                "    `{}` would undercut {} if it held; nothing argues for it.",
                q.claim, q.inference
            );
        }
        if a.more_defeats > 0 {
            let _ = writeln!(out, "    ... and {} more defeats.", a.more_defeats);
        }
    }
    if e.more_arguments > 0 {
        let _ = writeln!(out, "\n  ... and {} more arguments.", e.more_arguments);
    }
    if e.sampled {
        let _ = writeln!(
            out,
            "\n  (The school has too many arguments to build them all: these are the first agon \
             found, and there may be others. The standing above is decided without them.)"
        );
    }
    out
}

fn tree(out: &mut String, n: &Node, depth: usize) {
    let pad = "  ".repeat(depth);
    if n.elided {
        let _ = writeln!(out, "{pad}{} ...", n.claim);
        return;
    }
    let label = label_word(n.label);
    let cites = cites(&n.cite);
    match &n.step {
        Step::Axiom => {
            let _ = writeln!(out, "{pad}{} — axiom [{label}]{cites}", n.claim);
        }
        Step::Premise => {
            let _ = writeln!(out, "{pad}{} — premise [{label}]{cites}", n.claim);
        }
        Step::Inference {
            name,
            strict,
            transposed,
            antecedents,
        } => {
            let how = match (strict, transposed) {
                (true, false) => "follows strictly",
                (true, true) => "follows strictly (by contraposition)",
                (false, _) => "usually follows",
            };
            let name = name
                .as_deref()
                .map(|n| format!(" by `{n}`"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "{pad}{} — {how}{name} from {} [{label}]{cites}",
                n.claim,
                antecedents.join(", ")
            );
        }
    }
    for sub in &n.from {
        tree(out, sub, depth + 1);
    }
}

fn cites(c: &[Citation]) -> String {
    if c.is_empty() {
        String::new()
    } else {
        let parts: Vec<String> = c.iter().map(ToString::to_string).collect();
        format!("  [{}]", parts.join("; "))
    }
}

/// "an argument for `x` (premise; in) undermines its step to `y`".
fn attack(d: &DefeatExplanation) -> String {
    format!(
        "an argument for `{}` ({}; {}) {} its step to `{}`",
        d.by_claim,
        d.by_step,
        label_word(d.by_label),
        how(d.kind),
        d.on
    )
}

fn how(kind: AttackKind) -> &'static str {
    match kind {
        AttackKind::Rebut => "rebuts",
        AttackKind::Undermine => "undermines",
        AttackKind::Undercut => "undercuts (an exception to)",
    }
}

fn label_word(l: Label) -> &'static str {
    match l {
        Label::In => "in",
        Label::Out => "out",
        Label::Undec => "undecided",
    }
}
