//! X009: every party of kind `state` carries an `iso3` code.

use super::parties::{self, ISO3};
use super::{Rule, Scope, finding_at};
use crate::diagnostic::{Finding, RuleDoc, Severity};
use crate::index::Index;

pub struct StateWithoutIso3;

static DOC: RuleDoc = RuleDoc {
    code: "X009",
    name: "state-without-iso3",
    severity: Severity::Error,
    summary: "A party of kind `state` has no `iso3` code.",
    explanation: "## What it does\nWhere the `parties` table has `kind` and `iso3`, reports every party of kind `state` without an `iso3`. The finding points at its `kind`; when the party's name contains a country's English name, the help line gives the code.\n\n## Why is this bad?\n`iso3` is how analysts join states to every other country dataset. A state without it drops out of those joins and out of every per-country count.\n\n## Example\n```json\n{\"id\": \"pty-irn\", \"name\": \"Islamic Republic of Iran\", \"kind\": \"state\"}\n```\nAdd `\"iso3\": \"IRN\"`.",
};

impl Rule for StateWithoutIso3 {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn scope(&self) -> Scope {
        Scope::Record
    }

    fn check(&self, index: &Index<'_>, out: &mut Vec<Finding>) {
        let Some(records) = parties::records(index) else { return };
        for record in records.filter(|r| parties::is_state(r) && r.get(ISO3).is_none()) {
            let who = index.id(record).unwrap_or("this party");
            let help = match parties::suggestion(record) {
                Some(s) => format!("add `\"iso3\"`: {s}"),
                None => "add `\"iso3\"` with the state's ISO 3166-1 alpha-3 code".to_string(),
            };
            let message = format!("`{who}` is a state but has no `iso3` code");
            out.push(finding_at(&DOC, record, "/kind", message).with_help(help));
        }
    }
}
