//! Writing a flat ABA framework as an ICCMA 2023 `p aba` file, so a school's translation can
//! be handed to any ICCMA ABA solver. ICCMA gives every assumption exactly one contrary; an
//! assumption that several atoms attack gets a fresh contrary atom derived from each of them,
//! and one nothing attacks gets a fresh atom nothing derives. Atoms are numbered from 1;
//! comment lines (`#`) say which literal each plain atom stands for.

use crate::aba::Framework;
use std::fmt::Write;

/// The framework as `p aba` text; `name(atom)` labels atoms in comments (`None`: unlabelled).
pub fn aba(f: &Framework, name: &dyn Fn(u32) -> Option<String>) -> String {
    let mut extra = 0usize;
    let base = f.atom_count();
    let mut body = String::new();
    let mut contraries = String::new();
    for a in 0..f.assumption_count() as u32 {
        let atom = f.atom_of(a) + 1;
        let _ = writeln!(body, "a {atom}");
        match f.contraries(a) {
            [only] => {
                let _ = writeln!(contraries, "c {atom} {}", only + 1);
            }
            many => {
                extra += 1;
                let fresh = base + extra;
                let _ = writeln!(contraries, "c {atom} {fresh}");
                for c in many {
                    let _ = writeln!(contraries, "r {fresh} {}", c + 1);
                }
            }
        }
    }
    body.push_str(&contraries);
    for r in f.rules() {
        let _ = write!(body, "r {}", r.head + 1);
        for b in &r.body {
            let _ = write!(body, " {}", b + 1);
        }
        body.push('\n');
    }
    let mut out = String::new();
    let _ = writeln!(out, "p aba {}", base + extra);
    for atom in 0..base as u32 {
        if let Some(n) = name(atom) {
            let _ = writeln!(out, "# {} {n}", atom + 1);
        }
    }
    out.push_str(&body);
    out
}
