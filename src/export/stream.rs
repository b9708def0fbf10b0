//! Files streamed into the staging folder: each written through a buffer and hashed as it is
//! written, several at once, so no output sits whole in memory and their fsyncs overlap.
//!
//! Before, every file was rendered into one growing `Vec<u8>` and then written: at 100k events
//! `events.json` alone held 88 MB twice over while its buffer doubled, and the 76 fsyncs ran
//! one after the other.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::Path;

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use super::staging::Written;
use crate::error::{Error, Result};

/// Buffer of each streamed file: large enough that writes are few, small enough for many
/// files in flight.
const BUFFER: usize = 256 << 10;

/// A writer that counts and hashes what passes through it to `inner`.
pub struct Hashing<W> {
    inner: W,
    hash: Sha256,
    bytes: u64,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hash.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl<W> Hashing<W> {
    fn new(inner: W) -> Self {
        Hashing { inner, hash: Sha256::new(), bytes: 0 }
    }

    /// The writer back, with the bytes written and their SHA-256 in hex.
    fn finish(self) -> (W, u64, String) {
        (self.inner, self.bytes, crate::catalog::hex(&self.hash.finalize()))
    }
}

/// The writer a job fills: a buffered file, counted and hashed.
pub type Sink = Hashing<BufWriter<File>>;

/// What fills one file. `Err` stops the build; the staging folder is then discarded.
pub enum Fill<'a> {
    /// Writes the bytes through a `Sink`.
    Stream(Box<StreamFill<'a>>),
    /// Creates the file at the path itself (SQLite writes its own file); it is hashed after.
    File(Box<FileFill<'a>>),
}

pub type StreamFill<'a> = dyn FnOnce(&mut Sink) -> Result<()> + Send + 'a;
pub type FileFill<'a> = dyn FnOnce(&Path) -> Result<()> + Send + 'a;

/// One file to write: its path in the output (`/`-separated, of our own making), and its filler.
pub struct Job<'a> {
    pub path: String,
    pub fill: Fill<'a>,
    /// Started before the others (see `Job::first`).
    first: bool,
}

impl<'a> Job<'a> {
    pub fn new(path: String, fill: impl FnOnce(&mut Sink) -> Result<()> + Send + 'a) -> Self {
        Job { path, fill: Fill::Stream(Box::new(fill)), first: false }
    }

    /// A file its filler creates at the path it is given, which must not exist before.
    pub fn file(path: String, fill: impl FnOnce(&Path) -> Result<()> + Send + 'a) -> Self {
        Job { path, fill: Fill::File(Box::new(fill)), first: false }
    }

    /// Starts this job before the others. For the one job far longer than the rest (SQLite,
    /// one thread): started last, it ran alone on one core for the last third of a build.
    pub fn first(self) -> Self {
        Job { first: true, ..self }
    }
}

/// Writes every job's file under `dir`, in parallel, each synced before it counts as written.
/// The result keeps the order of `jobs`, whatever order they start and finish in; so does the
/// error: every job runs to its end, and the first failure in job order is the one reported,
/// not whichever came first (a full disk fails several files, and the message must not
/// depend on timing).
pub fn write_all(dir: &Path, jobs: Vec<Job<'_>>) -> Result<Vec<Written>> {
    let mut jobs: Vec<(usize, Job)> = jobs.into_iter().enumerate().collect();
    // Rayon's calling thread takes the front of the list, the others steal from the back: a
    // job at the front starts at once.
    jobs.sort_by_key(|(_, job)| !job.first);
    let mut results: Vec<(usize, Result<Written>)> =
        jobs.into_par_iter().map(|(i, job)| (i, write_one(dir, job))).collect();
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, result)| result).collect()
}

fn write_one(dir: &Path, job: Job<'_>) -> Result<Written> {
    let path = dir.join(&job.path);
    if let Some(folder) = path.parent() {
        fs::create_dir_all(folder).map_err(|e| Error::io(folder, e))?;
    }
    let fill = match job.fill {
        Fill::Stream(fill) => fill,
        Fill::File(fill) => {
            if fs::symlink_metadata(&path).is_ok() {
                let e = io::Error::new(io::ErrorKind::AlreadyExists, "the staging folder already holds it");
                return Err(Error::io(&path, e));
            }
            fill(&path)?;
            return hash_file(&path, job.path);
        }
    };
    // A fresh staging folder holds no file of that name: never write through one.
    let file = File::create_new(&path).map_err(|e| Error::io(&path, e))?;
    let mut sink = Hashing::new(BufWriter::with_capacity(BUFFER, file));
    fill(&mut sink)?;
    let (file, bytes, sha256) = sink.finish();
    let file = file.into_inner().map_err(|e| Error::io(&path, e.into_error()))?;
    file.sync_all().map_err(|e| Error::io(&path, e))?;
    Ok(Written { path: job.path, bytes, sha256 })
}

