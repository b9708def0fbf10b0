//! The one flattened, typed table model that every writer reads, built once from the loaded
//! dataset: rows sorted by primary key, columns in schema order, column types from the catalogue.
//!
//! Writers never look at records or schemas themselves, so CSV, JSON, Parquet, the Data Package
//! and the codebook cannot drift apart. A partial date becomes four columns (the original text,
//! `_start`, `_end`, `_precision`); an array stays one nested column here (for JSON and
//! Parquet) and is also laid out flat as a link table (for CSV), from the same values.
//! A value a record leaves out publishes as its schema's `default`, where one is declared (a
//! citation's `role` is `supports` unless it says otherwise), so no reader has to know the rule.

use std::sync::Arc;

use serde_json::{Number, Value};

use super::links::{self, Parent};
use super::plan::Plan;
use crate::catalog::{Catalog, Field, FieldKind, Table};
use crate::dates::{self, Day};
use crate::doc::{Doc, Keys, Node};
use crate::error::{Error, Result};
use crate::load::{Dataset, Record};

/// `_precision` values: the precisions of `dates::Precision`, then `interval` for spans.
pub const PRECISIONS: [&str; 4] = ["year", "month", "day", "interval"];

/// Name of the link-table column that orders the values of one record's array.
pub const POSITION: &str = "position";

/// The dataset as published.
#[derive(Debug)]
pub struct Model<'a> {
    /// The dataset version: the version of the `isca` release that publishes it.
    pub version: String,
    pub schema_sha256: String,
    /// One frame per catalogue table, in catalogue order (by name).
    pub tables: Vec<Frame<'a>>,
}

/// One table of rows: a catalogue table (with nested array columns) or a link table (flat).
#[derive(Debug)]
pub struct Frame<'a> {
    pub name: String,
    pub title: String,
    pub description: String,
    pub primary_key: Vec<String>,
    pub rows: usize,
    pub columns: Vec<Column<'a>>,
    /// One flat link table per array column, in column order; empty for link tables.
    pub links: Vec<Frame<'a>>,
}

/// One column: what it means, how it is constrained, and its values for every row.
#[derive(Debug, Clone)]
pub struct Column<'a> {
    pub name: String,
    pub description: String,
    pub required: bool,
    /// The table whose primary key this column holds.
    pub references: Option<String>,
    pub constraints: Constraints,
    pub values: Values<'a>,
}

/// The schema constraints a column carries over to the Data Package.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Constraints {
    /// The JSON Schema `pattern`, as written (ECMA 262 syntax).
    pub pattern: Option<String>,
    pub min_length: Option<u64>,
    pub max_length: Option<u64>,
    pub minimum: Option<Number>,
    pub maximum: Option<Number>,
}

// Shared rather than copied: a link table's value columns are its nested column's own (at a
// million records a copy was ~120 MiB), its parent ids its parent's id column.
pub use super::cells::Cells;
pub use super::spans::Spans;
pub use super::texts::Texts;

/// A column's values, one per row; `None` where the record has no value.
#[derive(Debug, Clone)]
pub enum Values<'a> {
    /// Borrowed from the loaded records: the table model copies no text.
    /// Read from the records when asked for (`plan`): the table model copies no text.
    Text(Texts<'a>),
    /// Indexes into `categories`, the schema's `enum` in schema order.
    Enum {
        categories: Vec<String>,
        keys: Cells<Option<u32>>,
    },
    /// Days since 1970-01-01.
    Date(Cells<Option<Day>>),
    Integer(Cells<Option<i64>>),
    Number(Cells<Option<f64>>),
    Boolean(Cells<Option<bool>>),
    /// Values the schema leaves open, kept as JSON.
    Json(Cells<Option<Value>>),
    /// An array of scalars: each row's range into `items`, whose values run in row order.
    List {
        rows: Arc<Spans>,
        items: Box<Column<'a>>,
    },
    /// An array of objects: each row's range into the member columns.
    Objects {
        rows: Arc<Spans>,
        members: Vec<Column<'a>>,
    },
}

