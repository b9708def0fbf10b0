//! Strict JSON: parsing with precise problem reports, and mapping JSON Pointers back to
//! line and column.

mod locate;
mod parse;
mod position;

pub use locate::{Target, locate};
#[cfg(test)]
pub(crate) use parse::same_decimal;
pub use parse::{Fatal, FatalKind, Issue, IssueKind, MAX_DEPTH, Parsed, parse};
pub use position::{Position, position, position_from};
