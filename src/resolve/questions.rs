//! `question` statements: the questions the papers ask and their rival answers, resolved
//! to claims. A question lives at the top level, has a unique name and at least two answers.

use super::*;

impl<'a> Resolver<'a> {
    pub(super) fn declare_questions(&mut self, top: &[(FileId, &Item)]) {
        let mut seen: HashMap<String, Span> = HashMap::new();
        for (_, item) in top {
            let ItemKind::Question {
                name,
                title,
                answers,
                ..
            } = &item.kind
            else {
                continue;
            };
            let cite = self.citations(&item.cites);
            if let Some(&first) = seen.get(&name.text) {
                self.error(duplicate("question", &name.text, name.span, first));
                continue;
            }
            seen.insert(name.text.clone(), name.span);
            if let Some(&claim) = self.claim_index.get(&name.text) {
                let first = self.theory.claim(claim).span;
                self.error(
                    Diagnostic::error(
                        "agon::question-named-like-a-claim",
                        format!("question `{}` has the name of a claim", name.text),
                    )
                    .with_label(name.span, "this question")
                    .with_label(first, "the claim")
                    .with_help("`expect a and b diverge on NAME` must know which one you mean: rename the question"),
                );
                continue;
            }
            let mut resolved: Vec<Literal> = Vec::new();
            let mut complete = true;
            for a in answers {
                match self.literal(a) {
                    Some(l) if resolved.contains(&l) => self.error(
                        Diagnostic::warning(
                            "agon::repeated-answer",
                            format!("`{}` is listed twice as an answer", self.theory.show(l)),
                        )
                        .with_label(a.span, "listed again here")
                        .with_help("list each answer once"),
                    ),
                    Some(l) => resolved.push(l),
                    None => complete = false,
                }
            }
            if complete && resolved.len() < 2 {
                self.error(
                    Diagnostic::error(
                        "agon::one-answer",
                        format!("question `{}` has only one answer", name.text),
                    )
                    .with_label(item.span, "a question needs rival answers")
                    .with_help(
                        "list at least two answers, e.g. { anarchy-is-permanent, not anarchy-is-permanent }",
                    ),
                );
                continue;
            }
            self.theory.questions.push(Question {
                id: name.text.clone(),
                text: title.value.clone(),
                doc: item.doc.clone(),
                cite,
                answers: resolved,
                span: name.span,
            });
        }
    }
}
