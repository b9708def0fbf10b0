//! `isca lsp` driven over stdio with real LSP messages on a copy of the base fixture: every
//! response snapshotted, cross-file updates, refusals, and a server that survives bad input.

use serde_json::{Value, json};

use crate::common::Root;
use crate::lsp_client::{Client, pos, uri};

const SIGNING: &str = "dataset/events/evt-example-2021-01-26-signing.json";
const IRN: &str = "dataset/parties/pty-irn.json";

/// A client that initialized on `root`, as an editor with file renames in edits does.
fn start(root: &Root) -> Client {
    let mut c = Client::start(root.path());
    let caps = json!({"workspace": {"workspaceEdit": {"documentChanges": true, "resourceOperations": ["create", "rename", "delete"]}}});
    let folders = json!([{"uri": uri(root.path()), "name": "root"}]);
    let r = c.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": caps, "workspaceFolders": folders}),
    );
    assert!(r["result"]["capabilities"]["definitionProvider"] == json!(true), "{r}");
    c.notify("initialized", json!({}));
    c
}

fn open(c: &mut Client, root: &Root, rel: &str, text: &str) -> String {
    let u = uri(&root.file(rel));
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": u, "languageId": "json", "version": 1, "text": text}}),
    );
    u
}

fn change(c: &mut Client, u: &str, version: i32, text: &str) {
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": u, "version": version}, "contentChanges": [{"text": text}]}),
    );
}

fn at(u: &str, p: Value) -> Value {
    json!({"textDocument": {"uri": u}, "position": p})
}

/// The signing event with a typo in a party id and a repeated key.
fn faulty(root: &Root) -> String {
    root.read(SIGNING)
        .replace("\"pty-irn\"", "\"pty-iran\"")
        .replace("\"place\": \"Moscow\",", "\"place\": \"Tehran\",\n  \"place\": \"Moscow\",")
}

