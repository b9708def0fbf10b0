//! An ordered JSON tree and its two renderings: the canonical record file (2-space indent,
//! keys in the order given, one array item per line, newline at the end) and a compact JSON
//! Lines row.
//!
//! `serde_json::Value` sorts object keys, and the canonical layout keeps them in schema order,
//! so the generator builds this small tree instead. It also lets a fault repeat a key.

use std::fmt::Write;

/// A JSON value whose object members keep their order (and may repeat, for faults).
#[derive(Debug, Clone, PartialEq)]
pub enum Doc {
    Str(String),
    Int(i64),
    Arr(Vec<Doc>),
    Obj(Vec<(&'static str, Doc)>),
}

impl Doc {
    pub fn str(s: impl Into<String>) -> Doc {
        Doc::Str(s.into())
    }

    pub fn strs<S: Into<String>>(items: impl IntoIterator<Item = S>) -> Doc {
        Doc::Arr(items.into_iter().map(|s| Doc::Str(s.into())).collect())
    }

    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Doc> {
        match self {
            Doc::Obj(members) => members.iter().find(|(k, _)| *k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Doc> {
        match self {
            Doc::Obj(members) => members.iter_mut().find(|(k, _)| *k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Doc::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The canonical record file text.
    pub fn pretty(&self) -> String {
        let mut out = String::with_capacity(1024);
        write_pretty(self, 0, &mut out);
        out.push('\n');
        out
    }

    /// One JSON Lines row, without the newline.
    pub fn compact(&self, out: &mut String) {
        match self {
            Doc::Str(s) => escape(s, out),
            Doc::Int(n) => {
                let _ = write!(out, "{n}");
            }
            Doc::Arr(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.compact(out);
                }
                out.push(']');
            }
            Doc::Obj(members) => {
                out.push('{');
                for (i, (k, v)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    escape(k, out);
                    out.push(':');
                    v.compact(out);
                }
                out.push('}');
            }
        }
    }
}

fn write_pretty(doc: &Doc, depth: usize, out: &mut String) {
    let indent = |out: &mut String, d: usize| out.extend(std::iter::repeat_n("  ", d));
    match doc {
        Doc::Arr(items) if !items.is_empty() => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                indent(out, depth + 1);
                write_pretty(item, depth + 1, out);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            indent(out, depth);
            out.push(']');
        }
        Doc::Obj(members) if !members.is_empty() => {
            out.push_str("{\n");
            for (i, (k, v)) in members.iter().enumerate() {
                indent(out, depth + 1);
                escape(k, out);
                out.push_str(": ");
                write_pretty(v, depth + 1, out);
                out.push_str(if i + 1 < members.len() { ",\n" } else { "\n" });
            }
            indent(out, depth);
            out.push('}');
        }
        Doc::Arr(_) => out.push_str("[]"),
        Doc::Obj(_) => out.push_str("{}"),
        scalar => scalar.compact(out),
    }
}

/// A JSON string literal, escaping only what JSON requires (non-ASCII stays UTF-8).
fn escape(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_like_serde_json_pretty_but_in_order() {
        let doc = Doc::Obj(vec![
            ("id", Doc::str("evt-1")),
            ("parties", Doc::strs(["pty-rus", "pty-irn"])),
            ("empty", Doc::Arr(vec![])),
            (
                "sources",
                Doc::Arr(vec![Doc::Obj(vec![("source", Doc::str("src-1")), ("locator", Doc::str("a \"b\""))])]),
            ),
        ]);
        let pretty = doc.pretty();
        assert_eq!(
            pretty,
            "{\n  \"id\": \"evt-1\",\n  \"parties\": [\n    \"pty-rus\",\n    \"pty-irn\"\n  ],\n  \"empty\": [],\n  \
             \"sources\": [\n    {\n      \"source\": \"src-1\",\n      \"locator\": \"a \\\"b\\\"\"\n    }\n  ]\n}\n"
        );
        let mut line = String::new();
        doc.compact(&mut line);
        let a: serde_json::Value = serde_json::from_str(&pretty).unwrap();
        let b: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(a, b);
        assert!(!line.contains('\n'));
    }
}
