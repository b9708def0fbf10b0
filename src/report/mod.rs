//! Reports: the same findings rendered for a person or for a machine, one file per format.
//! Every renderer writes to a `Write`, so tests render into a `Vec<u8>`.

mod json;
mod text;

use std::io::{self, Write};

use crate::cli::Format;
use crate::diagnostic::{Finding, Summary};

/// What every format renders: findings sorted (file, line, column, code) and their counts.
pub struct Report<'a> {
    pub findings: &'a [Finding],
    pub summary: Summary,
}

/// Renders `report` in `format`; `color` applies to the text format only.
pub fn write(format: Format, report: &Report<'_>, color: bool, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Text => text::write(report, color, out),
        Format::Json => json::write(report, out),
    }
}
