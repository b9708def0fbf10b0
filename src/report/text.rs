//! The `text` report: compiler-style findings with the source line, a caret under the value,
//! a help line where a fix is known, and a summary.

use std::io::{self, Write};

use super::{Report, counts, plural};
use crate::diagnostic::Severity;

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
        writeln!(out, "{style}{label}[{}]{reset}{}: {}{reset}", f.rule, paint(BOLD), f.message)?;
        let blue = paint(BLUE);
        let gutter = f.line.to_string();
        let pad = " ".repeat(gutter.len());
        writeln!(out, "{pad}{blue}-->{reset} {}:{}:{}", f.file, f.line, f.column)?;
        if let Some(line) = &f.source_line {
            let shown: String = line.chars().map(|c| if c == '\t' { ' ' } else { c }).collect();
            let indent = " ".repeat(f.column.saturating_sub(1) as usize);
            let width = token_width(&shown, f.column as usize);
            writeln!(out, "{pad} {blue}|{reset}")?;
            writeln!(out, "{blue}{gutter} |{reset} {shown}")?;
            writeln!(out, "{pad} {blue}|{reset} {indent}{style}{}{reset}", "^".repeat(width))?;
        }
        if !f.pointer.is_empty() {
            writeln!(out, "{pad} {blue}={reset} at {}", f.pointer)?;
        }
        if let Some(help) = &f.help {
            writeln!(out, "{pad} {blue}={reset} help: {help}")?;
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
