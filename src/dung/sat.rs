//! The SAT engine behind every semantics but the grounded one: the propositional encodings,
//! and the incremental search patterns built on them (enumeration with blocking clauses,
//! maximisation of the set or of its range, and the counterexample-guided loops that decide
//! acceptance), over the solvers of [`crate::sat`]; a question settled by calls that add no
//! clause ([`Encoding::for_one_call`]: one stable extension, or one holding or lacking an
//! argument) gets the solver with preprocessing. Owns no public API; `semantics`,
//! `acceptance` and `ideal` call it.
//!
//! Arguments the grounded labelling settles are left out of the encoding: every complete
//! extension contains the grounded extension `G` and none of the arguments `G⁺` it attacks,
//! and the complete (preferred, stable, semi-stable) extensions are exactly `G ∪ E` for `E`
//! complete (preferred, stable, semi-stable) in the framework restricted to the undecided
//! arguments (the reduct by the grounded extension, Baumann, Brewka & Ulbricht 2020). So the
//! encoding only holds the undecided part, often a small fraction of the framework.
//!
//! The stable kind has one variable `x_a` (`a` is in) per undecided argument: a binary clause
//! per attack (conflict-free) and, per argument, `x_a` or some attacker's `x` (in or attacked).
//! So has the admissible kind (preferred semantics, and credulous acceptance under complete
//! and preferred semantics): per attack `b → a`, `x_a → ¬x_b` and `x_a →` some attacker of
//! `b` is in. An argument is in an admissible set of the framework exactly when it is in one
//! of the undecided part, as for preferred extensions.
//! The other kinds add `o_a` (`a` is attacked by the set) and `r_a = x_a ∨ o_a` (`a` is in the
//! range), with the standard clauses (Besnard & Doutre 2004): conflict-freeness, defence
//! (the admissible kind with ranges, for semi-stable semantics), `a` is in whenever defended
//! (complete). The conflict-free kind (for stage semantics) keeps only conflict-freeness and
//! the range, over every argument: stage extensions are not admissible, so the grounded
//! reduction does not apply to them. Temporary clauses
//! carry an activation literal that is assumed while they apply and then fixed false for good.

use super::{grounded, Extension, Framework, Label, Labelling};
use crate::sat::{neg, pos, Lit, Phase, Solver, Var};

/// Extensions found, and whether enumeration stopped at the limit before finding them all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Enumeration {
    /// The extensions, sorted, each sorted.
    pub extensions: Vec<Extension>,
    /// True when there are more extensions than the limit let through.
    pub truncated: bool,
}

impl Enumeration {
    pub(crate) fn sorted(mut self) -> Self {
        self.extensions.sort_unstable();
        self
    }
}

/// The base constraint of an encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Complete extensions (Dung 1995, Def. 23).
    Complete,
    /// Stable extensions (Dung 1995, Def. 12).
    Stable,
    /// Admissible sets (Dung 1995, Def. 6) that contain the grounded extension. For
    /// preferred semantics, whose extensions are the maximal admissible sets (Def. 7), and
    /// for credulous acceptance under complete and preferred semantics (an argument is in
    /// some complete or preferred extension exactly when it is in some admissible set).
    Admissible,
    /// Admissible sets that contain the grounded extension, with their ranges: for
    /// semi-stable semantics, whose extensions are the admissible sets of maximal range
    /// (Caminada, Carnielli & Dunne 2012). The complete encoding without its completeness
    /// clause; on frameworks without a stable extension the range search ran 1.3–2 times
    /// faster on it (a random 20,000-argument framework: SE-SST 28 s to 15 s).
    AdmissibleRange,
    /// Conflict-free sets, the base of stage semantics (Verheij 1996). Stage extensions need
    /// not contain the grounded extension, so this kind encodes every argument: nothing is
    /// left out, and [`Encoding::grounded`] then labels every argument undecided.
    ConflictFree,
}

