//! Extensions through SAT (batsat, a MiniSat port). One variable `x_a` per argument says `a`
//! is in; `o_a` says `a` is attacked by the set; `r_a = x_a ∨ o_a` is `a`'s range. The
//! encodings are the standard ones (Besnard & Doutre 2004): conflict-freeness, defence
//! (admissible), `a` in whenever defended (complete), `a` in or attacked (stable).
//! Preferred and semi-stable extensions are found by iterated maximisation (of the set, of
//! the range) with blocking clauses, as in Cerutti et al.'s solvers; the ideal extension is
//! the largest admissible subset of the intersection of the preferred ones. Each enumeration
//! costs one series of SAT calls per extension: the work follows the number of extensions,
//! which is inherent (the decision problems for preferred and semi-stable are Π2-complete).

use super::{grounded, Extension, Framework, Label, Semantics};
use batsat::{lbool, BasicSolver, Lit, SolverInterface, Var};

/// Extensions found, and whether enumeration stopped at the limit before finding them all.
#[derive(Clone, Debug, Default)]
pub struct Enumeration {
    pub extensions: Vec<Extension>,
    pub truncated: bool,
}

/// Every extension under the semantics (sorted, each sorted), up to `limit` of them.
pub fn extensions(af: &Framework, semantics: Semantics, limit: usize) -> Enumeration {
    match semantics {
        Semantics::Grounded => Enumeration {
            extensions: vec![members(&grounded(af))],
            truncated: false,
        },
        Semantics::Complete => Encoding::new(af, Kind::Complete).all_models(limit),
        Semantics::Stable => Encoding::new(af, Kind::Stable).all_models(limit),
        Semantics::Preferred => Encoding::new(af, Kind::Complete).maximal_sets(limit),
        Semantics::SemiStable => Encoding::new(af, Kind::Complete).maximal_ranges(limit),
        Semantics::Ideal => {
            let preferred = Encoding::new(af, Kind::Complete).maximal_sets(usize::MAX);
            Enumeration {
                extensions: vec![ideal(af, &preferred.extensions)],
                truncated: false,
            }
        }
    }
    .sorted()
}

impl Enumeration {
    fn sorted(mut self) -> Self {
        for e in &mut self.extensions {
            e.sort_unstable();
        }
        self.extensions.sort();
        self
    }
}

fn members(labels: &[Label]) -> Extension {
    (0..labels.len() as u32)
        .filter(|&a| labels[a as usize] == Label::In)
        .collect()
}

