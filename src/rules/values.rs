//! The string values of a record, found through the catalogue: top-level fields, items of list
//! fields and members of listed objects, each with the place that locates it.
//!
//! Rules choose fields by their declared kind (partial dates, free text, references), so a new
//! table or field is checked without a Rust change. Pointers are built only for findings: the
//! walk itself allocates nothing, which matters on a million records.

use serde_json::Value;

use super::token;
use crate::catalog::{FieldKind, Reference, Table};
use crate::doc::Node;
use crate::index::Index;
use crate::load::Record;

/// Where a string sits in its record: a field, an item of a list field, or a member of an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place<'a> {
    pub field: &'a str,
    pub index: Option<usize>,
    pub member: Option<&'a str>,
}

impl Place<'_> {
    /// The JSON Pointer (RFC 6901) of the value.
    pub fn pointer(&self) -> String {
        let mut p = format!("/{}", token(self.field));
        if let Some(i) = self.index {
            p.push_str(&format!("/{i}"));
        }
        if let Some(m) = self.member {
            p.push_str(&format!("/{}", token(m)));
        }
        p
    }

    /// The field as a person names it in a message: `name`, `cooperation_areas[]`,
    /// `sources[].locator`.
    pub fn label(&self) -> String {
        match (self.index, self.member) {
            (_, Some(m)) => format!("{}[].{m}", self.field),
            (Some(_), None) => format!("{}[]", self.field),
            (None, None) => self.field.to_string(),
        }
    }
}

/// How a selected field holds its strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape<'a> {
    Scalar,
    Items,
    Members(&'a str),
}

/// A field of one table whose strings a rule reads.
#[derive(Debug, Clone, Copy)]
pub struct Selector<'a> {
    field: &'a str,
    shape: Shape<'a>,
}

/// The fields of `table` holding strings whose declared kind and schema satisfy `wanted`:
/// scalar fields, list items (with the item schema) and members of listed objects.
pub fn select<'a>(table: &'a Table, wanted: impl Fn(&FieldKind, &Value) -> bool) -> Vec<Selector<'a>> {
    let mut out = Vec::new();
    for f in &table.fields {
        match &f.kind {
            FieldKind::List { item } => {
                if wanted(item, f.schema.get("items").unwrap_or(&Value::Null)) {
                    out.push(Selector { field: &f.name, shape: Shape::Items });
                }
            }
            FieldKind::Objects { fields } => {
                for sub in fields.iter().filter(|sub| wanted(&sub.kind, &sub.schema)) {
                    out.push(Selector { field: &f.name, shape: Shape::Members(&sub.name) });
                }
            }
            kind => {
                if wanted(kind, &f.schema) {
                    out.push(Selector { field: &f.name, shape: Shape::Scalar });
                }
            }
        }
    }
    out
}

/// Selectors for every table, indexed like `catalog.tables`.
pub fn select_all<'a>(
    tables: &'a [Table],
    wanted: impl Fn(&FieldKind, &Value) -> bool + Copy,
) -> Vec<Vec<Selector<'a>>> {
    tables.iter().map(|t| select(t, wanted)).collect()
}

/// Calls `visit` with every string the selectors reach in `record`. Values of the wrong JSON
/// type are skipped: the schema check reports them.
pub fn visit<'s, 'v>(selectors: &[Selector<'s>], record: &'v Record, mut visit: impl FnMut(Place<'s>, &'v str)) {
    for s in selectors {
        let Some(value) = record.get(s.field) else { continue };
        match s.shape {
            Shape::Scalar => {
                if let Some(text) = value.as_str() {
                    visit(Place { field: s.field, index: None, member: None }, text);
                }
            }
            Shape::Items => each_item(value, |i, item| {
                if let Some(text) = item.as_str() {
                    visit(Place { field: s.field, index: Some(i), member: None }, text);
                }
            }),
            Shape::Members(m) => each_item(value, |i, item| {
                if let Some(text) = item.get(m).and_then(Node::as_str) {
                    visit(Place { field: s.field, index: Some(i), member: Some(m) }, text);
                }
            }),
        }
    }
}

/// Calls `visit` with every partial date (fields declared `x-format: partial-date`, in any table
/// and in listed objects) of every record, with the record it belongs to.
pub fn partial_dates<'i>(index: &Index<'i>, mut visit: impl FnMut(&'i Record, Place<'i>, &'i str)) {
    let selectors = select_all(&index.catalog.tables, |kind, _| matches!(kind, FieldKind::PartialDate));
    for record in &index.dataset.records {
        self::visit(&selectors[record.table as usize], record, |place, text| visit(record, place, text));
    }
}

/// Calls `visit` with every id that `reference` declares in `record`.
pub fn ids<'r, 'v>(reference: &'r Reference, record: &'v Record, mut visit: impl FnMut(Place<'r>, &'v str)) {
    let Some(value) = record.get(&reference.field) else { return };
    let field = reference.field.as_str();
    match (&reference.member, value.is_array()) {
        (None, true) => each_item(value, |i, item| {
            if let Some(id) = item.as_str() {
                visit(Place { field, index: Some(i), member: None }, id);
            }
        }),
        (None, false) => {
            if let Some(id) = value.as_str() {
                visit(Place { field, index: None, member: None }, id);
            }
        }
        (Some(member), _) => each_item(value, |i, item| {
            if let Some(id) = item.get(member).and_then(Node::as_str) {
                visit(Place { field, index: Some(i), member: Some(member) }, id);
            }
        }),
    }
}

fn each_item<'v>(value: Node<'v>, mut f: impl FnMut(usize, Node<'v>)) {
    if let Some(items) = value.as_array() {
        for (i, item) in items.enumerate() {
            f(i, item);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_escape_and_labels_read_naturally() {
        let p = Place { field: "a/b", index: Some(2), member: Some("c~d") };
        assert_eq!(p.pointer(), "/a~1b/2/c~0d");
        assert_eq!(p.label(), "a/b[].c~d");
        assert_eq!(Place { field: "x", index: Some(0), member: None }.label(), "x[]");
    }
}
