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
    /// A bounded excerpt of the offending line (at most `EXCERPT_CHARS` characters around the
    /// column, `…` where it was cut), for carets in the text report.
    #[serde(skip)]
    pub source_line: Option<String>,
    /// The 1-based character column of the caret inside `source_line`.
    #[serde(skip)]
    pub source_column: u32,
    /// For a summary finding ("and 19,950 more"), how many findings it stands for.
    #[serde(skip)]
    pub(crate) more: usize,
    /// Where the finding's record starts in its file, until `anchor::resolve` turns the pointer
    /// into a line and column.
    #[serde(skip)]
    pub(crate) anchor: Option<Anchor>,
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
            message: bounded(message.into()),
            help: None,
            source_line: None,
            source_column: 0,
            more: 0,
            anchor: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.set_help(help);
        self
    }

    pub fn set_help(&mut self, help: impl Into<String>) {
        self.help = Some(bounded(help.into()));
    }

    /// Keeps an excerpt of `line`, the line `self.column` points into.
    pub fn with_source(mut self, line: &str) -> Self {
        self.set_source(line);
        self
    }

    /// Keeps at most `EXCERPT_CHARS` characters of `line` around `self.column`: a finding on a
    /// 200 KB minified line holds a few dozen bytes of it, not a copy of the line.
    pub fn set_source(&mut self, line: &str) {
        let column = self.column.max(1) as usize;
        let before = EXCERPT_CHARS / 3;
        let start = column.saturating_sub(1 + before);
        let mut excerpt = String::new();
        if start > 0 {
            excerpt.push('…');
        }
        let mut chars = line.chars().skip(start);
        excerpt.extend(chars.by_ref().take(EXCERPT_CHARS));
        if chars.next().is_some() {
            excerpt.push('…');
        }
        self.source_column = u32::try_from(column - start + usize::from(start > 0)).unwrap_or(u32::MAX);
        self.source_line = Some(excerpt);
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

/// Longest message or help kept, in characters: messages quote values from the data, and a
/// value can be as long as its file.
pub const MAX_TEXT_CHARS: usize = 400;

/// Characters of the source line kept around a finding's column.
pub const EXCERPT_CHARS: usize = 96;

/// `text`, cut to `MAX_TEXT_CHARS` characters with `…` at the cut.
pub fn bounded(mut text: String) -> String {
    if let Some((cut, _)) = text.char_indices().nth(MAX_TEXT_CHARS) {
        text.truncate(cut);
        text.push('…');
        text.shrink_to_fit();
    }
    text
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
