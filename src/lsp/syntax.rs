//! A forgiving outline of a record's text, with byte spans: what is under the cursor while the
//! JSON is half typed. It never fails and never builds values: checking stays with the strict
//! parser in `crate::json`; this only answers "which field, which key, which string is here".

/// A value and its span `start..end` in the text.
#[derive(Debug)]
pub struct Node {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// False for a container whose closing bracket is missing (it runs to the end of the
    /// text, where typing goes on).
    pub closed: bool,
}

#[derive(Debug)]
pub enum Kind {
    Object(Vec<Member>),
    Array(Vec<Node>),
    /// A string with its raw contents (between the quotes, escapes kept).
    Str(String),
    Scalar,
}

/// `"key": value`; the value is missing while it is being typed.
#[derive(Debug)]
pub struct Member {
    pub key: Node,
    pub value: Option<Node>,
}

/// One step of a path into a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// What the cursor is on.
#[derive(Debug)]
pub enum Spot<'a> {
    /// A member's key, in the object at `path`.
    Key { path: Vec<Seg>, object: &'a Node, key: &'a Node },
    /// A value at `path` (a string, number or literal; containers give their gaps instead).
    Value { path: Vec<Seg>, node: &'a Node },
    /// Between the members of the object at `path`, where a key can be typed.
    ObjectGap { path: Vec<Seg>, object: &'a Node },
    /// Between the elements of the array at `path`, where an element can be typed.
    ArrayGap { path: Vec<Seg> },
}

/// Nesting beyond this is outlined as one scalar: records are a few levels deep, and a
/// hostile file must not exhaust the stack.
const MAX_DEPTH: usize = 64;

/// The outline of the first value at or after `start`, if there is one.
pub fn outline(text: &str, start: usize) -> Option<Node> {
    let mut p = Outliner { b: text.as_bytes(), text, pos: start.min(text.len()) };
    p.ws();
    p.value(0)
}

impl Node {
    pub fn str(&self) -> Option<&str> {
        match &self.kind {
            Kind::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn members(&self) -> &[Member] {
        match &self.kind {
            Kind::Object(m) => m,
            _ => &[],
        }
    }

    /// The node at a JSON Pointer (RFC 6901), the last of repeated keys, as parsers keep.
    pub fn find(&self, pointer: &str) -> Option<&Node> {
        let mut node = self;
        for token in pointer.split('/').skip(1) {
            let token = token.replace("~1", "/").replace("~0", "~");
            node = match &node.kind {
                Kind::Object(members) => members.iter().rev().find(|m| m.key.str() == Some(&token))?.value.as_ref()?,
                Kind::Array(items) => items.get(token.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        Some(node)
    }

    /// The object holding a member whose key starts at `offset`, with that member's index.
    pub fn member_at(&self, offset: usize) -> Option<(&Node, usize)> {
        match &self.kind {
            Kind::Object(members) => {
                if let Some(i) = members.iter().position(|m| m.key.start == offset) {
                    return Some((self, i));
                }
                members.iter().filter_map(|m| m.value.as_ref()).find_map(|v| v.member_at(offset))
            }
            Kind::Array(items) => items.iter().find_map(|v| v.member_at(offset)),
            _ => None,
        }
    }

    /// What is at byte `offset` (a cursor sits at an offset, so a token's end counts as on it).
    pub fn spot(&self, offset: usize) -> Option<Spot<'_>> {
        let mut path = Vec::new();
        self.spot_in(offset, &mut path)
    }

    fn spot_in<'a>(&'a self, offset: usize, path: &mut Vec<Seg>) -> Option<Spot<'a>> {
        if offset < self.start || offset > self.end {
            return None;
        }
        match &self.kind {
            Kind::Object(members) => {
                for m in members {
                    if offset >= m.key.start && offset <= m.key.end {
                        return Some(Spot::Key { path: path.clone(), object: self, key: &m.key });
                    }
                    if let (Some(v), Some(k)) = (&m.value, m.key.str()) {
                        path.push(Seg::Key(k.to_string()));
                        if let Some(s) = v.spot_in(offset, path) {
                            return Some(s);
                        }
                        path.pop();
                    }
                }
                let inside = offset > self.start && (offset < self.end || !self.closed);
                inside.then(|| Spot::ObjectGap { path: path.clone(), object: self })
            }
            Kind::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    path.push(Seg::Index(i));
                    if let Some(s) = v.spot_in(offset, path) {
                        return Some(s);
                    }
                    path.pop();
                }
                let inside = offset > self.start && (offset < self.end || !self.closed);
                inside.then(|| Spot::ArrayGap { path: path.clone() })
            }
            _ => Some(Spot::Value { path: path.clone(), node: self }),
        }
    }
}

/// The path as a JSON Pointer.
#[cfg(test)]
fn pointer(path: &[Seg]) -> String {
    path.iter()
        .map(|s| match s {
            Seg::Key(k) => format!("/{}", crate::rules::token(k)),
            Seg::Index(i) => format!("/{i}"),
        })
        .collect()
}

struct Outliner<'a> {
    b: &'a [u8],
    text: &'a str,
    pos: usize,
}

