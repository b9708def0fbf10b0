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
    /// Validate, then publish CSV, JSON, Parquet, datapackage.json and a codebook to `dist/`.
    Build(BuildArgs),
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
pub struct BuildArgs {
    /// Folder holding `schema/` and `dataset/`.
    #[arg(default_value = ".")]
    pub root: PathBuf,
    /// Output folder [default: ROOT/dist]. Replaced whole, and only when the build succeeds.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Lowest severity that stops the build (exit 1, nothing written).
    #[arg(long, value_enum, default_value_t = Severity::Error)]
    pub fail_on: Severity,
}

#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    /// Print the documentation of one rule, by code (`X003`) or name (`dangling-reference`).
    #[arg(long, value_name = "CODE")]
    pub explain: Option<String>,
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
