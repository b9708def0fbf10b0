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
// The repository's CI workflow and pre-commit hooks.
mod workflow;
