//! The `markdown` diff, ready to paste under a release heading in CHANGELOG.md or into a
//! release note: a section per table, one bullet per record, a sub-bullet per changed field.

use std::io::{self, Write};

use serde_json::Value;

use super::{Diff, compact, headline};
use crate::text::inert;

/// Longest value shown in full; longer ones end in `…` (the JSON format has them whole).
const MAX_VALUE_CHARS: usize = 120;

pub fn write(diff: &Diff, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "### Dataset changes\n")?;
    writeln!(out, "{}.", headline(&diff.summary))?;
    if !diff.skipped.is_empty() {
        writeln!(out, "\n> **Note:** left out of the comparison, as they could not be read:")?;
        for s in &diff.skipped {
            writeln!(out, "> - {} ({} root, line {}): {}", code(&s.file), s.root, s.line, escape(&s.reason))?;
        }
    }
    for t in &diff.tables {
        writeln!(out, "\n#### {}\n", code(&t.table))?;
        let named = |id: &str, label: &Option<String>| match label {
            Some(l) => format!("{}: {}", code(id), escape(l)),
            None => code(id),
        };
        for e in &t.added {
            writeln!(out, "- Added {}", named(&e.id, &e.label))?;
        }
        for e in &t.removed {
            writeln!(out, "- Removed {}", named(&e.id, &e.label))?;
        }
        for c in &t.changed {
            writeln!(out, "- Changed {}", named(&c.id, &c.label))?;
            for f in &c.changes {
                let field = if f.field.is_empty() { "record".to_string() } else { code(&f.field) };
                let line = match (&f.old, &f.new) {
                    (None, Some(new)) => format!("{field}: added {}", value(new)),
                    (Some(old), None) => format!("{field}: removed (was {})", value(old)),
                    (Some(old), Some(new)) => format!("{field}: {} → {}", value(old), value(new)),
                    (None, None) => continue,
                };
                writeln!(out, "  - {line}")?;
            }
        }
    }
    Ok(())
}

fn value(v: &Value) -> String {
    let text = compact(v);
    if text.chars().count() <= MAX_VALUE_CHARS {
        return code(&text);
    }
    let cut: String = text.chars().take(MAX_VALUE_CHARS).collect();
    code(&format!("{cut}…"))
}

/// A code span that survives backticks inside the text (CommonMark §6.1), its text inert.
fn code(text: &str) -> String {
    let text = &*inert(text);
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// Plain text with the characters Markdown would read as formatting escaped, and inert.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in inert(text).chars() {
        if "\\`*_[]<>#|~".contains(c) {
            out.push('\\');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_hold_backticks() {
        assert_eq!(code("a"), "`a`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`a"), "`` `a ``");
    }

    #[test]
    fn escapes_formatting_characters() {
        assert_eq!(escape("a_b *c* [d]"), "a\\_b \\*c\\* \\[d\\]");
    }
}
