//! Comparing two dataset roots (say, the last release and the working tree): per table, the
//! records added, removed and changed, matched by id, with the fields that changed.
//!
//! Each root is read with its own schemas, so a release made under older schemas compares
//! fine. The order is deterministic: tables by name, records by id, fields in schema order
//! (unknown fields after, sorted). One renderer per output format.

mod json;
mod markdown;
mod text;

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};
use std::path::Path;

use serde::Serialize;
use serde_json::Value;

use crate::canonical;
use crate::catalog::{Catalog, FieldKind, Table};
use crate::cli::DiffFormat;
use crate::diagnostic::Severity;
use crate::error::Result;
use crate::load::{self, Dataset};

/// Everything that differs between two roots.
#[derive(Debug, Serialize)]
pub struct Diff {
    /// Tables with at least one difference, by name.
    pub tables: Vec<TableDiff>,
    /// Files or records that could not take part (they do not parse, or have no id).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<Skipped>,
    pub summary: Summary,
}

#[derive(Debug, Serialize)]
pub struct TableDiff {
    pub table: String,
    pub added: Vec<Entry>,
    pub removed: Vec<Entry>,
    pub changed: Vec<Changed>,
}

/// An added or removed record: its id, a label for people, and the record itself.
#[derive(Debug, Serialize)]
pub struct Entry {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub file: String,
    pub record: Value,
}

#[derive(Debug, Serialize)]
pub struct Changed {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub file: String,
    pub changes: Vec<FieldChange>,
}

/// One field of a changed record; `old` is absent for a field added, `new` for one removed.
#[derive(Debug, Serialize)]
pub struct FieldChange {
    pub field: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<Value>,
}

/// A file or record left out of the comparison, and why.
#[derive(Debug, Serialize)]
pub struct Skipped {
    /// `old` or `new`.
    pub root: &'static str,
    pub file: String,
    pub line: u32,
    pub reason: String,
}

#[derive(Debug, Default, Clone, Copy, Serialize)]
pub struct Summary {
    pub added: usize,
    pub removed: usize,
    pub changed: usize,
    pub old_records: usize,
    pub new_records: usize,
}

/// One root, read: its catalogue and its records keyed by table name and id.
struct Side {
    catalog: Catalog,
    records: BTreeMap<String, BTreeMap<String, Rec>>,
    count: usize,
}

struct Rec {
    file: String,
    value: Value,
}

/// Compares the datasets under `old` and `new`. Fails only if a root cannot be read.
pub fn compare(old: &Path, new: &Path) -> Result<Diff> {
    let mut skipped = Vec::new();
    let old = read(old, "old", &mut skipped)?;
    let new = read(new, "new", &mut skipped)?;
    let names: BTreeSet<&String> = old.records.keys().chain(new.records.keys()).collect();
    let empty = BTreeMap::new();
    let mut summary = Summary { old_records: old.count, new_records: new.count, ..Summary::default() };
    let mut tables = Vec::new();
    for name in names {
        let (before, after) = (old.records.get(name).unwrap_or(&empty), new.records.get(name).unwrap_or(&empty));
        let (old_table, new_table) = (old.catalog.table(name), new.catalog.table(name));
        let entry = |table: Option<&Table>, id: &str, rec: &Rec| Entry {
            id: id.to_string(),
            label: table.and_then(|t| label(t, &rec.value)),
            file: rec.file.clone(),
            record: table.map_or_else(|| rec.value.clone(), |t| canonical::ordered(&rec.value, &t.fields)),
        };
        let added: Vec<Entry> =
            after.iter().filter(|(id, _)| !before.contains_key(*id)).map(|(id, r)| entry(new_table, id, r)).collect();
        let removed: Vec<Entry> =
            before.iter().filter(|(id, _)| !after.contains_key(*id)).map(|(id, r)| entry(old_table, id, r)).collect();
        let changed: Vec<Changed> = after
            .iter()
            .filter_map(|(id, r)| {
                let changes = field_changes(old_table, new_table, &before.get(id)?.value, &r.value);
                (!changes.is_empty()).then(|| Changed {
                    id: id.clone(),
                    label: new_table.and_then(|t| label(t, &r.value)),
                    file: r.file.clone(),
                    changes,
                })
            })
            .collect();
        summary.added += added.len();
        summary.removed += removed.len();
        summary.changed += changed.len();
        if !(added.is_empty() && removed.is_empty() && changed.is_empty()) {
            tables.push(TableDiff { table: name.clone(), added, removed, changed });
        }
    }
    Ok(Diff { tables, skipped, summary })
}

