//! One analysis of the project an open document belongs to: every `.agon` file in the
//! document's folder (and what they `use`), read with the editor's unsaved buffers in place of
//! the files on disk, resolved as `agon check` resolves them; the names written in each file;
//! and what a name at a position refers to.

use super::text::{uri_of, Encoding, LineIndex};
use crate::load::Overlay;
use crate::model::Theory;
use crate::source::{FileId, Span};
use crate::syntax::lexer::{lex, Token};
use crate::workspace::Workspace;
use lsp_types::{
    Diagnostic as LspDiagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Uri,
};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A project read and resolved, with the names each file writes.
pub struct Analysis {
    pub ws: Workspace,
    pub encoding: Encoding,
    /// Every name written, per file: where, what, and whether inside a citation (`@key`).
    pub names: HashMap<FileId, Vec<Written>>,
}

/// A name as written in a file.
#[derive(Clone, Debug)]
pub struct Written {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// `@key` inside a citation (a source), not a name token.
    pub cite_key: bool,
}

/// What a name refers to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Claim(String),
    School(String),
    Rule(String),
    Source(String),
    Question(String),
}

impl Target {
    pub fn name(&self) -> &str {
        match self {
            Target::Claim(n)
            | Target::School(n)
            | Target::Rule(n)
            | Target::Source(n)
            | Target::Question(n) => n,
        }
    }
}

impl Analysis {
    /// Reads the project of `doc` (its folder), `reason`ing (consistency, postulates,
    /// expectations) when asked and when names resolve.
    pub fn of(doc: &Path, overlay: &Overlay, encoding: Encoding, reason: bool) -> Analysis {
        let folder = doc.parent().map(Path::to_path_buf).unwrap_or_default();
        let mut roots: Vec<PathBuf> = vec![folder.clone()];
        roots.extend(
            overlay
                .keys()
                .filter(|p| p.parent() == Some(&folder))
                .cloned(),
        );
        let ws = Workspace::open_with(&roots, overlay)
            .or_else(|_| Workspace::open_with(&[doc.to_path_buf()], overlay))
            .unwrap_or_else(|_| {
                let text = overlay.get(doc).map_or("", String::as_str);
                Workspace::from_text(&doc.to_string_lossy(), text)
            });
        let mut ws = ws;
        if reason {
            ws.reason(crate::aspic::Options::default());
        }
        let names = ws
            .sources
            .files()
            .map(|(id, f)| (id, written_names(&f.text)))
            .collect();
        Analysis {
            ws,
            encoding,
            names,
        }
    }

    pub fn theory(&self) -> &Theory {
        &self.ws.theory
    }

    /// The file of a path, if the analysis read it.
    pub fn file(&self, path: &Path) -> Option<FileId> {
        let canonical = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        self.ws
            .sources
            .files()
            .find(|(_, f)| f.path == path || f.path.canonicalize().is_ok_and(|c| c == canonical))
            .map(|(id, _)| id)
    }

