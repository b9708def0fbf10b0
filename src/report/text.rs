//! The `text` report: compiler-style findings with the source line, a caret under the value,
//! a help line where a fix is known, and a summary.

use std::io::{self, Write};

use super::{Report, counts, plural};
use crate::diagnostic::Severity;
use crate::text::inert;

const RED: &str = "\x1b[1;31m";
const YELLOW: &str = "\x1b[1;33m";
const BLUE: &str = "\x1b[1;34m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

pub fn write(report: &Report<'_>, color: bool, out: &mut dyn Write) -> io::Result<()> {
    let paint = |style: &'static str| if color { style } else { "" };
    let reset = paint(RESET);
    for f in report.findings {
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
            // in the escaped text.
            let (before, at) = line.split_at(
                line.char_indices().nth(f.source_column.saturating_sub(1) as usize).map_or(line.len(), |(i, _)| i),
            );
            let (before, at) = (shown(before), shown(at));
            let indent = " ".repeat(before.chars().count());
            let width = token_width(&at, 1);
            let shown = before + &at;
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
    if report.findings.is_empty() {
        writeln!(out, "ok: {} checked in {}, no findings", plural(s.records, "record"), plural(s.files, "file"))
    } else {
        writeln!(out, "{}", counts(s, ""))
    }
}

/// A source excerpt as shown: inert, tabs as single spaces so the caret stays aligned.
fn shown(s: &str) -> String {
    inert(s).chars().map(|c| if c == '\t' { ' ' } else { c }).collect()
}

/// How many characters to underline: a whole string token, a scalar up to its delimiter,
/// or a single character for brackets.
fn token_width(line: &str, column: usize) -> usize {
    let rest: Vec<char> = line.chars().skip(column.saturating_sub(1)).collect();
    match rest.first() {
        None => 1,
        Some('"') => {
            let mut i = 1;
            while i < rest.len() {
                match rest[i] {
                    '\\' => i += 2,
                    '"' => return i + 1,
                    _ => i += 1,
                }
            }
            rest.len()
        }
        Some('{' | '[') => 1,
        Some(_) => rest.iter().take_while(|c| !",}] \t".contains(**c)).count().max(1),
    }
}
