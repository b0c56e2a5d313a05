//! The root divergences (cruxes) of a pair of schools, over the dependency graph of the
//! literals and inferences the two state.
//!
//! # Definition of a crux
//! For two schools A and B, let the *dependency graph* G have a node for every literal and every
//! inference (identified across schools by its content: kind, antecedents, conclusion) either
//! school states, with edges from each antecedent to the inference, from the inference to its
//! conclusion, from each literal to every literal it attacks (negation, contradictories,
//! contraries) and from an exception to the inference it undercuts. A node *diverges* when:
//! a literal has different standings in A and B, or is a premise of a different kind in each
//! (axiom / ordinary / none); an inference is drawn by one school only, or has different
//! exceptions or preferences in each. A **crux** of a divergent literal φ is a divergent node
//! from which φ is reached through divergent nodes only, and all of whose own predecessors in G
//! agree (taking strongly connected groups of divergent nodes as one node). Informally: the
//! first points, going back from φ, where the schools part while everything beneath agrees.
//! This module does no reasoning itself: standings come from the reasoner.

use super::standing::Standings;
use crate::model::{ConflictKind, Literal, Preferable, PremiseKind, RuleKind, SchoolId, Theory};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

/// A root of divergence: a literal or an inference.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Crux {
    /// The schools hold this literal differently (e.g. one asserts it as a premise).
    Claim { literal: String },
    /// An inference one school draws and the other does not (or draws differently).
    Inference { label: String },
}

/// An inference as the same statement across schools: kind, antecedents, conclusion.
pub(super) type Signature = (RuleKind, Vec<Literal>, Literal);

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum DepNode {
    Lit(Literal),
    Rule(usize),
}

/// The dependency graph G of the module documentation, with divergence marked.
struct Dependencies {
    rules: Vec<Signature>,
    /// Each school's name for the inference, and its citations.
    rule_names: Vec<[Option<String>; 2]>,
    rule_cites: Vec<[String; 2]>,
    /// Whether each school denies the inference (`x does not follow from y`), with the
    /// denial's citations.
    denied: Vec<[Option<String>; 2]>,
    presence: Vec<[bool; 2]>,
    context: Vec<[BTreeSet<String>; 2]>,
    /// Each school's premise kind for a literal, with its citations.
    premise: HashMap<Literal, [Option<(PremiseKind, String)>; 2]>,
    preds: HashMap<DepNode, Vec<DepNode>>,
    divergent: BTreeSet<DepNode>,
    /// Divergent nodes whose difference is stated, not inherited: a premise only one school
    /// asserts, an inference only one draws (or draws with other exceptions or preferences).
    local: BTreeSet<DepNode>,
}

