//! Where a column's values lie in the records: the path from a row of the column to the node
//! that holds its value, so that the model can read text from the records when a writer asks
//! instead of keeping a copy of every reference to it.
//!
//! A table's column is a field of each record; a nested column's row is one element of an
//! array field, found through the row of the record whose array holds it; an object member's
//! row is that member of such an element. Every step is the one the table model takes while
//! it checks the values, so what it reads later is what it checked.

use std::sync::Arc;

use super::spans::Spans;
use crate::doc::{Field, Node};
use crate::load::Record;

/// How to find row `i`'s node.
#[derive(Clone)]
pub enum Plan<'a> {
    /// The field of the table's record `i` (sorted by id), or the schema's default.
    Field { rows: Arc<Vec<&'a Record>>, field: Field<'a>, default: Option<Node<'a>> },
    /// Element `i` of a nested column: in the array of row `parents[i]` of `outer`, at
    /// `i - start of that row's range`.
    Element { outer: Arc<Plan<'a>>, spans: Arc<Spans>, parents: Arc<Vec<u32>> },
    /// The member `field` of the object at row `i` of `outer`, or the schema's default.
    Member { outer: Arc<Plan<'a>>, field: Field<'a>, default: Option<Node<'a>> },
}

impl std::fmt::Debug for Plan<'_> {
    // The path, not the million records it reads.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Plan::Field { field, .. } => write!(f, "{}", field.name()),
            Plan::Element { outer, .. } => write!(f, "{outer:?}[]"),
            Plan::Member { outer, field, .. } => write!(f, "{outer:?}.{}", field.name()),
        }
    }
}

impl<'a> Plan<'a> {
    /// Row `i`'s node; `None` where the record has no value.
    pub fn node(&self, i: usize) -> Option<Node<'a>> {
        match self {
            Plan::Field { rows, field, default } => rows[i].field(*field).or(*default),
            Plan::Element { outer, spans, parents } => {
                let row = parents[i] as usize;
                let start = spans.get(row)?.start;
                outer.node(row).filter(|v| !v.is_null())?.as_array()?.get(i - start)
            }
            Plan::Member { outer, field, default } => outer.node(i).and_then(|v| v.field(*field)).or(*default),
        }
    }

    /// The text of row `i`; `None` where absent or `null` (a checked column has no other).
    pub fn text(&self, i: usize) -> Option<&'a str> {
        self.node(i).filter(|v| !v.is_null()).and_then(Node::as_str)
    }
}
