//! Hover: on an id, the record it names (name or title, kind, date, certainty, file); on a
//! field name, its description from the schema; on an enum value, what the schema says it
//! means.

use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

use super::cursor::{Cursor, Target, target};
use super::references::places;
use super::state::FileRef;
use super::workspace::source_file;
use crate::catalog::{Field, FieldKind};
use crate::load::Record;

pub fn hover(file: &mut FileRef<'_>, pos: Position) -> Option<Hover> {
    let source = source_file(&file.checked.catalog, &file.rel)?;
    let cursor = Cursor::new(&file.text, file.rel.ends_with(".jsonl"), pos)?;
    let text = match target(&file.checked.catalog, source.table, &cursor)? {
        Target::Id { id, table, own, .. } => {
            let index = file.checked.index();
            let mut text = match index.get_in(table, &id) {
                Some(record) => describe(record, table, &id),
                None => format!("no record `{id}` in `{table}`"),
            };
            if own {
                let n = places(file.checked, table, &id).len();
                text.push_str(&format!("\n\n{n} reference{}", if n == 1 { "" } else { "s" }));
            }
            text
        }
        Target::Key { field: Some(field), .. } => field_text(field),
        Target::Key { field: None, name } => format!("`{name}` is not a field of this record"),
        Target::Enum { field, value } => enum_text(field, &value),
    };
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: text }),
        range: None,
    })
}

/// A record in a few lines: what it is called, what kind, when, how certain, where.
fn describe(record: &Record, table: &str, id: &str) -> String {
    let name = ["name", "title"].iter().find_map(|f| record.str(f)).unwrap_or(id);
    let mut facts = vec![format!("`{id}` in `{table}`")];
    for (label, field) in [("kind", "kind"), ("date", "date"), ("signed", "signed"), ("published", "published")] {
        if let Some(v) = record.str(field) {
            facts.push(format!("{label} {v}"));
        }
    }
    if let Some(c) = record.str("certainty") {
        facts.push(c.to_string());
    }
    format!("**{name}**\n\n{}\n\n{}", facts.join(" · "), record.file)
}

fn field_text(field: &Field) -> String {
    let kind = match &field.kind {
        FieldKind::Text { references: Some(t) } => format!("id of a record in `{t}`"),
        FieldKind::Text { references: None } => "text".to_string(),
        FieldKind::Enum { values } => {
            format!("one of {}", values.iter().map(|v| format!("`{v}`")).collect::<Vec<_>>().join(", "))
        }
        FieldKind::PartialDate => "partial date (`2021`, `2021-01`, `2021-01-26`, `2019/2020`)".to_string(),
        FieldKind::Integer => "integer".to_string(),
        FieldKind::Number => "number".to_string(),
        FieldKind::Boolean => "boolean".to_string(),
        FieldKind::List { item } => match item.as_ref() {
            FieldKind::Text { references: Some(t) } => format!("list of ids of records in `{t}`"),
            _ => "list".to_string(),
        },
        FieldKind::Objects { fields } => {
            format!(
                "list of objects with {}",
                fields.iter().map(|f| format!("`{}`", f.name)).collect::<Vec<_>>().join(", ")
            )
        }
        FieldKind::Json => "JSON".to_string(),
    };
    let required = if field.required { ", required" } else { "" };
    format!("**{}** ({kind}{required})\n\n{}", field.name, field.description)
}

/// The sentence of the field's description that defines `value` (descriptions write
/// "`confirmed`: a found document states it."), else the whole description.
fn enum_text(field: &Field, value: &str) -> String {
    let desc = &field.description;
    let marker = format!("`{value}`:");
    let meaning = desc.find(&marker).map(|i| {
        let rest = &desc[i + marker.len()..];
        let end = rest.find(". `").map_or(rest.len(), |e| e + 1);
        rest[..end].trim().to_string()
    });
    match meaning {
        Some(m) => format!("**{value}**: {m}\n\n`{}`: {desc}", field.name),
        None => format!("**{value}** (`{}`)\n\n{desc}", field.name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_enum_value_gets_its_own_sentence() {
        let field = Field {
            name: "certainty".into(),
            description: "How well. `confirmed`: a found document states it. `probable`: partly confirmed.".into(),
            required: true,
            kind: FieldKind::Enum { values: vec!["confirmed".into(), "probable".into()] },
            schema: serde_json::Value::Null,
            default: None,
        };
        assert!(enum_text(&field, "confirmed").starts_with("**confirmed**: a found document states it.\n"));
        assert!(enum_text(&field, "probable").starts_with("**probable**: partly confirmed.\n"));
        assert!(enum_text(&field, "other").starts_with("**other** (`certainty`)"));
    }
}
