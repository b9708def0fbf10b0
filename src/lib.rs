//! isca: validate the dataset of information-security cooperation agreements and publish it.
//!
//! The pipeline runs one way: **load** (strict JSON, in parallel) → **schema** (one compiled
//! validator per table) → **rules** (cross-references over an index built once) → **anchor**
//! (pointers become line:column) → **report**. Findings are data; `Err` means "could not run".
//! The library never prints: commands write to the `Write` they are given.

pub mod anchor;
pub mod atomic;
pub mod canonical;
pub mod catalog;
pub mod cli;
pub mod commands;
pub mod dates;
pub mod diagnostic;
pub mod diff;
pub mod doc;
pub mod error;
pub mod export;
pub mod fsio;
pub mod hash;
pub mod index;
pub mod iso3166;
pub mod json;
pub mod limit;
pub mod load;
pub mod lsp;
pub mod report;
pub mod rules;
pub mod scaffold;
pub mod schema;
pub mod site;
pub mod synth;
pub mod terminal;
pub mod text;
pub mod watch;

use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use catalog::Catalog;
use cli::{Cli, Command};
use diagnostic::{Finding, Severity};
use error::Result;
use index::Index;
use load::{Dataset, Loaded};

/// What a command means for the caller: 0 clean, 1 findings at or above the threshold,
/// 2 could not run (returned as `Err`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    Success,
    Failure,
}

impl ExitStatus {
    pub fn from_findings(findings: &[Finding], fail_on: Severity) -> Self {
        if findings.iter().any(|f| f.severity >= fail_on) { ExitStatus::Failure } else { ExitStatus::Success }
    }
}

/// A checked dataset: its tables, its records and every finding, sorted.
pub struct Validation {
    pub catalog: Catalog,
    pub dataset: Dataset,
    pub findings: Vec<Finding>,
    /// Every record file that was read, sorted, clean or not.
    pub checked: Vec<Arc<str>>,
}

/// The whole check of the dataset under `root`.
pub fn validate(root: &Path) -> Result<Validation> {
    watch::enter(watch::Stage::Schemas);
    let catalog = Catalog::load(&root.join("schema"))?;
    let validators = schema::Validators::compile(&catalog)?;
    // The schema check runs inside the loader, on each record while it is still in cache.
    let check = |r: &load::Record, value: &serde_json::Value, out: &mut Vec<Finding>| {
        schema::check_record(&validators, &catalog, r, value, out);
        watch::record();
    };
    watch::enter(watch::Stage::Records);
    let Loaded { dataset, mut findings, checked } = load::load_checked(root, &catalog, &check)?;
    watch::enter(watch::Stage::Rules);
    findings.extend(rules::check(&Index::build(&catalog, &dataset)));
    limit::per_record(&mut findings);
    watch::enter(watch::Stage::Locating);
    anchor::resolve(root, &mut findings);
    findings.sort();
    watch::enter(watch::Stage::Idle);
    Ok(Validation { catalog, dataset, findings, checked })
}

/// Runs one command. `color` says whether the output is a terminal that wants colour.
pub fn run(cli: &Cli, color: bool, out: &mut dyn Write) -> Result<ExitStatus> {
    match &cli.command {
        Command::Validate(args) => commands::validate::run(args, args.color.resolve(color), out),
        Command::Rules(args) => commands::rules::run(args, out),
        Command::Fmt(args) => commands::fmt::run(args, out),
        Command::New(args) => commands::new::run(args, out),
        Command::Diff(args) => commands::diff::run(args, out),
        Command::Build(args) => commands::build::run(args, args.color.resolve(color), out, &mut export::Quiet),
        Command::Synth(args) => commands::synth::run(args, out),
        Command::Site(args) => commands::site::run(args, color, out),
        Command::Lsp(_) => commands::lsp::run(out),
        Command::Completions(args) => commands::completions::run(args, out),
    }
}
