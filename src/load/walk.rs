//! Finds the record files under `dataset/`, one folder per table, and warns about the rest.

use std::path::Path;
use std::sync::Arc;

use super::codes;
use crate::catalog::Catalog;
use crate::diagnostic::Finding;
use crate::error::{Error, Result};

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
}

pub struct Walked {
    pub files: Vec<SourceFile>,
    pub findings: Vec<Finding>,
}

/// Lists `root/dataset/<table>/*.json|*.jsonl`, sorted, with a warning for everything else.
pub fn walk(root: &Path, catalog: &Catalog) -> Result<Walked> {
    let dataset = root.join("dataset");
    if !dataset.is_dir() {
        return Err(Error::Missing { path: dataset, what: "dataset folder" });
    }
    let mut files = Vec::new();
    let mut findings = Vec::new();
    let stray = |rel: &str, why: String| Finding::at(&codes::STRAY_FILE, rel, 1, 1, why);
    for (name, is_dir) in sorted_entries(&dataset)? {
        let rel = format!("dataset/{name}");
        let Some(table) = catalog.index_of(&name).filter(|_| is_dir) else {
            let why = if is_dir {
                format!("folder `{name}` is not a table; the tables are: {}", catalog.names().join(", "))
            } else {
                "file outside any table folder is not read".to_string()
            };
            findings.push(stray(&rel, why));
            continue;
        };
        for (entry, is_dir) in sorted_entries(&root.join(&rel))? {
            let file = format!("{rel}/{entry}");
            let kind = match Path::new(&entry).extension().and_then(|e| e.to_str()) {
                _ if is_dir => None,
                Some("json") => Some(FileKind::Json),
                Some("jsonl") => Some(FileKind::Jsonl),
                _ => None,
            };
            match kind {
                Some(kind) => files.push(SourceFile { table, rel: file.into(), kind }),
                None if is_dir => findings.push(stray(&file, "folders inside a table folder are not read".into())),
                None => findings.push(
                    stray(&file, "only `.json` and `.jsonl` files are read".into())
                        .with_help("rename it to `<id>.json` if it is a record"),
                ),
            }
        }
    }
    Ok(Walked { files, findings })
}

/// Entries of a folder as (name, is_dir), sorted by name; hidden entries are skipped.
fn sorted_entries(dir: &Path) -> Result<Vec<(String, bool)>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let is_dir = entry.file_type().map_err(|e| Error::io(entry.path(), e))?.is_dir();
        out.push((name, is_dir));
    }
    out.sort();
    Ok(out)
}
