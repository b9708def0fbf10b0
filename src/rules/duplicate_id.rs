//! X001: every id is defined once in the whole dataset, across tables.

use super::{Rule, finding_at};
use crate::diagnostic::{Finding, Related, RuleDoc, Severity};
use crate::index::Index;

pub struct DuplicateId;

static DOC: RuleDoc = RuleDoc {
    code: "X001",
    name: "duplicate-id",
    severity: Severity::Error,
    summary: "Two records share an id, in the same table or in different tables.",
    explanation: "## What it does\nReports every record whose id was already defined by an earlier record (in file order), naming the first definition.\n\n## Why is this bad?\nIds are the join keys of the published tables and are never reused. Two records with one id make every reference to it ambiguous. This commonly happens when a record is copied to start a new one and the id is not changed, or when a `.jsonl` file repeats a record that also has its own file.\n\n## Example\n`dataset/events/evt-a.json` and `dataset/events/bulk.jsonl` line 3 both hold `\"id\": \"evt-a\"`.",
};

impl Rule for DuplicateId {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, index: &Index<'_>, out: &mut Vec<Finding>) {
        // The index already met every id once, in load order, and kept the later definitions.
        for (record, first) in index.duplicates() {
            let id = index.id(record).unwrap_or_default();
            // A line number says which record of a `.jsonl` file; a `.json` file holds one.
            let place = if first.file.ends_with(".jsonl") {
                format!("{}:{}", first.file, first.line)
            } else {
                first.file.to_string()
            };
            out.push(
                finding_at(&DOC, record, "/id", format!("id `{id}` is already defined in {place}"))
                    .with_help("give this record a new id; ids are never reused")
                    .with_related(Related::in_record(first, "/id", "the first definition")),
            );
        }
    }
}
