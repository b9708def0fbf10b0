//! The server loop: reads messages from the connection, keeps the state current, answers
//! requests, and publishes diagnostics once the burst of edits in the queue is consumed.
//!
//! Nothing stops it but `exit` or a closed connection: a request it cannot answer gets an
//! error response, a handler that panics is caught, logged and answered with an internal
//! error, and messages that arrive out of order are answered as well as the state allows.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as note, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    ClientCapabilities, InitializeParams, LogMessageParams, MessageType, ResourceOperationKind, ShowMessageParams,
};
use serde_json::Value;

use super::capabilities::capabilities;
use super::document::path_of;
use super::state::State;
use super::{actions, completion, definition, diagnostics, formatting, hover, links, references, rename};

/// Serves one client over `connection` until it exits. `Err` only when the connection breaks
/// during the handshake.
pub fn serve(connection: &Connection) -> Result<(), String> {
    let (id, params) = connection.initialize_start().map_err(|e| e.to_string())?;
    let params: InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let result = serde_json::json!({
        "capabilities": capabilities(),
        "serverInfo": {"name": "isca", "version": env!("CARGO_PKG_VERSION")},
    });
    send(connection, Response::new_ok(id, result));
    let mut server = Server::new(connection, &params);
    #[allow(deprecated)] // `rootUri` is what older clients (and eglot) still send.
    let folders: Vec<PathBuf> = match &params.workspace_folders {
        Some(f) if !f.is_empty() => f.iter().filter_map(|w| path_of(&w.uri)).collect(),
        _ => params.root_uri.iter().filter_map(path_of).collect(),
    };
    server.guarded("loading the workspace folders", |s| {
        for dir in folders {
            s.state.add_root(dir);
        }
    });
    server.run();
    Ok(())
}

struct Server<'c> {
    conn: &'c Connection,
    state: State,
    client: ClientCapabilities,
    rules_url: Option<String>,
    shut_down: bool,
    next_id: i32,
}

fn send(conn: &Connection, message: impl Into<Message>) {
    // A send fails only when the client is gone; the loop then ends on the closed receiver.
    let _ = conn.sender.send(message.into());
}

impl<'c> Server<'c> {
    fn new(conn: &'c Connection, params: &InitializeParams) -> Self {
        let state = State::default();
        let rules_url = params
            .initialization_options
            .as_ref()
            .and_then(|o| o.get("rulesUrl"))
            .and_then(Value::as_str)
            .map(String::from);
        Server { conn, state, client: params.capabilities.clone(), rules_url, shut_down: false, next_id: 0 }
    }

    fn run(&mut self) {
        while let Ok(first) = self.conn.receiver.recv() {
            // Take every message already waiting before publishing, so a burst of keystrokes
            // costs one check.
            let mut next = Some(first);
            while let Some(message) = next {
                match message {
                    Message::Request(r) => self.request(r),
                    Message::Notification(n) if n.method == note::Exit::METHOD => return,
                    Message::Notification(n) => {
                        let method = n.method.clone();
                        self.guarded(&method, |s| s.notification(n));
                    }
                    Message::Response(_) => {}
                }
                next = self.conn.receiver.try_recv().ok();
            }
            self.guarded("publishing diagnostics", Server::publish);
        }
    }

    /// Runs `f`, turning a panic into a log message; the state stays as it was left.
    fn guarded(&mut self, what: &str, f: impl FnOnce(&mut Self)) -> bool {
        let ok = catch_unwind(AssertUnwindSafe(|| f(self))).is_ok();
        if !ok {
            self.log(MessageType::ERROR, format!("isca: internal error while handling {what}; still serving"));
        }
        ok
    }

    fn log(&self, typ: MessageType, message: String) {
        let params = LogMessageParams { typ, message };
        send(self.conn, Notification::new(note::LogMessage::METHOD.to_string(), params));
    }

    fn show(&self, typ: MessageType, message: String) {
        send(self.conn, Notification::new(note::ShowMessage::METHOD.to_string(), ShowMessageParams { typ, message }));
    }

    fn publish(&mut self) {
        let template = self.rules_url.clone();
        for root in &mut self.state.roots {
            let path = root.path.clone();
            let url = |code: &str, name: &str| links::rule_url(template.as_deref(), &path, code, name);
            for p in diagnostics::publish(root, &self.state.docs, &url) {
                send(self.conn, Notification::new(note::PublishDiagnostics::METHOD.to_string(), p));
            }
        }
    }

