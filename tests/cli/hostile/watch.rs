//! Runs the binary under a watchdog: killed past `SECONDS`, its peak resident memory read
//! from `/proc/<pid>/status` (`VmHWM`, the high-water mark) while it runs.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::SECONDS;

pub struct Measured {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    pub peak_mib: u64,
}

pub fn run_watched(dir: &Path, args: &[&str]) -> Result<Measured, String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_isca"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    // Drained on their own threads, so a large report never blocks the child on a full pipe.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut b = Vec::new();
        out.read_to_end(&mut b).map(|_| b)
    });
    let err = std::thread::spawn(move || {
        let mut b = Vec::new();
        err.read_to_end(&mut b).map(|_| b)
    });
    let started = Instant::now();
    let mut peak_kib = 0;
    let status = loop {
        if let Some(kib) = high_water_kib(child.id()) {
            peak_kib = peak_kib.max(kib);
        }
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if started.elapsed() > Duration::from_secs(SECONDS) {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("`isca {}` ran over {SECONDS} s and was killed", args.join(" ")));
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let text = |b: Vec<u8>| String::from_utf8_lossy(&b).into_owned();
    Ok(Measured {
        code: status.code().unwrap_or(-1),
        stdout: text(out.join().unwrap().map_err(|e| e.to_string())?),
        stderr: text(err.join().unwrap().map_err(|e| e.to_string())?),
        peak_mib: peak_kib / 1024,
    })
}

/// `VmHWM` of a running process, in KiB; `None` once it has exited (or off Linux).
fn high_water_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn the_watchdog_reads_memory_and_runs() {
    // This test process holds at least the test binary in memory: the reading is real.
    let own = high_water_kib(std::process::id()).expect("VmHWM of this process");
    assert!(own > 1024, "{own} KiB");
    let dir = tempfile::tempdir().unwrap();
    let m = run_watched(dir.path(), &["rules"]).unwrap();
    assert_eq!(m.code, 0);
    assert!(m.stdout.contains("L001"));
}
