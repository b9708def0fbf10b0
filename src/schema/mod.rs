//! Schema checks: one compiled validator per table, every error of every record, each finding
//! carrying its JSON Pointer and schema keyword.

pub mod codes;

use jsonschema::error::ValidationErrorKind;
use jsonschema::{PatternOptions, ValidationError, Validator};
use rayon::prelude::*;
use serde_json::Value;

use crate::catalog::Catalog;
use crate::diagnostic::{Anchor, Finding, RuleDoc, Severity};
use crate::error::{Error, Result};
use crate::load::{Dataset, Record};
use crate::text::did_you_mean;

/// One validator per table, in catalogue order, compiled once.
pub struct Validators(Vec<Validator>);

impl Validators {
    /// Compiles every table's schema: draft 2020-12, formats asserted, linear-time regexes,
    /// no network (a remote `$ref` fails here, as the crate is built without resolvers).
    pub fn compile(catalog: &Catalog) -> Result<Validators> {
        let validators = catalog
            .tables
            .iter()
            .map(|t| {
                jsonschema::draft202012::options()
                    .should_validate_formats(true)
                    .should_ignore_unknown_formats(false)
                    .with_pattern_options(PatternOptions::regex())
                    .build(&t.schema)
                    .map_err(|e| Error::Schema { path: t.path.clone(), message: e.to_string() })
            })
            .collect::<Result<_>>()?;
        Ok(Validators(validators))
    }

    pub fn is_valid(&self, table: usize, value: &Value) -> bool {
        self.0[table].is_valid(value)
    }
}

/// Checks every record against its table's schema, in parallel.
pub fn check(validators: &Validators, catalog: &Catalog, dataset: &Dataset) -> Vec<Finding> {
    dataset
        .records
        .par_iter()
        .flat_map_iter(|r| {
            let mut out = Vec::new();
            check_record(validators, catalog, r, &r.value.to_value(), &mut out);
            out
        })
        .collect()
}

/// Checks one record: the fast `is_valid` first, every error only when it fails. `validate`
/// runs this from the loader, on each record right after it is parsed.
pub fn check_record(
    validators: &Validators,
    catalog: &Catalog,
    record: &Record,
    value: &Value,
    out: &mut Vec<Finding>,
) {
    if validators.is_valid(record.table as usize, value) {
        return;
    }
    let table = &catalog.tables[record.table as usize];
    // A record can break its schema once per item of a huge list; past the bound the errors
    // are only counted.
    let mut errors = validators.0[record.table as usize].iter_errors(value);
    out.extend(errors.by_ref().take(crate::limit::MAX_PER_RECORD).map(|e| finding(record, table, &e)));
    let more = errors.count();
    if more > 0 {
        let mut summary = crate::limit::summary(&record.file, record.line, more, Severity::Error);
        summary.pointer = String::new();
        out.push(summary);
    }
}

fn finding(record: &Record, table: &crate::catalog::Table, error: &ValidationError<'_>) -> Finding {
    let pointer = error.instance_path().as_str().to_string();
    let keyword = error.kind().keyword();
    let (doc, message, help, target) = describe(error, &pointer, table);
    let mut f = Finding::at(doc, &record.file, 0, 0, format!("{message} (keyword `{keyword}`)"));
    f.pointer = target.clone().unwrap_or(pointer);
    if let Some(help) = help {
        f.set_help(help);
    }
    f.anchor = Some(Anchor { offset: record.offset, line: record.line, key: target.is_some() });
    f
}

type Described = (&'static RuleDoc, String, Option<String>, Option<String>);

fn describe(error: &ValidationError<'_>, pointer: &str, table: &crate::catalog::Table) -> Described {
    let field = pointer.rsplit('/').next().unwrap_or_default();
    let plain = error.to_string();
    match error.kind() {
        ValidationErrorKind::Type { .. } => (&codes::WRONG_TYPE, plain, None, None),
        ValidationErrorKind::Required { property } => {
            let name = property.as_str().unwrap_or_default();
            let desc = if pointer.is_empty() {
                table.field(name).map(|f| f.description.clone()).filter(|d| !d.is_empty())
            } else {
                None
            };
            let help = match desc {
                Some(d) => format!("add `\"{name}\"`: {d}"),
                None => format!("add `\"{name}\"`"),
            };
            (&codes::MISSING_FIELD, format!("missing required field `{name}`"), Some(help), None)
        }
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            let name = unexpected.first().cloned().unwrap_or_default();
            let allowed: Vec<&str> =
                if pointer.is_empty() { table.fields.iter().map(|f| f.name.as_str()).collect() } else { Vec::new() };
            let help = match did_you_mean(&name, allowed.iter().copied()) {
                Some(s) => format!("did you mean `{s}`?"),
                None if !allowed.is_empty() => format!("the fields of `{}` are: {}", table.name, allowed.join(", ")),
                None => "remove it".to_string(),
            };
            let names = unexpected.iter().map(|u| format!("`{u}`")).collect::<Vec<_>>().join(", ");
            let target = format!("{pointer}/{}", name.replace('~', "~0").replace('/', "~1"));
            (&codes::UNKNOWN_FIELD, format!("unknown field {names}"), Some(help), Some(target))
        }
        ValidationErrorKind::Enum { options } | ValidationErrorKind::Constant { expected_value: options } => {
            let values: Vec<&str> =
                options.as_array().map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
            let got = error.instance().as_str().unwrap_or_default();
            let help = match did_you_mean(got, values.iter().copied()) {
                Some(s) => format!("did you mean `{s}`? allowed: {}", values.join(", ")),
                None => format!("allowed: {}", values.join(", ")),
            };
            (&codes::NOT_IN_ENUM, plain, Some(help), None)
        }
        ValidationErrorKind::Pattern { pattern } => {
            let help = if field == "id" || pattern.contains("[a-z0-9]+(-") {
                "ids are lowercase slugs with the table prefix, e.g. `agr-ru-ir-2021-infosec`".to_string()
            } else if pattern.starts_with("^[0-9]{4}") {
                "write a date as `2021`, `2021-01`, `2021-01-26`, or an interval `2019/2020`".to_string()
            } else {
                format!("the value must match {pattern}")
            };
            (&codes::PATTERN_MISMATCH, plain, Some(help), None)
        }
        ValidationErrorKind::Format { format } => {
            (&codes::INVALID_FORMAT, plain, Some(format!("write a valid `{format}`")), None)
        }
        ValidationErrorKind::UniqueItems => {
            (&codes::DUPLICATE_ITEMS, plain, Some("remove the repeated item".into()), None)
        }
        ValidationErrorKind::MinLength { .. }
        | ValidationErrorKind::MaxLength { .. }
        | ValidationErrorKind::MinItems { .. }
        | ValidationErrorKind::MaxItems { .. }
        | ValidationErrorKind::Minimum { .. }
        | ValidationErrorKind::Maximum { .. }
        | ValidationErrorKind::ExclusiveMinimum { .. }
        | ValidationErrorKind::ExclusiveMaximum { .. } => (&codes::OUT_OF_BOUNDS, plain, None, None),
        // The crate's text prints the whole subschema and the whole record; the subschema's
        // own description says what the rule is.
        ValidationErrorKind::Not { schema } => {
            let why = schema.get("description").and_then(Value::as_str);
            let message = match why {
                Some(d) => format!("the record matches a pattern the schema forbids: {d}"),
                None => format!("the record matches a pattern the schema forbids: {schema}"),
            };
            (&codes::OTHER, message, None, None)
        }
        _ => (&codes::OTHER, plain, None, None),
    }
}
