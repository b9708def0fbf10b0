//! Loading: `dataset/<table>/*.json` and `*.jsonl` files → records, in parallel, strictly.
//!
//! A file that cannot become a record is reported and skipped; the run goes on. Only a missing
//! or unreadable `dataset/` folder is an error.

pub mod codes;
mod jsonl;
mod walk;

use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;
use serde_json::Value;

use crate::doc::{Doc, Field, Node};

use crate::catalog::Catalog;
use crate::diagnostic::{Finding, Related, RuleDoc, Severity};
use crate::error::Result;
use crate::fsio;
use crate::json::{self, FatalKind, IssueKind};

pub use walk::{FileKind, SourceFile, real_folder};

/// Largest record file read; anything bigger is not a hand-made record.
const MAX_FILE_BYTES: u64 = fsio::MAX_RECORD_BYTES;

/// Record files handed to a worker at a time: enough to amortise the hand-off, few enough to
/// keep both cores busy to the end.
const FILES_PER_TASK: usize = 64;

/// Every record that parsed, in file order.
#[derive(Debug, Default)]
pub struct Dataset {
    pub records: Vec<Record>,
    pub files: usize,
}

/// One record and where it came from.
#[derive(Debug)]
pub struct Record {
    /// Index of the table in the catalogue (`u32` with `line` fills one word: the record is
    /// 72 bytes, not 80, and there are millions).
    pub table: u32,
    /// Path relative to the root, with `/` separators.
    pub file: Arc<str>,
    /// Line where the record starts (1 for a `.json` file).
    pub line: u32,
    /// Byte offset where the record starts in its file.
    pub offset: u64,
    /// The record's value, compact: the parsed `Value` lives only as long as the schema check.
    pub value: Doc,
}

impl Record {
    pub fn get(&self, field: &str) -> Option<Node<'_>> {
        self.value.root().get(field)
    }

    pub fn str(&self, field: &str) -> Option<&str> {
        self.get(field).and_then(Node::as_str)
    }

    /// The member `field`, resolved once against the table's keys (`Keys::field`).
    pub fn field(&self, field: Field<'_>) -> Option<Node<'_>> {
        self.value.root().field(field)
    }
}

/// The records that loaded, plus findings for everything that did not.
#[derive(Debug)]
pub struct Loaded {
    pub dataset: Dataset,
    pub findings: Vec<Finding>,
    /// Every record file read, clean or not, in walk order (JUnit lists each as a test case).
    pub checked: Vec<Arc<str>>,
}

/// A check run on each record as soon as it is parsed, on the thread that parsed it, while
/// the record is still in cache (the schema check): it appends its findings. It gets the
/// record and its parsed `Value`, which is dropped right after.
pub type RecordCheck<'a> = dyn Fn(&Record, &Value, &mut Vec<Finding>) + Sync + 'a;

/// Loads every record under `root/dataset`.
pub fn load(root: &Path, catalog: &Catalog) -> Result<Loaded> {
    load_checked(root, catalog, &|_, _, _| {})
}

/// Loads every record under `root/dataset`, running `check` on each one as it is parsed.
pub fn load_checked(root: &Path, catalog: &Catalog, check: &RecordCheck<'_>) -> Result<Loaded> {
    let walked = walk::walk(root, catalog)?;
    let files = walked.files.len();
    let checked = walked.files.iter().map(|f| f.rel.clone()).collect();
    let parts: Vec<(Vec<Record>, Vec<Finding>)> = walked
        .files
        .par_chunks(FILES_PER_TASK)
        .map(|chunk| {
            let (mut records, mut findings) = (Vec::with_capacity(chunk.len()), Vec::new());
            // The chunk's files are mostly of one table folder: it is opened once, and every
            // file read into the same buffer.
            let mut held = Held { dir: None, folder: None, buf: Vec::new() };
            for file in chunk {
                match file.kind {
                    FileKind::Json => held.load(root, file, check, &mut records, &mut findings),
                    FileKind::Jsonl => jsonl::load(&root.join(&*file.rel), file, check, &mut records, &mut findings),
                }
            }
            (records, findings)
        })
        .collect();
    let mut findings = walked.findings;
    let total: usize = parts.iter().map(|p| p.0.len()).sum();
    let mut records: Vec<Record> = Vec::new();
    for (r, f) in parts {
        // The first part's vector is kept rather than copied: with JSON Lines it usually
        // holds every record, and copying it would briefly need twice its memory.
        if records.is_empty() {
            records = r;
            records.reserve(total - records.len());
        } else {
            records.extend(r);
        }
        findings.extend(f);
    }
    Ok(Loaded { dataset: Dataset { records, files }, findings, checked })
}

