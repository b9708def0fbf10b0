//! `isca rules`: the rule catalogue, or one rule's documentation.

use std::io::Write;

use crate::cli::RulesArgs;
use crate::error::{Error, Result};
use crate::{ExitStatus, rules};

pub fn run(args: &RulesArgs, out: &mut dyn Write) -> Result<ExitStatus> {
    let io = |e| Error::io("<stdout>", e);
    match &args.explain {
        Some(code) => {
            let doc = rules::find(code)
                .ok_or_else(|| Error::Usage(format!("unknown rule `{code}`; `isca rules` lists them")))?;
            writeln!(
                out,
                "{} {} ({})\n\n{}\n\n{}",
                doc.code,
                doc.name,
                doc.severity.as_str(),
                doc.summary,
                doc.explanation
            )
            .map_err(io)?;
        }
        None => {
            for doc in rules::docs() {
                writeln!(out, "{}  {:<26} {:<7}  {}", doc.code, doc.name, doc.severity.as_str(), doc.summary)
                    .map_err(io)?;
            }
        }
    }
    Ok(ExitStatus::Success)
}
