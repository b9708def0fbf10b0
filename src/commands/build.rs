//! `isca build`: validate, then publish, or refuse and publish nothing.
//!
//! The text report always comes first, so warnings that do not stop the build are still seen.

use std::io::Write;

use crate::cli::{BuildArgs, Format};
use crate::error::{Error, Result};
use crate::export::{self, Progress};
use crate::report::{self, Report};
use crate::{ExitStatus, validate};

pub fn run(args: &BuildArgs, color: bool, out: &mut dyn Write, progress: &mut dyn Progress) -> Result<ExitStatus> {
    let io = |e| Error::io("<stdout>", e);
    let dir = args.out.clone().unwrap_or_else(|| args.root.join("dist"));
    // Before the work: a folder the build must never replace is refused up front.
    export::target::refuse_protected(&args.root, &dir)?;
    let v = validate(&args.root)?;
    report::write(Format::Text, &Report::new(&v, args.fail_on), color, out).map_err(io)?;
    if ExitStatus::from_findings(&v.findings, args.fail_on) == ExitStatus::Failure {
        writeln!(out, "nothing published: the dataset has findings at or above `--fail-on {}`", args.fail_on.as_str())
            .map_err(io)?;
        return Ok(ExitStatus::Failure);
    }
    let done = export::publish_with(&v.catalog, &v.dataset, &dir, !args.no_site, progress)?;
    writeln!(
        out,
        "published {} records of {} tables to {} ({} files)",
        done.records,
        done.tables,
        dir.display(),
        done.files
    )
    .map_err(io)?;
    Ok(ExitStatus::Success)
}
