//! Properties of the reasoner on random theories: standings do not depend on the order in
//! which statements are written, and the linear-time grounded labelling on the compact
//! defeat relation equals the grounded labelling of the full Dung framework.

mod common;

use agon::aspic::{self, Options};
use agon::dung::{self, Semantics};
use agon::model::SchoolId;
use agon::synth::Rng;
use agon::workspace::Workspace;
use std::collections::BTreeMap;

fn standings(text: &str, semantics: Semantics) -> BTreeMap<String, String> {
    let ws = Workspace::from_text("p.agon", text);
    assert!(!ws.has_errors(), "{:?}", ws.diagnostics);
    let options = Options::default();
    let s = aspic::build(&ws.theory, SchoolId(0), &options);
    let eval = s.evaluate(semantics, &options);
    s.standings(&eval)
        .into_iter()
        .map(|(l, st)| (ws.theory.show(l), st.word().to_string()))
        .collect()
}

/// The theory with the statements inside its school block in another order.
fn shuffled(text: &str, rng: &mut Rng) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let open = lines.iter().position(|l| l.starts_with("school")).unwrap();
    let close = lines.iter().rposition(|l| *l == "}").unwrap();
    let mut body: Vec<&str> = lines[open + 1..close].to_vec();
    for i in (1..body.len()).rev() {
        body.swap(i, rng.below(i + 1));
    }
    let mut out: Vec<&str> = lines[..=open].to_vec();
    out.extend(body);
    out.extend(&lines[close..]);
    out.join("\n")
}

#[test]
fn standings_do_not_depend_on_declaration_order() {
    let mut rng = Rng::new(7);
    for i in 0..300 {
        let text = common::random_theory(&mut rng, &common::Shape::default());
        let other = shuffled(&text, &mut rng);
        for semantics in [Semantics::Grounded, Semantics::Preferred, Semantics::Stable] {
            assert_eq!(
                standings(&text, semantics),
                standings(&other, semantics),
                "theory {i}, {semantics}:\n{text}\n---\n{other}"
            );
        }
    }
}

#[test]
fn compact_grounded_equals_grounded_of_the_full_framework() {
    let mut rng = Rng::new(11);
    let shape = common::Shape {
        claims: 6,
        rules: 8,
        ..common::Shape::default()
    };
    for i in 0..500 {
        let text = common::random_theory(&mut rng, &shape);
        let ws = Workspace::from_text("p.agon", &text);
        let s = aspic::build(&ws.theory, SchoolId(0), &Options::default());
        let af = s.framework(usize::MAX).unwrap();
        assert_eq!(s.grounded(), dung::grounded(&af), "theory {i}:\n{text}");
    }
}
