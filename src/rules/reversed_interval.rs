//! X005: a partial-date interval (`2019/2020`) does not end before it starts.

use super::{Rule, Scope, finding_at, values};
use crate::dates::{self, DateError};
use crate::diagnostic::{Finding, RuleDoc, Severity};
use crate::index::Index;

pub struct ReversedInterval;

static DOC: RuleDoc = RuleDoc {
    code: "X005",
    name: "reversed-interval",
    severity: Severity::Error,
    summary: "A date interval ends before it starts (`2021/2019`).",
    explanation: "## What it does\nFor every field the schemas declare as a partial date, checks that an interval `start/end` does not end before it starts, comparing the last day the end can mean with the first day the start can mean (`2021-05/2021` is fine, `2021/2020-12` is not).\n\n## Why is this bad?\nThe interval is published as `<field>_start` and `<field>_end`; a reversed one makes every duration negative and every \"was it active on day X\" query wrong. It is almost always the two halves written in the wrong order.\n\n## Example\n```json\n\"date\": \"2020/2019\"\n```\nWrite `2019/2020`.",
};

impl Rule for ReversedInterval {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn scope(&self) -> Scope {
        Scope::Record
    }

    fn check(&self, index: &Index<'_>, out: &mut Vec<Finding>) {
        values::partial_dates(index, |record, place, text| {
            if dates::parse(text) == Err(DateError::Reversed) {
                let (start, end) = text.split_once('/').unwrap_or((text, ""));
                let message = format!("the interval `{text}` in `{}` ends before it starts", place.label());
                out.push(
                    finding_at(&DOC, record, place.pointer(), message)
                        .with_help(format!("write the earlier date first: `{end}/{start}`")),
                );
            }
        });
    }
}
