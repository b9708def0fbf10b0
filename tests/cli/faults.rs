//! Fault injection: one fault at a time in a copy of the base fixture. Each must give exit 1
//! and a finding that names the faulty file and the line of the fault; never a panic or a hang.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::common::Root;

/// Far above any honest run on the base fixture; a hang shows up as a failure, not a stuck CI.
const DEADLINE: Duration = Duration::from_secs(60);

/// A fault: the file it goes into, and how to make it from the file's text. `inject` returns
/// the new bytes and the line where the fault is.
struct Fault {
    name: &'static str,
    /// The rule that must report it.
    code: &'static str,
    file: &'static str,
    inject: fn(&str) -> (Vec<u8>, u32),
}

/// The 1-based line where `needle` first occurs in `text`.
fn line_of(text: &str, needle: &str) -> u32 {
    let at = text.find(needle).unwrap_or_else(|| panic!("`{needle}` is not in the file"));
    text[..at].matches('\n').count() as u32 + 1
}

/// Replaces the first `from` with `to`; the fault is on the line of `from`, plus `below`.
fn swap(text: &str, from: &str, to: &str, below: u32) -> (Vec<u8>, u32) {
    (text.replacen(from, to, 1).into_bytes(), line_of(text, from) + below)
}

const FAULTS: &[Fault] = &[
    Fault {
        name: "dangling reference",
        code: "X003",
        file: "dataset/agreements/agr-example-2021-infosec.json",
        inject: |t| swap(t, "\"pty-irn\"", "\"pty-iran\"", 0),
    },
    Fault {
        name: "duplicate key",
        code: "L005",
        file: "dataset/parties/pty-rus.json",
        inject: |t| swap(t, "\"kind\": \"state\",", "\"kind\": \"state\",\n  \"kind\": \"state\",", 1),
    },
    Fault {
        name: "impossible date",
        code: "X004",
        file: "dataset/events/evt-example-2021-01-26-signing.json",
        inject: |t| swap(t, "\"2021-01-26\"", "\"2021-02-30\"", 0),
    },
    Fault {
        name: "wrong type",
        code: "S001",
        file: "dataset/threat_categories/thr-data-piracy.json",
        inject: |t| swap(t, "\"Data piracy\"", "42", 0),
    },
    Fault {
        // The parser stops at the token after the missing comma, on the next line.
        name: "syntax error",
        code: "L004",
        file: "dataset/parties/pty-irn.json",
        inject: |t| swap(t, "\"kind\": \"state\",", "\"kind\": \"state\"", 1),
    },
    Fault {
        name: "bad ISO code",
        code: "X007",
        file: "dataset/parties/pty-irn.json",
        inject: |t| swap(t, "\"IRN\"", "\"IRA\"", 0),
    },
    Fault {
        name: "bad enum value",
        code: "S004",
        file: "dataset/parties/pty-rus.json",
        inject: |t| swap(t, "\"confirmed\"", "\"likely\"", 0),
    },
    Fault {
        name: "mismatched id",
        code: "X002",
        file: "dataset/parties/pty-doe-jane.json",
        inject: |t| swap(t, "\"pty-doe-jane\"", "\"pty-doe-john\"", 0),
    },
    Fault {
        name: "byte-order mark",
        code: "L002",
        file: "dataset/threat_categories/thr-ict-crime.json",
        inject: |t| ([b"\xEF\xBB\xBF".as_slice(), t.as_bytes()].concat(), 1),
    },
    Fault {
        name: "invalid UTF-8",
        code: "L001",
        file: "dataset/agreements/agr-example-2001-treaty.json",
        inject: |t| {
            let (text, line) = swap(t, "Moscow", "Mosc\u{0}w", 0);
            (text.into_iter().map(|b| if b == 0 { 0xFF } else { b }).collect(), line)
        },
    },
    Fault {
        name: "empty file",
        code: "L003",
        file: "dataset/threat_categories/thr-ict-crime-theft.json",
        inject: |_| (Vec::new(), 1),
    },
    Fault {
        name: "absurd nesting",
        code: "L006",
        file: "dataset/threat_categories/thr-data-piracy.json",
        inject: |t| {
            let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
            swap(t, "\"commit data piracy\"", &deep, 0)
        },
    },
    Fault {
        name: "huge number",
        code: "L007",
        file: "dataset/parties/pty-rus.json",
        inject: |t| swap(t, "\"Russian Federation\"", "1e999999", 0),
    },
    Fault {
        // The finding points at the object that lacks the field: the record's first line.
        name: "missing required field",
        code: "S002",
        file: "dataset/threat_categories/thr-data-piracy.json",
        inject: |t| (t.replacen("  \"certainty\": \"probable\",\n", "", 1).into_bytes(), 1),
    },
];

/// Runs `isca validate --format json` in `root`, failing the test on a hang or a panic.
fn validate(root: &Root) -> (i32, Vec<Value>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_isca"))
        .args(["validate", "--format", "json"])
        .current_dir(root.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run isca");
    // Drain the pipes while waiting, so a large report cannot block the child.
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut s = String::new();
        stdout.read_to_string(&mut s).map(|_| s)
    });
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        stderr.read_to_string(&mut s).map(|_| s)
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > DEADLINE {
            child.kill().unwrap();
            panic!("isca did not finish within {DEADLINE:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let (out, err) = (out.join().unwrap().unwrap(), err.join().unwrap().unwrap());
    assert!(!err.contains("panicked"), "isca panicked: {err}");
    let report: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("not a JSON report ({e}): {out}{err}"));
    (status.code().unwrap_or(-1), report["findings"].as_array().unwrap().clone())
}

fn check(name: &str, root: &Root, rule: &str, file: &str, line: u32) {
    let (code, findings) = validate(root);
    assert_eq!(code, 1, "{name}: exit code; findings: {findings:#?}");
    let here = findings.iter().any(|f| f["rule"] == rule && f["file"] == file && f["line"] == line);
    assert!(here, "{name}: no {rule} finding at {file}:{line}; findings: {findings:#?}");
}

#[test]
fn every_single_fault_is_found_at_its_line() {
    for fault in FAULTS {
        let root = Root::base();
        let (bytes, line) = (fault.inject)(&root.read(fault.file));
        root.write(fault.file, bytes);
        check(fault.name, &root, fault.code, fault.file, line);
    }
}

#[test]
fn a_fault_in_a_jsonl_file_is_reported_at_its_line_in_the_file() {
    let good = |id: &str| {
        format!(
            r#"{{"id": "{id}", "name": "Bulk", "domain": "technical", "kind": "listed-threat", "certainty": "probable", "sources": [{{"source": "src-example-article", "locator": "bulk"}}]}}"#
        )
    };
    let file = "dataset/threat_categories/bulk.jsonl";
    let third_lines = [
        ("bad enum value", "S004", good("thr-bulk-c").replace("\"technical\"", "\"cyber\"")),
        ("syntax error", "L004", good("thr-bulk-c").replace(", \"kind\"", " \"kind\"")),
        ("dangling reference", "X003", good("thr-bulk-c").replace("src-example-article", "src-missing")),
    ];
    for (name, rule, third) in third_lines {
        let root = Root::base();
        root.write(file, format!("{}\n{}\n{third}\n", good("thr-bulk-a"), good("thr-bulk-b")));
        check(name, &root, rule, file, 3);
    }
}
