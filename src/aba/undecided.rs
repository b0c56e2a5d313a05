//! Which *arguments* a complete assumption set leaves undecided, compared between two sets
//! without listing arguments. Semi-stable semantics maximises the range over the framework
//! of arguments (Caminada 2006), which is not ABA's range over assumptions: the two give
//! different extensions (Caminada, Sá, Alcântara & Dvořák 2015).
//!
//! An argument is a derivation (a finite tree of rules, where a conclusion may repeat on a
//! branch: Modgil & Prakken 2013, Def. 3.6) of one of the `roots` atoms. Its status under a
//! complete set S depends only on its support B, the assumptions at its leaves: in iff
//! B ⊆ S, out iff B meets Att_S (what S attacks), undecided otherwise, i.e. B ⊆ U_S (the
//! unattacked assumptions) and B meets D_S = U_S \ S.
//!
//! W(X, Y): some argument is undecided under X but not under Y, i.e. its support B ⊆ U_X
//! meets D_X and either meets Att_Y or lies inside S_Y. Then UNDEC(Y) ⊊ UNDEC(X) iff W(X, Y)
//! and not W(Y, X). Taking the smallest subtree that holds the leaves in question, W is a
//! least fixpoint of six flags per atom, each "some derivation of the atom from U_X": `u`
//! (any), `m` (meeting D_X), `a` (meeting Att_Y), `ma` (meeting both), `s` (inside
//! U_X ∩ S_Y) and `ms` (inside U_X ∩ S_Y, meeting D_X). A rule passes `ma` to its head when
//! one body atom has it, or two different ones have `m` and `a`. W holds iff a root has `ma`
//! or `ms`.
//!
//! [`exceeds`] computes the flags by a fixpoint; [`encode`] writes the same rules as a Clark
//! completion, one of X and Y being the encoding's model. Every model of the completion lies
//! above the least fixpoint and W grows with the flags, so "not W" is encoded exactly; "W"
//! may hold through a self-supporting loop when the rules have positive loops, and the
//! search checks such models with [`exceeds`].

use super::closure;
use super::completion::{and, copy, define, or, Sink};
use super::encoding::{Encoding, Val};
use super::Framework;
use crate::sat::Lit;

/// A complete assumption set, with what it attacks.
#[derive(Clone, Debug)]
pub(super) struct Labelled {
    pub(super) inside: Vec<bool>,
    pub(super) attacked: Vec<bool>,
}

impl Labelled {
    pub(super) fn of(f: &Framework, inside: Vec<bool>) -> Self {
        let th = closure::derive(f, |a| inside[a as usize]);
        let attacked = closure::attacked(f, &th);
        Labelled { inside, attacked }
    }
}

/// One side of a comparison: the encoding's model, a fixed complete set, or one given by
/// parameters (per assumption: in, attacked) that a call assumes.
#[derive(Clone, Copy)]
pub(super) enum Side<'a> {
    Model,
    Fixed(&'a Labelled),
    Params {
        inside: &'a [Val],
        attacked: &'a [Val],
    },
}

/// The six flags of an atom (see the module comment).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Flags<V> {
    u: V,
    m: V,
    a: V,
    ma: V,
    s: V,
    ms: V,
}

/// Conjunction and disjunction over booleans or over the encoding's values.
trait Gates {
    type V: Copy;
    fn or(&mut self, vals: &[Self::V]) -> Self::V;
    fn and(&mut self, vals: &[Self::V]) -> Self::V;
}

struct Bools;

impl Gates for Bools {
    type V = bool;
    fn or(&mut self, vals: &[bool]) -> bool {
        vals.iter().any(|&v| v)
    }
    fn and(&mut self, vals: &[bool]) -> bool {
        vals.iter().all(|&v| v)
    }
}

impl Gates for Sink<'_> {
    type V = Val;
    fn or(&mut self, vals: &[Val]) -> Val {
        or(self, vals)
    }
    fn and(&mut self, vals: &[Val]) -> Val {
        and(self, vals)
    }
}

