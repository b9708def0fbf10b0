//! The one integration-test binary: every test runs the real `isca` binary on a temp folder.

// Shared fixture: a temp root with the real schemas, and a way to run the binary in it.
mod common;
// `isca diff` between two roots, in every format.
mod diff;
// `isca fmt`: canonical bytes restored, values kept, unparseable files untouched.
mod fmt;
// `isca new`: scaffolds, their placeholders, refusals.
mod new;
// `isca validate` on the bundled dataset and on single faults.
mod validate;
// One fixture per rule code, snapshotted; `isca rules`.
mod rules;
// One multi-problem fixture in every report format; SARIF and JUnit checked as documents.
mod formats;
// Single faults injected into a copy of the base fixture: exit 1, the right file and line.
mod faults;
// The repository's CI workflow and pre-commit hooks.
mod workflow;
// `isca build`: exit codes, refusal, atomic replacement, byte-identical rebuilds.
mod build;
// The published files of the base fixture, one snapshot each.
mod export;
// Reading Parquet back (schema, metadata, rows as JSON) for snapshots and round trips.
mod parquet_read;
// Records → Parquet and CSV → read back → the same records.
mod round_trip;
// `isca synth`: valid output, exact faults, determinism.
mod synth;
// CI and terminal users: output caps, rule pages, completions, colour, wide carets.
mod ci;
