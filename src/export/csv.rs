//! `csv/<table>.csv` and `csv/<link table>.csv`: RFC 4180, UTF-8 without byte-order mark, a
//! header row, CRLF line ends, fields quoted only when they must be.
//!
//! Only flat columns are written; a frame's array columns are published as its link tables,
//! which are frames of flat columns themselves. An absent value is an empty field, which is
//! also the Data Package's default missing value. Cells are never altered (no `'` prefix
//! against spreadsheet formulas): the CSV is data for programs first.

use std::io::Write;

use super::table::Frame;

/// Writes the flat columns of `frame`.
pub fn write(frame: &Frame, out: &mut dyn Write) -> csv::Result<()> {
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(out);
    let columns: Vec<_> = frame.columns.iter().filter(|c| c.values.is_flat()).collect();
    w.write_record(columns.iter().map(|c| c.name.as_str()))?;
    for i in 0..frame.rows {
        w.write_record(columns.iter().map(|c| c.values.text(i).unwrap_or_default()))?;
    }
    w.flush()?;
    Ok(())
}
