//! `json/<table>.json` (a pretty array) and `json/<table>.jsonl` (one record per line).
//!
//! Each row is an object with its columns in model order, which is schema order with the
//! `_start`/`_end`/`_precision` columns right after their date. Absent values are left out,
//! as in the records themselves; arrays of objects stay arrays of objects.

use std::io::{self, Write};

use serde::Serializer as _;
use serde_json::ser::PrettyFormatter;
use serde_json::{Map, Number, Value};

use super::table::{Column, Frame, Values};

/// The whole table as a JSON array, 2-space indented, with a final newline.
///
/// Rows are serialised one at a time as the array is written (`collect_seq` over a lazy
/// iterator): the bytes are those of `to_writer_pretty` on a `Vec` of every row, without ever
/// holding that `Vec`, which was the largest allocation of a build.
pub fn write_array(frame: &Frame, out: &mut dyn Write) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, PrettyFormatter::with_indent(b"  "));
    ser.collect_seq((0..frame.rows).map(|i| row(frame, i)))?;
    out.write_all(b"\n")
}

/// One compact JSON object per line (JSON Lines), each line ending in `\n`.
pub fn write_lines(frame: &Frame, out: &mut dyn Write) -> io::Result<()> {
    for i in 0..frame.rows {
        serde_json::to_writer(&mut *out, &row(frame, i))?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Row `i` as an object, keys in column order.
pub fn row(frame: &Frame, i: usize) -> Value {
    object(&frame.columns, i)
}

fn object(columns: &[Column], i: usize) -> Value {
    let map: Map<String, Value> =
        columns.iter().filter_map(|c| value(&c.values, i).map(|v| (c.name.clone(), v))).collect();
    Value::Object(map)
}

/// The JSON value at row `i`, or `None` when absent.
fn value(values: &Values, i: usize) -> Option<Value> {
    match values {
        Values::Text(_) | Values::Enum { .. } | Values::Date(_) => values.text(i).map(Value::String),
        Values::Integer(v) => v.get(i).map(Value::from),
        Values::Number(v) => v.get(i).and_then(Number::from_f64).map(Value::Number),
        Values::Boolean(v) => v.get(i).map(Value::Bool),
        Values::Json(v) => v.get(i),
        Values::List { rows, items } => {
            let range = rows.get(i)?;
            Some(Value::Array(range.map(|j| value(&items.values, j).unwrap_or(Value::Null)).collect()))
        }
        Values::Objects { rows, members } => {
            let range = rows.get(i)?;
            Some(Value::Array(range.map(|j| object(members, j)).collect()))
        }
    }
}
