//! The `json` diff: `{"tables": [...], "summary": {...}}`, plus `skipped` when something was
//! left out. Added and removed records are included whole, in canonical key order.

use std::io::{self, Write};

use super::Diff;

pub fn write(diff: &Diff, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, diff)?;
    writeln!(out)
}
