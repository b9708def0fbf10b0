//! Completion: in a reference field, the ids of the referenced table with their names; in an
//! enum field, the allowed values; where a key goes, the fields the schema allows and the
//! record lacks, required ones first.

use lsp_types::{CompletionItem, CompletionItemKind, CompletionList, CompletionTextEdit, Position, Range, TextEdit};

use super::cursor::{Cursor, object_fields, slot};
use super::state::FileRef;
use super::syntax::{Node, Seg, Spot};
use super::workspace::source_file;
use crate::catalog::{Field, FieldKind, Table};
use crate::index::Index;

/// Ids offered at most at once; the list says it is incomplete, so the editor asks again as
/// the user types more of the id.
const MAX_IDS: usize = 200;

pub fn completion(file: &mut FileRef<'_>, pos: Position) -> Option<CompletionList> {
    let source = source_file(&file.checked.catalog, &file.rel)?;
    let cursor = Cursor::new(&file.text, file.rel.ends_with(".jsonl"), pos)?;
    let table = &file.checked.catalog.tables[source.table];
    let index = file.checked.index();
    let here = Range { start: pos, end: pos };
    let list = match cursor.spot()? {
        Spot::Value { path, node } => {
            let (_, kind) = slot(table, &path)?;
            let typed = node.str().map(|s| &s[..s.len().min(cursor.at.saturating_sub(node.start + 1))]).unwrap_or("");
            values(&index, kind, typed, cursor.range(node.start, node.end))
        }
        Spot::ArrayGap { path } => {
            let mut item = path.clone();
            item.push(Seg::Index(0));
            values(&index, slot(table, &item)?.1, "", here)
        }
        Spot::Key { path, object, key } => keys(table, &path, object, Some(&cursor.range(key.start, key.end)), false),
        Spot::ObjectGap { path, object } => match pending_value(&cursor, object) {
            Some(name) => {
                let mut at = path.clone();
                at.push(Seg::Key(name));
                values(&index, slot(table, &at)?.1, "", here)
            }
            None => keys(table, &path, object, None, true),
        },
    };
    Some(list)
}

/// The key whose value is being typed: `"kind": |`, where the outline has a member with a
/// colon and no value yet.
fn pending_value(cursor: &Cursor, object: &Node) -> Option<String> {
    let m = object.members().iter().rev().find(|m| m.key.end <= cursor.at)?;
    let between = cursor.text.get(m.key.end..cursor.at)?;
    (m.value.is_none() && between.trim() == ":").then(|| m.key.str().map(str::to_string))?
}

fn values(index: &Index<'_>, kind: &FieldKind, typed: &str, range: Range) -> CompletionList {
    let item = |label: &str, detail: Option<String>, kind| CompletionItem {
        label: label.to_string(),
        kind: Some(kind),
        detail,
        filter_text: Some(format!("\"{label}\"")),
        text_edit: Some(CompletionTextEdit::Edit(TextEdit { range, new_text: json_string(label) })),
        ..CompletionItem::default()
    };
    if let Some(target) = reference_of(kind) {
        let mut items = Vec::new();
        let mut incomplete = false;
        for r in index.table(target) {
            let Some(id) = index.id(r).filter(|id| id.starts_with(typed)) else { continue };
            if items.len() == MAX_IDS {
                incomplete = true;
                break;
            }
            let name = ["name", "title"].iter().find_map(|f| r.str(f)).map(str::to_string);
            items.push(item(id, name, CompletionItemKind::REFERENCE));
        }
        return CompletionList { is_incomplete: incomplete, items };
    }
    match kind {
        FieldKind::Enum { values } => CompletionList {
            is_incomplete: false,
            items: values.iter().map(|v| item(v, None, CompletionItemKind::ENUM_MEMBER)).collect(),
        },
        _ => CompletionList::default(),
    }
}

fn reference_of(kind: &FieldKind) -> Option<&str> {
    match kind {
        FieldKind::Text { references: Some(t) } => Some(t),
        _ => None,
    }
}

/// The fields an object may still take, required first, each in schema order.
fn keys(table: &Table, path: &[Seg], object: &Node, replace: Option<&Range>, with_colon: bool) -> CompletionList {
    let Some(fields) = object_fields(table, path) else { return CompletionList::default() };
    let present: Vec<&str> = object.members().iter().filter_map(|m| m.key.str()).collect();
    let mut items: Vec<CompletionItem> = fields
        .iter()
        .enumerate()
        .filter(|(_, f)| !present.contains(&f.name.as_str()) || replace.is_some())
        .map(|(i, f)| key_item(f, i, replace, with_colon))
        .collect();
    items.sort_by(|a, b| a.sort_text.cmp(&b.sort_text));
    CompletionList { is_incomplete: false, items }
}

fn key_item(f: &Field, i: usize, replace: Option<&Range>, with_colon: bool) -> CompletionItem {
    let quoted = json_string(&f.name);
    let new_text = if with_colon { format!("{quoted}: ") } else { quoted.clone() };
    let text_edit = replace.map(|r| CompletionTextEdit::Edit(TextEdit { range: *r, new_text: new_text.clone() }));
    CompletionItem {
        label: f.name.clone(),
        kind: Some(CompletionItemKind::FIELD),
        detail: Some(if f.required { "required".to_string() } else { "optional".to_string() }),
        documentation: Some(lsp_types::Documentation::String(f.description.clone())),
        sort_text: Some(format!("{}{i:03}", if f.required { 0 } else { 1 })),
        filter_text: Some(if replace.is_some() { quoted } else { f.name.clone() }),
        insert_text: text_edit.is_none().then_some(new_text),
        text_edit,
        ..CompletionItem::default()
    }
}

fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| format!("\"{s}\""))
}
