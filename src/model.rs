//! The resolved theory: claims, sources and schools with every name checked and every
//! inherited statement copied in. This is what the reasoner reads; it knows nothing of syntax.
//!
//! Each item keeps the [`Span`] of the statement that said it, so findings about the model
//! (an inconsistent set of axioms, a failed expectation) can point back at the theory file.

use crate::source::Span;
use serde::Serialize;
use std::fmt;

/// Index of a claim in [`Theory::claims`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct ClaimId(pub u32);

/// A claim or its negation: the language `L` of an ASPIC+ argumentation system.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Literal {
    pub claim: ClaimId,
    pub negated: bool,
}

impl Literal {
    pub fn pos(claim: ClaimId) -> Self {
        Literal {
            claim,
            negated: false,
        }
    }

    /// The contradictory of this literal (`-φ`): `X` for `not X` and vice versa.
    pub fn negate(self) -> Self {
        Literal {
            claim: self.claim,
            negated: !self.negated,
        }
    }
}

/// A claim of the shared vocabulary.
#[derive(Clone, Debug, Serialize)]
pub struct Claim {
    pub id: String,
    pub text: String,
    pub doc: Option<String>,
    pub cite: Vec<Citation>,
    #[serde(skip)]
    pub span: Span,
}

/// A reference to a declared source, with an optional locator such as `p. 495`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Citation {
    pub source: String,
    /// Words before the key, as in pandoc's `[see @key]` or `[cf. @key, p. 7]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    pub locator: Option<String>,
    /// Whose view the cited passage states, when not the school's own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stance: Option<Stance>,
    #[serde(skip)]
    pub span: Span,
}

/// `[@wendt1992, pp. 391-392, attributed]`: the position is the school's as a critic reads it;
/// `[@grieco1988, p. 487, conceded]`: the source grants it for the sake of argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stance {
    Attributed,
    Conceded,
}

impl Stance {
    pub fn word(self) -> &'static str {
        match self {
            Stance::Attributed => "attributed",
            Stance::Conceded => "conceded",
        }
    }

    pub fn parse(word: &str) -> Option<Self> {
        match word {
            "attributed" => Some(Stance::Attributed),
            "conceded" => Some(Stance::Conceded),
            _ => None,
        }
    }
}

impl fmt::Display for Citation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(prefix) = &self.prefix {
            write!(f, "{prefix} ")?;
        }
        write!(f, "@{}", self.source)?;
        if let Some(loc) = &self.locator {
            write!(f, ", {loc}")?;
        }
        if let Some(stance) = self.stance {
            write!(f, ", {}", stance.word())?;
        }
        Ok(())
    }
}

/// A declared source (`source key "reference"` or an entry of a BibTeX file).
#[derive(Clone, Debug, Serialize)]
pub struct Source {
    pub key: String,
    pub reference: String,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PremiseKind {
    /// Necessary premise (ASPIC+ `K_n`): cannot be attacked.
    Axiom,
    /// Ordinary premise (ASPIC+ `K_p`): can be undermined.
    Ordinary,
}

/// A premise of a school's knowledge base.
#[derive(Clone, Debug, Serialize)]
pub struct Premise {
    pub literal: Literal,
    pub kind: PremiseKind,
    pub doc: Option<String>,
    pub cite: Vec<Citation>,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RuleKind {
    /// `follows from`: ASPIC+ strict rule (`R_s`).
    Strict,
    /// `usually follows from`: ASPIC+ defeasible rule (`R_d`).
    Defeasible,
}

/// Index of a rule in its school's [`School::rules`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct RuleId(pub u32);

/// An inference `consequent (usually) follows from antecedents`.
#[derive(Clone, Debug, Serialize)]
pub struct Rule {
    pub name: Option<String>,
    pub kind: RuleKind,
    pub antecedents: Vec<Literal>,
    pub consequent: Literal,
    pub doc: Option<String>,
    pub cite: Vec<Citation>,
    #[serde(skip)]
    pub span: Span,
}

/// `rule does not apply when literal`: arguments for `literal` undercut uses of `rule`
/// (in ASPIC+ terms, `literal` is a contrary of the rule's name `n(rule)`).
#[derive(Clone, Debug, Serialize)]
pub struct Exception {
    pub rule: RuleId,
    pub literal: Literal,
    pub cite: Vec<Citation>,
    #[serde(skip)]
    pub span: Span,
}

/// `consequent does not follow from antecedents`: the school denies that inference. Within
/// the school, an inference it inherits with that conclusion and those antecedents (as a set)
/// is dropped. Where schools meet (the joint debate, a school with several parents), the
/// denial undercuts every such inference, strict ones included: in ASPIC+ terms the denying
/// school holds `¬n(r)` for each matching rule `r`, an undercutter nothing can attack, so
/// every argument that uses `r` is defeated by an unattacked argument and is out under every
/// semantics (Dung 1995: such arguments cannot change any other argument's label in a
/// complete labelling). agon therefore leaves the denied inferences out, which gives the same
/// standings. A strict inference that a party denies is not part of the debate's shared logic,
/// so it is treated as contested rather than strict: it and its transpositions are left out.
#[derive(Clone, Debug, Serialize)]
pub struct Denial {
    pub consequent: Literal,
    /// Sorted, each once.
    pub antecedents: Vec<Literal>,
    pub cite: Vec<Citation>,
    #[serde(skip)]
    pub span: Span,
}

impl Denial {
    /// Whether `rule` is the inference this denial denies: the same conclusion, and the same
    /// antecedents as a set, whatever its kind and name.
    pub fn matches(&self, rule: &Rule) -> bool {
        rule.consequent == self.consequent && same_set(&rule.antecedents, &self.antecedents)
    }

