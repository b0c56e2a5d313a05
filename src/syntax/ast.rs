//! The concrete syntax tree: what a theory file says, with a span on every part and a hole
//! ([`ItemKind::Error`]) where a statement failed to parse. No names are resolved here.

use crate::source::Span;

/// A name as written (claim, rule, school or source id).
#[derive(Clone, Debug)]
pub struct Name {
    pub text: String,
    pub span: Span,
}

/// `X` or `not X`.
#[derive(Clone, Debug)]
pub struct Lit {
    pub negated: bool,
    pub name: Name,
    pub span: Span,
}

/// A quoted string, unescaped.
#[derive(Clone, Debug)]
pub struct Text {
    pub value: String,
    pub span: Span,
}

/// A bracketed citation as written, e.g. `[@ardam2021, p. 495]`; its inside is read when
/// names are resolved.
#[derive(Clone, Debug)]
pub struct CiteText {
    pub raw: String,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PremiseKw {
    Axiom,
    Premise,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConflictKw {
    Contradicts,
    ContraryTo,
}

#[derive(Clone, Debug)]
pub enum ExpectKw {
    Accepts(Lit),
    CredulouslyAccepts(Lit),
    Rejects(Lit),
    Undecided(Lit),
    Silent(Lit),
    Consistent,
    Diverge(Name, Lit),
    Agree(Name, Lit),
}

#[derive(Clone, Debug)]
pub enum ItemKind {
    Use {
        path: Text,
    },
    Source {
        key: Name,
        reference: Text,
    },
    Bibliography {
        path: Text,
    },
    Claim {
        id: Name,
        text: Text,
    },
    Conflict {
        kind: ConflictKw,
        from: Lit,
        to: Lit,
    },
    School {
        name: Name,
        title: Text,
        /// The parents named after `extends`, in order (empty: none).
        extends: Vec<Name>,
        body: Vec<Item>,
        close: Span,
    },
    Premise {
        kind: PremiseKw,
        lit: Lit,
    },
    Rule {
        name: Option<Name>,
        defeasible: bool,
        consequent: Lit,
        antecedents: Vec<Lit>,
    },
    Exception {
        rule: Name,
        lit: Lit,
    },
    /// `x does not follow from y, z`: the school denies that inference.
    Denial {
        consequent: Lit,
        antecedents: Vec<Lit>,
    },
    Prefer {
        better: Lit,
        worse: Vec<Lit>,
    },
    Ordering {
        words: Vec<Name>,
    },
    Expect {
        school: Name,
        what: ExpectKw,
        under: Option<Name>,
    },
    /// `question name "text" { answer, ... }`: a question the schools answer, with its rival
    /// answers (claims).
    Question {
        name: Name,
        title: Text,
        answers: Vec<Lit>,
        close: Span,
    },
    /// A statement that did not parse; its error was recorded.
    Error,
}

/// One statement, with its citations and the doc comment written just above it.
#[derive(Clone, Debug)]
pub struct Item {
    pub kind: ItemKind,
    pub cites: Vec<CiteText>,
    pub doc: Option<String>,
    pub span: Span,
}

/// A parsed file.
#[derive(Clone, Debug, Default)]
pub struct File {
    pub items: Vec<Item>,
}
