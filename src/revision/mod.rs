//! `agon diff`: what changed between two versions of the same theories — which claims changed
//! standing in which school, the statement changes (added or removed premise, inference,
//! exception, preference, conflict, ordering) that can have caused each, and which
//! expectations changed outcome. Statements are compared by signature ([`statements`]), so
//! moving or reformatting them changes nothing. Standings come from the exact engine; a
//! school's view of a claim is read as in [`crate::diverge::view`], so an unknown standing is
//! reported as `unknown`, never as a definite value.

pub mod statements;

use crate::diverge::{View, Views};
use crate::dung::Semantics;
use crate::model::{ClaimId, SchoolId, Theory};
use crate::reason::Reasoner;
use crate::source::Span;
use crate::workspace::Workspace;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A statement added to or removed from a school.
#[derive(Clone, Debug, Serialize)]
pub struct StatementChange {
    pub school: String,
    /// `added` or `removed`.
    pub change: &'static str,
    pub kind: &'static str,
    pub statement: String,
    /// Where it stands: in the new version if added, in the old one if removed.
    #[serde(skip)]
    pub span: Span,
    /// The claim ids it mentions.
    #[serde(skip)]
    pub mentions: Vec<String>,
}

/// A claim whose view changed in a school.
#[derive(Clone, Debug, Serialize)]
pub struct StandingChange {
    pub school: String,
    pub claim: String,
    pub before: View,
    pub after: View,
    pub before_says: String,
    pub after_says: String,
    /// Indices into [`Revision::statements`] of the changes that can have caused it: those of
    /// the same school that mention a claim this one can depend on (in either version).
    pub causes: Vec<usize>,
}

/// An expectation whose outcome changed (or that was added or removed).
#[derive(Clone, Debug, Serialize)]
pub struct ExpectationChange {
    /// The expectation as written (whitespace collapsed).
    pub expectation: String,
    /// `held`, `failed`, or `absent` (not in that version).
    pub before: &'static str,
    pub after: &'static str,
    /// What agon found, when it fails in the new version.
    pub message: Option<String>,
    #[serde(skip)]
    pub span: Option<Span>,
}

/// Everything that changed between two versions.
#[derive(Clone, Debug, Serialize)]
pub struct Revision {
    pub semantics: Semantics,
    pub schools_added: Vec<String>,
    pub schools_removed: Vec<String>,
    pub statements: Vec<StatementChange>,
    pub standings: Vec<StandingChange>,
    pub expectations: Vec<ExpectationChange>,
}

impl Revision {
    /// Whether an expectation present in both versions changed outcome, or a new one fails.
    pub fn expectation_changed(&self) -> bool {
        self.expectations
            .iter()
            .any(|e| (e.before != "absent" && e.before != e.after) || e.after == "failed")
    }
}

/// Compares two versions (both without errors) under one semantics.
pub fn compare(
    old: &Workspace,
    new: &Workspace,
    options: crate::aspic::Options,
    semantics: Semantics,
) -> Revision {
    let (ot, nt) = (&old.theory, &new.theory);
    let names =
        |t: &Theory| -> BTreeSet<String> { t.schools.iter().map(|s| s.name.clone()).collect() };
    let (on, nn) = (names(ot), names(nt));
    let common: Vec<(SchoolId, SchoolId)> = nt
        .schools
        .iter()
        .filter_map(|s| Some((ot.school_named(&s.name)?, nt.school_named(&s.name)?)))
        .collect();
    let mut statements = Vec::new();
    let mut per_school: HashMap<String, Vec<usize>> = HashMap::new();
    for &(o, n) in &common {
        let name = &nt.school(n).name;
        let before = statements::of_school(ot, ot.school(o));
        let after = statements::of_school(nt, nt.school(n));
        for (change, from, to) in [("removed", &before, &after), ("added", &after, &before)] {
            for (text, st) in from {
                if !to.contains_key(text) {
                    per_school
                        .entry(name.clone())
                        .or_default()
                        .push(statements.len());
                    statements.push(StatementChange {
                        school: name.clone(),
                        change,
                        kind: st.kind,
                        statement: text.clone(),
                        span: st.span,
                        mentions: st.mentions.clone(),
                    });
                }
            }
        }
    }
    let standings = standing_changes(
        old,
        new,
        &common,
        options,
        semantics,
        &statements,
        &per_school,
    );
    Revision {
        semantics,
        schools_added: nn.difference(&on).cloned().collect(),
        schools_removed: on.difference(&nn).cloned().collect(),
        statements,
        standings,
        expectations: expectation_changes(old, new, options),
    }
}

