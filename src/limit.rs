//! Bounds on findings: at most `MAX_PER_RECORD` findings per record (a `.json` file, or one
//! line of a `.jsonl` file), the rest counted in one summary finding ("19,950 more findings in
//! this record not listed").
//!
//! Each stage already stops collecting early (the parser keeps `json::MAX_ISSUES` issues, the
//! schema check as many errors), leaving a summary with the count of what it dropped; this
//! pass applies the one bound across stages and merges those summaries into one per record.

use std::collections::HashMap;

use crate::diagnostic::{Finding, Severity};
use crate::load::codes::TOO_MANY;

/// Findings kept per record. Past a few dozen, a person fixes the first ones and runs again.
pub const MAX_PER_RECORD: usize = 50;

/// A summary finding for `more` findings that were not kept, the worst of them `severity`.
pub fn summary(file: &str, line: u32, more: usize, severity: Severity) -> Finding {
    let noun = if more == 1 { "finding" } else { "findings" };
    let mut f = Finding::at(
        &TOO_MANY,
        file,
        line,
        1,
        format!("{} more {noun} in this record not listed: only the first {MAX_PER_RECORD} are", group(more)),
    )
    .with_help("fix the findings listed and run again to see the rest");
    f.severity = severity;
    f.more = more;
    f
}

/// Keeps the first `MAX_PER_RECORD` findings of each record, in the order they were found,
/// and puts one summary per record in place of the rest and of the stages' own summaries.
pub fn per_record(findings: &mut Vec<Finding>) {
    let mut counts: HashMap<(&str, u32), usize> = HashMap::new();
    for f in findings.iter() {
        *counts.entry(record_of(f)).or_default() += 1;
    }
    if counts.values().all(|&n| n <= MAX_PER_RECORD) && findings.iter().all(|f| f.more == 0) {
        return;
    }
    // Records over the bound: how many kept so far, and what the summary will say.
    let mut hidden: HashMap<(String, u32), (usize, usize, Severity)> = HashMap::new();
    let mut kept = Vec::with_capacity(findings.len());
    for f in findings.drain(..) {
        let (file, line) = record_of(&f);
        let entry = hidden.entry((file.to_string(), line)).or_insert((0, 0, Severity::Warning));
        if f.more > 0 {
            entry.1 += f.more;
            entry.2 = entry.2.max(f.severity);
        } else if entry.0 < MAX_PER_RECORD {
            entry.0 += 1;
            kept.push(f);
        } else {
            entry.1 += 1;
            entry.2 = entry.2.max(f.severity);
        }
    }
    let mut summaries: Vec<Finding> = hidden
        .into_iter()
        .filter(|(_, (_, more, _))| *more > 0)
        .map(|((file, line), (_, more, severity))| summary(&file, line, more, severity))
        .collect();
    summaries.sort();
    kept.extend(summaries);
    *findings = kept;
}

/// The record a finding belongs to: its file, and for a JSON Lines file the line the record
/// starts on (known from the anchor until the finding is resolved).
fn record_of(f: &Finding) -> (&str, u32) {
    if !f.file.ends_with(".jsonl") {
        return (&f.file, 1);
    }
    (&f.file, f.anchor.as_ref().map_or(f.line, |a| a.line))
}

/// 19950 → "19,950".
fn group(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::codes::DUPLICATE_KEY;

    fn at(file: &str, line: u32) -> Finding {
        Finding::at(&DUPLICATE_KEY, file, line, 1, "x")
    }

    #[test]
    fn keeps_the_first_of_each_record_and_sums_the_rest() {
        let mut findings: Vec<Finding> = (0..70).map(|i| at("dataset/events/a.json", i + 1)).collect();
        findings.extend((0..3).map(|_| at("dataset/events/b.jsonl", 2)));
        findings.extend((0..60).map(|_| at("dataset/events/b.jsonl", 7)));
        let mut parser_summary = summary("dataset/events/b.jsonl", 7, 1000, Severity::Error);
        parser_summary.line = 7;
        findings.push(parser_summary);
        per_record(&mut findings);
        let summaries: Vec<(&str, u32, &str, Severity)> = findings
            .iter()
            .filter(|f| f.rule == TOO_MANY.code)
            .map(|f| (f.file.as_str(), f.line, f.message.as_str(), f.severity))
            .collect();
        assert_eq!(
            summaries,
            [
                (
                    "dataset/events/a.json",
                    1,
                    "20 more findings in this record not listed: only the first 50 are",
                    Severity::Error
                ),
                (
                    "dataset/events/b.jsonl",
                    7,
                    "1,010 more findings in this record not listed: only the first 50 are",
                    Severity::Error
                ),
            ]
        );
        assert_eq!(findings.len(), 50 + 3 + 50 + 2);
    }

    #[test]
    fn leaves_small_records_alone() {
        let mut findings: Vec<Finding> = (0..50).map(|i| at("dataset/events/a.json", i)).collect();
        let before = findings.clone();
        per_record(&mut findings);
        assert_eq!(findings, before);
    }

    #[test]
    fn groups_thousands() {
        assert_eq!(
            [group(7), group(999), group(1000), group(19_950), group(1_234_567)],
            ["7", "999", "1,000", "19,950", "1,234,567"]
        );
    }
}
