//! Bounded variable elimination with gate detection (Eén & Biere, "Effective preprocessing in
//! SAT through variable and clause elimination", SAT 2005 — SatELite), and the extension of a
//! model of the reduced formula to the eliminated variables. Owns nothing but the formula it
//! is handed; `simplify` runs it before a one-call question reaches batsat, which has no
//! preprocessing of its own.
//!
//! Eliminating `v` replaces the clauses containing `v` or `¬v` by their non-tautological
//! resolvents on `v`, and is done only when that does not add clauses (the bound). When `v` is
//! defined by a gate among its clauses — `v ↔ ¬l₁ ∧ … ∧ ¬lₖ`, one clause `v ∨ l₁ ∨ … ∨ lₖ`
//! and the binary clauses `¬v ∨ ¬lᵢ` (or the same with `¬v` for `v`) — only resolvents of a
//! gate clause with a non-gate clause are needed: the others follow from them. The stable
//! encoding of an argument framework is made of such gates (`x_a` holds exactly when no
//! attacker's does), so most of its variables go; on the hard 20,000-argument framework of the
//! benchmarks, batsat's call fell from 4.4–5.1 s to 2.1–2.3 s.
//!
//! Frozen variables (those the caller will assume or read as it goes) are never eliminated.

use super::Lit;

/// A variable with more pairs of clauses to resolve than this (clauses with `v` times clauses
/// with `¬v`) is left alone: resolving them costs more than it can save. 300 gave the
/// 20,000-argument frameworks' stable calls their shortest totals (100 and 600 were slower).
const MAX_PRODUCT: usize = 300;
/// Resolvents longer than this stop the variable's elimination (long clauses propagate poorly).
const MAX_RESOLVENT: usize = 24;
/// Total resolution steps across the whole run; past it the formula is handed on as it stands.
const BUDGET: usize = 20_000_000;

/// The formula after elimination, and what is needed to give eliminated variables values.
pub(crate) struct Reduced {
    /// The clauses left, originals in their order first, then the resolvents.
    pub(crate) clauses: Vec<Vec<Lit>>,
    /// `gone[v]`: variable `v` was eliminated and is in no clause left.
    pub(crate) gone: Vec<bool>,
    /// Per eliminated variable, in the order eliminated: the witness literal and the clauses
    /// of its side. Undone last first.
    stack: Vec<(Lit, Vec<Vec<Lit>>)>,
}

impl Reduced {
    /// Extends a model of the reduced formula (`model[v]`, any value for eliminated variables)
    /// to a model of the original: each eliminated variable, last eliminated first, takes the
    /// value that falsifies its witness, unless one of its stored clauses then fails.
    pub(crate) fn extend(&self, model: &mut [bool]) {
        let holds = |model: &[bool], l: Lit| model[l.var() as usize] == l.positive();
        for (witness, clauses) in self.stack.iter().rev() {
            let v = witness.var() as usize;
            model[v] = !witness.positive();
            if clauses
                .iter()
                .any(|c| !c.iter().any(|&l| l != *witness && holds(model, l)))
            {
                model[v] = witness.positive();
            }
        }
    }
}

/// The working formula: clauses (removed ones are `None`), occurrence lists per literal
/// (cleaned lazily), and live counts per literal.
struct Formula {
    clauses: Vec<Option<Vec<Lit>>>,
    occurs: Vec<Vec<u32>>,
    live: Vec<usize>,
    /// `mark[l] == stamp`: `l` is in the clause being built or checked.
    mark: Vec<u32>,
    stamp: u32,
}

impl Formula {
    fn add(&mut self, clause: Vec<Lit>) {
        let id = self.clauses.len() as u32;
        for &l in &clause {
            self.occurs[l.0 as usize].push(id);
            self.live[l.0 as usize] += 1;
        }
        self.clauses.push(Some(clause));
    }

