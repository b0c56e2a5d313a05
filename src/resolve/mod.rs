//! Lowering syntax trees to the [`Theory`] model: every name is looked up (with "did you
//! mean" when it is unknown), duplicates point at both places, statements out of place are
//! reported, schools are flattened along `extends`, and a theory's structural warnings (cycles
//! of strict inferences, claims a school uses but can never establish) are found.
//! All problems are collected; resolution never stops at the first.

use crate::diagnostic::Diagnostic;
use crate::load::Loaded;
use crate::model::*;
use crate::source::{FileId, Span};
use crate::syntax::ast::{self, ExpectKw, Item, ItemKind};
use std::collections::{HashMap, HashSet};

mod citations;
mod clashes;
mod denials;
mod expectations;
mod inherit;
mod names;
mod questions;
mod schools;
mod warnings;

pub use names::{bibtex_entries, did_you_mean};
use warnings::{never_established, strict_cycles};

/// The semantics names an expectation may choose with `under`.
pub const SEMANTICS: [&str; 6] = [
    "grounded",
    "complete",
    "preferred",
    "stable",
    "semi-stable",
    "ideal",
];

/// Resolves everything that was loaded. The theory holds every part that resolved; the
/// diagnostics say what did not.
pub fn resolve(loaded: &Loaded) -> (Theory, Vec<Diagnostic>) {
    let mut r = Resolver {
        bibliographies: &loaded.bibliographies,
        theory: Theory::default(),
        diagnostics: Vec::new(),
        claim_index: HashMap::new(),
        source_index: HashMap::new(),
        global_conflicts: Vec::new(),
        scope: Scope::default(),
        broken_of: HashMap::new(),
        reported_denials: HashSet::new(),
        suggestions_left: MAX_SUGGESTIONS,
        claim_names: None,
    };
    let top: Vec<(FileId, &Item)> = loaded
        .files
        .iter()
        .flat_map(|(f, file)| file.items.iter().map(move |i| (*f, i)))
        .collect();
    r.declare_sources(&top);
    r.declare_claims(&top);
    r.declare_conflicts(&top);
    r.declare_questions(&top);
    let schools = r.declare_schools(&top);
    r.build_schools(&schools);
    r.check_denials_match();
    r.resolve_expectations(&top, &schools);
    r.check_placement(&top);
    if !loaded.diagnostics.iter().any(Diagnostic::is_error) {
        r.structural_warnings();
    }
    (r.theory, r.diagnostics)
}

struct Resolver<'a> {
    bibliographies: &'a HashMap<Span, String>,
    theory: Theory,
    diagnostics: Vec<Diagnostic>,
    claim_index: HashMap<String, ClaimId>,
    source_index: HashMap<String, usize>,
    global_conflicts: Vec<Conflict>,
    scope: Scope,
    /// Per school (by name): what its statements with errors would have declared, inherited
    /// by the schools that extend it.
    broken_of: HashMap<String, Broken>,
    /// Denials already reported with an error (`agon::denied-and-drawn`): not reported again
    /// as matching nothing.
    reported_denials: HashSet<Span>,
    /// How many more unknown claim names get a "did you mean".
    suggestions_left: usize,
    /// The declared claim names, laid out for suggestions (built at the first unknown name,
    /// when every claim is declared).
    claim_names: Option<names::Names>,
}

/// Unknown claim names that get a "did you mean" (each costs a pass over the claims).
const MAX_SUGGESTIONS: usize = 256;

/// Lookups for the school being built, kept in step with its rules and premises so that
/// resolving a school is linear in its size.
#[derive(Default)]
struct Scope {
    rules: HashMap<String, RuleId>,
    premises: HashMap<Literal, PremiseKind>,
    broken: Broken,
    /// Where the school's own denials start in its `denials` (those before are inherited).
    own_denials: usize,
}

/// What a school's inferences with an error (say, a misspelt antecedent) would have declared:
/// the one error is reported where it is, and statements that depend on it (an exception to or
/// a preference for that inference, an inference from its conclusion) are not reported again.
#[derive(Clone, Default)]
struct Broken {
    rules: HashSet<String>,
    concludes: HashSet<Literal>,
}

