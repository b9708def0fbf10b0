//! What the citation rules (X012, X016, X018) share: which arrays hold citations with a
//! `role`, and a citation's role read with the schema's default, so that a citation without
//! one counts as supporting.

use crate::doc::Node;

use super::values::Place;
use crate::catalog::{FieldKind, Table};
use crate::load::Record;

/// The member of a citation that says what the passage does for the record.
pub const ROLE: &str = "role";
/// The role a citation has when it names none.
pub const SUPPORTS: &str = "supports";
/// The role of a passage that states something the record does not follow.
pub const CONTRADICTS: &str = "contradicts";

/// The citation arrays of `table`: its lists of objects that declare a `role` member.
pub fn fields(table: &Table) -> Vec<&str> {
    table
        .fields
        .iter()
        .filter(|f| matches!(&f.kind, FieldKind::Objects { fields } if fields.iter().any(|m| m.name == ROLE)))
        .map(|f| f.name.as_str())
        .collect()
}

/// The citations of `record` in the array `field` (none when it is absent or not an array,
/// which the schema check reports), each with its place (pointing at its `role`) and role.
pub fn each<'r, 'f>(record: &'r Record, field: &'f str) -> impl Iterator<Item = (Node<'r>, Place<'f>, &'r str)> {
    let items = record.get(field).and_then(Node::as_array);
    items.into_iter().flatten().enumerate().map(move |(i, item)| {
        let place = Place { field, index: Some(i), member: Some(ROLE) };
        (item, place, role(item))
    })
}

/// The role of the array element at `place` in `record`: its `role` member, or `supports` when
/// it has none or the value is not a string (the schema check reports a wrong type).
pub fn of<'r>(record: &'r Record, place: &Place<'_>) -> &'r str {
    match place.index.and_then(|i| record.get(place.field)?.as_array()?.get(i)) {
        Some(item) => role(item),
        None => SUPPORTS,
    }
}

fn role(item: Node<'_>) -> &str {
    item.get(ROLE).and_then(Node::as_str).unwrap_or(SUPPORTS)
}

/// Whether the value at `place` counts as evidence for the record: a plain reference, or a
/// listed object whose role is `supports`.
pub fn supports(record: &Record, place: &Place<'_>) -> bool {
    place.member.is_none() || of(record, place) == SUPPORTS
}
