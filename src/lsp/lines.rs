//! Re-checking only the changed lines of a JSON Lines file. An edit to one record of a
//! 100k-line table would otherwise re-parse and re-check the whole table: the lines before
//! and after the change are found unchanged by their hashes, only the lines between are
//! checked again (with the loader's own `load::check_bytes`), and what follows them is moved
//! by the lines and bytes the edit added or removed.
//!
//! Anything that is about the file as a whole, or whose text names a line (a byte-order mark,
//! invalid UTF-8, a line over the limit, a repeated key's "first occurrence is at line N"),
//! makes the caller check the whole file instead: the fast path never guesses.

use std::hash::BuildHasher;

use foldhash::fast::FixedState;

use crate::diagnostic::Finding;
use crate::load::Record;

/// What is kept of a JSON Lines file between edits: a hash of each line, and its length.
#[derive(Debug, Default)]
pub struct Lines {
    hashes: Vec<u64>,
    len: usize,
}

/// The lines of `bytes`: their hashes, and where each starts.
pub fn read(bytes: &[u8]) -> (Lines, Vec<usize>) {
    let state = FixedState::default();
    let (mut hashes, mut starts) = (Vec::new(), Vec::new());
    let mut at = 0;
    for line in bytes.split(|&b| b == b'\n') {
        hashes.push(state.hash_one(line));
        starts.push(at);
        at += line.len() + 1;
    }
    (Lines { hashes, len: bytes.len() }, starts)
}

/// The changed lines of an edit, as 0-based line indices and the new bytes they span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// Lines before the change (the same in both texts): records up to this line number stay.
    pub kept: u32,
    /// The line number after which the old file's unchanged tail begins.
    pub old_end: u32,
    /// The new bytes to check again: whole lines.
    pub start: usize,
    pub end: usize,
    /// What the tail moves by.
    pub lines: i64,
    pub bytes: i64,
}

/// The window of the edit from `old` to `new` (whose lines start at `starts`); `None` when
/// the first line changed (where a byte-order mark lives) or the change is not confined.
pub fn window(old: &Lines, new: &Lines, starts: &[usize]) -> Option<Window> {
    let (o, n) = (&old.hashes, &new.hashes);
    let max = o.len().min(n.len());
    let p = (0..max).take_while(|&i| o[i] == n[i]).count();
    let s = (0..max - p).take_while(|&i| o[o.len() - 1 - i] == n[n.len() - 1 - i]).count();
    if p == 0 {
        return None;
    }
    let new_end = n.len() - s;
    let end = if new_end < n.len() { starts[new_end] } else { new.len };
    Some(Window {
        kept: u32::try_from(p).ok()?,
        old_end: u32::try_from(o.len() - s).ok()?,
        // Past the last line when the new text is the old one with lines cut from its end.
        start: starts.get(p).copied().unwrap_or(new.len),
        end,
        lines: i64::try_from(n.len()).ok()? - i64::try_from(o.len()).ok()?,
        bytes: i64::try_from(new.len).ok()? - i64::try_from(old.len).ok()?,
    })
}

/// The line a finding is about: its record's line when it is anchored to one.
pub fn line_of(f: &Finding) -> u32 {
    f.anchor.as_ref().map_or(f.line, |a| a.line)
}

/// Whether the text of a finding names a line, so that moving it would leave its message
/// wrong (a line over the limit, a repeated key's first occurrence).
pub fn names_a_line(f: &Finding) -> bool {
    use crate::load::codes::{DUPLICATE_KEY, LINE_TOO_LONG};
    f.rule == DUPLICATE_KEY.code || f.rule == LINE_TOO_LONG.code
}

/// Moves a record by `lines` and `bytes`.
pub fn move_record(r: &mut Record, lines: i64, bytes: i64) {
    r.line = add(r.line, lines);
    r.offset = add64(r.offset, bytes);
}

