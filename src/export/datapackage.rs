//! `datapackage.json`: a Frictionless Data Package (v2) describing the CSV files, so that
//! `frictionless validate` can check every file against its types, constraints and keys, and
//! listing every other published file (Parquet, JSON, SQLite, …) with its size and hash.
//!
//! Every catalogue table and every link table is a resource with its size and SHA-256; every
//! declared reference is a foreign key, the link tables' parent keys included. Enums carry
//! `categories` (v2) for readers that load them as categoricals. The package carries the data
//! licence, its sources, contributors and homepage (`about`).

use serde_json::{Map, Value, json};

use super::about;
use super::staging::Written;
use super::table::{Column, Frame, Model, Values};

/// The Data Package profile the descriptor follows.
pub const PROFILE: &str = "https://datapackage.org/profiles/2.0/datapackage.json";

pub const TITLE: &str = "Information-security cooperation agreements";
pub const DESCRIPTION: &str = "International information-security cooperation agreements (treaties, agreements, \
     memoranda, working groups, committees), the threat categories they name, the parties to them and the events \
     in their life, each fact tied to the sources it comes from.";

/// The CSV path of a frame, relative to the output folder.
pub fn csv_path(frame: &Frame) -> String {
    format!("csv/{}.csv", frame.name)
}

/// The descriptor, given the files already written (for their sizes and hashes): a table
/// resource per CSV file, then a plain file resource for every other file.
pub fn describe(model: &Model, written: &[Written]) -> Value {
    let frames = model.tables.iter().flat_map(|t| std::iter::once(t).chain(&t.links));
    let mut resources: Vec<Value> = frames.map(|f| resource(model, f, written)).collect();
    resources.extend(
        written.iter().filter(|w| !w.path.starts_with("csv/") && w.path != super::target::MARKER).map(file_resource),
    );
    json!({
        "$schema": PROFILE,
        "name": "isca",
        "title": TITLE,
        "description": DESCRIPTION,
        "version": model.version,
        "homepage": about::HOMEPAGE,
        "licenses": [{ "name": about::LICENSE_ID, "path": about::LICENSE_URL, "title": about::LICENSE_TITLE }],
        "sources": [{ "title": about::SOURCES_NOTE, "path": "csv/sources.csv" }],
        "contributors": [{ "title": about::CREATOR, "roles": ["creator"], "path": about::HOMEPAGE }],
        "keywords": ["information security", "international cooperation", "agreements", "treaties"],
        "resources": resources,
    })
}

/// A published file that is not a CSV table: its path, format, size and hash. `type: file`
/// tells frictionless to check its bytes and hash only, not to read it as a table (it would
/// try Parquet and JSON Lines and fail).
fn file_resource(file: &Written) -> Value {
    let (format, mediatype) = match file.path.rsplit_once('.').map_or("", |(_, ext)| ext) {
        "parquet" => ("parquet", "application/vnd.apache.parquet"),
        "jsonl" => ("jsonl", "application/jsonl"),
        "json" => ("json", "application/json"),
        "db" => ("sqlite", "application/vnd.sqlite3"),
        "sql" => ("sql", "application/sql"),
        "md" => ("md", "text/markdown"),
        _ => ("", "application/octet-stream"),
    };
    let mut r = Map::new();
    // Resource names are lowercase `[a-z0-9._-]`: `CODEBOOK.md` is `codebook.md`.
    r.insert("name".into(), json!(file.path.replace('/', "-").to_lowercase()));
    r.insert("type".into(), json!("file"));
    r.insert("path".into(), json!(file.path));
    if !format.is_empty() {
        r.insert("format".into(), json!(format));
    }
    r.insert("mediatype".into(), json!(mediatype));
    r.insert("bytes".into(), json!(file.bytes));
    r.insert("hash".into(), json!(format!("sha256:{}", file.sha256)));
    Value::Object(r)
}

fn resource(model: &Model, frame: &Frame, written: &[Written]) -> Value {
    let path = csv_path(frame);
    let mut r = Map::new();
    r.insert("name".into(), json!(frame.name));
    r.insert("type".into(), json!("table"));
    r.insert("path".into(), json!(path));
    r.insert("format".into(), json!("csv"));
    r.insert("mediatype".into(), json!("text/csv"));
    r.insert("encoding".into(), json!("utf-8"));
    if !frame.title.is_empty() {
        r.insert("title".into(), json!(frame.title));
    }
    r.insert("description".into(), json!(frame.description));
    if let Some(file) = written.iter().find(|w| w.path == path) {
        r.insert("bytes".into(), json!(file.bytes));
        r.insert("hash".into(), json!(format!("sha256:{}", file.sha256)));
    }
    let columns = frame.columns.iter().filter(|c| c.values.is_flat());
    let mut schema = Map::new();
    schema.insert("fields".into(), Value::Array(columns.clone().map(field).collect()));
    schema.insert("primaryKey".into(), json!(frame.primary_key));
    let foreign: Vec<Value> = columns.filter_map(|c| foreign_key(model, frame, c)).collect();
    if !foreign.is_empty() {
        schema.insert("foreignKeys".into(), Value::Array(foreign));
    }
    r.insert("schema".into(), Value::Object(schema));
    Value::Object(r)
}

