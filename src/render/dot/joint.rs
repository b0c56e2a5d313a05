//! What joins the clusters of several schools: a claim one school holds that contradicts, or is
//! contrary to, a claim another school holds (by either school's declared conflicts, or as
//! `x` and `not x`), and the same claim in two schools. These edges never constrain the layout,
//! so each school keeps its own shape side by side.

use super::legend::{Mark, Marks};
use super::{node_id, Figure};
use crate::graph::Node;
use crate::model::{ConflictKind, Literal, SchoolId};
use std::collections::{HashMap, HashSet};
use std::fmt::Write;

pub fn draw(
    out: &mut String,
    fig: &Figure<'_>,
    drawn: &[(SchoolId, HashSet<Node>)],
    marks: &mut Marks,
) {
    if drawn.len() < 2 {
        return;
    }
    let claims: Vec<(SchoolId, Vec<Literal>)> = drawn
        .iter()
        .map(|(s, nodes)| {
            let mut c: Vec<Literal> = nodes
                .iter()
                .filter_map(|n| match n {
                    Node::Claim(l) => Some(*l),
                    Node::Rule(_) => None,
                })
                .collect();
            c.sort();
            (*s, c)
        })
        .collect();
    // Every declared conflict of every drawn school, from each claim (both ways for
    // contradictories), and `x` against `not x`.
    let mut against: HashMap<Literal, Vec<(Literal, ConflictKind)>> = HashMap::new();
    for (s, _) in drawn {
        for c in &fig.theory.school(*s).conflicts {
            against.entry(c.from).or_default().push((c.to, c.kind));
            if c.kind == ConflictKind::Contradictory {
                against.entry(c.to).or_default().push((c.from, c.kind));
            }
        }
    }
    let conflicts_of = |l: Literal| {
        let mut v = against.get(&l).cloned().unwrap_or_default();
        v.push((l.negate(), ConflictKind::Contradictory));
        v.sort_by_key(|(m, _)| *m);
        v.dedup_by_key(|(m, _)| *m);
        v
    };
    out.push_str("  // Between schools: conflicts, and the same claim in two schools.\n");
    for (i, (sa, ca)) in claims.iter().enumerate() {
        for (sb, cb) in &claims[i + 1..] {
            let in_b: HashSet<Literal> = cb.iter().copied().collect();
            for &l in ca {
                for (m, kind) in conflicts_of(l)
                    .into_iter()
                    .filter(|(m, _)| in_b.contains(m))
                {
                    edge(out, marks, (*sa, l), (*sb, m), kind);
                }
            }
            // Contraries from b's claims to a's (contradictories were drawn above).
            let in_a: HashSet<Literal> = ca.iter().copied().collect();
            for &m in cb {
                for (l, kind) in conflicts_of(m) {
                    if kind == ConflictKind::Contrary && in_a.contains(&l) {
                        edge(out, marks, (*sb, m), (*sa, l), kind);
                    }
                }
            }
        }
    }
    // The same claim: each occurrence joined to the next school that draws it.
    let mut last: HashMap<Literal, SchoolId> = HashMap::new();
    for (s, c) in &claims {
        for &l in c {
            if let Some(prev) = last.insert(l, *s) {
                marks.add(Mark::SameClaim);
                let _ = writeln!(
                    out,
                    "  {} -> {} [style=dotted, dir=none, color=\"gray50\", constraint=false];",
                    node_id(prev, Node::Claim(l)),
                    node_id(*s, Node::Claim(l))
                );
            }
        }
    }
}

fn edge(
    out: &mut String,
    marks: &mut Marks,
    (sa, a): (SchoolId, Literal),
    (sb, b): (SchoolId, Literal),
    kind: ConflictKind,
) {
    let (mark, attrs) = match kind {
        ConflictKind::Contrary => (Mark::Contrary, "style=bold, arrowhead=tee"),
        ConflictKind::Contradictory => (
            Mark::Contradictory,
            "style=bold, dir=both, arrowhead=tee, arrowtail=tee",
        ),
    };
    marks.add(mark);
    let _ = writeln!(
        out,
        "  {} -> {} [{attrs}, constraint=false];",
        node_id(sa, Node::Claim(a)),
        node_id(sb, Node::Claim(b))
    );
}
