//! Command-line arguments (clap derive). Parsing only: no I/O, no defaults computed from disk.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::diagnostic::Severity;

/// Validate and publish the dataset of information-security cooperation agreements.
#[derive(Debug, Parser)]
#[command(name = "isca", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every record: strict JSON, schema, cross-references. Exit 1 on findings.
    Validate(ValidateArgs),
    /// List the rules, or explain one.
    Rules(RulesArgs),
    /// Write a synthetic dataset of any size (valid, or with known faults) for benchmarks.
    Synth(SynthArgs),
}

#[derive(Debug, clap::Args)]
pub struct ValidateArgs {
    /// Folder holding `schema/` and `dataset/`.
    #[arg(default_value = ".")]
    pub root: PathBuf,
    /// Report format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Lowest severity that makes the run fail (exit 1).
    #[arg(long, value_enum, default_value_t = Severity::Error)]
    pub fail_on: Severity,
    /// Colour in the text report.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    /// Print the documentation of one rule, by code (`X003`) or name (`dangling-reference`).
    #[arg(long, value_name = "CODE")]
    pub explain: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct SynthArgs {
    /// Folder to write `schema/`, `dataset/` and `faults.json` into; must hold no dataset yet.
    pub out: PathBuf,
    /// Number of events; agreements are a tenth of it, sources a twentieth.
    #[arg(long)]
    pub events: usize,
    /// Seed of the random streams: the same seed and size give the same bytes.
    #[arg(long, default_value_t = 20240601)]
    pub seed: u64,
    /// One file per record, or one JSON Lines file per table.
    #[arg(long, value_enum, default_value_t = crate::synth::Layout::Files)]
    pub layout: crate::synth::Layout,
    /// Faults of each kind to inject, listed in `faults.json`.
    #[arg(long, default_value_t = 0)]
    pub faults: usize,
}

/// Report formats of `validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Compiler-style text with source lines and carets.
    Text,
    /// `{"findings": [...], "summary": {...}}`.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}
