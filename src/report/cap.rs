//! Output caps (`--max-findings`): how many findings each format shows by default, which ones,
//! and the closing note about the rest. The exit code and the summary counts always cover
//! every finding; only what is rendered is cut.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use crate::cli::Format;
use crate::diagnostic::{Finding, Severity};

/// GitHub renders at most 10 error and 10 warning annotations per step (and 50 per job) and
/// drops the rest (docs "Workflow commands", actions/toolkit#734): 10 findings in all are
/// 10 that are all shown, whatever their severity.
pub const GITHUB: usize = 10;
/// Code scanning accepts 25,000 results per run but shows only the first 5,000
/// (github/docs `data/reusables/code-scanning/sarif-limits.md`).
pub const SARIF: usize = 5_000;
/// Rows of the Markdown findings table: a step summary is capped at 1 MiB, and nobody reads
/// a longer table in a pull-request comment.
pub const MARKDOWN: usize = 100;

/// The value of `--max-findings`: a number, or `all`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MaxFindings {
    All,
    At(usize),
}

impl MaxFindings {
    /// The cap a format gets when `--max-findings` is not given. People (text), programs
    /// (json) and JUnit, whose test cases must all be listed for pass/fail to be right, get
    /// everything; the consumers with limits get what they show.
    pub fn default_for(format: Format) -> MaxFindings {
        match format {
            Format::Github => MaxFindings::At(GITHUB),
            Format::Sarif => MaxFindings::At(SARIF),
            Format::Markdown => MaxFindings::At(MARKDOWN),
            Format::Text | Format::Json | Format::Junit => MaxFindings::All,
        }
    }
}

impl FromStr for MaxFindings {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        if s == "all" {
            return Ok(MaxFindings::All);
        }
        s.parse().map(MaxFindings::At).map_err(|_| format!("`{s}` is not a number of findings or `all`"))
    }
}

impl fmt::Display for MaxFindings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MaxFindings::All => f.write_str("all"),
            MaxFindings::At(n) => write!(f, "{n}"),
        }
    }
}

/// The findings to render under `max`: errors before warnings, so that a cut never hides an
/// error behind a warning, each kept in report order (file, line, column, code).
pub fn select(findings: &[Finding], max: MaxFindings) -> Cow<'_, [Finding]> {
    let n = match max {
        MaxFindings::At(n) if n < findings.len() => n,
        _ => return Cow::Borrowed(findings),
    };
    let errors = findings.iter().filter(|f| f.severity == Severity::Error).count();
    let mut warnings_left = n.saturating_sub(errors);
    let mut errors_left = n;
    let kept = findings
        .iter()
        .filter(|f| {
            let left = if f.severity == Severity::Error { &mut errors_left } else { &mut warnings_left };
            let keep = *left > 0;
            *left = left.saturating_sub(1);
            keep
        })
        .cloned()
        .collect();
    Cow::Owned(kept)
}

/// "and 9990 more findings not shown (--max-findings 10); …": the closing note every format
/// writes in its own way when findings were cut.
pub fn note(omitted: usize, max: MaxFindings) -> String {
    let s = if omitted == 1 { "" } else { "s" };
    format!("and {omitted} more finding{s} not shown (--max-findings {max}); `--max-findings all` lists every one")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::RuleDoc;

    fn finding(line: u32, severity: Severity) -> Finding {
        let doc = RuleDoc { code: "T001", name: "test", severity, summary: "", explanation: "" };
        Finding::at(&doc, "a.json", line, 1, "m")
    }

    #[test]
    fn keeps_errors_first_in_report_order() {
        use Severity::{Error, Warning};
        let all = [finding(1, Warning), finding(2, Error), finding(3, Warning), finding(4, Error)];
        let lines = |max| select(&all, max).iter().map(|f| f.line).collect::<Vec<_>>();
        assert_eq!(lines(MaxFindings::At(1)), [2]);
        assert_eq!(lines(MaxFindings::At(3)), [1, 2, 4]);
        assert_eq!(lines(MaxFindings::At(0)), Vec::<u32>::new());
        assert_eq!(lines(MaxFindings::All), [1, 2, 3, 4]);
        assert_eq!(lines(MaxFindings::At(9)), [1, 2, 3, 4]);
    }

    #[test]
    fn parses_numbers_and_all() {
        assert_eq!("all".parse(), Ok(MaxFindings::All));
        assert_eq!("25".parse(), Ok(MaxFindings::At(25)));
        assert!("-1".parse::<MaxFindings>().is_err());
    }
}
