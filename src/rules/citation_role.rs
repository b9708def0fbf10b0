//! What the citation rules (X012, X016) share: a citation's `role`, read with the schema's
//! default, so that a citation without one counts as supporting.

use serde_json::Value;

use super::values::Place;
use crate::load::Record;

/// The member of a citation that says what the passage does for the record.
pub const ROLE: &str = "role";
/// The role a citation has when it names none.
pub const SUPPORTS: &str = "supports";
/// The role of a passage that states something the record does not follow.
pub const CONTRADICTS: &str = "contradicts";

/// The role of the array element at `place` in `record`: its `role` member, or `supports` when
/// it has none or the value is not a string (the schema check reports a wrong type).
pub fn of<'r>(record: &'r Record, place: &Place<'_>) -> &'r str {
    let item = place.index.and_then(|i| record.get(place.field)?.as_array()?.get(i));
    item.and_then(|v| v.get(ROLE)).and_then(Value::as_str).unwrap_or(SUPPORTS)
}

/// Whether the value at `place` counts as evidence for the record: a plain reference, or a
/// listed object whose role is `supports`.
pub fn supports(record: &Record, place: &Place<'_>) -> bool {
    place.member.is_none() || of(record, place) == SUPPORTS
}