/// Moves a finding of file `rel` by `lines` and `bytes`: its line, its anchor, and its second
/// place when that is in the same file.
pub fn move_finding(f: &mut Finding, rel: &str, lines: i64, bytes: i64) {
    if f.line > 0 {
        f.line = add(f.line, lines);
    }
    if let Some(a) = &mut f.anchor {
        a.line = add(a.line, lines);
        a.offset = add64(a.offset, bytes);
    }
    if let Some(r) = f.related.as_deref_mut().filter(|r| r.file == rel) {
        if r.line > 0 {
            r.line = add(r.line, lines);
        }
        if let Some(a) = &mut r.anchor {
            a.line = add(a.line, lines);
            a.offset = add64(a.offset, bytes);
        }
    }
}

/// Puts `fresh`, the records of the window's lines, in place of the old ones among `file`'s
/// records (sorted by line) of `records`, and moves those after it; returns the file's new
/// record count.
pub fn splice_records(
    records: &mut Vec<Record>,
    file: std::ops::Range<usize>,
    w: &Window,
    fresh: Vec<Record>,
) -> usize {
    let (start, len) = (file.start, file.len());
    let mine = &mut records[file];
    let from = mine.partition_point(|r| r.line <= w.kept);
    let to = mine.partition_point(|r| r.line <= w.old_end);
    mine[to..].iter_mut().for_each(|r| move_record(r, w.lines, w.bytes));
    let added = fresh.len();
    records.splice(start + from..start + to, fresh);
    len - (to - from) + added
}

/// The same for a file's findings: those about the window's lines give way to `fresh`, those
/// after it move.
pub fn splice_findings(kept: &mut Vec<Finding>, fresh: Vec<Finding>, w: &Window, rel: &str) {
    kept.retain(|f| line_of(f) <= w.kept || line_of(f) > w.old_end);
    for f in kept.iter_mut().filter(|f| line_of(f) > w.old_end) {
        move_finding(f, rel, w.lines, w.bytes);
    }
    kept.extend(fresh);
}

fn add(v: u32, by: i64) -> u32 {
    u32::try_from(i64::from(v) + by).unwrap_or(0)
}

fn add64(v: u64, by: i64) -> u64 {
    u64::try_from(i64::try_from(v).unwrap_or(i64::MAX).saturating_add(by)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn win(old: &str, new: &str) -> Option<Window> {
        let (o, _) = read(old.as_bytes());
        let (n, starts) = read(new.as_bytes());
        window(&o, &n, &starts)
    }

    #[test]
    fn the_window_spans_exactly_the_changed_lines() {
        // One line changed in the middle: line 2 (0-based 1), bytes 2..5 of the new text.
        let w = win("a\nbb\nc\n", "a\nXYZ\nc\n").unwrap();
        assert_eq!((w.kept, w.old_end, w.start, w.end, w.lines, w.bytes), (1, 2, 2, 6, 0, 1));
        // A line inserted, and one deleted.
        let w = win("a\nc\n", "a\nb\nc\n").unwrap();
        assert_eq!((w.kept, w.old_end, w.start, w.end, w.lines), (1, 1, 2, 4, 1));
        let w = win("a\nb\nc\n", "a\nc\n").unwrap();
        assert_eq!((w.kept, w.old_end, w.start, w.end, w.lines), (1, 2, 2, 2, -1));
        // A change at the end of a file without a final newline.
        let w = win("a\nb", "a\nbc").unwrap();
        assert_eq!((w.start, w.end), (2, 4));
        // Lines cut from the end, and no change at all: empty windows.
        let w = win("a\nb", "a").unwrap();
        assert_eq!((w.start, w.end, w.lines, w.bytes), (1, 1, -1, -2));
        let w = win("a\nb\n", "a\nb\n").unwrap();
        assert_eq!((w.start, w.end, w.lines, w.bytes), (4, 4, 0, 0));
        // The first line changed: no window.
        assert_eq!(win("a\nb\n", "A\nb\n"), None);
    }
}
