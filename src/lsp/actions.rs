//! Code actions for the mechanical fixes the findings already suggest: the "did you mean"
//! replacement, removing the first of two duplicate keys, and adding a missing required field
//! with the placeholder `isca new` writes.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Diagnostic, Position, Range, TextEdit, WorkspaceEdit,
};

use super::cursor::object_fields;
use super::diagnostics::{RulesUrl, to_diagnostic};
use super::document::{self, uri_of, utf16_column};
use super::state::FileRef;
use super::syntax::{Seg, outline};
use super::workspace::source_file;
use crate::diagnostic::Finding;
use crate::load::codes::DUPLICATE_KEY;
use crate::schema::codes::MISSING_FIELD;

/// The quick fixes for the findings of this file that touch `range`.
pub fn actions(file: &mut FileRef<'_>, range: Range, url: RulesUrl<'_>) -> Vec<CodeActionOrCommand> {
    let findings: Vec<Finding> = file.checked.findings.iter().filter(|f| f.file == file.rel).cloned().collect();
    let mut out = Vec::new();
    for f in &findings {
        let d = to_diagnostic(f, file.checked, file.root, file.docs, url);
        if d.range.end < range.start || range.end < d.range.start {
            continue;
        }
        let fix = if let Some(s) = suggestion(f) {
            Some((format!("Replace with `{s}`"), TextEdit { range: d.range, new_text: json_string(s) }))
        } else if f.rule == DUPLICATE_KEY.code {
            remove_first_key(file, f)
        } else if f.rule == MISSING_FIELD.code {
            add_field(file, f)
        } else {
            None
        };
        if let Some((title, edit)) = fix {
            out.push(action(file, title, edit, d));
        }
    }
    out
}

// `WorkspaceEdit::changes` is keyed by `Uri` in lsp-types; its lazily parsed parts are the
// interior mutability clippy sees, and they never change its hash.
#[allow(clippy::mutable_key_type)]
fn action(file: &FileRef<'_>, title: String, edit: TextEdit, d: Diagnostic) -> CodeActionOrCommand {
    let changes = HashMap::from([(uri_of(&file.root.join(&file.rel)), vec![edit])]);
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![d]),
        edit: Some(WorkspaceEdit { changes: Some(changes), ..WorkspaceEdit::default() }),
        is_preferred: Some(true),
        ..CodeAction::default()
    })
}

/// The `did you mean `x`?` of a finding's help (dangling references, enum values, fields).
fn suggestion(f: &Finding) -> Option<&str> {
    let help = f.help.as_deref()?;
    let rest = &help[help.find("did you mean `")? + "did you mean `".len()..];
    Some(&rest[..rest.find("`?")?])
}

/// Deletes the first occurrence of a duplicated key (the parser keeps the last), with its
/// value and the separator that goes with it.
fn remove_first_key(file: &FileRef<'_>, f: &Finding) -> Option<(String, TextEdit)> {
    let related = f.related.as_deref()?;
    let text = &file.text;
    let line_text = text.split('\n').nth(related.line.checked_sub(1)? as usize)?;
    let pos = Position { line: related.line - 1, character: utf16_column(line_text, related.column) };
    let key_at = document::offset(text, pos);
    let start = if file.rel.ends_with(".jsonl") {
        document::offset(text, Position { line: f.line.saturating_sub(1), character: 0 })
    } else {
        usize::from(text.starts_with('\u{feff}')) * 3
    };
    let root = outline(text, start)?;
    let (object, i) = root.member_at(key_at)?;
    let members = object.members();
    let end_of = |m: &super::syntax::Member| m.value.as_ref().map_or(m.key.end, |v| v.end);
    let (from, to) = match (i.checked_sub(1), members.get(i + 1)) {
        (_, Some(next)) => (members[i].key.start, next.key.start),
        (Some(prev), None) => (end_of(&members[prev]), end_of(&members[i])),
        (None, None) => (members[i].key.start, end_of(&members[i])),
    };
    let name = members[i].key.str()?;
    let range = document::range(text, 0, from, to);
    Some((
        format!("Remove the first `{name}` (the parser keeps the last)"),
        TextEdit { range, new_text: String::new() },
    ))
}

/// Inserts `"field": <placeholder>` after the last member of the object the finding is on.
fn add_field(file: &mut FileRef<'_>, f: &Finding) -> Option<(String, TextEdit)> {
    let name = f.message.strip_prefix("missing required field `")?.split('`').next()?.to_string();
    let source = source_file(&file.checked.catalog, &file.rel)?;
    let path: Vec<Seg> = f
        .pointer
        .split('/')
        .skip(1)
        .map(|t| t.parse().map(Seg::Index).unwrap_or_else(|_| Seg::Key(t.replace("~1", "/").replace("~0", "~"))))
        .collect();
    let fields = object_fields(&file.checked.catalog.tables[source.table], &path)?;
    let value = serde_json::to_string(&crate::scaffold::placeholder(fields.iter().find(|x| x.name == name)?)).ok()?;
    let (offset, line, _) = f.anchor()?;
    let text = file.checked.record_text(file.root, file.docs, &file.rel, offset)?;
    let object = outline(&text, 0)?;
    let object = object.find(&f.pointer)?;
    let member = format!("{}: {value}", json_string(&name));
    let (at, insert) = match object.members().last() {
        Some(last) => {
            let end = last.value.as_ref().map_or(last.key.end, |v| v.end);
            let line_start = text[..last.key.start].rfind('\n').map(|i| i + 1);
            let sep = match line_start {
                Some(s) if s > object.start => format!("\n{}", &text[s..last.key.start]),
                _ => " ".to_string(),
            };
            (end, format!(",{sep}{member}"))
        }
        None => (object.start + 1, member),
    };
    let range = document::range(&text, line - 1, at, at);
    Some((format!("Add `{name}` with a placeholder"), TextEdit { range, new_text: insert }))
}

fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| format!("\"{s}\""))
}
