//! Tests written against mutants that `cargo mutants` found alive: each pins a guard or an arm
//! whose removal would change what a user sees.

use crate::common::Root;
use crate::rules::codes;

/// Replaces `from` by `to` in the root's file `rel`.
fn edit(root: &Root, rel: &str, from: &str, to: &str) {
    let text = root.read(rel);
    assert!(text.contains(from), "{rel} lacks {from:?}");
    root.write(rel, text.replacen(from, to, 1));
}

const SIGNING: &str = "dataset/events/evt-example-2021-01-26-signing.json";
const AGREEMENT: &str = "dataset/agreements/agr-example-2021-infosec.json";

/// X011 compares exact days only, and only where both tables declare the fields it reads.
#[test]
fn signing_dates_compare_exact_days_where_the_tables_have_them() {
    let root = Root::base();
    edit(&root, AGREEMENT, "\"signed\": \"2021-01-26\"", "\"signed\": \"2021-01-25\"");
    assert!(codes(&root).contains("X011"), "a one-day difference is a mismatch");
    // A month against a day does not disagree (is_exact_day is not always true).
    edit(&root, AGREEMENT, "\"signed\": \"2021-01-25\"", "\"signed\": \"2021-02\"");
    assert!(!codes(&root).contains("X011"));
    edit(&root, AGREEMENT, "\"signed\": \"2021-02\"", "\"signed\": \"2021-01-25\"");
    edit(&root, SIGNING, "\"date\": \"2021-01-26\"", "\"date\": \"2021-01\"");
    assert!(!codes(&root).contains("X011"), "an event dated to the month is not compared");
    // Without `agreements` in the events schema, the events' `agreements` is an unknown field
    // (S003), and X011 does not read it.
    edit(&root, SIGNING, "\"date\": \"2021-01\"", "\"date\": \"2021-01-26\"");
    let schema = "schema/events.schema.json";
    let mut s: serde_json::Value = serde_json::from_str(&root.read(schema)).unwrap();
    s["properties"].as_object_mut().unwrap().shift_remove("agreements");
    root.write(schema, serde_json::to_string_pretty(&s).unwrap());
    let found = codes(&root);
    assert!(found.contains("S003") && !found.contains("X011"), "{found:?}");
}

/// W002 reads free text only: a value with a reference, an enum, a pattern or a format that
/// starts with a formula character has its own finding, not W002.
#[test]
fn formula_text_is_checked_in_free_text_only() {
    let cases: &[(&str, &str, &str, &str)] = &[
        (AGREEMENT, "\"place\": \"Moscow\"", "\"place\": \"=Moscow\"", "W002"),
        (AGREEMENT, "\"kind\": \"intergovernmental-agreement\"", "\"kind\": \"=x\"", "S004"),
        ("dataset/parties/pty-rus.json", "\"iso3\": \"RUS\"", "\"iso3\": \"=RU\"", "S005"),
        ("dataset/sources/src-example-article.json", "\"url\": \"https://", "\"url\": \"=https://", "S006"),
        (AGREEMENT, "\"pty-irn\"", "\"-pty-irn\"", "S005"),
    ];
    for (file, from, to, expected) in cases {
        let root = Root::base();
        edit(&root, file, from, to);
        let found = codes(&root);
        assert!(found.contains(*expected), "{to}: {found:?}");
        assert_eq!(found.contains("W002"), *expected == "W002", "{to}: {found:?}");
    }
}

/// Day counts per month reach the user as X004 findings.
#[test]
fn impossible_days_of_short_months_are_findings() {
    for (date, impossible) in [
        ("2021-04-31", true),
        ("2021-06-31", true),
        ("2021-09-31", true),
        ("2021-11-31", true),
        ("2021-04-30", false),
        ("2021-02-29", true),
        ("2024-02-29", false),
    ] {
        let root = Root::base();
        edit(&root, AGREEMENT, "\"signed\": \"2021-01-26\"", &format!("\"signed\": \"{date}\""));
        assert_eq!(codes(&root).contains("X004"), impossible, "{date}");
    }
}
