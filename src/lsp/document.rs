//! Text as the editor sees it: positions in UTF-16 code units (the protocol's default),
//! `file://` URIs, and the incremental edits a client sends on every keystroke.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use lsp_types::{Position, Range, TextDocumentContentChangeEvent, Uri};

/// An open document: the unsaved text the editor holds, which is what gets checked.
#[derive(Debug, Clone)]
pub struct Doc {
    pub text: String,
    pub version: i32,
}

/// The position of byte `offset` of `text`, whose first line is line `base_line` (0-based).
/// Costs the length of `text` up to `offset`; callers pass one record, not a whole file.
pub fn position(text: &str, base_line: u32, offset: usize) -> Position {
    let offset = floor_char(text, offset.min(text.len()));
    let before = &text[..offset];
    let newlines = before.bytes().filter(|&b| b == b'\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let character = before[line_start..].encode_utf16().count();
    Position { line: base_line.saturating_add(to_u32(newlines)), character: to_u32(character) }
}

/// The range of bytes `start..end` of `text`, whose first line is `base_line`.
pub fn range(text: &str, base_line: u32, start: usize, end: usize) -> Range {
    Range { start: position(text, base_line, start), end: position(text, base_line, end.max(start)) }
}

/// The byte offset of `pos` in `text`; a position past the end of a line or of the text
/// clamps to it, as the protocol asks.
pub fn offset(text: &str, pos: Position) -> usize {
    let mut start = 0;
    for _ in 0..pos.line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let mut units = 0u32;
    for (i, c) in text[start..line_end].char_indices() {
        if units >= pos.character {
            return start + i;
        }
        units += c.len_utf16() as u32;
    }
    line_end
}

/// The range covering all of `text`.
pub fn full_range(text: &str) -> Range {
    Range { start: Position::default(), end: position(text, 0, text.len()) }
}

/// Applies one change from `textDocument/didChange`: a whole new text, or a range replaced.
pub fn apply(text: &mut String, change: &TextDocumentContentChangeEvent) {
    match change.range {
        None => text.clone_from(&change.text),
        Some(r) => {
            let start = offset(text, r.start);
            let end = offset(text, r.end).max(start);
            text.replace_range(start..end, &change.text);
        }
    }
}

/// The 1-based `column` (in characters, as findings count) of `line` as UTF-16 units.
pub fn utf16_column(line: &str, column: u32) -> u32 {
    let chars = column.saturating_sub(1) as usize;
    to_u32(line.chars().take(chars).map(char::len_utf16).sum::<usize>())
}

/// The local path of a `file://` URI, percent-decoded; `None` for any other scheme.
pub fn path_of(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    let path = &rest[rest.find('/')?..];
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1).copied().and_then(hex), bytes.get(i + 2).copied().and_then(hex)) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    Some(PathBuf::from(String::from_utf8(out).ok()?))
}

/// The `file://` URI of an absolute path, with every byte outside the unreserved set and `/`
/// percent-encoded (so spaces and non-ASCII names round-trip).
pub fn uri_of(path: &Path) -> Uri {
    let mut s = String::from("file://");
    for &b in path.to_string_lossy().as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            s.push(b as char);
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    // Every byte is now unreserved, `/` or an escape: a valid URI by construction.
    Uri::from_str(&s).expect("an encoded path is a valid URI")
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units_and_round_trip() {
        let text = "{\n  \"name\": \"Tehran–Moscow 𝄞\",\n  \"x\": 1\n}";
        let at = text.find("\"x\"").unwrap();
        assert_eq!(position(text, 0, at), Position { line: 2, character: 2 });
        let after_clef = text.find('𝄞').unwrap() + '𝄞'.len_utf8();
        let p = position(text, 0, after_clef);
        assert_eq!(p, Position { line: 1, character: 27 }); // the clef is two UTF-16 units
        assert_eq!(offset(text, p), after_clef);
        assert_eq!(offset(text, Position { line: 9, character: 0 }), text.len());
        assert_eq!(offset(text, Position { line: 0, character: 99 }), 1);
    }

    #[test]
    fn incremental_edits_replace_their_range() {
        let mut text = "{\"id\": \"pty-irn\"}".to_string();
        let range = Range { start: Position { line: 0, character: 12 }, end: Position { line: 0, character: 15 } };
        apply(
            &mut text,
            &TextDocumentContentChangeEvent { range: Some(range), range_length: None, text: "rus".into() },
        );
        assert_eq!(text, "{\"id\": \"pty-rus\"}");
    }

    #[test]
    fn uris_and_paths_round_trip() {
        let path = Path::new("/tmp/a b/é.json");
        let uri = uri_of(path);
        assert_eq!(uri.as_str(), "file:///tmp/a%20b/%C3%A9.json");
        assert_eq!(path_of(&uri).unwrap(), path);
        assert_eq!(path_of(&Uri::from_str("file://localhost/x/y.json").unwrap()).unwrap(), Path::new("/x/y.json"));
        assert_eq!(path_of(&Uri::from_str("untitled:Untitled-1").unwrap()), None);
    }
}