impl Dependencies {
    fn build(theory: &Theory, a: SchoolId, b: SchoolId, standings: &Standings) -> Self {
        let mut rules: Vec<Signature> = Vec::new();
        let mut rule_names: Vec<[Option<String>; 2]> = Vec::new();
        let mut rule_cites: Vec<[String; 2]> = Vec::new();
        let mut index: HashMap<Signature, usize> = HashMap::new();
        let mut presence: Vec<[bool; 2]> = Vec::new();
        let mut context: Vec<[BTreeSet<String>; 2]> = Vec::new();
        let mut preds: HashMap<DepNode, Vec<DepNode>> = HashMap::new();
        let mut lits: BTreeSet<Literal> = BTreeSet::new();
        let mut premise: HashMap<Literal, [Option<(PremiseKind, String)>; 2]> = HashMap::new();
        let mut exceptions: HashMap<usize, Vec<Literal>> = HashMap::new();
        for (side, sid) in [a, b].into_iter().enumerate() {
            let school = theory.school(sid);
            for p in &school.premises {
                premise.entry(p.literal).or_default()[side] = Some((p.kind, cites(&p.cite)));
                lits.insert(p.literal);
            }
            let mut local: Vec<usize> = Vec::new();
            for r in &school.rules {
                let mut ants = r.antecedents.clone();
                ants.sort();
                let sig = (r.kind, ants, r.consequent);
                let i = *index.entry(sig.clone()).or_insert_with(|| {
                    rules.push(sig.clone());
                    rule_names.push(Default::default());
                    rule_cites.push(Default::default());
                    presence.push([false; 2]);
                    context.push(Default::default());
                    rules.len() - 1
                });
                presence[i][side] = true;
                rule_names[i][side] = r.name.clone();
                rule_cites[i][side] = cites(&r.cite);
                local.push(i);
                lits.extend(r.antecedents.iter().copied());
                lits.insert(r.consequent);
            }
            for e in &school.exceptions {
                let i = local[e.rule.0 as usize];
                context[i][side].insert(format!("unless {}", theory.show(e.literal)));
                exceptions.entry(i).or_default().push(e.literal);
            }
            for p in &school.preferences {
                let show = |x: Preferable| match x {
                    Preferable::Rule(r) => rule_label(theory, &rules[local[r.0 as usize]]),
                    Preferable::Premise(l) => theory.show(l),
                };
                let text = format!("{} > {}", show(p.better), show(p.worse));
                for x in [p.better, p.worse] {
                    if let Preferable::Rule(r) = x {
                        context[local[r.0 as usize]][side].insert(text.clone());
                    }
                }
            }
            for c in &school.conflicts {
                preds
                    .entry(DepNode::Lit(c.to))
                    .or_default()
                    .push(DepNode::Lit(c.from));
                if c.kind == ConflictKind::Contradictory {
                    preds
                        .entry(DepNode::Lit(c.from))
                        .or_default()
                        .push(DepNode::Lit(c.to));
                }
            }
        }
        for l in lits.clone() {
            // A literal and its negation attack each other.
            preds
                .entry(DepNode::Lit(l))
                .or_default()
                .push(DepNode::Lit(l.negate()));
            preds
                .entry(DepNode::Lit(l.negate()))
                .or_default()
                .push(DepNode::Lit(l));
        }
        let mut divergent = BTreeSet::new();
        let mut local = BTreeSet::new();
        for l in lits.iter().flat_map(|l| [*l, l.negate()]) {
            if standings.get(a, l) != standings.get(b, l) {
                divergent.insert(DepNode::Lit(l));
                // Asserted as a premise by one school and not the other.
                let kinds = premise.get(&l).cloned().unwrap_or_default();
                if kinds[0].is_some() != kinds[1].is_some() {
                    local.insert(DepNode::Lit(l));
                }
            }
        }
        for (i, p) in presence.iter().enumerate() {
            if p[0] != p[1] || (p[0] && context[i][0] != context[i][1]) {
                divergent.insert(DepNode::Rule(i));
                local.insert(DepNode::Rule(i));
            }
        }
        // Inference edges: through a divergent inference's node, or straight from the
        // antecedents (and exceptions) of an inference both schools draw alike.
        for (i, (_, ants, cons)) in rules.iter().enumerate() {
            let from: Vec<DepNode> = ants
                .iter()
                .chain(exceptions.get(&i).into_iter().flatten())
                .map(|l| DepNode::Lit(*l))
                .collect();
            if divergent.contains(&DepNode::Rule(i)) {
                preds.entry(DepNode::Rule(i)).or_default().extend(from);
                preds
                    .entry(DepNode::Lit(*cons))
                    .or_default()
                    .push(DepNode::Rule(i));
            } else {
                preds.entry(DepNode::Lit(*cons)).or_default().extend(from);
            }
        }
        for v in preds.values_mut() {
            v.sort();
            v.dedup();
        }
        let denied = rules
            .iter()
            .map(|(_, ants, cons)| {
                [a, b].map(|sid| {
                    let school = theory.school(sid);
                    let mut set = ants.clone();
                    set.dedup();
                    (school.denials.iter())
                        .find(|x| x.consequent == *cons && x.antecedents == set)
                        .map(|x| cites(&x.cite))
                })
            })
            .collect();
        Dependencies {
            rules,
            rule_names,
            rule_cites,
            denied,
            presence,
            context,
            premise,
            preds,
            divergent,
            local,
        }
    }