impl<'a> Model<'a> {
    /// Flattens every table of `dataset`. Fails (rather than guessing) on a value that does not
    /// have its schema's type, such as an impossible date: a dataset that validated has none.
    pub fn build(catalog: &'a Catalog, dataset: &'a Dataset) -> Result<Model<'a>> {
        let mut tables = Vec::with_capacity(catalog.tables.len());
        for (t, table) in catalog.tables.iter().enumerate() {
            let records = dataset.records.iter().filter(|r| r.table as usize == t);
            tables.push(Frame::build(catalog, table, records)?);
        }
        let version = env!("CARGO_PKG_VERSION").to_string();
        Ok(Model { version, schema_sha256: catalog.schema_sha256.clone(), tables })
    }

    pub fn records(&self) -> usize {
        self.tables.iter().map(|t| t.rows).sum()
    }
}

impl<'a> Frame<'a> {
    /// One catalogue table's frame, rows sorted by id, with its link tables.
    fn build(catalog: &Catalog, table: &'a Table, records: impl Iterator<Item = &'a Record>) -> Result<Frame<'a>> {
        let name_ok = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_';
        if table.name.is_empty() || !table.name.bytes().all(name_ok) {
            // Table names become file names and Data Package resource names.
            let message = "a published table name is lowercase letters, digits and `_`".to_string();
            return Err(Error::Export { path: table.path.clone(), message });
        }
        let mut rows: Vec<(&'a str, &'a Record)> = Vec::new();
        for r in records {
            rows.push((r.str(&table.primary_key).ok_or_else(|| bad(r, &table.primary_key, "has no id"))?, r));
        }
        rows.sort_by(|a, b| a.0.cmp(b.0));
        let mut columns = Vec::new();
        let records: Arc<Vec<&'a Record>> = Arc::new(rows.iter().map(|(_, r)| *r).collect());
        for field in &table.fields {
            let default = field.default.as_ref().map(Doc::root);
            let cells: Vec<Cell<'a>> =
                rows.iter().map(|(_, r)| Cell { value: r.get(&field.name).or(default), record: r }).collect();
            let plan = Plan::Field { rows: records.clone(), field: table.keys.field(&field.name), default };
            let reader = Reader { plan: Arc::new(plan), keys: table.keys };
            columns.extend(field_columns(field, &cells, &reader)?);
        }
        let ids = match columns.iter().find(|c| c.name == table.primary_key).map(|c| &c.values) {
            Some(Values::Text(ids)) => ids.clone(),
            _ => Texts::stored(rows.iter().map(|(id, _)| Some(*id)).collect()),
        };
        let parent = Parent { table: &table.name, key: &table.primary_key, ids: &ids };
        let links = columns.iter().filter_map(|c| links::link(catalog, &parent, c)).collect();
        Ok(Frame {
            name: table.name.clone(),
            title: table.title.clone(),
            description: table.description.clone(),
            primary_key: vec![table.primary_key.clone()],
            rows: rows.len(),
            columns,
            links,
        })
    }
}

impl Values<'_> {
    pub fn len(&self) -> usize {
        match self {
            Values::Text(v) => v.len(),
            Values::Enum { keys, .. } => keys.len(),
            Values::Date(v) => v.len(),
            Values::Integer(v) => v.len(),
            Values::Number(v) => v.len(),
            Values::Boolean(v) => v.len(),
            Values::Json(v) => v.len(),
            Values::List { rows, .. } | Values::Objects { rows, .. } => rows.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether a row holds one value (a CSV cell) rather than an array (a link table).
    pub fn is_flat(&self) -> bool {
        !matches!(self, Values::List { .. } | Values::Objects { .. })
    }

    /// The text of row `i` where the model holds it as text (a text or an enum column), not
    /// copied; `None` when absent or of another kind.
    pub fn as_str(&self, i: usize) -> Option<&str> {
        match self {
            Values::Text(v) => v.get(i),
            Values::Enum { categories, keys } => keys.get(i).map(|k| categories[k as usize].as_str()),
            _ => None,
        }
    }

    /// The text of row `i` as a CSV cell shows it; `None` when absent or not flat.
    pub fn text(&self, i: usize) -> Option<String> {
        match self {
            Values::Text(_) | Values::Enum { .. } => self.as_str(i).map(str::to_string),
            Values::Date(v) => v.get(i).map(dates::format_day),
            Values::Integer(v) => v.get(i).map(|n| n.to_string()),
            Values::Number(v) => v.get(i).and_then(Number::from_f64).map(|n| n.to_string()),
            Values::Boolean(v) => v.get(i).map(|b| b.to_string()),
            Values::Json(v) => v.get(i).map(|v| v.to_string()),
            Values::List { .. } | Values::Objects { .. } => None,
        }
    }
}

/// One record's value for a field, with the record for error messages.
#[derive(Clone, Copy)]
struct Cell<'a> {
    value: Option<Node<'a>>,
    record: &'a Record,
}

