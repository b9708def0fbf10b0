//! Quoting for the SQL that the SQLite and DuckDB writers generate. Every identifier is quoted,
//! because column names such as `position`, `date` or `kind` are keywords in some dialects, and
//! every literal is escaped, because descriptions are free text.

/// `"name"`, with inner double quotes doubled (SQL standard, SQLite and DuckDB alike).
pub fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// `'text'`, with inner single quotes doubled.
pub fn literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// Text safe inside a `--` comment: one line, so that a description cannot end the comment
/// early and turn the rest of itself into SQL.
pub fn comment(text: &str) -> String {
    text.replace(['\r', '\n'], " ")
}

/// `'a', 'b', 'c'`: the literals of `values`, for `IN (…)` and `ENUM (…)`.
pub fn literals(values: &[String]) -> String {
    values.iter().map(|v| literal(v)).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_doubled_and_comments_stay_on_one_line() {
        assert_eq!(ident("a\"b"), "\"a\"\"b\"");
        assert_eq!(literal("it's"), "'it''s'");
        assert_eq!(comment("one\ntwo\r\nthree"), "one two  three");
        assert_eq!(literals(&["x".into(), "y'".into()]), "'x', 'y'''");
    }
}
