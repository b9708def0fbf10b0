//! `isca validate`: run the whole check and render the findings.

use std::io::Write;

use crate::cli::ValidateArgs;
use crate::error::{Error, Result};
use crate::report::cap::MaxFindings;
use crate::report::{self, Report};
use crate::{ExitStatus, validate};

pub fn run(args: &ValidateArgs, color: bool, out: &mut dyn Write) -> Result<ExitStatus> {
    let v = validate(&args.root)?;
    let max = args.max_findings.unwrap_or(MaxFindings::default_for(args.format));
    let report = Report::new(&v, args.fail_on).capped(max);
    report::write(args.format, &report, color, out).map_err(|e| Error::io("<stdout>", e))?;
    let status = ExitStatus::from_findings(&v.findings, args.fail_on);
    // The process ends right after this command, and the OS takes the memory back at once;
    // freeing a large dataset value by value first costs a tenth of the run (millions of
    // small allocations), so the records are deliberately not dropped.
    std::mem::forget(v.dataset);
    Ok(status)
}
