//! The `isca` binary: parse arguments, run the library, turn the outcome into an exit code.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use isca::ExitStatus;
use isca::cli::{Cli, Command};
use isca::error::Error;

// Loading builds millions of small values on every core; mimalloc's thread-local free
// lists cut validate's time by a third against glibc malloc (bench/RESULTS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = std::io::stdout();
    let color = stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = match &cli.command {
        // The build's progress bar belongs to the binary: the library never prints.
        Command::Build(args) => isca::commands::build::run(args, color, &mut out, &mut Bar::stderr()),
        _ => isca::run(&cli, color, &mut out),
    };
    let flushed = out.flush();
    match (result, flushed) {
        (Ok(ExitStatus::Success), Ok(())) => ExitCode::SUCCESS,
        (Ok(ExitStatus::Failure), Ok(())) => ExitCode::from(1),
        // A closed pipe (`isca validate | head`) is the reader's choice, not a failure:
        // the Unix convention, as ripgrep and ruff do.
        (Err(Error::Io { source, .. }), _) | (_, Err(source)) if source.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        (Err(e), _) => {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("isca: error: {}", isca::text::inert(&e.to_string()));
            }
            ExitCode::from(2)
        }
        (Ok(_), Err(e)) => {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("isca: error: writing output: {e}");
            }
            ExitCode::from(2)
        }
    }
}

/// The build's progress bar on stderr; indicatif hides it when stderr is not a terminal.
struct Bar(indicatif::ProgressBar);

impl Bar {
    fn stderr() -> Bar {
        let style = indicatif::ProgressStyle::with_template("{spinner} publishing {bar:30} {pos}/{len} {wide_msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
        Bar(indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr()).with_style(style))
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
