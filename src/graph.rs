//! A school's theory as a petgraph graph: claims (literals) and inferences are nodes; edges say
//! which claim is a premise of which inference, what an inference concludes, which claims
//! conflict, what undercuts an inference, and which inference or premise is preferred over
//! which. Renderers and other tools read this; the reasoner works on arguments instead.

use crate::model::{ConflictKind, Literal, Preferable, RuleId, School};
use petgraph::graph::{DiGraph, NodeIndex};
use serde::Serialize;
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "id")]
pub enum Node {
    Claim(Literal),
    Rule(RuleId),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Edge {
    /// claim → inference: the claim is one of the inference's antecedents.
    PremiseOf,
    /// inference → claim: the inference's conclusion.
    Concludes,
    /// claim → claim: the first attacks the second (both ways for contradictories).
    Conflicts(ConflictKind),
    /// claim → inference: the claim is an exception to the inference.
    Undercuts,
    /// better → worse, between inferences or between premises.
    PreferredOver,
}

/// The graph and a lookup from model items to nodes.
#[derive(Debug, Default)]
pub struct SchoolGraph {
    pub graph: DiGraph<Node, Edge>,
    index: HashMap<Node, NodeIndex>,
}

impl SchoolGraph {
    pub fn node(&self, node: Node) -> Option<NodeIndex> {
        self.index.get(&node).copied()
    }

    fn add(&mut self, node: Node) -> NodeIndex {
        *self
            .index
            .entry(node)
            .or_insert_with(|| self.graph.add_node(node))
    }

    fn edge(&mut self, from: Node, to: Node, edge: Edge) {
        let (a, b) = (self.add(from), self.add(to));
        self.graph.update_edge(a, b, edge);
    }
}

/// Builds the graph of one (flattened) school. Nodes are added in statement order, so the
/// graph, and anything drawn from it, is the same on every run.
pub fn school_graph(school: &School) -> SchoolGraph {
    let mut g = SchoolGraph::default();
    for p in &school.premises {
        g.add(Node::Claim(p.literal));
    }
    for (i, r) in school.rules.iter().enumerate() {
        let rule = Node::Rule(RuleId(i as u32));
        g.add(rule);
        for a in &r.antecedents {
            g.edge(Node::Claim(*a), rule, Edge::PremiseOf);
        }
        g.edge(rule, Node::Claim(r.consequent), Edge::Concludes);
    }
    for e in &school.exceptions {
        g.edge(Node::Claim(e.literal), Node::Rule(e.rule), Edge::Undercuts);
    }
    // Built-in contradiction between a claim and its negation, where both appear.
    let literals: Vec<Literal> = g
        .graph
        .node_weights()
        .filter_map(|n| match n {
            Node::Claim(l) if !l.negated => Some(*l),
            _ => None,
        })
        .collect();
    for l in literals {
        if g.node(Node::Claim(l.negate())).is_some() {
            g.edge(
                Node::Claim(l),
                Node::Claim(l.negate()),
                Edge::Conflicts(ConflictKind::Contradictory),
            );
            g.edge(
                Node::Claim(l.negate()),
                Node::Claim(l),
                Edge::Conflicts(ConflictKind::Contradictory),
            );
        }
    }
    for c in &school.conflicts {
        // Conflicts from the shared vocabulary matter only where the school speaks of both claims.
        if g.node(Node::Claim(c.from)).is_none() || g.node(Node::Claim(c.to)).is_none() {
            continue;
        }
        g.edge(
            Node::Claim(c.from),
            Node::Claim(c.to),
            Edge::Conflicts(c.kind),
        );
        if c.kind == ConflictKind::Contradictory {
            g.edge(
                Node::Claim(c.to),
                Node::Claim(c.from),
                Edge::Conflicts(c.kind),
            );
        }
    }
    for p in &school.preferences {
        let node = |x: Preferable| match x {
            Preferable::Rule(r) => Node::Rule(r),
            Preferable::Premise(l) => Node::Claim(l),
        };
        g.edge(node(p.better), node(p.worse), Edge::PreferredOver);
    }
    g
}

/// The circles of a graph over literals: its strongly connected components with more than
/// one member or a loop, each in literal order and in order of their first member, so that
/// what is reported about them does not depend on the search (Kosaraju's, iterative, so
/// chains of any length are fine).
pub fn circles<E>(graph: &petgraph::graphmap::DiGraphMap<Literal, E>) -> Vec<Vec<Literal>> {
    let mut out: Vec<Vec<Literal>> = petgraph::algo::kosaraju_scc(graph)
        .into_iter()
        .filter(|scc| scc.len() > 1 || graph.contains_edge(scc[0], scc[0]))
        .map(|mut scc| {
            scc.sort();
            scc
        })
        .collect();
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::Workspace;

    #[test]
    fn the_small_theory_has_the_expected_nodes_and_edges() {
        let ws = Workspace::open(&[concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/ok/small.agon"
        )
        .into()])
        .unwrap();
        let t = &ws.theory;
        let lib = t.school(t.school_named("liberalism").unwrap());
        let g = school_graph(lib);
        let claim = |id: &str, negated| {
            Node::Claim(Literal {
                claim: t.claim_named(id).unwrap(),
                negated,
            })
        };
        // anarchy, self-help, democracy, durable-peace, not durable-peace + 3 rules.
        assert_eq!(g.graph.node_count(), 8);
        let edge = |a: Node, b: Node| {
            g.graph
                .find_edge(g.node(a).unwrap(), g.node(b).unwrap())
                .map(|e| g.graph[e])
        };
        let peace_rule = Node::Rule(RuleId(2));
        let no_peace = Node::Rule(RuleId(1));
        assert_eq!(
            edge(claim("democracy", false), peace_rule),
            Some(Edge::PremiseOf)
        );
        assert_eq!(
            edge(peace_rule, claim("durable-peace", false)),
            Some(Edge::Concludes)
        );
        assert_eq!(
            edge(claim("democracy", false), no_peace),
            Some(Edge::Undercuts)
        );
        assert_eq!(edge(peace_rule, no_peace), Some(Edge::PreferredOver));
        assert_eq!(
            edge(claim("durable-peace", true), claim("durable-peace", false)),
            Some(Edge::Conflicts(ConflictKind::Contradictory))
        );
    }
}
