//! "Could not run" errors: the run stops and exits 2. Problems in the data are never errors;
//! they are findings (see `diagnostic`).

use std::path::PathBuf;

/// Why a command could not run, always with the path involved.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A folder the command needs is missing or not a folder.
    #[error("{path}: {what} not found")]
    Missing { path: PathBuf, what: &'static str },
    /// Reading or writing a file or folder failed.
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    /// A schema file is not valid JSON or not a usable JSON Schema.
    #[error("{path}: invalid schema: {message}")]
    Schema { path: PathBuf, message: String },
    /// The command was asked for something it cannot do (unknown table, used id, …).
    #[error("{0}")]
    Usage(String),
    /// A path the command would read or write is a link, a file where a folder belongs, or
    /// data the command did not create: refused, so nothing outside ROOT or its output changes.
    #[error("{path}: {reason}")]
    Unsafe { path: PathBuf, reason: String },
    /// Writing an export file failed for a reason other than I/O.
    #[error("{path}: could not write: {message}")]
    Export { path: PathBuf, message: String },
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io { path: path.into(), source }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
