//! A school as Argdown (argdown.org), the plain-text argument mapping language theorists
//! already use: each claim a titled statement, each inference an argument in
//! premise–conclusion form (`----` strict, `--` with "defeasible" between the dashes for a
//! defeasible one), conflicts as relations (`><` contradictory, `-` an incoming attack for a
//! contrary), exceptions as undercuts (`<_`) of the argument. Preferences and the ordering
//! have no Argdown counterpart and are listed in a closing comment.

use crate::model::{ConflictKind, Literal, Preferable, RuleKind, SchoolId, Theory};
use std::collections::BTreeMap;
use std::fmt::Write;

/// The school as an Argdown document.
pub fn export(theory: &Theory, school: SchoolId) -> String {
    let s = theory.school(school);
    let title = |l: Literal| {
        let id = &theory.claim(l.claim).id;
        if l.negated {
            format!("[not-{id}]")
        } else {
            format!("[{id}]")
        }
    };
    // The front matter is YAML: the title is quoted (a colon would start a mapping).
    let quoted = one_line(&s.title)
        .replace('\\', "\\\\")
        .replace('"', "\\\"");
    let mut out = format!(
        "===\ntitle: \"{quoted}\"\n===\n\n# {}\n\n",
        one_line(&s.title)
    );
    let literals = super::literals(s);
    // Relations are written under the statement they point at.
    let mut relations: BTreeMap<Literal, Vec<String>> = BTreeMap::new();
    for &l in &literals {
        if !l.negated && literals.contains(&l.negate()) {
            relations
                .entry(l)
                .or_default()
                .push(format!("  >< {}", title(l.negate())));
        }
    }
    for c in s.conflicts.iter().filter(|c| literals.contains(&c.to)) {
        let line = match c.kind {
            ConflictKind::Contradictory => format!("  >< {}", title(c.to)),
            ConflictKind::Contrary => format!("  -> {}", title(c.to)),
        };
        relations.entry(c.from).or_default().push(line);
    }
    for &l in &literals {
        let _ = writeln!(out, "{}: {}", title(l), one_line(&theory.sentence(l)));
        for r in relations.get(&l).into_iter().flatten() {
            let _ = writeln!(out, "{r}");
        }
        out.push('\n');
    }
    for (i, r) in s.rules.iter().enumerate() {
        let name = r
            .name
            .clone()
            .unwrap_or_else(|| format!("inference-{}", i + 1));
        let ants: Vec<String> = r.antecedents.iter().map(|a| theory.show(*a)).collect();
        let _ = writeln!(
            out,
            "<{name}>: {} from {}.",
            theory.show(r.consequent),
            ants.join(", ")
        );
        for e in s.exceptions.iter().filter(|e| e.rule.0 as usize == i) {
            let _ = writeln!(out, "  <_ {}", title(e.literal));
        }
        out.push('\n');
        for (k, a) in r.antecedents.iter().enumerate() {
            let _ = writeln!(out, "({}) {}", k + 1, title(*a));
        }
        match r.kind {
            RuleKind::Strict => out.push_str("----\n"),
            RuleKind::Defeasible => out.push_str("--\ndefeasible\n--\n"),
        }
        let _ = writeln!(
            out,
            "({}) {}\n",
            r.antecedents.len() + 1,
            title(r.consequent)
        );
    }
    if !s.preferences.is_empty() {
        out.push_str("// Preferences (no Argdown counterpart):\n");
        for p in &s.preferences {
            let side = |x: Preferable| match x {
                Preferable::Rule(r) => s.rule(r).name.clone().unwrap_or_default(),
                Preferable::Premise(l) => theory.show(l),
            };
            let _ = writeln!(out, "// prefer {} over {}", side(p.better), side(p.worse));
        }
    }
    out
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
