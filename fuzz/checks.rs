//! The properties the fuzz targets check, shared by `cargo fuzz` (fuzz/fuzz_targets/) and by
//! the stable test suite, which replays the committed corpus (`tests/cli/fuzz_replay.rs`).
//! Each function takes arbitrary bytes and panics if a property fails.

#![allow(dead_code)]

use std::path::Path;
use std::sync::OnceLock;

use isca::catalog::Catalog;
use isca::{dates, json};
use serde_json::Value;

/// Strict parser + locator: never panics or overflows the stack; a document that parses
/// without issues is what serde_json reads; every pointer into it is found by `locate` at a
/// token of the right kind, at a position inside the text.
pub fn parse_locate(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(parsed) = json::parse(text) else { return };
    if !parsed.issues.is_empty() || parsed.dropped > 0 {
        return;
    }
    let theirs: Value = serde_json::from_str(text).expect("serde_json reads what the strict parser accepts");
    assert_eq!(parsed.value, theirs);
    let mut pointers = Vec::new();
    pointers_of(&parsed.value, String::new(), &mut pointers);
    for (pointer, v) in pointers.iter().take(2_000) {
        let target = json::locate(text, 0, pointer).unwrap_or_else(|| panic!("{pointer} not found"));
        let first = text.as_bytes()[target.value];
        let ok = match v {
            Value::Object(_) => first == b'{',
            Value::Array(_) => first == b'[',
            Value::String(_) => first == b'"',
            Value::Number(_) => first == b'-' || first.is_ascii_digit(),
            Value::Bool(b) => first == if *b { b't' } else { b'f' },
            Value::Null => first == b'n',
        };
        assert!(ok, "{pointer} located at {:?}", &text[target.value..]);
        let (pos, line) = json::position(text, target.value);
        assert!(pos.line >= 1 && pos.column >= 1 && line.len() <= text.len());
    }
}

/// Every value in `v` with its JSON Pointer.
fn pointers_of<'a>(v: &'a Value, at: String, out: &mut Vec<(String, &'a Value)>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                pointers_of(x, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                pointers_of(x, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push((at, v));
}

/// Partial dates: never panic; a date means a non-empty range of days that starts on the
/// first day its text names and ends on the last, and an exact day reads back as itself.
pub fn partial_dates(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let Ok(d) = dates::parse(s) else { return };
    assert!(d.start <= d.end, "{s}: {d:?}");
    let (first, last) = match s.split_once('/') {
        Some((a, b)) => (a, b),
        None => (s, s),
    };
    assert!(dates::format_day(d.start).starts_with(first), "{s} starts on {}", dates::format_day(d.start));
    assert!(dates::format_day(d.end).starts_with(last), "{s} ends on {}", dates::format_day(d.end));
    // The day after the end is outside what the last date names, and so is the day before the start.
    assert!(!dates::format_day(d.end + 1).starts_with(last), "{s} ends too early");
    assert!(!dates::format_day(d.start - 1).starts_with(first), "{s} starts too late");
    if d.is_exact_day() {
        assert_eq!(d.start, d.end);
        assert_eq!(dates::format_day(d.start), s);
    }
}

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema");
        let schema = if schema.is_dir() { schema } else { Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema") };
        Catalog::load(&schema).expect("the repository's schemas load")
    })
}

/// The canonical writer: for a document that parses without issues, as every table's record,
/// the pretty and line forms read back as the same value with no issues (no number changed,
/// none made inexact), the pretty form is a fixed point and the line form is one line.
pub fn canonical_round_trip(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(parsed) = json::parse(text) else { return };
    if !parsed.issues.is_empty() || parsed.dropped > 0 {
        return;
    }
    for table in &catalog().tables {
        let pretty = isca::canonical::to_pretty(&parsed.value, &table.fields);
        let again = json::parse(&pretty).expect("the canonical text parses");
        assert!(again.issues.is_empty(), "{:?}", again.issues);
        assert_eq!(again.value, parsed.value);
        assert_eq!(isca::canonical::to_pretty(&again.value, &table.fields), pretty);
        let line = isca::canonical::to_line(&parsed.value, &table.fields);
        assert!(!line.contains('\n'));
        let back = json::parse(&line).expect("the line parses");
        assert!(back.issues.is_empty(), "{:?}", back.issues);
        assert_eq!(back.value, parsed.value);
    }
}
