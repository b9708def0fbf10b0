//! `isca build`: exit codes, refusal to publish an invalid dataset, atomic replacement of the
//! output, and byte-identical rebuilds.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use crate::common::Root;

/// Every file under `dir` (hidden ones too) by relative path, with its bytes.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            out.extend(tree(&path).into_iter().map(|(p, b)| (format!("{name}/{p}"), b)));
        } else {
            out.insert(name, std::fs::read(&path).unwrap());
        }
    }
    out
}

/// Names in the root folder: `dataset`, `schema`, and what the build left.
fn root_entries(root: &Root) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// An agreement naming a party that does not exist: an error finding.
const DANGLING: &str = r#"{
  "id": "agr-example-dangling",
  "name": "An agreement with a missing party",
  "kind": "treaty",
  "status": "signed",
  "parties": ["pty-rus", "pty-nowhere"],
  "certainty": "confirmed",
  "sources": [{"source": "src-example-article", "locator": "x"}]
}
"#;

#[test]
fn base_fixture_builds() {
    let root = Root::base();
    let run = root.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.render());
    insta::assert_snapshot!(run.render());
    assert_eq!(root_entries(&root), ["dataset", "dist", "schema"], "no staging folder left behind");
    let sums = root.read("dist/SHA256SUMS");
    let listed: Vec<&str> = sums.lines().map(|l| l.split_once("  ").unwrap().1).collect();
    let files: Vec<String> = tree(&root.file("dist")).into_keys().filter(|p| p != "SHA256SUMS").collect();
    assert_eq!(listed, files, "SHA256SUMS lists every other file, sorted");
}

#[test]
fn refuses_an_invalid_dataset_and_writes_nothing() {
    let root = Root::base();
    root.write("dataset/agreements/agr-example-dangling.json", DANGLING);
    let run = root.run(&["build"]);
    assert_eq!(run.code, 1, "{}", run.render());
    insta::assert_snapshot!(run.render());
    assert_eq!(root_entries(&root), ["dataset", "schema"]);
}

#[test]
fn refusal_leaves_the_previous_output_untouched() {
    let root = Root::base();
    assert_eq!(root.run(&["build"]).code, 0);
    let before = tree(&root.file("dist"));
    root.write("dataset/agreements/agr-example-dangling.json", DANGLING);
    assert_eq!(root.run(&["build"]).code, 1);
    assert!(tree(&root.file("dist")) == before, "dist/ changed");
    assert_eq!(root_entries(&root), ["dataset", "dist", "schema"]);
}

#[test]
fn an_impossible_date_publishes_nothing() {
    // The schema's pattern lets `2001-02-30` through; X004 stops it before the exporter, which
    // would otherwise have to guess a day.
    let root = Root::base();
    let file = "dataset/agreements/agr-example-2001-treaty.json";
    root.write(file, root.read(file).replace("\"signed\": \"2001-03\"", "\"signed\": \"2001-02-30\""));
    let run = root.run(&["build"]);
    assert_eq!(run.code, 1, "{}", run.render());
    assert!(run.stdout.contains("error[X004]: `2001-02-30` in `signed` is not a calendar date"), "{}", run.render());
    assert_eq!(root_entries(&root), ["dataset", "schema"]);
}

#[test]
fn fail_on_warning_refuses_on_a_warning() {
    let root = Root::base();
    root.write("dataset/README.md", "not a record\n");
    let run = root.run(&["build", "--fail-on", "warning"]);
    assert_eq!(run.code, 1, "{}", run.render());
    assert!(run.stdout.contains("nothing published"), "{}", run.render());
    assert_eq!(root_entries(&root), ["dataset", "schema"]);
    // Below the threshold, the warning is reported and the build goes on.
    let run = root.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.render());
    assert!(run.stdout.contains("warning[") && run.stdout.contains("published 13 records"), "{}", run.render());
}

#[test]
fn a_failed_write_leaves_the_previous_output_untouched() {
    let root = Root::base();
    assert_eq!(root.run(&["build"]).code, 0);
    let before = tree(&root.file("dist"));
    // Files over 4 KiB cannot be written (the first Parquet file is bigger), and the signal
    // that would kill the process is ignored, so the write fails with "File too large".
    let out = Command::new("sh")
        .args(["-c", "trap '' XFSZ; ulimit -f 8; exec \"$0\" build", env!("CARGO_BIN_EXE_isca")])
        .current_dir(root.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("File too large") && stderr.contains(".parquet"), "{stderr}");
    assert!(tree(&root.file("dist")) == before, "dist/ changed");
    assert_eq!(root_entries(&root), ["dataset", "dist", "schema"], "the staging folder is removed");
}

#[test]
fn refuses_to_replace_a_folder_it_did_not_write() {
    let root = Root::base();
    root.write("mine/notes.txt", "keep me");
    let run = root.run(&["build", "--out", "mine"]);
    assert_eq!(run.code, 2, "{}", run.render());
    assert!(run.stderr.contains("refusing to replace"), "{}", run.render());
    assert_eq!(root.read("mine/notes.txt"), "keep me");
}

/// SQLite takes a name starting `file:` for a URI naming another file; an output folder of
/// that name still gets the database, and nothing is written beside it.
#[test]
fn an_output_folder_named_like_a_uri_gets_its_database() {
    let root = Root::base();
    let run = root.run(&["build", "--no-site", "--out", "file:x/dist"]);
    assert_eq!(run.code, 0, "{}", run.render());
    assert!(root.file("file:x/dist/sqlite/isca.db").is_file());
    assert_eq!(root_entries(&root), ["dataset", "file:x", "schema"], "{}", run.render());
}

#[test]
fn two_builds_are_byte_identical() {
    // Two roots (different temp paths, different load order on disk) and a rebuild in place.
    let (a, b) = (Root::base(), Root::base());
    assert_eq!(a.run(&["build"]).code, 0);
    let out = b.path().join("elsewhere/out");
    let run = b.run(&["build", "--out", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.render());
    let first = tree(&a.file("dist"));
    // 41 data files, 27 of the website (`site/`) and the `.isca-build` marker.
    assert_eq!(first.len(), 69);
    assert!(tree(&out) == first, "a build in another root differs");
    assert_eq!(a.run(&["build"]).code, 0);
    assert!(tree(&a.file("dist")) == first, "a rebuild differs");
}
