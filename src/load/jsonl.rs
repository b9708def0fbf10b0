//! JSON Lines files, streamed: read a chunk that ends at a line break, parse its lines in
//! parallel, drop the chunk, read on. Memory holds one chunk of text plus the records, never
//! the whole file, so a million-line table costs its records and not their text twice.

use std::io::Read;
use std::path::Path;

use rayon::prelude::*;

use super::{Record, RecordCheck, SourceFile, codes, parse_one};
use crate::diagnostic::Finding;
use crate::json;

/// Text read per step. Big enough that parallel parsing has thousands of lines to share,
/// small next to any table worth streaming.
const CHUNK: usize = 8 << 20;

/// Loads every line of a `.jsonl` file, appending records and findings. Invalid UTF-8
/// anywhere rejects the whole file, as for a `.json` file: its records and parse findings
/// are dropped and one finding says where the bad byte is.
pub fn load(
    path: &Path,
    file: &SourceFile,
    check: &RecordCheck<'_>,
    records: &mut Vec<Record>,
    out: &mut Vec<Finding>,
) {
    // A regular file, not through a link: a FIFO would block and `/dev/zero` never end.
    match crate::fsio::open_regular(path) {
        Ok(f) => load_in_chunks(f, file, check, records, out, Limits { chunk: CHUNK, line: MAX_LINE }),
        Err(e) => out.push(Finding::at(&codes::UNREADABLE, &file.rel, 1, 1, e.to_string())),
    }
}

/// The same as `load`, reading from any source (an editor's unsaved buffer).
pub fn load_reader(
    reader: impl Read,
    file: &SourceFile,
    check: &RecordCheck<'_>,
    records: &mut Vec<Record>,
    out: &mut Vec<Finding>,
) {
    load_in_chunks(reader, file, check, records, out, Limits { chunk: CHUNK, line: MAX_LINE });
}

/// Longest line parsed: the limit for one record in a `.json` file, so a record may move
/// between the two layouts. A longer line is reported and skipped without being held.
const MAX_LINE: usize = crate::fsio::MAX_RECORD_BYTES as usize;

/// Sizes the loader works with; tests make them tiny.
#[derive(Debug, Clone, Copy)]
struct Limits {
    chunk: usize,
    line: usize,
}

fn load_in_chunks(
    mut reader: impl Read,
    file: &SourceFile,
    check: &RecordCheck<'_>,
    records: &mut Vec<Record>,
    out: &mut Vec<Finding>,
    limits: Limits,
) {
    let chunk = limits.chunk;
    let mut head = Vec::new(); // findings about the file as a whole (BOM)
    let mut found = Vec::new();
    let first = records.len();
    let mut buf: Vec<u8> = Vec::with_capacity(chunk + (chunk >> 3));
    let mut base: u64 = 0; // file offset of buf[0]
    let mut lines_before: u32 = 0;
    let mut eof = false;
    let mut at_start = true;
    // Bytes at the front of `buf` known to hold no line break, so each byte is searched once.
    let mut searched = 0;
    // Inside a line over the limit: its bytes are dropped until its line break.
    let mut skipping = false;
    while !eof || !buf.is_empty() {
        if !eof {
            match fill(&mut reader, &mut buf, chunk) {
                Ok(n) => eof = n == 0,
                Err(e) => {
                    records.truncate(first);
                    return out.push(Finding::at(&codes::UNREADABLE, &file.rel, 1, 1, e.to_string()));
                }
            }
        }
        if at_start && (buf.len() >= 3 || eof) {
            at_start = false;
            if buf.starts_with(b"\xEF\xBB\xBF") {
                head.push(
                    Finding::at(&codes::BOM, &file.rel, 1, 1, "file starts with a UTF-8 byte-order mark")
                        .with_help("save the file as UTF-8 without BOM, or run `isca fmt`"),
                );
                buf.drain(..3);
                (base, searched) = (3, 0);
            }
        }
        if skipping {
            let Some(i) = buf.iter().position(|&b| b == b'\n') else {
                base += buf.len() as u64;
                buf.clear();
                continue;
            };
            (skipping, searched) = (false, 0);
            lines_before = lines_before.saturating_add(1);
            base += i as u64 + 1;
            buf.drain(..=i);
            continue;
        }
        // Parse up to the last line break; a line longer than the buffer keeps it growing, up
        // to the line limit.
        let end = match buf[searched..].iter().rposition(|&b| b == b'\n') {
            Some(i) => searched + i + 1,
            None if eof && buf.len() <= limits.line => buf.len(),
            None if buf.len() > limits.line => {
                found.push(too_long(file, lines_before + 1, limits.line));
                (skipping, searched) = (true, 0);
                base += buf.len() as u64;
                buf.clear();
                continue;
            }
            None => {
                searched = buf.len();
                continue;
            }
        };
        searched = 0;
        let text = match std::str::from_utf8(&buf[..end]) {
            Ok(t) => t,
            Err(e) => {
                let valid = e.valid_up_to();
                let prefix = std::str::from_utf8(&buf[..valid]).unwrap_or_default();
                let (pos, _) = json::position(prefix, valid);
                records.truncate(first);
                out.extend(head);
                out.push(Finding::at(
                    &codes::INVALID_UTF8,
                    &file.rel,
                    lines_before + pos.line,
                    pos.column,
                    format!("invalid UTF-8 at byte offset {}", base + valid as u64),
                ));
                return;
            }
        };
        let spans = super::line_spans(text);
        let parsed: Vec<(Option<Record>, Vec<Finding>)> = spans
            .par_iter()
            .map(|&(start, stop, line)| {
                let mut f = Vec::new();
                let line = lines_before + line;
                if stop - start > limits.line {
                    return (None, vec![too_long(file, line, limits.line)]);
                }
                let record = parse_one(file, &text[start..stop], line, &mut f)
                    .map(|value| super::record(file, line, base + start as u64, &value, check, &mut f));
                (record, f)
            })
            .collect();
        for (r, f) in parsed {
            records.extend(r);
            found.extend(f);
        }
        lines_before += u32::try_from(text.bytes().filter(|&b| b == b'\n').count()).unwrap_or(u32::MAX);
        base += end as u64;
        buf.drain(..end);
    }
    out.extend(head);
    out.extend(found);
}

