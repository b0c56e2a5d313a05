//! The semantics agon evaluates frameworks under, by name, and the enumeration of their
//! extensions. Dispatches to `grounded`, `sat` and `ideal`; holds no algorithm of its own.

use super::ideal::ideal;
use super::labelling::in_arguments;
use super::sat::{Encoding, Enumeration, Kind, Order};
use super::{grounded, Framework};
use serde::Serialize;
use std::fmt;
use std::str::FromStr;

/// A set of arguments, sorted ascending.
pub type Extension = Vec<u32>;

/// The semantics agon evaluates frameworks under. Names (`FromStr`, `Display`, serde, clap):
/// `grounded`, `complete`, `preferred`, `stable`, `semi-stable`, `ideal`.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, clap::ValueEnum,
)]
#[serde(rename_all = "kebab-case")]
pub enum Semantics {
    /// The least complete extension (Dung 1995, Def. 20): sceptical, unique, linear time.
    #[default]
    Grounded,
    /// Admissible sets containing every argument they defend (Dung 1995, Def. 23).
    Complete,
    /// Maximal admissible sets (Dung 1995, Def. 7).
    Preferred,
    /// Conflict-free sets attacking every argument outside them (Dung 1995, Def. 12); there
    /// may be none.
    Stable,
    /// Complete extensions with maximal range (Caminada 2006); equal to the stable
    /// ones when there are any.
    SemiStable,
    /// The largest admissible set inside every preferred extension (Dung, Mancarella & Toni
    /// 2007): unique, between grounded and preferred.
    Ideal,
}

impl Semantics {
    /// Every semantics, from the most sceptical to the most credulous as usually listed.
    pub const ALL: [Semantics; 6] = [
        Semantics::Grounded,
        Semantics::Complete,
        Semantics::Preferred,
        Semantics::Stable,
        Semantics::SemiStable,
        Semantics::Ideal,
    ];

    /// The semantics' name, as parsed and printed.
    pub fn name(self) -> &'static str {
        match self {
            Semantics::Grounded => "grounded",
            Semantics::Complete => "complete",
            Semantics::Preferred => "preferred",
            Semantics::Stable => "stable",
            Semantics::SemiStable => "semi-stable",
            Semantics::Ideal => "ideal",
        }
    }

    /// Whether the semantics always yields exactly one extension.
    pub fn is_unique(self) -> bool {
        matches!(self, Semantics::Grounded | Semantics::Ideal)
    }
}

impl fmt::Display for Semantics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Semantics {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Semantics::ALL
            .into_iter()
            .find(|x| x.name() == s)
            .ok_or_else(|| format!("unknown semantics `{s}`"))
    }
}

/// Every extension under the semantics (sorted, each sorted), up to `limit` of them;
/// `truncated` says whether more exist. Grounded: `O(n + m)`. Ideal: see [`ideal`].
/// Complete and stable: one SAT call per extension (plus one). Preferred and semi-stable:
/// per extension a climb of at most `u + 1` SAT calls (`u` arguments left undecided by the
/// grounded labelling) plus the non-maximal dead ends met on the way. The count of extensions
/// can be exponential; `limit` bounds the work by it.
pub fn extensions(af: &Framework, semantics: Semantics, limit: usize) -> Enumeration {
    if limit == 0 && semantics.is_unique() {
        return Enumeration {
            extensions: Vec::new(),
            truncated: true,
        };
    }
    let single = |e| Enumeration {
        extensions: vec![e],
        truncated: false,
    };
    match semantics {
        Semantics::Grounded => single(in_arguments(&grounded(af))),
        Semantics::Ideal => single(ideal(af)),
        Semantics::Complete => Encoding::new(af, Kind::Complete).all(limit),
        Semantics::Stable => Encoding::new(af, Kind::Stable).all(limit),
        Semantics::Preferred => Encoding::new(af, Kind::Admissible).maximal(Order::Set, limit),
        Semantics::SemiStable => {
            // Semi-stable = stable when a stable extension exists (Caminada 2006), and
            // the stable encoding is the cheaper one to enumerate.
            let mut stable = Encoding::for_one_call(af, Kind::Stable);
            if stable.solve(&[]) {
                stable.all(limit)
            } else {
                Encoding::new(af, Kind::AdmissibleRange).maximal(Order::Range, limit)
            }
        }
    }
}

/// Some extension under the semantics, or none (only stable semantics can have none): what
/// the ICCMA `SE` tasks ask. Cheaper than [`extensions`] with a limit of 1, which also
/// looks for a second extension to report whether the list is complete. Complete: the
/// grounded extension, in linear time.
pub fn some_extension(af: &Framework, semantics: Semantics) -> Option<Extension> {
    match semantics {
        Semantics::Grounded | Semantics::Complete => Some(in_arguments(&grounded(af))),
        Semantics::Ideal => Some(ideal(af)),
        Semantics::Stable => Encoding::for_one_call(af, Kind::Stable).one(None),
        Semantics::Preferred => Encoding::new(af, Kind::Admissible).one(Some(Order::Set)),
        Semantics::SemiStable => {
            let mut stable = Encoding::new(af, Kind::Stable);
            if stable.solve(&[]) {
                stable.one(None)
            } else {
                Encoding::new(af, Kind::AdmissibleRange).one(Some(Order::Range))
            }
        }
    }
}
