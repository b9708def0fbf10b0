//! The `markdown` report: a summary for `$GITHUB_STEP_SUMMARY` and pull-request comments —
//! counts per severity and per rule, then the findings as a table, cut at a readable length
//! (`--max-findings`, by default `cap::MARKDOWN` rows).

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::{Report, counts, plural};
use crate::diagnostic::Severity;
use crate::rules;
use crate::text::inert;

pub fn write(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let s = report.summary;
    writeln!(out, "## isca validate\n")?;
    if report.all.is_empty() {
        writeln!(out, "No findings: {} checked in {}.", plural(s.records, "record"), plural(s.files, "file"))?;
        return Ok(());
    }
    writeln!(out, "{}.\n", counts(s, "**"))?;
    writeln!(out, "| Severity | Findings |\n| --- | ---: |")?;
    writeln!(out, "| error | {} |\n| warning | {} |\n", s.errors, s.warnings)?;

    let mut per_rule: BTreeMap<&str, (Severity, usize)> = BTreeMap::new();
    for f in report.all {
        per_rule.entry(f.rule).or_insert((f.severity, 0)).1 += 1;
    }
    writeln!(out, "| Rule | Name | Severity | Findings |\n| --- | --- | --- | ---: |")?;
    for (code, (severity, count)) in &per_rule {
        let name = rules::find(code).map_or("", |d| d.name);
        writeln!(out, "| `{code}` | {name} | {} | {count} |", severity.as_str())?;
    }

    if !report.findings.is_empty() {
        writeln!(out, "\n### Findings\n")?;
        writeln!(out, "| Location | Rule | Severity | Message |\n| --- | --- | --- | --- |")?;
    }
    for f in report.findings.iter() {
        writeln!(
            out,
            "| `{}:{}:{}` | `{}` | {} | {} |",
            code(&inert(&f.file)),
            f.line,
            f.column,
            f.rule,
            f.severity.as_str(),
            cell(&inert(&f.message))
        )?;
    }
    if let Some(note) = report.omitted_note() {
        writeln!(out, "\n_{}._", cell(&note))?;
    }
    Ok(())
}

/// Keeps a value inside its table cell and shows it as written: a `|` would end the cell and a
/// newline the row (GFM needs `\|` even inside code spans); outside code spans, Markdown and
/// HTML punctuation is backslash-escaped so that data like `<co>` or `a*b*` is not rendered.
fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_code = false;
    for c in s.chars() {
        match c {
            '`' => in_code = !in_code,
            '|' => out.push('\\'),
            '\r' | '\n' => {
                out.push(' ');
                continue;
            }
            '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '~' | '#' if !in_code => out.push('\\'),
            _ => {}
        }
        out.push(c);
    }
    out
}

/// Text for inside a code span, where only the cell and row separators need care.
fn code(s: &str) -> String {
    s.replace('|', "\\|").replace(['\r', '\n'], " ")
}

#[cfg(test)]
mod tests {
    use super::{cell, code};

    #[test]
    fn cells_escape_markup_outside_code_only() {
        assert_eq!(cell("\"a <b> | *c*\" in `x|<y>`"), "\"a \\<b\\> \\| \\*c\\*\" in `x\\|<y>`");
        assert_eq!(cell("one\ntwo"), "one two");
        assert_eq!(code("dataset/threat_categories/a|b.json"), "dataset/threat_categories/a\\|b.json");
    }
}
