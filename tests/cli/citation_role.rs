//! A citation's `role`: contrary and context citations are not evidence for X012, a
//! contrary one needs `notes` (X016), and exports publish the role, `supports` by default.

use serde_json::{Value, json};

use crate::common::Root;
use crate::rules::codes;

const EVENT: &str = "dataset/events/evt-example-2021-01-26-signing.json";
const SOURCE: &str = "dataset/sources/src-example-article.json";

/// The base fixture with the article dated before the signing it is cited for.
fn early_source() -> Root {
    let root = Root::base();
    let mut source: Value = serde_json::from_str(&root.read(SOURCE)).unwrap();
    source["published"] = json!("2020-12");
    root.write(SOURCE, source.to_string());
    root
}

fn set_role(root: &Root, role: &str, notes: Option<&str>) {
    let mut event: Value = serde_json::from_str(&root.read(EVENT)).unwrap();
    event["sources"][0]["role"] = json!(role);
    if let Some(n) = notes {
        event["notes"] = json!(n);
    }
    root.write(EVENT, event.to_string());
}

#[test]
fn a_supporting_citation_of_an_earlier_source_is_reported() {
    let root = early_source();
    set_role(&root, "supports", None);
    assert_eq!(codes(&root), ["X012".to_string()].into());
}

#[test]
fn contrary_and_context_citations_are_not_evidence_of_the_date() {
    for role in ["contradicts", "context"] {
        let root = early_source();
        set_role(&root, role, Some("The article announced the signing for a later day."));
        assert!(codes(&root).is_empty(), "role {role}");
    }
}

#[test]
fn a_contrary_citation_without_notes_is_reported_and_with_notes_is_not() {
    let root = Root::base();
    set_role(&root, "contradicts", None);
    assert_eq!(codes(&root), ["X016".to_string()].into());
    set_role(&root, "contradicts", Some("   "));
    assert_eq!(codes(&root), ["X016".to_string()].into(), "a blank note explains nothing");
    set_role(&root, "contradicts", Some("The article gives another day; the treaty text gives this one."));
    assert!(codes(&root).is_empty());
}

#[test]
fn an_unknown_role_is_a_schema_finding() {
    let root = Root::base();
    set_role(&root, "refutes", None);
    assert_eq!(codes(&root), ["S004".to_string()].into());
}

#[test]
fn the_link_table_has_a_role_column_defaulting_to_supports() {
    let root = Root::base();
    set_role(&root, "context", None);
    let run = root.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.render());
    let csv = root.read("dist/csv/event_sources.csv");
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("event_id,source_id,locator,role,position"));
    let roles: Vec<&str> = lines.map(|l| l.rsplit(',').nth(1).unwrap()).collect();
    assert_eq!(roles, ["supports", "context"], "{csv}");
}
