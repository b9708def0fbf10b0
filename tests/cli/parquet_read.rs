//! Reading a published Parquet file back with the parquet crate's Arrow reader: its schema
//! (field metadata included), its key-value metadata, and its rows as JSON values, for the
//! snapshots and the round trips. A tiny printer instead of arrow's `prettyprint` umbrella.

use std::fmt::Write;
use std::path::Path;

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float64Type, Int32Type, Int64Type};
use arrow_array::{Array, RecordBatch};
use arrow_schema::{DataType, Field, SchemaRef};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde_json::{Map, Value};

pub struct Read {
    pub schema: SchemaRef,
    pub created_by: Option<String>,
    /// File key-value metadata, `ARROW:schema` left out.
    pub metadata: Vec<(String, String)>,
    pub rows: Vec<Map<String, Value>>,
}

pub fn read(path: &Path) -> Read {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let builder = ParquetRecordBatchReaderBuilder::try_new(file).unwrap();
    let meta = builder.metadata().file_metadata();
    let created_by = meta.created_by().map(String::from);
    let metadata = meta
        .key_value_metadata()
        .into_iter()
        .flatten()
        .filter(|kv| kv.key != "ARROW:schema")
        .map(|kv| (kv.key.clone(), kv.value.clone().unwrap_or_default()))
        .collect();
    let schema = builder.schema().clone();
    let batches: Vec<RecordBatch> = builder.build().unwrap().map(Result::unwrap).collect();
    let rows = batches.iter().flat_map(rows).collect();
    Read { schema, created_by, metadata, rows }
}

/// Each row as an object of its non-null columns, in column order.
fn rows(batch: &RecordBatch) -> Vec<Map<String, Value>> {
    let schema = batch.schema();
    (0..batch.num_rows())
        .map(|i| {
            schema
                .fields()
                .iter()
                .zip(batch.columns())
                .filter(|(_, a)| !a.is_null(i))
                .map(|(f, a)| (f.name().clone(), cell(a.as_ref(), i)))
                .collect()
        })
        .collect()
}

/// One value as JSON: dates as `YYYY-MM-DD`, dictionaries as their string.
pub fn cell(array: &dyn Array, i: usize) -> Value {
    if array.is_null(i) {
        return Value::Null;
    }
    match array.data_type() {
        DataType::Utf8 => Value::from(array.as_string::<i32>().value(i)),
        DataType::Dictionary(key, value) if **key == DataType::Int32 && **value == DataType::Utf8 => {
            let dict = array.as_dictionary::<Int32Type>();
            let k = dict.keys().value(i) as usize;
            Value::from(dict.values().as_string::<i32>().value(k))
        }
        DataType::Date32 => Value::from(isca::dates::format_day(array.as_primitive::<Date32Type>().value(i))),
        DataType::Int64 => Value::from(array.as_primitive::<Int64Type>().value(i)),
        DataType::Float64 => Value::from(array.as_primitive::<Float64Type>().value(i)),
        DataType::Boolean => Value::from(array.as_boolean().value(i)),
        DataType::List(_) => {
            let items = array.as_list::<i32>().value(i);
            Value::Array((0..items.len()).map(|j| cell(items.as_ref(), j)).collect())
        }
        DataType::Struct(fields) => {
            let s = array.as_struct();
            let members = fields.iter().zip(s.columns()).filter(|(_, c)| !c.is_null(i));
            Value::Object(members.map(|(f, c)| (f.name().clone(), cell(c.as_ref(), i))).collect())
        }
        other => panic!("no printer for {other}"),
    }
}

/// Schema, metadata and rows as text: one `name: type` line per field (descriptions below
/// it), then each row as `column | value` lines, like psql's expanded display.
pub fn print(read: &Read) -> String {
    let mut out = String::new();
    writeln!(out, "created_by: {}", read.created_by.as_deref().unwrap_or("-")).unwrap();
    for (k, v) in &read.metadata {
        writeln!(out, "metadata {k}: {v}").unwrap();
    }
    writeln!(out, "schema:").unwrap();
    for f in read.schema.fields() {
        field(&mut out, f, 1);
    }
    let width = read.schema.fields().iter().map(|f| f.name().len()).max().unwrap_or(0);
    for (n, row) in read.rows.iter().enumerate() {
        writeln!(out, "-[ row {} ]-", n + 1).unwrap();
        for (k, v) in row {
            let shown = match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            writeln!(out, "{k:width$} | {shown}").unwrap();
        }
    }
    out
}

fn field(out: &mut String, f: &Field, depth: usize) {
    let pad = "  ".repeat(depth);
    let null = if f.is_nullable() { "" } else { " not null" };
    // Nested types name only themselves: their children follow on their own lines.
    let kind = match f.data_type() {
        DataType::List(_) => "List".to_string(),
        DataType::Struct(_) => "Struct".to_string(),
        other => other.to_string(),
    };
    writeln!(out, "{pad}{}: {kind}{null}", f.name()).unwrap();
    for (k, v) in f.metadata() {
        writeln!(out, "{pad}  {k}: {v}").unwrap();
    }
    match f.data_type() {
        DataType::List(child) => field(out, child, depth + 1),
        DataType::Struct(fields) => fields.iter().for_each(|c| field(out, c, depth + 1)),
        _ => {}
    }
}
