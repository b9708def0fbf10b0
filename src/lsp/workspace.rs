//! The server's picture of its dataset roots: every record file's records and load and schema
//! findings, kept current one file at a time from the editor's buffers, and the cross-reference
//! rules run over the whole of it, as `isca::validate` runs them.
//!
//! Start-up is `load::load_checked`, the loader `isca validate` uses. After that an edit
//! re-parses only the changed file (of a `.jsonl` file, only its changed lines: `lines`), with
//! `load::check_bytes` and the same schema check, and splices its records in place. The rules
//! that judge a record by itself (`rules::Scope::Record`) then run on that file alone, their
//! findings for every other file kept; the index and the rules that read other records run
//! again over everything, because any record may reference the changed one.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::catalog::Catalog;
use crate::diagnostic::Finding;
use crate::error::Error;
use crate::index::Index;
use crate::load::{self, Dataset, FileKind, Loaded, Record, SourceFile};
use crate::rules::{self, Scope};
use crate::schema;
use serde_json::Value;

use super::document::Doc;
use super::lines;

/// Open documents by absolute path.
pub type Docs = HashMap<PathBuf, Doc>;

/// One dataset root: a folder holding `schema/` and `dataset/`.
pub struct Root {
    pub path: PathBuf,
    pub state: State,
    /// What was last published for each file of this root (by absolute path).
    pub published: HashMap<PathBuf, Vec<lsp_types::Diagnostic>>,
    /// Whether the rules must run again before the findings are read.
    pub dirty: bool,
}

pub enum State {
    Ready(Box<Checked>),
    /// The schemas do not load or compile: nothing can be checked until they are fixed.
    Broken(Error),
}

/// A root whose schemas compiled: its records and findings.
pub struct Checked {
    pub catalog: Catalog,
    validators: schema::Validators,
    pub dataset: Dataset,
    /// Record files in dataset order, each with its slice of `dataset.records`.
    files: Vec<Entry>,
    position: HashMap<Arc<str>, usize>,
    /// Findings about the layout (stray files), from the start-up walk.
    stray: Vec<Finding>,
    /// Every finding after the last check, sorted as `isca validate` sorts them.
    pub findings: Vec<Finding>,
    cache: HashMap<Arc<str>, HashMap<u64, Arc<str>>>,
}

struct Entry {
    source: SourceFile,
    start: usize,
    len: usize,
    /// The load and schema findings of this file.
    findings: Vec<Finding>,
    /// The findings of the record-scope rules on this file's records.
    local: Vec<Finding>,
    /// For a `.jsonl` file, its lines as last checked, so that an edit re-checks only the
    /// lines it changed.
    lines: Option<lines::Lines>,
}

/// Whether `dir` looks like a dataset root.
pub fn is_root(dir: &Path) -> bool {
    dir.join("schema").is_dir() && dir.join("dataset").is_dir()
}

impl Root {
    /// Loads the root from disk, then re-checks every open buffer under it.
    pub fn load(path: PathBuf, docs: &Docs) -> Root {
        let state = match Checked::load(&path) {
            Ok(mut checked) => {
                for (doc_path, doc) in docs {
                    if let Some(rel) = relative(&path, doc_path) {
                        checked.update(&rel, doc.text.as_bytes());
                    }
                }
                State::Ready(Box::new(checked))
            }
            Err(e) => State::Broken(e),
        };
        Root { path, state, published: HashMap::new(), dirty: true }
    }

    pub fn checked(&self) -> Option<&Checked> {
        match &self.state {
            State::Ready(c) => Some(c),
            State::Broken(_) => None,
        }
    }

