//! The `text` report: compiler-style findings with the source line, a caret under the value,
//! a help line where a fix is known, and a summary with the totals of each rule.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::{Report, caret, counts, plural};
use crate::diagnostic::Severity;
use crate::rules;
use crate::text::inert;

const RED: &str = "\x1b[1;31m";
const YELLOW: &str = "\x1b[1;33m";
const BLUE: &str = "\x1b[1;34m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

pub fn write(report: &Report<'_>, color: bool, out: &mut dyn Write) -> io::Result<()> {
    let paint = |style: &'static str| if color { style } else { "" };
    let reset = paint(RESET);
    for f in report.findings.iter() {
        let (label, style) = match f.severity {
            Severity::Error => ("error", paint(RED)),
            Severity::Warning => ("warning", paint(YELLOW)),
        };
        writeln!(out, "{style}{label}[{}]{reset}{}: {}{reset}", f.rule, paint(BOLD), inert(&f.message))?;
        let blue = paint(BLUE);
        let gutter = f.line.to_string();
        let pad = " ".repeat(gutter.len());
        writeln!(out, "{pad}{blue}-->{reset} {}:{}:{}", inert(&f.file), f.line, f.column)?;
        if let Some(line) = &f.source_line {
            // Escaping can widen characters before the caret, so the caret column is counted
            // in the escaped text; carets line up in terminal cells (a CJK name takes two per
            // character).
            let (before, at) = line.split_at(
                line.char_indices().nth(f.source_column.saturating_sub(1) as usize).map_or(line.len(), |(i, _)| i),
            );
            let (before, at) = (shown(before), shown(at));
            let column = u32::try_from(before.chars().count() + 1).unwrap_or(u32::MAX);
            let shown = before + &at;
            let (indent, width) = caret::cells(&shown, column);
            let indent = " ".repeat(indent);
            writeln!(out, "{pad} {blue}|{reset}")?;
            writeln!(out, "{blue}{gutter} |{reset} {shown}")?;
            writeln!(out, "{pad} {blue}|{reset} {indent}{style}{}{reset}", "^".repeat(width))?;
        }
        if !f.pointer.is_empty() {
            writeln!(out, "{pad} {blue}={reset} at {}", inert(&f.pointer))?;
        }
        if let Some(help) = &f.help {
            writeln!(out, "{pad} {blue}={reset} help: {}", inert(help))?;
        }
        writeln!(out)?;
    }
    summary(report, out)
}

fn summary(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let s = report.summary;
    if report.all.is_empty() {
        return writeln!(
            out,
            "ok: {} checked in {}, no findings",
            plural(s.records, "record"),
            plural(s.files, "file")
        );
    }
    if let Some(note) = report.omitted_note() {
        writeln!(out, "... {note}\n")?;
    }
    let mut per_rule: BTreeMap<&str, usize> = BTreeMap::new();
    for f in report.all {
        *per_rule.entry(f.rule).or_default() += 1;
    }
    // With a single rule the totals would only repeat the count below.
    if per_rule.len() < 2 {
        return writeln!(out, "{}", counts(s, ""));
    }
    let digits = per_rule.values().max().map_or(1, |n| n.to_string().len());
    for (code, n) in per_rule {
        let doc = rules::find(code);
        let severity = doc.map_or("", |d| d.severity.as_str());
        writeln!(out, "  {n:>digits$}  {code} {:<26} {severity}", doc.map_or("", |d| d.name))?;
    }
    writeln!(out, "{}", counts(s, ""))
}

/// A source excerpt as shown: inert, tabs as single spaces so the caret stays aligned.
fn shown(s: &str) -> String {
    inert(s).chars().map(|c| if c == '\t' { ' ' } else { c }).collect()
}
