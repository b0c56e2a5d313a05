//! A school's *view* of a claim: accepts, rejects, open, silent (or unknown), read from its
//! standings on the claim, on its negation and on the claims declared in conflict with it;
//! and the relation of two schools' views. `status`, `diverge`, `compare` and expectations
//! all read claims through this module, so they say the same thing.
//!
//! # Definitions
//! For a school S and a literal φ (a claim `X` or `not X`), let the *opposites* of φ be its
//! negation and every literal ψ the school's conflicts let attack φ (ψ contradicts φ, or ψ is
//! contrary to φ; Modgil & Prakken 2013's contrariness function). Then S
//! - **accepts** φ when φ is accepted (sceptically justified);
//! - **rejects** φ when it accepts an opposite of φ, or every argument for φ is defeated;
//! - is **open** on φ when φ is undecided or credulous, or only an opposite was argued for and
//!   defeated, and nothing above holds;
//! - is **silent** on φ when it has no argument for φ or any opposite of it;
//! - is **unknown** on φ when one of these standings is unknown (the reasoning was cut short).
//!
//! So writing `not x` or declaring an opposite claim `y contradicts x` reads alike: a school
//! that accepts either rejects `x`.

use super::standing::{Standing, Standings};
use crate::model::{ConflictKind, Literal, SchoolId, Theory};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Why a school rejects a literal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Against {
    /// Every argument for it is defeated.
    Defeated,
    /// It accepts the literal's negation.
    Negation,
    /// It accepts this literal, declared in conflict with it.
    Opposite(Literal),
}

/// A school's view of a literal (see the module documentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum View {
    Accepts,
    Rejects(Against),
    /// Undecided or credulous.
    Open(Standing),
    Silent,
    Unknown,
}

impl View {
    /// One word for tables: accepts, rejects, open, credulous, silent, unknown.
    pub fn word(self) -> &'static str {
        match self {
            View::Accepts => "accepts",
            View::Rejects(_) => "rejects",
            View::Open(Standing::Credulous) => "credulous",
            View::Open(_) => "open",
            View::Silent => "silent",
            View::Unknown => "unknown",
        }
    }

    /// The view in words, with the reason for a rejection (`rejects (accepts not x)`).
    pub fn describe(self, theory: &Theory, lit: Literal) -> String {
        match self {
            View::Rejects(Against::Negation) => {
                format!("rejects (accepts {})", theory.show(lit.negate()))
            }
            View::Rejects(Against::Opposite(o)) => {
                format!("rejects (accepts {}, in conflict with it)", theory.show(o))
            }
            View::Rejects(Against::Defeated) => "rejects (every argument defeated)".into(),
            View::Accepts => "accepts".into(),
            View::Open(Standing::Credulous) => "is open (credulous)".into(),
            View::Open(_) => "is open (undecided)".into(),
            View::Silent => "is silent".into(),
            View::Unknown => "is unknown to agon".into(),
        }
    }

    /// Whether the school takes a position at all (a known, non-silent view).
    pub fn speaks(self) -> bool {
        !matches!(self, View::Silent | View::Unknown)
    }

    /// Two views that say the same thing (the reasons for a rejection may differ).
    pub fn same(self, other: View) -> bool {
        match (self, other) {
            (View::Rejects(_), View::Rejects(_)) => true,
            (a, b) => a == b,
        }
    }
}

impl Serialize for View {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.word())
    }
}

/// The view from the standings of the literal, of its negation and of its declared opposites.
pub fn view(
    own: Standing,
    negation: Standing,
    opposites: impl IntoIterator<Item = (Literal, Standing)>,
) -> View {
    match own {
        Standing::Unknown => return View::Unknown,
        Standing::Accepted => return View::Accepts,
        _ => {}
    }
    if negation == Standing::Accepted {
        return View::Rejects(Against::Negation);
    }
    let mut unknown = negation == Standing::Unknown;
    let mut argued = negation != Standing::NotAddressed;
    for (o, st) in opposites {
        match st {
            Standing::Accepted => return View::Rejects(Against::Opposite(o)),
            Standing::Unknown => unknown = true,
            Standing::NotAddressed => {}
            _ => argued = true,
        }
    }
    if unknown {
        return View::Unknown;
    }
    match own {
        Standing::Rejected => View::Rejects(Against::Defeated),
        Standing::Undecided | Standing::Credulous => View::Open(own),
        _ if argued => View::Open(Standing::Undecided),
        _ => View::Silent,
    }
}

/// The literals a school's conflicts let attack each literal (its declared opposites, not its
/// negation).
pub struct Opposites(HashMap<Literal, Vec<Literal>>);

impl Opposites {
    pub fn of(theory: &Theory, school: SchoolId) -> Self {
        Self::from_conflicts(&theory.school(school).conflicts)
    }

