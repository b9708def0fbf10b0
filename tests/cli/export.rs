//! The files `isca build` publishes for the base fixture, snapshotted one by one: CSV and JSON
//! as text, `datapackage.json`, `CODEBOOK.md`, and each Parquet file read back and printed.

use crate::build::tree;
use crate::common::Root;
use crate::parquet_read;

/// Snapshots must not change with the crate version or a schema edit elsewhere: those two are
/// replaced by placeholders (and checked for real in `parquet_metadata_names_version_and_schemas`).
fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.add_filter(&regex_escape(env!("CARGO_PKG_VERSION")), "[VERSION]");
    s.add_filter(&isca::catalog::Catalog::load(&Root::base().file("schema")).unwrap().schema_sha256, "[SCHEMA_SHA256]");
    s.set_omit_expression(true);
    s
}

fn regex_escape(s: &str) -> String {
    s.replace('.', "\\.")
}

fn published() -> (Root, std::collections::BTreeMap<String, Vec<u8>>) {
    let root = Root::base();
    let run = root.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.render());
    let files = tree(&root.file("dist"));
    (root, files)
}

fn text(bytes: &[u8]) -> &str {
    assert!(!bytes.starts_with(b"\xEF\xBB\xBF"), "no byte-order mark");
    std::str::from_utf8(bytes).expect("UTF-8")
}

#[test]
fn csv_files() {
    let (_root, files) = published();
    for (path, bytes) in files.iter().filter(|(p, _)| p.starts_with("csv/")) {
        let content = text(bytes);
        // RFC 4180: every record ends in CRLF (the fixture has no line breaks inside fields).
        assert!(content.split_inclusive('\n').all(|l| l.ends_with("\r\n")), "{path}: not CRLF");
        let mut s = settings();
        s.set_snapshot_suffix(path.trim_start_matches("csv/"));
        s.bind(|| insta::assert_snapshot!(content.replace("\r\n", "\n")));
    }
}

#[test]
fn json_files() {
    let (_root, files) = published();
    for (path, bytes) in files.iter().filter(|(p, _)| p.starts_with("json/")) {
        let content = text(bytes);
        if path.ends_with(".jsonl") {
            assert!(content.lines().all(|l| serde_json::from_str::<serde_json::Value>(l).is_ok()), "{path}");
        }
        let mut s = settings();
        s.set_snapshot_suffix(path.trim_start_matches("json/"));
        s.bind(|| insta::assert_snapshot!(content));
    }
}

#[test]
fn datapackage_json() {
    let (_root, files) = published();
    settings().bind(|| insta::assert_snapshot!(text(&files["datapackage.json"])));
}

#[test]
fn codebook() {
    let (_root, files) = published();
    settings().bind(|| insta::assert_snapshot!(text(&files["CODEBOOK.md"])));
}

#[test]
fn parquet_files() {
    let (root, files) = published();
    for path in files.keys().filter(|p| p.starts_with("parquet/")) {
        let read = parquet_read::read(&root.file(&format!("dist/{path}")));
        let mut s = settings();
        s.set_snapshot_suffix(path.trim_start_matches("parquet/"));
        s.bind(|| insta::assert_snapshot!(parquet_read::print(&read)));
    }
}

#[test]
fn parquet_metadata_names_version_and_schemas() {
    let (root, _) = published();
    let catalog = isca::catalog::Catalog::load(&root.file("schema")).unwrap();
    let read = parquet_read::read(&root.file("dist/parquet/agreements.parquet"));
    let meta: std::collections::BTreeMap<_, _> = read.metadata.into_iter().collect();
    assert_eq!(meta["isca.version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(meta["isca.schema_sha256"], catalog.schema_sha256);
    assert_eq!(meta["isca.table"], "agreements");
    assert_eq!(read.created_by.as_deref(), Some("isca"));
}