fn standing_changes(
    old: &Workspace,
    new: &Workspace,
    common: &[(SchoolId, SchoolId)],
    options: crate::aspic::Options,
    semantics: Semantics,
    changes: &[StatementChange],
    per_school: &HashMap<String, Vec<usize>>,
) -> Vec<StandingChange> {
    let (ot, nt) = (&old.theory, &new.theory);
    let views = |ws: &Workspace, ids: Vec<SchoolId>| {
        let mut r = Reasoner::new(&ws.theory, options, semantics);
        let st = r.all_standings(&ids, semantics);
        Views::build(&ws.theory, &ids, &st)
    };
    let ov = views(old, common.iter().map(|c| c.0).collect());
    let nv = views(new, common.iter().map(|c| c.1).collect());
    let mut out = Vec::new();
    for &(o, n) in common {
        let school = nt.school(n).name.clone();
        // Claims either version's school takes a position on, by id.
        let mut claims: BTreeMap<String, (Option<ClaimId>, Option<ClaimId>)> = BTreeMap::new();
        for c in ov.by_school.get(&o).into_iter().flat_map(|m| m.keys()) {
            let id = ot.claim(*c).id.clone();
            claims.entry(id.clone()).or_default().0 = Some(*c);
            claims.entry(id.clone()).or_default().1 = nt.claim_named(&id);
        }
        for c in nv.by_school.get(&n).into_iter().flat_map(|m| m.keys()) {
            let id = nt.claim(*c).id.clone();
            claims.entry(id.clone()).or_default().1 = Some(*c);
            claims.entry(id.clone()).or_default().0 = ot.claim_named(&id);
        }
        for (id, (oc, nc)) in claims {
            let before = oc.map_or(View::Silent, |c| ov.get(o, c));
            let after = nc.map_or(View::Silent, |c| nv.get(n, c));
            if before == after {
                continue;
            }
            let mut cone = statements::cone(nt, nt.school(n), &id);
            cone.extend(statements::cone(ot, ot.school(o), &id));
            let causes: Vec<usize> = per_school
                .get(&school)
                .into_iter()
                .flatten()
                .copied()
                .filter(|&i| {
                    changes[i].kind == "ordering"
                        || changes[i].mentions.iter().any(|m| cone.contains(m))
                })
                .collect();
            let says = |t: &Theory, c: Option<ClaimId>, v: View| match (c, v) {
                (Some(c), View::Rejects(_)) => v.describe(t, crate::model::Literal::pos(c)),
                _ => v.word().to_string(),
            };
            out.push(StandingChange {
                school: school.clone(),
                before_says: says(ot, oc, before),
                after_says: says(nt, nc, after),
                claim: id,
                before,
                after,
                causes,
            });
        }
    }
    out
}

fn expectation_changes(
    old: &Workspace,
    new: &Workspace,
    options: crate::aspic::Options,
) -> Vec<ExpectationChange> {
    let judged = |ws: &Workspace| -> BTreeMap<String, (bool, Option<String>, Span)> {
        let mut r = Reasoner::new(&ws.theory, options, Semantics::Grounded);
        let outcomes = crate::expect::outcomes(&ws.theory, &mut r);
        ws.theory
            .expectations
            .iter()
            .zip(outcomes)
            .map(|(e, o)| {
                let text = ws
                    .sources
                    .snippet(e.span)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                (text, (o.is_none(), o.map(|d| d.message.clone()), e.span))
            })
            .collect()
    };
    let (before, after) = (judged(old), judged(new));
    let word = |x: Option<&(bool, Option<String>, Span)>| match x {
        None => "absent",
        Some((true, ..)) => "held",
        Some((false, ..)) => "failed",
    };
    let keys: BTreeSet<&String> = before.keys().chain(after.keys()).collect();
    keys.into_iter()
        .filter_map(|k| {
            let (b, a) = (before.get(k), after.get(k));
            let (wb, wa) = (word(b), word(a));
            (wb != wa).then(|| ExpectationChange {
                expectation: k.clone(),
                before: wb,
                after: wa,
                message: a.and_then(|x| x.1.clone()),
                span: a.map(|x| x.2),
            })
        })
        .collect()
}
