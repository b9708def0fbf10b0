//! X003: every declared reference (`x-references` in the schemas) points at an existing record
//! of the right table.

use crate::doc::Node;
use rayon::prelude::*;

use super::{Rule, finding_at, token};
use crate::catalog::Reference;
use crate::diagnostic::{Finding, RuleDoc, Severity};
use crate::index::Index;
use crate::load::Record;
use crate::text::did_you_mean;

pub struct DanglingReference;

static DOC: RuleDoc = RuleDoc {
    code: "X003",
    name: "dangling-reference",
    severity: Severity::Error,
    summary: "A reference points at an id that does not exist in the referenced table.",
    explanation: "## What it does\nFor every field a schema declares with `x-references: <table>` (plain fields, list items and members of listed objects such as `sources[].source`), checks that the id exists in that table. The finding points at the dangling value itself.\n\n## Why is this bad?\nPublished foreign keys must join: a dangling reference becomes an orphan row in every downstream join, and `frictionless validate` rejects the package.\n\n## Example\n```json\n\"parties\": [\"pty-rus\", \"pty-iran\"]\n```\nThere is no party `pty-iran`; the id is `pty-irn`.",
};

impl Rule for DanglingReference {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, index: &Index<'_>, out: &mut Vec<Finding>) {
        for reference in index.catalog.references() {
            let Some(target) = index.catalog.index_of(&reference.target) else { continue };
            let Some(table) = index.catalog.index_of(&reference.table) else { continue };
            // The field and the member are resolved to key indexes once, not hashed per record.
            let keys = index.catalog.tables[table].keys;
            let field = keys.field(&reference.field);
            let member = reference.member.as_deref().map(|m| keys.field(m));
            // Look ids up by table index, not name, and build pointers and suggestions only
            // for the rare dangling id: this rule visits every reference of every record.
            let resolves = |id: &str| index.table_of(id) == Some(target);
            let records: Vec<&Record> = index.table(&reference.table).collect();
            let found: Vec<Finding> = records
                .par_iter()
                .flat_map_iter(|record| {
                    let mut out = Vec::new();
                    let Some(value) = record.field(field) else { return out };
                    let mut visit = |at: &dyn Fn() -> String, id: Node<'_>| {
                        let Some(id) = id.as_str() else { return };
                        if !resolves(id) {
                            out.push(dangling(index, &reference, record, at(), id));
                        }
                    };
                    let base = || format!("/{}", token(&reference.field));
                    match (member, value.as_array()) {
                        (None, Some(items)) => {
                            for (i, item) in items.enumerate() {
                                visit(&|| format!("{}/{i}", base()), item);
                            }
                        }
                        (None, None) => visit(&base, value),
                        (Some(member), Some(items)) => {
                            for (i, item) in items.enumerate() {
                                if let Some(id) = item.field(member) {
                                    visit(&|| format!("{}/{i}/{}", base(), token(member.name())), id);
                                }
                            }
                        }
                        (Some(_), _) => {}
                    }
                    out
                })
                .collect();
            out.extend(found);
        }
    }
}

fn dangling(index: &Index<'_>, reference: &Reference, record: &Record, pointer: String, id: &str) -> Finding {
    let mut f = finding_at(&DOC, record, pointer, format!("`{id}` is not an id in table `{}`", reference.target));
    let candidates = index.table(&reference.target).filter_map(|r| index.id(r));
    f.set_help(match did_you_mean(id, candidates) {
        Some(s) => format!("did you mean `{s}`?"),
        None => format!("add a record `{id}` to `{}`, or fix the reference", reference.target),
    });
    f
}
