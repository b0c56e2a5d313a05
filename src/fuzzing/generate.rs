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
    // Inferences stated so far, for later schools to deny: (conclusion, antecedents).
    let mut drawn: Vec<(String, Vec<String>)> = Vec::new();
    for s in 0..schools {
        let extends = if s > 0 && rng.chance(30) {
            let first = rng.below(s);
            let second = rng.below(s);
            if s > 1 && second != first && rng.chance(40) {
                format!(" extends s{first}, s{second}")
            } else {
                format!(" extends s{first}")
            }
        } else {
            String::new()
        };
        let _ = writeln!(out, "school s{s} \"School {s}\"{extends} {{");
        let before = drawn.len();
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
            let consequent = lit(rng);
            let _ = writeln!(
                out,
                "    {head}{consequent} {verb} {}{}.{trailing}",
                ants.join(", "),
                cite(rng)
            );
            drawn.push((consequent, ants));
        }
        // Denials: mostly of an inference stated before (antecedents reversed), sometimes of
        // one nobody draws.
        for _ in 0..rng.below(3) {
            if !rng.chance(40) {
                continue;
            }
            // Mostly another school's inference; now and then this school's own (an error).
            let pool = if rng.chance(90) { before } else { drawn.len() };
            let (consequent, mut ants) = match pool {
                0 => (lit(rng), vec![lit(rng)]),
                n if rng.chance(80) => drawn[rng.below(n)].clone(),
                _ => (lit(rng), vec![lit(rng)]),
            };
            ants.reverse();
            let _ = writeln!(
                out,
                "    {consequent} does not follow from {}{}.",
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
