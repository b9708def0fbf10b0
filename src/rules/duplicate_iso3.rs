//! X008: no two states share an `iso3` code.

use std::collections::HashMap;

use super::parties::{self, ISO3};
use super::{Rule, finding_at};
use crate::diagnostic::{Finding, RuleDoc, Severity};
use crate::index::Index;
use crate::load::Record;

pub struct DuplicateIso3;

static DOC: RuleDoc = RuleDoc {
    code: "X008",
    name: "duplicate-iso3",
    severity: Severity::Error,
    summary: "Two states share one `iso3` code.",
    explanation: "## What it does\nWhere the `parties` table has `kind` and `iso3`, reports every state whose `iso3` was already used by an earlier state (in file order), naming that state.\n\n## Why is this bad?\nA state is one party. Two records with one code split its agreements and events between two ids, and every join on `iso3` duplicates rows. It usually means the state was added twice under different ids (`pty-ru`, `pty-rus`), or a code was copied and not changed.\n\n## Example\n`pty-rus` and `pty-russia` both have `\"iso3\": \"RUS\"`: keep one record and point every reference at it.",
};

impl Rule for DuplicateIso3 {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, index: &Index<'_>, out: &mut Vec<Finding>) {
        let Some(records) = parties::records(index) else { return };
        let mut first: HashMap<&str, &Record> = HashMap::new();
        for record in records.filter(|r| parties::is_state(r)) {
            let Some(code) = record.str(ISO3) else { continue };
            let Some(earlier) = first.get(code) else {
                first.insert(code, record);
                continue;
            };
            let who = index.id(earlier).unwrap_or("another state");
            let message = format!("`{code}` is already the code of `{who}` ({})", earlier.file);
            out.push(
                finding_at(&DOC, record, "/iso3", message)
                    .with_help("a state has one record: merge the two, or correct the code"),
            );
        }
    }
}