/// What a maximisation grows: the set itself (preferred, on the admissible encoding) or its
/// range (semi-stable on an encoding with ranges, stage on the conflict-free one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Order {
    Set,
    Range,
}

/// A solver loaded with the encoding of a framework's undecided part. Local index `i` stands
/// for argument `free[i]`; bit vectors over local indices are what the methods pass around.
pub(crate) struct Encoding {
    kind: Kind,
    solver: Solver,
    labels: Labelling,
    grounded_in: Vec<u32>,
    free: Vec<u32>,
    /// `local[a]` is `a`'s local index, `u32::MAX` when the grounded labelling decides `a`.
    local: Vec<u32>,
    x: Vec<Var>,
    r: Vec<Var>,
}

impl Encoding {
    /// Computes the grounded labelling and encodes the rest. Linear in the framework's size.
    pub(crate) fn new(af: &Framework, kind: Kind) -> Self {
        Self::on(af, kind, Solver::default())
    }

    /// The same encoding, for a question whose calls add no clause after the first (see
    /// [`Solver::for_one_call`]).
    pub(crate) fn for_one_call(af: &Framework, kind: Kind) -> Self {
        Self::on(af, kind, Solver::for_one_call())
    }

    fn on(af: &Framework, kind: Kind, mut solver: Solver) -> Self {
        let labels = match kind {
            Kind::ConflictFree => vec![Label::Undec; af.len()],
            _ => grounded(af),
        };
        let grounded_in: Vec<u32> = (0..af.len() as u32)
            .filter(|&a| labels[a as usize] == Label::In)
            .collect();
        let free: Vec<u32> = (0..af.len() as u32)
            .filter(|&a| labels[a as usize] == Label::Undec)
            .collect();
        let mut local = vec![u32::MAX; af.len()];
        for (i, &a) in free.iter().enumerate() {
            local[a as usize] = i as u32;
        }
        let k = free.len();
        // Deciding arguments in first makes models large: fewer rounds to cover or to climb.
        let x: Vec<Var> = (0..k)
            .map(|_| solver.new_var_with(Phase::True, true))
            .collect();
        // The stable encoding has no other variables. With `o` and `r` as decisions there, they
        // were picked first (equal activities leave the heap in no useful order) with the
        // default false phase, and each `o_a = false` forced the arguments around `a` by long
        // chains of implications that a later conflict undid: on a chain of mutual attacks,
        // `n/3` conflicts each redoing `O(n)` decisions (3.3 s at 8,000 arguments, now 2 ms).
        let mut attackers = Vec::new();
        let undecided_attackers = |a: u32, out: &mut Vec<usize>| {
            // An undecided argument's attackers are out or undecided; the out ones are beaten
            // by the grounded extension already, so only the undecided ones matter.
            out.clear();
            out.extend(
                af.attackers(a)
                    .iter()
                    .map(|&b| local[b as usize])
                    .filter(|&j| j != u32::MAX)
                    .map(|j| j as usize),
            );
        };
        if matches!(kind, Kind::Stable | Kind::Admissible) {
            // A stable extension is conflict-free and attacks every argument outside it: on
            // the `x` variables alone, one binary clause per attack and one clause per
            // argument. Nothing asks a stable encoding about ranges, so `o` and `r` (and the
            // defence clauses, implied here) would only slow the search down.
            //
            // An admissible set is conflict-free and counter-attacks each attacker of a
            // member: per attack `b → a`, `x_a → ¬x_b` and `x_a →` some attacker of `b` is in
            // (the clauses of Besnard & Doutre 2004 with the attacked-by-the-set variables
            // substituted away). Without the completeness clause and the `o`, `r` variables
            // the solver is free to find small sets: on a random 20,000-argument framework
            // one credulous question went from 8–22 s on the complete encoding to 1.6–4.3 s
            // here (the easy ones stay easy: 0.01–0.04 s on grids and chains), and one
            // preferred extension from over 20 s to 5 s. But loops that ask about every
            // argument stay on the complete encoding: on a 20,000-argument mutual-attack
            // chain, whose admissible sets can be shifted one place at a time, each round here
            // settled one argument (7 s, against 0.2 s).
            let mut defenders = Vec::new();
            for (i, &a) in free.iter().enumerate() {
                undecided_attackers(a, &mut attackers);
                let mut in_or_attacked = vec![pos(x[i])];
                for &j in &attackers {
                    solver.add_clause(&[neg(x[i]), neg(x[j])]);
                    if kind == Kind::Stable {
                        in_or_attacked.push(pos(x[j]));
                        continue;
                    }
                    // `j` is undecided, so some attacker of it is undecided too.
                    undecided_attackers(free[j], &mut defenders);
                    let mut defended = vec![neg(x[i])];
                    defended.extend(defenders.iter().map(|&l| pos(x[l])));
                    solver.add_clause(&defended);
                }
                if kind == Kind::Stable {
                    solver.add_clause(&in_or_attacked);
                }
            }
            return Encoding {
                kind,
                solver,
                labels,
                grounded_in,
                free,
                local,
                x,
                r: Vec::new(),
            };
        }
        // Here `o` and `r` stay decisions: with only `x` decided, the credulous loops behind
        // ideal semantics took over 20 s on a 20,000-argument mutual-attack chain (0.25 s
        // with them), and DC-CO on a 20,000-argument grid ten times longer.
        let o: Vec<Var> = (0..k).map(|_| solver.new_var()).collect();
        let r: Vec<Var> = (0..k).map(|_| solver.new_var()).collect();
        let mut add = |clause: Vec<Lit>| {
            solver.add_clause(&clause);
        };
        for (i, &a) in free.iter().enumerate() {
            undecided_attackers(a, &mut attackers);
            // o_i <-> some attacker is in.
            let mut c = vec![neg(o[i])];
            c.extend(attackers.iter().map(|&j| pos(x[j])));
            add(c);
            for &j in &attackers {
                add(vec![pos(o[i]), neg(x[j])]);
                // Conflict-free.
                add(vec![neg(x[i]), neg(x[j])]);
                // Defence: if i is in, each attacker is attacked.
                if kind != Kind::ConflictFree {
                    add(vec![neg(x[i]), pos(o[j])]);
                }
            }
            // r_i <-> x_i or o_i.
            add(vec![neg(r[i]), pos(x[i]), pos(o[i])]);
            add(vec![pos(r[i]), neg(x[i])]);
            add(vec![pos(r[i]), neg(o[i])]);
            // Complete: if every attacker is attacked, i is in.
            if kind == Kind::Complete {
                let mut c = vec![pos(x[i])];
                c.extend(attackers.iter().map(|&j| neg(o[j])));
                add(c);
            }
        }
        Encoding {
            kind,
            solver,
            labels,
            grounded_in,
            free,
            local,
            x,
            r,
        }
    }

