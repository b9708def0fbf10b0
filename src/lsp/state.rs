//! The server's state: the open documents and the dataset roots, and which root a path
//! belongs to. A file outside every root is tracked as a document and otherwise left alone.

use std::path::{Path, PathBuf};

use lsp_types::TextDocumentContentChangeEvent;

use super::document::{self, Doc};
use super::workspace::{self, Checked, Docs, Root, is_root, relative};

#[derive(Default)]
pub struct State {
    pub roots: Vec<Root>,
    pub docs: Docs,
}

/// A request's view of one file: its root's path and records, its path relative to the
/// root, its text (the buffer, else the disk), and the open documents.
pub struct FileRef<'a> {
    pub root: &'a Path,
    pub checked: &'a mut Checked,
    pub docs: &'a Docs,
    pub rel: String,
    pub text: String,
}

impl State {
    /// Adds `dir` as a root if it is one and is not known yet.
    pub fn add_root(&mut self, dir: PathBuf) {
        if is_root(&dir) && !self.roots.iter().any(|r| r.path == dir) {
            self.roots.push(Root::load(dir, &self.docs));
        }
    }

    pub fn remove_root(&mut self, dir: &Path) {
        self.roots.retain(|r| r.path != dir);
    }

    /// The root holding `path` (the innermost, if roots nest), with the relative path.
    pub fn root_of(&mut self, path: &Path) -> Option<(&mut Root, String)> {
        let best = self.root_index(path)?;
        let root = &mut self.roots[best];
        let rel = relative(&root.path, path)?;
        Some((root, rel))
    }

    fn root_index(&self, path: &Path) -> Option<usize> {
        self.roots
            .iter()
            .enumerate()
            .filter(|(_, r)| path.starts_with(&r.path))
            .max_by_key(|(_, r)| r.path.as_os_str().len())
            .map(|(i, _)| i)
    }

    /// A file the editor opened: if no root holds it, the nearest folder above it that looks
    /// like a root becomes one (an editor started on a single record).
    pub fn open(&mut self, path: PathBuf, text: String, version: i32) {
        self.docs.insert(path.clone(), Doc { text, version });
        if self.root_of(&path).is_none()
            && let Some(dir) = path.ancestors().skip(1).find(|d| is_root(d))
        {
            self.add_root(dir.to_path_buf());
        }
        self.refresh_buffer(&path);
    }

    pub fn change(&mut self, path: &Path, version: i32, changes: &[TextDocumentContentChangeEvent]) {
        let Some(doc) = self.docs.get_mut(path) else { return };
        for change in changes {
            document::apply(&mut doc.text, change);
        }
        doc.version = version;
        self.refresh_buffer(path);
    }

    /// Takes in an edited buffer if it is a record file. A schema being typed is not reloaded
    /// on every keystroke, only when saved (or changed on disk).
    fn refresh_buffer(&mut self, path: &Path) {
        if let Some((_, rel)) = self.root_of(path)
            && rel.starts_with("dataset/")
        {
            self.refresh(path);
        }
    }

    /// A closed document falls back to the file on disk (or disappears with it).
    pub fn close(&mut self, path: &Path) {
        self.docs.remove(path);
        self.refresh(path);
    }

    /// Re-reads `path` from its buffer or from disk, in whichever root holds it.
    pub fn refresh(&mut self, path: &Path) {
        let docs = std::mem::take(&mut self.docs);
        if let Some((root, rel)) = self.root_of(path) {
            root.refresh(&rel, &docs);
        }
        self.docs = docs;
    }

    /// The file a request is about, with its root's rules run if anything changed; `None`
    /// for a file outside every root or in a root whose schemas do not load.
    pub fn file(&mut self, path: &Path) -> Option<FileRef<'_>> {
        let text = match self.docs.get(path) {
            Some(d) => d.text.clone(),
            None => std::fs::read_to_string(path).ok()?,
        };
        let i = self.root_index(path)?;
        let State { roots, docs } = self;
        let root = &mut roots[i];
        let rel = relative(&root.path, path)?;
        root.ensure_checked();
        let Root { path: root_path, state: workspace::State::Ready(checked), .. } = root else { return None };
        Some(FileRef { root: root_path, checked, docs, rel, text })
    }
}
