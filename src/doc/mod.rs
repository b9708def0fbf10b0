//! The compact, read-only form every loaded record is kept in for the whole run.
//!
//! A `serde_json::Value` with `preserve_order` costs a hash map per object, an allocation per
//! string and 72 bytes per value; at a million records that was 5.7 times the size of the
//! JSON text, most of it freshly zeroed pages. A `Doc` is two allocations per record: a flat
//! array of 8-byte nodes in document order, and one string that holds every string, key and
//! number literal of the record. The loader parses into a transient `Value` (which the schema
//! validator needs), builds the `Doc`, and drops the `Value`; rules, anchors and writers read
//! the `Doc` through `Node`, a `Copy` handle with serde_json's reading methods.

mod build;
mod keys;
mod node;

pub use keys::{Field, Keys};
pub use node::{Items, Kind, Members, Node};

/// One JSON value, read-only. Members of an object keep their order; a key appears once.
#[derive(Clone, PartialEq, Eq)]
pub struct Doc {
    nodes: Box<[Raw]>,
    text: Box<str>,
    /// The table's key names, which `Key` nodes may name by index instead of holding text.
    keys: Option<&'static Keys>,
}

/// One node: a tag in the top three bits of `b`, and two numbers whose meaning the tag gives.
/// - `Null`, `False`, `True`: nothing else.
/// - `Number`, `String`, `Key`: the text at `a`, `b & LEN` bytes long; a `Key` whose `a` has
///   the top bit set is the name at that index of the doc's `Keys` instead.
/// - `Array`, `Object`: `a` is the index just past the last node inside; `b & LEN` counts
///   the items (members). An object's members are a `Key` node followed by the value's nodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Raw {
    a: u32,
    b: u32,
}

const SHIFT: u32 = 29;
/// Longest text of one node, and most items in one container: 512 MiB, far above the
/// 64 MiB a record file may have.
const LEN: u32 = (1 << SHIFT) - 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Null = 0,
    False = 1,
    True = 2,
    Number = 3,
    String = 4,
    Key = 5,
    Array = 6,
    Object = 7,
}

impl Raw {
    fn tag(self) -> Tag {
        match self.b >> SHIFT {
            0 => Tag::Null,
            1 => Tag::False,
            2 => Tag::True,
            3 => Tag::Number,
            4 => Tag::String,
            5 => Tag::Key,
            6 => Tag::Array,
            _ => Tag::Object,
        }
    }

    fn len(self) -> u32 {
        self.b & LEN
    }
}

impl Doc {
    /// The compact copy of `value`.
    pub fn from_value(value: &serde_json::Value) -> Doc {
        build::build(value, None)
    }

    /// The compact copy of a record of a table whose schema names `keys`.
    pub fn with_keys(value: &serde_json::Value, keys: &'static Keys) -> Doc {
        build::build(value, Some(keys))
    }

    /// The whole value.
    /// Every string, number and stored key of the value, one after another: a rule that looks
    /// for a character anywhere in a record can scan this once before walking the nodes.
    pub fn all_text(&self) -> &str {
        &self.text
    }

    pub fn root(&self) -> Node<'_> {
        Node::new(self, 0)
    }

    /// The value as a `serde_json::Value`, for the few places that edit or re-order one record
    /// (`fmt`, `new`, `diff`).
    pub fn to_value(&self) -> serde_json::Value {
        self.root().to_value()
    }
}

impl std::fmt::Debug for Doc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.root())
    }
}

/// Compact JSON, as `Value`'s `Display` prints it.
impl std::fmt::Display for Doc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.root())
    }
}

impl From<&serde_json::Value> for Doc {
    fn from(value: &serde_json::Value) -> Doc {
        Doc::from_value(value)
    }
}

#[cfg(test)]
mod tests;
