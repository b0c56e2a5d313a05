//! `agon lsp`: a language server on standard input and output (the Language Server Protocol,
//! through `lsp-server` and `lsp-types`: the synchronous pair rust-analyzer is built on, with no
//! async runtime to build or to reason about). It reuses the parser, resolver and diagnostics of
//! the command line. A document is analysed with every `.agon` file of its folder (and what they
//! `use`), so names, references and renames work across files; unsaved edits of open documents
//! stand in for the files on disk.
//!
//! - as you type: syntax and name errors and warnings; on save: also consistency, the
//!   rationality postulates and expectations (what `agon check` reports);
//! - hover, go to definition, find references, rename, completion, document symbols,
//!   formatting (`agon fmt`'s engine) and quick fixes for "did you mean".

pub mod analysis;
pub mod features;
pub mod symbols;
pub mod text;

use analysis::Analysis;
use lsp_server::{Connection, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, DidSaveTextDocument,
    Notification as _, PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentSymbolRequest, Formatting, GotoDefinition, HoverRequest,
    References, Rename, Request as _,
};
use lsp_types::{
    CodeActionProviderCapability, CompletionOptions, GotoDefinitionResponse, OneOf,
    PositionEncodingKind, PublishDiagnosticsParams, ServerCapabilities, TextDocumentSyncCapability,
    TextDocumentSyncKind, TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Uri,
};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use text::{path_of, Encoding, LineIndex};

/// Serves one client on standard input and output until it says `exit`.
pub fn run() -> Result<(), String> {
    let (connection, io) = Connection::stdio();
    let (id, params) = connection.initialize_start().map_err(|e| e.to_string())?;
    let params: lsp_types::InitializeParams =
        serde_json::from_value(params).map_err(|e| format!("bad initialize request: {e}"))?;
    let utf8 = params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref())
        .is_some_and(|e| e.contains(&PositionEncodingKind::UTF8));
    let encoding = if utf8 {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    };
    let capabilities = capabilities(encoding);
    let result = serde_json::json!({
        "capabilities": capabilities,
        "serverInfo": { "name": "agon", "version": env!("CARGO_PKG_VERSION") },
    });
    connection
        .initialize_finish(id, result)
        .map_err(|e| e.to_string())?;
    let mut server = Server {
        connection,
        encoding,
        overlay: HashMap::new(),
        published: HashSet::new(),
    };
    server.serve()?;
    drop(server);
    io.join().map_err(|e| e.to_string())
}

fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(match encoding {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..Default::default()
            },
        )),
        hover_provider: Some(lsp_types::HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Left(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec!["@".into()]),
            ..Default::default()
        }),
        document_symbol_provider: Some(OneOf::Left(true)),
        document_formatting_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        ..Default::default()
    }
}

struct Server {
    connection: Connection,
    encoding: Encoding,
    /// Open documents' texts, by path (as the URI names it, and canonical).
    overlay: HashMap<PathBuf, String>,
    /// Files that were sent diagnostics, so that clearing them is sent too.
    published: HashSet<String>,
}

impl Server {
    fn serve(&mut self) -> Result<(), String> {
        while let Ok(message) = self.connection.receiver.recv() {
            match message {
                Message::Request(req) => {
                    if self
                        .connection
                        .handle_shutdown(&req)
                        .map_err(|e| e.to_string())?
                    {
                        return Ok(());
                    }
                    let response = self.request(req);
                    self.send(Message::Response(response));
                }
                Message::Notification(n) => self.notification(n),
                Message::Response(_) => {}
            }
        }
        Ok(())
    }

    fn send(&self, message: Message) {
        // The client went away: nothing to tell it.
        let _ = self.connection.sender.send(message);
    }

