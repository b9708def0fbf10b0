//! Test fixture: a temporary dataset root holding a copy of the real schemas (and optionally
//! the bundled dataset), plus a runner that captures exit code, stdout and stderr.

// Each test module uses a different subset of the fixture.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

pub const REPO: &str = env!("CARGO_MANIFEST_DIR");

pub struct Root {
    pub dir: tempfile::TempDir,
}

/// What a run of the binary produced.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Exit code, stdout and stderr in one text, for snapshots.
    pub fn render(&self) -> String {
        format!("exit: {}\n--- stdout\n{}--- stderr\n{}", self.code, self.stdout, self.stderr)
    }
}

impl Root {
    /// A root with the real schemas and an empty `dataset/` (one folder per table).
    pub fn empty() -> Root {
        let dir = tempfile::tempdir().expect("temp dir");
        copy_dir(&Path::new(REPO).join("schema"), &dir.path().join("schema"));
        for entry in std::fs::read_dir(dir.path().join("schema")).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().replace(".schema.json", "");
            std::fs::create_dir_all(dir.path().join("dataset").join(name)).unwrap();
        }
        Root { dir }
    }

    /// A root with the real schemas and a copy of the small valid fixture dataset
    /// (`tests/fixtures/base/dataset`: a few records of every table, every reference resolving).
    pub fn base() -> Root {
        let root = Root::empty();
        copy_dir(&Path::new(REPO).join("tests/fixtures/base/dataset"), &root.file("dataset"));
        root
    }

    /// A root with the real schemas and a copy of the bundled dataset.
    pub fn bundled() -> Root {
        let dir = tempfile::tempdir().expect("temp dir");
        copy_dir(&Path::new(REPO).join("schema"), &dir.path().join("schema"));
        copy_dir(&Path::new(REPO).join("dataset"), &dir.path().join("dataset"));
        Root { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn file(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Writes `content` to `rel` under the root, creating folders.
    pub fn write(&self, rel: &str, content: impl AsRef<[u8]>) {
        let path = self.file(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.file(rel)).unwrap()
    }

    /// Rewrites the JSON file `rel` (a record or a schema) through `f`.
    pub fn edit_json(&self, rel: &str, f: impl FnOnce(&mut serde_json::Value)) {
        let mut value: serde_json::Value = serde_json::from_str(&self.read(rel)).unwrap();
        f(&mut value);
        self.write(rel, serde_json::to_string_pretty(&value).unwrap());
    }

    /// Runs `isca` with `args` in the root folder; temp paths in the output become `[ROOT]`.
    pub fn run(&self, args: &[&str]) -> Run {
        let out = Command::new(env!("CARGO_BIN_EXE_isca"))
            .args(args)
            .current_dir(self.path())
            .env("NO_COLOR", "1")
            .output()
            .expect("run isca");
        let clean = |b: &[u8]| {
            let s = String::from_utf8_lossy(b).into_owned();
            let root = self.path().to_string_lossy().into_owned();
            s.replace(&root, "[ROOT]")
        };
        Run { code: out.status.code().unwrap_or(-1), stdout: clean(&out.stdout), stderr: clean(&out.stderr) }
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
