//! `isca validate`: run the whole check and render the findings.

use std::io::Write;

use crate::cli::ValidateArgs;
use crate::error::{Error, Result};
use crate::report::{self, Report};
use crate::{ExitStatus, validate};

pub fn run(args: &ValidateArgs, color: bool, out: &mut dyn Write) -> Result<ExitStatus> {
    let v = validate(&args.root)?;
    let report = Report::new(&v, args.fail_on);
    report::write(args.format, &report, color, out).map_err(|e| Error::io("<stdout>", e))?;
    Ok(ExitStatus::from_findings(&v.findings, args.fail_on))
}