    /// The root nodes (stated nodes and sources) of every divergent node's region, computed
    /// once for all: over the condensation of the divergent subgraph, sources first, a group's
    /// roots are its own stated members (all its members if nothing divergent feeds it) plus the
    /// roots of the groups that feed it. Linear in the subgraph times the roots per node.
    fn roots(&self) -> HashMap<DepNode, std::rc::Rc<Vec<DepNode>>> {
        use petgraph::graph::{DiGraph, NodeIndex};
        use std::rc::Rc;
        let nodes: Vec<DepNode> = self.divergent.iter().copied().collect();
        let index: HashMap<DepNode, NodeIndex> = nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (*n, NodeIndex::new(i)))
            .collect();
        let mut graph: DiGraph<DepNode, ()> = DiGraph::with_capacity(nodes.len(), nodes.len());
        for n in &nodes {
            graph.add_node(*n);
        }
        for n in &nodes {
            for p in self.preds.get(n).into_iter().flatten() {
                if let Some(&pi) = index.get(p) {
                    graph.add_edge(pi, index[n], ());
                }
            }
        }
        // Groups come downstream first (Kosaraju, iterative); walk them sources first.
        let groups = petgraph::algo::kosaraju_scc(&graph);
        let mut group_of = vec![0usize; nodes.len()];
        for (g, members) in groups.iter().enumerate() {
            for m in members {
                group_of[m.index()] = g;
            }
        }
        let mut roots: Vec<Rc<Vec<DepNode>>> =
            (0..groups.len()).map(|_| Rc::new(Vec::new())).collect();
        for g in (0..groups.len()).rev() {
            let members = &groups[g];
            let mut fed_by: Vec<usize> = members
                .iter()
                .flat_map(|m| graph.neighbors_directed(*m, petgraph::Direction::Incoming))
                .map(|p| group_of[p.index()])
                .filter(|&pg| pg != g)
                .collect();
            fed_by.sort_unstable();
            fed_by.dedup();
            let own: Vec<DepNode> = members
                .iter()
                .map(|m| graph[*m])
                .filter(|n| fed_by.is_empty() || self.local.contains(n))
                .collect();
            roots[g] = if own.is_empty() && fed_by.len() == 1 {
                Rc::clone(&roots[fed_by[0]])
            } else {
                let mut all = own;
                for pg in fed_by {
                    all.extend(roots[pg].iter().copied());
                }
                all.sort();
                all.dedup();
                Rc::new(all)
            };
        }
        nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (*n, Rc::clone(&roots[group_of[i]])))
            .collect()
    }

    fn crux(&self, node: DepNode, theory: &Theory) -> Crux {
        match node {
            // A claim and its negation are one point of divergence.
            DepNode::Lit(l) => Crux::Claim {
                literal: theory.claim(l.claim).id.clone(),
            },
            DepNode::Rule(i) => Crux::Inference {
                label: rule_label(theory, &self.rules[i]),
            },
        }
    }

    /// What each school states at a crux, with its citations and its own rule names.
    fn why(&self, node: DepNode, theory: &Theory, names: [&str; 2]) -> String {
        let mut parts: Vec<String> = Vec::new();
        match node {
            DepNode::Lit(l) => {
                // A claim and its negation are one point: say which each school asserts.
                let at = |side: usize| {
                    [l, l.negate()].into_iter().find_map(|x| {
                        let kinds = self.premise.get(&x)?;
                        kinds[side].clone().map(|k| (x, k))
                    })
                };
                let kinds = [at(0), at(1)];
                for side in 0..2 {
                    match &kinds[side] {
                        Some((x, (kind, cite))) => parts.push(format!(
                            "{} asserts {} as {}{cite}",
                            names[side],
                            theory.show(*x),
                            match kind {
                                PremiseKind::Axiom => "an axiom",
                                PremiseKind::Ordinary => "a premise",
                            }
                        )),
                        None if kinds[1 - side].is_some() => {
                            parts.push(format!("{} does not assert it", names[side]))
                        }
                        None => {}
                    }
                }
                if parts.is_empty() {
                    parts.push(format!(
                        "neither asserts {}; they derive or defeat it differently",
                        theory.show(l)
                    ));
                }
            }
            DepNode::Rule(i) => {
                for (side, school) in names.iter().enumerate() {
                    if !self.presence[i][side] {
                        parts.push(match &self.denied[i][side] {
                            Some(cite) => format!("{school} denies it{cite}"),
                            None => format!("{school} does not draw it"),
                        });
                        continue;
                    }
                    let name = self.rule_names[i][side]
                        .as_ref()
                        .map(|n| format!(" as `{n}`"))
                        .unwrap_or_default();
                    let context: Vec<&str> =
                        self.context[i][side].iter().map(String::as_str).collect();
                    let context = if context.is_empty() {
                        String::new()
                    } else {
                        format!(", with {}", context.join("; "))
                    };
                    parts.push(format!(
                        "{school} draws it{name}{}{context}",
                        self.rule_cites[i][side]
                    ));
                }
            }
        }
        parts.join("; ")
    }
}

