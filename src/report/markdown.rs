//! The `markdown` report: a summary for `$GITHUB_STEP_SUMMARY` and pull-request comments —
//! counts per severity and per rule, then the findings as a table, cut at a readable length.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::{Report, plural};
use crate::diagnostic::Severity;
use crate::rules;

/// Rows of the findings table; a step summary is capped at 1 MiB and nobody reads a longer one.
const MAX_ROWS: usize = 100;

pub fn write(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let s = report.summary;
    writeln!(out, "## isca validate\n")?;
    if report.findings.is_empty() {
        writeln!(out, "No findings: {} checked in {}.", plural(s.records, "record"), plural(s.files, "file"))?;
        return Ok(());
    }
    writeln!(
        out,
        "**{}** and **{}** in {} ({} checked).\n",
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        plural(s.files, "file"),
        plural(s.records, "record")
    )?;
    writeln!(out, "| Severity | Findings |\n| --- | ---: |")?;
    writeln!(out, "| error | {} |\n| warning | {} |\n", s.errors, s.warnings)?;

    let mut per_rule: BTreeMap<&str, (Severity, usize)> = BTreeMap::new();
    for f in report.findings {
        per_rule.entry(f.rule).or_insert((f.severity, 0)).1 += 1;
    }
    writeln!(out, "| Rule | Name | Severity | Findings |\n| --- | --- | --- | ---: |")?;
    for (code, (severity, count)) in &per_rule {
        let name = rules::find(code).map_or("", |d| d.name);
        writeln!(out, "| `{code}` | {name} | {} | {count} |", severity.as_str())?;
    }

    writeln!(out, "\n### Findings\n")?;
    writeln!(out, "| Location | Rule | Severity | Message |\n| --- | --- | --- | --- |")?;
    for f in report.findings.iter().take(MAX_ROWS) {
        writeln!(
            out,
            "| `{}:{}:{}` | `{}` | {} | {} |",
            cell(&f.file),
            f.line,
            f.column,
            f.rule,
            f.severity.as_str(),
            cell(&f.message)
        )?;
    }
    if report.findings.len() > MAX_ROWS {
        writeln!(
            out,
            "\n_{} more not shown; run `isca validate` for the full list._",
            plural(report.findings.len() - MAX_ROWS, "finding")
        )?;
    }
    Ok(())
}

/// Keeps a value inside its table cell: a `|` would end the cell and a newline the row.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\r', '\n'], " ")
}
