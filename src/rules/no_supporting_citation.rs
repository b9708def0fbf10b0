//! X018: a record that cites sources has at least one citation that supports it.

use super::citation_role::{self, SUPPORTS};
use super::{Rule, Scope, finding_at};
use crate::diagnostic::{Finding, RuleDoc, Severity};
use crate::index::Index;

pub struct NoSupportingCitation;

static DOC: RuleDoc = RuleDoc {
    code: "X018",
    name: "no-supporting-citation",
    severity: Severity::Error,
    summary: "Every citation of a record is `contradicts` or `context`: nothing supports it.",
    explanation: "## What it does\nIn every table whose citations declare a `role`, reports a record whose citation array is not empty but has no citation with the role `supports` (the default when `role` is absent). The finding points at the array.\n\n## Why is this bad?\nContrary and context citations say what the record does *not* rest on. A record with only those has no evidence at all: its facts are unsourced, whatever the length of its `sources`.\n\n## Example\n```json\n\"sources\": [{\"source\": \"src-irna-2019-06-14\", \"locator\": \"scheduled to travel to Tehran on June 17\", \"role\": \"context\"}]\n```\nCite the report of the meeting itself (`\"locator\": \"at the Espinas Palace Hotel in Tehran on June 17\"`), or label the record `unconfirmed` and cite the announcement as support for what it does state.",
};

impl Rule for NoSupportingCitation {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn scope(&self) -> Scope {
        Scope::Record
    }

    fn check(&self, index: &Index<'_>, out: &mut Vec<Finding>) {
        for table in &index.catalog.tables {
            let cited = citation_role::fields(table);
            for record in index.table(&table.name) {
                for &field in &cited {
                    let (count, supported) = citation_role::each(record, field)
                        .fold((0, false), |(n, any), (_, _, role)| (n + 1, any || role == SUPPORTS));
                    if count > 0 && !supported {
                        let message = match count {
                            1 => format!("the only citation in `{field}` does not support this record"),
                            n => format!("none of the {n} citations in `{field}` supports this record"),
                        };
                        let help =
                            "cite a passage that states the record's facts, with no `role` or `\"role\": \"supports\"`";
                        out.push(finding_at(&DOC, record, format!("/{field}"), message).with_help(help));
                    }
                }
            }
        }
    }
}
