//! ICCMA task names `PROBLEM-SEMANTICS` (`DC-PR`, `SE-STG`, ...): which question to answer
//! under which semantics, and which tasks each kind of framework supports. Stage semantics
//! lives here rather than in [`Semantics`], whose names drive the theory-level `--semantics`.

use super::Kind;
use crate::dung::Semantics;
use std::fmt;
use std::str::FromStr;

/// What to answer about the framework.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// `DC`: is the query in some extension (derived by some, for ABA)?
    Credulous,
    /// `DS`: is the query in every extension (vacuously yes when there is none)?
    Sceptical,
    /// `SE`: some extension, or `NO` when there is none.
    SomeExtension,
}

/// The semantics a task names: Dung's and ABA's, plus stage (AF only).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaskSemantics {
    Dung(Semantics),
    /// Conflict-free sets of maximal range (Verheij 1996); see `dung::stage`.
    Stage,
}

/// An ICCMA task: a problem under a semantics.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Task {
    pub problem: Problem,
    pub semantics: TaskSemantics,
}

const PROBLEMS: [(&str, Problem); 3] = [
    ("DC", Problem::Credulous),
    ("DS", Problem::Sceptical),
    ("SE", Problem::SomeExtension),
];

const SEMANTICS: [(&str, TaskSemantics); 7] = [
    ("CO", TaskSemantics::Dung(Semantics::Complete)),
    ("PR", TaskSemantics::Dung(Semantics::Preferred)),
    ("ST", TaskSemantics::Dung(Semantics::Stable)),
    ("SST", TaskSemantics::Dung(Semantics::SemiStable)),
    ("STG", TaskSemantics::Stage),
    ("ID", TaskSemantics::Dung(Semantics::Ideal)),
    ("GR", TaskSemantics::Dung(Semantics::Grounded)),
];

impl Task {
    /// Every task, by problem then semantics.
    pub fn all() -> impl Iterator<Item = Task> {
        PROBLEMS.into_iter().flat_map(|(_, problem)| {
            SEMANTICS
                .into_iter()
                .map(move |(_, semantics)| Task { problem, semantics })
        })
    }

    /// Whether frameworks of this kind support the task: every task for AF, every one but
    /// stage for ABA (the `aba::Solver` semantics).
    pub fn supports(self, kind: Kind) -> bool {
        kind == Kind::Af || self.semantics != TaskSemantics::Stage
    }

    /// Whether the task asks about a query argument or atom (`DC`, `DS`).
    pub fn needs_query(self) -> bool {
        self.problem != Problem::SomeExtension
    }
}

impl fmt::Display for Task {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = PROBLEMS.iter().find(|(_, p)| *p == self.problem);
        let s = SEMANTICS.iter().find(|(_, s)| *s == self.semantics);
        match (p, s) {
            (Some((p, _)), Some((s, _))) => write!(f, "{p}-{s}"),
            _ => unreachable!("every problem and semantics has a name"),
        }
    }
}

impl FromStr for Task {
    type Err = String;

    /// Parses `PROBLEM-SEMANTICS`, in any letter case.
    fn from_str(text: &str) -> Result<Task, String> {
        let upper = text.trim().to_ascii_uppercase();
        if let Some(task) = Task::all().find(|t| t.to_string() == upper) {
            return Ok(task);
        }
        let names: Vec<String> = Task::all().map(|t| t.to_string()).collect();
        let known: Vec<&str> = names.iter().map(String::as_str).collect();
        let hint = crate::resolve::did_you_mean(&upper, &known).unwrap_or_else(|| {
            "tasks are DC-σ, DS-σ and SE-σ for σ in CO, PR, ST, SST, STG, ID, GR".into()
        });
        Err(format!("unknown task `{text}`\nhelp: {hint}"))
    }
}
