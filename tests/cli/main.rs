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
// Citation roles: X012 counts only supporting citations, X016, the exported `role`.
mod citation_role;
// Links, FIFOs, endless files, hidden and wrong-case records, unsafe output folders.
#[cfg(unix)]
mod hostile_fs;
// Hostile inputs (JSONTestSuite-style and crafted): exit code, finding, time, memory, inertness.
mod hostile;
// The fuzz targets' properties on stable: the committed corpus replayed, then proptest.
mod fuzz_replay;
// Tests against mutants that cargo-mutants found alive (guards, date arms).
mod bite;
// The website: a page of each kind, links, the escaping corpus, determinism.
mod site;
// `isca lsp` over stdio: every request's response, cross-file updates, robustness.
mod lsp;
// The minimal LSP client those tests drive the server with.
mod lsp_client;
// The analysts' files: DuckDB load script, Datasette metadata, Croissant, SQLite read back.
mod analyst;
// CI and terminal users: output caps, rule pages, completions, colour, wide carets.
mod ci;
