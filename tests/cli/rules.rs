//! One fixture per rule code: `tests/fixtures/rules/<CODE>-<name>/` holds the files that,
//! laid over the base fixture, break exactly that rule. The text report of each is
//! snapshotted, exit code included. Also `isca rules` and `isca rules --explain`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::common::{REPO, Root};

/// Codes a fixture cannot avoid next to its own, with the reason.
const ALSO: &[(&str, &str, &str)] = &[
    ("L007", "S001", "the schemas have no numeric field, so any number is also the wrong type"),
    ("L020", "S001", "the schemas have no numeric field, so any number is also the wrong type"),
    ("L021", "L005", "the summary stands for findings of another rule, here duplicate keys"),
];

/// Lays the files under `from` over the root, recreating symbolic links as links (L011).
/// Files git cannot hold are described instead: `NAME.fifo` lays a FIFO at `NAME` (L012), and
/// `NAME.sparse` holding a decimal size lays a sparse file of that many zero bytes (L009's file
/// over the size limit, L017's endless line). A top-level `BASE` file holding `empty` starts
/// from the empty root rather than the base fixture (L016). Returns the paths laid, sorted.
pub fn overlay(root: &Root, from: &Path) -> Vec<String> {
    let mut laid = Vec::new();
    lay(root, from, from, &mut laid);
    laid.sort();
    laid
}

fn lay(root: &Root, base: &Path, dir: &Path, laid: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let rel = path.strip_prefix(base).unwrap().to_string_lossy().replace('\\', "/");
        let meta = std::fs::symlink_metadata(&path).unwrap();
        if meta.is_dir() {
            lay(root, base, &path, laid);
            continue;
        }
        let target = root.file(&rel);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        let _ = std::fs::remove_file(&target);
        if rel == "BASE" {
            continue;
        }
        if let Some(name) = rel.strip_suffix(".fifo") {
            let status = std::process::Command::new("mkfifo").arg(root.file(name)).status().unwrap();
            assert!(status.success(), "mkfifo {name}");
        } else if let Some(name) = rel.strip_suffix(".sparse") {
            let size: u64 = std::fs::read_to_string(&path).unwrap().trim().parse().unwrap();
            std::fs::File::create(root.file(name)).unwrap().set_len(size).unwrap();
        } else if meta.file_type().is_symlink() {
            #[cfg(unix)]
            std::os::unix::fs::symlink(std::fs::read_link(&path).unwrap(), &target).unwrap();
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
        laid.push(rel);
    }
}

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(REPO).join("tests/fixtures/rules");
    let mut all: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    all.sort();
    all
}

