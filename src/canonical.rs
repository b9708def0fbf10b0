//! The canonical form of records (DESIGN.md §2), written by `isca fmt` and `isca new`.
//!
//! Keys follow the schema: a record's fields in the order of `properties`, the members of listed
//! objects (citations) in their own schema's order, and keys the schema does not know after
//! them, sorted, so nothing is ever dropped. Objects with no schema of their own have sorted
//! keys. A `.json` file holds the record with a 2-space indent and a trailing newline; a
//! `.jsonl` file holds one compact record per line. Text is UTF-8 without BOM, non-ASCII
//! characters are written as themselves, and values are never changed: only their layout is.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use serde_json::{Map, Value};

use crate::catalog::{Catalog, Field, FieldKind};
use crate::diagnostic::{Finding, Severity};
use crate::load::{Loaded, Record, codes};

/// `value` with the keys of every object in canonical order, for a record with `fields`.
pub fn ordered(value: &Value, fields: &[Field]) -> Value {
    order(value, Some(fields))
}

fn order(value: &Value, fields: Option<&[Field]>) -> Value {
    match value {
        Value::Object(map) => {
            let mut out = Map::with_capacity(map.len());
            for field in fields.unwrap_or_default() {
                if let Some(v) = map.get(&field.name) {
                    let inner = match &field.kind {
                        FieldKind::Objects { fields } => Some(fields.as_slice()),
                        _ => None,
                    };
                    out.insert(field.name.clone(), order(v, inner));
                }
            }
            let unknown: BTreeMap<&String, &Value> = map.iter().filter(|(k, _)| !out.contains_key(*k)).collect();
            for (k, v) in unknown {
                out.insert(k.clone(), order(v, None));
            }
            Value::Object(out)
        }
        // The elements of a list of objects share the list's schema (a citation's fields).
        Value::Array(items) => Value::Array(items.iter().map(|v| order(v, fields)).collect()),
        other => other.clone(),
    }
}

/// A record as the whole text of a `.json` file.
pub fn to_pretty(value: &Value, fields: &[Field]) -> String {
    let mut text = serde_json::to_string_pretty(&ordered(value, fields)).expect("a JSON value always serialises");
    text.push('\n');
    text
}

/// A record as one line of a `.jsonl` file, without the line break.
pub fn to_line(value: &Value, fields: &[Field]) -> String {
    serde_json::to_string(&ordered(value, fields)).expect("a JSON value always serialises")
}

/// The canonical text of one record file.
#[derive(Debug)]
pub struct FileText {
    /// Path relative to the root, as in findings.
    pub file: Arc<str>,
    pub text: String,
}

/// What `isca fmt` would write: the canonical text of every record file that parsed strictly,
/// and the findings that keep the other files untouched.
#[derive(Debug)]
pub struct Plan {
    pub files: Vec<FileText>,
    pub refused: Vec<Finding>,
}

/// Whether a load finding makes rewriting the file lose or invent data. A byte-order mark is
/// the one load problem that rewriting fixes; anything else (a syntax error, a duplicate key
/// whose earlier value the parser dropped, a rounded number, trailing content) means the parsed
/// value is not the whole file, so the file is left as it is.
fn blocks_rewrite(f: &Finding) -> bool {
    f.rule.starts_with('L') && f.severity == Severity::Error && f.rule != codes::BOM.code
}

