//! Schools: their own statements resolved one by one (premises, inferences, exceptions,
//! denials, preferences, orderings) on top of what it inherits (see [`super::inherit`]).

use super::*;

impl<'a> Resolver<'a> {
    pub(super) fn declare_schools(&mut self, top: &'a [(FileId, &'a Item)]) -> Vec<Declared<'a>> {
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
                    extends,
                    body,
                    item,
                });
            }
        }
        declared
    }

    /// Builds one school: what it inherits, then its own statements.
    pub(super) fn build_school(&mut self, d: &Declared<'_>, parents: &[SchoolId]) -> School {
        let (mut school, clashes) = self.inherited(d, parents);
        let mut broken = Broken::default();
        for &p in parents {
            if let Some(b) = self.broken_of.get(&self.theory.school(p).name) {
                broken.rules.extend(b.rules.iter().cloned());
                broken.concludes.extend(b.concludes.iter().copied());
            }
        }
        self.scope = Scope::of(&school);
        self.own_denials(&mut school, d.body);
        let own_denials = self.scope.own_denials;
        self.scope = Scope::of(&school);
        self.scope.own_denials = own_denials;
        self.scope.broken = broken;
        let own_preferences = school.preferences.len();
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
        if parents.len() > 1 {
            self.report_clashes(d, &school, clashes, own_preferences);
        }
        let broken = std::mem::take(&mut self.scope.broken);
        self.broken_of.insert(school.name.clone(), broken);
        school
            .conflicts
            .extend(self.global_conflicts.iter().cloned());
        school
    }

    pub(super) fn rule(&mut self, school: &mut School, item: &Item) {
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
        let antecedents = self.literals(antecedents);
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
        let (Some(consequent), Some(antecedents)) = (consequent, antecedents) else {
            // Reported where the name is; what depends on this inference is not reported again.
            if let Some(name) = name {
                self.scope.broken.rules.insert(name.text.clone());
            }
            self.scope.broken.concludes.extend(consequent);
            return;
        };
        let rule = Rule {
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
        };
        if !self.check_denied(school, &rule) {
            return;
        }
        if let Some(name) = name {
            self.scope
                .rules
                .insert(name.text.clone(), RuleId(school.rules.len() as u32));
        }
        school.rules.push(rule);
    }

    pub(super) fn rule_named(&mut self, school: &School, name: &ast::Name) -> Option<RuleId> {
        if let Some(&id) = self.scope.rules.get(&name.text) {
            return Some(id);
        }
        if self.scope.broken.rules.contains(&name.text) {
            return None;
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

    pub(super) fn exception(
        &mut self,
        school: &mut School,
        item: &Item,
        rule: &ast::Name,
        lit: &ast::Lit,
    ) {
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

    pub(super) fn preferable(&mut self, school: &School, lit: &ast::Lit) -> Option<Preferable> {
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
            if self.scope.broken.rules.contains(&lit.name.text) {
                return None;
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

    pub(super) fn preference(
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

    pub(super) fn ordering(&mut self, words: &[ast::Name], mut ordering: Ordering) -> Ordering {
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

    pub(super) fn check_duplicate_premises(&mut self, school: &School) {
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
    pub(super) fn check_preference_cycles(&mut self, school: &School) {
        let mut graph: petgraph::graphmap::DiGraphMap<Preferable, usize> = Default::default();
        for (i, p) in school.preferences.iter().enumerate() {
            graph.add_edge(p.better, p.worse, i);
        }
        for scc in petgraph::algo::kosaraju_scc(&graph) {
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
}
