//! `agon lsp` driven over its real stdio protocol, as an editor drives it: initialize, open a
//! document, diagnostics as it is typed and when saved, hover, definition, references,
//! rename, completion, symbols, formatting, a quick fix, shutdown and exit.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
    /// Notifications received while waiting for a response.
    notifications: Vec<Value>,
}

impl Client {
    fn start() -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_agon"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (tx, incoming) = channel();
        std::thread::spawn(move || loop {
            let mut length = 0usize;
            loop {
                let mut line = String::new();
                if stdout.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                if let Some(n) = line.strip_prefix("Content-Length: ") {
                    length = n.parse().unwrap();
                }
            }
            let mut body = vec![0; length];
            stdout.read_exact(&mut body).unwrap();
            if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                return;
            }
        });
        Client {
            child,
            stdin,
            incoming,
            next_id: 1,
            notifications: Vec::new(),
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    fn receive(&mut self) -> Value {
        self.incoming
            .recv_timeout(Duration::from_secs(60))
            .expect("the server answers within a minute")
    }

    /// Sends a request and waits for its response (the whole response object).
    fn call(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        loop {
            let m = self.receive();
            if m.get("id") == Some(&json!(id)) {
                return m;
            }
            self.notifications.push(m);
        }
    }

    fn result(&mut self, method: &str, params: Value) -> Value {
        let response = self.call(method, params);
        assert!(response.get("error").is_none(), "{method}: {response}");
        response["result"].clone()
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        loop {
            if let Some(i) = self.notifications.iter().position(|n| {
                n["method"] == "textDocument/publishDiagnostics" && n["params"]["uri"] == uri
            }) {
                let n = self.notifications.remove(i);
                return n["params"]["diagnostics"].as_array().unwrap().clone();
            }
            let m = self.receive();
            self.notifications.push(m);
        }
    }
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.canonicalize().unwrap().display())
}

/// A two-file project in a folder of its own (tests run in parallel).
fn project(name: &str) -> PathBuf {
    let dir =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("lsp-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("vocab.agon"),
        "source waltz1979 \"Waltz, K. (1979). Theory of International Politics.\".\n\
         claim anarchy \"No authority above states.\".\n\
         claim self-help \"Each state must provide for its own security.\".\n",
    )
    .unwrap();
    std::fs::write(dir.join("realism.agon"), SCHOOL).unwrap();
    dir
}

const SCHOOL: &str = "use \"vocab.agon\".\n\
school realism \"Realism\" {\n    axiom anarchy [@waltz1979, p. 88].\n    self-help follows from anarchy.\n}\n\
expect realism accepts self-help.\n";

/// How many edits a workspace edit makes in each of the files.
fn edits_per_file(edit: &Value, files: [&str; 2]) -> [usize; 2] {
    files.map(|f| edit["changes"][f].as_array().map_or(0, Vec::len))
}

/// Line and character of the first occurrence of `needle` (after `after`) in `text`.
fn position(text: &str, needle: &str, after: usize) -> Value {
    let at = after + text[after..].find(needle).unwrap();
    let line = text[..at].matches('\n').count();
    let col = at - text[..at].rfind('\n').map_or(0, |i| i + 1);
    json!({ "line": line, "character": col })
}