/// A crux with what each school states there.
#[derive(Clone, Debug, Serialize)]
pub struct Explained {
    #[serde(flatten)]
    pub crux: Crux,
    pub why: String,
}

/// The cruxes of each divergent claim of a pair: for each claim, indices into the list of
/// cruxes (each crux listed once). A claim is never its own crux. Where nothing the two
/// schools state about the claim itself diverges (a claim one rejects only through an
/// accepted opposite), the cruxes of its declared opposites stand for it.
pub fn find(
    theory: &Theory,
    (a, b): (SchoolId, SchoolId),
    standings: &Standings,
    claims: &[(crate::model::ClaimId, Vec<Literal>)],
) -> (Vec<Explained>, Vec<Vec<usize>>) {
    if claims.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let deps = Dependencies::build(theory, a, b, standings);
    let roots = deps.roots();
    let names = [
        theory.school(a).name.as_str(),
        theory.school(b).name.as_str(),
    ];
    let mut index: HashMap<DepNode, usize> = HashMap::new();
    let mut list: Vec<Explained> = Vec::new();
    let mut per_claim = Vec::new();
    for (claim, opposites) in claims {
        let pos = Literal::pos(*claim);
        let own = |l: Literal| roots.get(&DepNode::Lit(l)).map(|r| r.to_vec());
        let mut nodes: Vec<DepNode> = [pos, pos.negate()]
            .into_iter()
            .filter_map(own)
            .flatten()
            .collect();
        if nodes.is_empty() {
            nodes = opposites.iter().filter_map(|o| own(*o)).flatten().collect();
        }
        // A claim and its negation are one point of divergence.
        for n in &mut nodes {
            if let DepNode::Lit(l) = n {
                *n = DepNode::Lit(Literal::pos(l.claim));
            }
        }
        nodes.sort();
        nodes.dedup();
        let mut mine = Vec::new();
        for n in nodes {
            if matches!(n, DepNode::Lit(l) if l.claim == *claim) {
                continue;
            }
            let i = *index.entry(n).or_insert_with(|| {
                list.push(Explained {
                    crux: deps.crux(n, theory),
                    why: deps.why(n, theory, names),
                });
                list.len() - 1
            });
            mine.push(i);
        }
        per_claim.push(mine);
    }
    (list, per_claim)
}

fn cites(cite: &[crate::model::Citation]) -> String {
    if cite.is_empty() {
        return String::new();
    }
    let all: Vec<String> = cite.iter().map(ToString::to_string).collect();
    format!(" [{}]", all.join("; "))
}

pub(super) fn rule_label(theory: &Theory, (kind, ants, cons): &Signature) -> String {
    let ants: Vec<String> = ants.iter().map(|l| theory.show(*l)).collect();
    let verb = match kind {
        RuleKind::Strict => "follows from",
        RuleKind::Defeasible => "usually follows from",
    };
    format!("{} {verb} {}", theory.show(*cons), ants.join(", "))
}