    pub fn from_conflicts(conflicts: &[crate::model::Conflict]) -> Self {
        let mut map: HashMap<Literal, Vec<Literal>> = HashMap::new();
        for c in conflicts {
            map.entry(c.to).or_default().push(c.from);
            if c.kind == ConflictKind::Contradictory {
                map.entry(c.from).or_default().push(c.to);
            }
        }
        for v in map.values_mut() {
            v.sort();
            v.dedup();
        }
        Opposites(map)
    }

    pub fn get(&self, lit: Literal) -> &[Literal] {
        self.0.get(&lit).map_or(&[], Vec::as_slice)
    }

    /// Every literal some opposite attacks (each target once per attacker).
    fn targets(&self) -> impl Iterator<Item = (Literal, Literal)> + '_ {
        self.0
            .iter()
            .flat_map(|(target, from)| from.iter().map(move |f| (*f, *target)))
    }
}

/// A school's view of a literal, asking the standings through `standing`.
pub fn view_with(
    opposites: &Opposites,
    lit: Literal,
    mut standing: impl FnMut(Literal) -> Standing,
) -> View {
    let own = standing(lit);
    let negation = standing(lit.negate());
    let opp: Vec<(Literal, Standing)> = opposites
        .get(lit)
        .iter()
        .map(|o| (*o, standing(*o)))
        .collect();
    view(own, negation, opp)
}

/// Every compared school's non-silent views of claims (`X`, positive), computed once.
#[derive(Default)]
pub struct Views {
    pub by_school: HashMap<SchoolId, BTreeMap<crate::model::ClaimId, View>>,
    /// Each compared school's declared opposites, built once.
    pub opposites: HashMap<SchoolId, Opposites>,
    /// Every claim's id, shared, so that reports over many pairs do not copy names.
    pub names: Vec<std::sync::Arc<str>>,
}

impl Views {
    /// Linear in the standings and conflicts of the schools.
    pub fn build(theory: &Theory, ids: &[SchoolId], standings: &Standings) -> Self {
        let (mut by_school, mut all_opposites) = (HashMap::new(), HashMap::new());
        for &s in ids {
            let opposites = Opposites::of(theory, s);
            let mut claims: Vec<crate::model::ClaimId> = standings
                .by_school
                .get(&s)
                .into_iter()
                .flat_map(|m| m.keys().map(|l| l.claim))
                .collect();
            // A claim the school never argues about, rejected through an accepted opposite.
            claims.extend(
                opposites
                    .targets()
                    .filter(|(from, _)| standings.get(s, *from) == Standing::Accepted)
                    .map(|(_, to)| to.claim),
            );
            claims.sort_unstable();
            claims.dedup();
            let mut views = BTreeMap::new();
            for c in claims {
                let v = view_with(&opposites, Literal::pos(c), |l| standings.get(s, l));
                if v != View::Silent {
                    views.insert(c, v);
                }
            }
            by_school.insert(s, views);
            all_opposites.insert(s, opposites);
        }
        Views {
            by_school,
            opposites: all_opposites,
            names: theory.claims.iter().map(|c| c.id.as_str().into()).collect(),
        }
    }

    pub fn get(&self, school: SchoolId, claim: crate::model::ClaimId) -> View {
        self.by_school
            .get(&school)
            .and_then(|m| m.get(&claim))
            .copied()
            .unwrap_or(View::Silent)
    }

    /// The school's declared opposites (none for a school not compared).
    pub fn opposites(&self, school: SchoolId) -> &Opposites {
        static NONE: std::sync::LazyLock<Opposites> =
            std::sync::LazyLock::new(|| Opposites(HashMap::new()));
        self.opposites.get(&school).unwrap_or(&NONE)
    }
}

/// How two schools relate on one claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    Agreement,
    /// One accepts the claim, the other accepts its negation or a claim declared in conflict
    /// with it.
    Contradiction,
    /// One accepts it, the other rejects it because every argument for it is defeated.
    AcceptReject,
    /// One school takes a position, the other is silent: not a divergence.
    OneSilent,
    /// Any other difference (e.g. accepts against open).
    Differ,
    /// agon cannot vouch for one school's view (its reasoning was cut short): neither a
    /// divergence nor an agreement.
    Unknown,
}

impl Relation {
    /// A real divergence: both schools take known, different positions.
    pub fn diverges(self) -> bool {
        matches!(
            self,
            Relation::Contradiction | Relation::AcceptReject | Relation::Differ
        )
    }
}

/// The relation of two views of the same claim (`None` when both are silent).
pub fn relate(a: View, b: View) -> Option<Relation> {
    Some(match (a, b) {
        (View::Silent, View::Silent) => return None,
        (View::Unknown, _) | (_, View::Unknown) => Relation::Unknown,
        (View::Silent, _) | (_, View::Silent) => Relation::OneSilent,
        _ if a.same(b) => Relation::Agreement,
        (View::Accepts, View::Rejects(Against::Defeated))
        | (View::Rejects(Against::Defeated), View::Accepts) => Relation::AcceptReject,
        (View::Accepts, View::Rejects(_)) | (View::Rejects(_), View::Accepts) => {
            Relation::Contradiction
        }
        _ => Relation::Differ,
    })
}
