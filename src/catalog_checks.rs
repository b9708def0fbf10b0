//! Schema checks made when the catalogue loads, so that every command (`validate`, `build`,
//! `fmt`, `diff`, `new`) refuses the same lying schemas up front, with exit 2, instead of one
//! command passing what another later fails on.
//!
//! Refused: an unknown `$schema` draft, a table name that cannot be published, a primary key
//! that is not a required string property, an `x-references` naming no table, and a cycle of
//! bare `$ref`s (which no validator can ever finish). Recursion through structure (`items`,
//! `properties`) is a legitimate tree and is accepted.

use std::collections::BTreeSet;

use serde_json::Value;

use super::{FieldKind, Table};
use crate::error::{Error, Result};

/// The only draft the validator compiles (`Validators::compile` uses draft 2020-12).
pub const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

/// Whether `name` can name published files and a Data Package resource: lowercase ASCII
/// letters, digits and `_`, starting with a letter.
pub fn is_publishable_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Checks one table's schema on its own.
pub fn check_table(table: &Table) -> Result<()> {
    let bad = |message: String| Err(Error::Schema { path: table.path.clone(), message });
    if !is_publishable_name(&table.name) {
        return bad(format!(
            "`{}` cannot be a table name: a table is named by its schema file, `<name>.schema.json`, \
             with lowercase letters, digits and `_`, starting with a letter",
            table.name
        ));
    }
    match table.schema.get("$schema") {
        None => {}
        Some(Value::String(s)) if s == DRAFT || s.strip_suffix('#') == Some(DRAFT) => {}
        Some(other) => {
            return bad(format!(
                "unsupported `$schema` {other}: isca validates with JSON Schema draft 2020-12 ({DRAFT})"
            ));
        }
    }
    if let Some(key) = table.schema.get("x-primary-key").filter(|k| !k.is_string()) {
        return bad(format!("`x-primary-key` must be a property name, not {key}"));
    }
    let key = table.field(&table.primary_key).filter(|f| matches!(f.kind, FieldKind::Text { .. }));
    match key {
        None => return bad(format!("primary key `{}` is not a string property", table.primary_key)),
        Some(f) if !f.required => {
            return bad(format!("primary key `{}` must be listed in `required`: every record needs its id", f.name));
        }
        Some(_) => {}
    }
    refuse_ref_cycles(table)
}

/// Checks what one table's schema says about the others: every `x-references`, wherever it
/// sits in the schema, names a table of the catalogue.
pub fn check_references(table: &Table, names: &BTreeSet<&str>) -> Result<()> {
    let mut stack = vec![("".to_string(), &table.schema)];
    while let Some((at, v)) = stack.pop() {
        match v {
            Value::Object(map) => {
                if let Some(target) = map.get("x-references") {
                    let known = target.as_str().is_some_and(|t| names.contains(t));
                    if !known {
                        let list = names.iter().copied().collect::<Vec<_>>().join(", ");
                        let message = format!(
                            "`x-references` at `{at}` names {target}, which is not a table; the tables are: {list}"
                        );
                        return Err(Error::Schema { path: table.path.clone(), message });
                    }
                }
                stack.extend(map.iter().map(|(k, v)| (format!("{at}/{}", crate::rules::token(k)), v)));
            }
            Value::Array(items) => stack.extend(items.iter().enumerate().map(|(i, v)| (format!("{at}/{i}"), v))),
            _ => {}
        }
    }
    Ok(())
}

/// Refuses a cycle of `$ref`s that never passes through a subschema (`a` → `b` → `a`): each
/// reference leads straight to another, so evaluating it never ends. Only local references
/// (`#…`) are followed; the validator has no network to resolve others.
fn refuse_ref_cycles(table: &Table) -> Result<()> {
    let mut refs = Vec::new();
    collect_refs(&table.schema, String::new(), &mut refs);
    for (start, _) in &refs {
        let mut chain = vec![start.clone()];
        let mut at = start.clone();
        // Each step follows the `$ref` of the node the previous one led to; a chain longer than
        // the number of references must have looped, so the walk is bounded.
        for _ in 0..=refs.len() {
            let Some(target) = refs.iter().find(|(p, _)| *p == at).map(|(_, t)| t.clone()) else { break };
            if target == *start {
                chain.push(target);
                let message = format!(
                    "`$ref` cycle: {}; a reference must lead to a schema, not back to itself",
                    chain.join(" → ")
                );
                return Err(Error::Schema { path: table.path.clone(), message });
            }
            if chain.contains(&target) {
                break; // a cycle that does not pass through `start`: reported from one of its own nodes
            }
            chain.push(target.clone());
            at = target;
        }
    }
    Ok(())
}

/// Every object with a local string `$ref`, as (its pointer, the pointer it refers to), with
/// `#` written as the empty pointer.
fn collect_refs(v: &Value, at: String, out: &mut Vec<(String, String)>) {
    let mut stack = vec![(at, v)];
    while let Some((at, v)) = stack.pop() {
        match v {
            Value::Object(map) => {
                if let Some(target) = map.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix('#')) {
                    out.push((at.clone(), target.to_string()));
                }
                stack.extend(map.iter().map(|(k, v)| (format!("{at}/{}", crate::rules::token(k)), v)));
            }
            Value::Array(items) => stack.extend(items.iter().enumerate().map(|(i, v)| (format!("{at}/{i}"), v))),
            _ => {}
        }
    }
    out.sort();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publishable_names() {
        for ok in ["events", "threat_categories", "t2"] {
            assert!(is_publishable_name(ok), "{ok}");
        }
        for bad in ["", "Events", "bad name", "2t", "_x", "a-b", "é", "a.b"] {
            assert!(!is_publishable_name(bad), "{bad}");
        }
    }
}