fn too_long(file: &SourceFile, line: u32, limit: usize) -> Finding {
    let why = format!("line {line} is longer than the {limit}-byte limit for one record; it is skipped");
    Finding::at(&codes::LINE_TOO_LONG, &file.rel, line, 1, why)
}

/// Reads until `buf` holds a chunk or the file ends; returns the bytes read.
fn fill(reader: &mut impl Read, buf: &mut Vec<u8>, chunk: usize) -> std::io::Result<usize> {
    let want = chunk.saturating_sub(buf.len()).max(chunk >> 3).max(1);
    let n = reader.by_ref().take(want as u64).read_to_end(buf)?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::FileKind;

    /// (line, offset, value) of each record; (rule, line, column, message) of each finding.
    type Outcome = (Vec<(u32, u64, String)>, Vec<(String, u32, u32, String)>);

    fn run(bytes: &[u8], chunk: usize) -> Outcome {
        run_limited(bytes, Limits { chunk, line: 1 << 20 })
    }

    fn run_limited(bytes: &[u8], limits: Limits) -> Outcome {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.jsonl");
        std::fs::write(&path, bytes).unwrap();
        let file = SourceFile { table: 0, rel: "dataset/t/t.jsonl".into(), kind: FileKind::Jsonl, keys: None };
        let (mut records, mut out) = (Vec::new(), Vec::new());
        load_in_chunks(std::fs::File::open(&path).unwrap(), &file, &|_, _, _| {}, &mut records, &mut out, limits);
        let records = records.into_iter().map(|r| (r.line, r.offset, r.value.root().to_string())).collect();
        let mut found: Vec<_> = out.into_iter().map(|f| (f.rule.to_string(), f.line, f.column, f.message)).collect();
        found.sort();
        (records, found)
    }

    /// Chunk boundaries anywhere give what one whole-file chunk gives: the same records, lines,
    /// offsets and findings, including for a BOM, CRLF, blank lines, a syntax error, a line
    /// longer than the chunk and a last line without a newline.
    #[test]
    fn chunking_never_changes_the_result() {
        let text = "\u{feff}{\"id\": \"a\"}\r\n\n{\"id\": \"é\", \"n\": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}\n{oops}\n  \n{\"id\": \"c\"}";
        let whole = run(text.as_bytes(), 1 << 20);
        assert_eq!(whole.0.len(), 3, "{whole:?}");
        assert_eq!(whole.0[1].0, 3);
        assert_eq!(whole.1.iter().map(|f| f.0.as_str()).collect::<Vec<_>>(), ["L002", "L004"]);
        for chunk in 1..40 {
            assert_eq!(run(text.as_bytes(), chunk), whole, "chunk {chunk}");
        }
    }

    #[test]
    fn invalid_utf8_in_a_later_chunk_rejects_the_whole_file() {
        let mut bytes = b"{\"id\": \"a\"}\n{\"id\": \"b\"}\n{\"id\": \"".to_vec();
        bytes.extend_from_slice(b"\xff\"}\n");
        for chunk in [4, 16, 1 << 20] {
            let (records, found) = run(&bytes, chunk);
            assert!(records.is_empty(), "chunk {chunk}: {records:?}");
            assert_eq!(found, vec![("L001".into(), 3, 9, "invalid UTF-8 at byte offset 32".into())], "chunk {chunk}");
        }
    }

    /// A line over the limit is reported at its own line number and skipped; the lines around
    /// it load, with the right numbers and offsets, wherever the chunk boundaries fall.
    #[test]
    fn an_over_long_line_is_skipped_and_reported() {
        let long = format!("{{\"id\": \"{}\"}}", "x".repeat(40));
        let text = format!("{{\"id\": \"a\"}}\n{long}\n{{\"id\": \"b\"}}\n{long}");
        for chunk in 1..60 {
            let (records, found) = run_limited(text.as_bytes(), Limits { chunk, line: 20 });
            let lines: Vec<(u32, u64)> = records.iter().map(|r| (r.0, r.1)).collect();
            assert_eq!(lines, [(1, 0), (3, 63)], "chunk {chunk}");
            let rules: Vec<(&str, u32)> = found.iter().map(|f| (f.0.as_str(), f.1)).collect();
            assert_eq!(rules, [("L017", 2), ("L017", 4)], "chunk {chunk}");
        }
    }
}
