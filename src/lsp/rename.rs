//! Rename an id, from its definition or any reference: one workspace edit that rewrites the
//! id and every reference to it and renames the record's file to match. An id that breaks
//! the key's pattern, or that is already used anywhere in the root, is refused.

use std::collections::BTreeMap;

use lsp_types::{
    DocumentChangeOperation, DocumentChanges, OneOf, OptionalVersionedTextDocumentIdentifier, Position, Range,
    RenameFile, ResourceOp, TextDocumentEdit, TextEdit, Uri, WorkspaceEdit,
};

use super::cursor::{Cursor, Target, target};
use super::diagnostics::pointer_range;
use super::document::uri_of;
use super::references::{Place, places};
use super::state::FileRef;
use super::workspace::source_file;
use crate::scaffold::check_id;

/// The id under the cursor, if it can be renamed: its range and text.
pub fn prepare(file: &mut FileRef<'_>, pos: Position) -> Option<(Range, String)> {
    let source = source_file(&file.checked.catalog, &file.rel)?;
    let cursor = Cursor::new(&file.text, file.rel.ends_with(".jsonl"), pos)?;
    match target(&file.checked.catalog, source.table, &cursor)? {
        Target::Id { id, range, .. } => Some((range, id)),
        _ => None,
    }
}

/// The edit renaming the id under the cursor to `new`; `Err` says why it is refused.
/// `resource_ops` says whether the client can rename files within an edit.
// `WorkspaceEdit::changes` is keyed by `Uri` in lsp-types; its lazily parsed parts are the
// interior mutability clippy sees, and they never change its hash.
#[allow(clippy::mutable_key_type)]
pub fn rename(file: &mut FileRef<'_>, pos: Position, new: &str, resource_ops: bool) -> Result<WorkspaceEdit, String> {
    let source = source_file(&file.checked.catalog, &file.rel).ok_or("not a record file")?;
    let cursor = Cursor::new(&file.text, file.rel.ends_with(".jsonl"), pos).ok_or("no record here")?;
    let Some(Target::Id { id, table, .. }) = target(&file.checked.catalog, source.table, &cursor) else {
        return Err("put the cursor on an id or on a reference to one".to_string());
    };
    let table = table.to_string();
    if new == id {
        return Err(format!("the id is already `{new}`"));
    }
    let t = file.checked.catalog.table(&table).ok_or("unknown table")?;
    check_id(t, new)?;
    let key = format!("/{}", crate::rules::token(&t.primary_key));
    let definition = {
        let index = file.checked.index();
        if let Some(other) = index.get(new) {
            return Err(format!("`{new}` already exists, in {}", other.file));
        }
        let record = index.get_in(&table, &id).ok_or_else(|| format!("there is no record `{id}` in `{table}`"))?;
        Place { file: record.file.to_string(), anchor: (record.offset, record.line, false), pointer: key }
    };
    let moved = definition.file.strip_suffix(&format!("/{id}.json")).map(|dir| format!("{dir}/{new}.json"));
    if let Some(to) = &moved
        && file.root.join(to).exists()
    {
        return Err(format!("{to} already exists"));
    }
    let mut all = places(file.checked, &table, &id);
    all.insert(0, definition);
    let mut edits: BTreeMap<String, Vec<TextEdit>> = BTreeMap::new();
    let new_text = serde_json::to_string(new).map_err(|e| e.to_string())?;
    for p in &all {
        let range = pointer_range(file.checked, file.root, file.docs, &p.file, p.anchor, &p.pointer)
            .ok_or_else(|| format!("cannot find `{id}` in {}", p.file))?;
        edits.entry(p.file.clone()).or_default().push(TextEdit { range, new_text: new_text.clone() });
    }
    let uri = |rel: &str| -> Uri { uri_of(&file.root.join(rel)) };
    if !resource_ops {
        let changes = edits.into_iter().map(|(rel, e)| (uri(&rel), e)).collect();
        return Ok(WorkspaceEdit { changes: Some(changes), ..WorkspaceEdit::default() });
    }
    let mut ops: Vec<DocumentChangeOperation> = edits
        .into_iter()
        .map(|(rel, edits)| {
            let version = file.docs.get(&file.root.join(&rel)).map(|d| d.version);
            let text_document = OptionalVersionedTextDocumentIdentifier { uri: uri(&rel), version };
            DocumentChangeOperation::Edit(TextDocumentEdit {
                text_document,
                edits: edits.into_iter().map(OneOf::Left).collect(),
            })
        })
        .collect();
    if let (Some(to), Some(from)) = (moved, all.first()) {
        ops.push(DocumentChangeOperation::Op(ResourceOp::Rename(RenameFile {
            old_uri: uri(&from.file),
            new_uri: uri(&to),
            options: None,
            annotation_id: None,
        })));
    }
    Ok(WorkspaceEdit { document_changes: Some(DocumentChanges::Operations(ops)), ..WorkspaceEdit::default() })
}
