//! W002: free text does not start with a character that spreadsheets run as a formula.

use serde_json::Value;

use super::{Rule, Scope, finding_at, values};
use crate::catalog::FieldKind;
use crate::diagnostic::{Finding, RuleDoc, Severity};
use crate::index::Index;

pub struct FormulaLikeText;

static DOC: RuleDoc = RuleDoc {
    code: "W002",
    name: "formula-like-text",
    severity: Severity::Error,
    summary: "A text value starts with `=`, `+`, `-`, `@`, a tab or a carriage return.",
    explanation: "## What it does\nChecks every free-text value (string fields that the schemas declare without a reference, an enum, a date, a `pattern` or a `format`: names, descriptions, notes, places, cooperation areas, citation locators) and reports one whose first character is `=`, `+`, `-`, `@`, a tab or a carriage return.\n\n## Why is this bad?\nThe dataset is published as CSV, and analysts open CSV files in spreadsheets. Excel, LibreOffice and Google Sheets treat a cell that starts with one of these characters as a formula and run it: this is CSV injection (OWASP), which can leak data or start programs on the reader's machine. Escaping it on export would change the value, so the text itself is fixed.\n\n## Example\n```json\n\"locator\": \"=HYPERLINK(\\\"http://example.org\\\", \\\"p. 3\\\")\"\n```\nWrite the locator as plain text: `p. 3`. For `-5% trade`, write `a 5% fall in trade`.",
};

/// The first characters that make a spreadsheet cell a formula (OWASP, "CSV Injection").
const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

impl Rule for FormulaLikeText {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn scope(&self) -> Scope {
        Scope::Record
    }

    fn check(&self, index: &Index<'_>, out: &mut Vec<Finding>) {
        let selectors = values::select_all(&index.catalog.tables, is_free_text);
        for record in &index.dataset.records {
            values::visit(&selectors[record.table as usize], record, |place, text| {
                let Some(first) = text.chars().next().filter(|c| TRIGGERS.contains(c)) else { return };
                let message =
                    format!("`{}` starts with {}, which spreadsheets run as a formula", place.label(), describe(first));
                let help = "reword the start of the text; a leading `=`, `+`, `-`, `@`, tab or carriage return turns a CSV cell into a formula";
                out.push(finding_at(&DOC, record, place.pointer(), message).with_help(help));
            });
        }
    }
}

/// Text a person writes freely: no reference, no closed vocabulary, no date, no shape.
fn is_free_text(kind: &FieldKind, schema: &Value) -> bool {
    matches!(kind, FieldKind::Text { references: None })
        && schema.get("pattern").is_none()
        && schema.get("format").is_none()
}

fn describe(c: char) -> String {
    match c {
        '\t' => "a tab".to_string(),
        '\r' => "a carriage return".to_string(),
        c => format!("`{c}`"),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// Only text a person writes freely is checked: a reference, a pattern or a format makes
    /// a value's shape the schema's business, and a leading `-` there can be legitimate.
    #[test]
    fn free_text_is_plain_text_without_a_reference_pattern_or_format() {
        let text = FieldKind::Text { references: None };
        assert!(is_free_text(&text, &json!({"type": "string"})));
        assert!(!is_free_text(&text, &json!({"type": "string", "pattern": "^-?[0-9]+$"})));
        assert!(!is_free_text(&text, &json!({"type": "string", "format": "uri"})));
        assert!(!is_free_text(&FieldKind::Text { references: Some("parties".into()) }, &json!({})));
        assert!(!is_free_text(&FieldKind::Enum { values: vec!["-x".into()] }, &json!({})));
        assert!(!is_free_text(&FieldKind::PartialDate, &json!({})));
    }
}
