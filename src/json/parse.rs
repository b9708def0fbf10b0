//! A strict JSON parser that builds a `serde_json::Value` and reports, with byte offsets, what
//! serde_json would accept silently or reject without a position: duplicate keys, unsafe numbers,
//! nesting too deep, trailing content.
//!
//! It is hand-written rather than built on serde_json because serde's `Map` keeps the last of two
//! duplicate keys without a word, and because we want a hard depth limit that can never overflow
//! the stack whatever the input.
//!
//! Why no crate does this job (checked for issue 12): serde_json declined to report duplicate
//! keys (serde-rs/json#762; the opt-in PR #1113 is still open); `serde_with`'s
//! `MapPreventDuplicates` rejects them, but through serde's error, with no position for either
//! occurrence; `jsonc-parser` keeps duplicates and byte ranges, but returns its own AST, which we
//! would have to convert into a `serde_json::Value` (what jsonschema and every later stage read)
//! in a second walk; `json-spanned-value` and `spanned_json_parser` wrap values in spans, again
//! not a `Value`, and are barely maintained. None reports a duplicate key with *both* positions
//! while returning a `Value` in one pass, so this one stays, and stays small.

use std::collections::HashMap;

use serde_json::{Map, Number, Value};

/// Deepest nesting of arrays and objects accepted; records are a few levels deep.
pub const MAX_DEPTH: usize = 64;

/// Issues kept per document; the rest are counted in `Parsed::dropped`.
pub const MAX_ISSUES: usize = 50;

/// Integers beyond ±2^53 lose precision in JavaScript, pandas' float columns and DuckDB's JSON
/// reader (I-JSON, RFC 7493 §2.2).
const SAFE_INTEGER: f64 = 9_007_199_254_740_992.0;

/// A problem that stops parsing: nothing usable comes out of the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Fatal {
    pub kind: FatalKind,
    pub offset: usize,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FatalKind {
    Empty,
    Syntax,
    TooDeep,
}

/// A problem that leaves a usable value behind, so checking can go on past it.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    pub kind: IssueKind,
    pub offset: usize,
    pub message: String,
    /// For a duplicate key, where the key first appeared.
    pub related: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IssueKind {
    DuplicateKey,
    UnsafeNumber,
    /// A number whose decimal value a 64-bit float cannot hold (`3.14159265358979323846`).
    InexactNumber,
    TrailingContent,
}

/// The value of a document plus the issues found on the way.
#[derive(Debug)]
pub struct Parsed {
    pub value: Value,
    /// The first `MAX_ISSUES` issues, in the order they were found.
    pub issues: Vec<Issue>,
    /// How many more issues there were: counted, not kept, so that a hostile file with a
    /// million duplicate keys costs a counter rather than a million messages.
    pub dropped: usize,
}

/// Parses one JSON document that must fill `text` (apart from surrounding whitespace).
pub fn parse(text: &str) -> Result<Parsed, Fatal> {
    let mut p = Parser::new(text);
    p.skip_ws();
    if p.pos == p.b.len() {
        return Err(Fatal { kind: FatalKind::Empty, offset: 0, message: "the file holds no JSON value".into() });
    }
    let value = p.value(0)?;
    p.skip_ws();
    if p.pos < p.b.len() {
        let offset = p.pos;
        p.issue(Issue {
            kind: IssueKind::TrailingContent,
            offset,
            message: "unexpected content after the end of the record".into(),
            related: None,
        });
    }
    Ok(Parsed { value, issues: p.issues, dropped: p.dropped })
}

