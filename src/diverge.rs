//! Where schools diverge: the status matrix of claims × schools, the classification of each
//! claim for a pair of schools, the root divergences (cruxes) each divergent claim follows
//! from, and an agreement matrix over all schools.
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

use crate::model::{ConflictKind, Literal, Preferable, PremiseKind, RuleKind, SchoolId, Theory};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A school's standing on a literal, as the divergence report compares it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Standing {
    Accepted,
    Credulous,
    Undecided,
    Rejected,
    /// The school has no argument for or against it (it does not speak of it).
    NotAddressed,
    /// agon cannot vouch for a standing here: the reasoning was cut short (the evaluation
    /// says why). Never compared as if it were a standing.
    Unknown,
}

impl Standing {
    pub fn word(self) -> &'static str {
        match self {
            Standing::Accepted => "accepted",
            Standing::Credulous => "credulous",
            Standing::Undecided => "undecided",
            Standing::Rejected => "rejected",
            Standing::NotAddressed => "not addressed",
            Standing::Unknown => "unknown",
        }
    }
}

/// Standings of every literal each school speaks of; literals missing are not addressed.
#[derive(Debug, Default)]
pub struct Standings {
    pub by_school: HashMap<SchoolId, HashMap<Literal, Standing>>,
}

impl Standings {
    pub fn get(&self, school: SchoolId, lit: Literal) -> Standing {
        self.by_school
            .get(&school)
            .and_then(|m| m.get(&lit))
            .copied()
            .unwrap_or(Standing::NotAddressed)
    }
}

/// How two schools relate on one claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    Agreement,
    /// One accepts the claim, the other accepts its negation or something contrary to it.
    Contradiction,
    /// One accepts it, the other rejects it.
    AcceptReject,
    /// One school addresses it, the other is silent.
    OneSilent,
    /// Any other difference (e.g. accepted against undecided).
    Differ,
    /// agon cannot vouch for one school's standing (its reasoning was cut short): neither a
    /// divergence nor an agreement.
    Unknown,
}

/// A root of divergence: a literal or an inference.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Crux {
    /// The schools hold this literal differently (e.g. one asserts it as a premise).
    Claim { literal: String },
    /// An inference one school draws and the other does not (or draws differently).
    Inference { label: String },
}

/// One divergent claim of a pair.
#[derive(Clone, Debug, Serialize)]
pub struct Divergence {
    pub claim: String,
    pub relation: Relation,
    pub first: Standing,
    pub second: Standing,
    pub cruxes: Vec<Crux>,
}

/// The comparison of two schools.
#[derive(Clone, Debug, Serialize)]
pub struct PairReport {
    pub first: String,
    pub second: String,
    pub jointly_addressed: usize,
    pub agreed: usize,
    pub divergences: Vec<Divergence>,
    /// Crux → the claims both schools address but hold differently that follow from it,
    /// largest group first. (Claims only one school addresses keep their cruxes in
    /// `divergences` but are not grouped: every one of them is its own story.)
    pub groups: Vec<(Crux, Vec<String>)>,
}

/// Compares two schools claim by claim. Claims are compared at the level of the claim `X`,
/// looking at the standings of both `X` and `not X`.
pub fn compare_pair(
    theory: &Theory,
    a: SchoolId,
    b: SchoolId,
    standings: &Standings,
) -> PairReport {
    let deps = Dependencies::build(theory, a, b, standings);
    let roots = deps.roots();
    let mut labels: HashMap<DepNode, Crux> = HashMap::new();
    let mut claims: BTreeSet<u32> = BTreeSet::new();
    for s in [a, b] {
        if let Some(m) = standings.by_school.get(&s) {
            claims.extend(m.keys().map(|l| l.claim.0));
        }
    }
    let mut divergences = Vec::new();
    let (mut jointly, mut agreed) = (0, 0);
    for c in claims {
        let pos = Literal::pos(crate::model::ClaimId(c));
        let view = |s| (standings.get(s, pos), standings.get(s, pos.negate()));
        let (va, vb) = (view(a), view(b));
        let addressed =
            |v: (Standing, Standing)| v != (Standing::NotAddressed, Standing::NotAddressed);
        let unknown =
            |v: (Standing, Standing)| v.0 == Standing::Unknown || v.1 == Standing::Unknown;
        if unknown(va) || unknown(vb) {
            divergences.push(Divergence {
                claim: theory.claim(pos.claim).id.clone(),
                relation: Relation::Unknown,
                first: summary(va),
                second: summary(vb),
                cruxes: Vec::new(),
            });
            continue;
        }
        if addressed(va) && addressed(vb) {
            jointly += 1;
        }
        if va == vb {
            if addressed(va) {
                agreed += 1;
            }
            continue;
        }
        let relation = relation(theory, a, b, pos, va, vb, standings);
        let mut cruxes: BTreeSet<Crux> = BTreeSet::new();
        for lit in [pos, pos.negate()] {
            for n in roots
                .get(&DepNode::Lit(lit))
                .into_iter()
                .flat_map(|r| r.iter())
            {
                let crux = labels.entry(*n).or_insert_with(|| deps.crux(*n, theory));
                cruxes.insert(crux.clone());
            }
        }
        let (first, second) = (summary(va), summary(vb));
        divergences.push(Divergence {
            claim: theory.claim(pos.claim).id.clone(),
            relation,
            first,
            second,
            cruxes: cruxes.into_iter().collect(),
        });
    }
    let mut groups: BTreeMap<Crux, Vec<String>> = BTreeMap::new();
    for d in divergences
        .iter()
        .filter(|d| !matches!(d.relation, Relation::OneSilent | Relation::Unknown))
    {
        for c in &d.cruxes {
            groups.entry(c.clone()).or_default().push(d.claim.clone());
        }
    }
    let mut groups: Vec<(Crux, Vec<String>)> = groups.into_iter().collect();
    groups.sort_by(|x, y| y.1.len().cmp(&x.1.len()).then_with(|| x.0.cmp(&y.0)));
    PairReport {
        first: theory.school(a).name.clone(),
        second: theory.school(b).name.clone(),
        jointly_addressed: jointly,
        agreed,
        divergences,
        groups,
    }
}