/// The table folder a chunk's record files are read from, held open, and the buffer they share.
struct Held<'w> {
    dir: Option<&'w str>,
    folder: Option<fsio::Folder>,
    buf: Vec<u8>,
}

impl<'w> Held<'w> {
    /// Loads one `.json` record file through the held folder (opening it when the file is in
    /// another one), or by its path if the folder cannot be opened.
    fn load(
        &mut self,
        root: &Path,
        file: &'w SourceFile,
        check: &RecordCheck<'_>,
        records: &mut Vec<Record>,
        out: &mut Vec<Finding>,
    ) {
        let (dir, name) = file.rel.rsplit_once('/').unwrap_or(("", &file.rel));
        if self.dir != Some(dir) {
            self.dir = Some(dir);
            self.folder = fsio::Folder::open(&root.join(dir)).ok();
        }
        match &self.folder {
            Some(folder) => match folder.read(name, MAX_FILE_BYTES, &mut self.buf) {
                Ok(()) => json_bytes(file, &self.buf, check, records, out),
                Err(e) => unreadable(file, &e, out),
            },
            None => load_json(&root.join(&*file.rel), file, check, records, out),
        }
    }
}

/// One record per file: opened once (a regular file, not through a link), read whole up to the cap.
fn load_json(
    path: &Path,
    file: &SourceFile,
    check: &RecordCheck<'_>,
    records: &mut Vec<Record>,
    out: &mut Vec<Finding>,
) {
    // Never through a link, never a FIFO, never more than the cap whatever the size claims.
    match fsio::read_regular(path, MAX_FILE_BYTES) {
        Ok(bytes) => json_bytes(file, &bytes, check, records, out),
        Err(e) => unreadable(file, &e, out),
    }
}

fn unreadable(file: &SourceFile, e: &std::io::Error, out: &mut Vec<Finding>) {
    let message = format!("cannot read the file: {e}");
    out.push(Finding::at(&codes::UNREADABLE, &file.rel, 1, 1, message));
}

/// Checks one record file from its bytes rather than from disk, exactly as the loader checks
/// it (BOM, UTF-8, strict parse, then `check`): `isca lsp` uses it for unsaved buffers, so the
/// editor and `isca validate` give the same findings.
pub fn check_bytes(
    file: &SourceFile,
    bytes: &[u8],
    check: &RecordCheck<'_>,
    records: &mut Vec<Record>,
    out: &mut Vec<Finding>,
) {
    match file.kind {
        FileKind::Json => json_bytes(file, bytes, check, records, out),
        FileKind::Jsonl => jsonl::load_reader(bytes, file, check, records, out),
    }
}

