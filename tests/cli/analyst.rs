//! The analysts' files of the base fixture: `duckdb/load.sql`, `sqlite/metadata.json` and
//! `croissant.json` snapshotted; `sqlite/isca.db` read back with rusqlite and compared with the
//! JSON records; hostile descriptions kept inside their quotes; `CITATION.cff` and
//! `LICENSE-DATA` held to what the build publishes.

use rusqlite::{Connection, OpenFlags, types::Value as Sql};
use serde_json::Value;

use crate::common::{REPO, Root};

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.add_filter(&env!("CARGO_PKG_VERSION").replace('.', "\\."), "[VERSION]");
    s.add_filter(&isca::catalog::Catalog::load(&Root::base().file("schema")).unwrap().schema_sha256, "[SCHEMA_SHA256]");
    s.set_omit_expression(true);
    s
}

fn built() -> Root {
    let root = Root::base();
    let run = root.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.render());
    root
}

fn open(root: &Root) -> Connection {
    Connection::open_with_flags(root.file("dist/sqlite/isca.db"), OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap()
}

#[test]
fn duckdb_load_script() {
    let root = built();
    settings().bind(|| insta::assert_snapshot!(root.read("dist/duckdb/load.sql")));
}

#[test]
fn datasette_metadata() {
    let root = built();
    settings().bind(|| insta::assert_snapshot!(root.read("dist/sqlite/metadata.json")));
}

#[test]
fn croissant_json() {
    let root = built();
    settings().bind(|| insta::assert_snapshot!(root.read("dist/croissant.json")));
}

#[test]
fn sqlite_schema() {
    let root = built();
    let db = open(&root);
    let mut statement = db.prepare("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY name").unwrap();
    let sql: Vec<String> = statement.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    settings().bind(|| insta::assert_snapshot!(sql.join(";\n\n")));
}

/// Every flat value of every record is in the database, as the JSON files have it.
#[test]
fn sqlite_round_trip() {
    let root = built();
    let db = open(&root);
    let check: Vec<String> = db
        .prepare("PRAGMA foreign_key_check")
        .unwrap()
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(check.is_empty(), "foreign_key_check: {check:?}");
    let integrity: String = db.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok");
    let mut values = 0;
    for table in ["agreements", "events", "parties", "sources", "threat_categories"] {
        let records: Vec<Value> = serde_json::from_str(&root.read(&format!("dist/json/{table}.json"))).unwrap();
        let count: i64 = db.query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |r| r.get(0)).unwrap();
        assert_eq!(count as usize, records.len(), "{table}");
        for record in &records {
            let id = record["id"].as_str().unwrap();
            for (field, value) in record.as_object().unwrap() {
                if value.is_array() || value.is_object() {
                    continue;
                }
                let sql = format!("SELECT \"{field}\" FROM \"{table}\" WHERE id = ?");
                let got: Sql = db.query_row(&sql, [id], |r| r.get(0)).unwrap();
                let want = match value {
                    Value::String(s) => Sql::Text(s.clone()),
                    Value::Bool(b) => Sql::Integer((*b).into()),
                    Value::Number(n) if n.is_i64() => Sql::Integer(n.as_i64().unwrap()),
                    Value::Number(n) => Sql::Real(n.as_f64().unwrap()),
                    _ => Sql::Null,
                };
                assert_eq!(got, want, "{table}.{field} of {id}");
                values += 1;
            }
        }
    }
    assert!(values > 50, "only {values} values compared");
    // The link tables hold each list in order.
    let parties: Vec<String> = db
        .prepare("SELECT party_id FROM agreement_parties WHERE agreement_id = ? ORDER BY position")
        .unwrap()
        .query_map(["agr-example-2021-infosec"], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let agreements: Vec<Value> = serde_json::from_str(&root.read("dist/json/agreements.json")).unwrap();
    let record = agreements.iter().find(|a| a["id"] == "agr-example-2021-infosec").expect("fixture agreement");
    let want: Vec<String> = serde_json::from_value(record["parties"].clone()).unwrap();
    assert_eq!(parties, want);
}

/// The constraints are real: SQLite itself rejects a bad date, an unknown enum value and a
/// dangling reference in a copy of the published database.
#[test]
fn sqlite_constraints_reject_bad_rows() {
    let root = built();
    let copy = root.file("copy.db");
    std::fs::copy(root.file("dist/sqlite/isca.db"), &copy).unwrap();
    let db = Connection::open(&copy).unwrap();
    db.execute_batch("PRAGMA foreign_keys = ON").unwrap();
    let insert = |sql: &str| db.execute_batch(sql).map_err(|e| e.to_string());
    let bad_date = "UPDATE events SET date_start = '2021-02-30' WHERE rowid = 1";
    assert!(insert(bad_date).unwrap_err().contains("CHECK"), "an impossible date");
    let bad_enum = "UPDATE events SET certainty = 'sure' WHERE rowid = 1";
    assert!(insert(bad_enum).unwrap_err().contains("CHECK"), "an unknown enum value");
    let dangling = "INSERT INTO agreement_parties SELECT id, 'pty-nowhere', 99 FROM agreements LIMIT 1";
    assert!(insert(dangling).unwrap_err().contains("FOREIGN KEY"), "a dangling party");
}

/// A description with quotes, a newline and SQL in it stays text in every generated script.
#[test]
fn hostile_descriptions_stay_text() {
    let root = Root::base();
    let path = root.file("schema/events.schema.json");
    let mut schema: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let hostile = "it's \"quoted\"\n); DROP TABLE events; -- and */ more";
    schema["description"] = hostile.into();
    schema["properties"]["title"]["description"] = hostile.into();
    std::fs::write(&path, serde_json::to_string_pretty(&schema).unwrap()).unwrap();
    let run = root.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.render());
    let db = open(&root);
    let tables: i64 = db
        .query_row("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'events'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(tables, 1, "the events table survives its description");
    let columns: Vec<String> = db
        .prepare("SELECT name FROM pragma_table_info('events')")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(columns.contains(&"title".to_string()) && columns.contains(&"kind".to_string()), "{columns:?}");
    let load = root.read("dist/duckdb/load.sql");
    assert!(load.contains("COMMENT ON TABLE \"events\" IS 'it''s \"quoted\"\n); DROP TABLE events; -- and */ more';"));
    // Outside string literals and `--` comments, the script holds no trace of the description.
    let (mut code, mut quoted, mut chars) = (String::new(), false, load.chars().peekable());
    while let Some(c) = chars.next() {
        match c {
            '\'' if quoted && chars.peek() == Some(&'\'') => {
                chars.next();
            }
            '\'' => quoted = !quoted,
            '-' if !quoted && chars.peek() == Some(&'-') => {
                chars.by_ref().take_while(|&c| c != '\n').for_each(drop);
                code.push('\n');
            }
            c if !quoted => code.push(c),
            _ => {}
        }
    }
    assert!(!code.contains("DROP"), "SQL outside a literal: {code}");
}

/// `CITATION.cff` and `LICENSE-DATA` say what the build publishes.
#[test]
fn citation_and_licence_files_agree_with_the_build() {
    let repo = std::path::Path::new(REPO);
    let cff = std::fs::read_to_string(repo.join("CITATION.cff")).unwrap();
    let line = |key: &str| {
        cff.lines().find_map(|l| l.strip_prefix(&format!("{key}: "))).map(|v| v.trim_matches('"').to_string())
    };
    assert_eq!(line("version").as_deref(), Some(env!("CARGO_PKG_VERSION")));
    assert_eq!(line("license").as_deref(), Some(isca::export::about::LICENSE_ID));
    assert_eq!(line("url").as_deref(), Some(isca::export::about::HOMEPAGE));
    assert_eq!(line("repository-code").as_deref(), Some(env!("CARGO_PKG_REPOSITORY")));
    assert_eq!(line("type").as_deref(), Some("dataset"));
    let data = std::fs::read_to_string(repo.join("LICENSE-DATA")).unwrap();
    assert!(data.contains(isca::export::about::LICENSE_URL) && data.contains("(CC BY 4.0)"));
    for code in ["LICENSE-MIT", "LICENSE-APACHE"] {
        assert!(repo.join(code).is_file(), "{code}: Cargo.toml says MIT OR Apache-2.0");
    }
    let root = built();
    let package: Value = serde_json::from_str(&root.read("dist/datapackage.json")).unwrap();
    assert_eq!(package["licenses"][0]["name"], isca::export::about::LICENSE_ID);
    let paths: Vec<&str> =
        package["resources"].as_array().unwrap().iter().map(|r| r["path"].as_str().unwrap()).collect();
    for file in ["sqlite/isca.db", "duckdb/load.sql", "croissant.json", "parquet/agreements.parquet", "CODEBOOK.md"] {
        assert!(paths.contains(&file), "datapackage.json lists {file}");
    }
}
