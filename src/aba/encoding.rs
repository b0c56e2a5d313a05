//! The SAT encoding of a flat ABA framework's complete or stable assumption sets, on the
//! part the grounded set leaves open, with derivability encoded exactly.
//!
//! Variables: `x_a` (assumption `a` is in S), `att_a` (S attacks `a`), `r_a = x_a ∨ att_a`
//! (the range), and two copies of derivability: `d_p` (atom `p` ∈ Th(S)) and, for complete
//! sets, `e_p` (`p` ∈ Th(U_S), U_S the assumptions S does not attack). Each copy is the Clark
//! completion of the rules (`p` holds iff the body of some rule for `p` holds), which admits
//! self-supporting loops; when the rules have a positive loop, every model is checked against
//! the least fixpoint (a linear closure), and each unfounded loop found gets its loop formula
//! (Lin & Zhao 2004, as in ASSAT): "if an atom of the loop holds, some rule from outside the
//! loop supports it". Loop formulas hold in every least model, so they are added for good,
//! and the search repeats until the model is founded. (Without positive loops every model of
//! the completion is founded, and none is checked.) This is the guess-and-check that ASP solvers perform natively
//! (the ASPforABA encodings of Lehtonen, Wallner & Järvisalo, JAIR 2021 rely on it).
//!
//! Constraints (Čyras et al. 2018): conflict-free `x_a → ¬att_a`; stable `¬x_a → att_a`;
//! complete: `x_a` iff no contrary of `a` is in Th(U_S) (S defends exactly its members).
//!
//! Atoms and assumptions the grounded set settles are constants, not variables: every
//! complete set S contains G and none of what G attacks, and G ⊆ S ⊆ U_S ⊆ U_G gives
//! Th(G) ⊆ Th(S) ⊆ Th(U_S) ⊆ Th(U_G). Only atoms in Th(U_G) \ Th(G) get variables.

use super::closure::{self, Closure};
use super::grounded::Grounded;
use super::{AsmId, Framework};
use batsat::{lbool, BasicSolver, Lit, SolverInterface, Var};

/// Which extensions the encoding's models are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Base {
    Complete,
    Stable,
}

/// A value in the encoding: a constant, or a literal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Val {
    True,
    False,
    Lit(Lit),
}

impl Val {
    /// The negation (constants flipped).
    pub(crate) fn not(self) -> Val {
        match self {
            Val::True => Val::False,
            Val::False => Val::True,
            Val::Lit(l) => Val::Lit(!l),
        }
    }
}

pub(crate) fn pos(v: Var) -> Lit {
    Lit::new(v, true)
}

/// One copy of derivability: a value per atom and per rule body.
struct Copy {
    atom: Vec<Val>,
    body: Vec<Val>,
}

/// A solver loaded with the encoding.
pub(crate) struct Encoding<'f> {
    f: &'f Framework,
    solver: BasicSolver,
    /// Per assumption: in, attacked, in range.
    x: Vec<Val>,
    att: Vec<Val>,
    range: Vec<Val>,
    d: Copy,
    e: Option<Copy>,
    /// Assumptions left open by the grounded set.
    free: Vec<AsmId>,
    /// The rules have a positive loop, so models must be checked for foundedness.
    loops: bool,
}

