//! Finds the record files under `dataset/`, one folder per table, and reports the rest.
//!
//! Nothing is followed or opened here: every entry is classified as `lstat` sees it. A link,
//! a FIFO, a wrong-case extension, a hidden record, a missing table folder or an empty dataset
//! is an error finding, so `build` cannot publish a smaller dataset than the one in the tree.

use std::path::Path;
use std::sync::Arc;

use super::codes;
use crate::catalog::Catalog;
use crate::diagnostic::{Finding, RuleDoc};
use crate::doc::Keys;
use crate::error::{Error, Result};
use crate::fsio::Entry;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// One record per file; the stem is the id.
    Json,
    /// One record per line.
    Jsonl,
}

/// A record file: its table (index into the catalogue), path relative to the root, and kind.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub table: usize,
    pub rel: Arc<str>,
    pub kind: FileKind,
    /// The table's key names, which its records share (`None`: each keeps its own).
    pub keys: Option<&'static Keys>,
}

pub struct Walked {
    pub files: Vec<SourceFile>,
    pub findings: Vec<Finding>,
}

/// Lists `root/dataset/<table>/*.json|*.jsonl`, sorted, with a finding for everything else.
pub fn walk(root: &Path, catalog: &Catalog) -> Result<Walked> {
    let dataset = real_folder(root, "dataset", "dataset folder")?;
    let mut files = Vec::new();
    let mut findings = Vec::new();
    let out = &mut findings;
    let schema = root.join("schema");
    if Entry::at(&schema).map_err(|e| Error::io(&schema, e))? == Some(Entry::Dir) {
        for (name, entry) in sorted_entries(&schema)? {
            unsafe_entry(out, &format!("schema/{name}"), entry);
        }
    }
    let mut seen = vec![false; catalog.tables.len()];
    for (name, entry) in sorted_entries(&dataset)? {
        let rel = format!("dataset/{name}");
        let table = catalog.index_of(&name);
        if let Some(t) = table {
            seen[t] = true;
        }
        match (entry, table) {
            _ if name.starts_with('.') => hidden(out, &rel, &name),
            (Entry::Dir, Some(table)) => walk_table(root, &rel, table, catalog.tables[table].keys, &mut files, out)?,
            (Entry::Dir, None) => {
                let tables = catalog.names().join(", ");
                out.push(at(
                    &codes::STRAY_FILE,
                    &rel,
                    format!("folder `{name}` is not a table; the tables are: {tables}"),
                ));
            }
            (Entry::File, Some(_)) => {
                out.push(at(
                    &codes::TABLE_FOLDER,
                    &rel,
                    format!("`{rel}` is a file: the records of table `{name}` go in a folder"),
                ));
            }
            (Entry::File, None) => {
                out.push(at(&codes::STRAY_FILE, &rel, "file outside any table folder is not read".into()))
            }
            _ => unsafe_entry(out, &rel, entry),
        }
    }
    for (t, _) in seen.iter().enumerate().filter(|(_, seen)| !**seen) {
        let name = &catalog.tables[t].name;
        let why =
            format!("table `{name}` has a schema but no folder `dataset/{name}/`, so it would be published empty");
        out.push(
            at(&codes::TABLE_FOLDER, &format!("dataset/{name}"), why)
                .with_help("an empty table is an empty folder (holding a `.gitkeep`)"),
        );
    }
    if files.is_empty() {
        out.push(at(
            &codes::EMPTY_DATASET,
            "dataset",
            "no table folder holds a `.json` or `.jsonl` record file".into(),
        ));
    }
    Ok(Walked { files, findings })
}

