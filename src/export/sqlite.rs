//! `sqlite/isca.db`: the dataset as one SQLite database, for R (RSQLite), Datasette and anyone
//! with the `sqlite3` shell: every table and link table of the model, with real types.
//!
//! Tables are `STRICT`, so a column holds only its declared type. Dates are ISO 8601 `TEXT`
//! that must survive `date()` unchanged; enums are `TEXT` limited by `CHECK (… IN (…))`;
//! booleans are `0`/`1`; lists live in the link tables, as in the CSV files. Primary and
//! foreign keys are declared; the foreign keys are checked once every row is in, before the
//! build commits (rows go in id order and a parent may sort after its child), so a database
//! with a dangling reference is never published. Each column's description is an SQL comment
//! in its `CREATE TABLE`, which SQLite keeps in `sqlite_schema` for `.schema` to show.
//!
//! The bytes are reproducible: built with a fixed page size in one transaction, then copied
//! with `VACUUM INTO`. An SQLite file holds no timestamps, so only the bundled SQLite version
//! (pinned by `Cargo.lock`) and the data decide them.

use rusqlite::types::{ToSqlOutput, Value as Sql, ValueRef};
use std::path::Path;

use rusqlite::{Connection, OpenFlags, params_from_iter};

use super::about;
use super::sql::{comment, ident, literals};
use super::table::{Column, Frame, Model, Values};

/// The page size of the published file: SQLite's default, stated so that a future default
/// cannot change the bytes.
const PAGE_SIZE: u32 = 4096;

/// What can stop the database being written.
pub type Failure = Box<dyn std::error::Error + Send + Sync>;

/// Writes the database to `path` (a new file in the staging folder). It is built beside it as
/// `<path>.build`, on disk with SQLite's small page cache, then copied into `path` with
/// `VACUUM INTO`, and the build file removed. Built in memory, it was held twice while being
/// vacuumed: 2 GB at a million events.
pub fn write(model: &Model, path: &Path) -> Result<(), Failure> {
    // Absolute, so that SQLite never reads an output folder named `file:…` as a URI naming
    // some other file.
    let path = &std::path::absolute(path)?;
    let build = path.with_extension("db.build");
    let result = build_then_copy(model, &build, path);
    // The build file is scratch: gone whether or not the copy worked.
    let removed = std::fs::remove_file(&build);
    result?;
    Ok(removed?)
}

fn build_then_copy(model: &Model, build: &Path, path: &Path) -> Result<(), Failure> {
    let target = path.to_str().ok_or("the output folder's path is not UTF-8, which SQLite needs")?;
    // Without `SQLITE_OPEN_URI` (rusqlite's default has it): the name is a plain path.
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut db = Connection::open_with_flags(build, flags)?;
    // No rollback journal and no syncs: a failed build is thrown away whole, and the
    // published copy is synced by the staging folder.
    // Foreign keys are not enforced row by row: with them on, every row also looked up its
    // parents, and every parent its children, a third of the writer's time. They are checked
    // once, below, before anything is committed.
    db.execute_batch(&format!(
        "PRAGMA page_size = {PAGE_SIZE}; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; \
         PRAGMA foreign_keys = OFF;"
    ))?;
    let tx = db.transaction()?;
    for frame in frames(model) {
        tx.execute_batch(&create_table(model, frame))?;
    }
    for frame in frames(model) {
        insert(&tx, frame)?;
    }
    // Built once over every row instead of kept up to date row by row. `VACUUM INTO` creates
    // the tables, then the indexes, each in the order they were made, so the copy is the same
    // file as when they came with their tables.
    for frame in frames(model) {
        tx.execute_batch(&create_indexes(model, frame))?;
    }
    about_table(&tx, model)?;
    check_foreign_keys(&tx)?;
    tx.commit()?;
    db.execute("VACUUM INTO ?1", [target])?;
    Ok(())
}

/// Every table: each catalogue table (by name) followed by its link tables.
pub fn frames<'a, 'd>(model: &'a Model<'d>) -> impl Iterator<Item = &'a Frame<'d>> {
    model.tables.iter().flat_map(|t| std::iter::once(t).chain(&t.links))
}

