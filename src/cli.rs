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
    /// Rewrite every record in canonical form (schema key order, 2-space indent).
    Fmt(FmtArgs),
    /// Create `dataset/TABLE/ID.json` with a placeholder in every required field.
    New(NewArgs),
    /// Compare two dataset roots: records added, removed and changed, field by field.
    Diff(DiffArgs),
    /// Validate, then publish CSV, JSON, Parquet, datapackage.json and a codebook to `dist/`.
    Build(BuildArgs),
    /// Write a synthetic dataset of any size (valid, or with known faults) for benchmarks.
    Synth(SynthArgs),
    /// Validate, then write the dataset as a static website alone (`isca build` includes it).
    Site(SiteArgs),
    /// Serve the Language Server Protocol over stdin/stdout: live findings in the editor.
    Lsp(LspArgs),
    /// Print a completion script: `source <(isca completions bash)`.
    Completions(CompletionsArgs),
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
    /// Findings to show (a number or `all`) [default: github 10, sarif 5000, markdown 100,
    /// otherwise all]. Counts and the exit code always cover every finding.
    #[arg(long, value_name = "N")]
    pub max_findings: Option<crate::report::cap::MaxFindings>,
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
    /// Colour in the report that precedes the build.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Publish the data files only, without the website in `site/`.
    #[arg(long)]
    pub no_site: bool,
}

#[derive(Debug, clap::Args)]
pub struct SiteArgs {
    /// Folder holding `schema/` and `dataset/`.
    #[arg(default_value = ".")]
    pub root: PathBuf,
    /// Output folder [default: ROOT/site]. Replaced whole, and only when the site is complete.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Lowest severity that stops the site (exit 1, nothing written).
    #[arg(long, value_enum, default_value_t = Severity::Error)]
    pub fail_on: Severity,
}

#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    /// Print the documentation of one rule, by code (`X003`) or name (`dangling-reference`).
    #[arg(long, value_name = "CODE", conflicts_with = "markdown")]
    pub explain: Option<String>,
    /// Write one Markdown page per rule, `DIR/CODE.md`, plus `DIR/README.md` listing them.
    #[arg(long, value_name = "DIR")]
    pub markdown: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct FmtArgs {
    /// Folder holding `schema/` and `dataset/`.
    #[arg(default_value = ".")]
    pub root: PathBuf,
    /// Change nothing: list the files that are not canonical and exit 1 if there are any.
    #[arg(long)]
    pub check: bool,
}

#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// Table of the new record (`isca new` with an unknown table lists them).
    pub table: String,
    /// Id of the new record; it becomes the file name.
    pub id: String,
    /// Folder holding `schema/` and `dataset/`.
    #[arg(default_value = ".")]
    pub root: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The earlier root (e.g. a checkout of the last release).
    pub old: PathBuf,
    /// The later root (e.g. the working tree).
    pub new: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
}

/// Output formats of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// For people: one line per record, one indented line per changed field.
    Text,
    /// For machines: `{"tables": [...], "summary": {...}}`.
    Json,
    /// For CHANGELOG.md and release notes.
    Markdown,
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
    /// GitHub Actions workflow commands: one annotation per finding.
    Github,
    /// SARIF 2.1.0, for code scanning (github/codeql-action/upload-sarif).
    Sarif,
    /// JUnit XML: one test case per checked file.
    Junit,
    /// A Markdown summary for `$GITHUB_STEP_SUMMARY` and pull-request comments.
    Markdown,
}

/// `--color`: `auto` follows the terminal and the environment (`terminal::auto_color`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, clap::Args)]
pub struct LspArgs {
    /// Accepted for clients that pass it; stdio is the only transport.
    #[arg(long)]
    pub stdio: bool,
}

impl ColorChoice {
    /// Whether to colour, given what `auto` would decide: a flag beats the environment.
    pub fn resolve(self, auto: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => auto,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}
