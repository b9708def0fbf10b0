//! Atomic publishing: every file goes into a staging folder beside the target (same parent, so
//! the same file system), is synced, and replaces the target only once complete.
//!
//! The staging folder `.<name>-staging-<pid>-<nanos>-<n>/` holds `lock` (locked with `flock`
//! while its build runs) and `new/`, the output being written. The swap is one
//! `renameat2(RENAME_EXCHANGE)` of `new/` and the target where the system has it, so the target
//! is always the old output or the new one; elsewhere it is two renames (target to `old/`, then
//! `new/` to target). A killed build leaves its staging folder; the next build removes every one
//! that is provably ours (its `lock` says so) and stale (nobody holds the lock: the process is
//! dead, even if a container gave the next run the same pid), and first puts `old/` back if a
//! kill between the two renames left no target. The names are unique, so a leftover never
//! blocks a build.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::checksums::sha256_hex;
use super::target::{self, MARKER, MARKER_TEXT};
use crate::error::{Error, Result};
use crate::fsio::Entry;

/// A file written to the staging folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// Relative to the output folder, with `/` separators.
    pub path: String,
    pub bytes: u64,
    pub sha256: String,
}

impl Written {
    /// The entry for `bytes` written at `path`: its size and SHA-256.
    pub fn of(path: String, bytes: &[u8]) -> Written {
        Written { path, bytes: bytes.len() as u64, sha256: sha256_hex(bytes) }
    }
}

/// The first line of a staging folder's `lock`: what makes a leftover provably ours.
const LOCK_TEXT: &str = "isca build staging folder; removed by the next build once stale\n";

/// An output folder being written.
#[derive(Debug)]
pub struct Staging {
    target: PathBuf,
    /// The staging folder: `lock` and `new/` (and `old/` during a two-rename swap).
    home: PathBuf,
    /// `home/new`, the output being written.
    dir: PathBuf,
    /// Held open, and so locked, for as long as the build runs; never read.
    _lock: Option<File>,
    written: Vec<Written>,
    committed: bool,
    /// Files were written through `pages`: `commit` syncs the whole file system once.
    unsynced: bool,
    #[cfg(test)]
    pub(crate) test: TestHooks,
}

/// Where a test stops a build as a kill would (no clean-up), and whether it forbids the
/// one-rename swap to exercise the two-rename path.
#[cfg(test)]
#[derive(Debug, Default)]
pub(crate) struct TestHooks {
    pub kill_at: Option<Step>,
    pub no_exchange: bool,
}

/// The points between renames where a kill leaves the file system in a distinct state (tests
/// stop a build at each).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    /// Staging complete and synced, nothing renamed.
    BeforeSwap,
    /// Two-rename swap: the old output moved aside, the target missing.
    Aside,
    /// The new output in place, the old one (or the staging folder) not yet removed.
    Swapped,
}

impl Staging {
    /// Starts a build of `target`. Refuses a target that a build must not replace (see
    /// `target`), and first removes what killed builds left beside it.
    pub fn create(target: &Path) -> Result<Staging> {
        let name = target
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or_else(|| Error::Usage(format!("{}: the output folder needs a plain name", target.display())))?;
        let parent = parent(target);
        fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        recover(parent, name, target)?;
        target::check_replaceable(target)?;
        let (home, lock) = unique_home(parent, name)?;
        let dir = home.join("new");
        let mut staging = Staging {
            target: target.to_path_buf(),
            home,
            dir,
            _lock: Some(lock),
            written: Vec::new(),
            committed: false,
            unsynced: false,
            #[cfg(test)]
            test: TestHooks::default(),
        };
        fs::create_dir(&staging.dir).map_err(|e| Error::io(&staging.dir, e))?;
        staging.put(MARKER, MARKER_TEXT.as_bytes())?;
        Ok(staging)
    }

