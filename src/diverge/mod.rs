//! Where schools diverge: each school's view of each claim (accepts, rejects, open, silent),
//! the relation of two schools' views, the questions they part on, the root divergences
//! (cruxes) each parting follows from, the agreement counts over all pairs, and the joint
//! debate. Definitions are in [`view`] (views and relations), [`questions`] (answers) and
//! [`cruxes`] (roots of divergence). This module does no reasoning itself: standings come from
//! the reasoner.
//!
//! # Distance between two schools
//! Over the claims both schools take a known position on (accept, reject or open, read as in
//! [`view`], so that `not x` and a declared opposite claim count alike), the distance is the
//! share of those claims on which their positions differ: `apart / (alike + apart)`. Claims
//! one school is silent on do not count either way.

pub mod cruxes;
pub mod denied;
pub mod joint;
pub mod questions;
pub mod report;
pub mod standing;
pub mod view;

pub use cruxes::{Crux, Explained};
pub use joint::joint_school;
pub use report::{JointLosses, Report};
pub use standing::{Standing, Standings};
pub use view::{relate, Relation, View, Views};

use crate::model::{ClaimId, Literal, SchoolId, Theory};
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

/// One claim two schools hold differently.
#[derive(Clone, Debug, Serialize)]
pub struct Divergence {
    pub claim: String,
    pub relation: Relation,
    pub first: View,
    pub second: View,
    /// Each school's view in words, with the reason for a rejection.
    pub first_says: String,
    pub second_says: String,
    /// Indices into the pair's `cruxes`.
    pub cruxes: Vec<usize>,
}

/// A question two schools both answer, differently.
#[derive(Clone, Debug, Serialize)]
pub struct QuestionParting {
    pub question: String,
    pub first: questions::Answer,
    pub second: questions::Answer,
}

/// A crux with the divergent claims it explains.
#[derive(Clone, Debug, Serialize)]
pub struct RankedCrux {
    #[serde(flatten)]
    pub crux: Explained,
    pub explains: Vec<String>,
}

/// The comparison of two schools.
#[derive(Clone, Debug, Serialize)]
pub struct PairReport {
    pub first: String,
    pub second: String,
    /// Claims both take a known position on, how many alike and how many apart.
    pub jointly_addressed: usize,
    pub agreed: usize,
    pub apart: usize,
    /// `apart / jointly_addressed` (see the module documentation); `None` when they share no
    /// claim.
    pub distance: Option<f64>,
    /// Questions both answer, and those they answer differently.
    pub questions_answered: usize,
    pub questions_apart: Vec<QuestionParting>,
    /// Inferences one school draws and the other denies.
    pub inferences_apart: Vec<denied::DeniedInference>,
    pub divergences: Vec<Divergence>,
    /// Root divergences, most explaining first; each listed once.
    pub cruxes: Vec<RankedCrux>,
    /// Claims only the first (resp. second) school takes a position on: the other is silent.
    pub only_first: Vec<Arc<str>>,
    pub only_second: Vec<Arc<str>>,
    /// Claims on which a school's view is unknown: left out of the comparison.
    pub unknown: Vec<String>,
}

impl PairReport {
    pub fn names(&self) -> [&str; 2] {
        [&self.first, &self.second]
    }
}

