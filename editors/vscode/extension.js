// The agon extension: starts `agon lsp` (the binary named by the `agon.path` setting) for
// .agon files. Highlighting comes from syntaxes/agon.tmLanguage.json and needs no server.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("agon").get("path") || "agon";
  client = new LanguageClient(
    "agon",
    "agon",
    { command, args: ["lsp"] },
    { documentSelector: [{ scheme: "file", language: "agon" }] }
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
