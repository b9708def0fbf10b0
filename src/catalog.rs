//! The table catalogue, read from `schema/`: which tables exist, their fields in order, the
//! column type each field publishes as, and which fields reference which table.
//!
//! Everything table-specific is declared in the schemas (`x-primary-key`, `x-references`,
//! `x-format: partial-date`), so the validator, the exporters and `datapackage.json` share one
//! source of truth and adding a table needs no Rust change.

use std::path::{Path, PathBuf};

use crate::doc::{Doc, Keys};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

#[path = "catalog_checks.rs"]
pub mod checks;

/// All tables, sorted by name, plus a hash of the schema bytes for published metadata.
#[derive(Debug)]
pub struct Catalog {
    pub tables: Vec<Table>,
    pub schema_sha256: String,
}

/// One table: a schema file `schema/<name>.schema.json` and a folder `dataset/<name>/`.
#[derive(Debug)]
pub struct Table {
    pub name: String,
    pub title: String,
    pub description: String,
    pub primary_key: String,
    pub fields: Vec<Field>,
    pub schema: Value,
    pub path: PathBuf,
    /// The property names of the schema, nested ones included: the keys its records share.
    pub keys: &'static Keys,
}

/// One property of a record, in schema order.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub name: String,
    pub description: String,
    pub required: bool,
    pub kind: FieldKind,
    /// The property's schema with local `$ref`s resolved (constraints live here).
    pub schema: Value,
    /// The schema's `default`, as records hold their values (the table model reads both alike).
    pub default: Option<Doc>,
}

/// What a field holds, which decides its column type in every export.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldKind {
    /// A string; `references` names the table whose ids it holds.
    Text {
        references: Option<String>,
    },
    /// A string from a closed vocabulary.
    Enum {
        values: Vec<String>,
    },
    /// An ISO 8601 partial date or interval (`2021`, `2021-01-26`, `2019/2020`).
    PartialDate,
    Integer,
    Number,
    Boolean,
    /// An array of scalars.
    List {
        item: Box<FieldKind>,
    },
    /// An array of objects with fields of their own (citations).
    Objects {
        fields: Vec<Field>,
    },
    /// Anything else; exported as JSON text.
    Json,
}

/// A declared reference: `table.field` (or `table.field[].sub`) holds ids of `target`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub table: String,
    pub field: String,
    /// For arrays of objects, the member of each element that holds the id.
    pub member: Option<String>,
    pub many: bool,
    pub target: String,
}

impl Catalog {
    /// Reads every `*.schema.json` in `dir`.
    pub fn load(dir: &Path) -> Result<Catalog> {
        let (root, name) = (dir.parent().unwrap_or(Path::new("")), dir.file_name().unwrap_or_default());
        let dir = &crate::load::real_folder(root, &name.to_string_lossy(), "schema folder")?;
        let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
        // Regular files only, as `lstat` sees them: a linked or special schema is not read
        // (the loader reports it, L011/L012).
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .map(|e| e.path())
            .filter(|p| p.to_str().is_some_and(|s| s.ends_with(".schema.json")))
            .collect();
        paths.sort();
        let mut hasher = Sha256::new();
        let mut tables = Vec::new();
        for path in paths {
            let bytes =
                crate::fsio::read_regular(&path, crate::fsio::MAX_RECORD_BYTES).map_err(|e| Error::io(&path, e))?;
            hasher.update(path.file_name().map(|n| n.as_encoded_bytes()).unwrap_or_default());
            hasher.update(&bytes);
            let schema: Value = serde_json::from_slice(&bytes)
                .map_err(|e| Error::Schema { path: path.clone(), message: e.to_string() })?;
            let table = Table::from_schema(path, schema)?;
            checks::check_table(&table)?;
            tables.push(table);
        }
        if tables.is_empty() {
            return Err(Error::Missing { path: dir.to_path_buf(), what: "*.schema.json files in the schema folder" });
        }
        let names: std::collections::BTreeSet<&str> = tables.iter().map(|t: &Table| t.name.as_str()).collect();
        for t in &tables {
            checks::check_references(t, &names)?;
        }
        Ok(Catalog { tables, schema_sha256: hex(&hasher.finalize()) })
    }

    pub fn table(&self, name: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.name == name)
    }

    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.tables.iter().position(|t| t.name == name)
    }

    pub fn names(&self) -> Vec<&str> {
        self.tables.iter().map(|t| t.name.as_str()).collect()
    }

    /// Every declared reference of every table.
    pub fn references(&self) -> Vec<Reference> {
        self.tables.iter().flat_map(Table::references).collect()
    }
}

/// Every property name of `fields`, members of listed objects included, in schema order.
fn names(fields: &[Field]) -> Vec<&str> {
    let mut out = Vec::new();
    for f in fields {
        out.push(f.name.as_str());
        if let FieldKind::Objects { fields } = &f.kind {
            out.extend(names(fields));
        }
    }
    out
}

