//! Atomic publishing: every file goes into a staging folder beside the target (same parent, so
//! the same filesystem), is synced, and the folder replaces the target only once complete.
//!
//! A build that fails removes its staging folder and leaves the previous output as it was; a
//! build that is killed leaves the previous output as it was and a stale `.<name>-staging-<pid>`
//! folder, which the next build ignores (and `.gitignore` too). The swap is two renames (old aside, new in place): on a
//! crash between them the new output sits complete in the staging folder.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::checksums::sha256_hex;
use crate::error::{Error, Result};

/// A file written to the staging folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// Relative to the output folder, with `/` separators.
    pub path: String,
    pub bytes: u64,
    pub sha256: String,
}

/// An output folder being written.
#[derive(Debug)]
pub struct Staging {
    target: PathBuf,
    dir: PathBuf,
    written: Vec<Written>,
    committed: bool,
    /// Files were written with `put_unsynced`: `commit` syncs the whole filesystem once.
    unsynced: bool,
}

/// The file whose presence marks a folder as an earlier build's output, safe to replace.
const MARKER: &str = "SHA256SUMS";

impl Staging {
    /// Starts a build of `target`. Refuses a target that exists and is not an earlier build's
    /// output, so `--out` pointed at the wrong folder cannot delete anything.
    pub fn create(target: &Path) -> Result<Staging> {
        let name = target
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or_else(|| Error::Usage(format!("{}: the output folder needs a plain name", target.display())))?;
        if target.exists() && !replaceable(target) {
            return Err(Error::Usage(format!(
                "{}: refusing to replace a folder that is not empty and holds no {MARKER} from an earlier build",
                target.display()
            )));
        }
        let parent = parent(target);
        fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        let dir = parent.join(format!(".{name}-staging-{}", std::process::id()));
        if dir.exists() {
            fs::remove_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        }
        fs::create_dir(&dir).map_err(|e| Error::io(&dir, e))?;
        Ok(Staging { target: target.to_path_buf(), dir, written: Vec::new(), committed: false, unsynced: false })
    }

    /// Writes `bytes` to `rel` (a `/`-separated path of our own making) and syncs it.
    pub fn put(&mut self, rel: &str, bytes: &[u8]) -> Result<&Written> {
        let path = self.dir.join(rel);
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder).map_err(|e| Error::io(folder, e))?;
        }
        let write = || -> std::io::Result<()> {
            let mut file = File::create(&path)?;
            file.write_all(bytes)?;
            file.sync_all()
        };
        write().map_err(|e| Error::io(&path, e))?;
        self.written.push(Written { path: rel.to_string(), bytes: bytes.len() as u64, sha256: sha256_hex(bytes) });
        Ok(&self.written[self.written.len() - 1])
    }

    /// Writes each `(rel, bytes)` without syncing it, in parallel: for the site's hundred
    /// thousand small pages, where one `fsync` each (about 6 ms here) would take minutes.
    /// `commit` makes them durable with a single `syncfs` before the swap, so the output is
    /// still replaced whole or not at all.
    pub fn put_unsynced(&mut self, files: &[(String, Vec<u8>)]) -> Result<()> {
        let dir = &self.dir;
        let written = files
            .par_iter()
            .map(|(rel, bytes)| {
                let path = dir.join(rel);
                if let Some(folder) = path.parent() {
                    fs::create_dir_all(folder).map_err(|e| Error::io(folder, e))?;
                }
                // A fresh staging folder holds no file of that name: never write through one.
                File::create_new(&path).and_then(|mut f| f.write_all(bytes)).map_err(|e| Error::io(&path, e))?;
                Ok(Written { path: rel.clone(), bytes: bytes.len() as u64, sha256: sha256_hex(bytes) })
            })
            .collect::<Result<Vec<Written>>>()?;
        self.unsynced = true;
        self.written.extend(written);
        Ok(())
    }

    pub fn written(&self) -> &[Written] {
        &self.written
    }

    /// Moves the complete output into place, replacing the previous one.
    pub fn commit(mut self) -> Result<()> {
        let mut folders: Vec<PathBuf> =
            self.written.iter().filter_map(|w| self.dir.join(&w.path).parent().map(Path::to_path_buf)).collect();
        folders.sort();
        folders.dedup();
        if self.unsynced {
            // One call flushes every file and folder written unsynced (and the rest).
            let dir = File::open(&self.dir).map_err(|e| Error::io(&self.dir, e))?;
            rustix::fs::syncfs(&dir).map_err(|e| Error::io(&self.dir, e.into()))?;
        } else {
            for folder in folders.iter().chain([&self.dir]) {
                sync_dir(folder)?;
            }
        }
        // Named like the staging folder, so the pattern that ignores one (`/.dist-staging*`) covers both.
        let old = self.dir.with_file_name(format!("{}-old", file_name(&self.dir)));
        let had_old = self.target.exists();
        if had_old {
            fs::rename(&self.target, &old).map_err(|e| Error::io(&self.target, e))?;
        }
        if let Err(e) = fs::rename(&self.dir, &self.target) {
            if had_old {
                // Put the previous output back; if even that fails, it is still whole in `old`.
                let _ = fs::rename(&old, &self.target);
            }
            return Err(Error::io(&self.target, e));
        }
        self.committed = true;
        sync_dir(parent(&self.target))?;
        if had_old {
            fs::remove_dir_all(&old).map_err(|e| Error::io(&old, e))?;
        }
        Ok(())
    }
}

