//! `SHA256SUMS`: the checksum of every published file, in the format `sha256sum --check` reads
//! (`<hex>  <path>`), paths relative to the output folder and sorted.

use sha2::{Digest, Sha256};

use super::staging::Written;

pub fn sha256_hex(bytes: &[u8]) -> String {
    crate::catalog::hex(&Sha256::digest(bytes))
}

/// The `SHA256SUMS` text for `files`.
pub fn sums(files: &[Written]) -> String {
    let mut lines: Vec<(&str, &str)> = files.iter().map(|f| (f.path.as_str(), f.sha256.as_str())).collect();
    lines.sort();
    lines.iter().map(|(path, hash)| format!("{hash}  {path}\n")).collect()
}
