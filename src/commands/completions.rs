//! `isca completions SHELL`: the completion script for bash, zsh, fish, PowerShell or elvish,
//! generated from the same clap definition as the parser, so it cannot fall behind it.

use std::io::Write;

use clap::CommandFactory;

use crate::ExitStatus;
use crate::cli::{Cli, CompletionsArgs};
use crate::error::{Error, Result};

pub fn run(args: &CompletionsArgs, out: &mut dyn Write) -> Result<ExitStatus> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "isca", &mut script);
    out.write_all(&script).map_err(|e| Error::io("<stdout>", e))?;
    Ok(ExitStatus::Success)
}