impl<'f> Encoding<'f> {
    pub(crate) fn new(f: &'f Framework, g: &Grounded, base: Base) -> Self {
        let mut solver = BasicSolver::default();
        let n = f.assumption_count();
        let open = |p: u32| g.undefeated.contains(p) && !g.derived.contains(p);
        let mut x = vec![Val::False; n];
        let mut free = Vec::new();
        for a in 0..n as u32 {
            if g.inside[a as usize] {
                x[a as usize] = Val::True;
            } else if !g.attacked[a as usize] && open(f.atom_of(a)) {
                // Deciding assumptions in first makes models large: fewer rounds to climb.
                x[a as usize] = Val::Lit(pos(solver.new_var(lbool::TRUE, true)));
                free.push(a);
            }
        }
        let d = copy(f, g, &mut solver, |a| x[a as usize]);
        let mut att = vec![Val::False; n];
        for a in 0..n as u32 {
            att[a as usize] = if g.attacked[a as usize] {
                Val::True
            } else if g.inside[a as usize] {
                Val::False
            } else {
                let cs: Vec<Val> = f
                    .contraries(a)
                    .iter()
                    .map(|&c| d.atom[c as usize])
                    .collect();
                or(&mut solver, &cs)
            };
        }
        let e =
            (base == Base::Complete).then(|| copy(f, g, &mut solver, |a| att[a as usize].not()));
        let mut range = vec![Val::False; n];
        for a in 0..n as u32 {
            range[a as usize] = or(&mut solver, &[x[a as usize], att[a as usize]]);
        }
        let mut enc = Encoding {
            f,
            solver,
            x,
            att,
            range,
            d,
            e,
            free,
            loops: f.has_loops(),
        };
        for i in 0..enc.free.len() {
            let a = enc.free[i] as usize;
            let (xa, atta) = (enc.x[a], enc.att[a]);
            // Conflict-free.
            enc.clause(&[xa.not(), atta.not()]);
            match base {
                Base::Stable => enc.clause(&[xa, atta]),
                Base::Complete => {
                    let e = enc.e.as_ref().expect("complete has e");
                    let cs: Vec<Val> = f
                        .contraries(a as u32)
                        .iter()
                        .map(|&c| e.atom[c as usize])
                        .collect();
                    // In only if defended; in whenever defended.
                    for &c in &cs {
                        enc.clause(&[xa.not(), c.not()]);
                    }
                    let mut all = cs;
                    all.push(xa);
                    enc.clause(&all);
                }
            }
        }
        enc
    }

    /// The assumptions the grounded set leaves open.
    pub(crate) fn free(&self) -> &[AsmId] {
        &self.free
    }

    /// Adds a clause over values (true constants satisfy it; false ones drop out).
    pub(crate) fn clause(&mut self, vals: &[Val]) {
        let mut lits = Vec::with_capacity(vals.len());
        for v in vals {
            match *v {
                Val::True => return,
                Val::False => {}
                Val::Lit(l) => lits.push(l),
            }
        }
        self.solver.add_clause_reuse(&mut lits);
    }

    /// A fresh literal `act`; `clause ∨ ¬act` is added, so the clause holds while `act` is
    /// assumed. Retire it with [`Encoding::retire`].
    pub(crate) fn guard(&mut self, vals: &[Val]) -> Lit {
        let act = pos(self.solver.new_var_default());
        let mut v = vals.to_vec();
        v.push(Val::Lit(!act));
        self.clause(&v);
        act
    }

    /// A fresh literal, constrained by nothing yet.
    pub(crate) fn fresh(&mut self) -> Lit {
        pos(self.solver.new_var_default())
    }

