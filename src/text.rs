//! Small text helpers shared by findings and renderers: closest-name suggestions, and making
//! text from the data inert before it reaches a terminal or a rendered page.

use std::borrow::Cow;

/// Longest word `did_you_mean` tries to match.
const MAX_NAME_BYTES: usize = 128;

/// The candidate closest to `word` by edit distance (Levenshtein over characters, from
/// `strsim`, which clap already brings in), if it is close enough to be a typo.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    // No name is this long; comparing a huge value against every candidate would cost
    // its length times theirs, per finding.
    if word.len() > MAX_NAME_BYTES {
        return None;
    }
    let limit = (word.chars().count() / 3).max(1);
    candidates.into_iter().map(|c| (strsim::levenshtein(word, c), c)).filter(|(d, _)| *d <= limit).min().map(|(_, c)| c)
}

/// Whether `c` must not reach a terminal, a log or a rendered page raw: C0 controls but the
/// tab (ESC starts the sequences that retitle or clear a terminal; CR and LF forge lines),
/// DEL, C1 controls (0x9B is a one-byte CSI), and the Unicode bidi and line controls that make
/// text display in another order than it reads ("Trojan Source", CVE-2021-42574).
pub fn is_unsafe_control(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{a}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{2028}' | '\u{2029}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `s` with every unsafe control character written as a JSON-style escape (`\u001b`), the
/// way it appears in the record; text without one is returned as it is, uncopied. Every
/// human-readable renderer passes text from the data through this.
pub fn inert(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if is_unsafe_control(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inert_escapes_terminal_controls_and_keeps_the_rest() {
        assert_eq!(inert("a\u{1b}]0;pwned\u{7}b"), "a\\u001b]0;pwned\\u0007b");
        assert_eq!(inert("x\r\ny\u{9b}z\u{7f}"), "x\\u000d\\u000ay\\u009bz\\u007f");
        assert_eq!(inert("\u{202e}evil\u{2066}"), "\\u202eevil\\u2066");
        assert_eq!(inert("\u{0}"), "\\u0000");
        assert!(matches!(inert("tab\there «é» \\u001b"), Cow::Borrowed(_)));
    }

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(did_you_mean("signed_on", ["signed", "place"]), Some("signed"));
        assert_eq!(did_you_mean("confirmd", ["confirmed", "probable"]), Some("confirmed"));
        assert_eq!(did_you_mean("zzz", ["confirmed"]), None);
        // Characters, not bytes: one substitution of a two-byte letter is one edit.
        assert_eq!(did_you_mean("partiés", ["parties", "sources"]), Some("parties"));
    }
}