struct Parser<'a> {
    b: &'a [u8],
    text: &'a str,
    pos: usize,
    issues: Vec<Issue>,
    /// Issues past `MAX_ISSUES`, counted but not kept.
    dropped: usize,
    /// Set when re-reading text already parsed: its issues were recorded the first time.
    quiet: bool,
    /// Array items being parsed, innermost array last: each array is then allocated once at
    /// its exact length instead of growing (and over-allocating) item by item.
    stack: Vec<Value>,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        Parser { b: text.as_bytes(), text, pos: 0, issues: Vec::new(), dropped: 0, quiet: false, stack: Vec::new() }
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.b.get(self.pos) {
            self.pos += 1;
        }
    }

    fn syntax(&self, at: usize, message: impl Into<String>) -> Fatal {
        Fatal { kind: FatalKind::Syntax, offset: at, message: message.into() }
    }

    fn unexpected(&self, wanted: &str) -> Fatal {
        match self.text[self.pos..].chars().next() {
            None => self.syntax(self.pos, format!("unexpected end of file, expected {wanted}")),
            Some(c) => self.syntax(self.pos, format!("unexpected {c:?}, expected {wanted}")),
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, Fatal> {
        match self.b.get(self.pos) {
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            _ => Err(self.unexpected("a value")),
        }
    }

    fn enter(&self, depth: usize) -> Result<(), Fatal> {
        if depth > MAX_DEPTH {
            return Err(Fatal {
                kind: FatalKind::TooDeep,
                offset: self.pos,
                message: format!("nesting deeper than {MAX_DEPTH} levels"),
            });
        }
        Ok(())
    }

    fn object(&mut self, depth: usize) -> Result<Value, Fatal> {
        self.enter(depth)?;
        let start = self.pos;
        self.pos += 1;
        let mut map = Map::new();
        // From the first duplicate on, where each key first appeared: finding the first
        // occurrence then costs a lookup, not a re-read of the object, so 10,000 duplicates
        // stay linear while clean objects pay nothing.
        let mut first_seen: Option<HashMap<String, usize>> = None;
        self.skip_ws();
        if self.b.get(self.pos) == Some(&b'}') {
            self.pos += 1;
            return Ok(Value::Object(map));
        }
        loop {
            self.skip_ws();
            if self.b.get(self.pos) != Some(&b'"') {
                return Err(self.unexpected("a property name in double quotes"));
            }
            let key_at = self.pos;
            let key = self.string()?;
            self.skip_ws();
            if self.b.get(self.pos) != Some(&b':') {
                return Err(self.unexpected("':'"));
            }
            self.pos += 1;
            self.skip_ws();
            let value = self.value(depth)?;
            if map.contains_key(&key) {
                let seen = first_seen.get_or_insert_with(|| self.key_offsets(start, depth, key_at));
                let related = seen.get(&key).copied();
                let message = format!(
                    "duplicate key {}: the later value silently replaces the earlier one",
                    shorten(&format!("{key:?}"))
                );
                self.issue(Issue { kind: IssueKind::DuplicateKey, offset: key_at, message, related });
            } else if let Some(seen) = &mut first_seen {
                seen.insert(key.clone(), key_at);
            }
            // On a repeated key this replaces the value in place, as serde_json does.
            map.insert(key, value);
            self.skip_ws();
            match self.b.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(map));
                }
                _ => return Err(self.unexpected("',' or '}'")),
            }
        }
    }

    /// Where each key of the object starting at `start` first appears, up to `until`, read
    /// again once (the members parsed once already, so they parse again).
    fn key_offsets(&self, start: usize, depth: usize, until: usize) -> HashMap<String, usize> {
        let mut seen = HashMap::new();
        let mut probe = Parser::new(self.text);
        probe.pos = start + 1;
        probe.quiet = true;
        loop {
            probe.skip_ws();
            let at = probe.pos;
            if at >= until {
                return seen;
            }
            let Ok(k) = probe.string() else { return seen };
            seen.entry(k).or_insert(at);
            probe.skip_ws();
            probe.pos += 1; // ':'
            probe.skip_ws();
            if probe.value(depth).is_err() {
                return seen;
            }
            probe.skip_ws();
            if probe.b.get(probe.pos) != Some(&b',') {
                return seen;
            }
            probe.pos += 1;
        }
    }

    /// Records an issue, keeping at most `MAX_ISSUES`; the rest are only counted.
    fn issue(&mut self, issue: Issue) {
        if self.quiet {
            return;
        }
        if self.issues.len() < MAX_ISSUES {
            self.issues.push(issue);
        } else {
            self.dropped += 1;
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, Fatal> {
        self.enter(depth)?;
        self.pos += 1;
        self.skip_ws();
        if self.b.get(self.pos) == Some(&b']') {
            self.pos += 1;
            return Ok(Value::Array(Vec::new()));
        }
        let mark = self.stack.len();
        loop {
            self.skip_ws();
            let item = self.value(depth)?;
            self.stack.push(item);
            self.skip_ws();
            match self.b.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    let items: Vec<Value> = self.stack.drain(mark..).collect();
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.unexpected("',' or ']'")),
            }
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, Fatal> {
        if self.b[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.unexpected("a value"))
        }
    }

    fn string(&mut self) -> Result<String, Fatal> {
        let start = self.pos;
        self.pos += 1;
        // Fast path: most strings have no escape, so find the closing quote first and copy
        // the text once, at its exact length.
        let special = self.b[self.pos..].iter().position(|&c| c == b'"' || c == b'\\' || c < 0x20);
        if let Some(n) = special
            && self.b[self.pos + n] == b'"'
        {
            let s = self.text[self.pos..self.pos + n].to_string();
            self.pos += n + 1;
            return Ok(s);
        }
        let mut out = String::new();
        let mut run = self.pos;
        loop {
            match self.b.get(self.pos) {
                None => return Err(self.syntax(start, "unterminated string")),
                Some(b'"') => {
                    out.push_str(&self.text[run..self.pos]);
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(&self.text[run..self.pos]);
                    self.escape(&mut out)?;
                    run = self.pos;
                }
                Some(&c) if c < 0x20 => {
                    return Err(
                        self.syntax(self.pos, "control character inside a string; write it as an escape such as \\n")
                    );
                }
                Some(_) => self.pos += 1,
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), Fatal> {
        let at = self.pos;
        self.pos += 1;
        let c = match self.b.get(self.pos) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                let hi = self.hex4(at)?;
                let c = if (0xD800..0xDC00).contains(&hi) {
                    if !self.b[self.pos..].starts_with(b"\\u") {
                        return Err(self.syntax(at, "lone surrogate in \\u escape"));
                    }
                    self.pos += 2;
                    let lo = self.hex4(at)?;
                    if !(0xDC00..0xE000).contains(&lo) {
                        return Err(self.syntax(at, "lone surrogate in \\u escape"));
                    }
                    char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
                } else {
                    char::from_u32(hi)
                };
                out.push(c.ok_or_else(|| self.syntax(at, "lone surrogate in \\u escape"))?);
                return Ok(());
            }
            _ => return Err(self.syntax(at, "invalid escape sequence")),
        };
        out.push(c);
        self.pos += 1;
        Ok(())
    }

    fn hex4(&mut self, at: usize) -> Result<u32, Fatal> {
        let digits = self.b.get(self.pos..self.pos + 4).ok_or_else(|| self.syntax(at, "truncated \\u escape"))?;
        // Four hex digits exactly: `from_str_radix` alone would also take a sign (`\u+610`).
        if !digits.iter().all(u8::is_ascii_hexdigit) {
            return Err(self.syntax(at, "invalid \\u escape"));
        }
        let s = std::str::from_utf8(digits).map_err(|_| self.syntax(at, "invalid \\u escape"))?;
        let v = u32::from_str_radix(s, 16).map_err(|_| self.syntax(at, "invalid \\u escape"))?;
        self.pos += 4;
        Ok(v)
    }

    fn number(&mut self) -> Result<Value, Fatal> {
        let start = self.pos;
        let digits = |p: &mut Self| {
            let from = p.pos;
            while p.b.get(p.pos).is_some_and(u8::is_ascii_digit) {
                p.pos += 1;
            }
            p.pos - from
        };
        if self.b[self.pos] == b'-' {
            self.pos += 1;
        }
        let int_start = self.pos;
        if digits(self) == 0 {
            return Err(self.unexpected("a digit"));
        }
        if self.b[int_start] == b'0' && self.pos - int_start > 1 {
            return Err(self.syntax(int_start, "leading zeros are not allowed in JSON numbers"));
        }
        let mut integer = true;
        if self.b.get(self.pos) == Some(&b'.') {
            integer = false;
            self.pos += 1;
            if digits(self) == 0 {
                return Err(self.unexpected("a digit after '.'"));
            }
        }
        if let Some(b'e' | b'E') = self.b.get(self.pos) {
            integer = false;
            self.pos += 1;
            if let Some(b'+' | b'-') = self.b.get(self.pos) {
                self.pos += 1;
            }
            if digits(self) == 0 {
                return Err(self.unexpected("a digit in the exponent"));
            }
        }
        let literal = &self.text[start..self.pos];
        // `-0` is the float -0.0, as serde_json reads it: an integer 0 would lose the sign.
        let parsed = if integer && literal != "-0" { literal.parse::<i64>().ok().map(Number::from) } else { None };
        let number = match parsed {
            Some(n) => n,
            None => {
                let f: f64 = literal.parse().unwrap_or(f64::INFINITY);
                Number::from_f64(f).unwrap_or_else(|| Number::from_f64(f64::MAX.copysign(f)).expect("finite"))
            }
        };
        // An integer is judged by its exact value: as a float, 2^53 + 1 rounds to 2^53 and
        // would pass for safe.
        let too_big = match number.as_i64() {
            Some(i) => i.unsigned_abs() > SAFE_INTEGER as u64,
            None => number.as_f64().is_none_or(|f| f.abs() > SAFE_INTEGER),
        };
        if too_big || literal.len() > 40 {
            self.issue(Issue {
                kind: IssueKind::UnsafeNumber,
                offset: start,
                message: format!(
                    "number {} is outside ±2^53 and cannot be represented exactly by most readers",
                    shorten(literal)
                ),
                related: None,
            });
        } else if !integer && !same_decimal(literal, &number.to_string()) {
            let message = format!(
                "number {} has more digits than a 64-bit float keeps: every reader and `isca fmt` \
                 would turn it into {number}",
                shorten(literal)
            );
            self.issue(Issue { kind: IssueKind::InexactNumber, offset: start, message, related: None });
        }
        Ok(Value::Number(number))
    }
}