    /// The grounded labelling of the framework (all undecided for [`Kind::ConflictFree`]:
    /// the labelling whose decided arguments the encoding leaves out).
    pub(crate) fn grounded(&self) -> &Labelling {
        &self.labels
    }

    /// The undecided arguments, ascending; local index `i` is `free()[i]`.
    pub(crate) fn free(&self) -> &[u32] {
        &self.free
    }

    /// Argument `a`'s local index, if the grounded labelling leaves it undecided.
    pub(crate) fn local(&self, a: u32) -> Option<usize> {
        let i = self.local[a as usize];
        (i != u32::MAX).then_some(i as usize)
    }

    fn var(&self, order: Order, i: usize) -> Var {
        match order {
            Order::Set => self.x[i],
            Order::Range => self.r[i],
        }
    }

    /// Whether some model has argument `a` in (`member`) or out of it: one SAT call with that
    /// as an assumption when `a` is undecided; when the grounded labelling decides `a`, whether
    /// there is a model at all if the labelling agrees (no call but for the stable kind: the
    /// grounded extension is complete, so admissible and conflict-free too), and false if not.
    pub(crate) fn some_model_with(&mut self, a: u32, member: bool) -> bool {
        match self.local[a as usize] {
            u32::MAX => {
                (self.labels[a as usize] == Label::In) == member
                    && (self.kind != Kind::Stable || self.solve(&[]))
            }
            i => self.solve(&[self.x[i as usize].lit(member)]),
        }
    }

