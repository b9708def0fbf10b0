//! Findings as LSP diagnostics: the rule code, severity, the exact range of the offending
//! value, a link to the rule's documentation and the finding's second place; published per
//! file, and only when a file's diagnostics changed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Position,
    PublishDiagnosticsParams, Range, Uri,
};

use super::document::{self, uri_of, utf16_column};
use super::syntax;
use super::workspace::{Checked, Docs, Root, State};
use crate::diagnostic::{Finding, Severity};
use crate::error::Error;

/// Where a rule's documentation lives, if anywhere: a function of (code, name).
pub type RulesUrl<'a> = &'a dyn Fn(&str, &str) -> Option<Uri>;

/// The range of the value at `pointer` in the record of `rel` that starts at byte `offset`
/// and line `line` (1-based); with `key`, the member's key instead.
pub fn pointer_range(
    checked: &mut Checked,
    root: &Path,
    docs: &Docs,
    rel: &str,
    (offset, line, key): (u64, u32, bool),
    pointer: &str,
) -> Option<Range> {
    let text = checked.record_text(root, docs, rel, offset)?;
    let start = crate::anchor::offset_in(&text, pointer, key);
    // A container is marked by its opening bracket: underlining a whole record for a missing
    // field would hide every other diagnostic in it.
    let end = match text.as_bytes().get(start) {
        Some(b'{' | b'[') if !key => start + 1,
        Some(_) => syntax::value_end(&text, start),
        None => start,
    };
    Some(document::range(&text, line.saturating_sub(1), start, end))
}

/// The range of an exact (line, column) position, widened to the token found there.
fn exact_range(line: u32, column: u32, text: Option<&str>) -> Range {
    let l = line.saturating_sub(1);
    let Some(text) = text else {
        let c = column.saturating_sub(1);
        return Range { start: Position { line: l, character: c }, end: Position { line: l, character: c } };
    };
    let start_char = utf16_column(text, column);
    let i = text.char_indices().nth(column.saturating_sub(1) as usize).map_or(text.len(), |(i, _)| i);
    let end = match text.as_bytes().get(i) {
        Some(b'"' | b'0'..=b'9' | b'-' | b't' | b'f' | b'n') => syntax::value_end(text, i),
        Some(_) => i + text[i..].chars().next().map_or(0, char::len_utf8),
        None => i,
    };
    let end_char = start_char + text[i..end].encode_utf16().count() as u32;
    Range { start: Position { line: l, character: start_char }, end: Position { line: l, character: end_char } }
}

/// One finding as a diagnostic of its file.
pub fn to_diagnostic(f: &Finding, checked: &mut Checked, root: &Path, docs: &Docs, url: RulesUrl<'_>) -> Diagnostic {
    let range = match f.anchor() {
        Some(anchor) => pointer_range(checked, root, docs, &f.file, anchor, &f.pointer),
        None => None,
    }
    .unwrap_or_else(|| {
        let line = f.source_line.clone().or_else(|| line_of(root, docs, &f.file, f.line));
        exact_range(f.line, f.column, line.as_deref())
    });
    let related = f.related.as_deref().and_then(|r| {
        let range = match r.anchor() {
            Some((offset, key)) => pointer_range(checked, root, docs, &r.file, (offset, r.line, key), &r.pointer)?,
            None => exact_range(r.line, r.column, line_of(root, docs, &r.file, r.line).as_deref()),
        };
        let location = Location { uri: uri_of(&root.join(&r.file)), range };
        Some(vec![DiagnosticRelatedInformation { location, message: r.message.clone() }])
    });
    let name = crate::rules::find(f.rule).map_or("", |d| d.name);
    let message = match &f.help {
        Some(help) => format!("{}\nhelp: {help}", f.message),
        None => f.message.clone(),
    };
    Diagnostic {
        range,
        severity: Some(match f.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(f.rule.to_string())),
        code_description: url(f.rule, name).map(|href| CodeDescription { href }),
        source: Some("isca".to_string()),
        message,
        related_information: related,
        tags: None,
        data: None,
    }
}

/// Line `line` (1-based) of a file: from its buffer, or from disk for a small file.
fn line_of(root: &Path, docs: &Docs, rel: &str, line: u32) -> Option<String> {
    let path = root.join(rel);
    let pick =
        |text: &str| text.split('\n').nth(line.checked_sub(1)? as usize).map(|l| l.trim_end_matches('\r').to_string());
    match docs.get(&path) {
        Some(doc) => pick(&doc.text),
        None if std::fs::metadata(&path).is_ok_and(|m| m.len() < 1 << 20) => {
            pick(&std::fs::read_to_string(&path).ok()?)
        }
        None => None,
    }
}

/// The diagnostics of every file of `root` that changed since the last call, including
/// empty lists for files that no longer have any.
pub fn publish(root: &mut Root, docs: &Docs, url: RulesUrl<'_>) -> Vec<PublishDiagnosticsParams> {
    root.ensure_checked();
    let mut now: HashMap<PathBuf, Vec<Diagnostic>> = HashMap::new();
    match &mut root.state {
        State::Ready(checked) => {
            let findings = std::mem::take(&mut checked.findings);
            for f in &findings {
                let d = to_diagnostic(f, checked, &root.path, docs, url);
                now.entry(root.path.join(&f.file)).or_default().push(d);
            }
            checked.findings = findings;
        }
        State::Broken(e) => {
            let (file, message) = match e {
                Error::Schema { path, .. } | Error::Missing { path, .. } | Error::Io { path, .. } => {
                    (path.clone(), e.to_string())
                }
                other => (root.path.join("schema"), other.to_string()),
            };
            // A missing schema folder has no file to hang the diagnostic on; the server logs it.
            let d = Diagnostic {
                severity: Some(DiagnosticSeverity::ERROR),
                source: Some("isca".to_string()),
                message: format!("{message}\nisca cannot check this root until its schemas load"),
                ..Diagnostic::default()
            };
            if file.is_file() {
                now.insert(file, vec![d]);
            }
        }
    }
    let mut out = Vec::new();
    for (path, diagnostics) in &now {
        if root.published.get(path) != Some(diagnostics) {
            let version = docs.get(path).map(|d| d.version);
            out.push(PublishDiagnosticsParams { uri: uri_of(path), diagnostics: diagnostics.clone(), version });
        }
    }
    for path in root.published.keys().filter(|p| !now.contains_key(*p)) {
        out.push(PublishDiagnosticsParams { uri: uri_of(path), diagnostics: Vec::new(), version: None });
    }
    out.sort_by(|a, b| a.uri.as_str().cmp(b.uri.as_str()));
    root.published = now;
    out
}
