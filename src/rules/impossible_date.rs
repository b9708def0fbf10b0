//! X004: every partial date (fields declared `x-format: partial-date`) names days that exist.

use super::{Rule, Scope, finding_at, values};
use crate::dates::{self, DateError};
use crate::diagnostic::{Finding, RuleDoc, Severity};
use crate::index::Index;

pub struct ImpossibleDate;

static DOC: RuleDoc = RuleDoc {
    code: "X004",
    name: "impossible-date",
    severity: Severity::Error,
    summary: "A partial date is shaped right but is not a calendar date (`2021-02-30`, `2021-13`).",
    explanation: "## What it does\nFor every field the schemas declare as a partial date (`x-format: partial-date`), in any table and in listed objects, checks that the year, month and day exist: months run from 01 to 12 and days to the length of their month, leap years included. Either end of an interval is checked. The shape itself (`YYYY[-MM[-DD]]`) is the schema's business (S005).\n\n## Why is this bad?\nThe published data carries `<field>_start` and `<field>_end` as typed dates. A date that does not exist cannot be converted, so the record would be published with a hole, or with a different day than the source gives.\n\n## Example\n```json\n\"date\": \"2021-02-29\"\n```\n2021 is not a leap year: February has 28 days. Check the source; it may mean `2021-03-01` or `2020-02-29`.",
};

impl Rule for ImpossibleDate {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn scope(&self) -> Scope {
        Scope::Record
    }

    fn check(&self, index: &Index<'_>, out: &mut Vec<Finding>) {
        values::partial_dates(index, |record, place, text| {
            if let Err(DateError::Impossible(part)) = dates::parse(text) {
                let message = format!("`{text}` in `{}` is not a calendar date", place.label());
                out.push(finding_at(&DOC, record, place.pointer(), message).with_help(why(&part)));
            }
        });
    }
}

/// Says which part of `YYYY-MM[-DD]` does not exist.
fn why(part: &str) -> String {
    let mut pieces = part.split('-');
    let (year, month) = (pieces.next().unwrap_or_default(), pieces.next().unwrap_or_default());
    match dates::parse(&format!("{year}-{month}")) {
        Ok(m) => format!("{year}-{month} has {} days; check the day in the source", m.end - m.start + 1),
        Err(_) => format!("there is no month {month}: months run from 01 to 12"),
    }
}

#[cfg(test)]
mod tests {
    use super::why;

    #[test]
    fn explains_the_impossible_part() {
        assert_eq!(why("2021-02-29"), "2021-02 has 28 days; check the day in the source");
        assert_eq!(why("2020-02-30"), "2020-02 has 29 days; check the day in the source");
        assert_eq!(why("2021-13"), "there is no month 13: months run from 01 to 12");
    }
}