impl Drop for Staging {
    /// An uncommitted build cleans up after itself; the target was never touched.
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

fn replaceable(target: &Path) -> bool {
    target.is_dir()
        && (target.join(MARKER).is_file() || fs::read_dir(target).map(|mut d| d.next().is_none()).unwrap_or(false))
}

fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Makes a folder's entries durable (renames and new files). Only Unix can open a folder.
fn sync_dir(dir: &Path) -> Result<()> {
    if cfg!(unix) {
        File::open(dir).and_then(|f| f.sync_all()).map_err(|e| Error::io(dir, e))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(dir: &Path) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if path.is_dir() {
                out.extend(tree(&path).into_iter().map(|(p, c)| (format!("{name}/{p}"), c)));
            } else {
                out.push((name, fs::read_to_string(&path).unwrap()));
            }
        }
        out.sort();
        out
    }

    fn previous_build(parent: &Path) -> PathBuf {
        let target = parent.join("dist");
        let mut s = Staging::create(&target).unwrap();
        s.put("csv/a.csv", b"old\r\n").unwrap();
        s.put(MARKER, b"sums\n").unwrap();
        s.commit().unwrap();
        target
    }

    #[test]
    fn commit_replaces_the_previous_output_whole() {
        let tmp = tempfile::tempdir().unwrap();
        let target = previous_build(tmp.path());
        let mut s = Staging::create(&target).unwrap();
        s.put("json/b.json", b"[]\n").unwrap();
        s.put(MARKER, b"new\n").unwrap();
        s.commit().unwrap();
        assert_eq!(tree(&target), [(MARKER.to_string(), "new\n".to_string()), ("json/b.json".into(), "[]\n".into())]);
        assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1, "no staging or old folder left behind");
    }

    #[test]
    fn a_failed_build_leaves_the_previous_output_untouched() {
        let tmp = tempfile::tempdir().unwrap();
        let target = previous_build(tmp.path());
        let before = tree(&target);
        {
            let mut s = Staging::create(&target).unwrap();
            s.put("csv/a.csv", b"half-written").unwrap();
            // `csv/a.csv` is a file, so it cannot be a folder: the build fails here.
            assert!(s.put("csv/a.csv/b.csv", b"x").is_err());
        }
        assert_eq!(tree(&target), before);
        assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1, "the staging folder is removed");
    }

    #[test]
    fn refuses_to_replace_a_folder_it_did_not_write() {
        let tmp = tempfile::tempdir().unwrap();
        fs::write(tmp.path().join("notes.txt"), "mine").unwrap();
        let err = Staging::create(tmp.path()).unwrap_err();
        assert!(err.to_string().contains("refusing to replace"), "{err}");
        assert_eq!(fs::read_to_string(tmp.path().join("notes.txt")).unwrap(), "mine");
    }
}
