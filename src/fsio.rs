//! File-system access inside ROOT that untrusted contributions cannot turn against the machine:
//! only regular files are opened, never through a symbolic link, never blocking on a FIFO, and
//! never more than a fixed number of bytes read, whatever size the file claims.
//!
//! The dataset arrives in pull requests and is validated in CI. A link could point at
//! `/proc/self/environ` and have its "source line" echoed into a public log, a FIFO would hang
//! the run and `/dev/zero` would exhaust memory; so every reader opens files through here, and
//! every writer creates folders through [`real_dir`]. See SECURITY.md for the policy.

use std::fs::{self, File, FileType};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// Largest record read: a `.json` file, one line of a `.jsonl` file, or a schema file.
pub const MAX_RECORD_BYTES: u64 = 64 << 20;

/// What a folder entry is, without following it if it is a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    File,
    Dir,
    Symlink,
    /// A FIFO, socket or device, named for messages.
    Special(&'static str),
}

impl Entry {
    /// Classifies a file type as `lstat` reports it (`DirEntry::file_type` does not follow links).
    pub fn of(ft: FileType) -> Entry {
        if ft.is_symlink() {
            return Entry::Symlink;
        }
        if ft.is_dir() {
            return Entry::Dir;
        }
        if ft.is_file() {
            return Entry::File;
        }
        Entry::Special(special_kind(ft))
    }

    /// The entry at `path` itself (a link is not followed); `None` if nothing is there.
    pub fn at(path: &Path) -> io::Result<Option<Entry>> {
        match fs::symlink_metadata(path) {
            Ok(m) => Ok(Some(Entry::of(m.file_type()))),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }
}

#[cfg(unix)]
fn special_kind(ft: FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if ft.is_fifo() {
        "FIFO"
    } else if ft.is_socket() {
        "socket"
    } else if ft.is_block_device() {
        "block device"
    } else if ft.is_char_device() {
        "character device"
    } else {
        "special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: FileType) -> &'static str {
    "special file"
}

fn refused(what: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("is a {what}, not a regular file; isca reads only regular files"),
    )
}

/// Opens `path` for reading if it is a regular file. A link is refused, not followed; a FIFO,
/// socket or device is refused before it is opened (opening some devices has effects), and the
/// open handle is checked again, so a file swapped for a FIFO in between cannot block the run.
pub fn open_regular(path: &Path) -> io::Result<File> {
    match Entry::at(path)? {
        Some(Entry::File) => {}
        Some(Entry::Symlink) => return Err(refused("symbolic link")),
        Some(Entry::Dir) => return Err(refused("folder")),
        Some(Entry::Special(kind)) => return Err(refused(kind)),
        None => return Err(io::ErrorKind::NotFound.into()),
    }
    let file = open_no_follow(path)?;
    regular(&file)?;
    Ok(file)
}

/// The metadata of an open handle if it is a regular file: checked after the open, so a file
/// swapped for a FIFO or a device in between is still refused.
fn regular(file: &File) -> io::Result<fs::Metadata> {
    let meta = file.metadata()?;
    match Entry::of(meta.file_type()) {
        Entry::File => Ok(meta),
        Entry::Special(kind) => Err(refused(kind)),
        Entry::Dir => Err(refused("folder")),
        Entry::Symlink => Err(refused("symbolic link")),
    }
}

#[cfg(unix)]
fn open_no_follow(path: &Path) -> io::Result<File> {
    use rustix::fs::{Mode, OFlags};
    let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC;
    match rustix::fs::open(path, flags, Mode::empty()) {
        Ok(fd) => Ok(File::from(fd)),
        Err(rustix::io::Errno::LOOP) => Err(refused("symbolic link")),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(unix))]
fn open_no_follow(path: &Path) -> io::Result<File> {
    File::open(path)
}

/// Reads at most `cap` bytes from `file`: one byte more is read to tell a file of exactly
/// `cap` bytes from a longer one, whatever size the file reports (a `/proc` file reports 0).
pub fn read_capped(file: &mut File, cap: u64) -> io::Result<Vec<u8>> {
    let hint = file.metadata().map(|m| m.len()).unwrap_or(0);
    if hint > cap {
        return Err(too_big(cap));
    }
    let mut bytes = Vec::with_capacity(hint as usize + 1);
    file.take(cap + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > cap {
        return Err(too_big(cap));
    }
    Ok(bytes)
}

fn too_big(cap: u64) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, format!("the file is over the {cap}-byte limit"))
}

/// A regular file's bytes, at most `cap` of them (see [`open_regular`] and [`read_capped`]).
pub fn read_regular(path: &Path, cap: u64) -> io::Result<Vec<u8>> {
    read_capped(&mut open_regular(path)?, cap)
}

/// A folder held open so that each record file in it costs one `openat`, one `fstat`, one
/// `read` into a reused buffer and one `close`: a hundred thousand record files made the
/// per-file system calls (seven of them through `read_regular`) a quarter of `validate`.
///
/// The names come from the walk, which has just listed each as a regular file; the open still
/// refuses a link (`O_NOFOLLOW`), never blocks (`O_NONBLOCK`), and the handle is checked again.
pub struct Folder {
    #[cfg(unix)]
    fd: rustix::fd::OwnedFd,
    #[cfg(not(unix))]
    path: PathBuf,
}