#[test]
fn diagnostics_of_an_unsaved_buffer_with_codes_ranges_links_and_related_places() {
    let root = Root::base();
    root.write("docs/rules/X003.md", "# X003\n");
    root.write("docs/rules/L005.md", "# L005\n");
    let mut c = start(&root);
    let text = faulty(&root);
    let u = open(&mut c, &root, SIGNING, &text);
    let d = c.diagnostics(&u);
    insta::assert_snapshot!("lsp_diagnostics", c.render(&d));
    // The file on disk is clean: the buffer is what was checked.
    assert_eq!(root.run(&["validate"]).code, 0);
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn definition_references_and_hover() {
    let root = Root::base();
    let mut c = start(&root);
    let text = root.read(SIGNING);
    let u = open(&mut c, &root, SIGNING, &text);
    let def = c.request("textDocument/definition", at(&u, pos(&text, "\"pty-irn\"", 3)));
    insta::assert_snapshot!("lsp_definition", c.render(&def["result"]));
    let irn = root.read(IRN);
    let irn_uri = uri(&root.file(IRN));
    let mut params = at(&irn_uri, pos(&irn, "\"pty-irn\"", 2));
    params["context"] = json!({"includeDeclaration": true});
    let refs = c.request("textDocument/references", params);
    insta::assert_snapshot!("lsp_references", c.render(&refs["result"]));
    let mut hovers = Vec::new();
    for (needle, plus) in
        [("\"pty-irn\"", 2), ("\"certainty\"", 2), ("\"confirmed\"", 2), ("\"agr-example-2021-infosec\"", 1)]
    {
        let h = c.request("textDocument/hover", at(&u, pos(&text, needle, plus)));
        hovers.push(json!({"on": needle, "hover": h["result"]}));
    }
    insta::assert_snapshot!("lsp_hover", c.render(&Value::Array(hovers)));
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn completion_of_ids_enum_values_and_field_names() {
    let root = Root::base();
    let mut c = start(&root);
    let text = "{\n  \"id\": \"evt-new\",\n  \"parties\": [\"pty-\"],\n  \"kind\": \"\",\n  \n}\n";
    let u = open(&mut c, &root, "dataset/events/evt-new.json", text);
    let mut out = Vec::new();
    for (what, p) in [
        ("party ids", pos(text, "\"pty-\"", 5)),
        ("kind values", pos(text, "\"kind\": \"\"", 9)),
        ("field names", pos(text, "  \n}", 2)),
    ] {
        let r = c.request("textDocument/completion", at(&u, p));
        let items: Vec<Value> = r["result"]["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                json!([
                    i["label"],
                    i["detail"],
                    i["sortText"],
                    i["textEdit"]["newText"].as_str().or(i["insertText"].as_str())
                ])
            })
            .collect();
        out.push(json!({"what": what, "incomplete": r["result"]["isIncomplete"], "items": items}));
    }
    insta::assert_snapshot!("lsp_completion", c.render(&Value::Array(out)));
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn rename_rewrites_every_reference_and_the_file_and_refuses_bad_ids() {
    let root = Root::base();
    let mut c = start(&root);
    let irn = root.read(IRN);
    let u = open(&mut c, &root, IRN, &irn);
    let p = pos(&irn, "\"pty-irn\"", 3);
    let prepared = c.request("textDocument/prepareRename", at(&u, p.clone()));
    let mut params = at(&u, p.clone());
    params["newName"] = json!("pty-iran");
    let edit = c.request("textDocument/rename", params);
    insta::assert_snapshot!("lsp_rename", c.render(&json!({"prepare": prepared["result"], "edit": edit["result"]})));
    let mut refused = Vec::new();
    for bad in ["pty-rus", "Pty Iran", "agr-iran"] {
        let mut params = at(&u, p.clone());
        params["newName"] = json!(bad);
        let r = c.request("textDocument/rename", params);
        refused.push(json!({"new": bad, "error": r["error"]["message"]}));
    }
    insta::assert_snapshot!("lsp_rename_refused", c.render(&Value::Array(refused)));
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn formatting_gives_isca_fmt_canonical_form_and_refuses_what_fmt_refuses() {
    let root = Root::base();
    let mut c = start(&root);
    let canonical = root.read(SIGNING);
    let messy: String = serde_json::to_string(&serde_json::from_str::<Value>(&canonical).unwrap()).unwrap();
    let messy = messy.replace("\"id\":\"evt-example-2021-01-26-signing\",", "") + "\n";
    let messy = messy.replacen('{', "{\"id\": \"evt-example-2021-01-26-signing\",", 1);
    let u = open(&mut c, &root, SIGNING, &messy);
    let r = c.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": u}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    let edits = r["result"].as_array().unwrap();
    assert_eq!(edits.len(), 1, "{r}");
    assert_eq!(edits[0]["newText"], json!(canonical), "the edit is what isca fmt writes");
    change(&mut c, &u, 2, &faulty(&root));
    let r = c.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": u}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    assert_eq!(r["result"], Value::Null, "{r}");
    let shown = c.take("window/showMessage");
    insta::assert_snapshot!("lsp_formatting_refused", c.render(&shown[0]["params"]));
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn code_actions_fix_a_typo_a_duplicate_key_and_a_missing_field() {
    let root = Root::base();
    let mut c = start(&root);
    let text = faulty(&root).replace("  \"certainty\": \"confirmed\",\n", "");
    let u = open(&mut c, &root, SIGNING, &text);
    c.diagnostics(&u);
    let whole = json!({"start": {"line": 0, "character": 0}, "end": {"line": 999, "character": 0}});
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": u}, "range": whole, "context": {"diagnostics": []}}),
    );
    let actions: Vec<Value> = r["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| json!({"title": a["title"], "for": a["diagnostics"][0]["code"], "edit": a["edit"]["changes"][&u]}))
        .collect();
    insta::assert_snapshot!("lsp_code_actions", c.render(&Value::Array(actions)));
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn a_change_in_one_record_updates_the_diagnostics_of_the_others() {
    let root = Root::base();
    let mut c = start(&root);
    let irn = root.read(IRN);
    let u = open(&mut c, &root, IRN, &irn);
    let signing = uri(&root.file(SIGNING));
    // Renaming the party in its buffer leaves every reference to it dangling...
    change(&mut c, &u, 2, &irn.replace("\"pty-irn\"", "\"pty-irn-x\""));
    let d = c.diagnostics(&signing);
    let codes: Vec<&Value> = d.as_array().unwrap().iter().map(|d| &d["code"]).collect();
    assert_eq!(codes, [&json!("X003")], "{d}");
    // ...and putting it back clears them.
    change(&mut c, &u, 3, &irn);
    assert_eq!(c.diagnostics(&signing), json!([]));
    // Deleting the file on disk (the editor tells the server) does the same.
    c.notify("textDocument/didClose", json!({"textDocument": {"uri": u}}));
    std::fs::remove_file(root.file(IRN)).unwrap();
    c.notify("workspace/didDeleteFiles", json!({"files": [{"uri": u}]}));
    assert_eq!(c.diagnostics(&signing).as_array().unwrap().len(), 1);
    assert_eq!(c.shutdown(), 0);
}

#[test]
fn half_typed_json_broken_schemas_strangers_and_bad_requests_never_stop_the_server() {
    let root = Root::base();
    let mut c = Client::start(root.path());
    // A request before `initialize` is refused, and the server goes on.
    let early = c.request("textDocument/hover", at("file:///x.json", json!({"line": 0, "character": 0})));
    assert_eq!(early["error"]["code"], json!(-32002), "{early}");
    c = {
        drop(c);
        start(&root)
    };
    let half = "{\n  \"id\": \"evt-half\",\n  \"parties\": [\"pty-";
    let u = open(&mut c, &root, "dataset/events/evt-half.json", half);
    let d = c.diagnostics(&u);
    assert_eq!(d[0]["code"], json!("L004"), "{d}");
    let r = c.request("textDocument/completion", at(&u, pos(half, "\"pty-", 5)));
    assert!(r["result"]["items"].as_array().unwrap().iter().any(|i| i["label"] == "pty-irn"), "{r}");
    let outside = c.request("textDocument/hover", at("file:///elsewhere/x.json", json!({"line": 0, "character": 0})));
    assert_eq!(outside["result"], Value::Null, "{outside}");
    let bad = c.request("textDocument/definition", json!({"textDocument": 42}));
    assert_eq!(bad["error"]["code"], json!(-32602), "{bad}");
    let unknown = c.request("isca/unknown", json!({}));
    assert_eq!(unknown["error"]["code"], json!(-32601), "{unknown}");
    // A position past the end clamps to the end of the text, as the protocol says.
    let past = c.request("textDocument/hover", at(&u, json!({"line": 999, "character": 999})));
    assert!(past["result"]["contents"]["value"].as_str().unwrap().contains("pty-"), "{past}");
    // A schema broken on disk: the root reports it on the schema file, and recovers.
    let schema = root.read("schema/events.schema.json");
    root.write("schema/events.schema.json", "{ not json");
    let schema_uri = uri(&root.file("schema/events.schema.json"));
    c.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": schema_uri, "type": 2}]}));
    let d = c.diagnostics(&schema_uri);
    assert!(d[0]["message"].as_str().unwrap().contains("invalid schema"), "{d}");
    root.write("schema/events.schema.json", schema);
    c.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": schema_uri, "type": 2}]}));
    assert_eq!(c.diagnostics(&schema_uri), json!([]));
    let r = c.request("textDocument/hover", at(&u, pos(half, "\"parties\"", 2)));
    assert!(r["result"]["contents"]["value"].as_str().unwrap().contains("parties"), "{r}");
    assert_eq!(c.shutdown(), 0);
}
