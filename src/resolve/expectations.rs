//! `expect` statements: the schools, claims and semantics they name, resolved.

use super::*;

impl<'a> Resolver<'a> {
    pub(super) fn resolve_expectations(
        &mut self,
        top: &[(FileId, &Item)],
        declared: &[Declared<'_>],
    ) {
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
                | ExpectKw::Undecided(l)
                | ExpectKw::Silent(l) => {
                    let verdict = match what {
                        ExpectKw::Accepts(_) => Verdict::Accepts,
                        ExpectKw::CredulouslyAccepts(_) => Verdict::CredulouslyAccepts,
                        ExpectKw::Rejects(_) => Verdict::Rejects,
                        ExpectKw::Silent(_) => Verdict::Silent,
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
                    let diverge = matches!(what, ExpectKw::Diverge(..));
                    let question = (!l.negated)
                        .then(|| {
                            self.theory
                                .questions
                                .iter()
                                .position(|q| q.id == l.name.text)
                        })
                        .flatten();
                    if let Some(question) = question {
                        if let (Some(a), Some(b)) = (first, second) {
                            let schools = (a, b);
                            self.theory.expectations.push(Expect {
                                what: if diverge {
                                    Expectation::DivergeOnQuestion { schools, question }
                                } else {
                                    Expectation::AgreeOnQuestion { schools, question }
                                },
                                semantics,
                                span: item.span,
                            });
                        }
                        continue;
                    }
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

    pub(super) fn school_ref(&mut self, name: &ast::Name) -> Option<SchoolId> {
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
}