/// A violation of a foreign key fails the build: the validator lets none through, so one here
/// is a bug of ours, which must not be published.
fn check_foreign_keys(db: &Connection) -> Result<(), Failure> {
    let mut check = db.prepare("PRAGMA foreign_key_check")?;
    let mut rows = check.query([])?;
    if let Some(row) = rows.next()? {
        let (table, rowid, parent): (String, Option<i64>, String) = (row.get(0)?, row.get(1)?, row.get(2)?);
        let row = rowid.map_or_else(String::new, |r| format!(" (row {r})"));
        return Err(format!("a row of {table}{row} references a missing row of {parent}").into());
    }
    Ok(())
}

/// The `CREATE TABLE` of one frame (its indexes are in `create_indexes`).
pub fn create_table(model: &Model, frame: &Frame) -> String {
    let mut lines = Vec::new();
    for c in frame.columns.iter().filter(|c| c.values.is_flat()) {
        lines.push((column_definition(c), c.description.clone()));
    }
    let key: Vec<String> = frame.primary_key.iter().map(|k| ident(k)).collect();
    lines.push((format!("PRIMARY KEY ({})", key.join(", ")), String::new()));
    for (c, target, target_key) in foreign_keys(model, frame) {
        lines.push((
            format!(
                "FOREIGN KEY ({}) REFERENCES {} ({}) DEFERRABLE INITIALLY DEFERRED",
                ident(&c.name),
                ident(target),
                ident(target_key)
            ),
            String::new(),
        ));
    }
    // Inside the parentheses, so that `sqlite_schema` keeps the table's description too.
    let mut sql = format!("CREATE TABLE {} ( -- {}\n", ident(&frame.name), comment(&frame.description));
    let last = lines.len() - 1;
    for (i, (line, description)) in lines.iter().enumerate() {
        let comma = if i == last { "" } else { "," };
        if description.is_empty() {
            sql.push_str(&format!("  {line}{comma}\n"));
        } else {
            sql.push_str(&format!("  {line}{comma} -- {}\n", comment(description)));
        }
    }
    sql.push_str(") STRICT;\n");
    sql
}

/// An index on each foreign key column of one frame, for joins and `foreign_key_check`.
pub fn create_indexes(model: &Model, frame: &Frame) -> String {
    let mut sql = String::new();
    for (c, _, _) in foreign_keys(model, frame) {
        // The first key column is indexed by the primary key already.
        if frame.primary_key.first() != Some(&c.name) {
            let index = ident(&format!("{}_{}", frame.name, c.name));
            sql.push_str(&format!("CREATE INDEX {index} ON {} ({});\n", ident(&frame.name), ident(&c.name)));
        }
    }
    sql
}

/// `name TYPE [NOT NULL] [CHECK (…)]` for one flat column.
fn column_definition(c: &Column) -> String {
    let name = ident(&c.name);
    let (kind, check) = match &c.values {
        Values::Text(_) => ("TEXT", None),
        Values::Enum { categories, .. } => ("TEXT", Some(format!("{name} IN ({})", literals(categories)))),
        // `date()` normalises `2021-02-30` to `2021-03-02` and rejects non-dates: only a real
        // ISO day is its own `date()`.
        Values::Date(_) => ("TEXT", Some(format!("date({name}) IS {name}"))),
        Values::Integer(_) => ("INTEGER", None),
        Values::Number(_) => ("REAL", None),
        Values::Boolean(_) => ("INTEGER", Some(format!("{name} IN (0, 1)"))),
        Values::Json(_) => ("TEXT", Some(format!("json_valid({name})"))),
        Values::List { .. } | Values::Objects { .. } => ("TEXT", None),
    };
    let mut checks: Vec<String> = check.into_iter().collect();
    let k = &c.constraints;
    if matches!(c.values, Values::Text(_)) {
        if let Some(n) = k.min_length {
            checks.push(format!("length({name}) >= {n}"));
        }
        if let Some(n) = k.max_length {
            checks.push(format!("length({name}) <= {n}"));
        }
    }
    if matches!(c.values, Values::Integer(_) | Values::Number(_)) {
        if let Some(n) = &k.minimum {
            checks.push(format!("{name} >= {n}"));
        }
        if let Some(n) = &k.maximum {
            checks.push(format!("{name} <= {n}"));
        }
    }
    let mut sql = format!("{name} {kind}");
    if c.required {
        sql.push_str(" NOT NULL");
    }
    if !checks.is_empty() {
        sql.push_str(&format!(" CHECK ({})", checks.join(" AND ")));
    }
    sql
}