    fn remove(&mut self, id: u32) -> Vec<Lit> {
        let clause = self.clauses[id as usize].take().expect("a live clause");
        for &l in &clause {
            self.live[l.0 as usize] -= 1;
        }
        clause
    }

    /// The live clauses containing `l` into `out`, after dropping removed ones from its list.
    fn occurrences(&mut self, l: Lit, out: &mut Vec<u32>) {
        let clauses = &self.clauses;
        self.occurs[l.0 as usize].retain(|&id| clauses[id as usize].is_some());
        out.clear();
        out.extend_from_slice(&self.occurs[l.0 as usize]);
    }

    fn cost(&self, v: u32) -> usize {
        self.live[2 * v as usize] * self.live[2 * v as usize + 1]
    }

    fn next_stamp(&mut self) -> u32 {
        self.stamp += 1;
        self.stamp
    }

    /// The clauses of a gate defining `lit`'s variable with `lit` as output: a clause
    /// `lit ∨ l₁ ∨ … ∨ lₖ` (from `with`) whose every `lᵢ` has the binary clause `¬lit ∨ ¬lᵢ`
    /// (from `against`), the longest such; `None` when there is none.
    fn gate(&mut self, lit: Lit, with: &[u32], against: &[u32]) -> Option<Vec<u32>> {
        let Formula {
            clauses,
            mark,
            stamp: stamps,
            ..
        } = &mut *self;
        let clause = |id: u32| clauses[id as usize].as_deref().expect("a live clause");
        // The literal of a binary clause `¬lit ∨ other` besides `¬lit`.
        let other = |id: u32| match *clause(id) {
            [a, b] => Some(if a == !lit { b } else { a }),
            _ => None,
        };
        *stamps += 1;
        let stamp = *stamps;
        for o in against.iter().filter_map(|&id| other(id)) {
            mark[(!o).0 as usize] = stamp;
        }
        let out = with
            .iter()
            .copied()
            .filter(|&id| {
                let c = clause(id);
                c.len() > 1 && c.iter().all(|&l| l == lit || mark[l.0 as usize] == stamp)
            })
            .max_by_key(|&id| clause(id).len())?;
        *stamps += 1;
        let stamp = *stamps;
        for &l in clause(out).iter().filter(|&&l| l != lit) {
            mark[(!l).0 as usize] = stamp;
        }
        let mut gate = vec![out];
        for &id in against {
            if let Some(o) = other(id).filter(|o| mark[o.0 as usize] == stamp) {
                gate.push(id);
                // One binary clause per input is enough.
                mark[o.0 as usize] = 0;
            }
        }
        Some(gate)
    }
}

