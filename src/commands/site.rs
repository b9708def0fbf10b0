//! `isca site`: validate, then write the website alone (no data files, so no downloads), or
//! refuse and write nothing, as `isca build` does.

use std::io::Write;

use crate::cli::{Format, SiteArgs};
use crate::error::{Error, Result};
use crate::export::checksums;
use crate::export::staging::Staging;
use crate::export::table::Model;
use crate::report::{self, Report};
use crate::{ExitStatus, validate};

pub fn run(args: &SiteArgs, color: bool, out: &mut dyn Write) -> Result<ExitStatus> {
    let io = |e| Error::io("<stdout>", e);
    let v = validate(&args.root)?;
    report::write(Format::Text, &Report::new(&v, args.fail_on), color, out).map_err(io)?;
    if ExitStatus::from_findings(&v.findings, args.fail_on) == ExitStatus::Failure {
        writeln!(out, "no site written: the dataset has findings at or above `--fail-on {}`", args.fail_on.as_str())
            .map_err(io)?;
        return Ok(ExitStatus::Failure);
    }
    let dir = args.out.clone().unwrap_or_else(|| args.root.join("site"));
    let model = Model::build(&v.catalog, &v.dataset)?;
    let mut staging = Staging::create(&dir)?;
    crate::site::render(&model, None, &mut staging, "", &mut |_| {})?;
    // The checksums also mark the folder as ours, so the next run may replace it.
    let sums = checksums::sums(staging.written());
    staging.put("SHA256SUMS", sums.as_bytes())?;
    let files = staging.written().len();
    staging.commit()?;
    writeln!(out, "wrote the site of {} records to {} ({files} files)", model.records(), dir.display()).map_err(io)?;
    Ok(ExitStatus::Success)
}
