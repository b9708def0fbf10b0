//! The hostile file-system corpus: links, FIFOs, sockets, endless files, wrong-case and hidden
//! records, missing folders, and output folders that must never be replaced. FIFOs, sockets
//! and links cannot be committed portably, so each case builds its tree at test time in a
//! "lab": `root/` (the base fixture), `outside/` (files a link may point at), `home/` ($HOME).
//!
//! Every case asserts the exit code and the rule, file and line of each expected finding; runs
//! under a watchdog (a hang fails, it does not block the suite) and a 1 GiB address-space limit
//! (reading `/dev/zero` without bound aborts); checks that no secret reached the output; and
//! hashes the whole lab before and after, so a byte changed outside the expected outputs fails.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{REPO, copy_dir};

/// Strings that must never appear in any output: the environment, `/etc/passwd`, a file
/// outside the root.
const SECRET_ENV: &str = "hunter2-isca-secret";
const SECRETS: &[&str] = &[SECRET_ENV, "root:x:0:0", "OUTSIDE-SECRET"];

/// Address-space limit of each run, in KiB. Well above a normal run, far below an unbounded read.
const MEMORY_KIB: u64 = 1 << 20;
const WATCHDOG: Duration = Duration::from_secs(90);

struct Lab {
    dir: tempfile::TempDir,
}

impl Lab {
    fn new() -> Lab {
        let dir = tempfile::tempdir().unwrap();
        let lab = Lab { dir };
        copy_dir(&Path::new(REPO).join("schema"), &lab.p("root/schema"));
        copy_dir(&Path::new(REPO).join("tests/fixtures/base/dataset"), &lab.p("root/dataset"));
        lab.write("outside/secret.json", "{\"id\": \"pty-secret\", \"name\": \"OUTSIDE-SECRET\"}\n");
        lab.write("outside/passwd", "root:x:0:0:root:/root:/bin/bash\n");
        lab.write("outside/records/pty-out.json", "{\"id\":\"pty-out\",\"name\":\"OUTSIDE-SECRET\"}\n");
        std::fs::create_dir_all(lab.p("home")).unwrap();
        lab
    }

    fn p(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn write(&self, rel: &str, content: impl AsRef<[u8]>) {
        let path = self.p(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }

    fn link(&self, rel: &str, target: &str) {
        let target = target.replace("{LAB}", &self.dir.path().to_string_lossy());
        let path = self.p(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(target, path).unwrap();
    }

    fn fifo(&self, rel: &str) {
        assert!(Command::new("mkfifo").arg(self.p(rel)).status().unwrap().success());
    }

    fn socket(&self, rel: &str) {
        // The socket file stays after the listener closes.
        drop(std::os::unix::net::UnixListener::bind(self.p(rel)).unwrap());
    }

    fn sparse(&self, rel: &str, size: u64) {
        std::fs::File::create(self.p(rel)).unwrap().set_len(size).unwrap();
    }

    fn remove(&self, rel: &str) {
        let path = self.p(rel);
        match std::fs::symlink_metadata(&path) {
            Ok(m) if m.is_dir() => std::fs::remove_dir_all(path).unwrap(),
            Ok(_) => std::fs::remove_file(path).unwrap(),
            Err(_) => {}
        }
    }

    /// Every entry under the lab, as lstat sees it: type, and content hash for files (large
    /// files by size and ends only), link target for links. FIFOs are never opened.
    fn snapshot(&self) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        walk(self.dir.path(), "", &mut out);
        out
    }
}

fn walk(dir: &Path, prefix: &str, out: &mut BTreeMap<String, String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let rel = format!("{prefix}{}", entry.file_name().to_string_lossy());
        let ft = entry.file_type().unwrap();
        let what = if ft.is_symlink() {
            format!("link -> {}", std::fs::read_link(entry.path()).unwrap().display())
        } else if ft.is_dir() {
            walk(&entry.path(), &format!("{rel}/"), out);
            "dir".to_string()
        } else if ft.is_file() {
            let len = entry.metadata().unwrap().len();
            let mut bytes = Vec::new();
            std::fs::File::open(entry.path()).unwrap().take(1 << 20).read_to_end(&mut bytes).unwrap();
            format!("file {len} {:x}", fnv(&bytes))
        } else {
            "special".to_string()
        };
        out.insert(rel, what);
    }
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf29ce484222325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x100000001b3))
}

