//! Turns byte offsets into the 1-based line and column a person sees in an editor.

/// A 1-based line and column; the column counts characters, not bytes, as editors do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

/// The position of byte `offset` in `text`, plus the text of its line (for carets in reports).
/// An offset inside a multi-byte character counts as that character.
pub fn position(text: &str, offset: usize) -> (Position, &str) {
    let offset = offset.min(text.len());
    let bytes = text.as_bytes();
    let line_start = bytes[..offset].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let line_end = bytes[offset..].iter().position(|&b| b == b'\n').map_or(text.len(), |i| offset + i);
    let line = bytes[..line_start].iter().filter(|&&b| b == b'\n').count() + 1;
    let column = String::from_utf8_lossy(&bytes[line_start..offset]).chars().count() + 1;
    let source = text.get(line_start..line_end).unwrap_or("").trim_end_matches('\r');
    (Position { line: to_u32(line), column: to_u32(column) }, source)
}

/// The same as `position`, when `offset` lies at or after `base` and `base` is known to be on
/// line `base_line`. Costs the distance from the start of `base`'s line to `offset` rather than
/// from the start of the text: a record deep inside a large JSON Lines file is located without
/// counting the lines before it, so many findings in one file stay linear overall.
pub fn position_from(text: &str, base: usize, base_line: u32, offset: usize) -> (Position, &str) {
    let offset = offset.min(text.len());
    let base = base.min(offset);
    let line_start = text.as_bytes()[..base].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let (p, line) = position(&text[line_start..], offset - line_start);
    (Position { line: base_line.saturating_add(p.line - 1), column: p.column }, line)
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_lines_and_characters() {
        let text = "{\n  \"é\": 1,\n  \"b\": 2\n}";
        let (p, line) = position(text, text.find("1").unwrap());
        assert_eq!((p.line, p.column), (2, 8));
        assert_eq!(line, "  \"é\": 1,");
        assert_eq!(position(text, 0).0, Position { line: 1, column: 1 });
    }

    #[test]
    fn position_from_a_known_line_agrees_with_counting_from_the_start() {
        let text = "{\"a\": 1}\n{\"é\": [1,\n 2]}\n{\"c\": 3}\n";
        let base = text.find("{\"é").unwrap();
        for offset in base..text.len() {
            assert_eq!(position_from(text, base, 2, offset), position(text, offset), "offset {offset}");
        }
    }
}
