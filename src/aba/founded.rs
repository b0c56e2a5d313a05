//! Foundedness of a model's copy of derivability. A copy is the Clark completion of the
//! rules ([`super::completion`]), which admits self-supporting loops when the rules have a
//! positive loop; the model's copy is checked against the least fixpoint (a linear
//! closure), and each unfounded loop found yields its loop formula (Lin & Zhao 2004, as in
//! ASSAT): "if an atom of the loop holds, some rule from outside the loop supports it". A
//! loop formula holds in the least model, so it can be added for good (under the switch of
//! the copy it is about) and the search repeated until the model is founded.

use super::completion::Copy;
use super::encoding::Val;
use super::Framework;
use petgraph::graph::{DiGraph, NodeIndex};

/// A loop formula: every head implies some external support.
pub(super) struct LoopFormula {
    pub(super) heads: Vec<Val>,
    pub(super) external: Vec<Val>,
}

/// The loop formulas the model violates: one per source of the graph of unfounded atoms,
/// with an edge q → p for each rule of p whose body holds in the model and has q. An atom is
/// unfounded when it is the copy's own (`own`: a variable of this copy, on or above a positive
/// loop) and the model derives it, but the least fixpoint of the copy's rules does not, given
/// the model's values of the other atoms (founded: assumptions, another copy's atoms, or atoms
/// no loop reaches). Empty when the copy is founded. Linear in the rules of the own atoms.
pub(super) fn violated(
    f: &Framework,
    copy: &Copy,
    own: &[bool],
    value: impl Fn(Val) -> bool,
) -> Vec<LoopFormula> {
    let mine = |p: u32| {
        own[p as usize] && !f.is_assumption(p) && matches!(copy.atom[p as usize], Val::Lit(_))
    };
    // Most models derive none of the copy's own atoms: no fixpoint, no allocation then.
    let derived: Vec<u32> = (0..f.atom_count() as u32)
        .filter(|&p| mine(p) && value(copy.atom[p as usize]))
        .collect();
    if derived.is_empty() {
        return Vec::new();
    }
    let lfp = least(f, copy, &mine, &value);
    let members: Vec<u32> = derived.into_iter().filter(|&p| !lfp[p as usize]).collect();
    if members.is_empty() {
        return Vec::new();
    }
    let mut unfounded = vec![false; f.atom_count()];
    for &p in &members {
        unfounded[p as usize] = true;
    }
    let mut graph = DiGraph::<u32, ()>::new();
    let mut node = vec![u32::MAX; f.atom_count()];
    for &p in &members {
        node[p as usize] = graph.add_node(p).index() as u32;
    }
    let index = |p: u32| NodeIndex::new(node[p as usize] as usize);
    for &p in &members {
        for &r in f.heads(p) {
            if !value(copy.body[r as usize]) {
                continue;
            }
            for &q in &f.rules()[r as usize].body {
                if unfounded[q as usize] {
                    graph.add_edge(index(q), index(p), ());
                }
            }
        }
    }
    let sccs = petgraph::algo::kosaraju_scc(&graph);
    let mut component = vec![usize::MAX; graph.node_count()];
    for (k, scc) in sccs.iter().enumerate() {
        for n in scc {
            component[n.index()] = k;
        }
    }
    let mut entered = vec![false; sccs.len()];
    for edge in graph.raw_edges() {
        let (s, t) = (
            component[edge.source().index()],
            component[edge.target().index()],
        );
        if s != t {
            entered[t] = true;
        }
    }
    let mut formulas = Vec::new();
    for (k, scc) in sccs.iter().enumerate() {
        if entered[k] {
            continue;
        }
        let atoms: Vec<u32> = scc.iter().map(|n| graph[*n]).collect();
        let in_loop = |q: u32| atoms.contains(&q);
        let mut external = Vec::new();
        for &p in &atoms {
            for &r in f.heads(p) {
                if f.rules()[r as usize].body.iter().all(|&q| !in_loop(q)) {
                    external.push(copy.body[r as usize]);
                }
            }
        }
        let heads = atoms.iter().map(|&p| copy.atom[p as usize]).collect();
        formulas.push(LoopFormula { heads, external });
    }
    formulas
}

/// The least fixpoint of the copy's rules for the atoms `mine` holds of, the others taking
/// the model's values: a rule fires once every body atom holds (counting down).
fn least(
    f: &Framework,
    copy: &Copy,
    mine: &impl Fn(u32) -> bool,
    value: &impl Fn(Val) -> bool,
) -> Vec<bool> {
    let mut missing = vec![usize::MAX; f.rules().len()];
    let mut lfp = vec![false; f.atom_count()];
    let mut ready = Vec::new();
    for p in (0..f.atom_count() as u32).filter(|&p| mine(p)) {
        for &r in f.heads(p) {
            let body = &f.rules()[r as usize].body;
            if body
                .iter()
                .any(|&q| !mine(q) && !value(copy.atom[q as usize]))
            {
                continue;
            }
            missing[r as usize] = body.iter().filter(|&&q| mine(q)).count();
            if missing[r as usize] == 0 {
                ready.push(p);
            }
        }
    }
    while let Some(p) = ready.pop() {
        if std::mem::replace(&mut lfp[p as usize], true) {
            continue;
        }
        for &r in f.uses(p) {
            let slot = &mut missing[r as usize];
            if *slot == usize::MAX {
                continue;
            }
            *slot -= 1;
            if *slot == 0 {
                ready.push(f.rules()[r as usize].head);
            }
        }
    }
    lfp
}