/// Compares two schools claim by claim and question by question.
pub fn compare_pair(
    theory: &Theory,
    (a, b): (SchoolId, SchoolId),
    standings: &Standings,
    views: &Views,
) -> PairReport {
    let empty = Default::default();
    let va = views.by_school.get(&a).unwrap_or(&empty);
    let vb = views.by_school.get(&b).unwrap_or(&empty);
    let views_of = |c: ClaimId| (views.get(a, c), views.get(b, c));
    let (mut agreed, mut apart) = (0, 0);
    let (mut only_first, mut only_second, mut unknown) = (Vec::new(), Vec::new(), Vec::new());
    let mut parted: Vec<(ClaimId, Relation, View, View)> = Vec::new();
    for (c, x, y) in merged(va, vb) {
        if mirror_of(views_of, c, (x, y)).is_some_and(|m| m < c) {
            continue;
        }
        let name = || views.names[c.0 as usize].clone();
        match relate(x, y) {
            None => {}
            Some(Relation::Agreement) => agreed += 1,
            Some(Relation::Unknown) => unknown.push(theory.claim(c).id.clone()),
            Some(Relation::OneSilent) if y == View::Silent => only_first.push(name()),
            Some(Relation::OneSilent) => only_second.push(name()),
            Some(r) => {
                apart += 1;
                parted.push((c, r, x, y));
            }
        }
    }
    let (oa, ob) = (views.opposites(a), views.opposites(b));
    let with_opposites: Vec<(ClaimId, Vec<Literal>)> = parted
        .iter()
        .map(|(c, ..)| {
            let pos = Literal::pos(*c);
            let mut o: Vec<Literal> = oa.get(pos).iter().chain(ob.get(pos)).copied().collect();
            o.sort();
            o.dedup();
            (*c, o)
        })
        .collect();
    let (explained, per_claim) = cruxes::find(theory, (a, b), standings, &with_opposites);
    let mut explains: Vec<Vec<String>> = vec![Vec::new(); explained.len()];
    let divergences: Vec<Divergence> = parted
        .into_iter()
        .zip(per_claim)
        .map(|((c, relation, x, y), cx)| {
            let id = theory.claim(c).id.clone();
            for &i in &cx {
                explains[i].push(id.clone());
            }
            Divergence {
                claim: id,
                relation,
                first: x,
                second: y,
                first_says: x.describe(theory, Literal::pos(c)),
                second_says: y.describe(theory, Literal::pos(c)),
                cruxes: cx,
            }
        })
        .collect();
    let mut ranked: Vec<(usize, RankedCrux)> = explained
        .into_iter()
        .zip(explains)
        .enumerate()
        .map(|(i, (crux, explains))| (i, RankedCrux { crux, explains }))
        .collect();
    // Most explaining first; ties by the crux itself, then by first appearance.
    ranked.sort_by(|(i, x), (j, y)| {
        y.explains
            .len()
            .cmp(&x.explains.len())
            .then_with(|| x.crux.crux.cmp(&y.crux.crux))
            .then(i.cmp(j))
    });
    let renumber: std::collections::HashMap<usize, usize> = ranked
        .iter()
        .enumerate()
        .map(|(new, (old, _))| (*old, new))
        .collect();
    let divergences = divergences
        .into_iter()
        .map(|mut d| {
            d.cruxes = d.cruxes.iter().map(|i| renumber[i]).collect();
            d.cruxes.sort_unstable();
            d
        })
        .collect();
    let (questions_answered, questions_apart) = compare_questions(theory, (a, b), standings, views);
    let joint = agreed + apart;
    PairReport {
        first: theory.school(a).name.clone(),
        second: theory.school(b).name.clone(),
        jointly_addressed: joint,
        agreed,
        apart,
        distance: (joint > 0).then(|| apart as f64 / joint as f64),
        questions_answered,
        questions_apart,
        inferences_apart: denied::between(theory, (a, b)),
        divergences,
        cruxes: ranked.into_iter().map(|(_, c)| c).collect(),
        only_first,
        only_second,
        unknown,
    }
}

/// The claims either school takes a position on, in order, with both views: a merge of the
/// two sorted maps, linear in their sizes.
fn merged<'v>(
    va: &'v BTreeMap<ClaimId, View>,
    vb: &'v BTreeMap<ClaimId, View>,
) -> impl Iterator<Item = (ClaimId, View, View)> + 'v {
    let (mut ia, mut ib) = (va.iter().peekable(), vb.iter().peekable());
    std::iter::from_fn(move || {
        let next = match (ia.peek(), ib.peek()) {
            (Some((ca, _)), Some((cb, _))) => (**ca).min(**cb),
            (Some((c, _)), None) | (None, Some((c, _))) => **c,
            (None, None) => return None,
        };
        let x = ia
            .next_if(|(c, _)| **c == next)
            .map_or(View::Silent, |(_, v)| *v);
        let y = ib
            .next_if(|(c, _)| **c == next)
            .map_or(View::Silent, |(_, v)| *v);
        Some((next, x, y))
    })
}

/// The claim `x` that `y` mirrors for both schools, if any: each school either accepts `y`
/// and rejects `x` for it, or rejects `y` for `x` and accepts `x`. A declared pair of opposite
/// claims then counts once, as `x` and `not x` do.
fn mirror_of(
    views_of: impl Fn(ClaimId) -> (View, View),
    y: ClaimId,
    (ya, yb): (View, View),
) -> Option<ClaimId> {
    use view::Against::Opposite;
    let x = [ya, yb].into_iter().find_map(|v| match v {
        View::Rejects(Opposite(o)) if !o.negated => Some(o.claim),
        _ => None,
    })?;
    let (xa, xb) = views_of(x);
    let mirrored = |xv: View, yv: View| match (xv, yv) {
        (View::Accepts, View::Rejects(Opposite(o))) => o == Literal::pos(x),
        (View::Rejects(Opposite(o)), View::Accepts) => o == Literal::pos(y),
        _ => false,
    };
    (x != y && mirrored(xa, ya) && mirrored(xb, yb)).then_some(x)
}

/// Questions both schools answer, and those they answer differently.
fn compare_questions(
    theory: &Theory,
    (a, b): (SchoolId, SchoolId),
    standings: &Standings,
    views: &Views,
) -> (usize, Vec<QuestionParting>) {
    let (oa, ob) = (views.opposites(a), views.opposites(b));
    let mut answered = 0;
    let mut apart = Vec::new();
    for q in &theory.questions {
        let x = questions::Answer::from_standings(q, oa, standings, a);
        let y = questions::Answer::from_standings(q, ob, standings, b);
        match x.relate(&y) {
            Some(Relation::Agreement) => answered += 1,
            Some(r) if r.diverges() => {
                answered += 1;
                apart.push(QuestionParting {
                    question: q.id.clone(),
                    first: x,
                    second: y,
                });
            }
            _ => {}
        }
    }
    (answered, apart)
}