impl Table {
    fn from_schema(path: PathBuf, schema: Value) -> Result<Table> {
        let bad = |message: &str| Error::Schema { path: path.clone(), message: message.to_string() };
        let file = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let name = file.trim_end_matches(".schema.json").to_string();
        let root = schema.as_object().ok_or_else(|| bad("the schema is not an object"))?;
        let defs = root.get("$defs").and_then(Value::as_object);
        let props = root.get("properties").and_then(Value::as_object).ok_or_else(|| bad("no `properties`"))?;
        let required = string_list(root.get("required"));
        let fields = fields(props, &required, defs, &mut Vec::new());
        let primary_key = root.get("x-primary-key").and_then(Value::as_str).unwrap_or("id").to_string();
        if !fields.iter().any(|f| f.name == primary_key) {
            return Err(bad(&format!("primary key `{primary_key}` is not a property")));
        }
        let text = |k: &str| root.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
        let keys = Keys::intern(names(&fields));
        Ok(Table {
            title: text("title"),
            description: text("description"),
            name,
            primary_key,
            fields,
            schema,
            path,
            keys,
        })
    }

    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    pub fn references(&self) -> Vec<Reference> {
        let mut out = Vec::new();
        for f in &self.fields {
            let (many, kind) = match &f.kind {
                FieldKind::List { item } => (true, item.as_ref()),
                other => (false, other),
            };
            let mut push = |member: Option<String>, target: &str| {
                out.push(Reference {
                    table: self.name.clone(),
                    field: f.name.clone(),
                    member,
                    many,
                    target: target.to_string(),
                });
            };
            match kind {
                FieldKind::Text { references: Some(t) } => push(None, t),
                FieldKind::Objects { fields } => {
                    for sub in fields {
                        if let FieldKind::Text { references: Some(t) } = &sub.kind {
                            out.push(Reference {
                                table: self.name.clone(),
                                field: f.name.clone(),
                                member: Some(sub.name.clone()),
                                many: true,
                                target: t.clone(),
                            });
                        }
                    }
                }
                _ => {}
            }
        }
        out
    }
}

/// The `$defs` names being expanded, outermost first: a reference back into one of them is a
/// recursive type (a tree), which publishes as JSON text instead of being expanded forever.
type Expanding = Vec<String>;

fn fields(
    props: &Map<String, Value>,
    required: &[String],
    defs: Option<&Map<String, Value>>,
    stack: &mut Expanding,
) -> Vec<Field> {
    props
        .iter()
        .map(|(name, raw)| {
            let depth = stack.len();
            let (schema, kind) = match resolve(raw, defs, stack) {
                Some(schema) => {
                    let kind = kind(&schema, defs, stack);
                    (schema, kind)
                }
                None => (raw.clone(), FieldKind::Json),
            };
            stack.truncate(depth);
            Field {
                name: name.clone(),
                description: schema.get("description").and_then(Value::as_str).unwrap_or_default().to_string(),
                required: required.contains(name),
                kind,
                default: schema.get("default").map(Doc::from_value),
                schema,
            }
        })
        .collect()
}

/// Merges a local `$ref` (`#/$defs/x`) into the property, the property's own keys winning,
/// and pushes the names it expanded on `stack`; `None` when it refers back to a definition
/// being expanded. Chains of bare references cannot loop: `refuse_ref_cycles` ran first.
fn resolve(raw: &Value, defs: Option<&Map<String, Value>>, stack: &mut Expanding) -> Option<Value> {
    let Some(obj) = raw.as_object() else { return Some(raw.clone()) };
    let name = obj.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix("#/$defs/"));
    let target = name.and_then(|name| Some((name, defs?.get(name)?)));
    match target {
        Some((name, def)) => {
            if stack.iter().any(|n| n == name) {
                return None;
            }
            stack.push(name.to_string());
            let mut merged = resolve(def, defs, stack)?.as_object().cloned().unwrap_or_default();
            for (k, v) in obj.iter().filter(|(k, _)| *k != "$ref") {
                merged.insert(k.clone(), v.clone());
            }
            Some(Value::Object(merged))
        }
        None => Some(raw.clone()),
    }
}

fn kind(schema: &Value, defs: Option<&Map<String, Value>>, stack: &mut Expanding) -> FieldKind {
    let get = |k: &str| schema.get(k).and_then(Value::as_str);
    if get("x-format") == Some("partial-date") {
        return FieldKind::PartialDate;
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        return FieldKind::Enum { values: values.iter().filter_map(|v| v.as_str().map(String::from)).collect() };
    }
    match get("type") {
        Some("string") => FieldKind::Text { references: get("x-references").map(String::from) },
        Some("integer") => FieldKind::Integer,
        Some("number") => FieldKind::Number,
        Some("boolean") => FieldKind::Boolean,
        Some("array") => {
            let Some(item) = schema.get("items").map_or(Some(Value::Null), |i| resolve(i, defs, stack)) else {
                return FieldKind::Json;
            };
            match item.get("type").and_then(Value::as_str) {
                Some("object") => {
                    let props = item.get("properties").and_then(Value::as_object);
                    let required = string_list(item.get("required"));
                    FieldKind::Objects { fields: props.map(|p| fields(p, &required, defs, stack)).unwrap_or_default() }
                }
                _ => FieldKind::List { item: Box::new(kind(&item, defs, stack)) },
            }
        }
        _ => FieldKind::Json,
    }
}

fn string_list(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .map(|a| a.iter().filter_map(|s| s.as_str().map(String::from)).collect())
        .unwrap_or_default()
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Canonical records, exports and `isca new` all follow the order of `properties` in the
    /// schema file, which needs serde_json's `preserve_order` (its default map sorts keys).
    #[test]
    fn fields_keep_schema_order() {
        let catalog = Catalog::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("schema")).unwrap();
        let names =
            |t: &str| -> Vec<String> { catalog.table(t).unwrap().fields.iter().map(|f| f.name.clone()).collect() };
        assert_eq!(names("sources")[..3], ["id", "title", "kind"]);
        let agreements = catalog.table("agreements").unwrap();
        let Some(FieldKind::Objects { fields }) = agreements.field("sources").map(|f| &f.kind) else { panic!() };
        assert_eq!(fields.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(), ["source", "locator", "role"]);
    }
}