fn field(column: &Column) -> Value {
    let c = &column.constraints;
    let mut f = Map::new();
    f.insert("name".into(), json!(column.name));
    let kind = match &column.values {
        Values::Text(_) | Values::Enum { .. } => "string",
        Values::Date(_) => "date",
        Values::Integer(_) => "integer",
        Values::Number(_) => "number",
        Values::Boolean(_) => "boolean",
        Values::Json(_) | Values::List { .. } | Values::Objects { .. } => "any",
    };
    f.insert("type".into(), json!(kind));
    if !column.description.is_empty() {
        f.insert("description".into(), json!(column.description));
    }
    let mut constraints = Map::new();
    if column.required {
        constraints.insert("required".into(), json!(true));
    }
    if let Values::Enum { categories, .. } = &column.values {
        f.insert("categories".into(), json!(categories));
        constraints.insert("enum".into(), json!(categories));
    }
    if let Some(pattern) = c.pattern.as_deref().and_then(xsd_pattern) {
        constraints.insert("pattern".into(), json!(pattern));
    }
    if kind == "string" {
        for (key, value) in [("minLength", c.min_length), ("maxLength", c.max_length)] {
            if let Some(n) = value {
                constraints.insert(key.into(), json!(n));
            }
        }
    }
    if kind == "integer" || kind == "number" {
        for (key, value) in [("minimum", &c.minimum), ("maximum", &c.maximum)] {
            if let Some(n) = value {
                constraints.insert(key.into(), json!(n));
            }
        }
    }
    if !constraints.is_empty() {
        f.insert("constraints".into(), Value::Object(constraints));
    }
    Value::Object(f)
}

fn foreign_key(model: &Model, frame: &Frame, column: &Column) -> Option<Value> {
    let target = column.references.as_deref()?;
    let key = model.tables.iter().find(|t| t.name == target)?.primary_key.clone();
    // v2: a reference without `resource` points at the same resource.
    let reference =
        if target == frame.name { json!({ "fields": key }) } else { json!({ "resource": target, "fields": key }) };
    Some(json!({ "fields": [column.name], "reference": reference }))
}

/// The JSON Schema `pattern` as a Table Schema one (XML Schema syntax, implicitly anchored at
/// both ends), or `None` where the translation would not mean the same: only a pattern anchored
/// with `^…$` and built from the constructs both syntaxes share is carried over.
pub fn xsd_pattern(pattern: &str) -> Option<String> {
    let inner = pattern.strip_prefix('^')?.strip_suffix('$')?;
    if inner.ends_with('\\') {
        return None;
    }
    let unsupported = ["(?", "\\b", "\\B", "\\A", "\\z", "\\Z", "*?", "+?", "??", "}?", "\\u", "\\x", "$"];
    if unsupported.iter().any(|u| inner.contains(u)) || inner.replace("[^", "").contains('^') {
        return None;
    }
    // `^a|b$` is "starts with a or ends with b", not "a or b": no alternation at the top level.
    let (mut depth, mut class, mut chars) = (0, false, inner.chars());
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '[' if !class => class = true,
            ']' if class => class = false,
            '(' if !class => depth += 1,
            ')' if !class => depth -= 1,
            '|' if !class && depth == 0 => return None,
            _ => {}
        }
    }
    Some(inner.to_string())
}

#[cfg(test)]
mod tests {
    use super::xsd_pattern;

    #[test]
    fn only_anchored_simple_patterns_carry_over() {
        assert_eq!(xsd_pattern("^agr-[a-z0-9]+(-[a-z0-9]+)*$").as_deref(), Some("agr-[a-z0-9]+(-[a-z0-9]+)*"));
        assert_eq!(xsd_pattern("^[^/]+$").as_deref(), Some("[^/]+"));
        assert_eq!(xsd_pattern("[a-z]+"), None, "unanchored means `contains`");
        assert_eq!(xsd_pattern("^(?i)abc$"), None);
        assert_eq!(xsd_pattern("^a|^b$"), None);
        assert_eq!(xsd_pattern("^a|b$"), None);
        assert_eq!(xsd_pattern("^(a|b)$").as_deref(), Some("(a|b)"));
        assert_eq!(xsd_pattern("^a\\$"), None);
    }
}