    /// Takes in the current contents of `rel`: the open buffer if there is one, else the file
    /// on disk; a file gone from disk is removed. A schema change reloads the whole root.
    pub fn refresh(&mut self, rel: &str, docs: &Docs) {
        self.dirty = true;
        let abs = self.path.join(rel);
        let record = self.checked().and_then(|c| source_file(&c.catalog, rel)).is_some();
        // A schema, a folder or a broken root: everything may differ, so load it all again.
        if rel.starts_with("schema/") || (rel.starts_with("dataset/") && !record) {
            let published = std::mem::take(&mut self.published);
            *self = Root::load(std::mem::take(&mut self.path), docs);
            self.published = published;
            return;
        }
        let State::Ready(checked) = &mut self.state else { return };
        if !record {
            return;
        }
        if let Some(doc) = docs.get(&abs) {
            checked.update(rel, doc.text.as_bytes());
        } else {
            match std::fs::read(&abs) {
                Ok(bytes) => checked.update(rel, &bytes),
                Err(_) => checked.remove(rel),
            }
        }
    }

    /// Runs the rules again if anything changed since the last run.
    pub fn ensure_checked(&mut self) {
        if let (true, State::Ready(c)) = (self.dirty, &mut self.state) {
            c.check();
        }
        self.dirty = false;
    }
}

impl Checked {
    fn load(root: &Path) -> Result<Checked, Error> {
        let catalog = Catalog::load(&root.join("schema"))?;
        let validators = schema::Validators::compile(&catalog)?;
        let check =
            |r: &Record, v: &Value, out: &mut Vec<Finding>| schema::check_record(&validators, &catalog, r, v, out);
        let Loaded { dataset, findings, checked } = load::load_checked(root, &catalog, &check)?;
        // Records come in walk order, each file's records together: slice them per file.
        let mut by_file: HashMap<&str, Vec<Finding>> = HashMap::new();
        let mut stray = Vec::new();
        let listed: std::collections::HashSet<&str> = checked.iter().map(|c| &**c).collect();
        for f in findings {
            match listed.get(f.file.as_str()) {
                Some(file) => by_file.entry(file).or_default().push(f),
                None => stray.push(f),
            }
        }
        let mut files = Vec::with_capacity(checked.len());
        let mut at = 0;
        for rel in &checked {
            let len = dataset.records[at..].iter().take_while(|r| r.file == *rel).count();
            // The walk lists exactly the files `source_file` accepts; a file it would not is
            // kept under its records' table rather than lost.
            let source = source_file(&catalog, rel).unwrap_or_else(|| SourceFile {
                table: dataset.records.get(at).map_or(0, |r| r.table as usize),
                rel: rel.clone(),
                kind: if rel.ends_with(".jsonl") { FileKind::Jsonl } else { FileKind::Json },
                keys: None,
            });
            let findings = by_file.remove(&**rel).unwrap_or_default();
            files.push(Entry { source, start: at, len, findings, local: Vec::new(), lines: None });
            at += len;
        }
        let mut c = Checked {
            catalog,
            validators,
            dataset,
            files,
            position: HashMap::new(),
            stray,
            findings: Vec::new(),
            cache: HashMap::new(),
        };
        c.reindex();
        // The record-scope rules once over everything, their findings handed to their files.
        for f in rules::check_scope(&Index::build(&c.catalog, &c.dataset), Scope::Record) {
            match c.position.get(f.file.as_str()) {
                Some(&i) => c.files[i].local.push(f),
                None => c.stray.push(f),
            }
        }
        Ok(c)
    }

    fn reindex(&mut self) {
        self.position = self.files.iter().enumerate().map(|(i, e)| (e.source.rel.clone(), i)).collect();
    }

