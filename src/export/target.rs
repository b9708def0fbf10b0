//! Which folder a build may replace. A build deletes its previous output, so `--out` pointed at
//! the wrong folder must never delete anything else: the folder must be empty, or carry isca's
//! own marker and hold nothing but the files its `SHA256SUMS` lists; and it is never the root,
//! an ancestor of the root, the home folder or one of its ancestors, nor inside `dataset/` or
//! `schema/`, whatever it holds.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::fsio::{self, Entry};

/// The file every build writes first, listed in `SHA256SUMS` like the others.
pub const MARKER: &str = ".isca-build";

/// The marker's text: for someone who finds the folder and wonders.
pub const MARKER_TEXT: &str = "This folder is the output of `isca build`; the next build replaces it whole.\n\
     A build refuses to replace it if it holds a file that SHA256SUMS does not list.\n";

const SUMS: &str = "SHA256SUMS";

/// Refuses an output folder that is, or holds, something a build must never replace.
pub fn refuse_protected(root: &Path, out: &Path) -> Result<()> {
    let refuse =
        |why: &str| Err(Error::Unsafe { path: out.to_path_buf(), reason: format!("refusing to publish here: {why}") });
    let root = fs::canonicalize(root).map_err(|e| Error::io(root, e))?;
    let out_c = resolve(out).map_err(|e| Error::io(out, e))?;
    if root.starts_with(&out_c) {
        return refuse("it is the dataset root or a folder that holds it; use `dist` or another new folder");
    }
    for inside in ["dataset", "schema"] {
        if out_c.starts_with(root.join(inside)) {
            return refuse(&format!("it is inside `{inside}/`, which holds the data"));
        }
    }
    if let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty()) {
        let home = resolve(Path::new(&home)).unwrap_or_else(|_| PathBuf::from(home));
        if home.starts_with(&out_c) {
            return refuse("it is the home folder or a folder that holds it");
        }
    }
    Ok(())
}

/// `path` made absolute with links resolved in the part that exists, so `out/../x`, a
/// relative path and a linked parent compare as the folder they name.
fn resolve(path: &Path) -> std::io::Result<PathBuf> {
    let mut rest = Vec::new();
    let mut existing = if path.as_os_str().is_empty() { Path::new(".") } else { path };
    loop {
        match fs::canonicalize(existing) {
            Ok(mut base) => {
                for part in rest.iter().rev() {
                    base.push(part);
                }
                return Ok(base);
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let (Some(parent), Some(name)) = (existing.parent(), existing.file_name()) else { return Err(e) };
                rest.push(name.to_os_string());
                existing = if parent.as_os_str().is_empty() { Path::new(".") } else { parent };
            }
            Err(e) => return Err(e),
        }
    }
}

/// Whether a build may replace `target`: missing, an empty folder, or an earlier build's
/// output (its marker, and no file that its `SHA256SUMS` does not list, no link, no FIFO).
pub fn check_replaceable(target: &Path) -> Result<()> {
    let refuse = |why: String| {
        Err(Error::Unsafe { path: target.to_path_buf(), reason: format!("refusing to replace it: {why}") })
    };
    match Entry::at(target).map_err(|e| Error::io(target, e))? {
        None => return Ok(()),
        Some(Entry::Dir) => {}
        Some(Entry::Symlink) => return refuse("it is a symbolic link, and a build never writes through one".into()),
        Some(_) => return refuse("it is not a folder".into()),
    }
    let mut files = Vec::new();
    if let Err(why) = list(target, "", &mut files) {
        return refuse(why);
    }
    if files.is_empty() {
        return Ok(());
    }
    let sums = match fsio::read_regular(&target.join(SUMS), fsio::MAX_RECORD_BYTES) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(_) => return refuse(format!("it is not empty and holds no {SUMS} from an earlier build")),
    };
    let listed: BTreeSet<&str> = sums.lines().filter_map(|l| l.split_once("  ").map(|(_, p)| p)).collect();
    // Builds before the marker existed are recognised by the layout they always wrote.
    let ours =
        files.iter().any(|f| f == MARKER) || ["datapackage.json", "CODEBOOK.md"].iter().all(|f| listed.contains(f));
    if !ours {
        return refuse(format!("it holds no {MARKER} marker: it is not the output of an earlier build"));
    }
    if let Some(stray) = files.iter().find(|f| *f != SUMS && !listed.contains(f.as_str())) {
        return refuse(format!("`{stray}` is not listed in its {SUMS}, so a build did not write it"));
    }
    Ok(())
}

/// Every file under `dir`, relative, with `/`; a link or special file is an error.
fn list(dir: &Path, prefix: &str, out: &mut Vec<String>) -> std::result::Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| e.to_string())?;
        let rel = format!("{prefix}{}", entry.file_name().to_string_lossy());
        match Entry::of(entry.file_type().map_err(|e| e.to_string())?) {
            Entry::File => out.push(rel),
            Entry::Dir => list(&entry.path(), &format!("{rel}/"), out)?,
            Entry::Symlink => return Err(format!("`{rel}` is a symbolic link, which a build never writes")),
            Entry::Special(kind) => return Err(format!("`{rel}` is a {kind}, which a build never writes")),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn protected_folders_are_refused_whatever_they_hold() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("repo");
        fs::create_dir_all(root.join("dataset")).unwrap();
        for out in
            [root.clone(), tmp.path().to_path_buf(), root.join("dataset/x"), root.join("schema"), root.join("a/..")]
        {
            assert!(refuse_protected(&root, &out).is_err(), "{}", out.display());
        }
        for out in [root.join("dist"), root.join("a/b/c"), tmp.path().join("elsewhere")] {
            assert!(refuse_protected(&root, &out).is_ok(), "{}", out.display());
        }
    }

    #[test]
    fn only_an_earlier_builds_output_is_replaceable() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("dist");
        assert!(check_replaceable(&out).is_ok(), "missing");
        fs::create_dir(&out).unwrap();
        assert!(check_replaceable(&out).is_ok(), "empty");
        fs::write(out.join(SUMS), "00  x.iso\n").unwrap();
        assert!(check_replaceable(&out).unwrap_err().to_string().contains("marker"));
        fs::write(out.join(MARKER), MARKER_TEXT).unwrap();
        fs::write(out.join(SUMS), "00  .isca-build\n00  csv/a.csv\n").unwrap();
        fs::create_dir(out.join("csv")).unwrap();
        fs::write(out.join("csv/a.csv"), "a").unwrap();
        assert!(check_replaceable(&out).is_ok(), "ours");
        fs::write(out.join("csv/notes.txt"), "mine").unwrap();
        assert!(check_replaceable(&out).unwrap_err().to_string().contains("csv/notes.txt"));
    }
}
