//! The one integration-test binary: every test runs the real `isca` binary on a temp folder.

// Shared fixture: a temp root with the real schemas, and a way to run the binary in it.
mod common;
// `isca validate` on the bundled dataset and on single faults.
mod validate;
// `isca build`: exit codes, refusal, atomic replacement, byte-identical rebuilds.
mod build;
// The published files of the base fixture, one snapshot each.
mod export;
// Reading Parquet back (schema, metadata, rows as JSON) for snapshots and round trips.
mod parquet_read;
// Records → Parquet and CSV → read back → the same records.
mod round_trip;
