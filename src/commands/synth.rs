//! `isca synth`: write a synthetic dataset and say in one line what was written.

use std::io::Write;

use crate::ExitStatus;
use crate::cli::SynthArgs;
use crate::error::{Error, Result};
use crate::synth::{self, Options};

pub fn run(args: &SynthArgs, out: &mut dyn Write) -> Result<ExitStatus> {
    let opts = Options { events: args.events, seed: args.seed, layout: args.layout, faults: args.faults };
    let manifest = synth::generate(&args.out, &opts)?;
    let records: usize = manifest.records.values().sum();
    writeln!(
        out,
        "wrote {records} records ({} events, layout {}, seed {}) and {} faults to {}",
        manifest.events,
        manifest.layout,
        manifest.seed,
        manifest.faults.len(),
        args.out.display()
    )
    .map_err(|e| Error::io("<stdout>", e))?;
    Ok(ExitStatus::Success)
}
