//! The one integration-test binary: every test runs the real `isca` binary on a temp folder.

// Shared fixture: a temp root with the real schemas, and a way to run the binary in it.
mod common;
// `isca validate` on the bundled dataset and on single faults.
mod validate;
// `isca synth`: valid output, exact faults, determinism.
mod synth;