#[test]
fn an_editor_session_over_stdio() {
    let dir = project("session");
    let school = uri(&dir.join("realism.agon"));
    let vocab = uri(&dir.join("vocab.agon"));
    let mut c = Client::start();
    let init = c.result(
        "initialize",
        json!({ "processId": null, "rootUri": null, "capabilities": {} }),
    );
    let caps = &init["capabilities"];
    for cap in [
        "hoverProvider",
        "definitionProvider",
        "referencesProvider",
        "renameProvider",
        "documentSymbolProvider",
        "documentFormattingProvider",
        "codeActionProvider",
    ] {
        assert_eq!(caps[cap], json!(true), "{cap}: {init}");
    }
    assert_eq!(caps["positionEncoding"], "utf-16");
    c.notify("initialized", json!({}));

    // A typo: reported as typed, with a quick fix.
    let typo = SCHOOL.replace("self-help follows", "self-hepl follows");
    c.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": school, "languageId": "agon", "version": 1, "text": typo } }),
    );
    let found = c.diagnostics(&school);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["code"], "agon::unknown-claim");
    assert_eq!(found[0]["range"]["start"], position(&typo, "self-hepl", 0));
    let actions = c.result(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": school }, "range": found[0]["range"], "context": { "diagnostics": found } }),
    );
    let edit = &actions[0]["edit"]["changes"][&school][0];
    assert_eq!(edit["newText"], "self-help", "{actions}");
    assert_eq!(actions[0]["kind"], "quickfix");

    // Fixed: the diagnostics are cleared.
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": school, "version": 2 }, "contentChanges": [ { "text": SCHOOL } ] }),
    );
    assert_eq!(c.diagnostics(&school), Vec::<Value>::new());

    // Hover: the claim's sentence, citation-free, and its standing in the school.
    let at = position(SCHOOL, "self-help", 0);
    let hover = c.result(
        "textDocument/hover",
        json!({ "textDocument": { "uri": school }, "position": at }),
    );
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(
        text.contains("Each state must provide for its own security."),
        "{text}"
    );
    assert!(text.contains("`realism`: accepted"), "{text}");

    // Definition in the other file; references in both.
    let def = c.result(
        "textDocument/definition",
        json!({ "textDocument": { "uri": school }, "position": at }),
    );
    assert_eq!(def[0]["uri"], vocab, "{def}");
    assert_eq!(def[0]["range"]["start"]["line"], 2);
    let refs = c.result(
        "textDocument/references",
        json!({ "textDocument": { "uri": school }, "position": at, "context": { "includeDeclaration": true } }),
    );
    let files: Vec<&str> = refs
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["uri"].as_str().unwrap())
        .collect();
    assert_eq!(files.iter().filter(|u| **u == school).count(), 2, "{refs}");
    assert_eq!(files.iter().filter(|u| **u == vocab).count(), 1, "{refs}");

    // Rename across files; a bad name is refused.
    let edit = c.result(
        "textDocument/rename",
        json!({ "textDocument": { "uri": school }, "position": at, "newName": "self-reliance" }),
    );
    assert_eq!(edits_per_file(&edit, [&school, &vocab]), [2, 1], "{edit}");
    let refused = c.call(
        "textDocument/rename",
        json!({ "textDocument": { "uri": school }, "position": at, "newName": "2nd" }),
    );
    assert!(refused["error"]["message"]
        .as_str()
        .unwrap()
        .contains("is not a name"));

    // Rename a source from a citation key: the declaration and the `@key`.
    let key = position(SCHOOL, "waltz1979", 0);
    let edit = c.result(
        "textDocument/rename",
        json!({ "textDocument": { "uri": school }, "position": key, "newName": "waltz" }),
    );
    assert_eq!(edits_per_file(&edit, [&school, &vocab]), [1, 1], "{edit}");

    // Completion after `@`: source keys only.
    let after_at = position(SCHOOL, "waltz1979", 0);
    let items = c.result(
        "textDocument/completion",
        json!({ "textDocument": { "uri": school }, "position": after_at }),
    );
    let labels: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["waltz1979"]);
    let everywhere = c.result(
        "textDocument/completion",
        json!({ "textDocument": { "uri": school }, "position": { "line": 0, "character": 0 } }),
    );
    let labels: Vec<&str> = everywhere
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    for l in [
        "anarchy",
        "self-help",
        "realism",
        "waltz1979",
        "follows",
        "extends",
    ] {
        assert!(labels.contains(&l), "{l} in {labels:?}");
    }

    // The outline: the school with its statements.
    let symbols = c.result(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": school } }),
    );
    let realism = symbols
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "realism")
        .unwrap();
    assert_eq!(
        realism["children"].as_array().unwrap().len(),
        2,
        "{symbols}"
    );

    // Formatting through `agon fmt`'s engine.
    let messy = SCHOOL.replace("    axiom", "axiom");
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": school, "version": 3 }, "contentChanges": [ { "text": messy } ] }),
    );
    let _ = c.diagnostics(&school);
    let edits = c.result(
        "textDocument/formatting",
        json!({ "textDocument": { "uri": school }, "options": { "tabSize": 4, "insertSpaces": true } }),
    );
    assert_eq!(edits[0]["newText"], SCHOOL, "{edits}");

    // On save, expectations are checked too.
    let failing = SCHOOL.replace("accepts self-help", "rejects self-help");
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": school, "version": 4 }, "contentChanges": [ { "text": failing } ] }),
    );
    assert_eq!(
        c.diagnostics(&school),
        Vec::<Value>::new(),
        "not checked as typed"
    );
    c.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": school } }),
    );
    let saved = c.diagnostics(&school);
    assert_eq!(saved.len(), 1, "{saved:?}");
    assert_eq!(saved[0]["code"], "agon::expectation-failed");

    // Shutdown and exit.
    let done = c.call("shutdown", Value::Null);
    assert_eq!(done["result"], Value::Null);
    c.notify("exit", Value::Null);
    let status = c.child.wait().unwrap();
    assert!(status.success());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn utf8_positions_when_the_client_offers_them() {
    let dir = project("utf8");
    let school = uri(&dir.join("realism.agon"));
    let mut c = Client::start();
    let init = c.result(
        "initialize",
        json!({ "processId": null, "capabilities": { "general": { "positionEncodings": ["utf-8", "utf-16"] } } }),
    );
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    c.notify("initialized", json!({}));
    let text = "use \"vocab.agon\".\nschool realism \"Réalisme «»\" { axiom anarchy. premise selfhelp. }\n";
    c.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": school, "languageId": "agon", "version": 1, "text": text } }),
    );
    let found = c.diagnostics(&school);
    let at = text.find("selfhelp").unwrap() - text.find("school").unwrap();
    assert_eq!(
        found[0]["range"]["start"],
        json!({ "line": 1, "character": at }),
        "{found:?}"
    );
    let _ = c.call("shutdown", Value::Null);
    c.notify("exit", Value::Null);
    assert!(c.child.wait().unwrap().success());
    let _ = std::fs::remove_dir_all(&dir);
}
