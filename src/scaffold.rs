//! Scaffolds for `isca new`: a record holding its id and every required field, each unfilled
//! value a placeholder that `isca validate` is sure to flag.
//!
//! Placeholders come from the catalogue, never from a list per table: an enum field gets
//! `"TODO: one of: …"`, a reference `"TODO: the id of a record in `…`"` (which dangles), a date
//! `"TODO: a date: …"`. Whether the validator really flags a placeholder is not assumed but
//! checked, by validating the scaffold with the rest of the dataset: a placeholder it accepts
//! (`"TODO: …"` is a fine `name`) is replaced by the next candidate, an empty string, and then
//! `null`, until every unfilled field has a finding.

use std::sync::Arc;

use jsonschema::PatternOptions;
use serde_json::Value;

use crate::catalog::{Catalog, Field, FieldKind, Table};
use crate::index::Index;
use crate::load::{Dataset, Record};
use crate::{rules, schema};

/// A new record and the places a person must fill in.
#[derive(Debug)]
pub struct Scaffold {
    pub value: Value,
    pub todo: Vec<Todo>,
}

/// One unfilled value: where it is (a JSON Pointer, as in findings) and what it should hold.
#[derive(Debug)]
pub struct Todo {
    pub pointer: String,
    pub hint: String,
}

struct Leaf {
    pointer: String,
    hint: String,
    candidates: Vec<Value>,
    choice: usize,
}

/// Builds the scaffold of record `id` in table `table` (an index into the catalogue), to be
/// written to `file` (relative to the root). `dataset` is the dataset it joins.
pub fn scaffold(
    catalog: &Catalog,
    validators: &schema::Validators,
    dataset: &mut Dataset,
    table: usize,
    id: &str,
    file: &str,
) -> Scaffold {
    let t = &catalog.tables[table];
    let mut leaves = Vec::new();
    let mut record = serde_json::Map::new();
    for field in t.fields.iter().filter(|f| f.required || f.name == t.primary_key) {
        let value = if field.name == t.primary_key {
            Value::String(id.to_string())
        } else {
            fill(field, format!("/{}", rules::token(&field.name)), &mut leaves)
        };
        record.insert(field.name.clone(), value);
    }
    let mut value = Value::Object(record);
    let file: Arc<str> = file.into();
    // Each round moves every placeholder the validator accepted to its next candidate; with
    // three candidates, three rounds settle every leaf.
    for _ in 0..3 {
        dataset.records.push(Record {
            table: table as u32,
            file: file.clone(),
            line: 1,
            offset: 0,
            value: (&value).into(),
        });
        let mut findings = schema::check(validators, catalog, dataset);
        findings.extend(rules::check(&Index::build(catalog, dataset)));
        dataset.records.pop();
        let flagged = |p: &str| {
            findings.iter().any(|f| *f.file == *file && (f.pointer == p || f.pointer.starts_with(&format!("{p}/"))))
        };
        let mut moved = false;
        for leaf in leaves.iter_mut().filter(|l| !flagged(&l.pointer) && l.choice + 1 < l.candidates.len()) {
            leaf.choice += 1;
            if let Some(slot) = value.pointer_mut(&leaf.pointer) {
                *slot = leaf.candidates[leaf.choice].clone();
            }
            moved = true;
        }
        if !moved {
            break;
        }
    }
    let todo = leaves.into_iter().map(|l| Todo { pointer: l.pointer, hint: l.hint }).collect();
    Scaffold { value, todo }
}

/// The first placeholder `isca new` writes for `field` (its `"TODO: …"` text, and for a list
/// or list of objects, as many as the schema requires): what the editor's "add the missing
/// field" action inserts.
pub fn placeholder(field: &Field) -> Value {
    fill(field, String::new(), &mut Vec::new())
}

/// The placeholder value of a required field, registering each leaf to fill in.
fn fill(field: &Field, pointer: String, leaves: &mut Vec<Leaf>) -> Value {
    let count = field.schema.get("minItems").and_then(Value::as_u64).unwrap_or(1).max(1);
    let numbered = |hint: String, i: u64| if count > 1 { format!("{hint} ({})", i + 1) } else { hint };
    match &field.kind {
        FieldKind::List { item } => Value::Array(
            (0..count).map(|i| leaf(format!("{pointer}/{i}"), numbered(hint(item, field), i), leaves)).collect(),
        ),
        FieldKind::Objects { fields } => Value::Array(
            (0..count)
                .map(|i| {
                    let members = fields
                        .iter()
                        .filter(|f| f.required)
                        .map(|f| (f.name.clone(), fill(f, format!("{pointer}/{i}/{}", rules::token(&f.name)), leaves)))
                        .collect();
                    Value::Object(members)
                })
                .collect(),
        ),
        kind => leaf(pointer, hint(kind, field), leaves),
    }
}

