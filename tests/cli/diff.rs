//! `isca diff`: one record added, one removed and one field changed are reported, and nothing
//! else, in every format.

use crate::common::Root;

const EVENT: &str = r#"{
  "id": "evt-example-2022-follow-up",
  "title": "Follow-up meeting",
  "date": "2022",
  "kind": "meeting",
  "certainty": "probable",
  "sources": [{"source": "src-example-article", "locator": "a year later"}]
}
"#;

/// The base fixture with one event added, one threat category removed and one field changed;
/// the layout of an untouched record is changed too, which is no difference.
fn changed_copy() -> Root {
    let root = Root::base();
    root.write("dataset/events/evt-example-2022-follow-up.json", EVENT);
    std::fs::remove_file(root.file("dataset/threat_categories/thr-ict-crime-theft.json")).unwrap();
    let talks = "dataset/events/evt-example-2019-2020-talks.json";
    let text = root.read(talks).replace(r#""certainty": "unconfirmed""#, r#""certainty": "probable""#);
    root.write(talks, text);
    let rus = "dataset/parties/pty-rus.json";
    let compact: serde_json::Value = serde_json::from_str(&root.read(rus)).unwrap();
    root.write(rus, serde_json::to_string(&compact).unwrap());
    root
}

#[test]
fn reports_exactly_one_addition_one_removal_and_one_change() {
    let old = Root::base();
    let new = changed_copy();
    let old_path = old.path().to_str().unwrap();
    for format in ["text", "json", "markdown"] {
        let run = new.run(&["diff", old_path, ".", "--format", format]);
        assert_eq!(run.code, 0, "{}", run.render());
        insta::assert_snapshot!(format!("diff_{format}"), run.render());
    }
    let json: serde_json::Value =
        serde_json::from_str(&new.run(&["diff", old_path, ".", "--format", "json"]).stdout).unwrap();
    let s = &json["summary"];
    assert_eq!((&s["added"], &s["removed"], &s["changed"]), (&1.into(), &1.into(), &1.into()));
}

#[test]
fn identical_roots_have_no_differences() {
    let root = Root::base();
    let run = root.run(&["diff", ".", "."]);
    assert_eq!(run.code, 0, "{}", run.render());
    assert_eq!(run.stdout, "no differences (13 records in both)\n");
}

#[test]
fn an_unreadable_root_cannot_run() {
    let root = Root::base();
    let run = root.run(&["diff", "missing", "."]);
    assert_eq!(run.code, 2, "{}", run.render());
    insta::assert_snapshot!(run.render());
}
