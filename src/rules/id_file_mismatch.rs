//! X002: a record in its own file is named after its id.

use super::{Rule, Scope, finding_at};
use crate::diagnostic::{Finding, RuleDoc, Severity};
use crate::index::Index;

pub struct IdFileMismatch;

static DOC: RuleDoc = RuleDoc {
    code: "X002",
    name: "id-file-mismatch",
    severity: Severity::Error,
    summary: "A record's file name differs from its id.",
    explanation: "## What it does\nReports a `.json` record whose file stem is not its id (`.jsonl` files hold many records and are exempt).\n\n## Why is this bad?\nMaintainers find a record by its id; a renamed id with a stale file name (or a copied file with a stale id) hides the record and invites duplicate ids.\n\n## Example\n`dataset/agreements/agr-ru-ir-2021.json` holding `\"id\": \"agr-ru-ir-2021-infosec\"`: rename the file or fix the id.",
};

impl Rule for IdFileMismatch {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn scope(&self) -> Scope {
        Scope::Record
    }

    fn check(&self, index: &Index<'_>, out: &mut Vec<Finding>) {
        for record in &index.dataset.records {
            let Some(stem) = record.file.strip_suffix(".json") else { continue };
            let stem = stem.rsplit('/').next().unwrap_or(stem);
            let Some(id) = index.id(record) else { continue };
            if stem != id {
                out.push(
                    finding_at(&DOC, record, "/id", format!("id `{id}` differs from the file name `{stem}.json`"))
                        .with_help(format!("rename the file to `{id}.json`, or set the id to `{stem}`")),
                );
            }
        }
    }
}
