//! `--focus CLAIM --depth N`: a figure cropped to one claim's neighbourhood, the claims within
//! N steps of it (a step crosses one inference, conflict, exception or preference) and the
//! inferences between them. A school that does not mention the claim but holds one in conflict
//! with it is drawn around that claim, one step out, so a rival's answer is not lost. An inference is drawn whole or not at all: it is kept when all
//! its claims are within reach, i.e. when it is reached in fewer than N steps.

use crate::graph::{Edge, Node, SchoolGraph};
use crate::model::{ClaimId, Literal, School};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use std::collections::{HashMap, HashSet, VecDeque};

/// The claim a figure centres on (either polarity) and how far it reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Focus {
    pub claim: ClaimId,
    pub depth: usize,
}

impl Focus {
    /// The nodes within reach, or `None` when the school mentions neither the claim nor one
    /// in conflict with it.
    pub fn neighbourhood(&self, school: &School, g: &SchoolGraph) -> Option<HashSet<Node>> {
        let mut seeds: Vec<_> = [false, true]
            .into_iter()
            .filter_map(|negated| {
                g.node(Node::Claim(Literal {
                    claim: self.claim,
                    negated,
                }))
            })
            .map(|n| (n, 0))
            .collect();
        if seeds.is_empty() && self.depth > 0 {
            let rivals = school.conflicts.iter().filter_map(|c| {
                if c.to.claim == self.claim {
                    Some(c.from)
                } else if c.from.claim == self.claim {
                    Some(c.to)
                } else {
                    None
                }
            });
            seeds.extend(
                rivals
                    .filter_map(|l| g.node(Node::Claim(l)))
                    .map(|n| (n, 1)),
            );
        }
        if seeds.is_empty() {
            return None;
        }
        // 0-1 breadth-first search: entering an inference along its own edges costs nothing,
        // entering a claim (or a preferred inference) costs a step.
        let mut dist = HashMap::new();
        let mut queue = VecDeque::new();
        for (s, d) in seeds {
            dist.insert(s, d);
            queue.push_back(s);
        }
        while let Some(n) = queue.pop_front() {
            let d = dist[&n];
            let edges = g
                .graph
                .edges_directed(n, Direction::Outgoing)
                .map(|e| (e.target(), *e.weight()))
                .chain(
                    g.graph
                        .edges_directed(n, Direction::Incoming)
                        .map(|e| (e.source(), *e.weight())),
                );
            for (m, edge) in edges {
                let free = matches!(g.graph[m], Node::Rule(_)) && edge != Edge::PreferredOver;
                let dm = if free { d } else { d + 1 };
                if dm > self.depth || dist.get(&m).is_some_and(|&old| old <= dm) {
                    continue;
                }
                dist.insert(m, dm);
                if free {
                    queue.push_front(m);
                } else {
                    queue.push_back(m);
                }
            }
        }
        Some(
            dist.into_iter()
                .filter(|(n, d)| match g.graph[*n] {
                    Node::Claim(_) => true,
                    Node::Rule(_) => *d < self.depth,
                })
                .map(|(n, _)| g.graph[n])
                .collect(),
        )
    }
}