fn read(root: &Path, which: &'static str, skipped: &mut Vec<Skipped>) -> Result<Side> {
    let catalog = Catalog::load(&root.join("schema"))?;
    let loaded = load::load(root, &catalog)?;
    for f in loaded.findings.iter().filter(|f| f.rule.starts_with('L') && f.severity == Severity::Error) {
        skipped.push(Skipped {
            root: which,
            file: f.file.clone(),
            line: f.line,
            reason: format!("{}: {}", f.rule, f.message),
        });
    }
    let Dataset { records, .. } = loaded.dataset;
    let count = records.len();
    let mut by_table: BTreeMap<String, BTreeMap<String, Rec>> = BTreeMap::new();
    for r in records {
        let table = &catalog.tables[r.table as usize];
        let Some(id) = r.str(&table.primary_key).map(String::from) else {
            let reason = format!("the record has no `{}`", table.primary_key);
            skipped.push(Skipped { root: which, file: r.file.to_string(), line: r.line, reason });
            continue;
        };
        // A repeated id keeps its first record, as the validator's index does (X001 reports it).
        by_table
            .entry(table.name.clone())
            .or_default()
            .entry(id)
            .or_insert(Rec { file: r.file.to_string(), value: r.value.to_value() });
    }
    skipped.sort_by(|a, b| (a.root, &a.file, a.line).cmp(&(b.root, &b.file, b.line)));
    Ok(Side { catalog, records: by_table, count })
}

/// The fields that differ, in the new schema's order, then the old schema's, then the rest
/// sorted. Values are compared as JSON values, so layout and key order never count.
fn field_changes(old_table: Option<&Table>, new_table: Option<&Table>, old: &Value, new: &Value) -> Vec<FieldChange> {
    let (Some(old), Some(new)) = (old.as_object(), new.as_object()) else {
        return if old == new {
            Vec::new()
        } else {
            vec![FieldChange { field: String::new(), old: Some(old.clone()), new: Some(new.clone()) }]
        };
    };
    let mut names: Vec<&str> = Vec::new();
    for t in [new_table, old_table].into_iter().flatten() {
        names.extend(t.fields.iter().map(|f| f.name.as_str()).filter(|n| !names.contains(n)).collect::<Vec<_>>());
    }
    let rest: BTreeSet<&str> =
        old.keys().chain(new.keys()).map(String::as_str).filter(|k| !names.contains(k)).collect();
    names.extend(rest);
    let fields = new_table.or(old_table).map(|t| t.fields.as_slice()).unwrap_or_default();
    let shape = |name: &str, v: &Value| match fields.iter().find(|f| f.name == name).map(|f| &f.kind) {
        Some(FieldKind::Objects { fields }) => canonical::ordered(v, fields),
        _ => canonical::ordered(v, &[]),
    };
    names
        .into_iter()
        .filter(|n| old.get(*n) != new.get(*n))
        .map(|n| FieldChange {
            field: n.to_string(),
            old: old.get(n).map(|v| shape(n, v)),
            new: new.get(n).map(|v| shape(n, v)),
        })
        .collect()
}

/// A few words naming a record for people: its first required free-text field after the key
/// (an agreement's `name`, an event's `title`).
fn label(table: &Table, value: &Value) -> Option<String> {
    let field = table.fields.iter().find(|f| {
        f.required && f.name != table.primary_key && matches!(f.kind, FieldKind::Text { references: None })
    })?;
    value.get(&field.name)?.as_str().filter(|s| !s.trim().is_empty()).map(String::from)
}

/// Renders `diff` in `format`.
pub fn write(format: DiffFormat, diff: &Diff, out: &mut dyn Write) -> io::Result<()> {
    match format {
        DiffFormat::Text => text::write(diff, out),
        DiffFormat::Json => json::write(diff, out),
        DiffFormat::Markdown => markdown::write(diff, out),
    }
}

/// A value as one line of canonical JSON.
fn compact(v: &Value) -> String {
    serde_json::to_string(v).expect("a JSON value always serialises")
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// The one-line summary every format shares.
fn headline(s: &Summary) -> String {
    if s.added + s.removed + s.changed == 0 {
        return format!("no differences ({} in both)", plural(s.new_records, "record"));
    }
    format!(
        "{} added, {} removed, {} changed ({} → {})",
        s.added,
        s.removed,
        s.changed,
        plural(s.old_records, "record"),
        plural(s.new_records, "record")
    )
}
