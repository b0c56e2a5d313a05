//! What the parents of a school with several parents disagree on (see [`super::inherit`]),
//! and the `agon::parents-disagree` warnings for what the child leaves unsettled.

use super::*;

/// What the parents of a school disagree on, reported unless the child settles it.
#[derive(Default)]
pub(super) struct Clashes {
    /// Literals held by one parent only that conflict with one held by another parent only.
    pub claims: Vec<(ClaimHold, ClaimHold)>,
    /// Opposite preferences (both dropped), each with the keys of the first one's two sides.
    pub preferences: Vec<(Preference, [PrefKey; 2])>,
    /// Inferences one parent draws and another denies (the inference is dropped).
    pub denied: Vec<(Rule, Denial)>,
    /// The parents' orderings differ.
    pub orderings: bool,
}

/// A literal a parent holds and the statement that holds it.
pub(super) struct ClaimHold {
    pub school: SchoolId,
    pub literal: Literal,
    pub span: Span,
}

/// What a side of a preference names, in a form that survives renumbering of rules.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum PrefKey {
    Rule(Span),
    Premise(Literal),
}

pub(super) fn pref_key(school: &School, p: Preferable) -> PrefKey {
    match p {
        Preferable::Rule(r) => PrefKey::Rule(school.rule(r).span),
        Preferable::Premise(l) => PrefKey::Premise(l),
    }
}

/// The list of parents after `extends`.
pub(super) fn parents_span(d: &Declared<'_>) -> Span {
    match (d.extends.first(), d.extends.last()) {
        (Some(first), Some(last)) => first.span.to(last.span),
        _ => d.name.span,
    }
}

/// What a side of a preference concludes.
fn concludes(school: &School, p: Preferable) -> Literal {
    match p {
        Preferable::Rule(r) => school.rule(r).consequent,
        Preferable::Premise(l) => l,
    }
}

impl<'a> Resolver<'a> {
    /// Pairs of conflicting literals, one held only by one parent and one only by another
    /// (held: a premise or the conclusion of an inference; conflicting: `x` and `not x`, or a
    /// declared conflict).
    pub(super) fn claim_clashes(&self, parents: &[SchoolId]) -> Vec<(ClaimHold, ClaimHold)> {
        let holds: Vec<HashMap<Literal, Span>> = parents
            .iter()
            .map(|&p| {
                let s = self.theory.school(p);
                let mut m: HashMap<Literal, Span> = HashMap::new();
                for r in s.rules.iter().rev() {
                    m.insert(r.consequent, r.span);
                }
                for q in s.premises.iter().rev() {
                    m.insert(q.literal, q.span);
                }
                m
            })
            .collect();
        let mut opposites: HashMap<Literal, Vec<Literal>> = HashMap::new();
        for c in parents
            .iter()
            .flat_map(|&p| &self.theory.school(p).conflicts)
        {
            opposites.entry(c.from).or_default().push(c.to);
            opposites.entry(c.to).or_default().push(c.from);
        }
        let mut out = Vec::new();
        let mut seen: HashSet<(Literal, Literal)> = HashSet::new();
        for (i, a) in holds.iter().enumerate() {
            for (j, b) in holds.iter().enumerate().skip(i + 1) {
                let mut lits: Vec<(&Literal, &Span)> =
                    a.iter().filter(|(l, _)| !b.contains_key(l)).collect();
                lits.sort();
                for (&l, &span) in lits {
                    let rivals = std::iter::once(l.negate())
                        .chain(opposites.get(&l).into_iter().flatten().copied());
                    for m in rivals {
                        let Some(&other) = b.get(&m) else { continue };
                        if a.contains_key(&m) || !seen.insert((l.min(m), l.max(m))) {
                            continue;
                        }
                        let hold = |school, literal, span| ClaimHold {
                            school,
                            literal,
                            span,
                        };
                        out.push((hold(parents[i], l, span), hold(parents[j], m, other)));
                    }
                }
            }
        }
        out
    }

    /// Warns about each clash between the parents of `school` that its own statements (from
    /// preference `own_preferences` on, and the body `d`) do not settle.
    pub(super) fn report_clashes(
        &mut self,
        d: &Declared<'_>,
        school: &School,
        clashes: Clashes,
        own_preferences: usize,
    ) {
        let at = parents_span(d);
        let parents = |x: SchoolId, y: SchoolId| {
            let name = |s: SchoolId| self.theory.school(s).name.clone();
            format!("`{}` and `{}`", name(x), name(y))
        };
        let own = &school.preferences[own_preferences..];
        let mut found = Vec::new();
        for (x, y) in &clashes.claims {
            let settled = own.iter().any(|p| {
                let (b, w) = (concludes(school, p.better), concludes(school, p.worse));
                (b, w) == (x.literal, y.literal) || (b, w) == (y.literal, x.literal)
            });
            if settled {
                continue;
            }
            let (l, m) = (self.theory.show(x.literal), self.theory.show(y.literal));
            found.push(
                Diagnostic::warning(
                    "agon::parents-disagree",
                    format!(
                        "the parents of `{}` disagree: {} hold `{l}` and `{m}`",
                        d.name.text,
                        parents(x.school, y.school)
                    ),
                )
                .with_label(x.span, format!("`{l}` held here"))
                .with_label(y.span, format!("`{m}` held here"))
                .with_label(at, "both inherited here")
                .with_help(format!(
                    "say which the school keeps: `prefer` the premise or inference for `{l}` \
                     over the one for `{m}` (or the other way) inside `{}`",
                    d.name.text
                )),
            );
        }
        for pair in clashes.preferences.chunks(2) {
            let [(first, keys), (second, _)] = pair else {
                continue;
            };
            let settled = own.iter().any(|p| {
                let k = [pref_key(school, p.better), pref_key(school, p.worse)];
                k == *keys || k == [keys[1], keys[0]]
            });
            if !settled {
                found.push(
                    Diagnostic::warning(
                        "agon::parents-disagree",
                        format!(
                            "the parents of `{}` prefer in opposite directions, so neither \
                             preference is inherited",
                            d.name.text
                        ),
                    )
                    .with_label(first.span, "one parent's preference")
                    .with_label(second.span, "the other's")
                    .with_label(at, "both inherited here")
                    .with_help("restate the preference the school keeps inside it"),
                );
            }
        }
        for (rule, denial) in &clashes.denied {
            let restated = school.rules.iter().any(|r| denial.matches(r))
                || school
                    .denials
                    .iter()
                    .any(|x| x.same(denial) && x.span != denial.span);
            if !restated {
                found.push(
                    Diagnostic::warning(
                        "agon::parents-disagree",
                        format!(
                            "one parent of `{}` draws `{}` and another denies it, so the \
                             inference is left out",
                            d.name.text,
                            self.theory.show(rule.consequent)
                        ),
                    )
                    .with_label(rule.span, "drawn here")
                    .with_label(denial.span, "denied here")
                    .with_label(at, "both inherited here")
                    .with_help(
                        "restate the inference inside the school to keep it, or the denial to \
                         confirm it",
                    ),
                );
            }
        }
        let orders = d
            .body
            .iter()
            .any(|i| matches!(i.kind, ItemKind::Ordering { .. }));
        if clashes.orderings && !orders {
            found.push(
                Diagnostic::warning(
                    "agon::parents-disagree",
                    format!(
                        "the parents of `{}` choose different orderings; it takes the first \
                         parent's",
                        d.name.text
                    ),
                )
                .with_label(at, "parents with different orderings")
                .with_help("state the school's own `ordering` to settle it"),
            );
        }
        self.diagnostics.extend(found);
    }
}