/// The body of a `.json` record file, once read.
fn json_bytes(
    file: &SourceFile,
    bytes: &[u8],
    check: &RecordCheck<'_>,
    records: &mut Vec<Record>,
    out: &mut Vec<Finding>,
) {
    let mut body: &[u8] = bytes;
    let mut skip = 0;
    if let Some(rest) = body.strip_prefix(b"\xEF\xBB\xBF") {
        out.push(
            Finding::at(&codes::BOM, &file.rel, 1, 1, "file starts with a UTF-8 byte-order mark")
                .with_help("save the file as UTF-8 without BOM, or run `isca fmt`"),
        );
        body = rest;
        skip = 3;
    }
    let text = match std::str::from_utf8(body) {
        Ok(t) => t,
        Err(e) => {
            let valid = e.valid_up_to();
            // The prefix up to `valid_up_to` is valid UTF-8 by definition.
            let prefix = std::str::from_utf8(&body[..valid]).unwrap_or_default();
            let (pos, _) = json::position(prefix, valid);
            out.push(Finding::at(
                &codes::INVALID_UTF8,
                &file.rel,
                pos.line,
                pos.column,
                format!("invalid UTF-8 at byte offset {}", valid + skip),
            ));
            return;
        }
    };
    if let Some(value) = parse_one(file, text, 1, out) {
        records.push(record(file, 1, skip as u64, &value, check, out));
    }
}

/// The record of a parsed value, checked while the `Value` is at hand, then kept compact.
pub(super) fn record(
    file: &SourceFile,
    line: u32,
    offset: u64,
    value: &Value,
    check: &RecordCheck<'_>,
    out: &mut Vec<Finding>,
) -> Record {
    let record = Record { table: file.table as u32, file: file.rel.clone(), line, offset, value: doc(file, value) };
    check(&record, value, out);
    record
}

fn doc(file: &SourceFile, value: &Value) -> Doc {
    match file.keys {
        Some(keys) => Doc::with_keys(value, keys),
        None => Doc::from_value(value),
    }
}

/// Non-blank lines of a JSONL text as (start, end, 1-based line number).
fn line_spans(text: &str) -> Vec<(usize, usize, u32)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, line) in text.split('\n').enumerate() {
        let end = start + line.len();
        if !line.trim().is_empty() {
            out.push((start, end, u32::try_from(i + 1).unwrap_or(u32::MAX)));
        }
        start = end + 1;
    }
    out
}

/// Parses one record's text; `base_line` is the file line the text starts on.
fn parse_one(file: &SourceFile, text: &str, base_line: u32, out: &mut Vec<Finding>) -> Option<Value> {
    let at = |doc: &RuleDoc, offset: usize, message: String| {
        let (pos, line) = json::position(text, offset);
        Finding::at(doc, &file.rel, base_line + pos.line - 1, pos.column, message).with_source(line)
    };
    match json::parse(text) {
        Ok(parsed) => {
            for issue in parsed.issues {
                let doc = match issue.kind {
                    IssueKind::DuplicateKey => &codes::DUPLICATE_KEY,
                    IssueKind::UnsafeNumber => &codes::UNSAFE_NUMBER,
                    IssueKind::TrailingContent => &codes::TRAILING,
                    IssueKind::InexactNumber => &codes::INEXACT_NUMBER,
                };
                let mut finding = at(doc, issue.offset, issue.message);
                if let Some(first) = issue.related {
                    let (p, _) = json::position(text, first);
                    let (line, column) = (base_line + p.line - 1, p.column);
                    finding = finding.with_help(format!(
                        "the first occurrence is at line {line}, column {column}; keep one of the two"
                    ));
                    let message = "the first occurrence".to_string();
                    let file = file.rel.to_string();
                    let pointer = String::new();
                    finding = finding.with_related(Related { file, line, column, pointer, message, anchor: None });
                }
                out.push(finding);
            }
            if parsed.dropped > 0 {
                out.push(crate::limit::summary(&file.rel, base_line, parsed.dropped, Severity::Error));
            }
            Some(parsed.value)
        }
        Err(fatal) => {
            let doc = match fatal.kind {
                FatalKind::Empty => &codes::EMPTY,
                FatalKind::Syntax => &codes::SYNTAX,
                FatalKind::TooDeep => &codes::TOO_DEEP,
            };
            out.push(at(doc, fatal.offset, fatal.message));
            None
        }
    }
}
