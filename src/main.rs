//! The `isca` binary: parse arguments, run the library, turn the outcome into an exit code.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use isca::ExitStatus;
use isca::cli::{Cli, Command};
use isca::error::Error;

// What the binary draws on stderr (the library never prints), kept out of the thin main.
#[path = "main/progress.rs"]
mod progress;

use progress::{AfterSpinner, Bar, Spinner};

// Loading builds millions of small values on every core; mimalloc's thread-local free
// lists cut validate's time by a third against glibc malloc (bench/RESULTS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = std::io::stdout();
    let color = isca::terminal::auto_color(stdout.is_terminal(), |name| std::env::var_os(name));
    let spinner = matches!(cli.command, Command::Validate(_) | Command::Build(_)).then(Spinner::start);
    let mut out = AfterSpinner { out: std::io::BufWriter::new(stdout.lock()), spinner };
    let result = match &cli.command {
        // The build's progress bar belongs to the binary: the library never prints.
        Command::Build(args) => {
            isca::commands::build::run(args, args.color.resolve(color), &mut out, &mut Bar::stderr())
        }
        _ => isca::run(&cli, color, &mut out),
    };
    out.spinner = None;
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
