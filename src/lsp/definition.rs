//! Go to definition: from an id reference (or a record's own id) to the record that defines
//! it, at its `id`.

use lsp_types::{Location, Position};

use super::cursor::{Cursor, Target, target};
use super::diagnostics::pointer_range;
use super::document::uri_of;
use super::state::FileRef;
use super::workspace::source_file;

/// Where the id under the cursor is defined.
pub fn definition(file: &mut FileRef<'_>, pos: Position) -> Option<Location> {
    let source = source_file(&file.checked.catalog, &file.rel)?;
    let cursor = Cursor::new(&file.text, file.rel.ends_with(".jsonl"), pos)?;
    let Target::Id { id, table, .. } = target(&file.checked.catalog, source.table, &cursor)? else { return None };
    let table = table.to_string();
    locate_id(file, &table, &id)
}

/// The `id` of the record `id` of `table`.
pub fn locate_id(file: &mut FileRef<'_>, table: &str, id: &str) -> Option<Location> {
    let (rel, anchor, key) = {
        let index = file.checked.index();
        let record = index.get_in(table, id)?;
        let key = &file.checked.catalog.tables[record.table as usize].primary_key;
        (record.file.to_string(), (record.offset, record.line, false), format!("/{}", crate::rules::token(key)))
    };
    let range = pointer_range(file.checked, file.root, file.docs, &rel, anchor, &key)?;
    Some(Location { uri: uri_of(&file.root.join(&rel)), range })
}