fn bad(record: &Record, field: &str, what: &str) -> Error {
    Error::Export { path: record.file.to_string().into(), message: format!("`{field}` {what}") }
}

/// The columns of one field: one, or four for a partial date.
fn field_columns<'a>(field: &'a Field, cells: &[Cell<'a>], reader: &Reader<'a>) -> Result<Vec<Column<'a>>> {
    let column = |name: String, description: String, values: Values<'a>| Column {
        name,
        description,
        required: field.required,
        references: None,
        constraints: Constraints::default(),
        values,
    };
    if field.kind != FieldKind::PartialDate {
        let mut c =
            column(field.name.clone(), field.description.clone(), values(&field.kind, &field.name, cells, reader)?);
        c.references = references(&field.kind);
        c.constraints = Constraints::of(&field.schema);
        if let (Values::List { items, .. }, Some(item)) = (&mut c.values, field.schema.get("items")) {
            items.constraints = Constraints::of(item);
        }
        return Ok(vec![c]);
    }
    let mut parsed = Vec::with_capacity(cells.len());
    for c in cells {
        parsed.push(match c.value.and_then(Node::as_str) {
            Some(s) => {
                Some(dates::parse(s).map_err(|e| bad(c.record, &field.name, &format!("is not a usable date: {e}")))?)
            }
            None => None,
        });
    }
    let name = &field.name;
    let precisions = PRECISIONS.iter().map(|p| p.to_string()).collect();
    let precision =
        |d: &dates::PartialDate| PRECISIONS.iter().position(|p| *p == d.precision_label()).map(|i| i as u32);
    let mut text = column(
        name.clone(),
        field.description.clone(),
        values(&FieldKind::Text { references: None }, name, cells, reader)?,
    );
    text.constraints = Constraints::of(&field.schema);
    Ok(vec![
        text,
        column(
            format!("{name}_start"),
            format!("First day `{name}` can mean (inclusive): the start of its year, month, day or interval."),
            Values::Date(Cells::stored(parsed.iter().map(|d| d.map(|d| d.start)).collect())),
        ),
        column(
            format!("{name}_end"),
            format!("Last day `{name}` can mean (inclusive): the end of its year, month, day or interval."),
            Values::Date(Cells::stored(parsed.iter().map(|d| d.map(|d| d.end)).collect())),
        ),
        column(
            format!("{name}_precision"),
            format!("Precision of `{name}`: `year`, `month` or `day`, or `interval` for a span of two dates."),
            Values::Enum {
                categories: precisions,
                keys: Cells::stored(parsed.iter().map(|d| d.as_ref().and_then(precision)).collect()),
            },
        ),
    ])
}

/// Where the values of a column lie in the records, and the key set the records' names are in.
struct Reader<'a> {
    plan: Arc<Plan<'a>>,
    keys: &'static Keys,
}

