//! Deciding an ICCMA task on a framework and writing the answer as ICCMA 2023 wants it:
//! `YES` or `NO` for `DC` and `DS`, and for `SE` a line `w a1 a2 ...` naming one extension's
//! arguments (AF) or assumptions (ABA, by their atoms) 1-based, or `NO` when there is none.
//! Only stable semantics can have no extension.

use super::{Instance, Problem, Task, TaskSemantics};
use crate::dung::{self, stage};
use std::fmt;

/// The answer to a task, as printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    Yes,
    No,
    /// One extension: 1-based names, ascending.
    Extension(Vec<u64>),
    /// `SE` when no extension exists.
    NoExtension,
}

impl fmt::Display for Answer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Answer::Yes => f.write_str("YES"),
            Answer::No | Answer::NoExtension => f.write_str("NO"),
            Answer::Extension(names) => {
                f.write_str("w")?;
                for n in names {
                    write!(f, " {n}")?;
                }
                Ok(())
            }
        }
    }
}

impl Answer {
    fn decided(yes: bool) -> Answer {
        if yes {
            Answer::Yes
        } else {
            Answer::No
        }
    }

    /// An extension given by 0-based ids (any order), or none.
    fn extension(ids: Option<Vec<u32>>) -> Answer {
        match ids {
            Some(ids) => {
                let mut names: Vec<u64> = ids.into_iter().map(|a| u64::from(a) + 1).collect();
                names.sort_unstable();
                Answer::Extension(names)
            }
            None => Answer::NoExtension,
        }
    }
}

/// Decides `task` on the framework. `query` is the 0-based argument or atom for `DC`/`DS`
/// (ignored for `SE`).
///
/// # Panics
/// If the task needs a query and none (or one out of range) is given, or the framework's
/// kind does not support the task ([`Task::supports`]): the caller checks both.
pub fn answer(instance: &Instance, task: Task, query: Option<u32>) -> Answer {
    assert!(task.supports(instance.kind()), "{task} on this framework");
    let q = || query.expect("DC and DS tasks have a query");
    match instance {
        Instance::Af(af) => match (task.problem, task.semantics) {
            (Problem::Credulous, TaskSemantics::Stage) => {
                Answer::decided(stage::credulous(af, q()))
            }
            (Problem::Sceptical, TaskSemantics::Stage) => {
                Answer::decided(stage::sceptical(af, q()))
            }
            (Problem::SomeExtension, TaskSemantics::Stage) => {
                Answer::extension(Some(stage::some_extension(af)))
            }
            (Problem::Credulous, TaskSemantics::Dung(s)) => {
                Answer::decided(dung::credulous(af, s, q()))
            }
            (Problem::Sceptical, TaskSemantics::Dung(s)) => {
                Answer::decided(dung::sceptical(af, s, q()))
            }
            (Problem::SomeExtension, TaskSemantics::Dung(s)) => {
                Answer::extension(dung::some_extension(af, s))
            }
        },
        Instance::Aba(aba) => {
            let TaskSemantics::Dung(s) = task.semantics else {
                unreachable!("checked by `supports`")
            };
            // An ICCMA call asks about one atom at most.
            let asked = matches!(task.problem, Problem::Credulous | Problem::Sceptical);
            let mut solver =
                crate::aba::Solver::new(aba).focused(if asked { vec![q()] } else { Vec::new() });
            match task.problem {
                Problem::Credulous => Answer::decided(solver.credulous(s, q())),
                Problem::Sceptical => Answer::decided(solver.sceptical(s, q())),
                Problem::SomeExtension => Answer::extension(
                    solver
                        .extension(s)
                        .map(|asms| asms.into_iter().map(|a| aba.atom_of(a)).collect()),
                ),
            }
        }
    }
}