/// The codes of the findings of a run, from its JSON report.
pub fn codes(root: &Root) -> BTreeSet<String> {
    let run = root.run(&["validate", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("a JSON report");
    report["findings"].as_array().unwrap().iter().map(|f| f["rule"].as_str().unwrap().to_string()).collect()
}

#[test]
fn every_rule_code_has_a_fixture() {
    let listed = Root::empty().run(&["rules"]);
    let codes: Vec<&str> = listed.stdout.lines().map(|l| &l[..4]).collect();
    let names: Vec<String> = fixtures().iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
    let covered: Vec<&str> = names.iter().map(|n| &n[..4]).collect();
    assert_eq!(codes, covered, "one fixture folder per code listed by `isca rules`");
    for (line, name) in listed.stdout.lines().zip(&names) {
        let rule_name = line.split_whitespace().nth(1).unwrap();
        assert_eq!(name, &format!("{}-{rule_name}", &line[..4]), "fixture folders are named <CODE>-<name>");
    }
}

#[test]
fn each_fixture_breaks_exactly_its_rule() {
    // Collected rather than asserted at once, so one run shows every fixture that is off.
    let mut wrong = Vec::new();
    for dir in fixtures() {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let code = &name[..4];
        let empty = std::fs::read_to_string(dir.join("BASE")).is_ok_and(|b| b.trim() == "empty");
        let root = if empty { Root::empty() } else { Root::base() };
        let laid = overlay(&root, &dir);
        let run = root.run(&["validate"]);
        assert!(!run.stderr.contains("panicked"), "{name}: {}", run.render());
        let mut expected = BTreeSet::from([code.to_string()]);
        expected.extend(ALSO.iter().filter(|(c, _, _)| *c == code).map(|(_, also, _)| also.to_string()));
        let found = codes(&root);
        if found != expected {
            wrong.push(format!("{name}: expected {expected:?}, found {found:?}\n{}", run.render()));
        }
        insta::with_settings!({
            snapshot_suffix => name.clone(),
            description => format!("{name}: laid over the base fixture: {}", laid.join(", ")),
            omit_expression => true,
        }, {
            insta::assert_snapshot!("rule_fixture", run.render());
        });
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn rules_lists_every_rule_and_explains_one() {
    let root = Root::empty();
    let list = root.run(&["rules"]);
    assert_eq!(list.code, 0);
    insta::assert_snapshot!("rules_list", list.render());
    let explain = root.run(&["rules", "--explain", "reference-cycle"]);
    assert_eq!(explain.code, 0);
    insta::assert_snapshot!("rules_explain_x006", explain.render());
    for doc in list.stdout.lines().map(|l| &l[..4]) {
        let run = root.run(&["rules", "--explain", doc]);
        for section in ["## What it does", "## Why is this bad?", "## Example"] {
            assert!(run.stdout.contains(section), "{doc} lacks `{section}`");
        }
    }
    assert_eq!(root.run(&["rules", "--explain", "X999"]).code, 2);
}

/// A rule of `Scope::Record` finds the same about a record from its file alone as from the
/// whole dataset: what lets `isca lsp` re-run those rules on the edited file only. Checked on
/// every rule's fixture, and on each the record-scope rules must find something where the
/// fixture's own rule is one of them.
#[test]
fn record_scope_rules_need_only_the_record() {
    use isca::load::{Dataset, Record};
    use isca::rules::{self, Scope};
    let mut bitten = BTreeSet::new();
    for dir in fixtures().into_iter().filter(|d| !d.join("BASE").exists()) {
        let root = Root::base();
        overlay(&root, &dir);
        let catalog = isca::catalog::Catalog::load(&root.file("schema")).unwrap();
        let no_check = |_: &Record, _: &serde_json::Value, _: &mut Vec<isca::diagnostic::Finding>| {};
        let Ok(loaded) = isca::load::load_checked(root.path(), &catalog, &no_check) else { continue };
        let mut whole = rules::check_scope(&isca::index::Index::build(&catalog, &loaded.dataset), Scope::Record);
        whole.sort();
        let mut by_file: Vec<Dataset> = Vec::new();
        for record in loaded.dataset.records {
            match by_file.last_mut() {
                Some(d) if d.records[0].file == record.file => d.records.push(record),
                _ => by_file.push(Dataset { records: vec![record], files: 1 }),
            }
        }
        let mut alone: Vec<_> = by_file
            .iter()
            .flat_map(|d| rules::check_scope(&isca::index::Index::build(&catalog, d), Scope::Record))
            .collect();
        alone.sort();
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        assert_eq!(whole, alone, "{name}");
        bitten.extend(whole.iter().map(|f| f.rule.to_string()));
    }
    let record_scoped: BTreeSet<String> =
        rules::RULES.iter().filter(|r| r.scope() == Scope::Record).map(|r| r.doc().code.to_string()).collect();
    assert_eq!(bitten, record_scoped, "every record-scope rule fired on its own fixture");
}

/// X001 names the first definition's file, with its line only where the file holds many
/// records (the fixture covers a `.jsonl` first definition).
#[test]
fn a_duplicate_id_names_a_json_file_without_a_line() {
    let root = Root::base();
    root.write("dataset/parties/pty-zz-copy.json", root.read("dataset/parties/pty-irn.json"));
    let run = root.run(&["validate"]);
    assert!(
        run.stdout.contains("id `pty-irn` is already defined in dataset/parties/pty-irn.json\n"),
        "{}",
        run.render()
    );
}

/// X018 is about citations that do not support: a record that cites nothing has none of
/// those (whether it must cite is the schema's business).
#[test]
fn no_citations_at_all_is_not_a_citation_without_support() {
    let root = Root::base();
    let rel = "dataset/events/evt-example-2021-01-26-signing.json";
    root.edit_json(rel, |r| r["sources"] = serde_json::json!([]));
    assert!(!codes(&root).contains("X018"), "{}", root.run(&["validate"]).render());
}

/// The ISO 3166 rules need a parties table with both `kind` and `iso3`; without `iso3` in
/// its schema, a state without a code is not a finding.
#[test]
fn iso3_rules_stand_down_without_an_iso3_field() {
    let root = Root::base();
    root.edit_json("schema/parties.schema.json", |s| drop(s["properties"].as_object_mut().unwrap().remove("iso3")));
    for entry in std::fs::read_dir(root.file("dataset/parties")).unwrap() {
        let rel = format!("dataset/parties/{}", entry.unwrap().file_name().to_string_lossy());
        root.edit_json(&rel, |r| drop(r.as_object_mut().unwrap().remove("iso3")));
    }
    let found = codes(&root);
    assert!(!found.contains("X009") && !found.contains("X007"), "{found:?}");
}

/// X011 and X012 name the fields they compare; where a schema does not declare one, they do
/// nothing, even over records that still hold it (which the schema check reports).
#[test]
fn date_rules_stand_down_where_the_schema_lacks_their_field() {
    for (fixture, schema, field, code) in [
        ("X011-signing-date-mismatch", "agreements", "signed", "X011"),
        ("X012-source-predates-event", "sources", "published", "X012"),
    ] {
        let root = Root::base();
        overlay(&root, &Path::new(REPO).join("tests/fixtures/rules").join(fixture));
        assert!(codes(&root).contains(code), "{fixture} breaks {code}");
        root.edit_json(&format!("schema/{schema}.schema.json"), |value| {
            value["properties"].as_object_mut().unwrap().remove(field);
            if let Some(required) = value["required"].as_array_mut() {
                required.retain(|r| r != field);
            }
        });
        let found = codes(&root);
        assert!(!found.contains(code), "{code} without `{field}` in the schema: {found:?}");
    }
}

/// The date and count rules at their boundaries: a source published the day of the event is
/// not early (X012); a multilateral agreement with exactly two states is enough (X017).
#[test]
fn date_and_count_rules_at_their_boundaries() {
    let set = |root: &Root, rel: &str, field: &str, value: serde_json::Value| root.edit_json(rel, |r| r[field] = value);
    let source = "dataset/sources/src-example-article.json";
    let root = Root::base();
    set(&root, source, "published", "2021-01-26".into());
    assert!(!codes(&root).contains("X012"), "published the day of the event");
    set(&root, source, "published", "2021-01-25".into());
    assert!(codes(&root).contains("X012"), "published the day before");

    let agreement = "dataset/agreements/agr-example-2021-infosec.json";
    let root = Root::base();
    set(&root, agreement, "kind", "multilateral-agreement".into());
    assert!(!codes(&root).contains("X017"), "two states");
    set(&root, agreement, "parties", serde_json::json!(["pty-rus"]));
    assert!(codes(&root).contains("X017"), "one state");
}

/// X016 wants a note with words in it; W001 does not count a source citing itself.
#[test]
fn blank_notes_and_self_citations_do_not_count() {
    let fixtures = Path::new(REPO).join("tests/fixtures/rules");
    let root = Root::base();
    overlay(&root, &fixtures.join("X016-unexplained-contradiction"));
    let event = "dataset/events/evt-example-2021-01-26-signing.json";
    root.edit_json(event, |r| r["notes"] = "   ".into());
    assert!(codes(&root).contains("X016"), "blank notes explain nothing");
    root.edit_json(event, |r| r["notes"] = "The other source gives the date of the announcement.".into());
    assert!(!codes(&root).contains("X016"), "a note explains it");

    let root = Root::base();
    overlay(&root, &fixtures.join("W001-uncited-source"));
    root.edit_json("dataset/sources/src-uncited.json", |r| r["cites"] = serde_json::json!(["src-uncited"]));
    assert!(codes(&root).contains("W001"), "a source citing itself is still uncited");
}

/// X017 needs `kind` and `parties` in the agreements schema and a parties table it can tell
/// states by (`kind` and `iso3`); where one is missing it says nothing, even over records
/// that still hold the field (the schema check reports those).
#[test]
fn too_few_state_parties_stands_down_without_its_fields() {
    let fixture = Path::new(REPO).join("tests/fixtures/rules/X017-too-few-state-parties");
    let drop_field = |root: &Root, schema: &str, field: &str| {
        root.edit_json(&format!("schema/{schema}.schema.json"), |s| {
            s["properties"].as_object_mut().unwrap().remove(field);
            if let Some(required) = s["required"].as_array_mut() {
                required.retain(|r| r != field);
            }
        });
    };
    for (schema, field) in [("agreements", "kind"), ("agreements", "parties"), ("parties", "iso3")] {
        let root = Root::base();
        overlay(&root, &fixture);
        assert!(codes(&root).contains("X017"), "the fixture breaks X017");
        drop_field(&root, schema, field);
        let found = codes(&root);
        assert!(!found.contains("X017"), "X017 without `{schema}.{field}` in the schema: {found:?}");
    }
}

/// W002 reads the items of a list of free text (`cooperation_areas`), not only plain fields.
#[test]
fn formula_text_is_found_in_the_items_of_a_list() {
    let root = Root::base();
    let agreement = "dataset/agreements/agr-example-2021-infosec.json";
    root.edit_json(agreement, |r| r["cooperation_areas"] = serde_json::json!(["incident response", "=1+1"]));
    let report = root.run(&["validate", "--format", "json"]).stdout;
    assert!(report.contains("\"W002\"") && report.contains("/cooperation_areas/1"), "{report}");
}