/// The standing of claim `X` summarised from `X` and `not X`: a school that accepts `not X`
/// rejects `X`.
pub fn summary((pos, neg): (Standing, Standing)) -> Standing {
    match (pos, neg) {
        (Standing::NotAddressed, Standing::Accepted) => Standing::Rejected,
        (Standing::NotAddressed, Standing::NotAddressed) => Standing::NotAddressed,
        (Standing::NotAddressed, other) => other,
        (p, _) => p,
    }
}

fn relation(
    theory: &Theory,
    a: SchoolId,
    b: SchoolId,
    pos: Literal,
    va: (Standing, Standing),
    vb: (Standing, Standing),
    standings: &Standings,
) -> Relation {
    let silent = |v: (Standing, Standing)| v == (Standing::NotAddressed, Standing::NotAddressed);
    if silent(va) || silent(vb) {
        return Relation::OneSilent;
    }
    // One accepts X and the other accepts not-X or a contrary of X (or the other way round).
    let accepts_against = |s: SchoolId, lit: Literal| {
        standings.get(s, lit.negate()) == Standing::Accepted
            || theory.school(s).conflicts.iter().any(|c| {
                let against = (c.to == lit && c.kind == ConflictKind::Contrary)
                    || (c.kind == ConflictKind::Contradictory && (c.to == lit || c.from == lit));
                let other = if c.from == lit { c.to } else { c.from };
                against && standings.get(s, other) == Standing::Accepted
            })
    };
    for lit in [pos, pos.negate()] {
        if (standings.get(a, lit) == Standing::Accepted && accepts_against(b, lit))
            || (standings.get(b, lit) == Standing::Accepted && accepts_against(a, lit))
        {
            return Relation::Contradiction;
        }
    }
    let (sa, sb) = (summary(va), summary(vb));
    match (sa, sb) {
        (Standing::Accepted, Standing::Rejected) | (Standing::Rejected, Standing::Accepted) => {
            Relation::AcceptReject
        }
        _ => Relation::Differ,
    }
}

/// An inference as the same statement across schools: kind, antecedents, conclusion.
type Signature = (RuleKind, Vec<Literal>, Literal);

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum DepNode {
    Lit(Literal),
    Rule(usize),
}

/// The dependency graph G of the module documentation, with divergence marked.
struct Dependencies {
    rules: Vec<Signature>,
    rule_names: Vec<Option<String>>,
    preds: HashMap<DepNode, Vec<DepNode>>,
    divergent: BTreeSet<DepNode>,
    /// Divergent nodes whose difference is stated, not inherited: a premise only one school
    /// asserts, an inference only one draws (or draws with other exceptions or preferences).
    local: BTreeSet<DepNode>,
}

