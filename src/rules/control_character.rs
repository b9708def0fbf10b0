//! X013: no text value holds a control character other than tab and line feed.

use crate::doc::{Kind, Node};

use super::{Rule, Scope, finding_at, token};
use crate::diagnostic::{Finding, RuleDoc, Severity};
use crate::index::Index;
use crate::load::Record;

pub struct ControlCharacter;

static DOC: RuleDoc = RuleDoc {
    code: "X013",
    name: "control-character",
    severity: Severity::Error,
    summary: "A text value holds a control character (NUL, ESC, DEL, C1…) other than tab and line breaks.",
    explanation: "## What it does\nChecks every string value of every record, whatever its field, and reports one that holds a control character: U+0000–U+001F except tab, line feed and the carriage return of a CRLF line break, U+007F (DEL) and U+0080–U+009F (C1). JSON lets a record hold them through escapes such as `\\u0000`.\n\n## Why is this bad?\nThey are invisible in an editor and do harm downstream: a NUL ends the string for C readers and makes PostgreSQL's `COPY` fail, ESC sequences retitle or clear the terminal of whoever prints the data, a carriage return on its own breaks CSV readers that split lines on it. They are never part of a name, a title or a note.\n\n## Example\n```json\n\"title\": \"Talks\\u0000 in Moscow\"\n```\nRemove the escape: `\"Talks in Moscow\"`.",
};

impl Rule for ControlCharacter {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn scope(&self) -> Scope {
        Scope::Record
    }

    fn check(&self, index: &Index<'_>, out: &mut Vec<Finding>) {
        for record in &index.dataset.records {
            // Nearly every record holds no control character at all: one pass over its text
            // spares the walk, which builds a pointer token for every member (7% of `validate`).
            if !may_hold_forbidden(record.value.all_text()) {
                continue;
            }
            let mut path = Vec::new();
            walk(record, record.value.root(), &mut path, out);
        }
    }
}

/// Whether `c` is a control character a text value must not hold (a carriage return is
/// allowed only as part of a CRLF line break, see `first_forbidden`).
pub fn is_forbidden(c: char) -> bool {
    c.is_control() && c != '\t' && c != '\n'
}

/// Whether `s` may hold a forbidden character: true for every string `first_forbidden` finds
/// one in, and for some more (any carriage return, any character from U+0080 to U+00BF).
fn may_hold_forbidden(s: &str) -> bool {
    // C1 controls are U+0080-U+009F, encoded C2 80-C2 9F in UTF-8: a C2 byte is enough to look.
    // Each chunk is folded without stopping early, which the compiler turns into vector code;
    // `any` over bytes stays one byte at a time (3% of `validate` against under 1%).
    let look = |b: u8| (b < 0x20 && b != b'\t' && b != b'\n') | (b == 0x7f) | (b == 0xc2);
    s.as_bytes().chunks(64).any(|chunk| chunk.iter().fold(false, |seen, &b| seen | look(b)))
}

/// The first forbidden character of `s` and its 0-based character index. Text pasted from
/// Windows keeps its CRLF line breaks, which CSV quoting carries safely; a lone CR does not.
fn first_forbidden(s: &str) -> Option<(usize, char)> {
    let mut chars = s.chars().enumerate().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\r' && chars.peek().is_some_and(|(_, n)| *n == '\n') {
            continue;
        }
        if is_forbidden(c) {
            return Some((i, c));
        }
    }
    None
}

