//! Where the caret goes under a source line: the token a finding points at, measured in
//! characters (SARIF regions, which count code points) and in terminal cells (the text
//! report, where a CJK character takes two cells and a combining accent none).

use unicode_width::UnicodeWidthChar;

/// How many characters the token starting at 1-based `column` spans: a whole string token, a
/// scalar up to its delimiter, or a single character for brackets.
pub fn token_chars(line: &str, column: u32) -> usize {
    let rest: Vec<char> = line.chars().skip((column as usize).saturating_sub(1)).collect();
    match rest.first() {
        None => 1,
        Some('"') => {
            let mut i = 1;
            while i < rest.len() {
                match rest[i] {
                    '\\' => i += 2,
                    '"' => return i + 1,
                    _ => i += 1,
                }
            }
            rest.len()
        }
        Some('{' | '[') => 1,
        Some(_) => rest.iter().take_while(|c| !",}] \t".contains(**c)).count().max(1),
    }
}

/// The terminal cells before the token and under it, for a line printed as is: the indent
/// and the number of carets. Control characters count one cell, as the caller prints them
/// replaced by one visible character.
pub fn cells(line: &str, column: u32) -> (usize, usize) {
    let before = (column as usize).saturating_sub(1);
    let width = |c: char| c.width().unwrap_or(1);
    let indent = line.chars().take(before).map(width).sum();
    let under = line.chars().skip(before).take(token_chars(line, column)).map(width).sum::<usize>();
    (indent, under.max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_tokens_in_characters_and_cells() {
        let line = r#"  "name": "中华人民共和国", "x": 1"#;
        // The string token `"中华人民共和国"` starts at character 11.
        assert_eq!(token_chars(line, 11), 9);
        assert_eq!(cells(line, 11), (10, 16));
        // After the wide characters, the indent counts two cells for each.
        let column = line.chars().position(|c| c == '1').unwrap() as u32 + 1;
        assert_eq!(token_chars(line, column), 1);
        assert_eq!(cells(line, column).0, column as usize - 1 + 7);
        // A combining accent takes no cell; brackets and the end of the line take one.
        assert_eq!(cells("\"e\u{301}\"", 1), (0, 3));
        assert_eq!(cells("{", 1), (0, 1));
        assert_eq!(cells("", 5), (0, 1));
    }
}
