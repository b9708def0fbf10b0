//! A hostile corpus: malformed JSON in the style of JSONTestSuite's `n_` (must be rejected)
//! and `i_` (implementation-defined) files, written by hand, plus crafted files that attack the
//! reader's time and memory, the terminal, and the schemas. Each case asserts the exit code,
//! the rule, file and line of a finding, a run-time bound (a watchdog kills the run), a peak
//! memory bound, that every human-readable output is inert, and that no byte of the root
//! changed.

mod cases;
mod watch;

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::Root;

pub use watch::run_watched;

/// Wall-clock bound of one run of the debug binary on a shared CI machine.
pub const SECONDS: u64 = 30;
/// Peak resident memory bound of one run, in MiB.
pub const MIB: u64 = 300;

/// One hostile input: files laid over the base fixture and what `isca` must make of them.
pub struct Case {
    pub name: &'static str,
    pub files: Vec<(String, Vec<u8>)>,
    /// The command after `isca`; the root is the working directory.
    pub args: &'static [&'static str],
    pub exit: i32,
    /// A finding that must be reported, as (rule, file, line); `None` when the run cannot run
    /// (exit 2) or has no finding.
    pub finding: Option<(&'static str, String, u32)>,
    /// Text that must appear in stderr (for exit 2).
    pub stderr: Option<&'static str>,
}

/// Every file under the root with its bytes, to prove a run changed nothing.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let e = e.unwrap();
            let ty = e.file_type().unwrap();
            if ty.is_dir() {
                stack.push(e.path());
            } else if ty.is_file() {
                out.insert(e.path().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap());
            }
        }
    }
    out
}

/// Whether `s` holds a character a terminal would act on (ESC, C1, bidi controls, …): the
/// line feed that ends each line is the only control expected.
fn raw_controls(s: &str) -> Vec<char> {
    s.chars().filter(|&c| c != '\n' && isca::text::is_unsafe_control(c)).collect()
}

/// Checks one case; on success returns its run time in milliseconds and peak memory in MiB.
fn check(case: &Case) -> Result<(u128, u64), String> {
    let root = Root::base();
    for (rel, bytes) in &case.files {
        root.write(rel, bytes);
    }
    let before = snapshot(root.path());
    let mut args: Vec<&str> = case.args.to_vec();
    let json = args == ["validate"];
    if json {
        args.extend(["--format", "json"]);
    }
    let started = std::time::Instant::now();
    let m = run_watched(root.path(), &args)?;
    let millis = started.elapsed().as_millis();
    let fail =
        |why: String| Err(format!("{}: {why}\nstdout: {}\nstderr: {}", case.name, cut(&m.stdout), cut(&m.stderr)));
    if m.code != case.exit {
        return fail(format!("exit {} instead of {}", m.code, case.exit));
    }
    if m.peak_mib > MIB {
        return fail(format!("peak memory {} MiB over {MIB} MiB", m.peak_mib));
    }
    if let Some(want) = case.stderr
        && !m.stderr.contains(want)
    {
        return fail(format!("stderr lacks {want:?}"));
    }
    if let Some((rule, file, line)) = &case.finding {
        let found = if json {
            let report: serde_json::Value =
                serde_json::from_str(&m.stdout).map_err(|e| format!("{}: {e}", case.name))?;
            report["findings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["rule"] == *rule && f["file"] == file.as_str() && f["line"] == *line)
        } else {
            m.stdout.contains(&format!("{file}:{line}:")) && m.stdout.contains(&format!("[{rule}]"))
        };
        if !found {
            return fail(format!("no {rule} at {file}:{line}"));
        }
    }
    if !raw_controls(&m.stderr).is_empty() {
        return fail(format!("raw control characters in stderr: {:?}", raw_controls(&m.stderr)));
    }
    if json {
        // The same run in every human-readable format: nothing from the data drives a terminal.
        let formats: &[&str] = if case.name.starts_with("tty_") { &["text", "github", "markdown"] } else { &["text"] };
        for format in formats {
            let r = run_watched(root.path(), &["validate", "--format", format])?;
            let bad = raw_controls(&r.stdout);
            if !bad.is_empty() {
                return fail(format!("raw control characters in the {format} report: {bad:?}"));
            }
        }
    }
    if case.args[0] != "build" && snapshot(root.path()) != before {
        return fail("the run changed files under the root".into());
    }
    Ok((millis, m.peak_mib))
}

fn cut(s: &str) -> String {
    s.chars().take(2000).collect()
}

#[test]
fn every_hostile_case_is_handled() {
    let all = cases::all();
    assert!(all.len() >= 40, "{} cases", all.len());
    let mut failed = Vec::new();
    for case in &all {
        match check(case) {
            // Shown with `--nocapture`: the numbers behind the bounds.
            #[allow(clippy::print_stdout)]
            Ok((ms, mib)) => println!("{:<48} {ms:>6} ms {mib:>4} MiB", case.name),
            Err(e) => failed.push(e),
        }
    }
    assert!(failed.is_empty(), "{} of {} cases failed:\n{}", failed.len(), all.len(), failed.join("\n\n"));
}
