//! The framework cut into parts along the direction of attack, for the preferred search.
//!
//! Atoms form a graph: a rule's body atoms point at its head, and a contrary points at the
//! assumption it attacks. Its strongly connected components, taken in topological order, are
//! the *parts*; an assumption can only be attacked by derivations resting on assumptions of
//! its own part or of parts before it. Preferred semantics is SCC-recursive (Baroni,
//! Giacomin & Guida 2005; for collective attacks, which flat ABA's assumption level is,
//! Dvořák, König, Ulbricht & Woltran 2022): whether a complete set is maximal in a part
//! depends only on what the parts before it settle, and only through the *boundary* of the
//! part: the atoms from earlier parts that derivations of its contraries use. For each such
//! atom, what matters is whether the set derives it and whether an undefeated argument for it
//! remains (Th(S) and Th(U_S)).
//!
//! So when a complete set holds a share M of a part P and has given values on P's boundary,
//! no complete set with the same boundary values that holds strictly less of P than M (and
//! nothing of P outside M) is preferred: it and M together are admissible (M attacks nothing
//! the set holds, for M's attackers there would be the set's own, and M is defended by the
//! same boundary values), and strictly larger. That is a clause of the boundary and P alone,
//! independent of every other part, so independent choices elsewhere (an even cycle beside
//! P) no longer multiply the search.

use super::{AsmId, Framework};
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::{HashMap, HashSet};

/// The parts of a framework and, per part met so far, its boundary.
pub(super) struct Parts {
    /// Per atom: the topological index of its component.
    part: Vec<u32>,
    /// Per part: its assumptions.
    members: HashMap<u32, Vec<AsmId>>,
    boundary: HashMap<u32, Vec<u32>>,
}

impl Parts {
    /// Cuts the framework into parts (linear in its size).
    pub(super) fn new(f: &Framework) -> Self {
        let n = f.atom_count();
        let mut graph = DiGraph::<(), ()>::with_capacity(n, f.size());
        for _ in 0..n {
            graph.add_node(());
        }
        for r in f.rules() {
            for &q in &r.body {
                graph.add_edge(
                    NodeIndex::new(q as usize),
                    NodeIndex::new(r.head as usize),
                    (),
                );
            }
        }
        for a in 0..f.assumption_count() as AsmId {
            let target = NodeIndex::new(f.atom_of(a) as usize);
            for &c in f.contraries(a) {
                graph.add_edge(NodeIndex::new(c as usize), target, ());
            }
        }
        // Kosaraju's algorithm (iterative: chains of any length) lists components in reverse
        // topological order.
        let components = petgraph::algo::kosaraju_scc(&graph);
        let count = components.len() as u32;
        let mut part = vec![0; n];
        for (i, component) in components.iter().enumerate() {
            for node in component {
                part[node.index()] = count - 1 - i as u32;
            }
        }
        let mut members: HashMap<u32, Vec<AsmId>> = HashMap::new();
        for a in 0..f.assumption_count() as AsmId {
            members
                .entry(part[f.atom_of(a) as usize])
                .or_default()
                .push(a);
        }
        Parts {
            part,
            members,
            boundary: HashMap::new(),
        }
    }

    /// The part of an atom; parts that can attack a part come before it.
    pub(super) fn of(&self, atom: u32) -> u32 {
        self.part[atom as usize]
    }

    /// The assumptions of a part.
    pub(super) fn members(&self, part: u32) -> &[AsmId] {
        self.members.get(&part).map_or(&[], Vec::as_slice)
    }

    /// The atoms of earlier parts that derivations of the contraries of the part's
    /// assumptions use (computed once per part).
    pub(super) fn boundary(&mut self, f: &Framework, part: u32, members: &[AsmId]) -> &[u32] {
        let own = &self.part;
        self.boundary.entry(part).or_insert_with(|| {
            let mut seen = HashSet::new();
            let mut out = Vec::new();
            let mut stack: Vec<u32> = members
                .iter()
                .flat_map(|&a| f.contraries(a).iter().copied())
                .collect();
            while let Some(p) = stack.pop() {
                if !seen.insert(p) {
                    continue;
                }
                if own[p as usize] != part {
                    out.push(p);
                } else if !f.is_assumption(p) {
                    for &r in f.heads(p) {
                        stack.extend_from_slice(&f.rules()[r as usize].body);
                    }
                }
            }
            out.sort_unstable();
            out
        })
    }
}
