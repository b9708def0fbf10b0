//! X011: a signing event and the agreement it signs agree on the day, where both give one.

use crate::doc::Node;

use super::{Rule, finding_at};
use crate::dates;
use crate::diagnostic::{Finding, Related, RuleDoc, Severity};
use crate::index::Index;

pub struct SigningDateMismatch;

const EVENTS: &str = "events";
const AGREEMENTS: &str = "agreements";

static DOC: RuleDoc = RuleDoc {
    code: "X011",
    name: "signing-date-mismatch",
    severity: Severity::Error,
    summary: "A signing event and an agreement it lists give different days for the signing.",
    explanation: "## What it does\nWhere the `events` table (with `kind`, `date`, `agreements`) and the `agreements` table (with `signed`) exist, compares the `date` of every event of kind `signing` with the `signed` date of each agreement it lists. Only exact days are compared: `2021-01` and `2021-01-26` do not disagree. The finding points at the event's date.\n\n## Why is this bad?\nThe same fact, recorded twice, must say the same thing; otherwise a timeline built from events and one built from agreements disagree, and at least one record misreads its source.\n\n## Example\n`evt-2021-01-26-signing` has `\"date\": \"2021-01-26\"` and lists `agr-ru-ir-2021`, whose `\"signed\"` is `\"2021-01-25\"`. Check the sources and correct one of the two.",
};

impl Rule for SigningDateMismatch {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, index: &Index<'_>, out: &mut Vec<Finding>) {
        let catalog = index.catalog;
        let has = |table: &str, fields: &[&str]| {
            catalog.table(table).is_some_and(|t| fields.iter().all(|f| t.field(f).is_some()))
        };
        if !has(EVENTS, &["kind", "date", AGREEMENTS]) || !has(AGREEMENTS, &["signed"]) {
            return;
        }
        for event in index.table(EVENTS).filter(|e| e.str("kind") == Some("signing")) {
            let Some(date) = event.str("date") else { continue };
            let Ok(day) = dates::parse(date) else { continue };
            let Some(listed) = event.get(AGREEMENTS).and_then(Node::as_array) else { continue };
            if !day.is_exact_day() {
                continue;
            }
            for id in listed.filter_map(Node::as_str) {
                let Some(agreement) = index.get_in(AGREEMENTS, id) else { continue };
                let Some(signed) = agreement.str("signed") else { continue };
                let Ok(other) = dates::parse(signed) else { continue };
                if other.is_exact_day() && other.start != day.start {
                    let message = format!("this signing is dated {date}, but `{id}` was signed {signed}");
                    let help = format!("check the sources and correct this `date` or `signed` in {}", agreement.file);
                    let related = Related::in_record(agreement, "/signed", format!("`{id}` is signed {signed}"));
                    out.push(finding_at(&DOC, event, "/date", message).with_help(help).with_related(related));
                }
            }
        }
    }
}
