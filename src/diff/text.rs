//! The `text` diff, for people: a block per table, `+` added, `-` removed, `~` changed with
//! one indented line per field, then the summary.

use std::io::{self, Write};

use super::{Diff, compact, headline};

pub fn write(diff: &Diff, out: &mut dyn Write) -> io::Result<()> {
    for s in &diff.skipped {
        writeln!(out, "note: left out of the comparison ({} root): {}:{}: {}", s.root, s.file, s.line, s.reason)?;
    }
    if !diff.skipped.is_empty() {
        writeln!(out)?;
    }
    for t in &diff.tables {
        writeln!(out, "{}", t.table)?;
        let named = |id: &str, label: &Option<String>| match label {
            Some(l) => format!("{id} ({l})"),
            None => id.to_string(),
        };
        for e in &t.added {
            writeln!(out, "  + {}", named(&e.id, &e.label))?;
        }
        for e in &t.removed {
            writeln!(out, "  - {}", named(&e.id, &e.label))?;
        }
        for c in &t.changed {
            writeln!(out, "  ~ {}", named(&c.id, &c.label))?;
            for f in &c.changes {
                let show = |v: &Option<serde_json::Value>| v.as_ref().map_or("(absent)".to_string(), compact);
                let field = if f.field.is_empty() { "(record)" } else { &f.field };
                writeln!(out, "      {field}: {} → {}", show(&f.old), show(&f.new))?;
            }
        }
        writeln!(out)?;
    }
    writeln!(out, "{}", headline(&diff.summary))
}
