//! W001: every source is cited by something (warning).

use super::{Rule, finding_at, values};
use crate::diagnostic::{Finding, RuleDoc, Severity};
use crate::hash::FastSet;
use crate::index::Index;

pub struct UncitedSource;

const SOURCES: &str = "sources";

static DOC: RuleDoc = RuleDoc {
    code: "W001",
    name: "uncited-source",
    severity: Severity::Warning,
    summary: "A source is cited by no record and by no other source.",
    explanation: "## What it does\nWhere a `sources` table exists, collects every id that any declared reference to it holds (`sources[].source` in every table, another source's `cites`, whatever the schemas declare) and warns about each source that none of them names. A source citing itself does not count.\n\n## Why is this bad?\nSources exist to support facts. One that nothing cites is either left over from a deleted record, or the record it supports forgot to cite it; either way the provenance trail is broken.\n\n## Example\n`src-rferl-2021-01-27` is in `dataset/sources/` but no record has `{\"source\": \"src-rferl-2021-01-27\", …}` in its `sources`: cite it where it supports a fact, or delete it.",
};

impl Rule for UncitedSource {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, index: &Index<'_>, out: &mut Vec<Finding>) {
        if index.catalog.table(SOURCES).is_none() {
            return;
        }
        let citing: Vec<_> = index.catalog.references().into_iter().filter(|r| r.target == SOURCES).collect();
        let mut cited: FastSet<&str> = FastSet::default();
        let mut fields: Vec<String> = Vec::new();
        for reference in &citing {
            for record in index.table(&reference.table) {
                let own = if reference.table == SOURCES { index.id(record) } else { None };
                values::ids(reference, record, |_, id| {
                    if Some(id) != own {
                        cited.insert(id);
                    }
                });
            }
            let label = match &reference.member {
                Some(m) => format!("`{}[].{m}`", reference.field),
                None => format!("`{}`", reference.field),
            };
            if !fields.contains(&label) {
                fields.push(label);
            }
        }
        let help = format!("cite it where it supports a fact ({}), or delete it", fields.join(" or "));
        for source in index.table(SOURCES) {
            let Some(id) = index.id(source) else { continue };
            if !cited.contains(id) {
                out.push(
                    finding_at(&DOC, source, "/id", format!("source `{id}` is not cited by any record"))
                        .with_help(help.clone()),
                );
            }
        }
    }
}
