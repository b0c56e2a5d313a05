//! A theory's structural warnings: cycles of strict inferences, and claims a school uses but
//! can never establish.

use super::*;

/// Cycles of strict inferences: a claim that strictly follows from itself.
pub(super) fn strict_cycles(theory: &Theory, school: &School) -> Vec<Diagnostic> {
    let mut graph: petgraph::graphmap::DiGraphMap<Literal, u32> = Default::default();
    for (i, r) in school.rules.iter().enumerate() {
        if r.kind == RuleKind::Strict {
            for a in &r.antecedents {
                graph.add_edge(*a, r.consequent, i as u32);
            }
        }
    }
    let mut out = Vec::new();
    for scc in crate::graph::circles(&graph) {
        let names: Vec<String> = scc.iter().map(|l| theory.show(*l)).collect();
        let mut rules: Vec<u32> = graph
            .all_edges()
            .filter(|(a, b, _)| scc.contains(a) && scc.contains(b))
            .map(|(_, _, &i)| i)
            .collect();
        rules.sort();
        rules.dedup();
        let mut d = Diagnostic::warning(
            "agon::strict-cycle",
            format!("strict inferences go round in a circle through {}", names.join(", ")),
        )
        .with_help("a claim that strictly follows from itself adds nothing; check whether one inference should run the other way");
        for i in rules {
            d = d.with_label(school.rules[i as usize].span, "part of the circle");
        }
        out.push(d);
    }
    out
}

/// Literals a school's inferences or exceptions rely on but that the school can never
/// establish: no premise states them and no inference concludes them (`broken`: literals an
/// inference with an error, already reported, would have concluded).
pub(super) fn never_established(
    theory: &Theory,
    school: &School,
    broken: &HashSet<Literal>,
) -> Vec<Diagnostic> {
    let established: HashSet<Literal> = school
        .premises
        .iter()
        .map(|p| p.literal)
        .chain(school.rules.iter().map(|r| r.consequent))
        .collect();
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for r in &school.rules {
        for a in &r.antecedents {
            if !established.contains(a) && !broken.contains(a) && seen.insert(*a) {
                out.push(
                    Diagnostic::warning(
                        "agon::never-established",
                        format!("school `{}` uses `{}` but never asserts or concludes it", school.name, theory.show(*a)),
                    )
                    .with_label(r.span, "this inference can never be used")
                    .with_help(format!(
                        "add `premise {}.` (or an inference concluding it) to the school, or drop the inference",
                        theory.show(*a)
                    )),
                );
            }
        }
    }
    out
}
