//! `isca diff OLD NEW`: what changed between two dataset roots. Informational: exit 0 whatever
//! the differences; exit 2 only if a root cannot be read.

use std::io::Write;

use crate::cli::DiffArgs;
use crate::error::{Error, Result};
use crate::{ExitStatus, diff};

pub fn run(args: &DiffArgs, out: &mut dyn Write) -> Result<ExitStatus> {
    let d = diff::compare(&args.old, &args.new)?;
    diff::write(args.format, &d, out).map_err(|e| Error::io("<stdout>", e))?;
    Ok(ExitStatus::Success)
}
