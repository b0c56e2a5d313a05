//! Schools' answers to the questions a theory declares (`question id "text" { a, b, ... }`).
//! A school's answer is the set of answers it accepts; where it accepts none, it is open if
//! it is open on some answer, and otherwise it denies them all. A school that is silent on
//! every answer does not answer. Two schools part on a question when both answer and their
//! answers differ.

use super::standing::{Standing, Standings};
use super::view::{view_with, Opposites, Relation, View};
use crate::model::{Literal, Question, SchoolId};
use serde::Serialize;

/// What a school says to one question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Answer {
    /// The answers it accepts.
    pub accepts: Vec<Literal>,
    /// The answers it rejects.
    pub rejects: Vec<Literal>,
    /// The answers it is open on (undecided or credulous).
    pub open: Vec<Literal>,
    /// Whether some answer's view is unknown (the reasoning was cut short).
    pub unknown: bool,
}

/// The shape of an answer, for comparing two schools.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Key<'a> {
    Accepts(&'a [Literal]),
    Open,
    DeniesAll,
}

impl Answer {
    pub fn of(
        question: &Question,
        opposites: &Opposites,
        mut standing: impl FnMut(Literal) -> Standing,
    ) -> Self {
        let mut a = Answer {
            accepts: Vec::new(),
            rejects: Vec::new(),
            open: Vec::new(),
            unknown: false,
        };
        for &lit in &question.answers {
            match view_with(opposites, lit, &mut standing) {
                View::Accepts => a.accepts.push(lit),
                View::Rejects(_) => a.rejects.push(lit),
                View::Open(_) => a.open.push(lit),
                View::Unknown => a.unknown = true,
                View::Silent => {}
            }
        }
        a
    }

    /// A school's answer from the standings the reasoner computed.
    pub fn from_standings(
        question: &Question,
        opposites: &Opposites,
        standings: &Standings,
        school: SchoolId,
    ) -> Self {
        Answer::of(question, opposites, |l| standings.get(school, l))
    }

    pub fn silent(&self) -> bool {
        !self.unknown && self.accepts.is_empty() && self.rejects.is_empty() && self.open.is_empty()
    }

    fn key(&self) -> Key<'_> {
        if !self.accepts.is_empty() {
            Key::Accepts(&self.accepts)
        } else if !self.open.is_empty() {
            Key::Open
        } else {
            Key::DeniesAll
        }
    }

    /// How two schools' answers relate (`None` when neither answers).
    pub fn relate(&self, other: &Answer) -> Option<Relation> {
        Some(match (self.silent(), other.silent()) {
            (true, true) => return None,
            _ if self.unknown || other.unknown => Relation::Unknown,
            (true, false) | (false, true) => Relation::OneSilent,
            _ if self.key() == other.key() => Relation::Agreement,
            _ => Relation::Differ,
        })
    }
}
