//! Find references: every place in the root that names an id, found through the references
//! the schemas declare (`x-references`), the same walk the dangling-reference rule makes.

use crate::doc::Node;
use lsp_types::{Location, Position};

use super::cursor::{Cursor, Target, target};
use super::definition::locate_id;
use super::diagnostics::pointer_range;
use super::document::uri_of;
use super::state::FileRef;
use super::workspace::{Checked, source_file};
use crate::rules::token;

/// A place that holds an id: its file, the start (byte offset, line) of its record, and the
/// pointer to the value.
pub struct Place {
    pub file: String,
    pub anchor: (u64, u32, bool),
    pub pointer: String,
}

/// Every reference to record `id` of `table`, in dataset order.
pub fn places(checked: &Checked, table: &str, id: &str) -> Vec<Place> {
    let index = checked.index();
    let mut out = Vec::new();
    for reference in checked.catalog.references().into_iter().filter(|r| r.target == table) {
        let field = format!("/{}", token(&reference.field));
        for record in index.table(&reference.table) {
            let Some(value) = record.get(&reference.field) else { continue };
            let mut push = |pointer: String| {
                out.push(Place { file: record.file.to_string(), anchor: (record.offset, record.line, false), pointer })
            };
            match (&reference.member, value.as_array()) {
                (None, Some(items)) => {
                    for (i, _) in items.enumerate().filter(|(_, v)| v.as_str() == Some(id)) {
                        push(format!("{field}/{i}"));
                    }
                }
                (None, None) if value.as_str() == Some(id) => push(field.clone()),
                (Some(member), Some(items)) => {
                    for (i, _) in items.enumerate().filter(|(_, v)| v.get(member).and_then(Node::as_str) == Some(id)) {
                        push(format!("{field}/{i}/{}", token(member)));
                    }
                }
                _ => {}
            }
        }
    }
    out
}

/// The locations of `places`.
pub fn locations(file: &mut FileRef<'_>, places: &[Place]) -> Vec<Location> {
    places
        .iter()
        .filter_map(|p| {
            let range = pointer_range(file.checked, file.root, file.docs, &p.file, p.anchor, &p.pointer)?;
            Some(Location { uri: uri_of(&file.root.join(&p.file)), range })
        })
        .collect()
}

/// Every reference to the id under the cursor, with its definition first if asked for.
pub fn references(file: &mut FileRef<'_>, pos: Position, declaration: bool) -> Option<Vec<Location>> {
    let source = source_file(&file.checked.catalog, &file.rel)?;
    let cursor = Cursor::new(&file.text, file.rel.ends_with(".jsonl"), pos)?;
    let Target::Id { id, table, .. } = target(&file.checked.catalog, source.table, &cursor)? else { return None };
    let table = table.to_string();
    let found = places(file.checked, &table, &id);
    let mut out: Vec<Location> =
        if declaration { locate_id(file, &table, &id).into_iter().collect() } else { Vec::new() };
    out.extend(locations(file, &found));
    Some(out)
}