/// Plans the canonical text of every record file the loader read.
pub fn plan(catalog: &Catalog, loaded: &Loaded) -> Plan {
    let refused: Vec<Finding> = loaded.findings.iter().filter(|f| blocks_rewrite(f)).cloned().collect();
    let blocked: BTreeSet<&str> = refused.iter().map(|f| f.file.as_str()).collect();
    let mut by_file: BTreeMap<&Arc<str>, Vec<&Record>> = BTreeMap::new();
    for r in &loaded.dataset.records {
        if !blocked.contains(&*r.file) {
            by_file.entry(&r.file).or_default().push(r);
        }
    }
    let files = by_file
        .into_iter()
        .map(|(file, mut records)| {
            let text = if file.ends_with(".jsonl") {
                records.sort_by_key(|r| r.line);
                let mut text = String::new();
                for r in records {
                    text.push_str(&to_line(&r.value.to_value(), &catalog.tables[r.table as usize].fields));
                    text.push('\n');
                }
                text
            } else {
                records
                    .iter()
                    .map(|r| to_pretty(&r.value.to_value(), &catalog.tables[r.table as usize].fields))
                    .collect()
            };
            FileText { file: file.clone(), text }
        })
        .collect();
    let mut refused = refused;
    refused.sort();
    Plan { files, refused }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use proptest::prelude::*;
    use serde_json::json;

    use super::*;
    use crate::catalog::Table;
    use crate::json;

    fn catalog() -> Catalog {
        Catalog::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("schema")).unwrap()
    }

    fn agreements(c: &Catalog) -> &Table {
        c.table("agreements").unwrap()
    }

    #[test]
    fn keys_follow_the_schema_then_unknown_keys_sorted() {
        let c = catalog();
        let record = json!({
            "zeta": 1, "sources": [{"locator": "p. 1", "extra": {"b": 1, "a": 2}, "source": "src-a"}],
            "alpha": true, "name": "N", "id": "agr-x"
        });
        let text = to_pretty(&record, &agreements(&c).fields);
        let expected = "{\n  \"id\": \"agr-x\",\n  \"name\": \"N\",\n  \"sources\": [\n    {\n      \"source\": \"src-a\",\n      \"locator\": \"p. 1\",\n      \"extra\": {\n        \"a\": 2,\n        \"b\": 1\n      }\n    }\n  ],\n  \"alpha\": true,\n  \"zeta\": 1\n}\n";
        assert_eq!(text, expected);
    }

    #[test]
    fn writes_non_ascii_literally_and_escapes_controls() {
        let c = catalog();
        let record = json!({"name": "Tehran–Moscow «pact» \u{1}\t\"q\"", "id": "agr-x"});
        assert_eq!(
            to_line(&record, &agreements(&c).fields),
            r#"{"id":"agr-x","name":"Tehran–Moscow «pact» \u0001\t\"q\""}"#
        );
    }

    /// Any JSON value, objects keyed by a mix of schema field names and arbitrary strings, in
    /// arbitrary order, with numbers the strict parser accepts (within ±2^53).
    fn arb_value() -> impl Strategy<Value = Value> {
        let text = prop::collection::vec(any::<char>(), 0..8).prop_map(String::from_iter);
        let number = prop_oneof![
            (-(1i64 << 53)..=(1i64 << 53)).prop_map(Value::from),
            any::<f64>().prop_filter("finite and safe", |f| f.is_finite() && f.abs() <= 9e15).prop_map(Value::from),
        ];
        let leaf =
            prop_oneof![Just(Value::Null), any::<bool>().prop_map(Value::Bool), number, text.prop_map(Value::String)];
        let key = prop_oneof![
            prop::sample::select(vec!["id", "name", "kind", "parties", "sources", "source", "locator", "notes", "a"])
                .prop_map(String::from),
            prop::collection::vec(any::<char>(), 0..6).prop_map(String::from_iter),
        ];
        leaf.prop_recursive(4, 48, 6, move |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::vec((key.clone(), inner), 0..6)
                    .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
            ]
        })
    }

    /// The same value laid out as a person might have left it.
    fn layout(value: &Value, style: u8) -> String {
        use serde::Serialize;
        match style % 4 {
            0 => serde_json::to_string(value).unwrap(),
            1 => serde_json::to_string_pretty(value).unwrap().replace('\n', "\r\n"),
            _ => {
                let indent: &[u8] = if style % 4 == 2 { b"\t" } else { b"    " };
                let mut out = Vec::new();
                let mut ser = serde_json::Serializer::with_formatter(
                    &mut out,
                    serde_json::ser::PrettyFormatter::with_indent(indent),
                );
                value.serialize(&mut ser).unwrap();
                String::from_utf8(out).unwrap() + "\n\n"
            }
        }
    }

    fn parse(text: &str) -> Value {
        let parsed = json::parse(text).expect("parses");
        assert!(parsed.issues.is_empty(), "{:?}", parsed.issues);
        parsed.value
    }

    proptest! {
        #[test]
        fn formatting_keeps_every_value_and_is_idempotent(
            fields in prop::collection::btree_map(
                prop::sample::select(vec!["id", "name", "sources", "parties", "notes", "zz", "Id"]),
                arb_value(), 0..6),
            style in any::<u8>(),
        ) {
            let c = catalog();
            let table = agreements(&c);
            let x = Value::Object(fields.into_iter().map(|(k, v)| (k.to_string(), v)).collect());
            let source = layout(&x, style);
            let formatted = to_pretty(&parse(&source), &table.fields);
            prop_assert_eq!(parse(&formatted), parse(&source));
            prop_assert_eq!(&to_pretty(&parse(&formatted), &table.fields), &formatted);
            let line = to_line(&parse(&source), &table.fields);
            prop_assert!(!line.contains('\n'));
            prop_assert_eq!(parse(&line), parse(&source));
        }

        /// `isca fmt` keeps every number's value: a literal either comes out of the canonical
        /// writer denoting the same decimal (`1.50` may become `1.5`, never `1.5000001`), or
        /// the parser reports it (L007, L020) and fmt refuses the file.
        #[test]
        fn numbers_keep_their_value_or_are_reported(
            literal in "-?(0|[1-9][0-9]{0,25})(\\.[0-9]{1,25})?([eE][-+]?[0-9]{1,3})?",
        ) {
            let c = catalog();
            let parsed = json::parse(&format!("{{\"n\": {literal}}}")).unwrap();
            if parsed.issues.is_empty() {
                let line = to_line(&parsed.value, &agreements(&c).fields);
                let written = line.strip_prefix("{\"n\":").and_then(|r| r.strip_suffix('}')).unwrap();
                prop_assert!(json::same_decimal(&literal, written), "{} written as {}", literal, written);
            } else {
                let kinds: Vec<_> = parsed.issues.iter().map(|i| i.kind).collect();
                prop_assert!(kinds.iter().all(|k| matches!(k, json::IssueKind::InexactNumber | json::IssueKind::UnsafeNumber)), "{:?}", kinds);
            }
        }

        #[test]
        fn any_json_value_round_trips(x in arb_value(), style in any::<u8>()) {
            let c = catalog();
            let fields = &agreements(&c).fields;
            let source = layout(&x, style);
            let formatted = to_pretty(&parse(&source), fields);
            prop_assert_eq!(parse(&formatted), x);
            prop_assert_eq!(&to_pretty(&parse(&formatted), fields), &formatted);
        }
    }
}
