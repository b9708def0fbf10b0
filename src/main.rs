//! The `isca` binary: parse arguments, run the library, turn the outcome into an exit code.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use isca::ExitStatus;
use isca::cli::Cli;
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
    let result = isca::run(&cli, color, &mut out);
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
                eprintln!("isca: error: {e}");
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
