//! Denials (`x does not follow from y.`): resolved inside a school, where they drop the
//! inherited inferences they deny; an inference a school both draws and denies is an error,
//! and a denial that matches no inference in any school is a warning (most often a typo in
//! its antecedents).

use super::inherit::sorted;
use super::*;

impl<'a> Resolver<'a> {
    /// Resolves the school's own denials, adds them to `school.denials` (a restated inherited
    /// denial is replaced by the school's own) and drops the inherited inferences they deny.
    /// Sets `scope.own_denials` to where the school's own denials start.
    pub(super) fn own_denials(&mut self, school: &mut School, body: &[Item]) {
        let mut from = school.denials.len();
        for item in body {
            let ItemKind::Denial {
                consequent,
                antecedents,
            } = &item.kind
            else {
                continue;
            };
            let cite = self.citations(&item.cites);
            let consequent = self.literal(consequent);
            let (Some(consequent), Some(antecedents)) = (consequent, self.literals(antecedents))
            else {
                continue;
            };
            let denial = Denial {
                consequent,
                antecedents: sorted(&antecedents),
                cite,
                span: item.span,
            };
            if let Some(first) = school.denials[from..].iter().find(|q| q.same(&denial)) {
                self.diagnostics.push(
                    Diagnostic::warning(
                        "agon::duplicate-denial",
                        format!("school `{}` denies this inference twice", school.name),
                    )
                    .with_label(item.span, "denied again here")
                    .with_label(first.span, "first denied here")
                    .with_help("keep one of the two statements"),
                );
                continue;
            }
            if let Some(i) = school.denials[..from].iter().position(|q| q.same(&denial)) {
                school.denials.remove(i);
                from -= 1;
            }
            school.denials.push(denial);
        }
        let own = &school.denials[from..];
        let denied: Vec<bool> = (school.rules.iter())
            .map(|r| own.iter().any(|x| x.matches(r)))
            .collect();
        if denied.contains(&true) {
            school.drop_rules(|r| !denied[r.0 as usize]);
        }
        self.scope.own_denials = from;
    }

    /// Checks a rule the school states against its denials before it is added: denying it
    /// too is an error (returns false: leave the rule out); restating an inherited denied
    /// inference keeps the inference and drops the inherited denial.
    pub(super) fn check_denied(&mut self, school: &mut School, rule: &Rule) -> bool {
        let Some(i) = school.denials.iter().position(|x| x.matches(rule)) else {
            return true;
        };
        if i < self.scope.own_denials {
            school.denials.remove(i);
            self.scope.own_denials -= 1;
            return true;
        }
        self.reported_denials.insert(school.denials[i].span);
        self.error(
            Diagnostic::error(
                "agon::denied-and-drawn",
                format!(
                    "school `{}` both draws `{}` from these antecedents and denies it",
                    school.name,
                    self.theory.show(rule.consequent)
                ),
            )
            .with_label(rule.span, "drawn here")
            .with_label(school.denials[i].span, "denied here")
            .with_help("a school either draws an inference or denies it: drop one of the two"),
        );
        false
    }

    /// Warns about each denial that no school's inference matches.
    pub(super) fn check_denials_match(&mut self) {
        if self.theory.schools.iter().all(|s| s.denials.is_empty()) {
            return;
        }
        let mut drawn: HashSet<(Literal, Vec<Literal>)> = HashSet::new();
        let mut concluding: HashMap<Literal, Vec<(String, Vec<Literal>)>> = HashMap::new();
        for s in &self.theory.schools {
            for r in &s.rules {
                let ants = sorted(&r.antecedents);
                if drawn.insert((r.consequent, ants.clone())) {
                    concluding
                        .entry(r.consequent)
                        .or_default()
                        .push((s.name.clone(), ants));
                }
            }
        }
        let mut reported = self.reported_denials.clone();
        let mut found = Vec::new();
        for s in &self.theory.schools {
            for x in &s.denials {
                if drawn.contains(&(x.consequent, x.antecedents.clone()))
                    || !reported.insert(x.span)
                {
                    continue;
                }
                let help = match concluding.get(&x.consequent) {
                    Some(drawn) => {
                        let (school, ants) = &drawn[0];
                        let ants: Vec<String> = ants.iter().map(|a| self.theory.show(*a)).collect();
                        format!(
                            "a denial names the antecedents exactly (in any order): `{school}` \
                             draws `{}` from `{}`",
                            self.theory.show(x.consequent),
                            ants.join(", ")
                        )
                    }
                    None => "a denial answers an inference some school draws: state that \
                             inference in the school that draws it"
                        .into(),
                };
                found.push(
                    Diagnostic::warning(
                        "agon::denial-unmatched",
                        format!(
                            "no school draws `{}` from these antecedents, so the denial denies \
                             nothing",
                            self.theory.show(x.consequent)
                        ),
                    )
                    .with_label(x.span, "denied here")
                    .with_help(help),
                );
            }
        }
        self.diagnostics.extend(found);
    }
}