/// Each flat column that references a table, with that table and its key column.
pub fn foreign_keys<'a, 'd>(model: &'a Model<'d>, frame: &'a Frame<'d>) -> Vec<(&'a Column<'d>, &'a str, &'a str)> {
    frame
        .columns
        .iter()
        .filter(|c| c.values.is_flat())
        .filter_map(|c| {
            let target = model.tables.iter().find(|t| Some(&t.name) == c.references.as_ref())?;
            Some((c, target.name.as_str(), target.primary_key.first()?.as_str()))
        })
        .collect()
}

fn insert(db: &Connection, frame: &Frame) -> rusqlite::Result<()> {
    let columns: Vec<&Column> = frame.columns.iter().filter(|c| c.values.is_flat()).collect();
    let names: Vec<String> = columns.iter().map(|c| ident(&c.name)).collect();
    let marks = vec!["?"; columns.len()].join(", ");
    let sql = format!("INSERT INTO {} ({}) VALUES ({marks})", ident(&frame.name), names.join(", "));
    let mut statement = db.prepare(&sql)?;
    for row in 0..frame.rows {
        statement.execute(params_from_iter(columns.iter().map(|c| value(&c.values, row))))?;
    }
    Ok(())
}

/// `isca_about`: the version, licence and citation as rows (the same as in DuckDB).
fn about_table(db: &Connection, model: &Model) -> rusqlite::Result<()> {
    db.execute_batch(&format!(
        "CREATE TABLE isca_about ( -- {}\n  key TEXT PRIMARY KEY,\n  value TEXT NOT NULL\n) STRICT;",
        about::ABOUT_TABLE
    ))?;
    for (key, value) in about::rows(model) {
        db.execute("INSERT INTO isca_about VALUES (?, ?)", [key, value.as_str()])?;
    }
    Ok(())
}

/// Row `i` of a flat column as an SQLite value; text and enums are bound where they lie, not
/// copied into a `String` per cell.
fn value<'a>(values: &'a Values, i: usize) -> ToSqlOutput<'a> {
    let borrowed = |s: &'a str| ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes()));
    let sql = match values {
        Values::Integer(v) => v.get(i).map(|n| ToSqlOutput::Owned(Sql::Integer(n))),
        Values::Number(v) => v.get(i).map(|n| ToSqlOutput::Owned(Sql::Real(n))),
        Values::Boolean(v) => v.get(i).map(|b| ToSqlOutput::Owned(Sql::Integer(b.into()))),
        Values::Text(_) | Values::Enum { .. } => values.as_str(i).map(borrowed),
        _ => values.text(i).map(|s| ToSqlOutput::Owned(Sql::Text(s))),
    };
    sql.unwrap_or(ToSqlOutput::Owned(Sql::Null))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dangling_reference_fails_the_check_and_a_complete_database_passes() {
        let db = Connection::open_in_memory().unwrap();
        // As the writer has it (the bundled SQLite enforces foreign keys by default).
        db.execute_batch(
            "PRAGMA foreign_keys = OFF;
             CREATE TABLE parent (id TEXT PRIMARY KEY) STRICT;
             CREATE TABLE child (id TEXT PRIMARY KEY, parent TEXT,
               FOREIGN KEY (parent) REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED) STRICT;
             INSERT INTO parent VALUES ('p');
             INSERT INTO child VALUES ('a', 'p'), ('b', NULL);",
        )
        .unwrap();
        check_foreign_keys(&db).unwrap();
        db.execute_batch("INSERT INTO child VALUES ('c', 'gone')").unwrap();
        let message = check_foreign_keys(&db).unwrap_err().to_string();
        assert_eq!(message, "a row of child (row 3) references a missing row of parent");
    }
}
