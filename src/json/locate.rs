//! Maps a JSON Pointer back to where its value sits in the source text.
//!
//! Positions are found on demand, only for values that have a finding, by scanning the text
//! again. That keeps the hot path (parse and validate every record) free of span bookkeeping:
//! findings are rare and each one costs one scan of one record.

/// Where a pointer's value starts, and for an object member, where its key starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    pub value: usize,
    pub key: Option<usize>,
}

/// Finds `pointer` (RFC 6901) in `text`, a well-formed JSON document starting at `start`.
/// Returns `None` when the pointer does not exist in the text.
pub fn locate(text: &str, start: usize, pointer: &str) -> Option<Target> {
    let mut s = Scanner { b: text.as_bytes(), pos: start };
    s.ws();
    let mut target = Target { value: s.pos, key: None };
    if pointer.is_empty() {
        return Some(target);
    }
    for token in pointer.strip_prefix('/')?.split('/') {
        let token = token.replace("~1", "/").replace("~0", "~");
        target = match s.b.get(s.pos)? {
            b'{' => s.member(&token)?,
            b'[' => s.element(token.parse().ok()?)?,
            _ => return None,
        };
        s.pos = target.value;
    }
    Some(target)
}

struct Scanner<'a> {
    b: &'a [u8],
    pos: usize,
}

impl Scanner<'_> {
    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.b.get(self.pos) {
            self.pos += 1;
        }
    }

    /// Finds the last member named `name` (the one a parser keeps when keys repeat).
    fn member(&mut self, name: &str) -> Option<Target> {
        self.pos += 1;
        let mut found = None;
        loop {
            self.ws();
            match self.b.get(self.pos)? {
                b'}' => return found,
                b',' => {
                    self.pos += 1;
                    continue;
                }
                _ => {}
            }
            let key_at = self.pos;
            let key = self.string()?;
            self.ws();
            self.pos += 1; // ':'
            self.ws();
            if key == name {
                found = Some(Target { value: self.pos, key: Some(key_at) });
            }
            self.skip_value()?;
        }
    }

    fn element(&mut self, index: usize) -> Option<Target> {
        self.pos += 1;
        let mut i = 0;
        loop {
            self.ws();
            match self.b.get(self.pos)? {
                b']' => return None,
                b',' => {
                    self.pos += 1;
                    continue;
                }
                _ => {}
            }
            if i == index {
                return Some(Target { value: self.pos, key: None });
            }
            self.skip_value()?;
            i += 1;
        }
    }

    /// Reads a string token and returns its unescaped text (escapes in keys are rare, so the
    /// simple path copies raw bytes and only the escaped path decodes).
    fn string(&mut self) -> Option<String> {
        let start = self.pos;
        self.skip_string()?;
        let raw = std::str::from_utf8(&self.b[start..self.pos]).ok()?;
        if raw.contains('\\') { serde_json::from_str(raw).ok() } else { Some(raw[1..raw.len() - 1].to_string()) }
    }

    fn skip_string(&mut self) -> Option<()> {
        self.pos += 1;
        loop {
            match self.b.get(self.pos)? {
                b'"' => {
                    self.pos += 1;
                    return Some(());
                }
                b'\\' => self.pos += 2,
                _ => self.pos += 1,
            }
        }
    }

    /// Skips one value without building it; nesting is tracked with a counter, not recursion.
    fn skip_value(&mut self) -> Option<()> {
        let mut depth = 0usize;
        loop {
            self.ws();
            match self.b.get(self.pos)? {
                b'"' => self.skip_string()?,
                b'{' | b'[' => {
                    depth += 1;
                    self.pos += 1;
                    continue;
                }
                b'}' | b']' => {
                    depth = depth.checked_sub(1)?;
                    self.pos += 1;
                }
                b',' | b':' if depth > 0 => {
                    self.pos += 1;
                    continue;
                }
                _ => {
                    while self.b.get(self.pos).is_some_and(|c| !b",}] \t\r\n".contains(c)) {
                        self.pos += 1;
                    }
                }
            }
            if depth == 0 {
                return Some(());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_members_and_elements() {
        let text = r#"{"a": 1, "b": {"c": [10, {"d": "x"}]}, "e/f": true}"#;
        let at = |p: &str| locate(text, 0, p).map(|t| &text[t.value..t.value + 1]);
        assert_eq!(at(""), Some("{"));
        assert_eq!(at("/a"), Some("1"));
        assert_eq!(at("/b/c/0"), Some("1"));
        assert_eq!(at("/b/c/1/d"), Some("\""));
        assert_eq!(at("/e~1f"), Some("t"));
        assert_eq!(at("/b/c/2"), None);
        assert_eq!(at("/zz"), None);
    }

    #[test]
    fn points_at_the_key_of_a_member() {
        let text = "{\n  \"id\": \"x\"\n}";
        let t = locate(text, 0, "/id").unwrap();
        assert_eq!(t.key, Some(4));
        assert_eq!(t.value, 10);
    }

    #[test]
    fn duplicate_keys_resolve_to_the_last() {
        let text = r#"{"a": 1, "a": 2}"#;
        assert_eq!(locate(text, 0, "/a").unwrap().value, 14);
    }

    /// Strings are skipped with their escapes, and skipped values with the strings inside
    /// them: an escaped quote or a bracket inside a string must not end or close anything.
    #[test]
    fn skips_escaped_quotes_and_brackets_inside_strings() {
        let text = r#"{"a": "say \"}\" or \\", "b": {"x": ["]", {"y": "\"{,"}], "z": [1, [2, 3]]}, "c": 7}"#;
        let at = |p: &str| locate(text, 0, p).map(|t| &text[t.value..]);
        assert!(at("/c").is_some_and(|r| r.starts_with("7}")), "{:?}", at("/c"));
        assert!(at("/b/z/1").is_some_and(|r| r.starts_with("[2, 3]")));
        assert!(at("/b/x/1/y").is_some_and(|r| r.starts_with(r#""\"{,""#)));
        assert_eq!(at("/d"), None);
    }
}