    /// Whether two denials deny the same inference.
    pub fn same(&self, other: &Denial) -> bool {
        self.consequent == other.consequent && self.antecedents == other.antecedents
    }
}

/// Whether `list` holds exactly the literals of `sorted` (sorted, each once).
fn same_set(list: &[Literal], sorted: &[Literal]) -> bool {
    let mut l = list.to_vec();
    l.sort();
    l.dedup();
    l == sorted
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ConflictKind {
    /// Each attacks the other (`X contradicts Y`).
    Contradictory,
    /// Only `from` attacks `to` (`from is contrary to to`); such attacks succeed whatever the preferences.
    Contrary,
}

/// A conflict between literals, beyond the built-in `X` / `not X`.
#[derive(Clone, Debug, Serialize)]
pub struct Conflict {
    pub kind: ConflictKind,
    pub from: Literal,
    pub to: Literal,
    pub cite: Vec<Citation>,
    #[serde(skip)]
    pub span: Span,
}

/// One side of a preference: a defeasible rule or an ordinary premise.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Preferable {
    Rule(RuleId),
    Premise(Literal),
}

/// `prefer better over worse`: a strict preference.
#[derive(Clone, Debug, Serialize)]
pub struct Preference {
    pub better: Preferable,
    pub worse: Preferable,
    pub cite: Vec<Citation>,
    #[serde(skip)]
    pub span: Span,
}

/// How rule and premise preferences lift to arguments (Modgil & Prakken 2013, Def. 3.21-3.23).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Link {
    #[default]
    LastLink,
    WeakestLink,
}

/// How sets of rules or premises are compared (Modgil & Prakken 2013, Def. 3.19).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Comparison {
    #[default]
    Elitist,
    Democratic,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Ordering {
    pub link: Link,
    pub comparison: Comparison,
}

/// Index of a school in [`Theory::schools`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct SchoolId(pub u32);

/// A school of thought, flattened: what it inherits through `extends` is copied in, and
/// the top-level conflicts are included, so the reasoner needs nothing else.
#[derive(Clone, Debug, Serialize)]
pub struct School {
    pub name: String,
    pub title: String,
    pub doc: Option<String>,
    /// The parents, in the order `extends` names them.
    pub extends: Vec<SchoolId>,
    pub premises: Vec<Premise>,
    pub rules: Vec<Rule>,
    pub exceptions: Vec<Exception>,
    /// Inferences the school denies (its own and its parents'); the rules above never
    /// include one it denies.
    pub denials: Vec<Denial>,
    pub preferences: Vec<Preference>,
    pub conflicts: Vec<Conflict>,
    pub ordering: Ordering,
    #[serde(skip)]
    pub span: Span,
}

impl School {
    /// A school with nothing in it yet.
    pub fn new(name: String, title: String, span: Span) -> Self {
        School {
            name,
            title,
            doc: None,
            extends: Vec::new(),
            premises: Vec::new(),
            rules: Vec::new(),
            exceptions: Vec::new(),
            denials: Vec::new(),
            preferences: Vec::new(),
            conflicts: Vec::new(),
            ordering: Ordering::default(),
            span,
        }
    }

    pub fn rule(&self, id: RuleId) -> &Rule {
        &self.rules[id.0 as usize]
    }