/// The record files of one table folder, and findings for the other entries.
fn walk_table(
    root: &Path,
    rel: &str,
    table: usize,
    keys: &'static Keys,
    files: &mut Vec<SourceFile>,
    out: &mut Vec<Finding>,
) -> Result<()> {
    for (name, entry) in sorted_entries(&root.join(rel))? {
        let file = format!("{rel}/{name}");
        match entry {
            _ if name.starts_with('.') => hidden(out, &file, &name),
            Entry::File => match record_kind(&name) {
                Some((kind, true)) => files.push(SourceFile { table, rel: file.into(), kind, keys: Some(keys) }),
                Some((_, false)) => {
                    let (stem, ext) = name.rsplit_once('.').unwrap_or((&name, ""));
                    let why = format!("`{name}` is not read: only lower-case `.json` and `.jsonl` files are");
                    out.push(
                        at(&codes::EXTENSION_CASE, &file, why)
                            .with_help(format!("rename it to `{stem}.{}`", ext.to_lowercase())),
                    );
                }
                None => out.push(
                    at(&codes::STRAY_FILE, &file, "only `.json` and `.jsonl` files are read".into())
                        .with_help("rename it to `<id>.json` if it is a record"),
                ),
            },
            Entry::Dir => out.push(at(&codes::STRAY_FILE, &file, "folders inside a table folder are not read".into())),
            _ => unsafe_entry(out, &file, entry),
        }
    }
    Ok(())
}

fn at(doc: &RuleDoc, rel: &str, why: String) -> Finding {
    Finding::at(doc, rel, 1, 1, why)
}

/// `(kind, lower case)` if the name ends in `.json` or `.jsonl`, in any case.
fn record_kind(name: &str) -> Option<(FileKind, bool)> {
    let (_, ext) = name.rsplit_once('.')?;
    let kind = if ext.eq_ignore_ascii_case("json") {
        FileKind::Json
    } else if ext.eq_ignore_ascii_case("jsonl") {
        FileKind::Jsonl
    } else {
        return None;
    };
    Some((kind, ext == "json" || ext == "jsonl"))
}

/// A hidden entry is skipped (`.gitkeep`, an editor's swap file, `isca`'s own temporary files,
/// which end in `.tmp`), unless it is named like a record: then it is a record nobody sees.
fn hidden(out: &mut Vec<Finding>, rel: &str, name: &str) {
    if record_kind(name).is_some() {
        let shown = name.trim_start_matches('.');
        let why = format!("`{name}` is hidden, so it is not read");
        out.push(
            at(&codes::HIDDEN_RECORD, rel, why)
                .with_help(format!("rename it to `{shown}` if it is a record, or delete it")),
        );
    }
}

/// A link or a special file: reported, never followed or opened. Regular files and folders
/// are left to the caller.
fn unsafe_entry(out: &mut Vec<Finding>, rel: &str, entry: Entry) {
    match entry {
        Entry::Symlink => out.push(
            at(&codes::SYMLINK, rel, "symbolic link: isca does not follow links under `dataset/` and `schema/`".into())
                .with_help("replace the link with the file or folder itself"),
        ),
        Entry::Special(kind) => out.push(at(
            &codes::SPECIAL_FILE,
            rel,
            format!("{kind}: only regular files are read, and this one is not opened"),
        )),
        Entry::File | Entry::Dir => {}
    }
}

/// `root/name` if it is a real folder. A link there would move every read outside the root, so
/// it stops the run, as a missing folder does.
pub fn real_folder(root: &Path, name: &str, what: &'static str) -> Result<std::path::PathBuf> {
    let path = root.join(name);
    match Entry::at(&path).map_err(|e| Error::io(&path, e))? {
        Some(Entry::Dir) => Ok(path),
        Some(Entry::Symlink) => Err(Error::Unsafe {
            path,
            reason: format!("the {what} is a symbolic link; isca reads only inside the root and does not follow it"),
        }),
        _ => Err(Error::Missing { path, what }),
    }
}

/// Entries of a folder as (name, what it is), sorted by name; links are not followed.
fn sorted_entries(dir: &Path) -> Result<Vec<(String, Entry)>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let kind = Entry::of(entry.file_type().map_err(|e| Error::io(entry.path(), e))?);
        out.push((name, kind));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}
