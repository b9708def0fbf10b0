//! `isca fmt`: restores canonical bytes, never changes a value, never touches a file that does
//! not parse strictly.

use serde::Serialize;
use serde_json::Value;

use crate::common::Root;

/// Every record file under `dataset/`, relative to the root, sorted.
fn record_files(root: &Root) -> Vec<String> {
    let mut out = Vec::new();
    for table in std::fs::read_dir(root.file("dataset")).unwrap() {
        let table = table.unwrap();
        for file in std::fs::read_dir(table.path()).unwrap() {
            let name = file.unwrap().file_name().to_string_lossy().into_owned();
            out.push(format!("dataset/{}/{name}", table.file_name().to_string_lossy()));
        }
    }
    out.sort();
    out
}

/// The value with the keys of every object in reverse order.
fn reversed(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(m.iter().rev().map(|(k, v)| (k.clone(), reversed(v))).collect()),
        Value::Array(a) => Value::Array(a.iter().map(reversed).collect()),
        other => other.clone(),
    }
}

/// `v` pretty-printed with another indentation, optionally with CRLF line ends.
fn laid_out(v: &Value, indent: &[u8], crlf: bool) -> String {
    let mut out = Vec::new();
    let mut ser =
        serde_json::Serializer::with_formatter(&mut out, serde_json::ser::PrettyFormatter::with_indent(indent));
    v.serialize(&mut ser).unwrap();
    let text = String::from_utf8(out).unwrap();
    if crlf { text.replace('\n', "\r\n") } else { text }
}

fn value(root: &Root, rel: &str) -> Value {
    serde_json::from_str(&root.read(rel)).unwrap()
}

#[test]
fn restores_canonical_bytes_after_keys_are_shuffled_and_reindented() {
    let root = Root::base();
    let files = record_files(&root);
    let canonical: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(root.file(f)).unwrap()).collect();
    let values: Vec<Value> = files.iter().map(|f| value(&root, f)).collect();
    // Shuffle every other file: keys reversed at every level, 4 spaces, tabs or CRLF.
    for (i, (file, v)) in files.iter().zip(&values).enumerate().filter(|(i, _)| i % 2 == 0) {
        let indent: &[u8] = if i % 4 == 0 { b"    " } else { b"\t" };
        root.write(file, laid_out(&reversed(v), indent, i % 3 == 0));
    }

    let check = root.run(&["fmt", "--check"]);
    assert_eq!(check.code, 1, "{}", check.render());
    insta::assert_snapshot!("check_lists_shuffled_files", check.render());
    for (file, v) in files.iter().zip(&values) {
        assert_eq!(&value(&root, file), v, "--check changed {file}");
    }

    let fmt = root.run(&["fmt"]);
    assert_eq!(fmt.code, 0, "{}", fmt.render());
    insta::assert_snapshot!("fmt_rewrites_shuffled_files", fmt.render());
    for (file, bytes) in files.iter().zip(&canonical) {
        assert_eq!(&std::fs::read(root.file(file)).unwrap(), bytes, "{file} is not byte-identical");
    }

    let again = root.run(&["fmt", "--check"]);
    assert_eq!(again.code, 0, "{}", again.render());
    assert_eq!(again.stdout, "13 files already canonical\n");
}

#[test]
fn a_file_that_does_not_parse_strictly_is_reported_and_untouched() {
    let root = Root::base();
    let duplicate = "dataset/parties/pty-irn.json";
    let bad = "{\n    \"name\": \"Iran\",\n    \"id\": \"pty-irn\",\n    \"name\": \"Islamic Republic of Iran\"\n}";
    root.write(duplicate, bad);
    let syntax = "dataset/events/evt-example-2019-2020-talks.json";
    let broken = root.read(syntax).replacen("\"kind\"", "kind", 1);
    root.write(syntax, &broken);
    let shuffled = "dataset/parties/pty-rus.json";
    root.write(shuffled, laid_out(&reversed(&value(&root, shuffled)), b"   ", false));

    let run = root.run(&["fmt"]);
    assert_eq!(run.code, 1, "{}", run.render());
    insta::assert_snapshot!(run.render());
    assert_eq!(root.read(duplicate), bad);
    assert_eq!(root.read(syntax), broken);
    assert!(root.read(shuffled).starts_with("{\n  \"id\": \"pty-rus\",\n"));
}

#[test]
fn jsonl_lines_and_byte_order_marks_are_canonicalised() {
    let root = Root::empty();
    let line = |v: &str| format!("{v}\r\n\n");
    let jsonl = line(r#"{"name": "B", "id": "pty-b"}"#) + &line(r#"{ "id" : "pty-a" , "name":"Å" }"#);
    root.write("dataset/parties/bulk.jsonl", jsonl);
    root.write("dataset/parties/pty-c.json", "\u{feff}{\"name\":\"C\",\"id\":\"pty-c\"}");
    let run = root.run(&["fmt"]);
    assert_eq!(run.code, 0, "{}", run.render());
    assert_eq!(
        root.read("dataset/parties/bulk.jsonl"),
        "{\"id\":\"pty-b\",\"name\":\"B\"}\n{\"id\":\"pty-a\",\"name\":\"Å\"}\n"
    );
    assert_eq!(root.read("dataset/parties/pty-c.json"), "{\n  \"id\": \"pty-c\",\n  \"name\": \"C\"\n}\n");
}

#[test]
fn missing_dataset_folder_cannot_run() {
    let root = Root::empty();
    std::fs::remove_dir_all(root.file("dataset")).unwrap();
    let run = root.run(&["fmt", "--check"]);
    assert_eq!(run.code, 2, "{}", run.render());
    assert!(run.stderr.contains("dataset folder not found"), "{}", run.render());
}