    /// Re-checks one record file from its bytes and puts its records in place of the old ones.
    /// A path that is not a record file of this root is ignored.
    pub fn update(&mut self, rel: &str, bytes: &[u8]) {
        let Some(source) = source_file(&self.catalog, rel) else { return };
        self.cache.remove(rel);
        let mut read = None;
        if source.kind == FileKind::Jsonl {
            let (new, starts) = lines::read(bytes);
            match self.update_lines(rel, bytes, new, &starts) {
                Ok(()) => return,
                Err(new) => read = Some(new),
            }
        }
        let (mut records, mut findings) = (Vec::new(), Vec::new());
        let (validators, catalog) = (&self.validators, &self.catalog);
        let check =
            |r: &Record, v: &Value, out: &mut Vec<Finding>| schema::check_record(validators, catalog, r, v, out);
        load::check_bytes(&source, bytes, &check, &mut records, &mut findings);
        let alone = Dataset { records, files: 1 };
        let local = rules::check_scope(&Index::build(catalog, &alone), Scope::Record);
        let records = alone.records;
        let i = match self.position.get(rel) {
            Some(&i) => i,
            None => self.insert(source),
        };
        let (start, old) = (self.files[i].start, self.files[i].len);
        let new = records.len();
        if new == old {
            for (slot, r) in self.dataset.records[start..start + old].iter_mut().zip(records) {
                *slot = r;
            }
        } else {
            self.dataset.records.splice(start..start + old, records);
            self.files[i].len = new;
            for e in &mut self.files[i + 1..] {
                e.start = e.start + new - old;
            }
        }
        self.files[i].findings = findings;
        self.files[i].local = local;
        self.files[i].lines = read;
    }

    /// Re-checks only the lines of a `.jsonl` file that an edit changed, if that is enough to
    /// give what checking it whole would (see `lines`); gives the lines back when the whole
    /// file must be checked instead.
    fn update_lines(
        &mut self,
        rel: &str,
        bytes: &[u8],
        new: lines::Lines,
        starts: &[usize],
    ) -> Result<(), lines::Lines> {
        use crate::load::codes::{BOM, INVALID_UTF8, UNREADABLE};
        let Some(&i) = self.position.get(rel) else { return Err(new) };
        let Some(w) = self.files[i].lines.as_ref().and_then(|old| lines::window(old, &new, starts)) else {
            return Err(new);
        };
        let slice = &bytes[w.start..w.end];
        if slice.starts_with(b"\xEF\xBB\xBF") || std::str::from_utf8(slice).is_err() {
            return Err(new);
        }
        // A file rejected whole, or a finding after the change whose text names its line.
        let e = &self.files[i];
        let refused = |f: &Finding| {
            f.rule == INVALID_UTF8.code
                || f.rule == UNREADABLE.code
                || (lines::names_a_line(f) && lines::line_of(f) > w.kept)
        };
        if e.findings.iter().chain(&e.local).any(refused) {
            return Err(new);
        }
        let (validators, catalog) = (&self.validators, &self.catalog);
        let check =
            |r: &Record, v: &Value, out: &mut Vec<Finding>| schema::check_record(validators, catalog, r, v, out);
        let (mut records, mut findings) = (Vec::new(), Vec::new());
        load::check_bytes(&self.files[i].source, slice, &check, &mut records, &mut findings);
        if findings.iter().any(|f| lines::names_a_line(f) || f.rule == BOM.code) {
            return Err(new);
        }
        let (at_lines, at_bytes) = (i64::from(w.kept), w.start as i64);
        records.iter_mut().for_each(|r| lines::move_record(r, at_lines, at_bytes));
        findings.iter_mut().for_each(|f| lines::move_finding(f, rel, at_lines, at_bytes));
        let alone = Dataset { records, files: 1 };
        let local = rules::check_scope(&Index::build(catalog, &alone), Scope::Record);

        let Entry { start, len, .. } = self.files[i];
        let new_len = lines::splice_records(&mut self.dataset.records, start..start + len, &w, alone.records);
        for e in &mut self.files[i + 1..] {
            e.start = e.start + new_len - len;
        }
        let e = &mut self.files[i];
        e.len = new_len;
        lines::splice_findings(&mut e.findings, findings, &w, rel);
        lines::splice_findings(&mut e.local, local, &w, rel);
        e.lines = Some(new);
        Ok(())
    }

