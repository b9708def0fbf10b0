// Starts `isca lsp` for JSON and JSON Lines files; everything else is the server's.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate() {
  const command = vscode.workspace.getConfiguration("isca").get("path") || "isca";
  client = new LanguageClient(
    "isca",
    "isca",
    { command, args: ["lsp"] },
    { documentSelector: [{ scheme: "file", language: "json" }, { scheme: "file", language: "jsonl" }] },
  );
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
