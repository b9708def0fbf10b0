//! `isca lsp`: the Language Server Protocol server on stdin and stdout (see `crate::lsp`).

use std::io::Write;

use crate::ExitStatus;
use crate::error::Result;

pub fn run(out: &mut dyn Write) -> Result<ExitStatus> {
    crate::lsp::run_stdio(std::io::stdin(), out)?;
    Ok(ExitStatus::Success)
}