/// Whether two JSON number literals denote the same decimal value (`1.50`, `15e-1` and `1.5`
/// do; `0.1` and `0.1000000000000000055` do not). Signs of zero do not count.
pub(crate) fn same_decimal(a: &str, b: &str) -> bool {
    match (decimal(a), decimal(b)) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

/// A number literal as (negative, significant digits, exponent of the last digit), with no
/// leading or trailing zero digits; `None` if the exponent does not fit in an `i64`.
fn decimal(s: &str) -> Option<(bool, String, i64)> {
    let (negative, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (mantissa, exp) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], s[i + 1..].trim_start_matches('+').parse::<i64>().ok()?),
        None => (s, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{int}{frac}");
    let digits = digits.trim_start_matches('0');
    let significant = digits.trim_end_matches('0');
    if significant.is_empty() {
        return Some((false, String::new(), 0));
    }
    let zeros = i64::try_from(digits.len() - significant.len()).ok()?;
    let exp = exp.checked_sub(i64::try_from(frac.len()).ok()?)?.checked_add(zeros)?;
    Some((negative, significant.to_string(), exp))
}

/// `s` cut to its first 20 characters when it is longer than 24 bytes. Cut by characters,
/// never by bytes: a key or number is any text, and a byte cut could split a character.
fn shorten(s: &str) -> String {
    if s.len() <= 24 {
        return s.to_string();
    }
    match s.char_indices().nth(20) {
        Some((end, _)) => format!("{}…", &s[..end]),
        None => s.to_string(),
    }
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