impl Folder {
    /// Opens the folder at `path`, refusing a link.
    pub fn open(path: &Path) -> io::Result<Folder> {
        #[cfg(unix)]
        {
            use rustix::fs::{Mode, OFlags};
            let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
            let fd = rustix::fs::open(path, flags, Mode::empty()).map_err(io::Error::from)?;
            Ok(Folder { fd })
        }
        #[cfg(not(unix))]
        Ok(Folder { path: path.to_path_buf() })
    }

    /// Replaces `buf` with the bytes of the regular file `name` in this folder, at most `cap`.
    pub fn read(&self, name: &str, cap: u64, buf: &mut Vec<u8>) -> io::Result<()> {
        buf.clear();
        #[cfg(unix)]
        {
            use rustix::fs::{Mode, OFlags};
            let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC;
            let fd = match rustix::fs::openat(&self.fd, name, flags, Mode::empty()) {
                Ok(fd) => fd,
                Err(rustix::io::Errno::LOOP) => return Err(refused("symbolic link")),
                Err(e) => return Err(e.into()),
            };
            let mut file = File::from(fd);
            let meta = regular(&file)?;
            if meta.len() > cap {
                return Err(too_big(cap));
            }
            // One byte more than the file claims: a read that returns less has met the end of
            // a regular file, so one `read` does; a file that grew is read on, up to the cap.
            let want = meta.len() as usize + 1;
            buf.resize(want, 0);
            let mut n = 0;
            while n < want {
                match file.read(&mut buf[n..]) {
                    Ok(0) => break,
                    Ok(k) if n + k == meta.len() as usize => {
                        n += k;
                        break;
                    }
                    Ok(k) => n += k,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(e),
                }
            }
            buf.truncate(n);
            if n == want {
                let mut rest = Vec::new();
                (&mut file).take(cap + 1 - n as u64).read_to_end(&mut rest)?;
                buf.extend_from_slice(&rest);
                if buf.len() as u64 > cap {
                    return Err(too_big(cap));
                }
            }
            Ok(())
        }
        #[cfg(not(unix))]
        {
            *buf = read_regular(&self.path.join(name), cap)?;
            Ok(())
        }
    }

    /// Writes every file of this folder's file system to disk and waits until it is done
    /// (`syncfs`); does nothing where there is no `syncfs`.
    pub fn sync_fs(&self) -> io::Result<()> {
        #[cfg(target_os = "linux")]
        return rustix::fs::syncfs(&self.fd).map_err(io::Error::from);
        #[cfg(not(target_os = "linux"))]
        Ok(())
    }

    /// Writes `bytes` to a new file `name` in this folder (a plain name, no `/`): never over
    /// an existing file, never through a link. Not synced: the file is handed back to sync.
    pub fn create(&self, name: &str, bytes: &[u8]) -> io::Result<File> {
        if name.is_empty() || name == "." || name == ".." || name.contains(['/', '\\', '\0']) {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, format!("`{name}` is not a plain file name")));
        }
        #[cfg(unix)]
        {
            use rustix::fs::{Mode, OFlags};
            let flags = OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW | OFlags::CLOEXEC;
            let fd = rustix::fs::openat(&self.fd, name, flags, Mode::from_raw_mode(0o666)).map_err(io::Error::from)?;
            let mut file = File::from(fd);
            file.write_all(bytes)?;
            Ok(file)
        }
        #[cfg(not(unix))]
        {
            let mut file = File::create_new(self.path.join(name))?;
            file.write_all(bytes)?;
            Ok(file)
        }
    }
}

/// Makes sure `root/rel` is a real folder, creating the missing ones one level at a time, and
/// refusing a link or a file anywhere on the way: a writer never writes through a link.
pub fn real_dir(root: &Path, rel: &str) -> io::Result<PathBuf> {
    let mut path = root.to_path_buf();
    for part in rel.split('/').filter(|p| !p.is_empty()) {
        path.push(part);
        match Entry::at(&path)? {
            Some(Entry::Dir) => {}
            None => match fs::create_dir(&path) {
                Ok(()) => {}
                // Created by someone else in between: check it again rather than trust it.
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && Entry::at(&path)? == Some(Entry::Dir) => {}
                Err(e) => return Err(e),
            },
            Some(Entry::Symlink) => return Err(not_a_folder(&path, "a symbolic link")),
            Some(Entry::File) => return Err(not_a_folder(&path, "a file")),
            Some(Entry::Special(kind)) => return Err(not_a_folder(&path, kind)),
        }
    }
    Ok(path)
}

