//! `Node`: a borrowed handle on one value of a `Doc`, with serde_json's reading methods
//! (`get`, `as_str`, `as_array`, …) so rules read a record as they would a `Value`.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::{Map, Number, Value};

use super::keys::{Field, KNOWN};
use super::{Doc, Raw, Tag};

/// One value inside a `Doc`.
#[derive(Clone, Copy)]
pub struct Node<'a> {
    doc: &'a Doc,
    at: u32,
}

/// What a node holds, to match on.
#[derive(Clone, Copy)]
pub enum Kind<'a> {
    Null,
    Bool(bool),
    /// The number's text as serde_json prints it (`12`, `-3`, `0.5`).
    Number(&'a str),
    String(&'a str),
    Array(Items<'a>),
    Object(Members<'a>),
}

/// The items of an array, in order.
#[derive(Clone, Copy)]
pub struct Items<'a> {
    doc: &'a Doc,
    next: u32,
    left: u32,
}

/// The members of an object, in order, as (key, value).
#[derive(Clone, Copy)]
pub struct Members<'a> {
    doc: &'a Doc,
    next: u32,
    left: u32,
}

impl<'a> Node<'a> {
    pub(super) fn new(doc: &'a Doc, at: u32) -> Self {
        Node { doc, at }
    }

    fn raw(self) -> Raw {
        self.doc.nodes[self.at as usize]
    }

    fn text(self) -> &'a str {
        let r = self.raw();
        if r.tag() == Tag::Key && r.a & KNOWN != 0 {
            return self.doc.keys.map_or("", |keys| keys.name(r.a & !KNOWN));
        }
        let start = r.a as usize;
        self.doc.text.get(start..start + r.len() as usize).unwrap_or_default()
    }

    /// Index of the node after this value and everything inside it.
    fn end(self) -> u32 {
        match self.raw().tag() {
            Tag::Array | Tag::Object => self.raw().a,
            _ => self.at + 1,
        }
    }

    pub fn kind(self) -> Kind<'a> {
        let r = self.raw();
        match r.tag() {
            Tag::Null => Kind::Null,
            Tag::False => Kind::Bool(false),
            Tag::True => Kind::Bool(true),
            Tag::Number => Kind::Number(self.text()),
            // A key node is never handed out as a value; reading one as a string is harmless.
            Tag::String | Tag::Key => Kind::String(self.text()),
            Tag::Array => Kind::Array(Items { doc: self.doc, next: self.at + 1, left: r.len() }),
            Tag::Object => Kind::Object(Members { doc: self.doc, next: self.at + 1, left: r.len() }),
        }
    }

    pub fn as_str(self) -> Option<&'a str> {
        match self.kind() {
            Kind::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(self) -> Option<bool> {
        match self.kind() {
            Kind::Bool(b) => Some(b),
            _ => None,
        }
    }

    pub fn is_null(self) -> bool {
        matches!(self.kind(), Kind::Null)
    }

    pub fn is_array(self) -> bool {
        matches!(self.kind(), Kind::Array(_))
    }

    pub fn is_object(self) -> bool {
        matches!(self.kind(), Kind::Object(_))
    }

    /// The number, if it is one that serde_json would read as this type.
    pub fn as_number(self) -> Option<Number> {
        match self.kind() {
            Kind::Number(text) => number(text),
            _ => None,
        }
    }

    pub fn as_i64(self) -> Option<i64> {
        self.as_number()?.as_i64()
    }

    pub fn as_u64(self) -> Option<u64> {
        self.as_number()?.as_u64()
    }

    pub fn as_f64(self) -> Option<f64> {
        self.as_number()?.as_f64()
    }

    pub fn as_array(self) -> Option<Items<'a>> {
        match self.kind() {
            Kind::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(self) -> Option<Members<'a>> {
        match self.kind() {
            Kind::Object(members) => Some(members),
            _ => None,
        }
    }

    /// The member `key` of an object (a key appears once in a `Doc`).
    pub fn get(self, key: &str) -> Option<Node<'a>> {
        let Kind::Object(members) = self.kind() else { return None };
        // A name of the table's schema is always stored as its index: compare numbers, not
        // text (rules look fields up in every record; this was a tenth of `validate`).
        if let Some(i) = self.doc.keys.and_then(|keys| keys.find(key)) {
            return self.known(members, i);
        }
        members.into_iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    /// The member `field` of an object, with the name's index found once for every record
    /// (the id index and the reference rules look up a field in each of a million records).
    pub fn field(self, field: Field<'_>) -> Option<Node<'a>> {
        let same_keys = self.doc.keys.is_some_and(|keys| std::ptr::eq(keys, field.keys));
        if !same_keys {
            return self.get(field.name);
        }
        let Kind::Object(members) = self.kind() else { return None };
        match field.index {
            Some(i) => self.known(members, i),
            None => members.into_iter().find(|(k, _)| *k == field.name).map(|(_, v)| v),
        }
    }

    /// The member whose key is stored as index `i` of the doc's key set.
    fn known(self, members: Members<'a>, i: u32) -> Option<Node<'a>> {
        let want = KNOWN | i;
        let mut at = members.next;
        for _ in 0..members.left {
            let value = Node { doc: self.doc, at: at + 1 };
            if self.doc.nodes[at as usize].a == want {
                return Some(value);
            }
            at = value.end();
        }
        None
    }

    /// The value as a `serde_json::Value`.
    pub fn to_value(self) -> Value {
        match self.kind() {
            Kind::Null => Value::Null,
            Kind::Bool(b) => Value::Bool(b),
            Kind::Number(text) => number(text).map_or(Value::Null, Value::Number),
            Kind::String(s) => Value::String(s.to_string()),
            Kind::Array(items) => Value::Array(items.map(Node::to_value).collect()),
            Kind::Object(members) => {
                let mut map = Map::with_capacity(members.len());
                for (k, v) in members {
                    map.insert(k.to_string(), v.to_value());
                }
                Value::Object(map)
            }
        }
    }
}

/// A number's stored text back as serde_json's `Number`: integers as integers, the rest as
/// floats (the text is what serde_json printed, so this is exact).
fn number(text: &str) -> Option<Number> {
    if let Ok(i) = text.parse::<i64>() {
        return Some(i.into());
    }
    if let Ok(u) = text.parse::<u64>() {
        return Some(u.into());
    }
    text.parse::<f64>().ok().and_then(Number::from_f64)
}

impl<'a> Items<'a> {
    /// The item at `i`, skipping the ones before it.
    pub fn get(self, i: usize) -> Option<Node<'a>> {
        self.clone().nth(i)
    }
}

impl<'a> Iterator for Items<'a> {
    type Item = Node<'a>;

    fn next(&mut self) -> Option<Node<'a>> {
        if self.left == 0 {
            return None;
        }
        let node = Node { doc: self.doc, at: self.next };
        self.next = node.end();
        self.left -= 1;
        Some(node)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left as usize, Some(self.left as usize))
    }
}

