//! Findings: every problem any stage finds, as plain data that every report format renders.

use serde::Serialize;

/// How bad a finding is; `--fail-on` compares against it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// The documentation of one rule code: what `isca rules --explain` prints and SARIF carries.
#[derive(Debug)]
pub struct RuleDoc {
    /// Stable code, never reused: `L` load, `S` schema, `X` cross-reference, `W` hygiene.
    pub code: &'static str,
    /// Kebab-case name that reads as the problem ("dangling-reference").
    pub name: &'static str,
    pub severity: Severity,
    /// One line: what the rule checks.
    pub summary: &'static str,
    /// Markdown with the sections "What it does", "Why is this bad?", "Example".
    pub explanation: &'static str,
}

/// One problem, located in a file. `line` and `column` are 1-based; 0 only while unresolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub pointer: String,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// The text of the offending line, for carets in the text report.
    #[serde(skip)]
    pub source_line: Option<String>,
    /// Where the finding's record starts in its file, until `anchor::resolve` turns the pointer
    /// into a line and column.
    #[serde(skip)]
    pub(crate) anchor: Option<Anchor>,
    /// A second place the finding is about (the first occurrence of a duplicate key, the
    /// record a date disagrees with), for editors; the reports name it in `help`.
    #[serde(skip)]
    pub related: Option<Box<Related>>,
}

/// The second place of a finding: an exact position, or a pointer into another record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub file: String,
    /// 1-based, as in `Finding`; for a pointer target, where its record starts.
    pub line: u32,
    pub column: u32,
    pub pointer: String,
    pub message: String,
    pub(crate) anchor: Option<Anchor>,
}

impl Related {
    /// The value at `pointer` inside `record`.
    pub fn in_record(record: &crate::load::Record, pointer: &str, message: impl Into<String>) -> Self {
        let anchor = Some(Anchor { offset: record.offset, line: record.line, key: false });
        Related {
            file: record.file.to_string(),
            line: record.line,
            column: 1,
            pointer: pointer.into(),
            message: message.into(),
            anchor,
        }
    }

    /// Where the record this anchor belongs to starts, and whether it names a key.
    pub fn anchor(&self) -> Option<(u64, bool)> {
        self.anchor.as_ref().map(|a| (a.offset, a.key))
    }
}

/// An unresolved location: a record (by file and byte offset) and a pointer inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Anchor {
    pub offset: u64,
    pub line: u32,
    /// Point at the member's key rather than its value (for unknown fields).
    pub key: bool,
}

impl Finding {
    /// A finding at an exact position, known when it is made (parse problems).
    pub fn at(doc: &RuleDoc, file: &str, line: u32, column: u32, message: impl Into<String>) -> Self {
        Finding {
            rule: doc.code,
            severity: doc.severity,
            file: file.to_string(),
            line,
            column,
            pointer: String::new(),
            message: message.into(),
            help: None,
            source_line: None,
            anchor: None,
            related: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_related(mut self, related: Related) -> Self {
        self.related = Some(Box::new(related));
        self
    }

    /// Where the record of an unresolved finding starts: its byte offset in the file, its line,
    /// and whether the finding names a key rather than a value.
    pub fn anchor(&self) -> Option<(u64, u32, bool)> {
        self.anchor.as_ref().map(|a| (a.offset, a.line, a.key))
    }

    pub fn with_source(mut self, line: &str) -> Self {
        self.source_line = Some(line.to_string());
        self
    }

    /// Sort key that makes every report deterministic: file, line, column, code, then the rest.
    fn key(&self) -> (&str, u32, u32, &str, &str, &str) {
        (&self.file, self.line, self.column, self.rule, &self.pointer, &self.message)
    }
}

impl Ord for Finding {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

impl PartialOrd for Finding {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Counts for report summaries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub files: usize,
    pub records: usize,
}

impl Summary {
    pub fn new(findings: &[Finding], files: usize, records: usize) -> Self {
        let errors = findings.iter().filter(|f| f.severity == Severity::Error).count();
        Summary { errors, warnings: findings.len() - errors, files, records }
    }
}
