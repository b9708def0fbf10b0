//! The `junit` report: JUnit XML for CI systems without SARIF (GitLab, Jenkins, Azure): one test
//! case per checked file, clean files passing, failures carrying that file's findings.

use std::collections::{BTreeMap, HashSet};
use std::io::{self, Write};

use super::Report;
use crate::diagnostic::Finding;

pub fn write(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let mut files: BTreeMap<&str, Vec<&Finding>> = report.checked.iter().map(|f| (&**f, Vec::new())).collect();
    // Findings about files that are not records (stray files) get a test case of their own.
    // Every finding decides pass or fail, whatever `--max-findings` says: a cut only shortens
    // the lists inside the failures.
    for f in report.all {
        files.entry(&f.file).or_default().push(f);
    }
    let shown = shown(report);
    let failing = |findings: &[&Finding]| findings.iter().any(|f| f.severity >= report.fail_on);
    let failures = files.values().filter(|fs| failing(fs)).count();
    let tests = files.len();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<testsuites name="isca validate" tests="{tests}" failures="{failures}" errors="0">"#)?;
    writeln!(
        out,
        r#"  <testsuite name="isca validate" tests="{tests}" failures="{failures}" errors="0" skipped="0">"#
    )?;
    for (file, findings) in &files {
        let (dir, name) = file.rsplit_once('/').unwrap_or(("", file));
        let classname = dir.replace('/', ".");
        write!(out, r#"    <testcase classname="{}" name="{}" file="{}""#, esc(&classname), esc(name), esc(file))?;
        if findings.is_empty() {
            writeln!(out, "/>")?;
            continue;
        }
        writeln!(out, ">")?;
        let (fail, other): (Vec<&Finding>, Vec<&Finding>) = findings.iter().partition(|f| f.severity >= report.fail_on);
        if let Some(first) = fail.first() {
            let message = match fail.len() {
                1 => format!("{}: {}", first.rule, first.message),
                n => format!("{}: {} (and {} more)", first.rule, first.message, n - 1),
            };
            write!(out, r#"      <failure message="{}" type="{}">"#, esc(&message), esc(first.rule))?;
            write!(out, "{}", esc_text(&lines(&fail, &shown)))?;
            writeln!(out, "</failure>")?;
        }
        if !other.is_empty() {
            writeln!(out, "      <system-out>{}</system-out>", esc_text(&lines(&other, &shown)))?;
        }
        writeln!(out, "    </testcase>")?;
    }
    if let Some(note) = report.omitted_note() {
        writeln!(out, "    <system-out>{}</system-out>", esc_text(&note))?;
    }
    writeln!(out, "  </testsuite>\n</testsuites>")
}

/// The addresses of the findings the cap kept. They are a subsequence of all findings, in the
/// same order, so one walk over both pairs them up.
fn shown(report: &Report<'_>) -> HashSet<*const Finding> {
    let mut kept = report.findings.iter().peekable();
    let mut shown = HashSet::new();
    for f in report.all {
        if kept.peek() == Some(&f) {
            kept.next();
            shown.insert(f as *const Finding);
        }
    }
    shown
}

/// Findings as compiler-style lines, one per finding, help indented below; those the cap left
/// out are counted on a last line.
fn lines(findings: &[&Finding], shown: &HashSet<*const Finding>) -> String {
    let mut s = String::new();
    let (listed, hidden): (Vec<&Finding>, Vec<&Finding>) =
        findings.iter().partition(|f| shown.contains(&(**f as *const Finding)));
    for f in listed {
        s.push_str(&format!("{}:{}:{}: {}[{}] {}\n", f.file, f.line, f.column, f.severity.as_str(), f.rule, f.message));
        if let Some(help) = &f.help {
            s.push_str(&format!("  help: {help}\n"));
        }
    }
    if !hidden.is_empty() {
        s.push_str(&format!("(and {} more not shown)\n", hidden.len()));
    }
    s
}

/// Escapes an attribute value. Characters XML 1.0 cannot hold at all (control characters from
/// the data) become U+FFFD; line breaks and tabs are written as references, which attribute
/// value normalisation would otherwise turn into spaces.
fn esc(s: &str) -> String {
    escape(s, true)
}

/// Escapes element content, where line breaks and tabs stay as they are.
fn esc_text(s: &str) -> String {
    escape(s, false)
}

fn escape(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\t' if !attribute => out.push(c),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{esc, esc_text};

    #[test]
    fn escapes_markup_and_control_characters() {
        assert_eq!(esc("a<b>&\"c'\n\u{1}"), "a&lt;b&gt;&amp;&quot;c&apos;&#10;\u{FFFD}");
        assert_eq!(esc_text("a\n\tb\r"), "a\n\tb&#13;");
    }
}