    fn request(&mut self, r: Request) {
        let id = r.id.clone();
        if self.shut_down {
            let message = "the server is shut down; only `exit` is accepted".to_string();
            return send(self.conn, Response::new_err(id, ErrorCode::InvalidRequest as i32, message));
        }
        if r.method == req::Shutdown::METHOD {
            self.shut_down = true;
            return send(self.conn, Response::new_ok(id, ()));
        }
        let method = r.method.clone();
        let mut reply = None;
        let ok = self.guarded(&method, |s| reply = Some(s.answer(r)));
        let response = match (ok, reply) {
            (true, Some(Ok(value))) => Response::new_ok(id, value),
            (true, Some(Err((code, message)))) => Response::new_err(id, code as i32, message),
            _ => Response::new_err(id, ErrorCode::InternalError as i32, format!("internal error in {method}")),
        };
        send(self.conn, response);
    }

    /// The result of one request, or an error code and message.
    fn answer(&mut self, r: Request) -> Result<Value, (ErrorCode, String)> {
        let bad = |e: serde_json::Error| (ErrorCode::InvalidParams, e.to_string());
        let json = |v: Result<Value, serde_json::Error>| v.map_err(|e| (ErrorCode::InternalError, e.to_string()));
        let resource_ops = self.resource_ops();
        let template = self.rules_url.clone();
        match r.method.as_str() {
            req::GotoDefinition::METHOD => {
                let p: lsp_types::GotoDefinitionParams = serde_json::from_value(r.params).map_err(bad)?;
                let at = p.text_document_position_params;
                json(serde_json::to_value(
                    self.with_file(&at.text_document.uri, |f| definition::definition(f, at.position)),
                ))
            }
            req::References::METHOD => {
                let p: lsp_types::ReferenceParams = serde_json::from_value(r.params).map_err(bad)?;
                let at = p.text_document_position;
                let all = p.context.include_declaration;
                json(serde_json::to_value(
                    self.with_file(&at.text_document.uri, |f| references::references(f, at.position, all)),
                ))
            }
            req::HoverRequest::METHOD => {
                let p: lsp_types::HoverParams = serde_json::from_value(r.params).map_err(bad)?;
                let at = p.text_document_position_params;
                json(serde_json::to_value(self.with_file(&at.text_document.uri, |f| hover::hover(f, at.position))))
            }
            req::Completion::METHOD => {
                let p: lsp_types::CompletionParams = serde_json::from_value(r.params).map_err(bad)?;
                let at = p.text_document_position;
                json(serde_json::to_value(
                    self.with_file(&at.text_document.uri, |f| completion::completion(f, at.position)),
                ))
            }
            req::PrepareRenameRequest::METHOD => {
                let p: lsp_types::TextDocumentPositionParams = serde_json::from_value(r.params).map_err(bad)?;
                let found = self.with_file(&p.text_document.uri, |f| rename::prepare(f, p.position));
                let value = found
                    .flatten()
                    .map(|(range, placeholder)| serde_json::json!({"range": range, "placeholder": placeholder}));
                Ok(value.unwrap_or(Value::Null))
            }
            req::Rename::METHOD => {
                let p: lsp_types::RenameParams = serde_json::from_value(r.params).map_err(bad)?;
                let at = p.text_document_position;
                let edit = self
                    .with_file(&at.text_document.uri, |f| rename::rename(f, at.position, &p.new_name, resource_ops))
                    .unwrap_or_else(|| Err("not a record file of a dataset root".to_string()))
                    .map_err(|m| (ErrorCode::InvalidParams, format!("cannot rename: {m}")))?;
                json(serde_json::to_value(edit))
            }
            req::Formatting::METHOD => {
                let p: lsp_types::DocumentFormattingParams = serde_json::from_value(r.params).map_err(bad)?;
                match self.with_file(&p.text_document.uri, |f| formatting::format(f)) {
                    Some(Ok(edits)) => json(serde_json::to_value(edits)),
                    Some(Err(why)) => {
                        self.show(MessageType::WARNING, why);
                        Ok(Value::Null)
                    }
                    None => Ok(Value::Null),
                }
            }
            req::CodeActionRequest::METHOD => {
                let p: lsp_types::CodeActionParams = serde_json::from_value(r.params).map_err(bad)?;
                let found = self.with_file(&p.text_document.uri, |f| {
                    let root = f.root.to_path_buf();
                    let url = |code: &str, name: &str| links::rule_url(template.as_deref(), &root, code, name);
                    actions::actions(f, p.range, &url)
                });
                json(serde_json::to_value(found.unwrap_or_default()))
            }
            req::Initialize::METHOD => Err((ErrorCode::InvalidRequest, "the server is already initialized".into())),
            other => Err((ErrorCode::MethodNotFound, format!("isca lsp does not handle `{other}`"))),
        }
    }