impl Outliner<'_> {
    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.b.get(self.pos) {
            self.pos += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Option<Node> {
        let start = self.pos;
        match *self.b.get(self.pos)? {
            b'{' if depth < MAX_DEPTH => Some(self.object(depth)),
            b'[' if depth < MAX_DEPTH => Some(self.array(depth)),
            b'"' => Some(self.string()),
            b'}' | b']' | b',' | b':' => None,
            _ => {
                while self.b.get(self.pos).is_some_and(|c| !b",:{}[]\" \t\r\n".contains(c)) {
                    self.pos += 1;
                }
                self.pos = self.pos.max(start + 1).min(self.b.len());
                Some(Node { start, end: self.pos, kind: Kind::Scalar, closed: true })
            }
        }
    }

    fn object(&mut self, depth: usize) -> Node {
        let start = self.pos;
        self.pos += 1;
        let mut members = Vec::new();
        let mut closed = false;
        loop {
            self.ws();
            match self.b.get(self.pos) {
                None => break,
                Some(b'}') => {
                    self.pos += 1;
                    closed = true;
                    break;
                }
                Some(b'"') => {
                    let key = self.string();
                    self.ws();
                    let mut value = None;
                    if self.b.get(self.pos) == Some(&b':') {
                        self.pos += 1;
                        self.ws();
                        value = self.value(depth + 1);
                    }
                    members.push(Member { key, value });
                }
                // A stray `]` ends the object too: the text is broken, and a bracket that
                // closes something is the likeliest reading.
                Some(b']') => break,
                Some(_) => self.pos += 1,
            }
        }
        Node { start, end: self.pos, kind: Kind::Object(members), closed }
    }

    fn array(&mut self, depth: usize) -> Node {
        let start = self.pos;
        self.pos += 1;
        let mut items = Vec::new();
        let mut closed = false;
        loop {
            self.ws();
            match self.b.get(self.pos) {
                None => break,
                Some(b']') => {
                    self.pos += 1;
                    closed = true;
                    break;
                }
                Some(b'}') => break,
                Some(b',' | b':') => self.pos += 1,
                Some(_) => match self.value(depth + 1) {
                    Some(v) => items.push(v),
                    None => self.pos += 1,
                },
            }
        }
        Node { start, end: self.pos, kind: Kind::Array(items), closed }
    }

    /// A string token; an unterminated one stops at the end of its line.
    fn string(&mut self) -> Node {
        let start = self.pos;
        self.pos += 1;
        loop {
            match self.b.get(self.pos) {
                None | Some(b'\n') => break,
                Some(b'"') => {
                    self.pos += 1;
                    break;
                }
                Some(b'\\') => self.pos = (self.pos + 2).min(self.b.len()),
                Some(_) => self.pos += 1,
            }
        }
        let inner_end = if self.pos > start + 1 && self.b[self.pos - 1] == b'"' { self.pos - 1 } else { self.pos };
        let raw = self.text.get(start + 1..inner_end.max(start + 1)).unwrap_or_default();
        Node { start, end: self.pos, kind: Kind::Str(raw.to_string()), closed: true }
    }
}

/// Where the JSON value starting at `start` ends: the outline's end, or `start` itself.
pub fn value_end(text: &str, start: usize) -> usize {
    outline(text, start).map_or(start, |n| n.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlines_broken_text_and_finds_the_spot() {
        let text = "{\n  \"id\": \"evt-a\",\n  \"parties\": [\"pty-rus\", \"pty-\n  \"kind\": ";
        let root = outline(text, 0).unwrap();
        let at = |needle: &str, plus: usize| root.spot(text.find(needle).unwrap() + plus);
        match at("pty-rus", 2) {
            Some(Spot::Value { path, node }) => {
                assert_eq!(pointer(&path), "/parties/0");
                assert_eq!(node.str(), Some("pty-rus"));
            }
            other => panic!("{other:?}"),
        }
        match at("\"pty-\n", 3) {
            Some(Spot::Value { path, node }) => {
                assert_eq!(pointer(&path), "/parties/1");
                assert_eq!(node.str(), Some("pty-"));
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(at("\"id\"", 1), Some(Spot::Key { .. })));
        assert!(matches!(root.spot(text.len()), Some(Spot::ObjectGap { .. }) | Some(Spot::ArrayGap { .. })));
    }

    #[test]
    fn finds_pointers_and_value_ends() {
        let text = r#"{"a": [1, {"b": "x"}], "a": {"c": true}}"#;
        let root = outline(text, 0).unwrap();
        let c = root.find("/a/c").unwrap();
        assert_eq!(&text[c.start..c.end], "true");
        assert_eq!(value_end(text, text.find('[').unwrap()), text.find(']').unwrap() + 1);
        let deep = "[".repeat(100_000);
        assert!(outline(&deep, 0).is_some());
    }
}
