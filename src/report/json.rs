//! The `json` report: `{"findings": [...], "summary": {...}}`, the contract in DESIGN.md §5,
//! plus `"omitted": N` when `--max-findings` cut the list.

use std::io::{self, Write};

use serde::Serialize;

use super::Report;
use crate::diagnostic::{Finding, Summary};

#[derive(Serialize)]
struct Document<'a> {
    findings: &'a [Finding],
    summary: Summary,
    #[serde(skip_serializing_if = "Option::is_none")]
    omitted: Option<Omitted>,
}

/// What the cap left out, and the note the other formats print.
#[derive(Serialize)]
struct Omitted {
    findings: usize,
    note: String,
}

pub fn write(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let omitted = report.omitted_note().map(|note| Omitted { findings: report.omitted(), note });
    let doc = Document { findings: &report.findings, summary: report.summary, omitted };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
