//! The `text` diff, for people: a block per table, `+` added, `-` removed, `~` changed with
//! one indented line per field, then the summary.

use std::io::{self, Write};

use super::{Diff, compact, headline};
use crate::text::inert;

pub fn write(diff: &Diff, out: &mut dyn Write) -> io::Result<()> {
    for s in &diff.skipped {
        let (file, reason) = (inert(&s.file), inert(&s.reason));
        writeln!(out, "note: left out of the comparison ({} root): {file}:{}: {reason}", s.root, s.line)?;
    }
    if !diff.skipped.is_empty() {
        writeln!(out)?;
    }
    for t in &diff.tables {
        writeln!(out, "{}", inert(&t.table))?;
        let named = |id: &str, label: &Option<String>| match label {
            Some(l) => format!("{} ({})", inert(id), inert(l)),
            None => inert(id).into_owned(),
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
                // serde_json escapes C0 controls in strings but not C1 or bidi controls.
                let show = |v: &Option<serde_json::Value>| {
                    v.as_ref().map_or("(absent)".to_string(), |v| inert(&compact(v)).into_owned())
                };
                let field = if f.field.is_empty() { "(record)".into() } else { inert(&f.field) };
                writeln!(out, "      {field}: {} → {}", show(&f.old), show(&f.new))?;
            }
        }
        writeln!(out)?;
    }
    writeln!(out, "{}", headline(&diff.summary))
}
