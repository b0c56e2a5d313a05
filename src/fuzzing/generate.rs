//! A grammar-aware generator of wild but valid theories: a shared vocabulary, declared
//! conflicts, questions, several schools (some extending others) with premises, axioms, strict
//! and defeasible inferences, exceptions, preferences, orderings and expectations, with
//! citations, comments and doc comments scattered in. Every name it uses is declared, so the
//! result resolves; what it says may be inconsistent, cyclic or self-defeating on purpose.

use crate::synth::Rng;
use std::fmt::Write;

/// One random theory, one statement per line (school bodies between `school ... {` and `}`).
pub fn theory(rng: &mut Rng) -> String {
    let claims = 2 + rng.below(12);
    let schools = 1 + rng.below(3);
    let lit = |rng: &mut Rng| {
        let c = rng.below(claims);
        if rng.chance(25) {
            format!("not c{c}")
        } else {
            format!("c{c}")
        }
    };
    let cite = |rng: &mut Rng| -> &'static str {
        match rng.below(6) {
            0 => " [@src, p. 3]",
            1 => " [@src, pp. 4-5; @src, p. 9]",
            _ => "",
        }
    };
    let mut out = String::from("source src \"A source.\".\n");
    for c in 0..claims {
        if rng.chance(15) {
            out.push_str("/// A doc comment.\n");
        }
        let _ = writeln!(out, "claim c{c} \"Claim {c}.\".");
    }
    for _ in 0..rng.below(4) {
        let (a, b) = (lit(rng), lit(rng));
        let verb = if rng.chance(50) {
            "contradicts"
        } else {
            "is contrary to"
        };
        if a != b || verb != "contradicts" {
            let _ = writeln!(out, "{a} {verb} {b}.");
        }
    }
    if claims >= 3 && rng.chance(40) {
        let _ = writeln!(out, "question q \"Which?\" {{ c0, c1, not c2 }}");
    }
    for s in 0..schools {
        let extends = if s > 0 && rng.chance(30) {
            format!(" extends s{}", rng.below(s))
        } else {
            String::new()
        };
        let _ = writeln!(out, "school s{s} \"School {s}\"{extends} {{");
        let mut rules = Vec::new();
        for _ in 0..1 + rng.below(4) {
            let kind = if rng.chance(25) { "axiom" } else { "premise" };
            let _ = writeln!(out, "    {kind} {}{}.", lit(rng), cite(rng));
        }
        for r in 0..rng.below(6) {
            let ants: Vec<String> = (0..1 + rng.below(3)).map(|_| lit(rng)).collect();
            let defeasible = rng.chance(70);
            let name = format!("s{s}r{r}");
            let head = if defeasible {
                rules.push(name.clone());
                format!("{name}: ")
            } else {
                String::new()
            };
            let verb = if defeasible {
                "usually follows from"
            } else {
                "follows from"
            };
            let trailing = if rng.chance(10) { " // a comment" } else { "" };
            let _ = writeln!(
                out,
                "    {head}{} {verb} {}{}.{trailing}",
                lit(rng),
                ants.join(", "),
                cite(rng)
            );
        }
        if !rules.is_empty() {
            for _ in 0..rng.below(3) {
                let r = &rules[rng.below(rules.len())];
                let _ = writeln!(out, "    {r} does not apply when {}.", lit(rng));
            }
            if rules.len() >= 2 && rng.chance(50) {
                let _ = writeln!(out, "    prefer {} over {}.", rules[0], rules[1]);
            }
        }
        match rng.below(4) {
            0 => out.push_str("    ordering weakest-link democratic.\n"),
            1 => out.push_str("    ordering last-link elitist.\n"),
            _ => {}
        }
        let verdict = ["accepts", "rejects", "is undecided on", "is silent on"][rng.below(4)];
        let _ = writeln!(out, "    expect s{s} {verdict} {}.", lit(rng));
        out.push_str("}\n");
    }
    if schools >= 2 {
        let _ = writeln!(out, "expect s0 and s1 diverge on c{}.", rng.below(claims));
    }
    out
}