    /// Writes `bytes` to `rel` (a `/`-separated path of our own making) and syncs it.
    pub fn put(&mut self, rel: &str, bytes: &[u8]) -> Result<&Written> {
        let path = self.dir.join(rel);
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder).map_err(|e| Error::io(folder, e))?;
        }
        let write = || -> std::io::Result<()> {
            let mut file = File::create_new(&path)?;
            file.write_all(bytes)?;
            file.sync_all()
        };
        write().map_err(|e| Error::io(&path, e))?;
        self.written.push(Written::of(rel.to_string(), bytes));
        Ok(&self.written[self.written.len() - 1])
    }

    /// Opens the folder `rel` of the output (created if need be) for files written from many
    /// threads, unsynced (see `pages`); hand what was written to `add`. `commit` makes them
    /// durable with a single `syncfs` before the swap, so the output is still replaced whole or
    /// not at all.
    pub fn pages(&mut self, rel: &str) -> Result<super::pages::Pages> {
        self.unsynced = cfg!(target_os = "linux");
        super::pages::Pages::open(&self.dir, rel)
    }

    /// Lists files written through `pages`, in the order given.
    pub fn add(&mut self, written: Vec<Written>) {
        self.written.extend(written);
    }

    /// Streams each job's file (see `stream`), in parallel, each synced; `written` lists them
    /// in job order.
    pub fn stream(&mut self, jobs: Vec<super::stream::Job<'_>>) -> Result<&[Written]> {
        let start = self.written.len();
        let written = super::stream::write_all(&self.dir, jobs)?;
        self.written.extend(written);
        Ok(&self.written[start..])
    }

    pub fn written(&self) -> &[Written] {
        &self.written
    }

    /// Moves the complete output into place, replacing the previous one.
    pub fn commit(mut self) -> Result<()> {
        if self.unsynced {
            sync_fs(&self.dir)?;
        } else {
            let mut folders: Vec<PathBuf> =
                self.written.iter().filter_map(|w| self.dir.join(&w.path).parent().map(Path::to_path_buf)).collect();
            // Many files share a folder: sync each folder once.
            folders.sort();
            folders.dedup();
            for folder in folders.iter().chain([&self.dir, &self.home]) {
                sync_dir(folder)?;
            }
        }
        self.killed_at(Step::BeforeSwap)?;
        // Checked again: the folder may have changed while the build ran.
        target::check_replaceable(&self.target)?;
        if Entry::at(&self.target).map_err(|e| Error::io(&self.target, e))?.is_none() {
            fs::rename(&self.dir, &self.target).map_err(|e| Error::io(&self.target, e))?;
        } else if !self.exchange()? {
            let old = self.home.join("old");
            fs::rename(&self.target, &old).map_err(|e| Error::io(&self.target, e))?;
            sync_dir(parent(&self.target))?;
            self.killed_at(Step::Aside)?;
            if let Err(e) = fs::rename(&self.dir, &self.target) {
                // Put the previous output back; if even that fails, the next build does.
                let _ = fs::rename(&old, &self.target);
                return Err(Error::io(&self.target, e));
            }
        }
        sync_dir(parent(&self.target))?;
        self.killed_at(Step::Swapped)?;
        self.committed = true;
        // The staging folder now holds the previous output, or nothing.
        remove_home(&self.home)?;
        Ok(())
    }

    /// Swaps the new output and the target in one step; `false` if the system cannot.
    fn exchange(&self) -> Result<bool> {
        #[cfg(test)]
        if self.test.no_exchange {
            return Ok(false);
        }
        exchange(&self.dir, &self.target).map_err(|e| Error::io(&self.target, e))
    }

    /// In tests, stops here as a kill would: no clean-up, the lock released.
    #[cfg(test)]
    fn killed_at(&mut self, step: Step) -> Result<()> {
        if self.test.kill_at == Some(step) {
            self.committed = true;
            self._lock = None;
            return Err(Error::Usage(format!("killed at {step:?}")));
        }
        Ok(())
    }

    #[cfg(not(test))]
    fn killed_at(&mut self, _: Step) -> Result<()> {
        Ok(())
    }
}

impl Drop for Staging {
    /// An uncommitted build cleans up after itself; the target was never touched.
    fn drop(&mut self) {
        if !self.committed {
            let _ = remove_home(&self.home);
        }
    }
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<bool> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    use rustix::io::Errno;
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        // Old kernels and some file systems (network, FUSE) do not exchange.
        Err(Errno::INVAL | Errno::NOSYS | Errno::OPNOTSUPP) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<bool> {
    Ok(false)
}

/// Creates a fresh staging folder beside the target, with its `lock` written and locked.
fn unique_home(parent: &Path, name: &str) -> Result<(PathBuf, File)> {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let home = parent.join(format!(".{name}-staging-{}-{nanos}-{n}", std::process::id()));
        match fs::create_dir(&home) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(Error::io(&home, e)),
        }
        let path = home.join("lock");
        let make = || -> std::io::Result<File> {
            let mut file = File::create_new(&path)?;
            file.write_all(LOCK_TEXT.as_bytes())?;
            lock(&file, true)?;
            Ok(file)
        };
        return make().map(|f| (home, f)).map_err(|e| Error::io(&path, e));
    }
}

