//! The outline of a document (document symbols): its sources, claims, conflicts, questions and
//! expectations, and each school with its statements, read from the document's syntax tree so
//! that the outline works while the document has errors.

use super::text::LineIndex;
use crate::source::FileId;
use crate::syntax::ast::{Item, ItemKind, Lit, PremiseKw};
use lsp_types::{DocumentSymbol, SymbolKind};

/// The document's symbols, top-level items in order and school statements nested.
pub fn document_symbols(text: &str, index: &LineIndex<'_>) -> Vec<DocumentSymbol> {
    let parsed = crate::syntax::parse(FileId(0), text);
    parsed
        .file
        .items
        .iter()
        .filter_map(|i| symbol(i, index))
        .collect()
}

fn lit(l: &Lit) -> String {
    if l.negated {
        format!("not {}", l.name.text)
    } else {
        l.name.text.clone()
    }
}

fn lits(ls: &[Lit]) -> String {
    ls.iter().map(lit).collect::<Vec<_>>().join(", ")
}

#[allow(deprecated)] // `DocumentSymbol::deprecated` must be named to build the struct.
fn symbol(item: &Item, index: &LineIndex<'_>) -> Option<DocumentSymbol> {
    let (name, detail, kind, selection, children) = match &item.kind {
        ItemKind::Claim { id, text } => (
            id.text.clone(),
            Some(text.value.clone()),
            SymbolKind::CONSTANT,
            id.span,
            None,
        ),
        ItemKind::Source { key, reference } => (
            key.text.clone(),
            Some(reference.value.clone()),
            SymbolKind::KEY,
            key.span,
            None,
        ),
        ItemKind::School {
            name, title, body, ..
        } => (
            name.text.clone(),
            Some(title.value.clone()),
            SymbolKind::CLASS,
            name.span,
            Some(body.iter().filter_map(|i| symbol(i, index)).collect()),
        ),
        ItemKind::Question { name, title, .. } => (
            name.text.clone(),
            Some(title.value.clone()),
            SymbolKind::ENUM,
            name.span,
            None,
        ),
        ItemKind::Premise { kind, lit: l } => (
            format!(
                "{} {}",
                match kind {
                    PremiseKw::Axiom => "axiom",
                    PremiseKw::Premise => "premise",
                },
                lit(l)
            ),
            None,
            SymbolKind::PROPERTY,
            l.span,
            None,
        ),
        ItemKind::Rule {
            name,
            defeasible,
            consequent,
            antecedents,
        } => {
            let verb = if *defeasible {
                "usually follows from"
            } else {
                "follows from"
            };
            let text = format!("{} {verb} {}", lit(consequent), lits(antecedents));
            match name {
                Some(n) => (
                    n.text.clone(),
                    Some(text),
                    SymbolKind::FUNCTION,
                    n.span,
                    None,
                ),
                None => (text, None, SymbolKind::FUNCTION, consequent.span, None),
            }
        }
        ItemKind::Exception { rule, lit: l } => (
            format!("{} does not apply when {}", rule.text, lit(l)),
            None,
            SymbolKind::EVENT,
            rule.span,
            None,
        ),
        ItemKind::Denial {
            consequent,
            antecedents,
        } => (
            format!(
                "{} does not follow from {}",
                lit(consequent),
                lits(antecedents)
            ),
            None,
            SymbolKind::OPERATOR,
            consequent.span,
            None,
        ),
        ItemKind::Prefer { better, worse } => (
            format!("prefer {} over {}", lit(better), lits(worse)),
            None,
            SymbolKind::OPERATOR,
            better.span,
            None,
        ),
        ItemKind::Conflict { from, to, .. } => (
            format!("{} / {}", lit(from), lit(to)),
            Some("conflict".into()),
            SymbolKind::OPERATOR,
            from.span,
            None,
        ),
        ItemKind::Expect { school, .. } => (
            format!("expect {}", school.text),
            None,
            SymbolKind::BOOLEAN,
            school.span,
            None,
        ),
        ItemKind::Use { path } | ItemKind::Bibliography { path } => {
            (path.value.clone(), None, SymbolKind::FILE, path.span, None)
        }
        ItemKind::Ordering { .. } | ItemKind::Error => return None,
    };
    let range = index.range(item.span.range());
    let selection = index.range(selection.range());
    Some(DocumentSymbol {
        name,
        detail,
        kind,
        tags: None,
        deprecated: None,
        range,
        selection_range: if selection.start >= range.start && selection.end <= range.end {
            selection
        } else {
            range
        },
        children,
    })
}