    pub fn index(&self, file: FileId) -> LineIndex<'_> {
        LineIndex::new(&self.ws.sources.get(file).text, self.encoding)
    }

    pub fn uri(&self, file: FileId) -> Option<Uri> {
        let path = &self.ws.sources.get(file).path;
        let absolute = path.canonicalize().unwrap_or_else(|_| path.clone());
        uri_of(&absolute)
    }

    pub fn location(&self, span: Span) -> Option<Location> {
        Some(Location::new(
            self.uri(span.file)?,
            self.index(span.file).range(span.range()),
        ))
    }

    /// The name written at a byte offset of a file (its end counts, so a cursor just after a
    /// name is on it).
    pub fn written_at(&self, file: FileId, offset: usize) -> Option<&Written> {
        self.names
            .get(&file)?
            .iter()
            .find(|w| w.start <= offset && offset <= w.end)
    }

    /// What a written name refers to.
    pub fn target(&self, w: &Written) -> Option<Target> {
        let t = self.theory();
        let name = &w.text;
        let source = || t.sources.iter().any(|s| &s.key == name);
        if w.cite_key {
            return source().then(|| Target::Source(name.clone()));
        }
        if t.claim_named(name).is_some() {
            Some(Target::Claim(name.clone()))
        } else if t.school_named(name).is_some() {
            Some(Target::School(name.clone()))
        } else if t.questions.iter().any(|q| &q.id == name) {
            Some(Target::Question(name.clone()))
        } else if self.rules_named(name).next().is_some() {
            Some(Target::Rule(name.clone()))
        } else if source() {
            Some(Target::Source(name.clone()))
        } else {
            None
        }
    }

    /// The inferences of that name, each once (children share their parents' statements).
    pub fn rules_named<'a>(
        &'a self,
        name: &'a str,
    ) -> impl Iterator<Item = (&'a crate::model::School, &'a crate::model::Rule)> + 'a {
        let mut seen: Vec<Span> = Vec::new();
        self.theory()
            .schools
            .iter()
            .flat_map(|s| s.rules.iter().map(move |r| (s, r)))
            .filter(move |(_, r)| r.name.as_deref() == Some(name))
            .filter(move |(_, r)| {
                if seen.contains(&r.span) {
                    false
                } else {
                    seen.push(r.span);
                    true
                }
            })
    }

    /// Where a target is declared.
    pub fn declarations(&self, target: &Target) -> Vec<Span> {
        let t = self.theory();
        match target {
            Target::Claim(n) => t
                .claim_named(n)
                .map(|c| t.claim(c).span)
                .into_iter()
                .collect(),
            Target::School(n) => t
                .school_named(n)
                .map(|s| t.school(s).span)
                .into_iter()
                .collect(),
            Target::Rule(n) => self.rules_named(n).map(|(_, r)| r.span).collect(),
            Target::Source(n) => t
                .sources
                .iter()
                .filter(|s| &s.key == n)
                .map(|s| s.span)
                .collect(),
            Target::Question(n) => t
                .questions
                .iter()
                .filter(|q| &q.id == n)
                .map(|q| q.span)
                .collect(),
        }
    }

    /// Every place a target's name is written: names, and `@key`s for a source.
    pub fn occurrences(&self, target: &Target) -> Vec<(FileId, &Written)> {
        let source = matches!(target, Target::Source(_));
        let mut out: Vec<(FileId, &Written)> = Vec::new();
        for (&file, written) in &self.names {
            for w in written {
                if w.text != target.name() || (w.cite_key && !source) {
                    continue;
                }
                if !w.cite_key && self.target(w).as_ref() != Some(target) {
                    continue;
                }
                out.push((file, w));
            }
        }
        out.sort_by_key(|(f, w)| (*f, w.start));
        out
    }

    /// The analysis's diagnostics for one file, in the protocol's form.
    pub fn diagnostics_for(&self, file: FileId) -> Vec<LspDiagnostic> {
        self.ws
            .diagnostics
            .iter()
            .filter(|d| d.labels.first().is_some_and(|l| l.span.file == file))
            .map(|d| self.convert(d))
            .collect()
    }

    fn convert(&self, d: &crate::diagnostic::Diagnostic) -> LspDiagnostic {
        let primary = &d.labels[0];
        let mut message = d.message.clone();
        if !primary.text.is_empty() {
            message.push_str(&format!(" ({})", primary.text));
        }
        if let Some(help) = &d.help {
            message.push_str(&format!("\nhelp: {help}"));
        }
        let related: Vec<DiagnosticRelatedInformation> = d.labels[1..]
            .iter()
            .filter_map(|l| {
                Some(DiagnosticRelatedInformation {
                    location: self.location(l.span)?,
                    message: l.text.clone(),
                })
            })
            .collect();
        LspDiagnostic {
            range: self.index(primary.span.file).range(primary.span.range()),
            severity: Some(if d.is_error() {
                DiagnosticSeverity::ERROR
            } else {
                DiagnosticSeverity::WARNING
            }),
            code: Some(NumberOrString::String(d.code.to_string())),
            source: Some("agon".into()),
            message,
            related_information: (!related.is_empty()).then_some(related),
            ..Default::default()
        }
    }
}

/// The names a text writes: name tokens, and the `@key`s inside its citations.
pub fn written_names(text: &str) -> Vec<Written> {
    let (tokens, _) = lex(text);
    let mut out = Vec::new();
    for (start, tok, end) in tokens {
        match tok {
            Token::Ident(s) | Token::BadName(s) => out.push(Written {
                start,
                end,
                text: s.to_string(),
                cite_key: false,
            }),
            Token::Cite(raw) | Token::UnclosedCite(raw) => {
                for (at, _) in raw.match_indices('@') {
                    let key: String = raw[at + 1..]
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                        .collect();
                    let key = key.trim_end_matches('-').to_string();
                    if !key.is_empty() {
                        let s = start + at + 1;
                        out.push(Written {
                            start: s,
                            end: s + key.len(),
                            text: key,
                            cite_key: true,
                        });
                    }
                }
            }
            _ => {}
        }
    }
    out
}
