//! The divergence report's content, for every pair of a set of schools: each pair compared
//! ([`compare_pair`](super::compare_pair)), ranked most apart first, and what each school loses
//! in the joint debate. `agon diverge` renders it as text, JSON or DOT; the fuzzer computes it
//! for every input that resolves.

use super::{compare_pair, joint, joint_school, PairReport, Standing, Standings, View, Views};
use crate::dung::Semantics;
use crate::model::{ClaimId, Literal, SchoolId, Theory};
use crate::reason::Reasoner;
use std::collections::{HashMap, HashSet};

/// What one school loses in the joint debate.
pub struct JointLosses {
    pub school: String,
    pub accepted_alone: usize,
    pub losses: Vec<joint::Loss>,
}

/// Everything the report shows.
pub struct Report {
    pub semantics: Semantics,
    pub schools: Vec<String>,
    /// Most apart first; pairs that share no claim and no question are left out (counted in
    /// `unrelated`), so the report grows with what schools share, not with the square of
    /// their number.
    pub pairs: Vec<PairReport>,
    pub unrelated: usize,
    pub joint: Vec<JointLosses>,
    /// Schools (or "joint debate") whose standings are unknown, and why.
    pub unknown: Vec<(String, String)>,
    /// Every claim some compared school takes a position on, with each school's view (in the
    /// order of `schools`).
    pub matrix: Vec<(String, Vec<View>)>,
}

/// Compares every pair of `ids` (at least two schools) and the joint debate under the
/// reasoner's semantics; also returns the standings the comparison read.
pub fn compute(theory: &Theory, ids: &[SchoolId], reasoner: &mut Reasoner) -> (Report, Standings) {
    let semantics = reasoner.semantics;
    let standings = reasoner.all_standings(ids, semantics);
    let views = Views::build(theory, ids, &standings);
    let mut unknown: Vec<(String, String)> = ids
        .iter()
        .filter_map(|&s| {
            reasoner
                .unknown(s, semantics)
                .map(|why| (theory.school(s).name.clone(), why))
        })
        .collect();
    let mut pairs = Vec::new();
    let mut unrelated = 0;
    let related = related_pairs(theory, ids, &views);
    for (i, &a) in ids.iter().enumerate() {
        for (j, &b) in ids.iter().enumerate().skip(i + 1) {
            if !related.as_ref().is_none_or(|r| r.contains(&(i, j))) {
                unrelated += 1;
                continue;
            }
            let p = compare_pair(theory, (a, b), &standings, &views);
            if p.jointly_addressed == 0 && p.questions_answered == 0 && p.unknown.is_empty() {
                unrelated += 1;
            } else {
                pairs.push(p);
            }
        }
    }
    let names: Vec<String> = ids.iter().map(|s| theory.school(*s).name.clone()).collect();
    pairs.sort_by(|x, y| {
        let d = |p: &PairReport| p.distance.unwrap_or(-1.0);
        d(y).total_cmp(&d(x))
            .then(y.apart.cmp(&x.apart))
            .then_with(|| (&x.first, &x.second).cmp(&(&y.first, &y.second)))
    });
    let mut joint = Vec::new();
    if ids.len() >= 2 {
        let school = joint_school(theory, ids);
        let joint_eval = crate::reasoning::evaluate(&school, ids[0], &reasoner.options, semantics);
        if let Some(why) = &joint_eval.unknown {
            unknown.push(("joint debate".into(), why.clone()));
        }
        for &sid in ids {
            let mut alone: Vec<Literal> = standings.by_school[&sid]
                .iter()
                .filter(|(_, st)| **st == Standing::Accepted)
                .map(|(l, _)| *l)
                .collect();
            alone.sort();
            joint.push(JointLosses {
                school: theory.school(sid).name.clone(),
                accepted_alone: alone.len(),
                losses: joint::losses(theory, &school, &alone, &joint_eval.standings),
            });
        }
    }
    let mut claims: Vec<ClaimId> = views
        .by_school
        .values()
        .flat_map(|m| m.keys().copied())
        .collect();
    claims.sort();
    claims.dedup();
    let matrix = claims
        .into_iter()
        .map(|c| {
            let row = ids.iter().map(|&s| views.get(s, c)).collect();
            (theory.claim(c).id.clone(), row)
        })
        .collect();
    (
        Report {
            semantics,
            schools: names,
            pairs,
            unrelated,
            joint,
            matrix,
            unknown,
        },
        standings,
    )
}

/// The pairs (by position in `ids`) that take a position on some claim in common, found
/// through the schools of each claim, so that schools that share nothing cost nothing; `None`
/// (every pair) when the theory declares questions, which any two schools may both answer.
fn related_pairs(
    theory: &Theory,
    ids: &[SchoolId],
    views: &Views,
) -> Option<HashSet<(usize, usize)>> {
    if !theory.questions.is_empty() {
        return None;
    }
    let mut by_claim: HashMap<ClaimId, Vec<usize>> = HashMap::new();
    for (i, s) in ids.iter().enumerate() {
        for c in views.by_school.get(s).into_iter().flat_map(|m| m.keys()) {
            by_claim.entry(*c).or_default().push(i);
        }
    }
    let mut related = HashSet::new();
    for schools in by_claim.values() {
        for (k, &i) in schools.iter().enumerate() {
            for &j in &schools[k + 1..] {
                related.insert((i.min(j), i.max(j)));
            }
        }
    }
    Some(related)
}