/// The largest admissible subset of the intersection of the preferred extensions: start from
/// the intersection and drop, until nothing changes, every argument with an attacker the set
/// does not attack (admissible sets are closed under union, so this greatest fixpoint is it).
fn ideal(af: &Framework, preferred: &[Extension]) -> Extension {
    let n = af.len();
    let mut count = vec![0usize; n];
    for &a in preferred.iter().flatten() {
        count[a as usize] += 1;
    }
    let mut inside: Vec<bool> = count
        .iter()
        .map(|&c| c == preferred.len() && c > 0)
        .collect();
    loop {
        let mut attacked = vec![false; n];
        for a in (0..n as u32).filter(|&a| inside[a as usize]) {
            for &b in af.attacked_by(a) {
                attacked[b as usize] = true;
            }
        }
        let undefended: Vec<usize> = (0..n)
            .filter(|&a| {
                inside[a]
                    && af
                        .attackers(a as u32)
                        .iter()
                        .any(|&b| !attacked[b as usize])
            })
            .collect();
        if undefended.is_empty() {
            return (0..n as u32).filter(|&a| inside[a as usize]).collect();
        }
        for a in undefended {
            inside[a] = false;
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Complete,
    Stable,
}

struct Encoding {
    solver: BasicSolver,
    n: usize,
    x: Vec<Var>,
    r: Vec<Var>,
}

fn pos(v: Var) -> Lit {
    Lit::new(v, true)
}

fn neg(v: Var) -> Lit {
    Lit::new(v, false)
}

impl Encoding {
    fn new(af: &Framework, kind: Kind) -> Self {
        let mut solver = BasicSolver::default();
        let n = af.len();
        let x: Vec<Var> = (0..n).map(|_| solver.new_var_default()).collect();
        let o: Vec<Var> = (0..n).map(|_| solver.new_var_default()).collect();
        let r: Vec<Var> = (0..n).map(|_| solver.new_var_default()).collect();
        let add = |solver: &mut BasicSolver, mut clause: Vec<Lit>| {
            solver.add_clause_reuse(&mut clause);
        };
        for a in 0..n {
            let attackers = af.attackers(a as u32);
            // o_a <-> OR of x_b over attackers b.
            let mut c = vec![neg(o[a])];
            c.extend(attackers.iter().map(|&b| pos(x[b as usize])));
            add(&mut solver, c);
            for &b in attackers {
                add(&mut solver, vec![pos(o[a]), neg(x[b as usize])]);
                // Conflict-free.
                add(&mut solver, vec![neg(x[a]), neg(x[b as usize])]);
                // Defence: if a is in, every attacker is attacked.
                add(&mut solver, vec![neg(x[a]), pos(o[b as usize])]);
            }
            // r_a <-> x_a or o_a.
            add(&mut solver, vec![neg(r[a]), pos(x[a]), pos(o[a])]);
            add(&mut solver, vec![pos(r[a]), neg(x[a])]);
            add(&mut solver, vec![pos(r[a]), neg(o[a])]);
            match kind {
                // Completeness: if every attacker is attacked, a is in.
                Kind::Complete => {
                    let mut c = vec![pos(x[a])];
                    c.extend(attackers.iter().map(|&b| neg(o[b as usize])));
                    add(&mut solver, c);
                }
                Kind::Stable => add(&mut solver, vec![pos(x[a]), pos(o[a])]),
            }
        }
        Encoding { solver, n, x, r }
    }

    fn solve(&mut self, assumptions: &[Lit]) -> bool {
        self.solver.solve_limited(assumptions) == lbool::TRUE
    }

    fn model(&self, vars: &[Var]) -> Vec<bool> {
        vars.iter()
            .map(|&v| self.solver.value_var(v) == lbool::TRUE)
            .collect()
    }

    fn set(bits: &[bool]) -> Extension {
        (0..bits.len() as u32)
            .filter(|&a| bits[a as usize])
            .collect()
    }

    fn add(&mut self, mut clause: Vec<Lit>) {
        self.solver.add_clause_reuse(&mut clause);
    }

    /// A fresh variable that switches a temporary clause on when assumed true.
    fn activation(&mut self) -> Var {
        self.solver.new_var_default()
    }

    /// Every model, each blocked once found.
    fn all_models(mut self, limit: usize) -> Enumeration {
        let mut out = Enumeration::default();
        while self.solve(&[]) {
            if out.extensions.len() >= limit {
                out.truncated = true;
                break;
            }
            let bits = self.model(&self.x);
            let block: Vec<Lit> = (0..self.n)
                .map(|a| {
                    if bits[a] {
                        neg(self.x[a])
                    } else {
                        pos(self.x[a])
                    }
                })
                .collect();
            out.extensions.push(Self::set(&bits));
            self.add(block);
        }
        out
    }

    /// Grows a model of `vars` until no model has a strictly larger true set, keeping
    /// `extra` assumptions. Returns the maximal true set.
    fn grow(&mut self, vars: &[Var], mut bits: Vec<bool>, extra: &[Lit]) -> Vec<bool> {
        loop {
            let act = self.activation();
            let mut larger = vec![neg(act)];
            larger.extend((0..self.n).filter(|&a| !bits[a]).map(|a| pos(vars[a])));
            self.add(larger);
            let mut assumptions: Vec<Lit> = (0..self.n)
                .filter(|&a| bits[a])
                .map(|a| pos(vars[a]))
                .collect();
            assumptions.push(pos(act));
            assumptions.extend_from_slice(extra);
            let found = self.solve(&assumptions);
            let next = found.then(|| self.model(vars));
            self.add(vec![neg(act)]);
            match next {
                Some(b) => bits = b,
                None => return bits,
            }
        }
    }

    /// Preferred extensions: maximal complete extensions, each blocked (later ones must
    /// contain an argument outside it).
    fn maximal_sets(mut self, limit: usize) -> Enumeration {
        let mut out = Enumeration::default();
        let x = self.x.clone();
        while self.solve(&[]) {
            if out.extensions.len() >= limit {
                out.truncated = true;
                break;
            }
            let first = self.model(&x);
            let bits = self.grow(&x, first, &[]);
            let block: Vec<Lit> = (0..self.n)
                .filter(|&a| !bits[a])
                .map(|a| pos(x[a]))
                .collect();
            out.extensions.push(Self::set(&bits));
            if block.is_empty() {
                break;
            }
            self.add(block);
        }
        out
    }

    /// Semi-stable extensions: complete extensions whose range is maximal. Each maximal range
    /// found yields every complete extension with exactly that range; then the range is blocked.
    fn maximal_ranges(mut self, limit: usize) -> Enumeration {
        let mut out = Enumeration::default();
        let (x, r) = (self.x.clone(), self.r.clone());
        'ranges: while self.solve(&[]) {
            let first = self.model(&r);
            let range = self.grow(&r, first, &[]);
            let fixed: Vec<Lit> = (0..self.n)
                .map(|a| if range[a] { pos(r[a]) } else { neg(r[a]) })
                .collect();
            // All complete extensions with this range, blocked one by one under an activation literal.
            let act = self.activation();
            loop {
                let mut assumptions = fixed.clone();
                assumptions.push(pos(act));
                if !self.solve(&assumptions) {
                    break;
                }
                if out.extensions.len() >= limit {
                    out.truncated = true;
                    break 'ranges;
                }
                let bits = self.model(&x);
                let mut block = vec![neg(act)];
                block.extend((0..self.n).map(|a| if bits[a] { neg(x[a]) } else { pos(x[a]) }));
                out.extensions.push(Self::set(&bits));
                self.add(block);
            }
            self.add(vec![neg(act)]);
            let block: Vec<Lit> = (0..self.n)
                .filter(|&a| !range[a])
                .map(|a| pos(r[a]))
                .collect();
            if block.is_empty() {
                break;
            }
            self.add(block);
        }
        out
    }
}