struct Case {
    name: &'static str,
    setup: fn(&Lab),
    /// Arguments; `{LAB}` becomes the lab's path. The run's folder is `root/`.
    args: &'static [&'static str],
    code: i32,
    /// (rule, file, line) findings that must be reported.
    findings: &'static [(&'static str, &'static str, u32)],
    /// Text that stderr must contain (for exit 2).
    stderr: &'static str,
    /// Paths under the lab allowed to change (prefixes).
    changes: &'static [&'static str],
}

/// Runs the binary with the limits; `None` if the watchdog had to kill it.
fn run(lab: &Lab, args: &[String]) -> Option<(i32, String, String)> {
    let limit = format!("ulimit -v {MEMORY_KIB} && exec \"$0\" \"$@\"");
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(limit)
        .arg(env!("CARGO_BIN_EXE_isca"))
        .args(args)
        .current_dir(lab.p("root"))
        .env("NO_COLOR", "1")
        .env("HOME", lab.p("home"))
        .env("ISCA_TEST_SECRET", SECRET_ENV)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (mut out, mut err) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let readers = (
        std::thread::spawn(move || {
            let mut s = String::new();
            let _ = out.read_to_string(&mut s);
            s
        }),
        std::thread::spawn(move || {
            let mut s = String::new();
            let _ = err.read_to_string(&mut s);
            s
        }),
    );
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if start.elapsed() > WATCHDOG {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let (stdout, stderr) = (readers.0.join().unwrap(), readers.1.join().unwrap());
    status.map(|s| (s.code().unwrap_or(-1), stdout, stderr))
}

/// (rule, file, line) of every finding in a text report (`error[L011]: …` then ` --> f:l:c`)
/// or in `isca fmt`'s lines (`f:l:c: error[L011]: …`).
fn findings(stdout: &str) -> Vec<(String, String, u32)> {
    let mut out = Vec::new();
    let mut rule: Option<String> = None;
    for line in stdout.lines() {
        let code = |s: &str| s.split_once('[').and_then(|(_, r)| r.split_once(']')).map(|(c, _)| c.to_string());
        if line.starts_with("error[") || line.starts_with("warning[") {
            rule = code(line);
        } else if let (Some(r), Some(at)) = (rule.take(), line.trim_start().strip_prefix("--> ")) {
            let mut parts = at.rsplitn(3, ':');
            let (_, l, f) = (parts.next(), parts.next(), parts.next());
            out.push((r, f.unwrap_or_default().to_string(), l.and_then(|l| l.parse().ok()).unwrap_or(0)));
        } else if let Some((place, rest)) = line.split_once(": error[") {
            let mut parts = place.rsplitn(3, ':');
            let (_, l, f) = (parts.next(), parts.next(), parts.next());
            let r = code(&format!("[{rest}")).unwrap_or_default();
            out.push((r, f.unwrap_or_default().to_string(), l.and_then(|l| l.parse().ok()).unwrap_or(0)));
        }
    }
    out
}

fn check(case: &Case) -> Result<(), String> {
    let lab = Lab::new();
    (case.setup)(&lab);
    let before = lab.snapshot();
    let lab_path = lab.dir.path().to_string_lossy().into_owned();
    let args: Vec<String> = case.args.iter().map(|a| a.replace("{LAB}", &lab_path)).collect();
    let Some((code, stdout, stderr)) = run(&lab, &args) else {
        return Err(format!("{}: still running after {WATCHDOG:?}", case.name));
    };
    let shown = format!("{}: exit {code}\n--- stdout\n{stdout}--- stderr\n{stderr}", case.name);
    if code != case.code {
        return Err(format!("expected exit {}; {shown}", case.code));
    }
    let got = findings(&stdout);
    for (rule, file, line) in case.findings {
        if !got.iter().any(|(r, f, l)| r == rule && f == file && l == line) {
            return Err(format!("expected {rule} at {file}:{line}; {shown}"));
        }
    }
    if !stderr.contains(case.stderr) {
        return Err(format!("stderr lacks `{}`; {shown}", case.stderr));
    }
    if let Some(secret) = SECRETS.iter().find(|s| stdout.contains(*s) || stderr.contains(*s)) {
        return Err(format!("leaked `{secret}`; {shown}"));
    }
    let after = lab.snapshot();
    let allowed = |p: &String| case.changes.iter().any(|c| p == c || p.starts_with(&format!("{c}/")));
    let keys: std::collections::BTreeSet<&String> = before.keys().chain(after.keys()).collect();
    for key in keys.into_iter().filter(|k| !allowed(k)) {
        if before.get(key) != after.get(key) {
            return Err(format!("`{key}` changed: {:?} -> {:?}; {shown}", before.get(key), after.get(key)));
        }
    }
    Ok(())
}

const NONE: &[&str] = &[];
const V: &[&str] = &["validate"];
const B: &[&str] = &["build"];
const F: &[&str] = &["fmt"];
const PARTY: &str = "{\"id\": \"pty-chn\", \"name\": \"China\", \"kind\": \"state\", \"iso3\": \"CHN\", \"certainty\": \"confirmed\", \"sources\": [{\"source\": \"src-example-article\", \"locator\": \"x\"}]}\n";
const REC_PATH: &str = "root/dataset/parties/pty-chn.json";

macro_rules! case {
    ($name:literal, $setup:expr, $args:expr, $code:literal, [$(($r:literal, $f:literal, $l:literal)),*]) => {
        case!($name, $setup, $args, $code, [$(($r, $f, $l)),*], "", NONE)
    };
    ($name:literal, $setup:expr, $args:expr, $code:literal, [$(($r:literal, $f:literal, $l:literal)),*], $stderr:literal, $changes:expr) => {
        Case { name: $name, setup: $setup, args: $args, code: $code, findings: &[$(($r, $f, $l)),*], stderr: $stderr, changes: $changes }
    };
}

/// Every table folder of the base fixture emptied.
fn empty_dataset(lab: &Lab) {
    for t in ["agreements", "events", "parties", "sources", "threat_categories"] {
        lab.remove(&format!("root/dataset/{t}"));
        std::fs::create_dir_all(lab.p(&format!("root/dataset/{t}"))).unwrap();
    }
}

/// A previous build's output, as a build writes it: marker, listed files, SHA256SUMS.
fn earlier_dist(lab: &Lab, extra: Option<&str>) {
    lab.write("root/dist/.isca-build", "x");
    lab.write("root/dist/csv/a.csv", "a");
    lab.write("root/dist/SHA256SUMS", "00  .isca-build\n00  csv/a.csv\n");
    if let Some(extra) = extra {
        lab.write(&format!("root/dist/{extra}"), "mine");
    }
}

const READS: &[Case] = &[
    case!(
        "link to a record outside the root",
        |l| l.link(REC_PATH, "{LAB}/outside/secret.json"),
        V,
        1,
        [("L011", "dataset/parties/pty-chn.json", 1)]
    ),
    case!(
        "link to /proc/self/environ",
        |l| l.link("root/dataset/events/evt-env.json", "/proc/self/environ"),
        V,
        1,
        [("L011", "dataset/events/evt-env.json", 1)]
    ),
    case!(
        "link to /etc/passwd",
        |l| l.link("root/dataset/events/evt-pw.json", "/etc/passwd"),
        V,
        1,
        [("L011", "dataset/events/evt-pw.json", 1)]
    ),
    case!(
        "link to an outside passwd copy",
        |l| l.link("root/dataset/events/evt-pw.json", "{LAB}/outside/passwd"),
        V,
        1,
        [("L011", "dataset/events/evt-pw.json", 1)]
    ),
    case!(
        "record linked to /dev/zero",
        |l| l.link("root/dataset/events/evt-z.json", "/dev/zero"),
        V,
        1,
        [("L011", "dataset/events/evt-z.json", 1)]
    ),
    case!(
        "JSON Lines linked to /dev/zero",
        |l| l.link("root/dataset/events/bulk.jsonl", "/dev/zero"),
        V,
        1,
        [("L011", "dataset/events/bulk.jsonl", 1)]
    ),
    case!(
        "dangling link",
        |l| l.link("root/dataset/events/evt-gone.json", "evt-nowhere.json"),
        V,
        1,
        [("L011", "dataset/events/evt-gone.json", 1)]
    ),
    case!(
        "link loop",
        |l| l.link("root/dataset/events/evt-loop.json", "evt-loop.json"),
        V,
        1,
        [("L011", "dataset/events/evt-loop.json", 1)]
    ),
    case!(
        "link to a record inside the root",
        |l| l.link("root/dataset/parties/pty-copy.json", "pty-rus.json"),
        V,
        1,
        [("L011", "dataset/parties/pty-copy.json", 1)]
    ),
    case!(
        "table folder linked outside",
        |l| {
            l.remove("root/dataset/parties");
            l.link("root/dataset/parties", "{LAB}/outside/records")
        },
        V,
        1,
        [("L011", "dataset/parties", 1)]
    ),
    case!(
        "folder at the top of dataset/ linked outside",
        |l| l.link("root/dataset/more", "{LAB}/outside/records"),
        V,
        1,
        [("L011", "dataset/more", 1)]
    ),
    case!(
        "dataset/ linked outside",
        |l| {
            l.remove("root/dataset");
            l.link("root/dataset", "{LAB}/outside")
        },
        V,
        2,
        [],
        "symbolic link",
        NONE
    ),
    case!(
        "schema/ linked outside",
        |l| {
            std::fs::rename(l.p("root/schema"), l.p("outside/schema")).unwrap();
            l.link("root/schema", "{LAB}/outside/schema")
        },
        V,
        2,
        [],
        "symbolic link",
        NONE
    ),
    case!(
        "schema file linked",
        |l| {
            std::fs::rename(l.p("root/schema/events.schema.json"), l.p("outside/e.json")).unwrap();
            l.link("root/schema/events.schema.json", "{LAB}/outside/e.json")
        },
        V,
        1,
        [("L011", "schema/events.schema.json", 1)]
    ),
    case!(
        "schema file linked to /dev/zero",
        |l| l.link("root/schema/extra.schema.json", "/dev/zero"),
        V,
        1,
        [("L011", "schema/extra.schema.json", 1)]
    ),
    case!(
        "FIFO record",
        |l| l.fifo("root/dataset/events/evt-x.json"),
        V,
        1,
        [("L012", "dataset/events/evt-x.json", 1)]
    ),
    case!(
        "FIFO JSON Lines",
        |l| l.fifo("root/dataset/events/bulk.jsonl"),
        V,
        1,
        [("L012", "dataset/events/bulk.jsonl", 1)]
    ),
    case!("FIFO schema", |l| l.fifo("root/schema/extra.schema.json"), V, 1, [("L012", "schema/extra.schema.json", 1)]),
    case!("FIFO at the top of dataset/", |l| l.fifo("root/dataset/x.json"), V, 1, [("L012", "dataset/x.json", 1)]),
    case!(
        "FIFO instead of a table folder",
        |l| {
            l.remove("root/dataset/events");
            l.fifo("root/dataset/events")
        },
        V,
        1,
        [("L012", "dataset/events", 1)]
    ),
    case!(
        "socket record",
        |l| l.socket("root/dataset/events/evt-s.json"),
        V,
        1,
        [("L012", "dataset/events/evt-s.json", 1)]
    ),
    case!(
        "upper-case .JSON",
        |l| l.write("root/dataset/parties/pty-chn.JSON", PARTY),
        V,
        1,
        [("L014", "dataset/parties/pty-chn.JSON", 1)]
    ),
    case!(
        "mixed-case .Jsonl",
        |l| l.write("root/dataset/parties/bulk.Jsonl", PARTY),
        V,
        1,
        [("L014", "dataset/parties/bulk.Jsonl", 1)]
    ),
    case!(
        "hidden record",
        |l| l.write("root/dataset/parties/.pty-chn.json", PARTY),
        V,
        1,
        [("L015", "dataset/parties/.pty-chn.json", 1)]
    ),
    case!(
        "hidden JSON Lines",
        |l| l.write("root/dataset/parties/.bulk.jsonl", PARTY),
        V,
        1,
        [("L015", "dataset/parties/.bulk.jsonl", 1)]
    ),
    case!(
        "hidden upper-case record",
        |l| l.write("root/dataset/parties/.PTY.JSON", PARTY),
        V,
        1,
        [("L015", "dataset/parties/.PTY.JSON", 1)]
    ),
    case!("hidden .gitkeep is fine", |l| l.write("root/dataset/parties/.gitkeep", ""), V, 0, []),
    case!("empty dataset", empty_dataset, V, 1, [("L016", "dataset", 1)]),
    case!(
        "missing table folder",
        |l| l.remove("root/dataset/threat_categories"),
        V,
        1,
        [("L013", "dataset/threat_categories", 1)]
    ),
    case!(
        "table folder is a file",
        |l| {
            l.remove("root/dataset/sources");
            l.write("root/dataset/sources", "x")
        },
        V,
        1,
        [("L013", "dataset/sources", 1)]
    ),
    case!(
        "record over 64 MiB (sparse)",
        |l| l.sparse("root/dataset/parties/pty-big.json", (64 << 20) + 1),
        V,
        1,
        [("L009", "dataset/parties/pty-big.json", 1)]
    ),
    case!(
        "endless JSON Lines line (sparse 80 MiB)",
        |l| l.sparse("root/dataset/parties/bulk.jsonl", 80 << 20),
        V,
        1,
        [("L017", "dataset/parties/bulk.jsonl", 1)]
    ),
    case!(
        "environ link in the JSON report",
        |l| l.link("root/dataset/events/evt-env.json", "/proc/self/environ"),
        &["validate", "--format", "json"],
        1,
        []
    ),
    case!(
        "passwd link in the GitHub report",
        |l| l.link("root/dataset/events/evt-pw.json", "/etc/passwd"),
        &["validate", "--format", "github"],
        1,
        []
    ),
    case!(
        "diff with a linked record",
        |l| l.link("root/dataset/events/evt-env.json", "/proc/self/environ"),
        &["diff", ".", "."],
        0,
        []
    ),
];

const BUILDS: &[Case] = &[
    case!(
        "build with a linked record",
        |l| l.link(REC_PATH, "{LAB}/outside/secret.json"),
        B,
        1,
        [("L011", "dataset/parties/pty-chn.json", 1)]
    ),
    case!(
        "build with a FIFO",
        |l| l.fifo("root/dataset/events/evt-x.json"),
        B,
        1,
        [("L012", "dataset/events/evt-x.json", 1)]
    ),
    case!("build of an empty dataset", empty_dataset, B, 1, [("L016", "dataset", 1)]),
    case!("build without a table folder", |l| l.remove("root/dataset/events"), B, 1, [("L013", "dataset/events", 1)]),
    case!(
        "build with a .JSON record",
        |l| l.write("root/dataset/parties/pty-chn.JSON", PARTY),
        B,
        1,
        [("L014", "dataset/parties/pty-chn.JSON", 1)]
    ),
    case!(
        "build with a hidden record",
        |l| l.write("root/dataset/parties/.pty-chn.json", PARTY),
        B,
        1,
        [("L015", "dataset/parties/.pty-chn.json", 1)]
    ),
    case!(
        "--out a home folder holding SHA256SUMS (issue 9 repro)",
        |l| {
            l.write("h/Documents/thesis.txt", "work\n");
            l.write("h/SHA256SUMS", "0000  x.iso\n")
        },
        &["build", ".", "--out", "{LAB}/h"],
        2,
        [],
        "refusing",
        NONE
    ),
    case!(
        "--out the root",
        |l| l.write("root/SHA256SUMS", "00  .isca-build\n"),
        &["build", ".", "--out", "."],
        2,
        [],
        "refusing to publish here",
        NONE
    ),
    case!("--out the root's parent", |_| {}, &["build", ".", "--out", ".."], 2, [], "refusing to publish here", NONE),
    case!(
        "--out $HOME with a forged marker",
        |l| {
            l.write("home/.isca-build", "x");
            l.write("home/SHA256SUMS", "00  .isca-build\n")
        },
        &["build", ".", "--out", "{LAB}/home"],
        2,
        [],
        "home folder",
        NONE
    ),
    case!(
        "--out a link to a folder",
        |l| l.link("out", "{LAB}/outside"),
        &["build", ".", "--out", "{LAB}/out"],
        2,
        [],
        "symbolic link",
        NONE
    ),
    case!(
        "--out an earlier build with an unlisted file",
        |l| earlier_dist(l, Some("csv/notes.txt")),
        B,
        2,
        [],
        "csv/notes.txt",
        NONE
    ),
    case!(
        "--out an earlier build holding a link",
        |l| {
            earlier_dist(l, None);
            l.link("root/dist/csv/b.csv", "{LAB}/outside/passwd")
        },
        B,
        2,
        [],
        "symbolic link",
        NONE
    ),
    case!("--out a file", |l| l.write("root/dist", "mine"), B, 2, [], "not a folder", NONE),
    case!("--out inside dataset/", |_| {}, &["build", ".", "--out", "dataset/out"], 2, [], "inside `dataset/`", NONE),
    case!("--out an earlier build is replaced", |l| earlier_dist(l, None), B, 0, [], "", &["root/dist"]),
    case!(
        "a dead build's staging is removed",
        |l| {
            l.write(
                "root/.dist-staging-1-2-3/lock",
                "isca build staging folder; removed by the next build once stale\n",
            );
            l.write("root/.dist-staging-1-2-3/new/x.csv", "x")
        },
        B,
        0,
        [],
        "",
        &["root/dist", "root/.dist-staging-1-2-3"]
    ),
    case!(
        "a folder named like staging but not ours stays",
        |l| l.write("root/.dist-staging-mine/thesis.txt", "mine"),
        B,
        0,
        [],
        "",
        &["root/dist"]
    ),
];

const WRITES: &[Case] = &[
    case!(
        "fmt leaves a linked record and its target",
        |l| l.link(REC_PATH, "{LAB}/outside/secret.json"),
        F,
        1,
        [("L011", "dataset/parties/pty-chn.json", 1)]
    ),
    case!(
        "fmt with a FIFO does not hang",
        |l| l.fifo("root/dataset/events/evt-x.json"),
        F,
        1,
        [("L012", "dataset/events/evt-x.json", 1)]
    ),
    case!(
        "fmt leaves a linked table folder",
        |l| {
            l.remove("root/dataset/parties");
            l.link("root/dataset/parties", "{LAB}/outside/records")
        },
        F,
        1,
        [("L011", "dataset/parties", 1)]
    ),
    case!(
        "new into a linked table folder",
        |l| {
            l.remove("root/dataset/parties");
            l.link("root/dataset/parties", "{LAB}/outside/records")
        },
        &["new", "parties", "pty-zzz"],
        2,
        [],
        "symbolic link",
        NONE
    ),
    case!(
        "new into a linked dataset/",
        |l| {
            l.remove("root/dataset");
            l.link("root/dataset", "{LAB}/outside")
        },
        &["new", "parties", "pty-zzz"],
        2,
        [],
        "symbolic link",
        NONE
    ),
    case!(
        "new over a dangling link of that name",
        |l| l.link("root/dataset/parties/pty-zzz.json", "{LAB}/outside/new.json"),
        &["new", "parties", "pty-zzz"],
        2,
        [],
        "already used",
        NONE
    ),
    case!(
        "new creates a missing table folder",
        |l| l.remove("root/dataset/threat_categories"),
        &["new", "threat_categories", "thr-zzz"],
        0,
        [],
        "",
        &["root/dataset/threat_categories"]
    ),
    case!(
        "synth refuses an existing schema/",
        |l| l.write("s/schema/mine.txt", "mine"),
        &["synth", "{LAB}/s", "--events", "20"],
        2,
        [],
        "schema",
        NONE
    ),
    case!(
        "synth refuses an existing faults.json",
        |l| l.write("s/faults.json", "mine"),
        &["synth", "{LAB}/s", "--events", "20"],
        2,
        [],
        "faults.json",
        NONE
    ),
    case!(
        "synth refuses a linked dataset/",
        |l| {
            std::fs::create_dir_all(l.p("outside/empty")).unwrap();
            l.link("s/dataset", "{LAB}/outside/empty")
        },
        &["synth", "{LAB}/s", "--events", "20"],
        2,
        [],
        "dataset",
        NONE
    ),
    case!("synth writes a new folder", |_| {}, &["synth", "{LAB}/s", "--events", "20"], 0, [], "", &["s"]),
];

fn run_all(cases: &[Case]) {
    let failed: Vec<String> = cases.iter().filter_map(|c| check(c).err()).collect();
    assert!(failed.is_empty(), "{} of {} cases failed:\n\n{}", failed.len(), cases.len(), failed.join("\n\n"));
}

#[test]
fn hostile_reads() {
    run_all(READS);
}

#[test]
fn hostile_builds() {
    run_all(BUILDS);
}

#[test]
fn hostile_writes() {
    run_all(WRITES);
}

#[test]
fn the_corpus_has_at_least_sixty_cases() {
    assert!(READS.len() + BUILDS.len() + WRITES.len() >= 60);
}