/// Eliminates what the bound allows from `clauses` over `vars` variables, never a `frozen`
/// one (`frozen[v]`). The reduced formula is satisfiable exactly when the original is, and
/// [`Reduced::extend`] turns its models into the original's.
pub(crate) fn eliminate(vars: u32, clauses: Vec<Vec<Lit>>, frozen: &[bool]) -> Reduced {
    let lits = 2 * vars as usize;
    let mut f = Formula {
        clauses: Vec::with_capacity(clauses.len()),
        occurs: vec![Vec::new(); lits],
        live: vec![0; lits],
        mark: vec![0; lits],
        stamp: 0,
    };
    for mut c in clauses {
        c.sort_unstable();
        c.dedup();
        // A clause with both `l` and `¬l` (adjacent once sorted) always holds.
        if !c.windows(2).any(|w| w[0] == !w[1]) {
            f.add(c);
        }
    }
    let mut gone = vec![false; vars as usize];
    let frozen = |v: u32| frozen.get(v as usize).copied().unwrap_or(false);
    let mut stack = Vec::new();
    let mut budget = BUDGET;
    // `failed[v]`: how many clauses `v` was in when its elimination last failed; it is tried
    // again only once it is in fewer.
    let mut failed = vec![usize::MAX; vars as usize];
    // Rounds: the variables of a round are tried cheapest first; those whose clauses changed
    // go to the next round.
    let mut queued = vec![false; vars as usize];
    let mut round: Vec<u32> = (0..vars).filter(|&v| !frozen(v)).collect();
    let (mut pos, mut neg) = (Vec::new(), Vec::new());
    while !round.is_empty() {
        round.sort_by_cached_key(|&v| (f.cost(v), v));
        for &v in &round {
            queued[v as usize] = true;
        }
        let mut next = Vec::new();
        for v in round {
            queued[v as usize] = false;
            let (p, n) = (Lit(2 * v), Lit(2 * v + 1));
            let count = f.live[p.0 as usize] + f.live[n.0 as usize];
            let product = f.cost(v);
            if count >= failed[v as usize] || product > MAX_PRODUCT || product > budget {
                continue;
            }
            budget -= product;
            f.occurrences(p, &mut pos);
            f.occurrences(n, &mut neg);
            let gate = f.gate(p, &pos, &neg).or_else(|| f.gate(n, &neg, &pos));
            let Some(resolvents) = resolvents(&mut f, v, (&pos, &neg), gate.as_deref()) else {
                failed[v as usize] = count;
                continue;
            };
            gone[v as usize] = true;
            // The smaller side is kept, with `v`'s literal on it as the witness.
            let (witness, side) = if pos.len() <= neg.len() {
                (p, &pos)
            } else {
                (n, &neg)
            };
            let mut kept = Vec::with_capacity(side.len());
            for &id in pos.iter().chain(&neg) {
                let clause = f.remove(id);
                for l in &clause {
                    let u = l.var();
                    if !gone[u as usize] && !queued[u as usize] && !frozen(u) {
                        queued[u as usize] = true;
                        next.push(u);
                    }
                }
                if side.contains(&id) {
                    kept.push(clause);
                }
            }
            stack.push((witness, kept));
            for r in resolvents {
                f.add(r);
            }
        }
        round = next;
    }
    Reduced {
        clauses: f.clauses.into_iter().flatten().collect(),
        gone,
        stack,
    }
}

/// The resolvents that replace `v`'s clauses, or `None` when there would be more of them than
/// clauses removed, or one would be too long. With a gate, only gate against non-gate.
fn resolvents(
    f: &mut Formula,
    v: u32,
    (pos, neg): (&[u32], &[u32]),
    gate: Option<&[u32]>,
) -> Option<Vec<Vec<Lit>>> {
    let in_gate = |id: u32| gate.is_some_and(|g| g.contains(&id));
    let (p_lit, n_lit) = (Lit(2 * v), Lit(2 * v + 1));
    let mut out = Vec::new();
    for &p in pos {
        // `p`'s other literals are marked once, for all its partners.
        let stamp = f.next_stamp();
        let Formula { clauses, mark, .. } = &mut *f;
        let p_clause = clauses[p as usize].as_deref().expect("a live clause");
        for &l in p_clause {
            mark[l.0 as usize] = stamp;
        }
        for &n in neg {
            if gate.is_some() && in_gate(p) == in_gate(n) {
                continue;
            }
            let n_clause = clauses[n as usize].as_deref().expect("a live clause");
            let others = |l: &&Lit| **l != n_lit && mark[l.0 as usize] != stamp;
            // Tautological when `n` has the negation of one of `p`'s other literals.
            if n_clause
                .iter()
                .any(|&l| l != n_lit && (!l) != p_lit && mark[(!l).0 as usize] == stamp)
            {
                continue;
            }
            let len = p_clause.len() - 1 + n_clause.iter().filter(others).count();
            if len > MAX_RESOLVENT || out.len() == pos.len() + neg.len() {
                return None;
            }
            let mut r = Vec::with_capacity(len);
            r.extend(p_clause.iter().copied().filter(|&l| l != p_lit));
            r.extend(n_clause.iter().filter(others).copied());
            out.push(r);
        }
    }
    Some(out)
}