/// The `Written` of a file another writer made: read back (never through a link), hashed, synced.
fn hash_file(path: &Path, rel: String) -> Result<Written> {
    let io = |e| Error::io(path, e);
    let mut file = crate::fsio::open_regular(path).map_err(io)?;
    let mut hash = Hashing::new(io::sink());
    io::copy(&mut file, &mut hash).map_err(io)?;
    file.sync_all().map_err(io)?;
    let (_, bytes, sha256) = hash.finish();
    Ok(Written { path: rel, bytes, sha256 })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::checksums::sha256_hex;

    #[test]
    fn files_are_written_whole_counted_and_hashed_in_job_order() {
        let dir = tempfile::tempdir().unwrap();
        let big: Vec<u8> = (0..3 * BUFFER).map(|i| (i % 251) as u8).collect();
        let jobs = vec![
            Job::new("a/big.bin".into(), |s: &mut Sink| s.write_all(&big).map_err(|e| Error::io("big", e))),
            Job::new("b.txt".into(), |s: &mut Sink| s.write_all(b"hello\n").map_err(|e| Error::io("b", e))),
            Job::new("empty".into(), |_: &mut Sink| Ok(())),
            Job::file("own/made.db".into(), |p: &Path| fs::write(p, b"made by another").map_err(|e| Error::io(p, e))),
        ];
        let written = write_all(dir.path(), jobs).unwrap();
        let paths: Vec<&str> = written.iter().map(|w| w.path.as_str()).collect();
        assert_eq!(paths, ["a/big.bin", "b.txt", "empty", "own/made.db"]);
        for (w, bytes) in written.iter().zip([&big[..], b"hello\n", b"", b"made by another"]) {
            assert_eq!(fs::read(dir.path().join(&w.path)).unwrap(), bytes);
            assert_eq!(w.bytes, bytes.len() as u64);
            assert_eq!(w.sha256, sha256_hex(bytes));
        }
    }

    #[test]
    fn the_job_marked_first_starts_first_and_is_listed_where_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let started = std::sync::Mutex::new(Vec::new());
        let job = |name: &'static str| {
            let started = &started;
            Job::new(name.into(), move |_: &mut Sink| {
                started.lock().unwrap().push(name);
                Ok(())
            })
        };
        let jobs = vec![job("a"), job("b"), job("long").first(), job("c")];
        // One thread: the order jobs start in is the order they are taken.
        let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
        let written = pool.install(|| write_all(dir.path(), jobs)).unwrap();
        assert_eq!(started.into_inner().unwrap(), ["long", "a", "b", "c"]);
        let paths: Vec<&str> = written.iter().map(|w| w.path.as_str()).collect();
        assert_eq!(paths, ["a", "b", "long", "c"]);
    }

    #[test]
    fn the_error_reported_is_the_first_in_job_order_not_the_first_to_happen() {
        let dir = tempfile::tempdir().unwrap();
        let fail = |name: &'static str| Job::new(name.into(), move |_: &mut Sink| Err(Error::Usage(name.into())));
        let jobs = vec![Job::new("ok".into(), |_: &mut Sink| Ok(())), fail("b"), fail("c").first()];
        // One thread: `c`, marked first, fails before `b` starts.
        let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
        let error = pool.install(|| write_all(dir.path(), jobs)).unwrap_err();
        assert_eq!(error.to_string(), Error::Usage("b".into()).to_string());
    }

    #[test]
    fn a_failing_job_fails_the_whole_write_and_an_existing_file_is_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let fail = vec![Job::new("x".into(), |_: &mut Sink| Err(Error::Usage("no".into())))];
        assert!(write_all(dir.path(), fail).is_err());
        fs::write(dir.path().join("taken"), b"theirs").unwrap();
        let again = vec![Job::new("taken".into(), |s: &mut Sink| s.write_all(b"ours").map_err(|e| Error::io("t", e)))];
        assert!(write_all(dir.path(), again).is_err());
        assert_eq!(fs::read(dir.path().join("taken")).unwrap(), b"theirs");
    }
}
