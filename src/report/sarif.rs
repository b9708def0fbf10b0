//! The `sarif` report: SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`)
//! and other SARIF viewers, with the whole rule catalogue (each rule linking to its page in
//! `docs/rules/`) and a physical location per result, the region spanning the offending token.
//! Code scanning shows only the first 5,000 results of a run, so by default no more are
//! written (`cap::SARIF`); an execution notification says how many were left out.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{self, Write};

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::{Report, caret};
use crate::diagnostic::{Finding, RuleDoc, Severity};
use crate::rules;

/// The project's repository (Cargo.toml `repository`): the tool's `informationUri`.
pub const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

/// Where a rule's documentation lives: `docs/rules/CODE.md`, generated from the rule docs by
/// `isca rules --markdown docs/rules` and checked to be current by the tests.
pub fn help_uri(code: &str) -> String {
    format!("{REPOSITORY}/blob/main/docs/rules/{code}.md")
}

pub fn write(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let docs = rules::docs();
    let rule_index: HashMap<&str, usize> = docs.iter().enumerate().map(|(i, d)| (d.code, i)).collect();
    let mut occurrences: HashMap<String, usize> = HashMap::new();
    let results = report
        .findings
        .iter()
        .map(|f| {
            let key = fingerprint_key(f);
            let n = occurrences.entry(key.clone()).or_insert(0);
            *n += 1;
            result(f, rule_index.get(f.rule).copied(), format!("{}:{n}", hash(&key)))
        })
        .collect();
    let version = env!("CARGO_PKG_VERSION");
    let log = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "isca",
                    version,
                    semantic_version: version,
                    information_uri: REPOSITORY,
                    rules: docs.iter().map(|d| rule(d)).collect(),
                },
            },
            invocations: [Invocation {
                execution_successful: true,
                tool_execution_notifications: report
                    .omitted_note()
                    .map(|note| vec![Notification { level: "note", message: Text { text: note.into() } }])
                    .unwrap_or_default(),
            }],
            // Our columns count characters, as editors do (see `json::position`).
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

// The subset of the SARIF 2.1.0 object model we write, in the spec's order.

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    invocations: [Invocation<'a>; 1],
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    information_uri: &'static str,
    rules: Vec<Descriptor<'a>>,
}

/// The run itself: it succeeded (findings are results, not failures), and what it left out.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation<'a> {
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification<'a>>,
}

#[derive(Serialize)]
struct Notification<'a> {
    level: &'static str,
    message: Text<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor<'a> {
    id: &'a str,
    name: &'a str,
    short_description: Text<'a>,
    full_description: Text<'a>,
    help_uri: String,
    help: Help<'a>,
    default_configuration: Configuration,
    properties: Properties,
}

#[derive(Serialize)]
struct Text<'a> {
    text: Cow<'a, str>,
}

#[derive(Serialize)]
struct Help<'a> {
    text: &'a str,
    markdown: &'a str,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Properties {
    tags: [&'static str; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Text<'a>,
    locations: [Location; 1],
    partial_fingerprints: Fingerprints,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    uri_base_id: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    start_column: u32,
    end_line: u32,
    /// The column after the region's last character (SARIF §3.30.8).
    end_column: u32,
}

#[derive(Serialize)]
struct Fingerprints {
    #[serde(rename = "findingKey/v1")]
    finding_key: String,
}

fn rule(doc: &RuleDoc) -> Descriptor<'_> {
    Descriptor {
        id: doc.code,
        name: doc.name,
        short_description: Text { text: doc.summary.into() },
        full_description: Text { text: what_it_does(doc.explanation).into() },
        help_uri: help_uri(doc.code),
        help: Help { text: doc.explanation, markdown: doc.explanation },
        default_configuration: Configuration { level: level(doc.severity) },
        properties: Properties { tags: [family(doc.code)] },
    }
}

fn result(f: &Finding, rule_index: Option<usize>, fingerprint: String) -> SarifResult<'_> {
    let text = match &f.help {
        Some(help) => format!("{}\nhelp: {help}", f.message).into(),
        None => f.message.as_str().into(),
    };
    SarifResult {
        rule_id: f.rule,
        rule_index,
        level: level(f.severity),
        message: Text { text },
        locations: [Location {
            physical_location: PhysicalLocation {
                artifact_location: ArtifactLocation { uri: uri(&f.file), uri_base_id: "%SRCROOT%" },
                region: region(f),
            },
        }],
        partial_fingerprints: Fingerprints { finding_key: fingerprint },
    }
}

/// The offending token's span on its line; without a source line (an empty or unreadable
/// file), a point.
fn region(f: &Finding) -> Region {
    let (line, column) = (f.line.max(1), f.column.max(1));
    let width = f.source_line.as_deref().map_or(0, |l| caret::token_chars(l, column));
    Region { start_line: line, start_column: column, end_line: line, end_column: column + width as u32 }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn family(code: &str) -> &'static str {
    match code.as_bytes().first() {
        Some(b'L') => "load",
        Some(b'S') => "schema",
        Some(b'X') => "cross-reference",
        _ => "hygiene",
    }
}

/// The "What it does" section of an explanation, as one paragraph of plain text.
fn what_it_does(explanation: &str) -> &str {
    let body = explanation.strip_prefix("## What it does\n").unwrap_or(explanation);
    body.split("\n\n## ").next().unwrap_or(body).trim()
}

/// What identifies a finding across runs: rule, file and the pointer inside the record, not
/// the line, so that editing another part of the file does not make it a new alert. Load
/// findings have no pointer and fall back to their position.
fn fingerprint_key(f: &Finding) -> String {
    let place = if f.pointer.is_empty() { format!("{}:{}", f.line, f.column) } else { f.pointer.clone() };
    format!("{}\u{0}{}\u{0}{place}", f.rule, f.file)
}

fn hash(key: &str) -> String {
    crate::catalog::hex(&Sha256::digest(key.as_bytes())[..16])
}

/// A relative path as a URI reference: `/` stays, anything outside RFC 3986's unreserved
/// characters is percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_paths_and_extracts_descriptions() {
        assert_eq!(uri("dataset/events/evt a+b.json"), "dataset/events/evt%20a%2Bb.json");
        assert_eq!(what_it_does("## What it does\nChecks x.\n\n## Why is this bad?\nY."), "Checks x.");
    }
}