    /// The framework encoded.
    pub(crate) fn framework(&self) -> &'f Framework {
        self.f
    }

    pub(crate) fn retire(&mut self, act: Lit) {
        self.solver.add_clause_reuse(&mut vec![!act]);
    }

    /// A fresh variable equal to the disjunction of the values.
    pub(crate) fn or(&mut self, vals: &[Val]) -> Val {
        or(&mut self.solver, vals)
    }

    pub(crate) fn x(&self, a: AsmId) -> Val {
        self.x[a as usize]
    }

    pub(crate) fn range(&self, a: AsmId) -> Val {
        self.range[a as usize]
    }

    /// `p` ∈ Th(S).
    pub(crate) fn derives(&self, p: u32) -> Val {
        self.d.atom[p as usize]
    }

    /// `p` ∈ Th(U_S): some argument for `p` is not defeated (complete base only).
    pub(crate) fn undefeated(&self, p: u32) -> Val {
        self.e.as_ref().expect("complete base").atom[p as usize]
    }

    fn value(&self, v: Val) -> bool {
        match v {
            Val::True => true,
            Val::False => false,
            Val::Lit(l) => self.solver.value_lit(l) == lbool::TRUE,
        }
    }

    /// Solves under the assumption literals (constants: `False` fails at once), adding loop
    /// formulas until the model's derivations are founded. True when a model exists.
    pub(crate) fn solve(&mut self, assumed: &[Val]) -> bool {
        let mut lits = Vec::with_capacity(assumed.len());
        for v in assumed {
            match *v {
                Val::True => {}
                Val::False => return false,
                Val::Lit(l) => lits.push(l),
            }
        }
        loop {
            if self.solver.solve_limited(&lits) != lbool::TRUE {
                return false;
            }
            // Without positive loops the completion's models are founded.
            if !self.loops || !self.repair() {
                return true;
            }
        }
    }

    /// The last model's assumption set, per assumption.
    pub(crate) fn inside(&self) -> Vec<bool> {
        self.x.iter().map(|&v| self.value(v)).collect()
    }

    /// The last model's range, per assumption.
    pub(crate) fn in_range(&self) -> Vec<bool> {
        self.range.iter().map(|&v| self.value(v)).collect()
    }

    /// Checks the model's derivations against least fixpoints; adds loop formulas for the
    /// unfounded loops. True when something was added (the model was not founded).
    fn repair(&mut self) -> bool {
        let f = self.f;
        let inside = self.inside();
        let th = closure::derive(f, |a| inside[a as usize]);
        let mut added = self.repair_copy(true, &th);
        if self.e.is_some() {
            let attacked: Vec<bool> = self.att.iter().map(|&v| self.value(v)).collect();
            let tu = closure::derive(f, |a| !attacked[a as usize]);
            added |= self.repair_copy(false, &tu);
        }
        added
    }

    fn repair_copy(&mut self, d: bool, lfp: &Closure) -> bool {
        let f = self.f;
        let copy = if d {
            &self.d
        } else {
            self.e.as_ref().expect("e")
        };
        // Atoms the model derives that the least fixpoint does not.
        let mut unfounded = vec![false; f.atom_count()];
        let mut members = Vec::new();
        for (p, &v) in copy.atom.iter().enumerate() {
            if let Val::Lit(_) = v {
                if !f.is_assumption(p as u32) && self.value(v) && !lfp.contains(p as u32) {
                    unfounded[p] = true;
                    members.push(p as u32);
                }
            }
        }
        if members.is_empty() {
            return false;
        }
        // Edges q → p for rules of p whose body holds in the model, q unfounded in the body.
        let mut graph = petgraph::graph::DiGraph::<u32, ()>::new();
        let mut node = vec![u32::MAX; f.atom_count()];
        for &p in &members {
            node[p as usize] = graph.add_node(p).index() as u32;
        }
        for &p in &members {
            for &r in f.heads(p) {
                let body = copy.body[r as usize];
                if !self.value(body) {
                    continue;
                }
                for &q in &f.rules()[r as usize].body {
                    if unfounded[q as usize] {
                        graph.add_edge(
                            petgraph::graph::NodeIndex::new(node[q as usize] as usize),
                            petgraph::graph::NodeIndex::new(node[p as usize] as usize),
                            (),
                        );
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
        let mut clauses: Vec<(Vec<u32>, Vec<Val>)> = Vec::new();
        for (k, scc) in sccs.iter().enumerate() {
            if entered[k] {
                continue;
            }
            let loop_atoms: Vec<u32> = scc.iter().map(|n| graph[*n]).collect();
            let in_loop = |q: u32| loop_atoms.contains(&q);
            let mut external = Vec::new();
            for &p in &loop_atoms {
                for &r in f.heads(p) {
                    let rule = &f.rules()[r as usize];
                    if rule.body.iter().all(|&q| !in_loop(q)) {
                        external.push(copy.body[r as usize]);
                    }
                }
            }
            clauses.push((loop_atoms, external));
        }
        for (atoms, external) in clauses {
            let copy = if d {
                &self.d
            } else {
                self.e.as_ref().expect("e")
            };
            let heads: Vec<Val> = atoms.iter().map(|&p| copy.atom[p as usize]).collect();
            let support = if heads.len() == 1 {
                None
            } else {
                Some(self.or(&external))
            };
            for h in heads {
                match support {
                    Some(s) => self.clause(&[h.not(), s]),
                    None => {
                        let mut c = external.clone();
                        c.push(h.not());
                        self.clause(&c);
                    }
                }
            }
        }
        true
    }
}

/// A fresh variable equal to the disjunction (constants folded).
fn or(solver: &mut BasicSolver, vals: &[Val]) -> Val {
    let lits: Vec<Lit> = match fold(vals, Val::True) {
        Ok(lits) => lits,
        Err(v) => return v,
    };
    match lits.as_slice() {
        [] => Val::False,
        [l] => Val::Lit(*l),
        _ => {
            let v = pos(solver.new_var_default());
            let mut c = vec![!v];
            c.extend(&lits);
            solver.add_clause_reuse(&mut c);
            for &l in &lits {
                solver.add_clause_reuse(&mut vec![v, !l]);
            }
            Val::Lit(v)
        }
    }
}

/// A fresh variable equal to the conjunction (constants folded): ¬(¬v1 ∨ … ∨ ¬vn).
fn and(solver: &mut BasicSolver, vals: &[Val]) -> Val {
    let negated: Vec<Val> = vals.iter().map(|v| v.not()).collect();
    or(solver, &negated).not()
}

/// The literals among the values, or `Err(absorbing)` when a value equals `absorbing`;
/// the other constant drops out.
fn fold(vals: &[Val], absorbing: Val) -> Result<Vec<Lit>, Val> {
    let mut lits = Vec::with_capacity(vals.len());
    for &v in vals {
        match v {
            Val::Lit(l) => lits.push(l),
            c if c == absorbing => return Err(c),
            _ => {}
        }
    }
    lits.sort_unstable();
    lits.dedup();
    Ok(lits)
}

/// One copy of derivability (the completion of the rules) over the open atoms, with the
/// assumptions' values given by `assumption`.
fn copy(
    f: &Framework,
    g: &Grounded,
    solver: &mut BasicSolver,
    assumption: impl Fn(AsmId) -> Val,
) -> Copy {
    let n = f.atom_count();
    let mut atom = vec![Val::False; n];
    for p in 0..n as u32 {
        if g.derived.contains(p) {
            atom[p as usize] = Val::True;
        } else if !g.undefeated.contains(p) {
            atom[p as usize] = Val::False;
        } else if let Some(a) = f.assumption(p) {
            atom[p as usize] = assumption(a);
        } else {
            atom[p as usize] = Val::Lit(pos(solver.new_var_default()));
        }
    }
    let body: Vec<Val> = f
        .rules()
        .iter()
        .map(|r| {
            let vals: Vec<Val> = r.body.iter().map(|&q| atom[q as usize]).collect();
            and(solver, &vals)
        })
        .collect();
    // Completion: an open atom holds iff some rule's body holds.
    for p in 0..n as u32 {
        let Val::Lit(lp) = atom[p as usize] else {
            continue;
        };
        if f.is_assumption(p) {
            continue;
        }
        let mut supports = vec![!lp];
        for &r in f.heads(p) {
            match body[r as usize] {
                // Cannot happen (the atom would be in Th(G)); stay sound if it does.
                Val::True => {
                    solver.add_clause_reuse(&mut vec![lp]);
                }
                Val::False => {}
                Val::Lit(b) => {
                    supports.push(b);
                    solver.add_clause_reuse(&mut vec![lp, !b]);
                }
            }
        }
        solver.add_clause_reuse(&mut supports);
    }
    Copy { atom, body }
}
