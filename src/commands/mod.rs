//! One file per subcommand: each turns its arguments into library calls and an exit status.

pub mod build;
pub mod completions;
pub mod diff;
pub mod fmt;
pub mod lsp;
pub mod new;
pub mod rules;
pub mod site;
pub mod synth;
pub mod validate;