    /// Adds an empty entry for a new file after the last file of its table, keeping each
    /// table's records together as the index expects.
    fn insert(&mut self, source: SourceFile) -> usize {
        let table = source.table;
        let i = self
            .files
            .iter()
            .rposition(|e| e.source.table == table && *e.source.rel < *source.rel)
            .map(|i| i + 1)
            .or_else(|| self.files.iter().position(|e| e.source.table == table))
            .or_else(|| self.files.iter().position(|e| e.source.table > table))
            .unwrap_or(self.files.len());
        let start = self.files.get(i).map_or(self.dataset.records.len(), |e| e.start);
        self.files.insert(i, Entry { source, start, len: 0, findings: Vec::new(), local: Vec::new(), lines: None });
        self.dataset.files += 1;
        self.reindex();
        i
    }

    /// Forgets a record file that is gone.
    pub fn remove(&mut self, rel: &str) {
        let Some(&i) = self.position.get(rel) else { return };
        self.cache.remove(rel);
        let Entry { start, len, .. } = self.files.remove(i);
        self.dataset.records.drain(start..start + len);
        for e in &mut self.files[i..] {
            e.start -= len;
        }
        self.dataset.files -= 1;
        self.reindex();
    }

    /// The whole check, as `isca::validate` does it: load and schema findings per file, the
    /// record-scope rules' findings per file, then the other rules over the index, sorted.
    fn check(&mut self) {
        let index = Index::build(&self.catalog, &self.dataset);
        let mut all = self.stray.clone();
        for e in &self.files {
            all.extend(e.findings.iter().chain(&e.local).cloned());
        }
        all.extend(rules::check_scope(&index, Scope::Dataset));
        all.sort();
        self.findings = all;
    }

    pub fn index(&self) -> Index<'_> {
        Index::build(&self.catalog, &self.dataset)
    }

    /// The text of the record starting at byte `offset` of `rel`: from the open buffer, else
    /// from disk (cached until the file changes). A `.jsonl` record is its line.
    pub fn record_text(&mut self, root: &Path, docs: &Docs, rel: &str, offset: u64) -> Option<Arc<str>> {
        let jsonl = rel.ends_with(".jsonl");
        if let Some(doc) = docs.get(&root.join(rel)) {
            let text = doc.text.get(offset as usize..)?;
            let text = if jsonl { text.split('\n').next().unwrap_or_default() } else { text };
            return Some(text.into());
        }
        let file: Arc<str> = rel.into();
        let slot = self.cache.entry(file).or_default();
        if let Some(t) = slot.get(&offset) {
            return Some(t.clone());
        }
        let mut reader = BufReader::new(std::fs::File::open(root.join(rel)).ok()?);
        reader.seek(SeekFrom::Start(offset)).ok()?;
        let mut bytes = Vec::new();
        if jsonl {
            reader.read_until(b'\n', &mut bytes).ok()?
        } else {
            reader.read_to_end(&mut bytes).ok()?
        };
        let text: Arc<str> = String::from_utf8_lossy(&bytes).trim_end_matches(['\n', '\r']).into();
        slot.insert(offset, text.clone());
        Some(text)
    }
}

/// The record file at `rel` (relative to the root, `/`-separated), as the walk would list it:
/// `dataset/<table>/<name>.json|.jsonl`, not hidden.
pub fn source_file(catalog: &Catalog, rel: &str) -> Option<SourceFile> {
    let mut parts = rel.split('/');
    let (Some("dataset"), Some(table), Some(name), None) = (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    let table = catalog.index_of(table)?;
    if name.starts_with('.') {
        return None;
    }
    let kind = match Path::new(name).extension().and_then(|e| e.to_str()) {
        Some("json") => FileKind::Json,
        Some("jsonl") => FileKind::Jsonl,
        _ => return None,
    };
    Some(SourceFile { table, rel: rel.into(), kind, keys: Some(catalog.tables[table].keys) })
}

/// `path` relative to `root` with `/` separators, if it lies inside it.
pub fn relative(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
    let rel = parts?.join("/");
    (!rel.is_empty()).then_some(rel)
}

#[cfg(test)]
#[path = "workspace_tests.rs"]
mod tests;
