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
    /// The offending line, or for a long line an excerpt around the column with `…` where it
    /// was cut (at most `EXCERPT_CHARS` characters either way), for carets in the text report.
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
            message: bounded(message.into()),
            help: None,
            source_line: None,
            source_column: 0,
            more: 0,
            anchor: None,
            related: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.set_help(help);
        self
    }

    pub fn set_help(&mut self, help: impl Into<String>) {
        self.help = Some(bounded(help.into()));
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

    /// Keeps an excerpt of `line`, the line `self.column` points into.
    pub fn with_source(mut self, line: &str) -> Self {
        self.set_source(line);
        self
    }

    /// Keeps at most `EXCERPT_CHARS` characters of `line` around `self.column`: a finding on a
    /// 200 KB minified line holds a hundred characters of it, not a copy of the line.
    pub fn set_source(&mut self, line: &str) {
        let column = self.column.max(1) as usize;
        // A line that fits is kept whole; a longer one is cut to a window that starts a little
        // before the column, so the caret and what follows it stay in view.
        let (start, take) = match line.char_indices().nth(EXCERPT_CHARS) {
            None => (0, EXCERPT_CHARS),
            Some(_) => (column.saturating_sub(1 + EXCERPT_CHARS / 4), EXCERPT_CHARS / 2),
        };
        let mut excerpt = String::new();
        if start > 0 {
            excerpt.push('…');
        }
        let mut chars = line.chars().skip(start);
        excerpt.extend(chars.by_ref().take(take));
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

/// Longest source line kept whole, in characters; of a longer one, half as many are kept
/// around the finding's column.
pub const EXCERPT_CHARS: usize = 240;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::codes::SYNTAX;

    fn excerpt(line: &str, column: u32) -> (String, u32) {
        let f = Finding::at(&SYNTAX, "f.json", 1, column, "m").with_source(line);
        (f.source_line.unwrap(), f.source_column)
    }

    #[test]
    fn short_lines_are_kept_whole_long_ones_cut_around_the_column() {
        assert_eq!(excerpt("{\"a\": 1}", 7), ("{\"a\": 1}".to_string(), 7));
        let line = "x".repeat(EXCERPT_CHARS);
        assert_eq!(excerpt(&line, 200), (line.clone(), 200));
        let long: String = (0..100_000).map(|i| char::from(b'a' + (i % 26) as u8)).collect();
        let (text, col) = excerpt(&long, 50_000);
        assert_eq!(text.chars().count(), EXCERPT_CHARS / 2 + 2);
        assert!(text.starts_with('…') && text.ends_with('…'));
        assert_eq!(text.chars().nth(col as usize - 1), long.chars().nth(49_999));
        let (text, col) = excerpt(&long, 3);
        assert!(!text.starts_with('…') && text.ends_with('…'));
        assert_eq!((text.chars().nth(col as usize - 1), col), (Some('c'), 3));
        let (text, col) = excerpt(&long, 100_000);
        assert_eq!(text.chars().nth(col as usize - 1), long.chars().last());
    }

    #[test]
    fn messages_and_help_are_bounded() {
        let f = Finding::at(&SYNTAX, "f.json", 1, 1, "é".repeat(10_000)).with_help("h".repeat(10_000));
        assert_eq!(f.message.chars().count(), MAX_TEXT_CHARS + 1);
        assert_eq!(f.help.unwrap().chars().count(), MAX_TEXT_CHARS + 1);
        assert_eq!(bounded("short".into()), "short");
    }
}
