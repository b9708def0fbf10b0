//! A minimal LSP client for the tests: runs `isca lsp`, frames JSON-RPC messages over its
//! stdin and stdout, and keeps the notifications it receives for the tests to inspect.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// Long enough for a debug build on a busy machine; a hang fails the test instead of blocking.
const TIMEOUT: Duration = Duration::from_secs(20);

pub struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
    /// Notifications received and not yet taken, in order.
    pub notes: Vec<Value>,
    /// The root's path, replaced by `[ROOT]` in rendered messages.
    root: String,
}

impl Client {
    pub fn start(root: &std::path::Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_isca"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start isca lsp");
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (tx, incoming) = channel();
        std::thread::spawn(move || {
            loop {
                let mut length = None;
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
                        length = n.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; length.expect("a Content-Length header")];
                stdout.read_exact(&mut body).unwrap();
                if tx.send(serde_json::from_slice(&body).expect("a JSON message")).is_err() {
                    return;
                }
            }
        });
        Client { child, stdin, incoming, next_id: 0, notes: Vec::new(), root: root.to_string_lossy().into_owned() }
    }

    pub fn send(&mut self, message: &Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns its response (`result` or `error`), keeping the
    /// notifications that arrive meanwhile.
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let m = self.recv(deadline).unwrap_or_else(|| panic!("no response to {method}"));
            if m.get("id") == Some(&json!(id)) && m.get("method").is_none() {
                return m;
            }
            self.keep(m);
        }
    }

    fn recv(&mut self, deadline: Instant) -> Option<Value> {
        self.incoming.recv_timeout(deadline.saturating_duration_since(Instant::now())).ok()
    }

    fn keep(&mut self, m: Value) {
        // Requests from the server (registerCapability) get an empty answer, as clients do.
        if let (Some(id), Some(_)) = (m.get("id"), m.get("method")) {
            let reply = json!({"jsonrpc": "2.0", "id": id, "result": null});
            self.send(&reply);
        }
        self.notes.push(m);
    }

    /// Waits for the next `publishDiagnostics` for `uri`, and returns its diagnostics.
    pub fn diagnostics(&mut self, uri: &str) -> Value {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(i) = self
                .notes
                .iter()
                .position(|n| n["method"] == "textDocument/publishDiagnostics" && n["params"]["uri"] == json!(uri))
            {
                return self.notes.remove(i)["params"]["diagnostics"].clone();
            }
            let m = self.recv(deadline).unwrap_or_else(|| panic!("no diagnostics for {uri}"));
            self.keep(m);
        }
    }

    /// Takes every notification with this method received so far.
    pub fn take(&mut self, method: &str) -> Vec<Value> {
        let (taken, kept) = std::mem::take(&mut self.notes).into_iter().partition(|n| n["method"] == method);
        self.notes = kept;
        taken
    }

    /// Pretty JSON with the temp root replaced, for snapshots.
    pub fn render(&self, v: &Value) -> String {
        serde_json::to_string_pretty(v).unwrap().replace(&self.root, "[ROOT]")
    }

    /// Shuts the server down as a client does and returns its exit code.
    pub fn shutdown(mut self) -> i32 {
        let r = self.request("shutdown", Value::Null);
        assert_eq!(r["result"], Value::Null, "{r}");
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code().unwrap_or(-1);
            }
            assert!(Instant::now() < deadline, "isca lsp did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// The `file://` URI of a path (the tests' temp paths need no escaping).
pub fn uri(path: &std::path::Path) -> String {
    format!("file://{}", path.display())
}

/// The LSP position of the `nth` occurrence of `needle` in `text`, plus `plus` characters.
pub fn pos(text: &str, needle: &str, plus: usize) -> Value {
    let at = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in the text")) + plus;
    let before = &text[..at];
    let line = before.matches('\n').count();
    let character = before[before.rfind('\n').map_or(0, |i| i + 1)..].encode_utf16().count();
    json!({"line": line, "character": character})
}
