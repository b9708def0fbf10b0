//! The `github` report: GitHub Actions workflow commands (`::error file=…,line=…::message`),
//! which the runner turns into annotations on the pull request, plus a one-line summary.
//! By default only as many as GitHub shows are written (`cap::GITHUB`); a notice says how many
//! more there are.

use std::io::{self, Write};

use super::{Report, counts};
use crate::diagnostic::Severity;
use crate::text::inert;

/// Annotations GitHub shows per kind and step; the rest are dropped (actions/toolkit#734).
const SHOWN_PER_KIND: usize = 10;

pub fn write(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    for f in report.findings.iter() {
        let command = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        // Text from the data is made inert first, so the only line break left is ours.
        let mut message = inert(&f.message).into_owned();
        if let Some(help) = &f.help {
            message.push_str("\nhelp: ");
            message.push_str(&inert(help));
        }
        writeln!(
            out,
            "::{command} file={},line={},col={},title={}::{}",
            property(&inert(&f.file)),
            f.line,
            f.column,
            property(f.rule),
            data(&message)
        )?;
    }
    let s = report.summary;
    writeln!(out, "isca: {}", counts(s, ""))?;
    if let Some(note) = report.omitted_note() {
        writeln!(out, "::notice title=isca::{}", data(&note))?;
    }
    let shown_errors = report.findings.iter().filter(|f| f.severity == Severity::Error).count();
    let shown_warnings = report.findings.len() - shown_errors;
    if shown_errors > SHOWN_PER_KIND || shown_warnings > SHOWN_PER_KIND {
        writeln!(out, "isca: GitHub shows only {SHOWN_PER_KIND} annotations of each kind per step")?;
    }
    if report.omitted() > 0 || shown_errors > SHOWN_PER_KIND || shown_warnings > SHOWN_PER_KIND {
        writeln!(out, "isca: for the full list, add `isca validate --format markdown >> $GITHUB_STEP_SUMMARY`")?;
    }
    Ok(())
}

/// Escapes a command's message (actions/toolkit `escapeData`).
fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a property value (actions/toolkit `escapeProperty`): `:` and `,` end a property.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_the_actions_toolkit() {
        assert_eq!(data("50% off\r\nnext"), "50%25 off%0D%0Anext");
        assert_eq!(property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
