//! Reports: the same findings rendered for a person or for a machine, one file per format.
//! Every renderer writes to a `Write`, so tests render into a `Vec<u8>`.

pub mod cap;
mod caret;
mod github;
mod json;
mod junit;
mod markdown;
mod sarif;
mod text;

use std::borrow::Cow;
use std::io::{self, Write};
use std::sync::Arc;

use self::cap::MaxFindings;
use crate::Validation;
use crate::cli::Format;
use crate::diagnostic::{Finding, Severity, Summary};

/// What every format renders: findings sorted (file, line, column, code) and their counts.
pub struct Report<'a> {
    /// The findings to render: all of them, or those `--max-findings` keeps.
    pub findings: Cow<'a, [Finding]>,
    /// Every finding, for counts and pass/fail, which a cap never changes.
    pub all: &'a [Finding],
    /// The cap in force, named in the closing note when findings were cut.
    pub max: MaxFindings,
    pub summary: Summary,
    /// Every record file that was checked, clean ones included (JUnit lists them as passes).
    pub checked: &'a [Arc<str>],
    /// The severity that fails the run; formats with a pass/fail notion (JUnit) follow it.
    pub fail_on: Severity,
}

impl<'a> Report<'a> {
    pub fn new(v: &'a Validation, fail_on: Severity) -> Self {
        let summary = Summary::new(&v.findings, v.dataset.files, v.dataset.records.len());
        Report {
            findings: Cow::Borrowed(&v.findings),
            all: &v.findings,
            max: MaxFindings::All,
            summary,
            checked: &v.checked,
            fail_on,
        }
    }

    /// Renders only the findings `max` keeps (see `cap::select`).
    pub fn capped(mut self, max: MaxFindings) -> Self {
        self.findings = cap::select(self.all, max);
        self.max = max;
        self
    }

    /// How many findings the cap left out.
    pub fn omitted(&self) -> usize {
        self.all.len() - self.findings.len()
    }

    /// The closing "and N more" note, when findings were cut.
    pub fn omitted_note(&self) -> Option<String> {
        let omitted = self.omitted();
        (omitted > 0).then(|| cap::note(omitted, self.max))
    }
}

/// Renders `report` in `format`; `color` applies to the text format only.
pub fn write(format: Format, report: &Report<'_>, color: bool, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Text => text::write(report, color, out),
        Format::Json => json::write(report, out),
        Format::Github => github::write(report, out),
        Format::Sarif => sarif::write(report, out),
        Format::Junit => junit::write(report, out),
        Format::Markdown => markdown::write(report, out),
    }
}

/// "1 error", "2 warnings": counts in summaries.
fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// "3 errors and 1 warning in 12 files (12 records checked)"; `strong` wraps the two counts
/// (Markdown bold), so every format words its summary the same way.
fn counts(s: Summary, strong: &str) -> String {
    format!(
        "{strong}{}{strong} and {strong}{}{strong} in {} ({} checked)",
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        plural(s.files, "file"),
        plural(s.records, "record")
    )
}