/// The typed values of `cells`, which all hold `kind`. JSON `null` counts as absent. `reader`
/// finds the same values again in the records.
fn values<'a>(kind: &'a FieldKind, field: &str, cells: &[Cell<'a>], reader: &Reader<'a>) -> Result<Values<'a>> {
    fn each<'a, T: Clone>(
        cells: &[Cell<'a>],
        field: &str,
        what: &str,
        f: impl Fn(Node<'a>) -> Option<T>,
    ) -> Result<Cells<Option<T>>> {
        // Filled in place at its final size: collecting a `Result` cannot know the length, and
        // the doubling it falls back on left up to half of every column unused.
        let mut out = Vec::with_capacity(cells.len());
        for c in cells {
            out.push(match c.value.filter(|v| !v.is_null()) {
                None => None,
                Some(v) => Some(f(v).ok_or_else(|| bad(c.record, field, &format!("is not {what}")))?),
            });
        }
        Ok(Cells::stored(out))
    }
    Ok(match kind {
        // Inside arrays a partial date stays text: the four-column expansion is for fields.
        FieldKind::Text { .. } | FieldKind::PartialDate => {
            // Checked here, read from the records when written: a reference to each string
            // (16 bytes a value) was a third of the model at a million events.
            for c in cells {
                if c.value.is_some_and(|v| !v.is_null() && v.as_str().is_none()) {
                    return Err(bad(c.record, field, "is not a string"));
                }
            }
            Values::Text(Texts::Read { plan: reader.plan.clone(), rows: cells.len() })
        }
        FieldKind::Enum { values } => Values::Enum {
            keys: each(cells, field, "one of the allowed values", |v| {
                v.as_str().and_then(|s| values.iter().position(|c| c == s)).map(|i| i as u32)
            })?,
            categories: values.clone(),
        },
        FieldKind::Integer => Values::Integer(each(cells, field, "an integer", |v| v.as_i64())?),
        FieldKind::Number => Values::Number(each(cells, field, "a number", |v| v.as_f64())?),
        FieldKind::Boolean => Values::Boolean(each(cells, field, "true or false", |v| v.as_bool())?),
        FieldKind::Json => Values::Json(Cells::stored(
            cells.iter().map(|c| c.value.filter(|v| !v.is_null()).map(Node::to_value)).collect(),
        )),
        FieldKind::List { item } => {
            let (rows, inner) = spread(cells, field)?;
            let rows = Arc::new(rows);
            let elements = reader.elements(&rows);
            let items = Column {
                name: "element".to_string(),
                description: String::new(),
                required: true,
                references: references(item),
                constraints: Constraints::default(),
                values: values(item, field, &inner, &elements)?,
            };
            Values::List { rows, items: Box::new(items) }
        }
        FieldKind::Objects { fields } => {
            let (rows, inner) = spread(cells, field)?;
            let rows = Arc::new(rows);
            let elements = reader.elements(&rows);
            let mut members = Vec::with_capacity(fields.len());
            for f in fields {
                let default = f.default.as_ref().map(Doc::root);
                let sub: Vec<Cell<'a>> = inner
                    .iter()
                    .map(|c| Cell { value: c.value.and_then(|v| v.get(&f.name)).or(default), ..*c })
                    .collect();
                let outer = elements.plan.clone();
                let plan = Plan::Member { outer, field: reader.keys.field(&f.name), default };
                let mut member = field_columns(f, &sub, &Reader { plan: Arc::new(plan), keys: reader.keys })?;
                // A date inside an object keeps its text only: nested columns stay one per member.
                member.truncate(1);
                members.extend(member);
            }
            Values::Objects { rows, members }
        }
    })
}

impl<'a> Reader<'a> {
    /// The reader of the elements of the arrays this one reads, laid out as `spans`.
    fn elements(&self, spans: &Arc<Spans>) -> Reader<'a> {
        let plan = Plan::Element { outer: self.plan.clone(), spans: spans.clone(), parents: spans.parents() };
        Reader { plan: Arc::new(plan), keys: self.keys }
    }
}

/// Each row's array as a range into the concatenation of all rows' elements.
fn spread<'a>(cells: &[Cell<'a>], field: &str) -> Result<(Spans, Vec<Cell<'a>>)> {
    let mut rows = Spans::with_capacity(cells.len());
    let mut inner = Vec::new();
    for c in cells {
        match c.value.filter(|v| !v.is_null()).map(|v| v.as_array()) {
            None => rows.push(None).map_err(|_| too_many(c.record, field))?,
            Some(Some(items)) => {
                let start = inner.len();
                inner.extend(items.map(|v| Cell { value: Some(v), record: c.record }));
                rows.push(Some(inner.len() - start)).map_err(|_| too_many(c.record, field))?;
            }
            Some(None) => return Err(bad(c.record, field, "is not an array")),
        }
    }
    Ok((rows, inner))
}

fn too_many(record: &Record, field: &str) -> Error {
    bad(record, field, "takes the column past 2^31 array elements, more than a build can publish")
}

fn references(kind: &FieldKind) -> Option<String> {
    match kind {
        FieldKind::Text { references } => references.clone(),
        _ => None,
    }
}

impl Constraints {
    fn of(schema: &Value) -> Constraints {
        let int = |k: &str| schema.get(k).and_then(Value::as_u64);
        let num = |k: &str| schema.get(k).and_then(Value::as_number).cloned();
        Constraints {
            pattern: schema.get("pattern").and_then(Value::as_str).map(String::from),
            min_length: int("minLength"),
            max_length: int("maxLength"),
            minimum: num("minimum"),
            maximum: num("maximum"),
        }
    }
}
