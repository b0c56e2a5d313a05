//! What the language server answers about a position: hover (a claim's sentence, citations and
//! standing in each school; a school, inference, source or question), go to definition, find
//! references, rename, completion, formatting through `agon fmt`'s engine, and quick fixes for
//! the "did you mean" diagnostics.

use super::analysis::{Analysis, Target};
use crate::diverge::Standing;
use crate::dung::Semantics;
use crate::model::{Literal, SchoolId};
use crate::source::FileId;
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CompletionItem, CompletionItemKind, Hover,
    HoverContents, Location, MarkupContent, MarkupKind, Range, TextEdit, Uri, WorkspaceEdit,
};
use std::collections::HashMap;
use std::fmt::Write;

/// Markdown about the name at `offset`, and the range it covers.
pub fn hover(a: &Analysis, file: FileId, offset: usize) -> Option<Hover> {
    let w = a.written_at(file, offset)?;
    let target = a.target(w)?;
    let t = a.theory();
    let mut md = String::new();
    let cites = |c: &[crate::model::Citation]| {
        let all: Vec<String> = c.iter().map(ToString::to_string).collect();
        if all.is_empty() {
            String::new()
        } else {
            format!(" [{}]", all.join("; "))
        }
    };
    match &target {
        Target::Claim(n) => {
            let id = t.claim_named(n)?;
            let claim = t.claim(id);
            let _ = writeln!(
                md,
                "**claim** `{n}`{}\n\n{}",
                cites(&claim.cite),
                claim.text
            );
            if let Some(doc) = &claim.doc {
                let _ = writeln!(md, "\n{doc}");
            }
            standings(a, Literal::pos(id), &mut md);
        }
        Target::School(n) => {
            let s = t.school(t.school_named(n)?);
            let _ = writeln!(md, "**school** `{n}` — {}", s.title);
            if !s.extends.is_empty() {
                let parents: Vec<&str> = s
                    .extends
                    .iter()
                    .map(|p| t.school(*p).name.as_str())
                    .collect();
                let _ = writeln!(md, "\nextends {}", parents.join(", "));
            }
            if let Some(doc) = &s.doc {
                let _ = writeln!(md, "\n{doc}");
            }
            let _ = writeln!(
                md,
                "\n{} premises, {} inferences, {} exceptions, {} denials, {} preferences",
                s.premises.len(),
                s.rules.len(),
                s.exceptions.len(),
                s.denials.len(),
                s.preferences.len()
            );
        }
        Target::Rule(n) => {
            for (s, r) in a.rules_named(n) {
                let ants: Vec<String> = r.antecedents.iter().map(|l| t.show(*l)).collect();
                let verb = match r.kind {
                    crate::model::RuleKind::Strict => "follows from",
                    crate::model::RuleKind::Defeasible => "usually follows from",
                };
                let _ = writeln!(
                    md,
                    "**inference** `{n}` in `{}`\n\n`{} {verb} {}`{}\n",
                    s.name,
                    t.show(r.consequent),
                    ants.join(", "),
                    cites(&r.cite)
                );
            }
        }
        Target::Source(n) => {
            let s = t.sources.iter().find(|s| &s.key == n)?;
            let _ = writeln!(md, "**source** `{n}`\n\n{}", s.reference);
        }
        Target::Question(n) => {
            let q = t.questions.iter().find(|q| &q.id == n)?;
            let answers: Vec<String> = q.answers.iter().map(|l| t.show(*l)).collect();
            let _ = writeln!(
                md,
                "**question** `{n}`{}\n\n{}\n\nanswers: {}",
                cites(&q.cite),
                q.text,
                answers.join(", ")
            );
        }
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: md.trim_end().to_string(),
        }),
        range: Some(a.index(file).range(w.start..w.end)),
    })
}