/// An assumption's flags, from whether X leaves it unattacked (`ux`) and undecided (`dx`),
/// and whether Y attacks it or holds it.
fn leaf<G: Gates>(g: &mut G, ux: G::V, dx: G::V, att_y: G::V, in_y: G::V) -> Flags<G::V> {
    Flags {
        u: ux,
        m: dx,
        a: g.and(&[ux, att_y]),
        ma: g.and(&[dx, att_y]),
        s: g.and(&[ux, in_y]),
        ms: g.and(&[dx, in_y]),
    }
}

/// The flags a rule passes to its head, from its body's; `all_u`, when known, says whether
/// the whole body is derivable from U_X.
fn through<G: Gates>(g: &mut G, body: &[Flags<G::V>], all_u: Option<G::V>) -> Flags<G::V> {
    let pick = |get: fn(&Flags<G::V>) -> G::V| body.iter().map(get).collect::<Vec<G::V>>();
    let u = match all_u {
        Some(u) => u,
        None => g.and(&pick(|x| x.u)),
    };
    let any_m = g.or(&pick(|x| x.m));
    let m = g.and(&[u, any_m]);
    let any_a = g.or(&pick(|x| x.a));
    let a = g.and(&[u, any_a]);
    let any_ma = g.or(&pick(|x| x.ma));
    let split = apart(g, &pick(|x| x.m), &pick(|x| x.a));
    let either = g.or(&[any_ma, split]);
    let ma = g.and(&[u, either]);
    let s = g.and(&pick(|x| x.s));
    let any_ms = g.or(&pick(|x| x.ms));
    let ms = g.and(&[s, any_ms]);
    Flags { u, m, a, ma, s, ms }
}

/// Whether some position i has `m` and a different one `a` (prefix and suffix
/// disjunctions, so linear in the body).
fn apart<G: Gates>(g: &mut G, m: &[G::V], a: &[G::V]) -> G::V {
    let k = m.len();
    let none = g.or(&[]);
    let mut before = Vec::with_capacity(k);
    let mut acc = none;
    for &ai in a {
        before.push(acc);
        acc = g.or(&[acc, ai]);
    }
    let mut after = vec![none; k];
    acc = none;
    for i in (0..k).rev() {
        after[i] = acc;
        acc = g.or(&[acc, a[i]]);
    }
    let terms: Vec<G::V> = (0..k)
        .map(|i| {
            let other = g.or(&[before[i], after[i]]);
            g.and(&[m[i], other])
        })
        .collect();
    g.or(&terms)
}

fn merge(x: Flags<bool>, y: Flags<bool>) -> Flags<bool> {
    Flags {
        u: x.u || y.u,
        m: x.m || y.m,
        a: x.a || y.a,
        ma: x.ma || y.ma,
        s: x.s || y.s,
        ms: x.ms || y.ms,
    }
}

/// W(X, Y), exactly: the least fixpoint of the flags, by a worklist over the rules (each
/// flag of each atom turns on at most once).
pub(super) fn exceeds(f: &Framework, roots: &[bool], x: &Labelled, y: &Labelled) -> bool {
    let none = Flags {
        u: false,
        m: false,
        a: false,
        ma: false,
        s: false,
        ms: false,
    };
    let mut flags = vec![none; f.atom_count()];
    for c in 0..f.assumption_count() {
        let ux = !x.attacked[c];
        let dx = ux && !x.inside[c];
        flags[f.atom_of(c as u32) as usize] = leaf(&mut Bools, ux, dx, y.attacked[c], y.inside[c]);
    }
    let rules = f.rules();
    let mut queue: Vec<u32> = (0..rules.len() as u32).collect();
    let mut queued = vec![true; rules.len()];
    while let Some(r) = queue.pop() {
        queued[r as usize] = false;
        let rule = &rules[r as usize];
        let body: Vec<Flags<bool>> = rule.body.iter().map(|&b| flags[b as usize]).collect();
        let head = rule.head as usize;
        let grown = merge(flags[head], through(&mut Bools, &body, None));
        if grown != flags[head] {
            flags[head] = grown;
            for &user in f.uses(rule.head) {
                if !std::mem::replace(&mut queued[user as usize], true) {
                    queue.push(user);
                }
            }
        }
    }
    (0..f.atom_count()).any(|p| roots[p] && (flags[p].ma || flags[p].ms))
}