impl Scope {
    fn of(school: &School) -> Self {
        Scope {
            rules: school
                .rules
                .iter()
                .enumerate()
                .filter_map(|(i, r)| Some((r.name.clone()?, RuleId(i as u32))))
                .collect(),
            premises: school
                .premises
                .iter()
                .map(|p| (p.literal, p.kind))
                .collect(),
            broken: Broken::default(),
            own_denials: school.denials.len(),
        }
    }
}

/// A school block as declared, before flattening.
struct Declared<'a> {
    name: &'a ast::Name,
    title: &'a ast::Text,
    extends: &'a [ast::Name],
    body: &'a [Item],
    item: &'a Item,
}

impl<'a> Resolver<'a> {
    fn error(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    // ---- sources and citations ----

    fn declare_sources(&mut self, top: &[(FileId, &Item)]) {
        for (_, item) in top {
            match &item.kind {
                ItemKind::Source { key, reference } => {
                    self.add_source(&key.text, reference.value.clone(), key.span);
                }
                ItemKind::Bibliography { path } => {
                    // Read by the loader; an unreadable one was reported there.
                    if let Some(text) = self.bibliographies.get(&path.span) {
                        for (key, reference) in bibtex_entries(text) {
                            self.add_source(&key, reference, path.span);
                        }
                    }
                }
                _ => {}
            }
        }
    }

    fn add_source(&mut self, key: &str, reference: String, span: Span) {
        if let Some(&i) = self.source_index.get(key) {
            let first = self.theory.sources[i].span;
            self.error(duplicate("source", key, span, first));
            return;
        }
        self.source_index
            .insert(key.to_string(), self.theory.sources.len());
        self.theory.sources.push(Source {
            key: key.to_string(),
            reference,
            span,
        });
    }

    /// Reads `[see @key, p. 4; @other]` into citations (pandoc's syntax, see
    /// [`citations`]), checking each key.
    fn citations(&mut self, cites: &[ast::CiteText]) -> Vec<Citation> {
        let mut out = Vec::new();
        for cite in cites {
            let inner_start = cite.span.start as usize + 1;
            // An unclosed citation (already reported) has no closing bracket to strip.
            let inner = cite.raw.strip_prefix('[').unwrap_or(&cite.raw);
            let inner = inner.strip_suffix(']').unwrap_or(inner);
            for piece in citations::pieces(inner) {
                let at = |offset: usize| inner_start + offset;
                let span = Span::new(cite.span.file, at(piece.start), at(piece.end));
                let Some((key, key_at)) = piece.key.filter(|(k, _)| !k.is_empty()) else {
                    self.error(
                        Diagnostic::error(
                            "agon::bad-citation",
                            "a citation names its source with `@key`",
                        )
                        .with_label(span, "no `@key` here")
                        .with_help("write citations as [@key, p. 12] or [see @key, p. 12]; separate several with `;`"),
                    );
                    continue;
                };
                let key_span = Span::new(cite.span.file, at(key_at), at(key_at) + key.len());
                if !self.source_index.contains_key(key) {
                    let names: Vec<&str> = self.source_index.keys().map(String::as_str).collect();
                    self.error(
                        Diagnostic::error(
                            "agon::unknown-source",
                            format!("no source is declared as `{key}`"),
                        )
                        .with_label(key_span, "unknown source")
                        .with_help(
                            did_you_mean(key, &names).unwrap_or_else(|| {
                                format!("declare it: source {key} \"Author (year), Title.\".")
                            }),
                        ),
                    );
                }
                let locator = piece.locator.map(str::to_string);
                match &locator {
                    Some(l) if piece.missing_comma => self.diagnostics.push(
                        Diagnostic::warning(
                            "agon::citation-missing-comma",
                            "missing comma? a locator follows its key after a comma",
                        )
                        .with_label(span, "no comma after the key")
                        .with_help(format!("write [@{key}, {l}]")),
                    ),
                    Some(_) => {}
                    None => self.diagnostics.push(
                        Diagnostic::warning(
                            "agon::citation-without-page",
                            "this citation gives no page",
                        )
                        .with_label(span, "no page")
                        .with_help(format!("add the page, e.g. [@{key}, p. 12]")),
                    ),
                }
                out.push(Citation {
                    source: key.to_string(),
                    prefix: piece.prefix.map(str::to_string),
                    locator,
                    stance: piece.stance,
                    span,
                });
            }
        }
        out
    }

    // ---- claims ----

    fn declare_claims(&mut self, top: &[(FileId, &Item)]) {
        let mut stack: Vec<&Item> = top.iter().map(|(_, i)| *i).collect();
        stack.reverse();
        while let Some(item) = stack.pop() {
            match &item.kind {
                ItemKind::Claim { id, text } => {
                    let cite = self.citations(&item.cites);
                    if let Some(&existing) = self.claim_index.get(&id.text) {
                        let first = self.theory.claim(existing).span;
                        self.error(duplicate("claim", &id.text, id.span, first));
                        continue;
                    }
                    self.claim_index
                        .insert(id.text.clone(), ClaimId(self.theory.claims.len() as u32));
                    self.theory.claims.push(Claim {
                        id: id.text.clone(),
                        text: text.value.clone(),
                        doc: item.doc.clone(),
                        cite,
                        span: id.span,
                    });
                }
                ItemKind::School { body, .. } => stack.extend(body.iter().rev()),
                _ => {}
            }
        }
    }

    /// Resolves every literal of a list (each unknown name is reported), or `None` when any
    /// is unknown.
    fn literals(&mut self, lits: &[ast::Lit]) -> Option<Vec<Literal>> {
        let all: Vec<Option<Literal>> = lits.iter().map(|l| self.literal(l)).collect();
        all.into_iter().collect()
    }

    fn literal(&mut self, lit: &ast::Lit) -> Option<Literal> {
        match self.claim_index.get(&lit.name.text) {
            Some(&claim) => Some(Literal {
                claim,
                negated: lit.negated,
            }),
            None => {
                // Suggestions for the first unknown names only: past that many, the findings
                // are not shown anyway (see MAX_PER_FILE) and each would cost a pass over all
                // claims.
                let suggestion = (self.suggestions_left > 0).then(|| {
                    self.suggestions_left -= 1;
                    let index = &self.claim_index;
                    self.claim_names
                        .get_or_insert_with(|| names::Names::new(index.keys().map(String::as_str)))
                        .suggest(&lit.name.text)
                });
                let help = suggestion.flatten().unwrap_or_else(|| {
                    format!(
                        "declare it in the shared vocabulary: claim {} \"...\".",
                        lit.name.text
                    )
                });
                self.error(
                    Diagnostic::error(
                        "agon::unknown-claim",
                        format!("no claim is declared as `{}`", lit.name.text),
                    )
                    .with_label(lit.name.span, "unknown claim")
                    .with_help(help),
                );
                None
            }
        }
    }

    // ---- conflicts ----

    fn conflict(&mut self, item: &Item) -> Option<Conflict> {
        let ItemKind::Conflict { kind, from, to } = &item.kind else {
            return None;
        };
        let (f, t) = (self.literal(from), self.literal(to));
        let cite = self.citations(&item.cites);
        let (from_lit, to_lit) = (f?, t?);
        // `X is contrary to X` is legal: a self-attacking assumption (ABA allows it), so
        // every argument for X attacks X. A claim contradicting itself says nothing more and
        // reads as a slip.
        if from_lit == to_lit && *kind == ast::ConflictKw::Contradicts {
            self.error(
                Diagnostic::error("agon::self-conflict", "a claim cannot contradict itself")
                    .with_label(item.span, "both sides are the same claim")
                    .with_help(
                        "name two different claims, or write `X is contrary to X` for a claim \
                         that attacks itself",
                    ),
            );
            return None;
        }
        Some(Conflict {
            kind: match kind {
                ast::ConflictKw::Contradicts => ConflictKind::Contradictory,
                ast::ConflictKw::ContraryTo => ConflictKind::Contrary,
            },
            from: from_lit,
            to: to_lit,
            cite,
            span: item.span,
        })
    }

    fn declare_conflicts(&mut self, top: &[(FileId, &Item)]) {
        for (_, item) in top {
            if let Some(c) = self.conflict(item) {
                self.global_conflicts.push(c);
            }
        }
    }

    // ---- placement ----

    /// Statements that make sense only at the top level, or only inside a school.
    fn check_placement(&mut self, top: &[(FileId, &Item)]) {
        for (_, item) in top {
            match &item.kind {
                ItemKind::Premise { .. }
                | ItemKind::Rule { .. }
                | ItemKind::Exception { .. }
                | ItemKind::Denial { .. }
                | ItemKind::Prefer { .. }
                | ItemKind::Ordering { .. } => self.error(
                    Diagnostic::error("agon::outside-school", "this statement belongs inside a school")
                        .with_label(item.span, "at the top level of the file")
                        .with_help(
                            "premises, inferences, exceptions, denials, preferences and orderings say what a school holds: \
                             put them inside `school name \"Title\" { ... }`",
                        ),
                ),
                ItemKind::School { body, .. } => {
                    for inner in body {
                        let what = match inner.kind {
                            ItemKind::School { .. } => "a school",
                            ItemKind::Use { .. } => "`use`",
                            ItemKind::Source { .. } => "a source",
                            ItemKind::Bibliography { .. } => "a bibliography",
                            ItemKind::Question { .. } => "a question",
                            _ => continue,
                        };
                        self.error(
                            Diagnostic::error("agon::inside-school", format!("{what} cannot be declared inside a school"))
                                .with_label(inner.span, "inside a school block")
                                .with_help(
                                    "move it to the top level of the file (schools build on each other with `extends`)",
                                ),
                        );
                    }
                }
                _ => {}
            }
        }
    }

    // ---- structural warnings ----

    fn structural_warnings(&mut self) {
        let mut reported: HashSet<Vec<Span>> = HashSet::new();
        let mut found = Vec::new();
        let none = HashSet::new();
        for school in &self.theory.schools {
            found.extend(strict_cycles(&self.theory, school));
            let broken = self
                .broken_of
                .get(&school.name)
                .map_or(&none, |b| &b.concludes);
            found.extend(never_established(&self.theory, school, broken));
        }
        for d in found {
            let key: Vec<Span> = d.labels.iter().map(|l| l.span).collect();
            if reported.insert(key) {
                self.diagnostics.push(d);
            }
        }
    }
}

fn empty_school(d: &Declared<'_>) -> School {
    let mut school = School::new(d.name.text.clone(), d.title.value.clone(), d.name.span);
    school.doc = d.item.doc.clone();
    school
}

fn duplicate(what: &str, name: &str, again: Span, first: Span) -> Diagnostic {
    Diagnostic::error(
        match what {
            "claim" => "agon::duplicate-claim",
            "school" => "agon::duplicate-school",
            "source" => "agon::duplicate-source",
            "question" => "agon::duplicate-question",
            _ => "agon::duplicate-rule",
        },
        format!("{what} `{name}` is declared twice"),
    )
    .with_label(again, "declared again here")
    .with_label(first, "first declared here")
    .with_help(format!(
        "keep one declaration of `{name}`, or rename one of them"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_pick_the_closest_name_only_when_close() {
        assert_eq!(
            did_you_mean("self-hepl", &["self-help", "anarchy"]).as_deref(),
            Some("did you mean `self-help`?")
        );
        assert_eq!(did_you_mean("zzz", &["self-help"]), None);
    }

    #[test]
    fn preferences_may_name_premises_and_rules_stated_later() {
        let ws = crate::workspace::Workspace::from_text(
            "t.agon",
            "claim a \"A.\". claim b \"B.\". claim c \"C.\".
             school s \"S\" { prefer a over b. prefer r1 over r2.
               premise a. premise b. r1: c usually follows from a. r2: not c usually follows from b. }",
        );
        assert!(ws.diagnostics.is_empty(), "{:?}", ws.diagnostics);
        assert_eq!(ws.theory.schools[0].preferences.len(), 2);
    }

    #[test]
    fn bibtex_keys_and_references() {
        let bib = "@article{waltz1979,\n author = {Waltz, Kenneth},\n title = {Theory of International Politics},\n year = 1979 }";
        let entries = bibtex_entries(bib);
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].0, "waltz1979");
        assert!(entries[0].1.contains("Waltz, Kenneth"));
    }
}
