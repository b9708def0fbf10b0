//! What the cursor is on, in the terms of the catalogue: an id (a record's own key or a
//! reference to another table), a field name, or an enum value. Every request starts here.

use lsp_types::{Position, Range};

use super::document;
use super::syntax::{self, Node, Seg, Spot};
use crate::catalog::{Catalog, Field, FieldKind, Table};

/// The record under the cursor: its text (the whole file, or one line of a `.jsonl` file),
/// where that text starts, and its outline.
pub struct Cursor {
    pub text: String,
    /// Line of the file where `text` starts (0-based).
    pub base_line: u32,
    pub node: Node,
    /// The cursor, as a byte offset into `text`.
    pub at: usize,
}

impl Cursor {
    pub fn new(file_text: &str, jsonl: bool, pos: Position) -> Option<Cursor> {
        let (text, base_line, base_offset) = if jsonl {
            let start = document::offset(file_text, Position { line: pos.line, character: 0 });
            let line = file_text[start..].split('\n').next().unwrap_or_default();
            (line.to_string(), pos.line, start)
        } else {
            (file_text.to_string(), 0, 0)
        };
        let at = document::offset(file_text, pos) - base_offset;
        let node = syntax::outline(&text, 0)?;
        Some(Cursor { text, base_line, node, at })
    }

    pub fn range(&self, start: usize, end: usize) -> Range {
        document::range(&self.text, self.base_line, start, end)
    }

    pub fn spot(&self) -> Option<Spot<'_>> {
        self.node.spot(self.at)
    }
}

/// The meaning of the spot under the cursor.
pub enum Target<'c> {
    /// An id string: the record's own key (`table` is its own table) or a reference.
    Id { id: String, table: &'c str, own: bool, range: Range },
    /// A member's key: the field it names, if the schema knows it.
    Key { field: Option<&'c Field>, name: String },
    /// A value of a closed vocabulary.
    Enum { field: &'c Field, value: String },
}

/// The field at `path` of a record of `table` and the kind of the value there (a list's item
/// kind inside a list, a citation member's kind inside a citation).
pub fn slot<'c>(table: &'c Table, path: &[Seg]) -> Option<(&'c Field, &'c FieldKind)> {
    let Some(Seg::Key(name)) = path.first() else { return None };
    let field = table.field(name)?;
    match (&field.kind, &path[1..]) {
        (kind, []) => Some((field, kind)),
        (FieldKind::List { item }, [Seg::Index(_)]) => Some((field, item)),
        (FieldKind::Objects { fields }, [Seg::Index(_), Seg::Key(member)]) => {
            let sub = fields.iter().find(|f| &f.name == member)?;
            Some((sub, &sub.kind))
        }
        _ => None,
    }
}

/// The fields an object at `path` may hold: the record's, or a listed object's.
pub fn object_fields<'c>(table: &'c Table, path: &[Seg]) -> Option<&'c [Field]> {
    match path {
        [] => Some(&table.fields),
        [Seg::Key(name), Seg::Index(_)] => match &table.field(name)?.kind {
            FieldKind::Objects { fields } => Some(fields),
            _ => None,
        },
        _ => None,
    }
}

/// What the cursor is on, for a record of table `table` (a catalogue index).
pub fn target<'c>(catalog: &'c Catalog, table: usize, cursor: &Cursor) -> Option<Target<'c>> {
    let t = &catalog.tables[table];
    match cursor.spot()? {
        Spot::Key { path, key, .. } => {
            let name = key.str()?.to_string();
            let field = object_fields(t, &path).and_then(|fields| fields.iter().find(|f| f.name == name));
            Some(Target::Key { field, name })
        }
        Spot::Value { path, node } => {
            let value = node.str()?.to_string();
            let range = cursor.range(node.start, node.end);
            if path == [Seg::Key(t.primary_key.clone())] {
                return Some(Target::Id { id: value, table: &t.name, own: true, range });
            }
            let (field, kind) = slot(t, &path)?;
            match kind {
                FieldKind::Text { references: Some(target) } => {
                    Some(Target::Id { id: value, table: target, own: false, range })
                }
                FieldKind::Enum { .. } => Some(Target::Enum { field, value }),
                _ => None,
            }
        }
        Spot::ObjectGap { .. } | Spot::ArrayGap { .. } => None,
    }
}
