//! Resolves findings that point into a record (schema and cross-reference findings) to a line
//! and column, reading each involved file once.

use std::collections::BTreeMap;
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
    for (file, indices) in by_file {
        // The file parsed moments ago; if it has since become unreadable, fall back to the
        // record's first line rather than dropping the finding.
        let bytes = std::fs::read(root.join(&file)).unwrap_or_default();
        // Offsets count from after a byte-order mark, which has its own finding (L002).
        let bom = if bytes.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
        let text = String::from_utf8_lossy(&bytes[bom..]);
        for i in indices {
            let f = &mut findings[i];
            let Some(anchor) = f.anchor.take() else { continue };
            let start = usize::try_from(anchor.offset).unwrap_or(usize::MAX).saturating_sub(bom).min(text.len());
            let offset = json::locate(&text, start, &f.pointer)
                .map(|t| if anchor.key { t.key.unwrap_or(t.value) } else { t.value })
                .unwrap_or(start);
            if text.is_empty() {
                (f.line, f.column) = (anchor.line, 1);
                continue;
            }
            // Count lines from the record's start, whose line is known, not from the top of the
            // file: a JSON Lines file with many findings would otherwise cost quadratic time.
            let (pos, line) = json::position_from(&text, start, anchor.line, offset);
            (f.line, f.column) = (pos.line, pos.column);
            f.source_line = Some(line.to_string());
        }
    }
}
