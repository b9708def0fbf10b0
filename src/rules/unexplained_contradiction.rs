//! X016: a citation of role `contradicts` comes with `notes` saying why the record does not
//! follow it.

use crate::doc::Node;

use super::citation_role::{self, CONTRADICTS};
use super::{Rule, Scope, finding_at};
use crate::diagnostic::{Finding, RuleDoc, Severity};
use crate::index::Index;

pub struct UnexplainedContradiction;

/// The free-text field that must explain a contrary citation.
const NOTES: &str = "notes";

static DOC: RuleDoc = RuleDoc {
    code: "X016",
    name: "unexplained-contradiction",
    severity: Severity::Error,
    summary: "A record cites contrary evidence (`role: contradicts`) but has no `notes` saying why it does not follow it.",
    explanation: "## What it does\nIn every table whose citations declare a `role` and whose records have `notes`, reports a citation with `\"role\": \"contradicts\"` on a record without `notes` (absent or blank).\n\n## Why is this bad?\nA contradicting citation says that a source states something else (another date, another place) and that the record deliberately does not follow it. Without a note, a reader sees two sources disagree and cannot tell which one the curators believe, or why: the conflict is recorded but not resolved.\n\n## Example\n```json\n\"signed\": \"2001-03-12\",\n\"sources\": [{\"source\": \"src-iranintl\", \"locator\": \"was signed on March 22, 2001\", \"role\": \"contradicts\"}]\n```\nAdd `\"notes\": \"Iran International gives 22 March; the RIA Novosti dispatch of the day and Iranian reporting give 12 March.\"`, or drop the citation if the source is simply wrong and adds nothing.",
};

impl Rule for UnexplainedContradiction {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn scope(&self) -> Scope {
        Scope::Record
    }

    fn check(&self, index: &Index<'_>, out: &mut Vec<Finding>) {
        for table in &index.catalog.tables {
            if table.field(NOTES).is_none() {
                continue;
            }
            let cited = citation_role::fields(table);
            if cited.is_empty() {
                continue;
            }
            for record in index.table(&table.name) {
                if record.str(NOTES).is_some_and(|n| !n.trim().is_empty()) {
                    continue;
                }
                for &field in &cited {
                    for (item, place, role) in citation_role::each(record, field) {
                        if role != CONTRADICTS {
                            continue;
                        }
                        let source = item.get("source").and_then(Node::as_str).unwrap_or("a source");
                        let message = format!("`{source}` is cited as contradicting this record, which has no `notes`");
                        let help =
                            "say in `notes` what the source states instead and why the record does not follow it";
                        out.push(finding_at(&DOC, record, place.pointer(), message).with_help(help));
                    }
                }
            }
        }
    }
}
