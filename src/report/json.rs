//! The `json` report: `{"findings": [...], "summary": {...}}`, the contract in DESIGN.md §5.

use std::io::{self, Write};

use serde::Serialize;

use super::Report;
use crate::diagnostic::{Finding, Summary};

#[derive(Serialize)]
struct Document<'a> {
    findings: &'a [Finding],
    summary: Summary,
}

pub fn write(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let doc = Document { findings: report.findings, summary: report.summary };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