/// Removes the staging folders of dead builds of `name`, after putting back an output that a
/// kill between the two renames left aside. A folder is touched only if it is a real folder
/// named like ours, its `lock` is a regular file starting with our text, and nobody holds it.
fn recover(parent: &Path, name: &str, target: &Path) -> Result<()> {
    let prefix = format!(".{name}-staging-");
    let Ok(entries) = fs::read_dir(parent) else { return Ok(()) };
    for entry in entries.flatten() {
        let home = entry.path();
        let ours = entry.file_name().to_str().is_some_and(|n| n.starts_with(&prefix))
            && entry.file_type().is_ok_and(|t| t.is_dir());
        if !ours || !(stale(&home.join("lock")) || unborn(&home, &prefix)) {
            continue;
        }
        let old = home.join("old");
        if Entry::at(target).ok().flatten().is_none() && Entry::at(&old).ok().flatten() == Some(Entry::Dir) {
            fs::rename(&old, target).map_err(|e| Error::io(target, e))?;
        }
        remove_home(&home)?;
    }
    Ok(())
}

/// Removes a dead build's staging folder with its `lock` last: a build killed while doing it
/// leaves a folder the next one still knows for ours (or an empty one, see `unborn`).
fn remove_home(home: &Path) -> Result<()> {
    let io = |e| Error::io(home, e);
    for entry in fs::read_dir(home).map_err(io)?.flatten() {
        if entry.file_name() != "lock" {
            let path = entry.path();
            match entry.file_type() {
                Ok(t) if t.is_dir() => fs::remove_dir_all(&path),
                _ => fs::remove_file(&path),
            }
            .map_err(|e| Error::io(&path, e))?;
        }
    }
    match fs::remove_file(home.join("lock")) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(io(e)),
    }
    fs::remove_dir(home).map_err(io)
}

/// Whether `home` is a staging folder whose build was killed while making it: it holds at most
/// a `lock` with part of our text (so it was never locked), and the process named in it is
/// gone, or is this one, which has not made its own yet. Nothing in it can be anyone's data.
fn unborn(home: &Path, prefix: &str) -> bool {
    let Ok(entries) = fs::read_dir(home) else { return false };
    let mut only_lock = true;
    for entry in entries.flatten() {
        let lock_file = entry.file_name() == "lock" && entry.file_type().is_ok_and(|t| t.is_file());
        only_lock &= lock_file
            && crate::fsio::read_regular(&entry.path(), LOCK_TEXT.len() as u64)
                .is_ok_and(|b| b.len() < LOCK_TEXT.len() && LOCK_TEXT.as_bytes().starts_with(&b));
    }
    let name = home.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let pid = name.strip_prefix(prefix).and_then(|rest| rest.split('-').next()).and_then(|p| p.parse::<u32>().ok());
    only_lock && pid.is_some_and(|pid| pid == std::process::id() || !process_alive(pid))
}

/// Whether a process with this id is running (on Linux, by `/proc`; elsewhere it is assumed
/// to be, so that nothing is removed on a guess).
fn process_alive(pid: u32) -> bool {
    !cfg!(target_os = "linux") || Path::new("/proc").join(pid.to_string()).exists()
}

/// Whether `lock` is ours and held by nobody (its build is dead).
fn stale(lock_path: &Path) -> bool {
    let Ok(mut file) = crate::fsio::open_regular(lock_path) else { return false };
    let mut head = vec![0; LOCK_TEXT.len()];
    let ours = std::io::Read::read_exact(&mut file, &mut head).is_ok() && head == LOCK_TEXT.as_bytes();
    ours && lock(&file, false).is_ok()
}

/// Takes an exclusive lock without waiting; the lock dies with the process.
#[cfg(unix)]
fn lock(file: &File, _for_life: bool) -> std::io::Result<()> {
    rustix::fs::flock(file, rustix::fs::FlockOperation::NonBlockingLockExclusive).map_err(Into::into)
}

#[cfg(not(unix))]
fn lock(_: &File, for_life: bool) -> std::io::Result<()> {
    // Without flock a leftover cannot be proved dead: never clean one up.
    if for_life { Ok(()) } else { Err(std::io::ErrorKind::Unsupported.into()) }
}

fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Makes a folder's entries durable (renames and new files). Only Unix can open a folder.
/// Flushes the whole file system holding `dir`: every file and folder written unsynced.
#[cfg(target_os = "linux")]
fn sync_fs(dir: &Path) -> Result<()> {
    let folder = File::open(dir).map_err(|e| Error::io(dir, e))?;
    rustix::fs::syncfs(&folder).map_err(|e| Error::io(dir, e.into()))
}

/// Never called: `pages` syncs each file where there is no `syncfs`.
#[cfg(not(target_os = "linux"))]
fn sync_fs(_: &Path) -> Result<()> {
    Ok(())
}

fn sync_dir(dir: &Path) -> Result<()> {
    if cfg!(unix) {
        File::open(dir).and_then(|f| f.sync_all()).map_err(|e| Error::io(dir, e))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::checksums;

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

    fn names(dir: &Path) -> Vec<String> {
        let mut n: Vec<String> =
            fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into()).collect();
        n.sort();
        n
    }

    /// A build of `files` into `target`, not yet committed.
    fn build(target: &Path, files: &[(&str, &str)]) -> Staging {
        let mut s = Staging::create(target).unwrap();
        for (path, text) in files {
            s.put(path, text.as_bytes()).unwrap();
        }
        let sums = checksums::sums(s.written());
        s.put("SHA256SUMS", sums.as_bytes()).unwrap();
        s
    }

    fn previous_build(parent: &Path) -> PathBuf {
        let target = parent.join("dist");
        build(&target, &[("csv/a.csv", "old\r\n")]).commit().unwrap();
        target
    }

    #[test]
    fn commit_replaces_the_previous_output_whole() {
        for no_exchange in [false, true] {
            let tmp = tempfile::tempdir().unwrap();
            let target = previous_build(tmp.path());
            let mut s = build(&target, &[("json/b.json", "[]\n")]);
            s.test.no_exchange = no_exchange;
            s.commit().unwrap();
            let got: Vec<String> = tree(&target).into_iter().map(|(p, _)| p).collect();
            assert_eq!(got, [MARKER, "SHA256SUMS", "json/b.json"], "no_exchange {no_exchange}");
            assert_eq!(names(tmp.path()), ["dist"], "no staging or old folder left behind");
        }
    }

    /// A build killed between making its staging folder and writing its lock leaves a folder
    /// with no lock or part of one: removed when its process is gone (or is this one), kept
    /// while it may still be a live build's first instant, and never when it holds anything.
    #[test]
    fn a_staging_folder_killed_before_its_lock_is_removed_once_its_process_is_gone() {
        let tmp = tempfile::tempdir().unwrap();
        let target = previous_build(tmp.path());
        let dead = tmp.path().join(format!(".dist-staging-{}-1-0", u32::MAX - 1));
        let mine = tmp.path().join(format!(".dist-staging-{}-1-0", std::process::id()));
        let alive = tmp.path().join(".dist-staging-1-1-0"); // pid 1 runs as long as the system
        let full = tmp.path().join(format!(".dist-staging-{}-2-0", u32::MAX - 1));
        for dir in [&dead, &mine, &alive, &full] {
            fs::create_dir(dir).unwrap();
        }
        fs::write(mine.join("lock"), &LOCK_TEXT.as_bytes()[..10]).unwrap();
        fs::write(full.join("thesis.txt"), "not ours").unwrap();
        let big = tmp.path().join(format!(".dist-staging-{}-3-0", u32::MAX - 1));
        fs::create_dir(&big).unwrap();
        fs::write(big.join("lock"), vec![b'x'; 1 << 20]).unwrap(); // read no further than our text
        drop(Staging::create(&target).unwrap());
        let left = names(tmp.path());
        assert!(!left.contains(&file_name(&dead)) && !left.contains(&file_name(&mine)), "{left:?}");
        assert!(left.contains(&file_name(&alive)) && left.contains(&file_name(&full)), "{left:?}");
        assert!(left.contains(&file_name(&big)), "{left:?}");
    }

    fn file_name(p: &Path) -> String {
        p.file_name().unwrap().to_string_lossy().into_owned()
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
        assert_eq!(names(tmp.path()), ["dist"], "the staging folder is removed");
    }

    #[test]
    fn refuses_to_replace_a_folder_it_did_not_write() {
        let tmp = tempfile::tempdir().unwrap();
        fs::write(tmp.path().join("notes.txt"), "mine").unwrap();
        let err = Staging::create(tmp.path()).unwrap_err();
        assert!(err.to_string().contains("refusing to replace"), "{err}");
        assert_eq!(fs::read_to_string(tmp.path().join("notes.txt")).unwrap(), "mine");
    }

    /// A kill at every point between renames, with and without the one-step exchange: the
    /// target right after is the old output or the new one (or, only between the two renames
    /// of the fallback, missing with the old output aside), and the next build restores it,
    /// removes the leftovers and publishes.
    #[test]
    fn a_kill_between_any_two_renames_is_recovered_by_the_next_build() {
        for no_exchange in [false, true] {
            for step in [Step::BeforeSwap, Step::Aside, Step::Swapped] {
                let case = format!("{step:?}, no_exchange {no_exchange}");
                let tmp = tempfile::tempdir().unwrap();
                let target = previous_build(tmp.path());
                let old = tree(&target);
                let mut s = build(&target, &[("csv/a.csv", "new\r\n")]);
                s.test = TestHooks { kill_at: Some(step), no_exchange };
                let new_sums = fs::read_to_string(s.dir.join("SHA256SUMS")).unwrap();
                let killed = s.commit();
                let reached = step != Step::Aside || no_exchange;
                assert_eq!(killed.is_err(), reached, "{case}");
                match (step, reached) {
                    (Step::Aside, true) => assert!(!target.exists(), "{case}"),
                    (Step::Swapped, _) | (Step::Aside, false) => {
                        assert_eq!(tree(&target).iter().find(|f| f.0 == "SHA256SUMS").unwrap().1, new_sums)
                    }
                    _ => assert_eq!(tree(&target), old, "{case}"),
                }
                let after = tree(&target_after_next_build(&target));
                assert!(after.iter().any(|(p, c)| p == "csv/a.csv" && c == "next\r\n"), "{case}: {after:?}");
                assert_eq!(names(tmp.path()), ["dist"], "{case}: leftovers removed");
            }
        }
    }

    /// The next build: its start must find the output (restoring it if needed) and replace it.
    fn target_after_next_build(target: &Path) -> PathBuf {
        let s = build(target, &[("csv/a.csv", "next\r\n")]);
        assert!(target.is_dir(), "the start of a build restores an output left aside");
        s.commit().unwrap();
        target.to_path_buf()
    }

    #[cfg(unix)]
    #[test]
    fn only_stale_staging_folders_that_are_provably_ours_are_removed() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("dist");
        // A live build: its lock is held, so its folder stays.
        let live = build(&target, &[("a.csv", "x")]);
        // A dead build: lock text right, nobody holds it.
        let dead = tmp.path().join(".dist-staging-1-2-3");
        fs::create_dir_all(dead.join("new")).unwrap();
        fs::write(dead.join("lock"), LOCK_TEXT).unwrap();
        // Named like ours, but no lock, a foreign lock, or a link: never touched.
        let foreign = tmp.path().join(".dist-staging-notes");
        fs::create_dir(&foreign).unwrap();
        fs::write(foreign.join("thesis.txt"), "mine").unwrap();
        let other = tmp.path().join(".dist-staging-9");
        fs::create_dir(&other).unwrap();
        fs::write(other.join("lock"), "someone else's\n").unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        fs::write(elsewhere.path().join("lock"), LOCK_TEXT).unwrap();
        std::os::unix::fs::symlink(elsewhere.path(), tmp.path().join(".dist-staging-link")).unwrap();
        let next = build(&target, &[("b.csv", "y")]);
        assert!(!dead.exists(), "the dead build's folder is removed");
        assert!(live.home.join("lock").is_file(), "a live build's folder stays");
        assert_eq!(fs::read_to_string(foreign.join("thesis.txt")).unwrap(), "mine");
        assert!(other.join("lock").is_file());
        assert!(elsewhere.path().join("lock").is_file(), "a link is not followed");
        drop(next);
        drop(live);
    }

    #[test]
    fn staging_names_never_repeat() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("dist");
        let (a, b) = (Staging::create(&target).unwrap(), Staging::create(&target).unwrap());
        assert_ne!(a.home, b.home);
    }

    /// Where the system exchanges, both folders swap in one step; where it cannot, nothing moves.
    #[test]
    fn exchange_swaps_or_leaves_both() {
        let tmp = tempfile::tempdir().unwrap();
        let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
        fs::create_dir(&a).unwrap();
        fs::create_dir(&b).unwrap();
        fs::write(a.join("x"), "a").unwrap();
        let swapped = exchange(&a, &b).unwrap();
        assert_eq!(b.join("x").exists(), swapped);
        assert_eq!(a.join("x").exists(), !swapped);
    }
}
