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

/// Report formats of `validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Compiler-style text with source lines and carets.
    Text,
    /// `{"findings": [...], "summary": {...}}`.
    Json,
    /// GitHub Actions workflow commands: one annotation per finding.
    Github,
    /// SARIF 2.1.0, for code scanning (github/codeql-action/upload-sarif).
    Sarif,
    /// JUnit XML: one test case per checked file.
    Junit,
    /// A Markdown summary for `$GITHUB_STEP_SUMMARY` and pull-request comments.
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}