    pub fn rule_ids(&self) -> impl Iterator<Item = RuleId> {
        (0..self.rules.len() as u32).map(RuleId)
    }

    /// Keeps the rules `keep` accepts, renumbering the exceptions and preferences that refer to
    /// rules and dropping those that referred to a dropped one.
    pub fn drop_rules(&mut self, keep: impl Fn(RuleId) -> bool) {
        let mut remap: Vec<Option<RuleId>> = Vec::with_capacity(self.rules.len());
        let mut next = 0u32;
        for i in 0..self.rules.len() as u32 {
            if keep(RuleId(i)) {
                remap.push(Some(RuleId(next)));
                next += 1;
            } else {
                remap.push(None);
            }
        }
        let mut i = 0;
        self.rules.retain(|_| {
            i += 1;
            remap[i - 1].is_some()
        });
        self.exceptions
            .retain_mut(|e| match remap[e.rule.0 as usize] {
                Some(r) => {
                    e.rule = r;
                    true
                }
                None => false,
            });
        let map = |x: Preferable| match x {
            Preferable::Rule(r) => remap[r.0 as usize].map(Preferable::Rule),
            other => Some(other),
        };
        self.preferences
            .retain_mut(|p| match (map(p.better), map(p.worse)) {
                (Some(b), Some(w)) => {
                    p.better = b;
                    p.worse = w;
                    true
                }
                _ => false,
            });
    }
}

/// What an expectation says about a school's verdict on a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Accepts,
    CredulouslyAccepts,
    Undecided,
    Rejects,
    /// The school neither asserts, concludes nor rejects the claim.
    Silent,
}

/// What CI checks (`expect ...`).
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Expectation {
    Status {
        school: SchoolId,
        verdict: Verdict,
        literal: Literal,
    },
    Consistent {
        school: SchoolId,
    },
    Diverge {
        schools: (SchoolId, SchoolId),
        literal: Literal,
    },
    Agree {
        schools: (SchoolId, SchoolId),
        literal: Literal,
    },
    /// `expect a and b diverge on QUESTION` (index into [`Theory::questions`]).
    DivergeOnQuestion {
        schools: (SchoolId, SchoolId),
        question: usize,
    },
    AgreeOnQuestion {
        schools: (SchoolId, SchoolId),
        question: usize,
    },
}

/// An expectation with the semantics it is judged under and where it was written.
#[derive(Clone, Debug, Serialize)]
pub struct Expect {
    pub what: Expectation,
    pub semantics: Option<String>,
    #[serde(skip)]
    pub span: Span,
}

/// Everything read in one run, resolved.
#[derive(Debug, Default, Serialize)]
pub struct Theory {
    pub claims: Vec<Claim>,
    pub sources: Vec<Source>,
    pub schools: Vec<School>,
    pub expectations: Vec<Expect>,
    pub questions: Vec<Question>,
}

/// `question id "text" { answer, ... }`: a question the papers ask, with its rival answers.
/// A question adds no attacks: answers conflict only where the theory declares it. A school's
/// answer is the set of answers it accepts.
#[derive(Clone, Debug, Serialize)]
pub struct Question {
    pub id: String,
    pub text: String,
    pub doc: Option<String>,
    pub cite: Vec<Citation>,
    pub answers: Vec<Literal>,
    #[serde(skip)]
    pub span: Span,
}

impl Theory {
    pub fn claim(&self, id: ClaimId) -> &Claim {
        &self.claims[id.0 as usize]
    }

    pub fn school(&self, id: SchoolId) -> &School {
        &self.schools[id.0 as usize]
    }

    pub fn school_named(&self, name: &str) -> Option<SchoolId> {
        self.schools
            .iter()
            .position(|s| s.name == name)
            .map(|i| SchoolId(i as u32))
    }

    pub fn claim_named(&self, id: &str) -> Option<ClaimId> {
        self.claims
            .iter()
            .position(|c| c.id == id)
            .map(|i| ClaimId(i as u32))
    }

    /// `claim` or `not claim`, as written in theory files.
    pub fn show(&self, lit: Literal) -> String {
        let id = &self.claim(lit.claim).id;
        if lit.negated {
            format!("not {id}")
        } else {
            id.clone()
        }
    }

    /// The claim's sentence, negated in words when needed.
    pub fn sentence(&self, lit: Literal) -> String {
        let text = &self.claim(lit.claim).text;
        if lit.negated {
            format!("It is not the case that: {text}")
        } else {
            text.clone()
        }
    }
}
