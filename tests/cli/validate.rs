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
