//! Cross-reference and hygiene rules: one rule per file, registered in `RULES`.
//!
//! The core rules are table-agnostic: they read tables, keys and references from the catalogue.
//! Domain rules name the tables and fields they need and do nothing where those are absent.

mod citation_role;
mod control_character;
mod dangling_reference;
mod duplicate_id;
mod duplicate_iso3;
mod formula_like_text;
mod id_file_mismatch;
mod impossible_date;
mod iso3_on_non_state;
mod no_supporting_citation;
mod parties;
mod reference_cycle;
mod reversed_interval;
mod signing_date_mismatch;
mod source_predates_event;
mod state_without_iso3;
mod too_few_state_parties;
mod uncited_source;
mod unexplained_contradiction;
mod unknown_iso3;
mod values;

use rayon::prelude::*;

use crate::diagnostic::{Anchor, Finding, RuleDoc};
use crate::index::Index;
use crate::load::Record;

/// A cross-record check.
pub trait Rule: Sync {
    fn doc(&self) -> &'static RuleDoc;
    /// What its findings about a record depend on.
    fn scope(&self) -> Scope {
        Scope::Dataset
    }
    /// Appends a finding for every violation in the dataset.
    fn check(&self, index: &Index<'_>, out: &mut Vec<Finding>);
}

/// What a rule reads to judge one record. The editor re-runs `Record` rules on the edited
/// file alone and keeps their findings for every other file; `isca validate` runs them all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The record itself and the catalogue: the rule finds the same about a record whether
    /// the index holds the whole dataset or only the record's file.
    Record,
    /// Other records too: ids elsewhere, what cites what, duplicates across files.
    Dataset,
}

/// Every cross-reference and hygiene rule, in code order. Codes are never reused: a retired
/// rule keeps its code out of circulation.
pub const RULES: &[&dyn Rule] = &[
    &duplicate_id::DuplicateId,
    &id_file_mismatch::IdFileMismatch,
    &dangling_reference::DanglingReference,
    &impossible_date::ImpossibleDate,
    &reversed_interval::ReversedInterval,
    &reference_cycle::ReferenceCycle,
    &unknown_iso3::UnknownIso3,
    &duplicate_iso3::DuplicateIso3,
    &state_without_iso3::StateWithoutIso3,
    &iso3_on_non_state::Iso3OnNonState,
    &signing_date_mismatch::SigningDateMismatch,
    &source_predates_event::SourcePredatesEvent,
    &unexplained_contradiction::UnexplainedContradiction,
    &too_few_state_parties::TooFewStateParties,
    &no_supporting_citation::NoSupportingCitation,
    &uncited_source::UncitedSource,
    &formula_like_text::FormulaLikeText,
    &control_character::ControlCharacter,
];

/// Runs every rule over the indexed dataset. Rules are independent and the findings are sorted
/// afterwards, so they run in parallel.
pub fn check(index: &Index<'_>) -> Vec<Finding> {
    run(index, |_| true)
}

/// Runs the rules of one scope only.
pub fn check_scope(index: &Index<'_>, scope: Scope) -> Vec<Finding> {
    run(index, |rule| rule.scope() == scope)
}

fn run(index: &Index<'_>, wanted: impl Fn(&dyn Rule) -> bool + Sync) -> Vec<Finding> {
    RULES
        .par_iter()
        .filter(|rule| wanted(**rule))
        .flat_map_iter(|rule| {
            let mut out = Vec::new();
            rule.check(index, &mut out);
            out
        })
        .collect()
}

/// Every rule's documentation, load and schema codes included, sorted by code.
pub fn docs() -> Vec<&'static RuleDoc> {
    let mut all: Vec<&'static RuleDoc> = crate::load::codes::ALL
        .iter()
        .chain(crate::schema::codes::ALL)
        .copied()
        .chain(RULES.iter().map(|r| r.doc()))
        .collect();
    all.sort_by_key(|d| d.code);
    all
}

/// Looks a rule up by code (`X003`) or name (`dangling-reference`), case-insensitively.
pub fn find(code_or_name: &str) -> Option<&'static RuleDoc> {
    docs().into_iter().find(|d| d.code.eq_ignore_ascii_case(code_or_name) || d.name.eq_ignore_ascii_case(code_or_name))
}

/// A finding about the value at `pointer` inside `record`; its line and column are resolved
/// later from the record's text.
pub fn finding_at(doc: &RuleDoc, record: &Record, pointer: impl Into<String>, message: impl Into<String>) -> Finding {
    let mut f = Finding::at(doc, &record.file, 0, 0, message);
    f.pointer = pointer.into();
    f.anchor = Some(Anchor { offset: record.offset, line: record.line, key: false });
    f
}

/// Escapes one JSON Pointer reference token (RFC 6901).
pub fn token(s: &str) -> String {
    s.replace('~', "~0").replace('/', "~1")
}