/// Visits every string under `value`; `path` holds the pointer tokens down to it, built into
/// a pointer only for a finding. Depth is bounded by the parser's nesting limit.
fn walk(record: &Record, value: Node<'_>, path: &mut Vec<String>, out: &mut Vec<Finding>) {
    match value.kind() {
        Kind::String(s) => {
            let Some((at, c)) = first_forbidden(s) else { return };
            let pointer: String = path.iter().map(|t| format!("/{}", token(t))).collect();
            let field = if pointer.is_empty() { "the record" } else { pointer.as_str() };
            let message = format!("`{field}` holds the control character {} at character {}", name(c), at + 1);
            let help = "remove it: control characters other than tab and line feed break CSV and database \
                        readers and can drive the terminal that prints them";
            out.push(finding_at(&DOC, record, pointer.clone(), message).with_help(help));
        }
        Kind::Array(items) => {
            for (i, v) in items.enumerate() {
                path.push(i.to_string());
                walk(record, v, path, out);
                path.pop();
            }
        }
        Kind::Object(members) => {
            for (k, v) in members {
                path.push(k.to_string());
                walk(record, v, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

/// `U+0000 (NUL)`, `U+001B (ESC)`: the code point, and the usual name where there is one.
fn name(c: char) -> String {
    let short = match c {
        '\0' => " (NUL)",
        '\u{7}' => " (BEL)",
        '\u{8}' => " (backspace)",
        '\u{b}' => " (vertical tab)",
        '\u{c}' => " (form feed)",
        '\r' => " (carriage return)",
        '\u{1b}' => " (ESC)",
        '\u{7f}' => " (DEL)",
        '\u{9b}' => " (CSI)",
        _ => "",
    };
    format!("U+{:04X}{short}", c as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbids_controls_but_tab_and_line_feed() {
        for c in ['\0', '\u{1}', '\r', '\u{1b}', '\u{7f}', '\u{85}', '\u{9f}'] {
            assert!(is_forbidden(c), "{c:?}");
        }
        for c in ['\t', '\n', ' ', 'é', '\u{a0}', '\u{200f}'] {
            assert!(!is_forbidden(c), "{c:?}");
        }
        assert_eq!(first_forbidden("a\r\nb\tc\n"), None);
        assert_eq!(first_forbidden("a\r\nb\rc"), Some((4, '\r')));
        assert_eq!(first_forbidden("é\u{0}"), Some((1, '\0')));
        assert_eq!(first_forbidden("x\r"), Some((1, '\r')));
        assert_eq!(name('\0'), "U+0000 (NUL)");
        assert_eq!(name('\u{2}'), "U+0002");
    }

    proptest::proptest! {
        /// The quick scan never passes over a string the exact check would report.
        #[test]
        fn the_scan_never_misses_a_forbidden_character(s in "[\\x00-\\x{ff}\\x{2000}-\\x{2100}]*") {
            if first_forbidden(&s).is_some() {
                proptest::prop_assert!(may_hold_forbidden(&s));
            }
        }
    }

    /// A control character deep in a record is in the text the scan reads.
    #[test]
    fn the_scan_sees_nested_strings() {
        let value = serde_json::json!({"a": ["ok", {"b": "x\u{9b}"}], "c": 1});
        let record = Record { table: 0, file: "f.json".into(), line: 1, offset: 0, value: (&value).into() };
        assert!(may_hold_forbidden(record.value.all_text()));
        let clean = serde_json::json!({"a": ["ok", {"b": "x\u{a0}y\r"}], "c": "é\t\n"});
        assert!(!may_hold_forbidden("ok x y é\t\n 12"));
        let record = Record { table: 0, file: "f.json".into(), line: 1, offset: 0, value: (&clean).into() };
        assert!(may_hold_forbidden(record.value.all_text()), "a CR and U+00A0 are looked at");
    }

    /// The message names the character as a reader knows it.
    #[test]
    fn names_the_usual_controls() {
        let names: Vec<String> =
            ['\0', '\u{7}', '\u{8}', '\u{b}', '\u{c}', '\r', '\u{1b}', '\u{7f}', '\u{9b}', '\u{1}'].map(name).into();
        assert_eq!(
            names,
            [
                "U+0000 (NUL)",
                "U+0007 (BEL)",
                "U+0008 (backspace)",
                "U+000B (vertical tab)",
                "U+000C (form feed)",
                "U+000D (carriage return)",
                "U+001B (ESC)",
                "U+007F (DEL)",
                "U+009B (CSI)",
                "U+0001",
            ]
        );
    }

    /// Strings inside lists and listed objects are checked too, with their pointers.
    #[test]
    fn walks_into_lists_and_objects() {
        let value = serde_json::json!({"a": ["ok", {"b": "x\u{1b}"}], "c": "fine"});
        let record = Record { table: 0, file: "f.json".into(), line: 1, offset: 0, value: (&value).into() };
        let mut out = Vec::new();
        walk(&record, record.value.root(), &mut Vec::new(), &mut out);
        let found: Vec<&str> = out.iter().map(|f| f.pointer.as_str()).collect();
        assert_eq!(found, ["/a/1/b"]);
    }
}
