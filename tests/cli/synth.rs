//! `isca synth`: its output validates clean in both layouts, `--faults` gives exactly the
//! findings it lists in `faults.json`, and the same seed gives the same bytes.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use crate::common::Root;

fn synth(args: &[&str]) -> Root {
    let root = Root { dir: tempfile::tempdir().expect("temp dir") };
    let run = root.run(&[&["synth", "."][..], args].concat());
    assert_eq!(run.code, 0, "{}", run.render());
    root
}

#[test]
fn output_validates_clean_in_both_layouts() {
    // 4,000 events: 400 agreements, enough that a rule the generator forgets (X017 did)
    // finds something.
    for layout in ["files", "jsonl"] {
        let root = synth(&["--events", "4000", "--layout", layout]);
        let run = root.run(&["validate"]);
        assert_eq!(run.code, 0, "{layout}: {}", run.render());
        assert!(run.stdout.contains("no findings"), "{layout}: {}", run.stdout);
    }
}

/// (rule, file, line) of every finding, and of every expected finding in `faults.json`. In the
/// files layout a finding's line is inside the record, so only the file is compared there.
/// A finding reduced to what the manifest can predict: rule code, file and line.
type Key = (String, String, u64);

fn keyed(root: &Root, files: bool) -> (Vec<Key>, Vec<Key>) {
    let run = root.run(&["validate", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.render());
    let report: Value = serde_json::from_str(&run.stdout).expect("json report");
    let line = |v: &Value| if files { 0 } else { v.as_u64().unwrap() };
    let mut found: Vec<_> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["rule"].as_str().unwrap().to_string(), f["file"].as_str().unwrap().to_string(), line(&f["line"])))
        .collect();
    let manifest: Value = serde_json::from_str(&root.read("faults.json")).expect("faults.json");
    let mut expected = Vec::new();
    for fault in manifest["faults"].as_array().unwrap() {
        for rule in fault["rules"].as_array().unwrap() {
            let file = fault["file"].as_str().unwrap().to_string();
            expected.push((rule.as_str().unwrap().to_string(), file, line(&fault["line"])));
        }
    }
    found.sort();
    expected.sort();
    (found, expected)
}

#[test]
fn faults_give_exactly_the_listed_findings() {
    for (layout, files) in [("files", true), ("jsonl", false)] {
        let root = synth(&["--events", "600", "--layout", layout, "--faults", "3"]);
        let manifest: Value = serde_json::from_str(&root.read("faults.json")).unwrap();
        let mut per_kind: BTreeMap<String, usize> = BTreeMap::new();
        for f in manifest["faults"].as_array().unwrap() {
            *per_kind.entry(f["kind"].as_str().unwrap().to_string()).or_default() += 1;
        }
        // Every kind three times, except file-name faults, which JSON Lines cannot hold.
        let kinds = if files { 10 } else { 9 };
        assert_eq!(per_kind.len(), kinds, "{layout}: {per_kind:?}");
        assert!(per_kind.values().all(|&n| n == 3), "{layout}: {per_kind:?}");
        let (found, expected) = keyed(&root, files);
        assert_eq!(found, expected, "{layout}");
    }
}

fn bytes_of(dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            bytes_of(&path, out);
        } else {
            out.insert(path.to_string_lossy().into_owned(), std::fs::read(&path).unwrap());
        }
    }
}

fn snapshot(root: &Root) -> BTreeMap<String, Vec<u8>> {
    let mut all = BTreeMap::new();
    bytes_of(root.path(), &mut all);
    let prefix = root.path().to_string_lossy().into_owned();
    all.into_iter().map(|(k, v)| (k.replacen(&prefix, "", 1), v)).collect()
}

#[test]
fn same_seed_same_bytes() {
    for layout in ["files", "jsonl"] {
        let args = ["--events", "300", "--layout", layout, "--faults", "2", "--seed", "7"];
        let (a, b) = (snapshot(&synth(&args)), snapshot(&synth(&args)));
        assert!(a.len() > 5);
        assert!(a == b, "{layout}: two runs with one seed differ");
        let other = snapshot(&synth(&["--events", "300", "--layout", layout, "--faults", "2", "--seed", "8"]));
        assert!(a != other, "{layout}: the seed changes nothing");
    }
}

#[test]
fn refuses_to_write_over_a_dataset() {
    let root = synth(&["--events", "50"]);
    let run = root.run(&["synth", ".", "--events", "50"]);
    assert_eq!(run.code, 2, "{}", run.render());
    assert!(run.stderr.contains("already holds a dataset"), "{}", run.stderr);
}