impl Dependencies {
    fn build(theory: &Theory, a: SchoolId, b: SchoolId, standings: &Standings) -> Self {
        let mut rules: Vec<Signature> = Vec::new();
        let mut rule_names = Vec::new();
        let mut index: HashMap<Signature, usize> = HashMap::new();
        let mut presence: Vec<[bool; 2]> = Vec::new();
        let mut context: Vec<[BTreeSet<String>; 2]> = Vec::new();
        let mut preds: HashMap<DepNode, Vec<DepNode>> = HashMap::new();
        let mut lits: BTreeSet<Literal> = BTreeSet::new();
        let mut premise: HashMap<Literal, [Option<PremiseKind>; 2]> = HashMap::new();
        let mut exceptions: HashMap<usize, Vec<Literal>> = HashMap::new();
        for (side, sid) in [a, b].into_iter().enumerate() {
            let school = theory.school(sid);
            for p in &school.premises {
                premise.entry(p.literal).or_default()[side] = Some(p.kind);
                lits.insert(p.literal);
            }
            let mut local: Vec<usize> = Vec::new();
            for r in &school.rules {
                let mut ants = r.antecedents.clone();
                ants.sort();
                let sig = (r.kind, ants, r.consequent);
                let i = *index.entry(sig.clone()).or_insert_with(|| {
                    rules.push(sig.clone());
                    rule_names.push(r.name.clone());
                    presence.push([false; 2]);
                    context.push(Default::default());
                    rules.len() - 1
                });
                presence[i][side] = true;
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
                let kinds = premise.get(&l).copied().unwrap_or_default();
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
        Dependencies {
            rules,
            rule_names,
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
        // Tarjan yields groups downstream first; walk them sources first.
        let groups = petgraph::algo::tarjan_scc(&graph);
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
                label: match &self.rule_names[i] {
                    Some(name) => format!("{name}: {}", rule_label(theory, &self.rules[i])),
                    None => rule_label(theory, &self.rules[i]),
                },
            },
        }
    }
}

fn rule_label(theory: &Theory, (kind, ants, cons): &Signature) -> String {
    let ants: Vec<String> = ants.iter().map(|l| theory.show(*l)).collect();
    let verb = match kind {
        RuleKind::Strict => "follows from",
        RuleKind::Defeasible => "usually follows from",
    };
    format!("{} {verb} {}", theory.show(*cons), ants.join(", "))
}

/// The share of jointly addressed claims on which each pair agrees (1.0 on the diagonal;
/// `None` where two schools address no claim in common).
pub fn agreement_matrix(reports: &[PairReport], schools: &[String]) -> Vec<Vec<Option<f64>>> {
    let n = schools.len();
    let mut m = vec![vec![None; n]; n];
    for (i, row) in m.iter_mut().enumerate() {
        row[i] = Some(1.0);
    }
    for r in reports {
        let (Some(i), Some(j)) = (
            schools.iter().position(|s| *s == r.first),
            schools.iter().position(|s| *s == r.second),
        ) else {
            continue;
        };
        let share = (r.jointly_addressed > 0).then(|| r.agreed as f64 / r.jointly_addressed as f64);
        m[i][j] = share;
        m[j][i] = share;
    }
    m
}

/// The joint debate: the compared schools' premises, inferences, exceptions, conflicts and
/// preferences put into one school (each statement kept once), so their arguments meet.
/// Orderings: the first school's.
pub fn joint_school(theory: &Theory, schools: &[SchoolId]) -> crate::model::School {
    use crate::model::{Preference, RuleId};
    let first = theory.school(schools[0]);
    let mut joint = crate::model::School::new("joint".into(), "Joint debate".into(), first.span);
    joint.ordering = first.ordering;
    let mut rule_index: HashMap<Signature, RuleId> = HashMap::new();
    let mut premise_seen: HashMap<Literal, usize> = HashMap::new();
    for &sid in schools {
        let s = theory.school(sid);
        for p in &s.premises {
            match premise_seen.get(&p.literal) {
                // An axiom in any school stays an axiom in the debate.
                Some(&i) if p.kind == PremiseKind::Axiom => {
                    joint.premises[i].kind = PremiseKind::Axiom
                }
                Some(_) => {}
                None => {
                    premise_seen.insert(p.literal, joint.premises.len());
                    joint.premises.push(p.clone());
                }
            }
        }
        let mut local: Vec<RuleId> = Vec::new();
        for r in &s.rules {
            let mut ants = r.antecedents.clone();
            ants.sort();
            let id = *rule_index
                .entry((r.kind, ants, r.consequent))
                .or_insert_with(|| {
                    joint.rules.push(r.clone());
                    RuleId(joint.rules.len() as u32 - 1)
                });
            local.push(id);
        }
        for e in &s.exceptions {
            let mut e = e.clone();
            e.rule = local[e.rule.0 as usize];
            joint.exceptions.push(e);
        }
        for p in &s.preferences {
            let map = |x: Preferable| match x {
                Preferable::Rule(r) => Preferable::Rule(local[r.0 as usize]),
                other => other,
            };
            joint.preferences.push(Preference {
                better: map(p.better),
                worse: map(p.worse),
                ..p.clone()
            });
        }
        joint.conflicts.extend(s.conflicts.iter().cloned());
    }
    // Preferences the schools state in opposite directions cancel out.
    let pairs: BTreeSet<(Preferable, Preferable)> = joint
        .preferences
        .iter()
        .map(|p| (p.better, p.worse))
        .collect();
    joint
        .preferences
        .retain(|p| !pairs.contains(&(p.worse, p.better)));
    joint
}
