//! X007: a party's `iso3` is an assigned ISO 3166-1 alpha-3 code.

use super::parties::{self, ISO3};
use super::{Rule, Scope, finding_at};
use crate::diagnostic::{Finding, RuleDoc, Severity};
use crate::index::Index;
use crate::iso3166;

pub struct UnknownIso3;

static DOC: RuleDoc = RuleDoc {
    code: "X007",
    name: "unknown-iso3",
    severity: Severity::Error,
    summary: "An `iso3` code is not an assigned ISO 3166-1 alpha-3 code.",
    explanation: "## What it does\nWhere the `parties` table has `kind` and `iso3`, checks every `iso3` of three capital letters against the list of officially assigned ISO 3166-1 alpha-3 codes (values of another shape are reported by the schema, S005). When the party's name contains a country's English name, the help line gives its code.\n\n## Why is this bad?\nAnalysts join the parties to other country data (World Bank, UN, V-Dem) on `iso3`. A code that is not assigned joins nothing, silently; a reserved or retired code (`SUN`, `YUG`) joins the wrong thing or nothing.\n\n## Example\n```json\n{\"id\": \"pty-irn\", \"name\": \"Islamic Republic of Iran\", \"kind\": \"state\", \"iso3\": \"IRA\"}\n```\nIran is `IRN`.",
};

impl Rule for UnknownIso3 {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn scope(&self) -> Scope {
        Scope::Record
    }

    fn check(&self, index: &Index<'_>, out: &mut Vec<Finding>) {
        let Some(records) = parties::records(index) else { return };
        for record in records {
            let Some(code) = record.str(ISO3) else { continue };
            let shaped = code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase());
            if !shaped || iso3166::is_assigned(code) {
                continue;
            }
            let help = parties::suggestion(record)
                .unwrap_or_else(|| "use the state's ISO 3166-1 alpha-3 code, e.g. `RUS`, `IRN`, `CHN`".to_string());
            let message = format!("`{code}` is not an assigned ISO 3166-1 alpha-3 code");
            out.push(finding_at(&DOC, record, "/iso3", message).with_help(help));
        }
    }
}
