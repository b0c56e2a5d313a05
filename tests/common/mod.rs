//! Shared by the differential and property tests: small random theories in the theory
//! language, within what the py_arg reference accepts (no literal both axiom and premise, no
//! two defeasible inferences with the same content, acyclic preferences).

#![allow(dead_code)]

use agon::synth::Rng;
use std::fmt::Write;

/// Options for [`random_theory`].
pub struct Shape {
    pub claims: usize,
    pub rules: usize,
    pub with_preferences: bool,
    pub with_contraries: bool,
    pub with_undercutters: bool,
    /// Preferences between any earlier and later rule or premise (still acyclic), not only
    /// neighbours, so that what lies below an element is not a chain.
    pub dense_preferences: bool,
}

impl Default for Shape {
    fn default() -> Self {
        Shape {
            claims: 5,
            rules: 5,
            with_preferences: true,
            with_contraries: true,
            with_undercutters: true,
            dense_preferences: false,
        }
    }
}

/// A random theory with one school `s`, as theory-file text.
pub fn random_theory(rng: &mut Rng, shape: &Shape) -> String {
    let n = shape.claims.max(2);
    let lit = |rng: &mut Rng| literal(rng, n, 30);
    let mut out = String::new();
    for i in 0..n {
        let _ = writeln!(out, "claim c{i} \"Claim {i}.\".");
    }
    if shape.with_contraries && rng.chance(40) {
        let (a, b) = (rng.below(n), rng.below(n));
        if a != b {
            let verb = if rng.chance(50) {
                "is contrary to"
            } else {
                "contradicts"
            };
            let _ = writeln!(out, "c{a} {verb} c{b}.");
        }
    }
    out.push_str("school s \"S\" {\n");
    let mut used = std::collections::BTreeSet::new();
    let mut ordinary = Vec::new();
    for _ in 0..1 + rng.below(3) {
        let l = lit(rng);
        if used.insert(l.clone()) {
            let kind = if rng.chance(35) { "axiom" } else { "premise" };
            if kind == "premise" {
                ordinary.push(l.clone());
            }
            let _ = writeln!(out, "    {kind} {l}.");
        }
    }
    let mut defeasible = Vec::new();
    let mut seen_rules = std::collections::BTreeSet::new();
    for r in 0..shape.rules {
        let mut ants: Vec<String> = (0..1 + rng.below(2)).map(|_| lit(rng)).collect();
        ants.sort();
        ants.dedup();
        let cons = lit(rng);
        if ants.contains(&cons) || !seen_rules.insert((ants.clone(), cons.clone())) {
            continue;
        }
        if rng.chance(35) {
            let _ = writeln!(out, "    {cons} follows from {}.", ants.join(", "));
        } else {
            let name = format!("d{r}");
            let _ = writeln!(
                out,
                "    {name}: {cons} usually follows from {}.",
                ants.join(", ")
            );
            defeasible.push(name);
        }
    }
    if shape.with_undercutters && !defeasible.is_empty() && rng.chance(40) {
        let d = &defeasible[rng.below(defeasible.len())];
        let _ = writeln!(out, "    {d} does not apply when {}.", lit(rng));
    }
    if shape.with_preferences {
        // Preferences only from earlier to later items keep them acyclic.
        for items in [&defeasible, &ordinary] {
            for i in 0..items.len() {
                for j in i + 1..items.len() {
                    let chance = if shape.dense_preferences { 35 } else { 40 };
                    if (j == i + 1 || shape.dense_preferences) && rng.chance(chance) {
                        let _ = writeln!(out, "    prefer {} over {}.", items[i], items[j]);
                    }
                }
            }
        }
        match rng.below(4) {
            0 => out.push_str("    ordering weakest-link.\n"),
            1 => out.push_str("    ordering last-link democratic.\n"),
            2 => out.push_str("    ordering weakest-link democratic.\n"),
            _ => {}
        }
    }
    out.push_str("}\n");
    out
}

/// Runs the `agon` binary (formats as in a pipe, outside CI): exit code, stdout, stderr.
pub fn run_agon(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_agon"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("AGON_FORMAT")
        .env_remove("GITHUB_ACTIONS")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A theory whose premises attack each other in random cycles (odd ones leave no stable
/// extension, even ones give several complete ones), with inferences over them; with
/// `preferences`, also random acyclic `prefer` statements between its defeasible inferences
/// and between its premises, under weakest-link (elitist or democratic).
pub fn attacking_theory(rng: &mut Rng, claims: usize, rules: usize, preferences: bool) -> String {
    let mut out = String::new();
    let (mut premises, mut defeasible) = (Vec::new(), Vec::new());
    for i in 0..claims {
        let _ = writeln!(out, "claim c{i} \"Claim {i}.\".");
    }
    for _ in 0..2 + rng.below(4) {
        let (a, b) = (rng.below(claims), rng.below(claims));
        // A claim may be contrary to itself (it attacks itself), not contradict itself.
        let verb = if a == b || rng.chance(70) {
            "is contrary to"
        } else {
            "contradicts"
        };
        let _ = writeln!(out, "c{a} {verb} c{b}.");
    }
    out.push_str("school s \"S\" {\n");
    for i in 0..claims {
        if rng.chance(60) {
            let _ = writeln!(out, "    premise c{i}.");
            premises.push(format!("c{i}"));
        }
    }
    let lit = |rng: &mut Rng| literal(rng, claims, 20);
    for r in 0..rules {
        let mut ants: Vec<String> = (0..1 + rng.below(2)).map(|_| lit(rng)).collect();
        ants.sort();
        ants.dedup();
        let cons = lit(rng);
        if ants.contains(&cons) {
            continue;
        }
        if rng.chance(30) {
            let _ = writeln!(out, "    {cons} follows from {}.", ants.join(", "));
        } else {
            let _ = writeln!(
                out,
                "    d{r}: {cons} usually follows from {}.",
                ants.join(", ")
            );
            defeasible.push(format!("d{r}"));
        }
    }
    if preferences {
        let _ = writeln!(
            out,
            "    ordering weakest-link{}.",
            if rng.chance(50) { " democratic" } else { "" }
        );
        // Only from earlier to later items, so they are acyclic.
        for items in [&defeasible, &premises] {
            for i in 0..items.len() {
                for j in i + 1..items.len() {
                    if rng.chance(40) {
                        let _ = writeln!(out, "    prefer {} over {}.", items[i], items[j]);
                    }
                }
            }
        }
    }
    out.push_str("}\n");
    out
}

/// Whether some literal depends on itself through the rules, so that an argument can repeat
/// a conclusion on a branch.
pub fn cyclic(rules: &[agon::aspic::rules::Rule]) -> bool {
    use std::collections::{HashMap, HashSet};
    let mut next: HashMap<_, Vec<_>> = HashMap::new();
    for r in rules {
        for a in &r.antecedents {
            next.entry(*a).or_default().push(r.consequent);
        }
    }
    next.keys().any(|&start| {
        let (mut stack, mut seen) = (next[&start].clone(), HashSet::new());
        while let Some(x) = stack.pop() {
            if x == start {
                return true;
            }
            if seen.insert(x) {
                stack.extend(next.get(&x).into_iter().flatten().copied());
            }
        }
        false
    })
}

/// One of the claims `c0`..`c{n-1}`, negated with the given chance (percent).
fn literal(rng: &mut Rng, n: usize, negated: u64) -> String {
    let i = rng.below(n);
    if rng.chance(negated) {
        format!("not c{i}")
    } else {
        format!("c{i}")
    }
}
