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
    };
    let top: Vec<(FileId, &Item)> = loaded
        .files
        .iter()
        .flat_map(|(f, file)| file.items.iter().map(move |i| (*f, i)))
        .collect();
    r.declare_sources(&top);
    r.declare_claims(&top);
    r.declare_conflicts(&top);
    let schools = r.declare_schools(&top);
    r.build_schools(&schools);
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
}

/// Lookups for the school being built, kept in step with its rules and premises so that
/// resolving a school is linear in its size.
#[derive(Default)]
struct Scope {
    rules: HashMap<String, RuleId>,
    premises: HashMap<Literal, PremiseKind>,
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
        }
    }
}

/// A school block as declared, before flattening.
struct Declared<'a> {
    name: &'a ast::Name,
    title: &'a ast::Text,
    extends: Option<&'a ast::Name>,
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

    /// Reads `[@key, p. 4; @other]` into citations, checking each key.
    fn citations(&mut self, cites: &[ast::CiteText]) -> Vec<Citation> {
        let mut out = Vec::new();
        for cite in cites {
            let inner_start = cite.span.start as usize + 1;
            // An unclosed citation (already reported) has no closing bracket to strip.
            let inner = cite.raw.strip_prefix('[').unwrap_or(&cite.raw);
            let inner = inner.strip_suffix(']').unwrap_or(inner);
            let mut offset = 0;
            for part in inner.split(';') {
                let lead = part.len() - part.trim_start().len();
                let piece = part.trim();
                let at = inner_start + offset + lead;
                offset += part.len() + 1;
                let span = Span::new(cite.span.file, at, at + piece.len());
                let Some(body) = piece.strip_prefix('@') else {
                    self.error(
                        Diagnostic::error(
                            "agon::bad-citation",
                            "a citation names its source with `@`",
                        )
                        .with_label(span, "no `@key` here")
                        .with_help("write citations as [@key, p. 12]; separate several with `;`"),
                    );
                    continue;
                };
                let (key, locator) = match body.split_once(',') {
                    Some((k, l)) => (
                        k.trim(),
                        Some(l.trim().to_string()).filter(|l| !l.is_empty()),
                    ),
                    None => (body.trim(), None),
                };
                let key_span = Span::new(cite.span.file, at + 1, at + 1 + key.len());
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
                if locator.is_none() {
                    self.diagnostics.push(
                        Diagnostic::warning(
                            "agon::citation-without-page",
                            "this citation gives no page",
                        )
                        .with_label(span, "no page")
                        .with_help(format!("add the page, e.g. [@{key}, p. 12]")),
                    );
                }
                out.push(Citation {
                    source: key.to_string(),
                    locator,
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

    fn literal(&mut self, lit: &ast::Lit) -> Option<Literal> {
        match self.claim_index.get(&lit.name.text) {
            Some(&claim) => Some(Literal {
                claim,
                negated: lit.negated,
            }),
            None => {
                let names: Vec<&str> = self.claim_index.keys().map(String::as_str).collect();
                let help = did_you_mean(&lit.name.text, &names).unwrap_or_else(|| {
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

    // ---- schools ----

    fn declare_schools(&mut self, top: &'a [(FileId, &'a Item)]) -> Vec<Declared<'a>> {
        let mut declared: Vec<Declared<'a>> = Vec::new();
        for (_, item) in top {
            if let ItemKind::School {
                name,
                title,
                extends,
                body,
                ..
            } = &item.kind
            {
                if let Some(first) = declared.iter().find(|d| d.name.text == name.text) {
                    let first = first.name.span;
                    self.error(duplicate("school", &name.text, name.span, first));
                    continue;
                }
                declared.push(Declared {
                    name,
                    title,
                    extends: extends.as_ref(),
                    body,
                    item,
                });
            }
        }
        declared
    }

    /// Builds schools parents first, so each child copies its parent's flattened content.
    fn build_schools(&mut self, declared: &[Declared<'_>]) {
        let names: Vec<&str> = declared.iter().map(|d| d.name.text.as_str()).collect();
        let parent: Vec<Option<usize>> = declared
            .iter()
            .map(|d| {
                let ext = d.extends?;
                let found = names.iter().position(|n| *n == ext.text);
                if found.is_none() {
                    self.error(
                        Diagnostic::error(
                            "agon::unknown-school",
                            format!("no school is named `{}`", ext.text),
                        )
                        .with_label(ext.span, "unknown school")
                        .with_help(
                            did_you_mean(&ext.text, &names).unwrap_or_else(|| {
                                "name a school declared in the files read".into()
                            }),
                        ),
                    );
                }
                found
            })
            .collect();
        // Order: parents before children; a cycle leaves its members unbuilt and is reported.
        let mut order = Vec::new();
        let mut state = vec![0u8; declared.len()]; // 0 new, 1 visiting, 2 done
        for start in 0..declared.len() {
            let mut chain = Vec::new();
            let mut at = Some(start);
            while let Some(i) = at {
                match state[i] {
                    2 => break,
                    1 => {
                        let d = &declared[i];
                        self.error(
                            Diagnostic::error(
                                "agon::extends-cycle",
                                format!(
                                    "school `{}` extends itself through a chain of `extends`",
                                    d.name.text
                                ),
                            )
                            .with_label(
                                d.extends.map_or(d.name.span, |e| e.span),
                                "the chain closes here",
                            )
                            .with_help("a school may build on another, but not on itself"),
                        );
                        for &c in &chain {
                            state[c] = 2;
                        }
                        chain.clear();
                        break;
                    }
                    _ => {
                        state[i] = 1;
                        chain.push(i);
                        at = parent[i];
                    }
                }
            }
            for &c in chain.iter().rev() {
                state[c] = 2;
                order.push(c);
            }
        }
        let mut built: HashMap<usize, SchoolId> = HashMap::new();
        for i in order {
            let parent_school = parent[i].and_then(|p| built.get(&p).copied());
            let school = self.build_school(&declared[i], parent_school);
            built.insert(i, SchoolId(self.theory.schools.len() as u32));
            self.theory.schools.push(school);
        }
        // Keep the declaration order for output, remapping `extends`.
        let mut by_decl: Vec<(usize, SchoolId)> = built.into_iter().collect();
        by_decl.sort();
        let remap: HashMap<SchoolId, SchoolId> = by_decl
            .iter()
            .enumerate()
            .map(|(new, (_, old))| (*old, SchoolId(new as u32)))
            .collect();
        let mut schools: Vec<Option<School>> = std::mem::take(&mut self.theory.schools)
            .into_iter()
            .map(Some)
            .collect();
        self.theory.schools = by_decl
            .iter()
            .map(|(_, old)| {
                let mut s = schools[old.0 as usize]
                    .take()
                    .expect("each school is placed once");
                s.extends = s.extends.map(|p| remap[&p]);
                s
            })
            .collect();
    }

    fn build_school(&mut self, d: &Declared<'_>, parent: Option<SchoolId>) -> School {
        let mut school = match parent {
            Some(p) => {
                let base = self.theory.school(p);
                School {
                    premises: base.premises.clone(),
                    rules: base.rules.clone(),
                    exceptions: base.exceptions.clone(),
                    preferences: base.preferences.clone(),
                    // The parent's own conflicts; the top-level ones are added once, below.
                    conflicts: base.conflicts[..base.conflicts.len() - self.global_conflicts.len()]
                        .to_vec(),
                    ordering: base.ordering,
                    ..empty_school(d)
                }
            }
            None => empty_school(d),
        };
        school.extends = parent;
        self.scope = Scope::of(&school);
        // Rules and premises first, so exceptions and preferences may refer to ones stated
        // later in the block.
        for item in d.body {
            match &item.kind {
                ItemKind::Rule { .. } => self.rule(&mut school, item),
                ItemKind::Premise { kind, lit } => {
                    let cite = self.citations(&item.cites);
                    if let Some(literal) = self.literal(lit) {
                        let kind = match kind {
                            ast::PremiseKw::Axiom => PremiseKind::Axiom,
                            ast::PremiseKw::Premise => PremiseKind::Ordinary,
                        };
                        // An axiom outranks an ordinary premise of the same literal.
                        let known = self.scope.premises.entry(literal).or_insert(kind);
                        if kind == PremiseKind::Axiom {
                            *known = kind;
                        }
                        school.premises.push(Premise {
                            literal,
                            kind,
                            doc: item.doc.clone(),
                            cite,
                            span: item.span,
                        });
                    }
                }
                _ => {}
            }
        }
        let mut ordering_seen = false;
        for item in d.body {
            match &item.kind {
                ItemKind::Conflict { .. } => {
                    if let Some(c) = self.conflict(item) {
                        school.conflicts.push(c);
                    }
                }
                ItemKind::Exception { rule, lit } => self.exception(&mut school, item, rule, lit),
                ItemKind::Prefer { better, worse } => {
                    self.preference(&mut school, item, better, worse)
                }
                ItemKind::Ordering { words } => {
                    if ordering_seen {
                        self.error(
                            Diagnostic::error(
                                "agon::duplicate-ordering",
                                "this school chooses its ordering twice",
                            )
                            .with_label(item.span, "second `ordering`")
                            .with_help("keep one `ordering` statement per school"),
                        );
                    }
                    ordering_seen = true;
                    school.ordering = self.ordering(words, school.ordering);
                }
                _ => {}
            }
        }
        self.check_duplicate_premises(&school);
        self.check_preference_cycles(&school);
        school
            .conflicts
            .extend(self.global_conflicts.iter().cloned());
        school
    }

    fn rule(&mut self, school: &mut School, item: &Item) {
        let ItemKind::Rule {
            name,
            defeasible,
            consequent,
            antecedents,
        } = &item.kind
        else {
            return;
        };
        let cite = self.citations(&item.cites);
        let consequent = self.literal(consequent);
        let antecedents: Vec<Option<Literal>> =
            antecedents.iter().map(|a| self.literal(a)).collect();
        if let Some(name) = name {
            if let Some(&claim) = self.claim_index.get(&name.text) {
                let first = self.theory.claim(claim).span;
                self.error(
                    Diagnostic::error(
                        "agon::name-taken",
                        format!(
                            "`{}` is already a claim; an inference cannot have the same name",
                            name.text
                        ),
                    )
                    .with_label(name.span, "inference named here")
                    .with_label(first, "claim declared here")
                    .with_help(
                        "rule names and claim ids share one namespace: rename the inference",
                    ),
                );
                return;
            }
            if let Some(&prev) = self.scope.rules.get(&name.text) {
                let first = school.rule(prev).span;
                self.error(duplicate("inference", &name.text, name.span, first));
                return;
            }
        }
        let (Some(consequent), Some(antecedents)) = (
            consequent,
            antecedents.into_iter().collect::<Option<Vec<_>>>(),
        ) else {
            return;
        };
        if let Some(name) = name {
            self.scope
                .rules
                .insert(name.text.clone(), RuleId(school.rules.len() as u32));
        }
        school.rules.push(Rule {
            name: name.as_ref().map(|n| n.text.clone()),
            kind: if *defeasible {
                RuleKind::Defeasible
            } else {
                RuleKind::Strict
            },
            antecedents,
            consequent,
            doc: item.doc.clone(),
            cite,
            span: item.span,
        });
    }

    fn rule_named(&mut self, school: &School, name: &ast::Name) -> Option<RuleId> {
        if let Some(&id) = self.scope.rules.get(&name.text) {
            return Some(id);
        }
        let names: Vec<&str> = school
            .rules
            .iter()
            .filter_map(|r| r.name.as_deref())
            .collect();
        self.error(
            Diagnostic::error(
                "agon::unknown-rule",
                format!(
                    "school `{}` has no inference named `{}`",
                    school.name, name.text
                ),
            )
            .with_label(name.span, "unknown inference")
            .with_help(did_you_mean(&name.text, &names).unwrap_or_else(|| {
                "name the inference where it is stated: `name: x usually follows from y.`".into()
            })),
        );
        None
    }

    fn exception(&mut self, school: &mut School, item: &Item, rule: &ast::Name, lit: &ast::Lit) {
        let cite = self.citations(&item.cites);
        let rule_id = self.rule_named(school, rule);
        let literal = self.literal(lit);
        let (Some(rule_id), Some(literal)) = (rule_id, literal) else {
            return;
        };
        if school.rule(rule_id).kind == RuleKind::Strict {
            let stated = school.rule(rule_id).span;
            self.error(
                Diagnostic::error(
                    "agon::exception-to-strict",
                    format!(
                        "`{}` is a strict inference, so it has no exceptions",
                        rule.text
                    ),
                )
                .with_label(rule.span, "exception to a strict inference")
                .with_label(stated, "stated as strict here")
                .with_help(
                    "make the inference defeasible (`usually follows from`) or drop the exception",
                ),
            );
            return;
        }
        school.exceptions.push(Exception {
            rule: rule_id,
            literal,
            cite,
            span: item.span,
        });
    }

    fn preferable(&mut self, school: &School, lit: &ast::Lit) -> Option<Preferable> {
        if !lit.negated {
            if let Some(i) = self.scope.rules.get(&lit.name.text).map(|r| r.0 as usize) {
                if school.rules[i].kind == RuleKind::Strict {
                    self.error(
                        Diagnostic::error(
                            "agon::preference-on-strict",
                            format!("`{}` is a strict inference; only defeasible ones are ranked", lit.name.text),
                        )
                        .with_label(lit.span, "strict inference")
                        .with_label(school.rules[i].span, "stated here")
                        .with_help("strict inferences cannot be defeated, so preferring them changes nothing"),
                    );
                    return None;
                }
                return Some(Preferable::Rule(RuleId(i as u32)));
            }
        }
        if !self.claim_index.contains_key(&lit.name.text) {
            let mut names: Vec<&str> = self.claim_index.keys().map(String::as_str).collect();
            names.extend(school.rules.iter().filter_map(|r| r.name.as_deref()));
            self.error(
                Diagnostic::error(
                    "agon::unknown-name",
                    format!(
                        "`{}` is neither an inference of `{}` nor a claim",
                        lit.name.text, school.name
                    ),
                )
                .with_label(lit.name.span, "unknown name")
                .with_help(did_you_mean(&lit.name.text, &names).unwrap_or_else(|| {
                    "preferences rank named defeasible inferences or ordinary premises".into()
                })),
            );
            return None;
        }
        let literal = self.literal(lit)?;
        match self.scope.premises.get(&literal) {
            Some(PremiseKind::Ordinary) => Some(Preferable::Premise(literal)),
            found => {
                self.error(
                    Diagnostic::error(
                        "agon::preference-on-non-premise",
                        format!(
                            "`{}` is not an ordinary premise of `{}`",
                            lit.name.text, school.name
                        ),
                    )
                    .with_label(lit.span, if found.is_some() { "an axiom" } else { "not a premise here" })
                    .with_help("preferences rank ordinary premises (`premise x.`) and named defeasible inferences"),
                );
                None
            }
        }
    }

    fn preference(
        &mut self,
        school: &mut School,
        item: &Item,
        better: &ast::Lit,
        worse: &[ast::Lit],
    ) {
        let cite = self.citations(&item.cites);
        let Some(b) = self.preferable(school, better) else {
            return;
        };
        for w in worse {
            let Some(w) = self.preferable(school, w) else {
                continue;
            };
            if w == b {
                self.error(
                    Diagnostic::error("agon::self-preference", "nothing is preferred over itself")
                        .with_label(item.span, "both sides name the same item")
                        .with_help("name two different inferences or premises"),
                );
                continue;
            }
            if matches!(b, Preferable::Rule(_)) != matches!(w, Preferable::Rule(_)) {
                self.error(
                    Diagnostic::error(
                        "agon::mixed-preference",
                        "an inference and a premise cannot be ranked against each other",
                    )
                    .with_label(item.span, "compares an inference with a premise")
                    .with_help("rank inferences against inferences and premises against premises"),
                );
                continue;
            }
            school.preferences.push(Preference {
                better: b,
                worse: w,
                cite: cite.clone(),
                span: item.span,
            });
        }
    }

    fn ordering(&mut self, words: &[ast::Name], mut ordering: Ordering) -> Ordering {
        const WORDS: [&str; 4] = ["last-link", "weakest-link", "elitist", "democratic"];
        for w in words {
            match w.text.as_str() {
                "last-link" => ordering.link = Link::LastLink,
                "weakest-link" => ordering.link = Link::WeakestLink,
                "elitist" => ordering.comparison = Comparison::Elitist,
                "democratic" => ordering.comparison = Comparison::Democratic,
                other => self.error(
                    Diagnostic::error(
                        "agon::unknown-ordering",
                        format!("`{other}` is not an ordering"),
                    )
                    .with_label(w.span, "unknown ordering word")
                    .with_help(did_you_mean(other, &WORDS).unwrap_or_else(|| {
                        "write `ordering last-link elitist.` (or weakest-link, democratic)".into()
                    })),
                ),
            }
        }
        ordering
    }

    fn check_duplicate_premises(&mut self, school: &School) {
        let mut seen: HashMap<Literal, Span> = HashMap::new();
        for p in &school.premises {
            if let Some(&first) = seen.get(&p.literal) {
                if first != p.span {
                    self.diagnostics.push(
                        Diagnostic::warning(
                            "agon::duplicate-premise",
                            format!("school `{}` states this premise twice", school.name),
                        )
                        .with_label(p.span, "stated again here")
                        .with_label(first, "first stated here")
                        .with_help("keep one of the two statements"),
                    );
                }
            } else {
                seen.insert(p.literal, p.span);
            }
        }
    }

    /// Preferences must form a strict partial order: no item may end up preferred over itself.
    fn check_preference_cycles(&mut self, school: &School) {
        let mut graph: petgraph::graphmap::DiGraphMap<Preferable, usize> = Default::default();
        for (i, p) in school.preferences.iter().enumerate() {
            graph.add_edge(p.better, p.worse, i);
        }
        for scc in petgraph::algo::tarjan_scc(&graph) {
            if scc.len() < 2 {
                continue;
            }
            let mut d = Diagnostic::error(
                "agon::preference-cycle",
                format!("the preferences of `{}` go round in a circle", school.name),
            )
            .with_help("a preference order must not rank anything above itself; drop one of these");
            for (_, _, &i) in graph
                .all_edges()
                .filter(|(a, b, _)| scc.contains(a) && scc.contains(b))
            {
                d = d.with_label(school.preferences[i].span, "part of the circle");
            }
            self.error(d);
        }
    }

    // ---- expectations ----

    fn resolve_expectations(&mut self, top: &[(FileId, &Item)], declared: &[Declared<'_>]) {
        let mut items: Vec<&Item> = top.iter().map(|(_, i)| *i).collect();
        for d in declared {
            items.extend(d.body.iter());
        }
        items.sort_by_key(|i| i.span);
        for item in items {
            let ItemKind::Expect {
                school,
                what,
                under,
            } = &item.kind
            else {
                continue;
            };
            let semantics = under.as_ref().and_then(|u| {
                if SEMANTICS.contains(&u.text.as_str()) {
                    Some(u.text.clone())
                } else {
                    self.error(
                        Diagnostic::error(
                            "agon::unknown-semantics",
                            format!("`{}` is not a semantics agon knows", u.text),
                        )
                        .with_label(u.span, "unknown semantics")
                        .with_help(
                            did_you_mean(&u.text, &SEMANTICS).unwrap_or_else(|| {
                                format!("choose one of: {}", SEMANTICS.join(", "))
                            }),
                        ),
                    );
                    None
                }
            });
            let first = self.school_ref(school);
            let what = match what {
                ExpectKw::Consistent => first.map(|school| Expectation::Consistent { school }),
                ExpectKw::Accepts(l)
                | ExpectKw::CredulouslyAccepts(l)
                | ExpectKw::Rejects(l)
                | ExpectKw::Undecided(l) => {
                    let verdict = match what {
                        ExpectKw::Accepts(_) => Verdict::Accepts,
                        ExpectKw::CredulouslyAccepts(_) => Verdict::CredulouslyAccepts,
                        ExpectKw::Rejects(_) => Verdict::Rejects,
                        _ => Verdict::Undecided,
                    };
                    let literal = self.literal(l);
                    first
                        .zip(literal)
                        .map(|(school, literal)| Expectation::Status {
                            school,
                            verdict,
                            literal,
                        })
                }
                ExpectKw::Diverge(other, l) | ExpectKw::Agree(other, l) => {
                    let second = self.school_ref(other);
                    let literal = self.literal(l);
                    if first.is_some() && first == second {
                        self.error(
                            Diagnostic::error(
                                "agon::same-school",
                                "an expectation compares a school with itself",
                            )
                            .with_label(other.span, "the same school again")
                            .with_help("name two different schools"),
                        );
                        continue;
                    }
                    match (first, second, literal) {
                        (Some(a), Some(b), Some(literal)) => {
                            Some(if matches!(what, ExpectKw::Diverge(..)) {
                                Expectation::Diverge {
                                    schools: (a, b),
                                    literal,
                                }
                            } else {
                                Expectation::Agree {
                                    schools: (a, b),
                                    literal,
                                }
                            })
                        }
                        _ => None,
                    }
                }
            };
            if let Some(what) = what {
                self.theory.expectations.push(Expect {
                    what,
                    semantics,
                    span: item.span,
                });
            }
        }
    }

    fn school_ref(&mut self, name: &ast::Name) -> Option<SchoolId> {
        if let Some(id) = self.theory.school_named(&name.text) {
            return Some(id);
        }
        let names: Vec<&str> = self
            .theory
            .schools
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        self.error(
            Diagnostic::error(
                "agon::unknown-school",
                format!("no school is named `{}`", name.text),
            )
            .with_label(name.span, "unknown school")
            .with_help(
                did_you_mean(&name.text, &names)
                    .unwrap_or_else(|| "name a school declared in the files read".into()),
            ),
        );
        None
    }

    // ---- placement ----

    /// Statements that make sense only at the top level, or only inside a school.
    fn check_placement(&mut self, top: &[(FileId, &Item)]) {
        for (_, item) in top {
            match &item.kind {
                ItemKind::Premise { .. }
                | ItemKind::Rule { .. }
                | ItemKind::Exception { .. }
                | ItemKind::Prefer { .. }
                | ItemKind::Ordering { .. } => self.error(
                    Diagnostic::error("agon::outside-school", "this statement belongs inside a school")
                        .with_label(item.span, "at the top level of the file")
                        .with_help(
                            "premises, inferences, exceptions, preferences and orderings say what a school holds: \
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
        for school in &self.theory.schools {
            found.extend(strict_cycles(&self.theory, school));
            found.extend(never_established(&self.theory, school));
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

/// Cycles of strict inferences: a claim that strictly follows from itself.
fn strict_cycles(theory: &Theory, school: &School) -> Vec<Diagnostic> {
    let mut graph: petgraph::graphmap::DiGraphMap<Literal, u32> = Default::default();
    for (i, r) in school.rules.iter().enumerate() {
        if r.kind == RuleKind::Strict {
            for a in &r.antecedents {
                graph.add_edge(*a, r.consequent, i as u32);
            }
        }
    }
    let mut out = Vec::new();
    for scc in petgraph::algo::tarjan_scc(&graph) {
        let looped = scc.len() > 1 || graph.contains_edge(scc[0], scc[0]);
        if !looped {
            continue;
        }
        let names: Vec<String> = scc.iter().map(|l| theory.show(*l)).collect();
        let mut rules: Vec<u32> = graph
            .all_edges()
            .filter(|(a, b, _)| scc.contains(a) && scc.contains(b))
            .map(|(_, _, &i)| i)
            .collect();
        rules.sort();
        rules.dedup();
        let mut d = Diagnostic::warning(
            "agon::strict-cycle",
            format!("strict inferences go round in a circle through {}", names.join(", ")),
        )
        .with_help("a claim that strictly follows from itself adds nothing; check whether one inference should run the other way");
        for i in rules {
            d = d.with_label(school.rules[i as usize].span, "part of the circle");
        }
        out.push(d);
    }
    out
}

/// Literals a school's inferences or exceptions rely on but that the school can never
/// establish: no premise states them and no inference concludes them.
fn never_established(theory: &Theory, school: &School) -> Vec<Diagnostic> {
    let established: HashSet<Literal> = school
        .premises
        .iter()
        .map(|p| p.literal)
        .chain(school.rules.iter().map(|r| r.consequent))
        .collect();
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for r in &school.rules {
        for a in &r.antecedents {
            if !established.contains(a) && seen.insert(*a) {
                out.push(
                    Diagnostic::warning(
                        "agon::never-established",
                        format!("school `{}` uses `{}` but never asserts or concludes it", school.name, theory.show(*a)),
                    )
                    .with_label(r.span, "this inference can never be used")
                    .with_help(format!(
                        "add `premise {}.` (or an inference concluding it) to the school, or drop the inference",
                        theory.show(*a)
                    )),
                );
            }
        }
    }
    out
}

/// Entries of a BibTeX file: `@type{key, ... title = {...} ...}` as (key, short reference).
pub fn bibtex_entries(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for chunk in text.split('@').skip(1) {
        let Some((kind, rest)) = chunk.split_once('{') else {
            continue;
        };
        if kind.trim().eq_ignore_ascii_case("comment") || kind.trim().eq_ignore_ascii_case("string")
        {
            continue;
        }
        let Some((key, body)) = rest.split_once(',') else {
            continue;
        };
        let lower = body.to_ascii_lowercase();
        // The value of `name = {...}` or `name = "..."` (the first occurrence followed by `=`).
        let field = |name: &str| {
            lower.match_indices(name).find_map(|(at, _)| {
                let value = body[at + name.len()..]
                    .trim_start()
                    .strip_prefix('=')?
                    .trim_start();
                let value = value
                    .strip_prefix('{')
                    .or_else(|| value.strip_prefix('"'))?;
                let end = value.find(['}', '"'])?;
                Some(value[..end].to_string())
            })
        };
        let reference = [field("author"), field("year"), field("title")]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
        out.push((key.trim().to_string(), reference));
    }
    out
}

/// "did you mean `x`?" for the closest name within a small edit distance.
pub fn did_you_mean(name: &str, candidates: &[&str]) -> Option<String> {
    let limit = (name.chars().count() / 3).max(1);
    candidates
        .iter()
        .map(|c| (levenshtein(name, c), *c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| format!("did you mean `{c}`?"))
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
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
