//! A school's standing on one literal, as the reasoner decides it, and the table of standings
//! of every literal each compared school speaks of.

use crate::model::{Literal, SchoolId};
use serde::Serialize;
use std::collections::HashMap;

/// A school's standing on a literal (Modgil & Prakken 2013's justification status read over
/// conclusions: accepted = sceptically justified, credulous = credulously but not sceptically,
/// rejected = every argument defeated, undecided otherwise).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Standing {
    Accepted,
    Credulous,
    Undecided,
    Rejected,
    /// The school has no argument for or against it (it does not speak of it).
    NotAddressed,
    /// agon cannot vouch for a standing here: the reasoning was cut short (the evaluation
    /// says why). Never compared as if it were a standing.
    Unknown,
}

impl Standing {
    pub fn word(self) -> &'static str {
        match self {
            Standing::Accepted => "accepted",
            Standing::Credulous => "credulous",
            Standing::Undecided => "undecided",
            Standing::Rejected => "rejected",
            Standing::NotAddressed => "not addressed",
            Standing::Unknown => "unknown",
        }
    }
}

/// Standings of every literal each school speaks of; literals missing are not addressed.
#[derive(Debug, Default)]
pub struct Standings {
    pub by_school: HashMap<SchoolId, HashMap<Literal, Standing>>,
}

impl Standings {
    pub fn get(&self, school: SchoolId, lit: Literal) -> Standing {
        self.by_school
            .get(&school)
            .and_then(|m| m.get(&lit))
            .copied()
            .unwrap_or(Standing::NotAddressed)
    }
}
