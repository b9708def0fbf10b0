//! What the site says about the dataset as a whole: how to cite it, its licence, and the
//! schema.org `Dataset` description that dataset search engines read.
//!
//! The licence of the data is declared here, in one place: the code's licence (Cargo.toml) is
//! not the data's, and until the project chooses one the site says that none is declared.

use serde_json::{Value, json};

use super::view::View;
use crate::export::about;
use crate::export::datapackage::{DESCRIPTION, TITLE};
use crate::export::staging::Written;

/// The licence of the published data: its name and the URL of its text.
pub struct Licence {
    pub name: &'static str,
    pub url: &'static str,
}

/// The data licence, from the one place every output reads it (`export::about`).
pub const LICENCE: Option<Licence> = Some(Licence { name: about::LICENSE_TITLE, url: about::LICENSE_URL });

/// Who the citation names as author.
pub const AUTHOR: &str = about::CREATOR;

/// The recommended citation, in plain text: the same as CITATION.cff and the Parquet metadata.
pub fn citation(view: &View<'_>) -> String {
    about::citation(&view.model.version)
}

/// schema.org `Dataset`, with one `DataDownload` per published data file.
pub fn json_ld(view: &View<'_>, downloads: Option<&[Written]>) -> Value {
    let mut ld = json!({
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": TITLE,
        "description": DESCRIPTION,
        "version": view.model.version,
        "creator": {"@type": "Organization", "name": AUTHOR},
        "citation": citation(view),
        "isAccessibleForFree": true,
        "keywords": ["information security", "cybersecurity", "international agreements", "treaties", "cooperation"],
        "variableMeasured": view.model.tables.iter().map(|t| t.name.clone()).collect::<Vec<_>>(),
    });
    if let Some(l) = &LICENCE {
        ld["license"] = json!(l.url);
    }
    if let Some(files) = downloads {
        ld["distribution"] = files
            .iter()
            .map(|w| {
                json!({
                    "@type": "DataDownload",
                    "contentUrl": format!("../{}", w.path),
                    "encodingFormat": media_type(&w.path),
                    "contentSize": format!("{} B", w.bytes),
                    "sha256": w.sha256,
                })
            })
            .collect();
    }
    ld
}

pub fn media_type(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("csv") => "text/csv",
        Some("json") => "application/json",
        Some("jsonl") => "application/jsonl",
        Some("parquet") => "application/vnd.apache.parquet",
        Some("md") => "text/markdown",
        _ => "text/plain",
    }
}

/// A size for people: `1.2 MB`, `830 B`.
pub fn size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 => format!("{:.1} MB", b as f64 / f64::from(1 << 20)),
        b if b >= 1 << 10 => format!("{:.1} kB", b as f64 / f64::from(1 << 10)),
        b => format!("{b} B"),
    }
}
