//! The site's hundred thousand small files: written from many threads into folders opened
//! once, each file one `openat` + `write` + `close`, unsynced (`Staging::commit` makes them
//! durable with one `syncfs`, as one `fsync` each, about 6 ms here, would take minutes).
//!
//! Before, each page cost a path join, a `create_dir_all` of its folder, a full path walk to
//! open it, and a copy held until its whole batch was rendered.

use std::path::PathBuf;

use super::staging::Written;
use crate::error::{Error, Result};
use crate::fsio::{self, Folder};

/// One folder of the output, open for new files.
pub struct Pages {
    folder: Folder,
    /// The folder's path, for messages.
    path: PathBuf,
    /// The folder relative to the output, `/`-separated, empty for the output itself.
    rel: String,
}

impl Pages {
    /// Opens `root/rel`, creating it (and the folders above it) if need be, refusing a link
    /// anywhere on the way.
    pub(super) fn open(root: &std::path::Path, rel: &str) -> Result<Pages> {
        let path = fsio::real_dir(root, rel).map_err(|e| Error::io(root.join(rel), e))?;
        let folder = Folder::open(&path).map_err(|e| Error::io(&path, e))?;
        Ok(Pages { folder, path, rel: rel.trim_matches('/').to_string() })
    }

    /// Writes what is written so far to disk (`syncfs`), waiting for it: run beside the
    /// writers, it overlaps their work with the disk's, and leaves `commit`'s `syncfs` little
    /// to do. Its error is the build's: once reported here, the kernel would not report it
    /// again to `commit`.
    pub fn write_back(&self) -> Result<()> {
        self.folder.sync_fs().map_err(|e| Error::io(&self.path, e))
    }

    /// Writes the new file `name` (a plain name) of this folder, never over another file.
    pub fn write(&self, name: &str, bytes: &[u8]) -> Result<Written> {
        let write = || -> std::io::Result<()> {
            let file = self.folder.create(name, bytes)?;
            // Where there is no `syncfs`, each file is synced as `Staging::put` does.
            if !cfg!(target_os = "linux") {
                file.sync_all()?;
            }
            Ok(())
        };
        write().map_err(|e| Error::io(self.path.join(name), e))?;
        let path = if self.rel.is_empty() { name.to_string() } else { format!("{}/{name}", self.rel) };
        Ok(Written::of(path, bytes))
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn writes_new_files_only_and_never_through_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let pages = Pages::open(dir.path(), "site/events").unwrap();
        let w = pages.write("evt-1.html", b"<p>one</p>").unwrap();
        assert_eq!(w.path, "site/events/evt-1.html");
        assert_eq!(w.bytes, 10);
        assert_eq!(std::fs::read(dir.path().join("site/events/evt-1.html")).unwrap(), b"<p>one</p>");
        // Never over a file, never through a link, never outside the folder.
        assert!(pages.write("evt-1.html", b"again").is_err());
        assert_eq!(std::fs::read(dir.path().join("site/events/evt-1.html")).unwrap(), b"<p>one</p>");
        let outside = dir.path().join("outside");
        std::fs::write(&outside, "keep").unwrap();
        std::os::unix::fs::symlink(&outside, dir.path().join("site/events/evt-2.html")).unwrap();
        assert!(pages.write("evt-2.html", b"x").is_err());
        for name in ["../evt-3.html", "..", ".", ""] {
            assert!(pages.write(name, b"x").is_err(), "{name:?}");
        }
        assert_eq!(std::fs::read_to_string(&outside).unwrap(), "keep");
        assert!(!dir.path().join("site/evt-3.html").exists());
        // The output's own folder: paths without a prefix.
        assert_eq!(Pages::open(dir.path(), "").unwrap().write("index.html", b"").unwrap().path, "index.html");
    }

    #[test]
    fn refuses_a_folder_that_is_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("site")).unwrap();
        std::os::unix::fs::symlink(elsewhere.path(), dir.path().join("site/events")).unwrap();
        assert!(Pages::open(dir.path(), "site/events").is_err());
    }
}
