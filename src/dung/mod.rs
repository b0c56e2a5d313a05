//! Abstract argumentation frameworks (Dung 1995) and their semantics: grounded (in linear
//! time), and complete, stable, preferred, semi-stable and ideal extensions through a SAT
//! solver. Arguments are the indices `0..n`; a framework knows nothing of what they stand for.

mod grounded;
mod sat;

pub use grounded::grounded;
pub use sat::{extensions, Enumeration};

use petgraph::graph::{DiGraph, NodeIndex};
use serde::Serialize;
use std::fmt;
use std::str::FromStr;

/// An argumentation framework `(A, R)` (Dung 1995, Def. 2): `n` arguments and an attack relation.
#[derive(Clone, Debug, Default)]
pub struct Framework {
    n: usize,
    attackers: Vec<Vec<u32>>,
    attacks: Vec<Vec<u32>>,
}

impl Framework {
    /// A framework of `n` arguments with the given `(attacker, attacked)` pairs (duplicates ignored).
    pub fn new(n: usize, attacks: impl IntoIterator<Item = (u32, u32)>) -> Self {
        let mut attackers = vec![Vec::new(); n];
        let mut out = vec![Vec::new(); n];
        for (a, b) in attacks {
            attackers[b as usize].push(a);
            out[a as usize].push(b);
        }
        for v in attackers.iter_mut().chain(out.iter_mut()) {
            v.sort_unstable();
            v.dedup();
        }
        Framework {
            n,
            attackers,
            attacks: out,
        }
    }

    /// The framework of a petgraph graph: nodes are arguments, edges attacks.
    pub fn from_graph<N, E>(graph: &DiGraph<N, E>) -> Self {
        let edges = graph
            .edge_indices()
            .filter_map(|e| graph.edge_endpoints(e))
            .map(|(a, b)| (a.index() as u32, b.index() as u32));
        Framework::new(graph.node_count(), edges)
    }

    /// The framework as a petgraph graph (node `i` is argument `i`).
    pub fn graph(&self) -> DiGraph<u32, ()> {
        let mut g = DiGraph::with_capacity(self.n, self.size() - self.n);
        for i in 0..self.n {
            g.add_node(i as u32);
        }
        for (a, targets) in self.attacks.iter().enumerate() {
            for &b in targets {
                g.add_edge(NodeIndex::new(a), NodeIndex::new(b as usize), ());
            }
        }
        g
    }

    pub fn len(&self) -> usize {
        self.n
    }

    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// Arguments plus attacks: the size linear-time bounds refer to.
    pub fn size(&self) -> usize {
        self.n + self.attacks.iter().map(Vec::len).sum::<usize>()
    }

    pub fn attackers(&self, a: u32) -> &[u32] {
        &self.attackers[a as usize]
    }

    pub fn attacked_by(&self, a: u32) -> &[u32] {
        &self.attacks[a as usize]
    }
}

/// The semantics agon evaluates frameworks under.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, clap::ValueEnum,
)]
#[serde(rename_all = "kebab-case")]
pub enum Semantics {
    /// The least complete extension (Dung 1995, Def. 20): sceptical, unique, linear time.
    #[default]
    Grounded,
    /// Admissible sets containing every argument they defend (Dung 1995, Def. 23).
    Complete,
    /// Maximal admissible sets (Dung 1995, Def. 7).
    Preferred,
    /// Conflict-free sets attacking every argument outside them (Dung 1995, Def. 12).
    Stable,
    /// Complete extensions with maximal range (Caminada 2006).
    SemiStable,
    /// The maximal admissible set contained in every preferred extension (Dung, Mancarella & Toni 2007).
    Ideal,
}

impl Semantics {
    pub const ALL: [Semantics; 6] = [
        Semantics::Grounded,
        Semantics::Complete,
        Semantics::Preferred,
        Semantics::Stable,
        Semantics::SemiStable,
        Semantics::Ideal,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Semantics::Grounded => "grounded",
            Semantics::Complete => "complete",
            Semantics::Preferred => "preferred",
            Semantics::Stable => "stable",
            Semantics::SemiStable => "semi-stable",
            Semantics::Ideal => "ideal",
        }
    }

    /// Whether the semantics always yields exactly one extension.
    pub fn is_unique(self) -> bool {
        matches!(self, Semantics::Grounded | Semantics::Ideal)
    }
}

impl fmt::Display for Semantics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Semantics {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Semantics::ALL
            .into_iter()
            .find(|x| x.name() == s)
            .ok_or_else(|| format!("unknown semantics `{s}`"))
    }
}

/// An argument's label (Caminada 2006): in, out (attacked by an in argument) or undecided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Label {
    In,
    Out,
    Undec,
}

/// A set of arguments, sorted.
pub type Extension = Vec<u32>;

/// The labelling of an extension: in = its members, out = what they attack, undec = the rest.
pub fn labelling(af: &Framework, extension: &[u32]) -> Vec<Label> {
    let mut labels = vec![Label::Undec; af.len()];
    for &a in extension {
        labels[a as usize] = Label::In;
    }
    for &a in extension {
        for &b in af.attacked_by(a) {
            if labels[b as usize] != Label::In {
                labels[b as usize] = Label::Out;
            }
        }
    }
    labels
}

#[cfg(test)]
mod tests;
