//! What `isca` draws on stderr while it works, only on a terminal: a spinner with the stage
//! and a record count while `validate()` runs, then the build's progress bar.

use std::io::{self, IsTerminal, Write};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The build's progress bar on stderr; indicatif hides it when stderr is not a terminal.
pub struct Bar(indicatif::ProgressBar);

impl Bar {
    pub fn stderr() -> Bar {
        let style = indicatif::ProgressStyle::with_template("{spinner} publishing {bar:30} {pos}/{len} {wide_msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
        let bar = indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr());
        Bar(bar.with_style(style))
    }
}

impl isca::export::Progress for Bar {
    fn start(&mut self, files: u64) {
        self.0.set_length(files);
    }

    fn wrote(&mut self, path: &str) {
        self.0.set_message(path.to_string());
        self.0.inc(1);
    }

    fn finish(&mut self) {
        self.0.finish_and_clear();
    }
}

impl Drop for Bar {
    /// A build that fails must not leave a half-drawn bar above its error message.
    fn drop(&mut self) {
        self.0.finish_and_clear();
    }
}

/// While `validate()` runs, a spinner on stderr with the stage and the records checked so far
/// (`isca::watch`), redrawn ten times a second, so that a large dataset never leaves the screen
/// blank. Only on a terminal: CI logs and pipes get nothing.
pub struct Spinner {
    stop: Stop,
    thread: Option<std::thread::JoinHandle<()>>,
}

/// Tells the spinner thread to clear its line and end; it wakes at once.
struct Stop(mpsc::Sender<()>);

impl Stop {
    fn stop(&self) {
        let _ = self.0.send(());
    }
}

/// Runs shorter than this finish before anything is drawn, and leave no trace.
const QUIET_START: Duration = Duration::from_millis(300);
const REDRAW: Duration = Duration::from_millis(100);

impl Spinner {
    pub fn start() -> Spinner {
        let (tx, rx) = mpsc::channel();
        if !std::io::stderr().is_terminal() {
            return Spinner { stop: Stop(tx), thread: None };
        }
        let thread = std::thread::spawn(move || {
            let style = indicatif::ProgressStyle::with_template("{spinner} {msg} [{elapsed}]")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner());
            let bar = indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr())
                .with_style(style);
            let started = Instant::now();
            // Any message, or every sender gone, ends the spinner.
            while let Err(mpsc::RecvTimeoutError::Timeout) = rx.recv_timeout(REDRAW) {
                if started.elapsed() < QUIET_START {
                    continue;
                }
                let (stage, records) = isca::watch::now();
                bar.set_message(match stage {
                    isca::watch::Stage::Idle | isca::watch::Stage::Schemas => stage.label().to_string(),
                    _ => format!("{}: {records} records", stage.label()),
                });
                bar.tick();
            }
            bar.finish_and_clear();
        });
        Spinner { stop: Stop(tx), thread: Some(thread) }
    }
}

impl Drop for Spinner {
    /// The spinner's line is cleared before anything else is written to stderr.
    fn drop(&mut self) {
        self.stop.stop();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Standard output that stops the spinner before its first byte, so that the report never
/// shares a terminal line with it (both go to the same screen).
pub struct AfterSpinner<W: Write> {
    pub out: W,
    pub spinner: Option<Spinner>,
}

impl<W: Write> Write for AfterSpinner<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.spinner = None;
        self.out.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}
