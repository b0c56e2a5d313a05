//! The argumentation framework itself: arguments `0..n` and a deduplicated attack relation,
//! held both as a petgraph graph (the shape other code walks and draws) and as compact
//! attacker/target lists (what the solvers read). Owns no semantics.

use petgraph::graph::{DiGraph, NodeIndex};

/// An argumentation framework `(A, R)` (Dung 1995, Def. 2): arguments `0..n` and an attack
/// relation `R ⊆ A × A`, self-attacks allowed. Node `i` of [`Framework::graph`] is argument `i`.
#[derive(Clone, Debug, Default)]
pub struct Framework {
    graph: DiGraph<(), ()>,
    /// `attackers[attackers_at[a]..attackers_at[a + 1]]` are `a`'s attackers, ascending.
    attackers_at: Vec<usize>,
    attackers: Vec<u32>,
    /// `targets[targets_at[a]..targets_at[a + 1]]` are the arguments `a` attacks, ascending.
    targets_at: Vec<usize>,
    targets: Vec<u32>,
}

impl Framework {
    /// A framework of `n` arguments with the given `(attacker, attacked)` pairs; duplicate
    /// pairs count once. Time and space linear in `n` plus the number of pairs.
    ///
    /// # Panics
    /// If a pair names an argument `>= n`.
    pub fn new(n: usize, attacks: impl IntoIterator<Item = (u32, u32)>) -> Self {
        let pairs: Vec<(u32, u32)> = attacks.into_iter().collect();
        for &(a, b) in &pairs {
            assert!(
                (a as usize) < n && (b as usize) < n,
                "attack ({a}, {b}) names an argument outside 0..{n}"
            );
        }
        // Bucket by target (counting sort), dropping duplicates with a per-target stamp, then
        // bucket the survivors by attacker: both lists come out ascending, in linear time.
        let by_target = buckets(n, pairs.iter().map(|&(a, b)| (b, a)));
        let (attackers_at, attackers) = dedup(n, by_target);
        let mut unique = Vec::with_capacity(attackers.len());
        for b in 0..n {
            for &a in &attackers[attackers_at[b]..attackers_at[b + 1]] {
                unique.push((a, b as u32));
            }
        }
        let (targets_at, targets) = buckets(n, unique.iter().copied());
        let mut graph = DiGraph::with_capacity(n, unique.len());
        for _ in 0..n {
            graph.add_node(());
        }
        for a in 0..n {
            for &b in &targets[targets_at[a]..targets_at[a + 1]] {
                graph.add_edge(NodeIndex::new(a), NodeIndex::new(b as usize), ());
            }
        }
        Framework {
            graph,
            attackers_at,
            attackers,
            targets_at,
            targets,
        }
    }

    /// The framework of any petgraph directed graph: node `i` is argument `i`, every edge an
    /// attack (weights ignored, parallel edges count once).
    pub fn from_graph<N, E>(graph: &DiGraph<N, E>) -> Self {
        let edges = graph
            .raw_edges()
            .iter()
            .map(|e| (e.source().index() as u32, e.target().index() as u32));
        Framework::new(graph.node_count(), edges)
    }

    /// The framework as a petgraph graph: node `i` is argument `i`, an edge is an attack.
    pub fn graph(&self) -> &DiGraph<(), ()> {
        &self.graph
    }

    /// The number of arguments.
    pub fn len(&self) -> usize {
        self.attackers_at.len().saturating_sub(1)
    }

    /// Whether the framework has no argument.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The number of (distinct) attacks.
    pub fn attack_count(&self) -> usize {
        self.targets.len()
    }

    /// Arguments plus attacks: the size that linear-time bounds refer to.
    pub fn size(&self) -> usize {
        self.len() + self.attack_count()
    }

    /// The arguments attacking `a`, ascending.
    pub fn attackers(&self, a: u32) -> &[u32] {
        let a = a as usize;
        &self.attackers[self.attackers_at[a]..self.attackers_at[a + 1]]
    }

    /// The arguments `a` attacks, ascending.
    pub fn attacked_by(&self, a: u32) -> &[u32] {
        let a = a as usize;
        &self.targets[self.targets_at[a]..self.targets_at[a + 1]]
    }

    /// The restriction `AF↾S` (Baroni & Giacomin 2007) to the given arguments: argument `i` of
    /// the result is `keep[i]`, and the attacks are those among kept arguments. `keep` must be
    /// free of repeats. Linear in the kept arguments' attacks.
    pub fn restriction(&self, keep: &[u32]) -> Framework {
        let mut position = vec![u32::MAX; self.len()];
        for (i, &a) in keep.iter().enumerate() {
            assert_eq!(position[a as usize], u32::MAX, "argument {a} kept twice");
            position[a as usize] = i as u32;
        }
        let attacks = keep.iter().enumerate().flat_map(|(i, &a)| {
            self.attacked_by(a)
                .iter()
                .map(|&b| position[b as usize])
                .filter(|&j| j != u32::MAX)
                .map(move |j| (i as u32, j))
        });
        let attacks: Vec<(u32, u32)> = attacks.collect();
        Framework::new(keep.len(), attacks)
    }

    /// Every attack `(attacker, attacked)`, by attacker then target.
    pub fn attacks(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        (0..self.len() as u32).flat_map(move |a| self.attacked_by(a).iter().map(move |&b| (a, b)))
    }
}

/// Compressed rows: `rows[at[k]..at[k + 1]]` are the values paired with key `k`, in input order.
pub(crate) fn buckets(
    n: usize,
    pairs: impl Iterator<Item = (u32, u32)> + Clone,
) -> (Vec<usize>, Vec<u32>) {
    let mut at = vec![0usize; n + 1];
    for (k, _) in pairs.clone() {
        at[k as usize + 1] += 1;
    }
    for k in 0..n {
        at[k + 1] += at[k];
    }
    let mut next = at.clone();
    let mut rows = vec![0u32; at[n]];
    for (k, v) in pairs {
        rows[next[k as usize]] = v;
        next[k as usize] += 1;
    }
    (at, rows)
}

/// Drops repeated values within each row and sorts each row, in linear time overall (a row's
/// values are small integers, so a stamp array finds repeats and a counting pass sorts).
fn dedup(n: usize, (at, rows): (Vec<usize>, Vec<u32>)) -> (Vec<usize>, Vec<u32>) {
    let mut seen = vec![usize::MAX; n];
    let mut pairs = Vec::with_capacity(rows.len());
    for k in 0..n {
        for &v in &rows[at[k]..at[k + 1]] {
            if seen[v as usize] != k {
                seen[v as usize] = k;
                pairs.push((v, k as u32));
            }
        }
    }
    // Bucketing by value and back by key leaves each key's values ascending.
    let (vat, vrows) = buckets(n, pairs.iter().copied());
    let mut back = Vec::with_capacity(pairs.len());
    for v in 0..n {
        for &k in &vrows[vat[v]..vat[v + 1]] {
            back.push((k, v as u32));
        }
    }
    buckets(n, back.into_iter())
}
