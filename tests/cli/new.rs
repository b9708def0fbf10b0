//! `isca new`: a scaffold whose every placeholder `validate` flags, that validates once filled
//! in, and clear refusals.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::common::Root;

const TABLES: [(&str, &str); 5] = [
    ("agreements", "agr-test-new"),
    ("events", "evt-test-new"),
    ("parties", "pty-test-new"),
    ("sources", "src-test-new"),
    ("threat_categories", "thr-test-new"),
];

/// The JSON Pointers of the scaffold's unfilled values: `"TODO: …"` strings, empty strings
/// and nulls.
fn placeholders(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => m.iter().for_each(|(k, v)| placeholders(v, format!("{at}/{k}"), out)),
        Value::Array(a) => a.iter().enumerate().for_each(|(i, v)| placeholders(v, format!("{at}/{i}"), out)),
        Value::String(s) if s.is_empty() || s.starts_with("TODO: ") => out.push(at),
        Value::Null => out.push(at),
        _ => {}
    }
}

/// What a contributor would type, read off the placeholder itself: the last allowed value
/// (the first party kind, `state`, would also need an `iso3`),
/// the n-th record of the referenced table, a date, or some text.
fn fill(v: &mut Value, ids: &dyn Fn(&str) -> Vec<String>) {
    match v {
        Value::Object(m) => m.values_mut().for_each(|v| fill(v, ids)),
        Value::Array(a) => a.iter_mut().for_each(|v| fill(v, ids)),
        Value::String(s) if s.is_empty() => *s = "Filled in by the test".into(),
        Value::String(s) if s.starts_with("TODO: one of: ") => {
            *s = s["TODO: one of: ".len()..].split(", ").last().unwrap().to_string();
        }
        Value::String(s) if s.starts_with("TODO: id of a record in ") => {
            let rest = &s["TODO: id of a record in ".len()..];
            let (table, n) = match rest.split_once(" (") {
                Some((t, n)) => (t, n.trim_end_matches(')').parse::<usize>().unwrap() - 1),
                None => (rest, 0),
            };
            *s = ids(table)[n].clone();
        }
        Value::String(s) if s.starts_with("TODO: a date") => *s = "2021-01".into(),
        Value::String(s) if s.starts_with("TODO: ") => panic!("no rule to fill {s:?}"),
        _ => {}
    }
}

/// The ids in one table of the base fixture, sorted.
fn ids(root: &Root, table: &str) -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(root.file(&format!("dataset/{table}")))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().trim_end_matches(".json").to_string())
        .collect();
    ids.sort();
    ids
}

/// `(pointer, rule)` of every finding in `file`, from the JSON report.
fn findings_in(root: &Root, file: &str) -> Vec<(String, String)> {
    let run = root.run(&["validate", "--format", "json"]);
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    let findings = report["findings"].as_array().unwrap();
    findings
        .iter()
        .filter(|f| f["file"] == file)
        .map(|f| (f["pointer"].as_str().unwrap().to_string(), f["rule"].as_str().unwrap().to_string()))
        .collect()
}

#[test]
fn scaffold_of_an_agreement() {
    let root = Root::base();
    let run = root.run(&["new", "agreements", "agr-test-new"]);
    assert_eq!(run.code, 0, "{}", run.render());
    let file = root.read("dataset/agreements/agr-test-new.json");
    insta::assert_snapshot!(format!("{}--- dataset/agreements/agr-test-new.json\n{file}", run.render()));
}

#[test]
fn validate_flags_every_placeholder_of_every_table() {
    let root = Root::base();
    let mut report = String::new();
    for (table, id) in TABLES {
        let run = root.run(&["new", table, id]);
        assert_eq!(run.code, 0, "{}", run.render());
        let file = format!("dataset/{table}/{id}.json");
        let mut todo = Vec::new();
        placeholders(&serde_json::from_str(&root.read(&file)).unwrap(), String::new(), &mut todo);
        assert!(!todo.is_empty(), "{table}: no placeholder");
        let findings = findings_in(&root, &file);
        for pointer in &todo {
            assert!(findings.iter().any(|(p, _)| p == pointer), "{file}: {pointer} is not flagged: {findings:?}");
        }
        let flagged: BTreeSet<String> = findings.iter().map(|(p, rule)| format!("  {rule} {p}")).collect();
        report.push_str(&format!("{file}\n{}\n", flagged.into_iter().collect::<Vec<_>>().join("\n")));
    }
    let run = root.run(&["validate"]);
    assert_eq!(run.code, 1, "{}", run.render());
    insta::assert_snapshot!(report);
}

#[test]
fn filled_in_scaffolds_validate_and_are_canonical() {
    let root = Root::base();
    for (table, id) in TABLES {
        let run = root.run(&["new", table, id]);
        assert_eq!(run.code, 0, "{}", run.render());
        let file = format!("dataset/{table}/{id}.json");
        let mut record: Value = serde_json::from_str(&root.read(&file)).unwrap();
        fill(&mut record, &|t| ids(&root, t));
        root.write(&file, serde_json::to_string(&record).unwrap());
    }
    // A new source must be cited by something (W001): the new event cites it.
    let event = "dataset/events/evt-test-new.json";
    let mut record: Value = serde_json::from_str(&root.read(event)).unwrap();
    let citation = serde_json::json!({"source": "src-test-new", "locator": "Filled in by the test"});
    record["sources"].as_array_mut().unwrap().push(citation);
    root.write(event, serde_json::to_string(&record).unwrap());
    let run = root.run(&["validate"]);
    assert_eq!(run.code, 0, "{}", run.render());
    assert_eq!(run.stdout, "ok: 18 records checked in 18 files, no findings\n");
    let fmt = root.run(&["fmt"]);
    assert_eq!(fmt.code, 0, "{}", fmt.render());
    assert_eq!(fmt.stdout.lines().filter(|l| l.starts_with("formatted ")).count(), 5, "{}", fmt.render());
}

#[test]
fn refuses_a_used_id_a_bad_id_and_an_unknown_table() {
    let root = Root::base();
    root.write("dataset/events/evt-broken.json", "{ not json");
    let mut out = String::new();
    for args in [
        ["new", "parties", "pty-rus"],
        ["new", "events", "evt-broken"],
        ["new", "agreements", "Agr_RU_IR_2030"],
        ["new", "agreements", "pty-ru-ir"],
        ["new", "agreement", "agr-x"],
        ["new", "treaties", "agr-x"],
    ] {
        let run = root.run(&args);
        assert_eq!(run.code, 2, "{}", run.render());
        assert!(run.stdout.is_empty());
        out.push_str(&format!("$ isca {}\n{}", args.join(" "), run.stderr));
    }
    insta::assert_snapshot!(out);
    assert_eq!(root.read("dataset/events/evt-broken.json"), "{ not json");
    assert!(!root.file("dataset/agreements/agr-x.json").exists());
}
