//! Resolves findings that point into a record (schema and cross-reference findings) to a line
//! and column, reading again only the records that have findings.
//!
//! A record file is read whole; in a JSON Lines file only the lines of the records concerned
//! are read, found by their byte offset. So resolving findings costs the size of the faulty
//! records, not of the files holding them: a 1%-faulty million-line table is not read twice.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use crate::diagnostic::Finding;
use crate::json;

/// Fills `line`, `column` and `source_line` of every anchored finding.
pub fn resolve(root: &Path, findings: &mut [Finding]) {
    let mut by_file: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, f) in findings.iter().enumerate() {
        if f.anchor.is_some() {
            by_file.entry(f.file.clone()).or_default().push(i);
        }
    }
    for (file, mut indices) in by_file {
        let lines = file.ends_with(".jsonl");
        // In record order, so the file is read front to back and each record once.
        indices.sort_by_key(|&i| findings[i].anchor.as_ref().map_or(0, |a| a.offset));
        // The loader read this file moments ago; it is opened the same way (never a link).
        let mut reader = crate::fsio::open_regular(&root.join(&file)).ok().map(BufReader::new);
        let mut current: Option<(u64, String)> = None;
        for i in indices {
            let f = &mut findings[i];
            let Some(anchor) = f.anchor.take() else { continue };
            if current.as_ref().is_none_or(|(at, _)| *at != anchor.offset) {
                // The file parsed moments ago; if it has since become unreadable, the finding
                // falls back to the record's first line rather than being dropped.
                let text = reader.as_mut().and_then(|r| read_record(r, anchor.offset, lines)).unwrap_or_default();
                current = Some((anchor.offset, text));
            }
            let text = current.as_ref().map_or("", |(_, t)| t.as_str());
            if text.is_empty() {
                (f.line, f.column) = (anchor.line, 1);
                continue;
            }
            let offset = offset_in(text, &f.pointer, anchor.key);
            // The record starts at the start of its line, whose number the loader recorded.
            let (pos, line) = json::position_from(text, 0, anchor.line, offset);
            (f.line, f.column) = (pos.line, pos.column);
            f.set_source(line);
        }
    }
}

/// Where a finding's `pointer` lands in its record's `text`: the member's key when `key` is
/// set (unknown fields), else the value; the record's start when the pointer is not there.
pub(crate) fn offset_in(text: &str, pointer: &str, key: bool) -> usize {
    json::locate(text, 0, pointer).map(|t| if key { t.key.unwrap_or(t.value) } else { t.value }).unwrap_or(0)
}

/// The text of the record starting at byte `offset`: up to the end of its line in a JSON
/// Lines file, else to the end of the file.
fn read_record(reader: &mut BufReader<File>, offset: u64, line_only: bool) -> Option<String> {
    reader.seek(SeekFrom::Start(offset)).ok()?;
    let mut bytes = Vec::new();
    // No more than the loader would read, even if the file grew since.
    let mut capped = reader.take(crate::fsio::MAX_RECORD_BYTES);
    if line_only {
        capped.read_until(b'\n', &mut bytes).ok()?;
    } else {
        capped.read_to_end(&mut bytes).ok()?;
    }
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// Findings in a JSON Lines file with a BOM and CRLF line ends, and in a record file with
    /// a BOM, land on the offending value: right line, column, and source line.
    #[test]
    fn resolves_lines_and_columns_after_bom_and_crlf() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let schemas = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema");
        std::fs::create_dir_all(root.join("schema")).unwrap();
        for e in std::fs::read_dir(&schemas).unwrap() {
            let e = e.unwrap();
            std::fs::copy(e.path(), root.join("schema").join(e.file_name())).unwrap();
        }
        let event = |id: &str, kind: &str| {
            format!(
                r#"{{"id": "{id}", "title": "T", "kind": "{kind}", "certainty": "confirmed", "sources": [{{"source": "src-a", "locator": "p. 1"}}]}}"#
            )
        };
        let source = r#"{"id": "src-a", "title": "S", "kind": "web-page", "certainty": "confirmed"}"#;
        std::fs::create_dir_all(root.join("dataset/events")).unwrap();
        std::fs::create_dir_all(root.join("dataset/sources")).unwrap();
        std::fs::write(root.join("dataset/sources/src-a.json"), source).unwrap();
        let lines = format!(
            "\u{feff}{}\r\n{}\r\n\r\n{}\r\n",
            event("evt-a", "meeting"),
            event("evt-b", "coup"),
            event("evt-c", "putsch")
        );
        std::fs::write(root.join("dataset/events/more.jsonl"), lines).unwrap();
        std::fs::write(root.join("dataset/events/evt-d.json"), format!("\u{feff}{}\n", event("evt-d", "riot")))
            .unwrap();
        let v = crate::validate(root).unwrap();
        let enum_findings: Vec<_> = v.findings.iter().filter(|f| f.rule == "S004").collect();
        let got: Vec<(&str, u32)> = enum_findings.iter().map(|f| (f.file.as_str(), f.line)).collect();
        assert_eq!(
            got,
            [("dataset/events/evt-d.json", 1), ("dataset/events/more.jsonl", 2), ("dataset/events/more.jsonl", 4)]
        );
        for (f, kind) in enum_findings.iter().zip(["riot", "coup", "putsch"]) {
            let line = f.source_line.as_deref().unwrap();
            let at: String = line.chars().skip(f.source_column as usize - 1).take(kind.len() + 2).collect();
            assert_eq!(at, format!("\"{kind}\""), "{f:?}");
            assert!(!line.ends_with('\r'));
        }
    }
}
