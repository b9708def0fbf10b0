//! `isca validate`: exit codes and the text report on single faults.

use crate::common::Root;

#[test]
fn missing_dataset_folder_cannot_run() {
    let root = Root::empty();
    std::fs::remove_dir_all(root.file("dataset")).unwrap();
    let run = root.run(&["validate"]);
    assert_eq!(run.code, 2, "{}", run.render());
    insta::assert_snapshot!(run.render());
}

#[test]
fn unknown_flag_cannot_run() {
    let run = Root::empty().run(&["validate", "--format", "yaml"]);
    assert_eq!(run.code, 2);
}

#[test]
fn base_fixture_is_clean() {
    let run = Root::base().run(&["validate"]);
    assert_eq!(run.code, 0, "{}", run.render());
    insta::assert_snapshot!(run.render());
}

#[test]
fn bundled_dataset_is_clean() {
    let run = Root::bundled().run(&["validate", "--fail-on", "warning"]);
    assert_eq!(run.code, 0, "{}", run.render());
    assert!(run.stdout.contains("no findings"), "{}", run.render());
}

#[test]
fn a_remote_ref_in_a_schema_cannot_run() {
    // No network at run time, ever: a schema that points outside `schema/` is refused, not fetched.
    let root = Root::base();
    let path = "schema/events.schema.json";
    let mut schema: serde_json::Value = serde_json::from_str(&root.read(path)).unwrap();
    schema["properties"]["place"] = serde_json::json!({"$ref": "https://example.org/place.schema.json"});
    root.write(path, serde_json::to_string_pretty(&schema).unwrap());
    let run = root.run(&["validate"]);
    assert_eq!(run.code, 2, "{}", run.render());
    assert!(
        run.stderr.contains("events.schema.json: invalid schema") && run.stderr.contains("example.org"),
        "{}",
        run.render()
    );
}