/// The claim's grounded standing in each school that takes a position on it (when the theory
/// has no errors: standings of a broken theory would mislead).
fn standings(a: &Analysis, lit: Literal, md: &mut String) {
    if a.ws.has_errors() {
        let _ = writeln!(md, "\n_standings: fix the errors first_");
        return;
    }
    let t = a.theory();
    let mut reasoner =
        crate::reason::Reasoner::new(t, crate::aspic::Options::default(), Semantics::Grounded);
    let mut lines = Vec::new();
    for i in 0..t.schools.len() {
        let sid = SchoolId(i as u32);
        let standing = reasoner.standing_of(sid, Semantics::Grounded, lit);
        if standing == Standing::Unknown {
            // Never a guess: say why agon cannot vouch for it.
            let why = reasoner
                .unknown(sid, Semantics::Grounded)
                .unwrap_or_default();
            lines.push(format!("- `{}`: unknown ({why})", t.school(sid).name));
        } else if standing != Standing::NotAddressed {
            lines.push(format!("- `{}`: {}", t.school(sid).name, standing.word()));
        }
    }
    if lines.is_empty() {
        let _ = writeln!(md, "\nno school takes a position on it");
    } else {
        let _ = writeln!(md, "\nstanding (grounded):\n{}", lines.join("\n"));
    }
}

/// Where the name at `offset` is declared.
pub fn definition(a: &Analysis, file: FileId, offset: usize) -> Vec<Location> {
    let Some(target) = a.written_at(file, offset).and_then(|w| a.target(w)) else {
        return Vec::new();
    };
    a.declarations(&target)
        .into_iter()
        .filter_map(|s| a.location(s))
        .collect()
}

/// Every place the name at `offset` is written, declaration included.
pub fn references(a: &Analysis, file: FileId, offset: usize) -> Vec<Location> {
    let Some(target) = a.written_at(file, offset).and_then(|w| a.target(w)) else {
        return Vec::new();
    };
    a.occurrences(&target)
        .into_iter()
        .filter_map(|(f, w)| Some(Location::new(a.uri(f)?, a.index(f).range(w.start..w.end))))
        .collect()
}

/// Renames the name at `offset` everywhere it is written; `Err` says why not.
// `lsp_types::Uri` caches its parse inside, which clippy calls interior mutability; the
// protocol's `WorkspaceEdit` is keyed by it all the same, and nothing here mutates a key.
#[allow(clippy::mutable_key_type)]
pub fn rename(
    a: &Analysis,
    file: FileId,
    offset: usize,
    new_name: &str,
) -> Result<WorkspaceEdit, String> {
    let target = a
        .written_at(file, offset)
        .and_then(|w| a.target(w))
        .ok_or("there is no declared name here to rename")?;
    let tokens = crate::syntax::lexer::lex(new_name).0;
    let is_name = matches!(tokens.as_slice(), [(0, crate::syntax::lexer::Token::Ident(s), _)] if *s == new_name);
    if !is_name {
        return Err(format!(
            "`{new_name}` is not a name: names start with a letter and hold letters, digits, `_` \
             and single inner hyphens, and are not keywords"
        ));
    }
    let mut changes: HashMap<Uri, Vec<TextEdit>> = HashMap::new();
    for (f, w) in a.occurrences(&target) {
        let Some(uri) = a.uri(f) else { continue };
        changes.entry(uri).or_default().push(TextEdit::new(
            a.index(f).range(w.start..w.end),
            new_name.to_string(),
        ));
    }
    Ok(WorkspaceEdit::new(changes))
}

/// Names and keywords to complete; after `@`, source keys only.
pub fn completion(a: &Analysis, text: &str, offset: usize) -> Vec<CompletionItem> {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let after_at = before[..word_start(before)].ends_with('@');
    let t = a.theory();
    let item = |label: &str, kind, detail: &str| CompletionItem {
        label: label.to_string(),
        kind: Some(kind),
        detail: (!detail.is_empty()).then(|| detail.to_string()),
        ..Default::default()
    };
    let mut out: Vec<CompletionItem> = t
        .sources
        .iter()
        .map(|s| item(&s.key, CompletionItemKind::REFERENCE, &s.reference))
        .collect();
    if after_at {
        return out;
    }
    out.extend(
        t.claims
            .iter()
            .map(|c| item(&c.id, CompletionItemKind::CONSTANT, &c.text)),
    );
    out.extend(
        t.schools
            .iter()
            .map(|s| item(&s.name, CompletionItemKind::CLASS, &s.title)),
    );
    let mut rules: Vec<&str> = t
        .schools
        .iter()
        .flat_map(|s| s.rules.iter().filter_map(|r| r.name.as_deref()))
        .collect();
    rules.sort_unstable();
    rules.dedup();
    out.extend(
        rules
            .into_iter()
            .map(|r| item(r, CompletionItemKind::FUNCTION, "inference")),
    );
    out.extend(
        t.questions
            .iter()
            .map(|q| item(&q.id, CompletionItemKind::ENUM, &q.text)),
    );
    out.extend(
        KEYWORDS
            .iter()
            .map(|k| item(k, CompletionItemKind::KEYWORD, "")),
    );
    out
}

