//! Records → `isca build` → Parquet and CSV read back → the same records.
//!
//! Run on the base fixture plus records with awkward text (commas, quotes, line breaks,
//! non-Latin scripts) and an empty array. The derived date columns are checked against the
//! date parser, then dropped, and what is left must equal the record.

use std::collections::BTreeMap;

use isca::catalog::{Catalog, FieldKind};
use serde_json::{Map, Value, json};

use crate::common::Root;
use crate::parquet_read;

const AWKWARD_AGREEMENT: &str = r#"{
  "id": "agr-example-awkward",
  "name": "Agreement, \"so-called\", on ‘trust’ — Соглашение о доверии",
  "kind": "memorandum-of-understanding",
  "status": "proposed",
  "parties": ["pty-irn", "pty-rus", "pty-zz-persian"],
  "signatories": [],
  "signed": "2019",
  "place": "Tehran; Moscow",
  "cooperation_areas": ["a, b and \"c\"", "line one\nline two", "tab\there"],
  "certainty": "unconfirmed",
  "sources": [{"source": "src-example-article", "locator": "page 3, \"para\" 2\r\nand on"}],
  "notes": "Ends with a quote\""
}
"#;

const AWKWARD_PARTY: &str = r#"{
  "id": "pty-zz-persian",
  "name": "وزارت امور خارجه",
  "kind": "government-body",
  "parent": "pty-irn",
  "certainty": "probable",
  "sources": [{"source": "src-example-article", "locator": "🙂"}]
}
"#;

/// A built root: the base fixture and the awkward records.
fn built() -> Root {
    let root = Root::base();
    root.write("dataset/agreements/agr-example-awkward.json", AWKWARD_AGREEMENT);
    root.write("dataset/parties/pty-zz-persian.json", AWKWARD_PARTY);
    let run = root.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.render());
    root
}

/// The records of each table, sorted by id, as the validator loaded them.
fn records(root: &Root) -> (Catalog, BTreeMap<String, Vec<Value>>) {
    let v = isca::validate(root.path()).unwrap();
    let mut by_table: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for r in &v.dataset.records {
        by_table.entry(v.catalog.tables[r.table as usize].name.clone()).or_default().push(r.value.to_value());
    }
    for (table, rows) in by_table.iter_mut() {
        rows.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
        rows.iter_mut().for_each(|r| with_defaults(&v.catalog, table, r));
    }
    (v.catalog, by_table)
}

/// Fills in the members a record leaves out that the schema gives a `default` (a citation's
/// `role`): the exports publish the value the record means.
fn with_defaults(catalog: &Catalog, table: &str, record: &mut Value) {
    for f in &catalog.table(table).unwrap().fields {
        let FieldKind::Objects { fields } = &f.kind else { continue };
        let Some(items) = record.get_mut(&f.name).and_then(Value::as_array_mut) else { continue };
        for item in items.iter_mut().filter_map(Value::as_object_mut) {
            for m in fields {
                if let (false, Some(d)) = (item.contains_key(&m.name), m.schema.get("default")) {
                    item.insert(m.name.clone(), d.clone());
                }
            }
        }
    }
}

/// Checks `x_start`, `x_end` and `x_precision` against the parsed `x`, then removes them.
fn drop_derived_dates(catalog: &Catalog, table: &str, row: &mut Map<String, Value>) {
    for f in catalog.table(table).unwrap().fields.iter().filter(|f| f.kind == FieldKind::PartialDate) {
        let derived = ["start", "end", "precision"].map(|s| row.remove(&format!("{}_{s}", f.name)));
        let Some(text) = row.get(&f.name).and_then(Value::as_str) else {
            assert_eq!(derived, [None, None, None], "{table}.{}: derived columns without a date", f.name);
            continue;
        };
        let d = isca::dates::parse(text).unwrap();
        let expected = [isca::dates::format_day(d.start), isca::dates::format_day(d.end), d.precision_label().into()];
        assert_eq!(derived, expected.map(|s| Some(Value::String(s))), "{table}.{}", f.name);
    }
}

#[test]
fn parquet_reads_back_as_the_records() {
    let root = built();
    let (catalog, expected) = records(&root);
    for (table, records) in &expected {
        let read = parquet_read::read(&root.file(&format!("dist/parquet/{table}.parquet")));
        let rows: Vec<Value> = read
            .rows
            .into_iter()
            .map(|mut row| {
                drop_derived_dates(&catalog, table, &mut row);
                Value::Object(row)
            })
            .collect();
        assert_eq!(&rows, records, "{table}");
    }
}

#[test]
fn csv_and_link_tables_read_back_as_the_records() {
    let root = built();
    let (catalog, expected) = records(&root);
    for (table, records) in &expected {
        let mut rows = read_csv(&root, table);
        let t = catalog.table(table).unwrap();
        let singular =
            table.strip_suffix("ies").map(|s| format!("{s}y")).unwrap_or_else(|| table[..table.len() - 1].into());
        for row in &mut rows {
            drop_derived_dates(&catalog, table, row);
        }
        for field in &t.fields {
            let members: Option<Vec<String>> = match &field.kind {
                FieldKind::List { .. } => None,
                FieldKind::Objects { fields } => Some(fields.iter().map(|f| f.name.clone()).collect()),
                _ => continue,
            };
            // Link table columns: the parent's id, the values (member order), the position.
            for link in read_csv(&root, &format!("{singular}_{}", field.name)) {
                let cells: Vec<Value> = link.values().cloned().collect();
                let (parent, values, position) = (&cells[0], &cells[1..cells.len() - 1], &cells[cells.len() - 1]);
                let row = rows.iter_mut().find(|r| r["id"] == *parent).expect("the parent row");
                let item = match &members {
                    None => values[0].clone(),
                    Some(names) => Value::Object(names.iter().cloned().zip(values.iter().cloned()).collect()),
                };
                let list = row.entry(field.name.clone()).or_insert_with(|| json!([])).as_array_mut().unwrap();
                assert_eq!(position, &json!((list.len() + 1).to_string()), "positions run 1, 2, …");
                list.push(item);
            }
        }
        let rows: Vec<Value> = rows.into_iter().map(Value::Object).collect();
        // A CSV link table cannot tell an empty array from an absent one.
        let records: Vec<Value> = records.iter().map(without_empty_arrays).collect();
        assert_eq!(rows, records, "{table}");
    }
}

/// A CSV file as rows of non-empty cells (every field of the fixtures is text).
fn read_csv(root: &Root, name: &str) -> Vec<Map<String, Value>> {
    let mut reader = csv::Reader::from_path(root.file(&format!("dist/csv/{name}.csv"))).unwrap();
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .zip(r.iter())
                .filter(|(_, v)| !v.is_empty())
                .map(|(h, v)| (h.to_string(), Value::from(v)))
                .collect()
        })
        .collect()
}

fn without_empty_arrays(v: &Value) -> Value {
    let mut v = v.clone();
    if let Some(o) = v.as_object_mut() {
        o.retain(|_, x| x.as_array().is_none_or(|a| !a.is_empty()));
    }
    v
}
