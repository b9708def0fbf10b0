//! `isca fmt`: rewrite every record file in canonical form, or with `--check` list the files
//! that are not. A file that does not parse strictly is reported and left untouched.

use std::io::Write;

use crate::canonical;
use crate::catalog::Catalog;
use crate::cli::FmtArgs;
use crate::error::{Error, Result};
use crate::text::inert;
use crate::{ExitStatus, atomic, load};

pub fn run(args: &FmtArgs, out: &mut dyn Write) -> Result<ExitStatus> {
    let io = |e| Error::io("<stdout>", e);
    let catalog = Catalog::load(&args.root.join("schema"))?;
    let loaded = load::load(&args.root, &catalog)?;
    let plan = canonical::plan(&catalog, &loaded);
    let mut changed = 0;
    for file in &plan.files {
        let path = args.root.join(&*file.file);
        // Opened as the loader opened it (a regular file, never through a link). Not capped: a
        // JSON Lines table may be larger than one record, and its new text is in memory anyway.
        let current = crate::fsio::read_regular(&path, u64::MAX - 1).map_err(|e| Error::io(&path, e))?;
        if current == file.text.as_bytes() {
            continue;
        }
        changed += 1;
        if args.check {
            writeln!(out, "would reformat {}", inert(&file.file)).map_err(io)?;
        } else {
            atomic::replace(&path, file.text.as_bytes()).map_err(|e| Error::io(&path, e))?;
            writeln!(out, "formatted {}", inert(&file.file)).map_err(io)?;
        }
    }
    for f in &plan.refused {
        let (file, message) = (inert(&f.file), inert(&f.message));
        writeln!(out, "{file}:{}:{}: error[{}]: {message}", f.line, f.column, f.rule).map_err(io)?;
    }
    let skipped = plan.refused.iter().map(|f| &f.file).collect::<std::collections::BTreeSet<_>>().len();
    let unchanged = plan.files.len() - changed;
    let files = |n: usize| format!("{n} file{}", if n == 1 { "" } else { "s" });
    let mut summary = match (args.check, changed) {
        (_, 0) => format!("{} already canonical", files(unchanged)),
        (true, n) => format!("{} would be reformatted, {} already canonical", files(n), unchanged),
        (false, n) => format!("{} reformatted, {} already canonical", files(n), unchanged),
    };
    if skipped > 0 {
        summary.push_str(&format!(
            "; {} left untouched: {} not parse strictly, fix {} and run `isca fmt` again",
            files(skipped),
            if skipped == 1 { "it does" } else { "they do" },
            if skipped == 1 { "it" } else { "them" },
        ));
    }
    writeln!(out, "{summary}").map_err(io)?;
    let failed = skipped > 0 || (args.check && changed > 0);
    Ok(if failed { ExitStatus::Failure } else { ExitStatus::Success })
}
