//! Documentation of the schema rules (`S` codes), one code per family of JSON Schema keywords.

use crate::diagnostic::{RuleDoc, Severity};

pub static WRONG_TYPE: RuleDoc = RuleDoc {
    code: "S001",
    name: "wrong-type",
    severity: Severity::Error,
    summary: "A value has the wrong JSON type (keyword `type`).",
    explanation: "## What it does\nReports a value whose JSON type is not the one the table's schema declares: a number where a string is expected, a string where a list is expected, a record that is not an object.\n\n## Why is this bad?\nEvery published column has one type. A wrong type would either break the export or be converted silently.\n\n## Example\n```json\n\"parties\": \"pty-rus\"\n```\n`parties` is a list: write `[\"pty-rus\", \"pty-irn\"]`.",
};

pub static MISSING_FIELD: RuleDoc = RuleDoc {
    code: "S002",
    name: "missing-required-field",
    severity: Severity::Error,
    summary: "A required field is missing (keyword `required`).",
    explanation: "## What it does\nReports a field the table's schema lists as required but the record lacks. The finding points at the object that should hold it.\n\n## Why is this bad?\nRequired fields are the ones a record makes no sense without: an agreement without parties, a fact without a source.\n\n## Example\nAn event without `sources`: add at least one citation `{\"source\": \"src-…\", \"locator\": \"…\"}`.",
};

pub static UNKNOWN_FIELD: RuleDoc = RuleDoc {
    code: "S003",
    name: "unknown-field",
    severity: Severity::Error,
    summary: "A field is not declared by the schema (keyword `additionalProperties`).",
    explanation: "## What it does\nReports a field that the table's schema does not declare, pointing at its key, with the closest declared name when there is one.\n\n## Why is this bad?\nAn undeclared field is not published, so whatever it holds is lost; usually it is a typo of a real field (`signed_on` for `signed`).\n\n## Example\n```json\n\"threats\": [\"thr-data-piracy\"]\n```\nThe field is `threat_categories`.",
};

pub static NOT_IN_ENUM: RuleDoc = RuleDoc {
    code: "S004",
    name: "value-not-in-enum",
    severity: Severity::Error,
    summary: "A value is not one of the allowed values (keywords `enum`, `const`).",
    explanation: "## What it does\nReports a value outside a closed vocabulary (kinds, status, certainty, domain) and lists the allowed values.\n\n## Why is this bad?\nThese columns are published as categories; an unknown value would create a category that no analyst expects.\n\n## Example\n`\"certainty\": \"likely\"`: use `confirmed`, `probable` or `unconfirmed`.",
};

pub static PATTERN_MISMATCH: RuleDoc = RuleDoc {
    code: "S005",
    name: "pattern-mismatch",
    severity: Severity::Error,
    summary: "A string does not match its pattern (keyword `pattern`): ids, dates, codes.",
    explanation: "## What it does\nReports a string that does not match the pattern its field declares: ids (lowercase slug with the table prefix), partial dates (`2021`, `2021-01`, `2021-01-26`, `2019/2020`), ISO codes.\n\n## Why is this bad?\nIds become file names and join keys; dates become typed date columns. A value in another shape cannot be published correctly.\n\n## Example\n`\"id\": \"Agr_RU_IR\"`: write `agr-ru-ir`.",
};

pub static INVALID_FORMAT: RuleDoc = RuleDoc {
    code: "S006",
    name: "invalid-format",
    severity: Severity::Error,
    summary: "A string is not a valid instance of its format (keyword `format`), e.g. a URI.",
    explanation: "## What it does\nReports a string that is not valid for its declared `format`; formats are asserted, not just annotated.\n\n## Why is this bad?\nA `url` that is not a URI cannot be followed by a reader checking the source.\n\n## Example\n`\"url\": \"www.example.org/article\"`: write the full `https://www.example.org/article`.",
};

pub static OUT_OF_BOUNDS: RuleDoc = RuleDoc {
    code: "S007",
    name: "out-of-bounds",
    severity: Severity::Error,
    summary: "A value is too short, too long, too small or too large (`minLength`, `maxItems`, …).",
    explanation: "## What it does\nReports a string, list or number outside the bounds its field declares.\n\n## Why is this bad?\nBounds encode what a record needs (an agreement has at least two parties, a citation at least one source) and keep ids and text fields to a usable size.\n\n## Example\n`\"parties\": [\"pty-rus\"]`: an agreement has at least two parties.",
};

pub static DUPLICATE_ITEMS: RuleDoc = RuleDoc {
    code: "S008",
    name: "duplicate-items",
    severity: Severity::Error,
    summary: "A list holds the same item twice (keyword `uniqueItems`).",
    explanation: "## What it does\nReports a list that must hold distinct items but repeats one.\n\n## Why is this bad?\nLists become link tables with a key per item; a repeated party would count twice in every join.\n\n## Example\n`\"parties\": [\"pty-rus\", \"pty-irn\", \"pty-rus\"]`.",
};

pub static OTHER: RuleDoc = RuleDoc {
    code: "S009",
    name: "schema-violation",
    severity: Severity::Error,
    summary: "The record breaks another schema keyword.",
    explanation: "## What it does\nReports a schema error from a keyword outside the families S001–S008 (`oneOf`, `not`, `dependentRequired`, …), with the keyword named in the message.\n\n## Why is this bad?\nThe record does not have the shape its table declares.\n\n## Example\nDepends on the schema; the message names the keyword.",
};

pub static ALL: &[&RuleDoc] = &[
    &WRONG_TYPE,
    &MISSING_FIELD,
    &UNKNOWN_FIELD,
    &NOT_IN_ENUM,
    &PATTERN_MISMATCH,
    &INVALID_FORMAT,
    &OUT_OF_BOUNDS,
    &DUPLICATE_ITEMS,
    &OTHER,
];