/// Where the name being typed at the end of `before` starts.
fn word_start(before: &str) -> usize {
    before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// The theory language's words.
const KEYWORDS: [&str; 40] = [
    "use",
    "source",
    "bibliography",
    "claim",
    "school",
    "extends",
    "axiom",
    "premise",
    "follows",
    "follow",
    "usually",
    "from",
    "not",
    "contradicts",
    "is",
    "contrary",
    "to",
    "does",
    "apply",
    "when",
    "prefer",
    "over",
    "ordering",
    "expect",
    "accepts",
    "rejects",
    "credulously",
    "undecided",
    "on",
    "consistent",
    "and",
    "diverge",
    "agree",
    "under",
    "question",
    "silent",
    "last-link",
    "weakest-link",
    "elitist",
    "democratic",
];

/// The document in the canonical layout, as one edit (none when it is already, or when it does
/// not parse: the formatter never touches a broken file).
pub fn formatting(text: &str, index: &super::text::LineIndex<'_>) -> Vec<TextEdit> {
    match crate::format::format(text) {
        Some(formatted) if formatted != text => vec![TextEdit::new(index.everything(), formatted)],
        _ => Vec::new(),
    }
}

/// Quick fixes in `range` of a file: each "did you mean `x`?" replaces the unknown name.
#[allow(clippy::mutable_key_type)] // as in `rename`
pub fn code_actions(a: &Analysis, file: FileId, range: Range) -> Vec<CodeActionOrCommand> {
    let index = a.index(file);
    let (from, to) = (index.offset(range.start), index.offset(range.end));
    let mut out = Vec::new();
    for d in &a.ws.diagnostics {
        let Some(primary) = d.labels.first() else {
            continue;
        };
        let span = primary.span;
        if span.file != file || (span.end as usize) < from || (span.start as usize) > to {
            continue;
        }
        let Some(suggestion) = d.help.as_deref().and_then(suggested) else {
            continue;
        };
        // Replace the name itself: the last word of the labelled text (a label may cover
        // `not x` or a whole citation).
        let snippet = a.ws.sources.snippet(span);
        let Some(at) = a
            .names
            .get(&file)
            .into_iter()
            .flatten()
            .filter(|w| w.start >= span.start as usize && w.end <= span.end as usize)
            .find(|w| w.text != suggestion && snippet.contains(w.text.as_str()))
        else {
            continue;
        };
        let Some(uri) = a.uri(file) else { continue };
        let edit = TextEdit::new(index.range(at.start..at.end), suggestion.to_string());
        out.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: format!("Change `{}` to `{suggestion}`", at.text),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(
                a.diagnostics_for(file)
                    .into_iter()
                    .filter(|x| {
                        x.code == Some(lsp_types::NumberOrString::String(d.code.to_string()))
                            && x.range == index.range(span.range())
                    })
                    .collect(),
            ),
            edit: Some(WorkspaceEdit::new(HashMap::from([(uri, vec![edit])]))),
            is_preferred: Some(true),
            ..Default::default()
        }));
    }
    out
}

/// The name a help text suggests: "did you mean `x`?".
fn suggested(help: &str) -> Option<&str> {
    let rest = &help[help.find("did you mean `")? + "did you mean `".len()..];
    Some(&rest[..rest.find('`')?])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_being_typed_starts_after_any_character_that_cannot_be_in_a_name() {
        assert_eq!(word_start("premise self-he"), 8);
        assert_eq!(word_start("[@wal"), 2);
        assert_eq!(word_start("« é»ab"), "« é»".len());
        assert_eq!(word_start(""), 0);
    }

    #[test]
    fn suggestions_are_read_from_help() {
        assert_eq!(suggested("did you mean `self-help`?"), Some("self-help"));
        assert_eq!(suggested("name a school"), None);
    }
}