    fn notification(&mut self, n: Notification) {
        let uri = |v: &serde_json::Value| -> Option<Uri> {
            serde_json::from_value(v.get("textDocument")?.get("uri")?.clone()).ok()
        };
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidOpenTextDocumentParams>(n.params)
                else {
                    return;
                };
                if let Some(path) = path_of(&p.text_document.uri) {
                    self.remember(&path, p.text_document.text);
                    self.publish(&path, false);
                }
            }
            DidChangeTextDocument::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidChangeTextDocumentParams>(n.params)
                else {
                    return;
                };
                let (Some(path), Some(change)) = (
                    path_of(&p.text_document.uri),
                    p.content_changes.into_iter().last(),
                ) else {
                    return;
                };
                self.remember(&path, change.text);
                self.publish(&path, false);
            }
            DidSaveTextDocument::METHOD => {
                if let Some(path) = uri(&n.params).as_ref().and_then(path_of) {
                    self.publish(&path, true);
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Some(path) = uri(&n.params).as_ref().and_then(path_of) {
                    let canonical = path.canonicalize().ok();
                    self.overlay.remove(&path);
                    if let Some(c) = canonical {
                        self.overlay.remove(&c);
                    }
                    self.publish(&path, false);
                }
            }
            _ => {}
        }
    }

    fn remember(&mut self, path: &Path, text: String) {
        if let Ok(c) = path.canonicalize() {
            if c != path {
                self.overlay.insert(c, text.clone());
            }
        }
        self.overlay.insert(path.to_path_buf(), text);
    }

    /// Sends the diagnostics of the document, and of every other file of its project that has
    /// (or had) some.
    fn publish(&mut self, doc: &Path, reason: bool) {
        let a = Analysis::of(doc, &self.overlay, self.encoding, reason);
        let this = a.file(doc);
        for (file, _) in a.ws.sources.files() {
            let Some(uri) = a.uri(file) else { continue };
            let diagnostics = a.diagnostics_for(file);
            let key = uri.as_str().to_string();
            // The document itself always hears back; other files when something changed.
            if diagnostics.is_empty() && !self.published.remove(&key) && Some(file) != this {
                continue;
            }
            if !diagnostics.is_empty() {
                self.published.insert(key);
            }
            let params = PublishDiagnosticsParams::new(uri, diagnostics, None);
            self.send(Message::Notification(Notification::new(
                PublishDiagnostics::METHOD.to_string(),
                params,
            )));
        }
    }

    fn request(&self, req: Request) -> Response {
        let id = req.id.clone();
        match self.answer(req) {
            Ok(value) => Response::new_ok(id, value),
            Err((code, message)) => Response::new_err(id, code, message),
        }
    }

    /// The result of a request, or a JSON-RPC error (code, message).
    fn answer(&self, req: Request) -> Result<serde_json::Value, (i32, String)> {
        const INVALID_PARAMS: i32 = -32602;
        const METHOD_NOT_FOUND: i32 = -32601;
        const REQUEST_FAILED: i32 = -32803;
        let bad = |e: serde_json::Error| (INVALID_PARAMS, e.to_string());
        let json = |v: &dyn erased::Json| v.value();
        let method = req.method.clone();
        let params = req.params;
        match method.as_str() {
            HoverRequest::METHOD => {
                let p: lsp_types::HoverParams = serde_json::from_value(params).map_err(bad)?;
                let at = &p.text_document_position_params;
                Ok(self
                    .at(&at.text_document.uri, at.position)
                    .and_then(|(a, f, o)| features::hover(&a, f, o))
                    .map_or(serde_json::Value::Null, |h| json(&h)))
            }
            GotoDefinition::METHOD => {
                let p: lsp_types::GotoDefinitionParams =
                    serde_json::from_value(params).map_err(bad)?;
                let at = &p.text_document_position_params;
                let found = self
                    .at(&at.text_document.uri, at.position)
                    .map(|(a, f, o)| features::definition(&a, f, o))
                    .unwrap_or_default();
                Ok(json(&GotoDefinitionResponse::Array(found)))
            }
            References::METHOD => {
                let p: lsp_types::ReferenceParams = serde_json::from_value(params).map_err(bad)?;
                let at = &p.text_document_position;
                let found = self
                    .at(&at.text_document.uri, at.position)
                    .map(|(a, f, o)| features::references(&a, f, o))
                    .unwrap_or_default();
                Ok(json(&found))
            }
            Rename::METHOD => {
                let p: lsp_types::RenameParams = serde_json::from_value(params).map_err(bad)?;
                let at = &p.text_document_position;
                let (a, f, o) = self.at(&at.text_document.uri, at.position).ok_or((
                    REQUEST_FAILED,
                    "the document is not a theory file agon read".into(),
                ))?;
                features::rename(&a, f, o, &p.new_name)
                    .map(|edit| json(&edit))
                    .map_err(|why| (REQUEST_FAILED, why))
            }
            Completion::METHOD => {
                let p: lsp_types::CompletionParams = serde_json::from_value(params).map_err(bad)?;
                let at = &p.text_document_position;
                let items = self
                    .at(&at.text_document.uri, at.position)
                    .map(|(a, f, o)| {
                        let text = a.ws.sources.get(f).text.clone();
                        features::completion(&a, &text, o)
                    })
                    .unwrap_or_default();
                Ok(json(&items))
            }
            DocumentSymbolRequest::METHOD => {
                let p: lsp_types::DocumentSymbolParams =
                    serde_json::from_value(params).map_err(bad)?;
                let text = self.text(&p.text_document.uri).unwrap_or_default();
                let index = LineIndex::new(&text, self.encoding);
                Ok(json(&lsp_types::DocumentSymbolResponse::Nested(
                    symbols::document_symbols(&text, &index),
                )))
            }
            Formatting::METHOD => {
                let p: lsp_types::DocumentFormattingParams =
                    serde_json::from_value(params).map_err(bad)?;
                let text = self.text(&p.text_document.uri).unwrap_or_default();
                let index = LineIndex::new(&text, self.encoding);
                Ok(json(&features::formatting(&text, &index)))
            }
            CodeActionRequest::METHOD => {
                let p: lsp_types::CodeActionParams = serde_json::from_value(params).map_err(bad)?;
                let actions = path_of(&p.text_document.uri)
                    .map(|path| {
                        let a = Analysis::of(&path, &self.overlay, self.encoding, false);
                        match a.file(&path) {
                            Some(f) => features::code_actions(&a, f, p.range),
                            None => Vec::new(),
                        }
                    })
                    .unwrap_or_default();
                Ok(json(&actions))
            }
            _ => Err((METHOD_NOT_FOUND, format!("agon does not answer `{method}`"))),
        }
    }

    /// The analysis of a document's project, its file and the byte offset of a position.
    fn at(
        &self,
        uri: &Uri,
        position: lsp_types::Position,
    ) -> Option<(Analysis, crate::source::FileId, usize)> {
        let path = path_of(uri)?;
        let a = Analysis::of(&path, &self.overlay, self.encoding, false);
        let file = a.file(&path)?;
        let offset = a.index(file).offset(position);
        Some((a, file, offset))
    }

    /// An open document's text, or the file's on disk.
    fn text(&self, uri: &Uri) -> Option<String> {
        let path = path_of(uri)?;
        match self.overlay.get(&path) {
            Some(t) => Some(t.clone()),
            None => crate::load::read_text_or_reason(&path).ok(),
        }
    }
}

/// Serialising any response value through one signature.
mod erased {
    pub trait Json {
        fn value(&self) -> serde_json::Value;
    }

    impl<T: serde::Serialize> Json for T {
        fn value(&self) -> serde_json::Value {
            serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
        }
    }
}