impl ExactSizeIterator for Items<'_> {}

impl<'a> Iterator for Members<'a> {
    type Item = (&'a str, Node<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        if self.left == 0 {
            return None;
        }
        let key = Node { doc: self.doc, at: self.next };
        let value = Node { doc: self.doc, at: self.next + 1 };
        self.next = value.end();
        self.left -= 1;
        Some((key.text(), value))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left as usize, Some(self.left as usize))
    }
}

impl ExactSizeIterator for Members<'_> {}

impl Serialize for Node<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.kind() {
            Kind::Null => s.serialize_unit(),
            Kind::Bool(b) => s.serialize_bool(b),
            Kind::Number(text) => match number(text) {
                Some(n) => n.serialize(s),
                None => s.serialize_unit(),
            },
            Kind::String(t) => s.serialize_str(t),
            Kind::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(&item)?;
                }
                seq.end()
            }
            Kind::Object(members) => {
                let mut map = s.serialize_map(Some(members.len()))?;
                for (k, v) in members {
                    map.serialize_entry(k, &v)?;
                }
                map.end()
            }
        }
    }
}

impl Serialize for Doc {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.root().serialize(s)
    }
}

/// Compact JSON, as `Value`'s `Display` prints it.
impl std::fmt::Display for Node<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = serde_json::to_string(self).map_err(|_| std::fmt::Error)?;
        f.write_str(&text)
    }
}

impl std::fmt::Debug for Node<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{self}")
    }
}
