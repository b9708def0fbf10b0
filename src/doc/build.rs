//! `Value` → `Doc`: one pass to size both allocations exactly, one to fill them.
//!
//! Exact sizes matter: a growing `Vec` shrunk into a boxed slice is copied once more, and its
//! spare capacity would be zeroed pages the record never uses.

use std::fmt::Write as _;

use serde_json::Value;

use super::keys::{KNOWN, Keys};
use super::{Doc, LEN, Raw, SHIFT, Tag};

/// Distinct keys a record's text shares between its objects (the members of every citation
/// are the same three keys). Bounded, so an object of ten thousand keys stays linear.
const SHARED_KEYS: usize = 64;

pub(super) fn build(value: &Value, known: Option<&'static Keys>) -> Doc {
    let (mut nodes, mut text) = (0, 0);
    size(value, known, &mut nodes, &mut text);
    let mut b =
        Builder { nodes: Vec::with_capacity(nodes), text: String::with_capacity(text), keys: Vec::new(), known };
    b.push(value);
    Doc { nodes: b.nodes.into_boxed_slice(), text: b.text.into_boxed_str(), keys: known }
}

/// An upper bound of the nodes and text bytes of `value` (keys may be shared).
fn size(value: &Value, known: Option<&Keys>, nodes: &mut usize, text: &mut usize) {
    *nodes += 1;
    match value {
        Value::Null | Value::Bool(_) => {}
        Value::Number(n) => *text += number_len(n),
        Value::String(s) => *text += s.len(),
        Value::Array(items) => items.iter().for_each(|v| size(v, known, nodes, text)),
        Value::Object(map) => {
            for (k, v) in map {
                *nodes += 1;
                if known.and_then(|keys| keys.find(k)).is_none() {
                    *text += k.len();
                }
                size(v, known, nodes, text);
            }
        }
    }
}

fn number_len(n: &serde_json::Number) -> usize {
    // Integers print with itoa, floats with ryu: at most 24 bytes either way; the exact
    // length costs one more formatting, so the bound is used.
    if n.is_f64() { 24 } else { 20 }
}

struct Builder {
    nodes: Vec<Raw>,
    text: String,
    /// (offset, length) of the keys already in `text`.
    keys: Vec<(u32, u32)>,
    known: Option<&'static Keys>,
}

impl Builder {
    fn push(&mut self, value: &Value) {
        match value {
            Value::Null => self.leaf(Tag::Null, 0, 0),
            Value::Bool(false) => self.leaf(Tag::False, 0, 0),
            Value::Bool(true) => self.leaf(Tag::True, 0, 0),
            Value::Number(n) => {
                let at = self.text.len();
                // Writing into a String cannot fail.
                let _ = write!(self.text, "{n}");
                self.leaf(Tag::Number, at, self.text.len() - at);
            }
            Value::String(s) => {
                let at = self.text.len();
                self.text.push_str(s);
                self.leaf(Tag::String, at, s.len());
            }
            Value::Array(items) => {
                let at = self.open(Tag::Array, items.len());
                items.iter().for_each(|v| self.push(v));
                self.close(at);
            }
            Value::Object(map) => {
                let at = self.open(Tag::Object, map.len());
                for (k, v) in map {
                    let (offset, len) = self.key(k);
                    self.nodes.push(raw(Tag::Key, offset, len));
                    self.push(v);
                }
                self.close(at);
            }
        }
    }

    fn leaf(&mut self, tag: Tag, at: usize, len: usize) {
        self.nodes.push(raw(tag, u32::try_from(at).unwrap_or(u32::MAX), clamp(len)));
    }

    fn open(&mut self, tag: Tag, len: usize) -> usize {
        self.nodes.push(raw(tag, 0, clamp(len)));
        self.nodes.len() - 1
    }

    fn close(&mut self, at: usize) {
        self.nodes[at].a = u32::try_from(self.nodes.len()).unwrap_or(u32::MAX);
    }

    /// Where `key`'s text is: an earlier identical key's, or appended.
    fn key(&mut self, key: &str) -> (u32, u32) {
        if let Some(i) = self.known.and_then(|keys| keys.find(key)) {
            return (KNOWN | i, 0);
        }
        let text = &self.text;
        let same = |&&(at, len): &&(u32, u32)| text.get(at as usize..(at + len) as usize) == Some(key);
        if let Some(&found) = self.keys.iter().find(same) {
            return found;
        }
        let found = (u32::try_from(self.text.len()).unwrap_or(u32::MAX), clamp(key.len()));
        self.text.push_str(key);
        if self.keys.len() < SHARED_KEYS {
            self.keys.push(found);
        }
        found
    }
}

/// A length or count as stored. Records are capped at 64 MiB long before this bound.
fn clamp(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX).min(LEN)
}

fn raw(tag: Tag, a: u32, len: u32) -> Raw {
    Raw { a, b: ((tag as u32) << SHIFT) | (len & LEN) }
}