    pub(crate) fn solve(&mut self, assumptions: &[Lit]) -> bool {
        self.solver.solve(assumptions)
    }

    /// The last model's values of the set (`Order::Set`) or range (`Order::Range`) variables.
    fn bits(&self, order: Order) -> Vec<bool> {
        (0..self.free.len())
            .map(|i| self.solver.value(pos(self.var(order, i))))
            .collect()
    }

    fn add(&mut self, clause: Vec<Lit>) {
        self.solver.add_clause(&clause);
    }

    /// Adds `clause` switched on by a fresh activation literal, which is returned.
    fn guard(&mut self, mut clause: Vec<Lit>) -> Lit {
        let act = self.solver.new_var();
        clause.push(neg(act));
        self.add(clause);
        pos(act)
    }

    /// Switches a guarded clause off for good.
    fn retire(&mut self, act: Lit) {
        self.add(vec![!act]);
    }

    /// The extension (global, sorted) whose undecided members are the local `x` bits.
    pub(crate) fn extension(&self, x: &[bool]) -> Extension {
        let mut out = Vec::with_capacity(self.grounded_in.len() + x.len());
        let mut g = self.grounded_in.iter().copied().peekable();
        for (i, &a) in self.free.iter().enumerate() {
            if !x[i] {
                continue;
            }
            while let Some(b) = g.next_if(|&b| b < a) {
                out.push(b);
            }
            out.push(a);
        }
        out.extend(g);
        out
    }

    /// Forbids every model whose set (or range) is within `bits`. Sound for maximal semantics
    /// once `bits` is known not to be maximal, or already reported.
    fn block_within(&mut self, order: Order, bits: &[bool]) {
        let clause = (0..bits.len())
            .filter(|&i| !bits[i])
            .map(|i| pos(self.var(order, i)))
            .collect();
        self.add(clause);
    }

    /// Whether some model's set (or range) strictly contains `bits`, under `extra` assumptions;
    /// if so, that model is the solver's current one.
    fn larger(&mut self, order: Order, bits: &[bool], extra: &[Lit]) -> bool {
        let outside: Vec<Lit> = (0..bits.len())
            .filter(|&i| !bits[i])
            .map(|i| pos(self.var(order, i)))
            .collect();
        if outside.is_empty() {
            return false;
        }
        let act = self.guard(outside);
        let mut assumptions: Vec<Lit> = (0..bits.len())
            .filter(|&i| bits[i])
            .map(|i| pos(self.var(order, i)))
            .collect();
        assumptions.push(act);
        assumptions.extend_from_slice(extra);
        let found = self.solve(&assumptions);
        // The model outlives the retirement: adding a clause does not clear it.
        self.retire(act);
        found
    }

    /// From the current model, climbs to one whose set (or range) is maximal among the models
    /// satisfying `extra`. Returns its `x` bits and its set (or range) bits. At most `k + 1`
    /// SAT calls for `k` undecided arguments, as each step adds at least one argument.
    fn grow(&mut self, order: Order, extra: &[Lit]) -> (Vec<bool>, Vec<bool>) {
        let mut x = self.bits(Order::Set);
        let mut v = self.bits(order);
        while self.larger(order, &v, extra) {
            x = self.bits(Order::Set);
            v = self.bits(order);
        }
        (x, v)
    }

