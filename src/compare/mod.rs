//! `agon compare`: the table a paper prints — one row per question, one column per school,
//! each cell the school's answer with the citations it rests on — and the agreement of each
//! pair of schools over the questions both answer. A school's answer is read as in
//! [`crate::diverge::questions`]; the table is rendered by [`render`].

pub mod render;

use crate::diverge::questions::Answer;
use crate::diverge::view::Opposites;
use crate::diverge::{Relation, Standings};
use crate::model::{Citation, Literal, PremiseKind, Question, SchoolId, Theory};
use serde::Serialize;

/// One school's answer to one question, with the citations of what it accepts.
#[derive(Clone, Debug, Serialize)]
pub struct Cell {
    /// The accepted answers (`not x` for a negated one), or empty.
    pub accepts: Vec<String>,
    /// `answers`, `open`, `none` (it rejects every answer it speaks of), `silent` or `unknown`.
    pub kind: &'static str,
    /// For each accepted answer, the citations of the premise or inferences it rests on in
    /// the school (premise first, then inferences concluding it), duplicates removed.
    pub cites: Vec<Vec<Citation>>,
}

/// One question and every compared school's answer.
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    pub question: String,
    pub text: String,
    pub cells: Vec<Cell>,
}

/// Over the questions both schools answer: how many, how many alike, how many apart.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct PairCount {
    pub both_answer: usize,
    pub alike: usize,
    pub apart: usize,
}

/// The comparison table.
#[derive(Clone, Debug, Serialize)]
pub struct Table {
    /// `(name, title)` of each compared school, in column order.
    pub schools: Vec<(String, String)>,
    pub rows: Vec<Row>,
    /// `agreement[i][j]` for schools `i != j` (`None` on the diagonal).
    pub agreement: Vec<Vec<Option<PairCount>>>,
}

/// Builds the table for the given schools and questions from the reasoner's standings.
pub fn table(
    theory: &Theory,
    schools: &[SchoolId],
    questions: &[&Question],
    standings: &Standings,
) -> Table {
    let opposites: Vec<Opposites> = schools.iter().map(|&s| Opposites::of(theory, s)).collect();
    let n = schools.len();
    let mut agreement = vec![vec![None; n]; n];
    for (i, row) in agreement.iter_mut().enumerate() {
        for (j, cell) in row.iter_mut().enumerate() {
            if i != j {
                *cell = Some(PairCount::default());
            }
        }
    }
    let mut rows = Vec::new();
    for q in questions {
        let answers: Vec<Answer> = schools
            .iter()
            .zip(&opposites)
            .map(|(&s, o)| Answer::from_standings(q, o, standings, s))
            .collect();
        for i in 0..n {
            for j in 0..n {
                let Some(count) = agreement[i][j].as_mut() else {
                    continue;
                };
                match answers[i].relate(&answers[j]) {
                    Some(Relation::Agreement) => {
                        count.both_answer += 1;
                        count.alike += 1;
                    }
                    Some(r) if r.diverges() => {
                        count.both_answer += 1;
                        count.apart += 1;
                    }
                    _ => {}
                }
            }
        }
        let cells = schools
            .iter()
            .zip(&answers)
            .map(|(&s, a)| cell(theory, s, a))
            .collect();
        rows.push(Row {
            question: q.id.clone(),
            text: q.text.clone(),
            cells,
        });
    }
    Table {
        schools: schools
            .iter()
            .map(|&s| {
                let school = theory.school(s);
                (school.name.clone(), school.title.clone())
            })
            .collect(),
        rows,
        agreement,
    }
}

fn cell(theory: &Theory, school: SchoolId, a: &Answer) -> Cell {
    let kind = if a.unknown {
        "unknown"
    } else if !a.accepts.is_empty() {
        "answers"
    } else if !a.open.is_empty() {
        "open"
    } else if !a.rejects.is_empty() {
        "none"
    } else {
        "silent"
    };
    Cell {
        accepts: a.accepts.iter().map(|l| theory.show(*l)).collect(),
        kind,
        cites: a
            .accepts
            .iter()
            .map(|l| grounds(theory, school, *l))
            .collect(),
    }
}

/// The citations of what a school states for a literal: its premise, then the inferences
/// that conclude it (an axiom or premise first).
fn grounds(theory: &Theory, school: SchoolId, lit: Literal) -> Vec<Citation> {
    let s = theory.school(school);
    let mut out: Vec<Citation> = Vec::new();
    let premises = s.premises.iter().filter(|p| p.literal == lit);
    let (axioms, ordinary): (Vec<_>, Vec<_>) = premises.partition(|p| p.kind == PremiseKind::Axiom);
    let rules = s
        .rules
        .iter()
        .filter(|r| r.consequent == lit)
        .map(|r| &r.cite);
    for c in axioms
        .into_iter()
        .chain(ordinary)
        .map(|p| &p.cite)
        .chain(rules)
        .flatten()
    {
        if !out
            .iter()
            .any(|o| o.source == c.source && o.locator == c.locator)
        {
            out.push(c.clone());
        }
    }
    out
}