fn not_a_folder(path: &Path, what: &str) -> io::Error {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("`{name}` is {what}, not a folder; isca never writes through links or over files"),
    )
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::process::Command;

    /// A folder's files read with one buffer: whole, empty or at the cap; a link, a FIFO (at
    /// once, never blocking), a folder and an oversized file refused; the buffer holds only the
    /// last file's bytes.
    #[cfg(unix)]
    #[test]
    fn a_held_folder_reads_regular_files_only_and_up_to_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path();
        fs::write(p.join("big.json"), vec![b'x'; 5000]).unwrap();
        fs::write(p.join("small.json"), "{}").unwrap();
        fs::write(p.join("empty.json"), "").unwrap();
        fs::write(p.join("cap.json"), "12345").unwrap();
        std::os::unix::fs::symlink(p.join("small.json"), p.join("link.json")).unwrap();
        fs::create_dir(p.join("sub.json")).unwrap();
        assert!(Command::new("mkfifo").arg(p.join("fifo.json")).status().unwrap().success());
        let folder = Folder::open(p).unwrap();
        let mut buf = Vec::new();
        folder.read("big.json", 1 << 20, &mut buf).unwrap();
        assert_eq!(buf, vec![b'x'; 5000]);
        folder.read("small.json", 1 << 20, &mut buf).unwrap();
        assert_eq!(buf, b"{}");
        folder.read("empty.json", 1 << 20, &mut buf).unwrap();
        assert!(buf.is_empty());
        folder.read("cap.json", 5, &mut buf).unwrap();
        assert_eq!(buf, b"12345");
        let err = |name: &str, cap: u64| folder.read(name, cap, &mut Vec::new()).unwrap_err().to_string();
        assert!(err("cap.json", 4).contains("over the 4-byte limit"));
        assert!(err("link.json", 100).contains("symbolic link"));
        assert!(err("fifo.json", 100).contains("FIFO"));
        assert!(err("sub.json", 100).contains("folder"));
        assert!(Folder::open(&p.join("link.json")).is_err(), "a link is not opened as a folder");
    }

    /// Only "nothing there" is `None`; any other failure to look (here a path through a
    /// regular file) is an error the caller reports, not an absent file it may create.
    #[test]
    fn absent_is_none_and_other_failures_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("f");
        fs::write(&file, "x").unwrap();
        assert!(matches!(Entry::at(&dir.path().join("missing")), Ok(None)));
        assert!(matches!(Entry::at(&file), Ok(Some(Entry::File))));
        assert!(matches!(Entry::at(dir.path()), Ok(Some(Entry::Dir))));
        assert!(Entry::at(&file.join("child")).is_err());
    }

    #[test]
    fn refuses_links_fifos_and_devices_and_caps_reads() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("r.json");
        fs::write(&file, "12345").unwrap();
        assert_eq!(read_regular(&file, 5).unwrap(), b"12345");
        assert_eq!(read_regular(&file, 100).unwrap(), b"12345", "a file under the cap is read whole");
        assert_eq!(read_regular(&file, 4).unwrap_err().kind(), io::ErrorKind::InvalidData);
        let link = dir.path().join("l.json");
        std::os::unix::fs::symlink(&file, &link).unwrap();
        assert!(read_regular(&link, 10).unwrap_err().to_string().contains("symbolic link"));
        let status = Command::new("mkfifo").arg(dir.path().join("f.json")).status().unwrap();
        assert!(status.success());
        assert!(read_regular(&dir.path().join("f.json"), 10).unwrap_err().to_string().contains("FIFO"));
        assert!(read_regular(Path::new("/dev/zero"), 10).unwrap_err().to_string().contains("character device"));
        // `/proc` files report a size of 0: the cap holds anyway.
        let mut environ = File::open("/proc/self/status").unwrap();
        assert_eq!(read_capped(&mut environ, 3).unwrap_err().kind(), io::ErrorKind::InvalidData);
    }

    /// The open itself refuses a link and does not wait for a FIFO's writer, should the file
    /// change between the check and the open.
    #[test]
    fn the_open_never_follows_a_link_nor_blocks_on_a_fifo() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("r.json"), "{}").unwrap();
        std::os::unix::fs::symlink(dir.path().join("r.json"), dir.path().join("l.json")).unwrap();
        let err = open_no_follow(&dir.path().join("l.json")).unwrap_err();
        assert!(err.to_string().contains("symbolic link"), "{err}");
        assert!(Command::new("mkfifo").arg(dir.path().join("f.json")).status().unwrap().success());
        // Without O_NONBLOCK this would wait forever for a writer.
        assert!(open_no_follow(&dir.path().join("f.json")).is_ok());
    }

    #[test]
    fn real_dir_creates_folders_but_never_follows_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let made = real_dir(dir.path(), "dataset/events").unwrap();
        assert!(made.is_dir());
        let outside = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("dataset/parties")).unwrap();
        let err = real_dir(dir.path(), "dataset/parties").unwrap_err();
        assert!(err.to_string().contains("symbolic link"), "{err}");
        fs::write(dir.path().join("dataset/sources"), "").unwrap();
        assert!(real_dir(dir.path(), "dataset/sources/x").unwrap_err().to_string().contains("a file"));
        assert_eq!(fs::read_dir(outside.path()).unwrap().count(), 0);
    }
}