    /// Runs `f` on the file a request names, if it is in a root that loaded.
    fn with_file<T>(&mut self, uri: &lsp_types::Uri, f: impl FnOnce(&mut super::state::FileRef<'_>) -> T) -> Option<T> {
        let path = path_of(uri)?;
        let mut file = self.state.file(&path)?;
        Some(f(&mut file))
    }

    fn resource_ops(&self) -> bool {
        let edit = self.client.workspace.as_ref().and_then(|w| w.workspace_edit.as_ref());
        // Resource operations live in `documentChanges`, so announcing them implies it
        // (Neovim announces `resourceOperations` alone).
        edit.is_some_and(|e| {
            e.resource_operations.as_ref().is_some_and(|ops| ops.contains(&ResourceOperationKind::Rename))
        })
    }

    fn notification(&mut self, n: Notification) {
        let params = n.params;
        match n.method.as_str() {
            note::Initialized::METHOD => self.watch_files(),
            note::DidOpenTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<lsp_types::DidOpenTextDocumentParams>(params) else { return };
                if let Some(path) = path_of(&p.text_document.uri) {
                    self.state.open(path, p.text_document.text, p.text_document.version);
                }
            }
            note::DidChangeTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<lsp_types::DidChangeTextDocumentParams>(params) else { return };
                if let Some(path) = path_of(&p.text_document.uri) {
                    self.state.change(&path, p.text_document.version, &p.content_changes);
                }
            }
            note::DidCloseTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<lsp_types::DidCloseTextDocumentParams>(params) else { return };
                if let Some(path) = path_of(&p.text_document.uri) {
                    self.state.close(&path);
                }
            }
            note::DidSaveTextDocument::METHOD => {
                let Ok(p) = serde_json::from_value::<lsp_types::DidSaveTextDocumentParams>(params) else { return };
                if let Some(path) = path_of(&p.text_document.uri) {
                    self.state.refresh(&path);
                }
            }
            note::DidChangeWatchedFiles::METHOD => {
                let Ok(p) = serde_json::from_value::<lsp_types::DidChangeWatchedFilesParams>(params) else { return };
                for path in p.changes.iter().filter_map(|c| path_of(&c.uri)) {
                    self.state.refresh(&path);
                }
            }
            note::DidCreateFiles::METHOD | note::DidDeleteFiles::METHOD => {
                let Ok(p) = serde_json::from_value::<Files>(params) else { return };
                for path in p.files.iter().filter_map(|f| f.uri.parse().ok()).filter_map(|u| path_of(&u)) {
                    self.state.refresh(&path);
                }
            }
            note::DidRenameFiles::METHOD => {
                let Ok(p) = serde_json::from_value::<lsp_types::RenameFilesParams>(params) else { return };
                for f in &p.files {
                    for uri in [&f.old_uri, &f.new_uri] {
                        if let Some(path) = uri.parse().ok().and_then(|u| path_of(&u)) {
                            self.state.refresh(&path);
                        }
                    }
                }
            }
            note::DidChangeWorkspaceFolders::METHOD => {
                let Ok(p) = serde_json::from_value::<lsp_types::DidChangeWorkspaceFoldersParams>(params) else {
                    return;
                };
                for dir in p.event.removed.iter().filter_map(|w| path_of(&w.uri)) {
                    self.clear(&dir);
                    self.state.remove_root(&dir);
                }
                for dir in p.event.added.iter().filter_map(|w| path_of(&w.uri)) {
                    self.state.add_root(dir);
                }
            }
            _ => {}
        }
    }

    /// Clears what was published for a root that goes away.
    fn clear(&mut self, dir: &std::path::Path) {
        for root in self.state.roots.iter_mut().filter(|r| r.path == dir) {
            for path in std::mem::take(&mut root.published).into_keys() {
                let p = lsp_types::PublishDiagnosticsParams {
                    uri: super::document::uri_of(&path),
                    diagnostics: vec![],
                    version: None,
                };
                send(self.conn, Notification::new(note::PublishDiagnostics::METHOD.to_string(), p));
            }
        }
    }

    /// Asks a client that can watch files to report changes made outside the editor (a
    /// `git checkout`, `isca fmt`), so diagnostics follow the disk too.
    fn watch_files(&mut self) {
        let dynamic = self.client.workspace.as_ref().and_then(|w| w.did_change_watched_files.as_ref());
        if dynamic.is_none_or(|d| d.dynamic_registration != Some(true)) {
            return;
        }
        let watchers: Vec<Value> = ["**/dataset/**", "**/schema/*.schema.json"]
            .iter()
            .map(|g| serde_json::json!({"globPattern": g}))
            .collect();
        let params = serde_json::json!({"registrations": [{
            "id": "isca-watch",
            "method": note::DidChangeWatchedFiles::METHOD,
            "registerOptions": {"watchers": watchers},
        }]});
        self.next_id += 1;
        let id = RequestId::from(format!("isca-{}", self.next_id));
        send(self.conn, Request::new(id, req::RegisterCapability::METHOD.to_string(), params));
    }
}

/// The `files` of `workspace/didCreateFiles` and `didDeleteFiles`, whose URIs are plain
/// strings in the protocol.
#[derive(serde::Deserialize)]
struct Files {
    files: Vec<FileUri>,
}

#[derive(serde::Deserialize)]
struct FileUri {
    uri: String,
}
