//! `cargo xtask man [DIR]`: writes the man pages of `isca` and each subcommand (`isca.1`,
//! `isca-validate.1`, …) to DIR (default `target/man`), from the same clap definition as the
//! parser.
//!
//! A workspace member rather than an `isca man` subcommand or a build script: clap_mangen and
//! roff stay out of the binary every CI job downloads, and a build script could not reach the
//! `Cli` type without compiling `src/cli.rs` twice. Packagers run this once per release.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::CommandFactory;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["man"] => man(PathBuf::from("target/man")),
        ["man", dir] => man(PathBuf::from(dir)),
        _ => {
            eprintln!("usage: cargo xtask man [DIR]");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(dir) => {
            println!("wrote the man pages to {}", dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::from(2)
        }
    }
}

fn man(dir: PathBuf) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(&dir)?;
    // The version is isca's: clap's `version` attribute read it when the library was built.
    let command = isca::cli::Cli::command();
    clap_mangen::generate_to(command, &dir)?;
    Ok(dir)
}