fn leaf(pointer: String, hint: String, leaves: &mut Vec<Leaf>) -> Value {
    let candidates = vec![Value::String(format!("TODO: {hint}")), Value::String(String::new()), Value::Null];
    let first = candidates[0].clone();
    leaves.push(Leaf { pointer, hint, candidates, choice: 0 });
    first
}

/// What a value of `kind` should hold, in a few words.
fn hint(kind: &FieldKind, field: &Field) -> String {
    match kind {
        FieldKind::Enum { values } => format!("one of: {}", values.join(", ")),
        FieldKind::PartialDate => "a date: 2021, 2021-01, 2021-01-26, or an interval 2019/2020".to_string(),
        FieldKind::Text { references: Some(t) } => format!("id of a record in {t}"),
        FieldKind::Integer => "an integer".to_string(),
        FieldKind::Number => "a number".to_string(),
        FieldKind::Boolean => "true or false".to_string(),
        _ => first_sentence(&field.description).unwrap_or_else(|| format!("a value for `{}`", field.name)),
    }
}

fn first_sentence(text: &str) -> Option<String> {
    let text = text.trim();
    let end = text.find(". ").map_or(text.len(), |i| i + 1);
    (!text.is_empty()).then(|| text[..end].to_string())
}

/// Checks that `id` can name a new record of `table`: a safe file name that passes the primary
/// key's schema. The error says what an id must look like, with a corrected id when one is
/// obvious.
pub fn check_id(table: &Table, id: &str) -> Result<(), String> {
    let bad = |why: String| Err(format!("`{id}` is not a valid id for table `{}`: {why}", table.name));
    if id.is_empty() || id.starts_with('.') || id.chars().any(|c| matches!(c, '/' | '\\') || c.is_control()) {
        return bad("it cannot be a file name".to_string());
    }
    let Some(key) = table.field(&table.primary_key) else { return Ok(()) };
    let valid = |s: &str| {
        jsonschema::draft202012::options()
            .with_pattern_options(PatternOptions::regex())
            .build(&key.schema)
            .map(|v| v.is_valid(&Value::String(s.to_string())))
    };
    if valid(id).map_err(|e| format!("the schema of `{}.{}` does not compile: {e}", table.name, key.name))? {
        return Ok(());
    }
    let get = |k: &str| key.schema.get(k);
    let mut rules = Vec::new();
    if let Some(p) = get("pattern").and_then(Value::as_str) {
        rules.push(format!("match {p}"));
    }
    if let Some(n) = get("maxLength").and_then(Value::as_u64) {
        rules.push(format!("be at most {n} characters"));
    }
    let mut why =
        format!("an id must {}", if rules.is_empty() { "pass its schema".to_string() } else { rules.join(" and ") });
    let slug = slugify(id);
    if slug != id && valid(&slug).unwrap_or(false) {
        why.push_str(&format!("; did you mean `{slug}`?"));
    }
    bad(why)
}

/// Lowercase ASCII letters and digits, other runs of characters turned into one `-`.
fn slugify(s: &str) -> String {
    let lower = s.to_lowercase();
    lower.split(|c: char| !c.is_ascii_alphanumeric()).filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-")
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    #[test]
    fn explains_a_bad_id_and_suggests_a_slug() {
        let catalog = Catalog::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("schema")).unwrap();
        let t = catalog.table("agreements").unwrap();
        assert_eq!(check_id(t, "agr-ru-ir-2030"), Ok(()));
        let err = check_id(t, "Agr_RU_IR").unwrap_err();
        assert!(err.contains("match ^agr-") && err.contains("did you mean `agr-ru-ir`?"), "{err}");
        assert!(check_id(t, "../agr-x").unwrap_err().contains("file name"));
        assert!(check_id(t, "pty-x").is_err());
    }

    #[test]
    fn first_sentence_stops_at_the_first_full_stop() {
        assert_eq!(first_sentence("Full name. In English.").as_deref(), Some("Full name."));
        assert_eq!(first_sentence("No stop").as_deref(), Some("No stop"));
        assert_eq!(first_sentence("  "), None);
    }
}