/// W(X, Y) as a value of the encoding (a complete base), X or Y being its model: the
/// completion of the flags, under `when`.
pub(super) fn encode(enc: &mut Encoding, roots: &[bool], x: Side, y: Side, when: Lit) -> Val {
    let f = enc.framework();
    let n = f.assumption_count() as u32;
    // Per assumption: attacked, in, and undecided where it is known without a definition.
    let side = |s: Side, a: u32| match s {
        Side::Model => (enc.attacked(a), enc.x(a), Some(enc.range(a).not())),
        Side::Fixed(c) => {
            let (att, inside) = (c.attacked[a as usize], c.inside[a as usize]);
            (
                Val::of(att),
                Val::of(inside),
                Some(Val::of(!att && !inside)),
            )
        }
        Side::Params { inside, attacked } => (attacked[a as usize], inside[a as usize], None),
    };
    let xs: Vec<(Val, Val, Option<Val>)> = (0..n).map(|a| side(x, a)).collect();
    let ys: Vec<(Val, Val, Option<Val>)> = (0..n).map(|a| side(y, a)).collect();
    // What U_X derives, per atom and per rule body (`None`: left to `through`).
    let model_u = matches!(x, Side::Model).then(|| {
        let atoms: Vec<Val> = (0..f.atom_count() as u32)
            .map(|p| enc.undefeated(p))
            .collect();
        let rules: Vec<Option<Val>> = (0..f.rules().len() as u32)
            .map(|r| Some(enc.undefeated_body(r)))
            .collect();
        (atoms, rules)
    });
    let (fixed, rank) = (enc.fixed().to_vec(), enc.rank().to_vec());
    let mut sink = enc.switched(when);
    let (atom_u, rule_u) = match (x, model_u) {
        (_, Some(u)) => u,
        (Side::Fixed(c), _) => {
            let th = closure::derive(f, |a| !c.attacked[a as usize]);
            let atoms = th.derived.iter().map(|&d| Val::of(d)).collect();
            (atoms, vec![None; f.rules().len()])
        }
        _ => {
            // The parameters hold a complete set, so what G fixes stays fixed.
            let unattacked = |a: u32| xs[a as usize].0.not();
            let u = copy(
                f,
                &fixed,
                &rank,
                &mut sink,
                |_| true,
                unattacked,
                |_| Val::False,
            );
            (u.atom, u.body.into_iter().map(Some).collect())
        }
    };
    let none = Flags {
        u: Val::False,
        m: Val::False,
        a: Val::False,
        ma: Val::False,
        s: Val::False,
        ms: Val::False,
    };
    let mut flags = vec![none; f.atom_count()];
    for a in 0..n {
        let (att_x, in_x, dx) = xs[a as usize];
        let (att_y, in_y, _) = ys[a as usize];
        let dx = dx.unwrap_or_else(|| and(&mut sink, &[att_x.not(), in_x.not()]));
        flags[f.atom_of(a) as usize] = leaf(&mut sink, att_x.not(), dx, att_y, in_y);
    }
    for p in 0..f.atom_count() as u32 {
        let u = atom_u[p as usize];
        if f.is_assumption(p) || u == Val::False {
            continue;
        }
        let mut var = || Val::Lit(sink.var());
        flags[p as usize] = Flags {
            u,
            m: var(),
            a: var(),
            ma: var(),
            s: var(),
            ms: var(),
        };
    }
    let bodies: Vec<Flags<Val>> = f
        .rules()
        .iter()
        .zip(&rule_u)
        .map(|(rule, &all_u)| {
            if atom_u[rule.head as usize] == Val::False {
                return none;
            }
            let body: Vec<Flags<Val>> = rule.body.iter().map(|&b| flags[b as usize]).collect();
            through(&mut sink, &body, all_u)
        })
        .collect();
    let fields: [fn(&Flags<Val>) -> Val; 5] = [|x| x.m, |x| x.a, |x| x.ma, |x| x.s, |x| x.ms];
    for get in fields {
        let atoms: Vec<Val> = flags.iter().map(get).collect();
        let body: Vec<Val> = bodies.iter().map(get).collect();
        define(f, &mut sink, &atoms, &body, 0..f.atom_count() as u32);
    }
    let witnesses: Vec<Val> = (0..f.atom_count())
        .filter(|&p| roots[p])
        .flat_map(|p| [flags[p].ma, flags[p].ms])
        .collect();
    or(&mut sink, &witnesses)
}
