//! X010: only states carry an `iso3` code.

use super::parties::{self, ISO3, KIND};
use super::{Rule, Scope, finding_at};
use crate::diagnostic::{Finding, RuleDoc, Severity};
use crate::index::Index;

pub struct Iso3OnNonState;

static DOC: RuleDoc = RuleDoc {
    code: "X010",
    name: "iso3-on-non-state",
    severity: Severity::Error,
    summary: "A party that is not a state has an `iso3` code.",
    explanation: "## What it does\nWhere the `parties` table has `kind` and `iso3`, reports an `iso3` on a party whose `kind` is anything but `state` (a ministry, an organisation, a person).\n\n## Why is this bad?\nA join on `iso3` would count the ministry as the state itself: its agreements would be attributed twice, and per-country totals would be wrong. The link from a body to its state is `parent`.\n\n## Example\n```json\n{\"id\": \"pty-rus-mfa\", \"kind\": \"government-body\", \"iso3\": \"RUS\"}\n```\nRemove `iso3` and write `\"parent\": \"pty-rus\"`.",
};

impl Rule for Iso3OnNonState {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn scope(&self) -> Scope {
        Scope::Record
    }

    fn check(&self, index: &Index<'_>, out: &mut Vec<Finding>) {
        let Some(records) = parties::records(index) else { return };
        for record in records.filter(|r| r.get(ISO3).is_some()) {
            // A missing or malformed kind is the schema's finding; only a clear non-state counts.
            let Some(kind) = record.str(KIND).filter(|k| *k != parties::STATE) else { continue };
            let message = format!("a party of kind `{kind}` has an `iso3` code; only states carry one");
            out.push(
                finding_at(&DOC, record, "/iso3", message)
                    .with_help("remove `iso3` and link the party to its state with `parent`, or set `kind` to `state`"),
            );
        }
    }
}