    /// One model's extension, taken to a maximum of `order` when given (preferred on an
    /// admissible encoding, semi-stable on one with ranges, stage on a conflict-free one), or
    /// none when there is no model.
    /// One SAT call, plus the climb: unlike `all(1)` or `maximal(_, 1)`, it does not look
    /// for a second extension to say whether the list is complete.
    pub(crate) fn one(mut self, maximal: Option<Order>) -> Option<Extension> {
        if !self.solve(&[]) {
            return None;
        }
        let x = match maximal {
            None => self.bits(Order::Set),
            Some(order) => self.grow(order, &[]).0,
        };
        Some(self.extension(&x))
    }

    /// Every model's extension, each blocked once found. One SAT call per extension, plus one.
    pub(crate) fn all(mut self, limit: usize) -> Enumeration {
        let mut out = Enumeration::default();
        while self.solve(&[]) {
            if out.extensions.len() >= limit {
                out.truncated = true;
                break;
            }
            let x = self.bits(Order::Set);
            let block = (0..x.len())
                .map(|i| if x[i] { neg(self.x[i]) } else { pos(self.x[i]) })
                .collect();
            out.extensions.push(self.extension(&x));
            self.add(block);
        }
        out.sorted()
    }

    /// The models whose set (preferred, on an admissible encoding) or range (semi-stable, or
    /// stage on a conflict-free encoding) is maximal. Each maximum found is reported and then blocked
    /// with everything below it. For ranges, every extension having a maximal range is listed
    /// before the range is blocked.
    pub(crate) fn maximal(mut self, order: Order, limit: usize) -> Enumeration {
        let mut out = Enumeration::default();
        'search: while self.solve(&[]) {
            if out.extensions.len() >= limit {
                out.truncated = true;
                break;
            }
            let (x, v) = self.grow(order, &[]);
            match order {
                Order::Set => out.extensions.push(self.extension(&x)),
                Order::Range => {
                    // Every extension with exactly this range, each blocked in turn.
                    let fixed: Vec<Lit> = (0..v.len())
                        .map(|i| {
                            let r = self.r[i];
                            if v[i] {
                                pos(r)
                            } else {
                                neg(r)
                            }
                        })
                        .collect();
                    let same = self.solver.new_var();
                    let mut assumptions = fixed;
                    assumptions.push(pos(same));
                    while self.solve(&assumptions) {
                        if out.extensions.len() >= limit {
                            out.truncated = true;
                            break 'search;
                        }
                        let x = self.bits(Order::Set);
                        let mut block: Vec<Lit> = (0..x.len())
                            .map(|i| if x[i] { neg(self.x[i]) } else { pos(self.x[i]) })
                            .collect();
                        block.push(neg(same));
                        out.extensions.push(self.extension(&x));
                        self.add(block);
                    }
                    self.retire(pos(same));
                }
            }
            self.block_within(order, &v);
        }
        out.sorted()
    }

    /// Which `wanted` arguments belong to some model: each SAT call asks for a model holding
    /// one not yet seen and marks all it holds, so at most `|wanted| + 1` calls.
    pub(crate) fn credulous(&mut self, wanted: &[bool]) -> Vec<bool> {
        let mut open = wanted.to_vec();
        let mut yes = vec![false; wanted.len()];
        while let Some(x) = self.holding_some(&open) {
            for (i, in_set) in x.into_iter().enumerate() {
                if in_set && open[i] {
                    open[i] = false;
                    yes[i] = true;
                }
            }
        }
        yes
    }

    /// The `x` bits of a model holding at least one `wanted` argument, if there is one (none
    /// when nothing is wanted). One SAT call.
    pub(crate) fn holding_some(&mut self, wanted: &[bool]) -> Option<Vec<bool>> {
        let some: Vec<Lit> = (0..wanted.len())
            .filter(|&i| wanted[i])
            .map(|i| pos(self.x[i]))
            .collect();
        if some.is_empty() {
            return None;
        }
        let act = self.guard(some);
        let found = self.solve(&[act]).then(|| self.bits(Order::Set));
        self.retire(act);
        found
    }

    /// Which `wanted` arguments belong to every model: each SAT call asks for a model missing
    /// one still standing and drops all it misses, so at most `|wanted| + 1` calls. Vacuously
    /// all of them when there is no model.
    pub(crate) fn sceptical(&mut self, wanted: &[bool]) -> Vec<bool> {
        let mut standing = wanted.to_vec();
        loop {
            let some_out: Vec<Lit> = (0..standing.len())
                .filter(|&i| standing[i])
                .map(|i| neg(self.x[i]))
                .collect();
            if some_out.is_empty() {
                break;
            }
            let act = self.guard(some_out);
            let found = self.solve(&[act]);
            if found {
                for (i, in_set) in self.bits(Order::Set).into_iter().enumerate() {
                    standing[i] &= in_set;
                }
            }
            self.retire(act);
            if !found {
                break;
            }
        }
        standing
    }

    /// From the current model, which satisfies the clause `act` guards: climbs to a model
    /// maximal under that clause and retires it; if that is no true maximum (some model is
    /// larger), blocks it with everything below it and climbs on, unconstrained, from the
    /// larger model. Returns the `x` bits of a true maximum: a preferred (`Order::Set`) or
    /// semi-stable (`Order::Range`) extension's undecided members.
    fn true_maximum(&mut self, order: Order, act: Lit) -> Vec<bool> {
        let (x, v) = self.grow(order, &[act]);
        self.retire(act);
        if !self.larger(order, &v, &[]) {
            return x;
        }
        self.block_within(order, &v);
        self.grow(order, &[]).0
    }

    /// Which `wanted` arguments belong to some model maximal in `order` (admissible encoding
    /// for the set, one with ranges for the range): find a model holding an open argument and
    /// take it to a true maximum ([`Self::true_maximum`]), which settles the open arguments it
    /// holds. Σ2-complete for semi-stable; the rounds are bounded by the open arguments plus
    /// the false maxima met, each at most `2k + 3` SAT calls.
    pub(crate) fn credulous_maximal(&mut self, order: Order, wanted: &[bool]) -> Vec<bool> {
        let mut open = wanted.to_vec();
        let mut yes = vec![false; wanted.len()];
        loop {
            let some: Vec<Lit> = (0..open.len())
                .filter(|&i| open[i])
                .map(|i| pos(self.x[i]))
                .collect();
            if some.is_empty() {
                break;
            }
            let act = self.guard(some);
            if !self.solve(&[act]) {
                self.retire(act);
                break;
            }
            let x = self.true_maximum(order, act);
            for i in 0..x.len() {
                if x[i] && open[i] {
                    open[i] = false;
                    yes[i] = true;
                }
            }
        }
        yes
    }

    /// Which `wanted` arguments belong to every model maximal in `order` (admissible encoding
    /// for the set, one with ranges for the range), by counterexample-guided search (as in
    /// CEGARTIX, Dvořák et al. 2014): find a model missing a standing argument and take it to
    /// a true maximum ([`Self::true_maximum`]), which drops the standing arguments it misses.
    /// Π2-complete; the rounds are bounded by the standing arguments plus the false maxima met
    /// (exponentially many in the worst case), each at most `2k + 3` SAT calls.
    pub(crate) fn sceptical_maximal(&mut self, order: Order, wanted: &[bool]) -> Vec<bool> {
        let mut standing = wanted.to_vec();
        loop {
            let some_out: Vec<Lit> = (0..standing.len())
                .filter(|&i| standing[i])
                .map(|i| neg(self.x[i]))
                .collect();
            if some_out.is_empty() {
                break;
            }
            let act = self.guard(some_out);
            if !self.solve(&[act]) {
                self.retire(act);
                break;
            }
            let x = self.true_maximum(order, act);
            for i in 0..x.len() {
                standing[i] &= x[i];
            }
            if order == Order::Set {
                // This preferred extension now holds every standing argument, so neither it
                // nor anything below it can refute one any more.
                self.block_within(order, &x);
            }
        }
        standing
    }
}
