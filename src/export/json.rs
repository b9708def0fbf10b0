//! `json/<table>.json` (a pretty array) and `json/<table>.jsonl` (one record per line).
//!
//! Each row is an object with its columns in model order, which is schema order with the
//! `_start`/`_end`/`_precision` columns right after their date. Absent values are left out,
//! as in the records themselves; arrays of objects stay arrays of objects.

use std::io::{self, Write};

use std::ops::Range;

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::ser::PrettyFormatter;
use serde_json::{Number, Value};

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
pub fn row<'f>(frame: &'f Frame, i: usize) -> Row<'f, 'f> {
    Row { columns: &frame.columns, i }
}

/// Row `i` of some columns, serialised straight from the model: no `Value` per row (a `Map`
/// of fresh strings, built and dropped), and text written from where it lies. The bytes are
/// those of the same row as a `Value`.
pub struct Row<'c, 'd> {
    columns: &'c [Column<'d>],
    i: usize,
}

impl Serialize for Row<'_, '_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let mut map = ser.serialize_map(None)?;
        for c in self.columns {
            // Absent values are left out, keys and all.
            if let Some(value) = cell(&c.values, self.i) {
                map.serialize_entry(&c.name, &value)?;
            }
        }
        map.end()
    }
}

/// The JSON value at one row, borrowed where the model holds it.
enum Cell<'c, 'd> {
    Text(&'c str),
    Owned(Value),
    List { items: &'c Values<'d>, rows: Range<usize> },
    Objects { members: &'c [Column<'d>], rows: Range<usize> },
}

/// The value at row `i`, or `None` when absent.
fn cell<'c, 'd>(values: &'c Values<'d>, i: usize) -> Option<Cell<'c, 'd>> {
    match values {
        Values::Text(_) | Values::Enum { .. } => values.as_str(i).map(Cell::Text),
        Values::Date(_) => values.text(i).map(|s| Cell::Owned(Value::String(s))),
        Values::Integer(v) => v.get(i).map(|n| Cell::Owned(n.into())),
        Values::Number(v) => v.get(i).and_then(Number::from_f64).map(|n| Cell::Owned(Value::Number(n))),
        Values::Boolean(v) => v.get(i).map(|b| Cell::Owned(Value::Bool(b))),
        Values::Json(v) => v.get(i).map(Cell::Owned),
        Values::List { rows, items } => rows.get(i).map(|rows| Cell::List { items: &items.values, rows }),
        Values::Objects { rows, members } => rows.get(i).map(|rows| Cell::Objects { members, rows }),
    }
}

impl Serialize for Cell<'_, '_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        match self {
            Cell::Text(s) => ser.serialize_str(s),
            Cell::Owned(v) => v.serialize(ser),
            // An absent item of a list is `null`, as it was in the record.
            Cell::List { items, rows } => {
                ser.collect_seq(rows.clone().map(|j| cell(items, j).unwrap_or(Cell::Owned(Value::Null))))
            }
            Cell::Objects { members, rows } => ser.collect_seq(rows.clone().map(|j| Row { columns: members, i: j })),
        }
    }
}
