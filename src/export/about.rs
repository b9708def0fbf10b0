//! What every published file says about the dataset as a whole: its licence, how to credit it,
//! where it lives and who made it. One place, so that `datapackage.json`, the Parquet metadata,
//! the SQLite/Datasette metadata, the DuckDB comments, `croissant.json` and `CODEBOOK.md` cannot
//! disagree (and a test holds `CITATION.cff` and `LICENSE-DATA` to the same values).

/// SPDX identifier of the data licence.
pub const LICENSE_ID: &str = "CC-BY-4.0";
pub const LICENSE_TITLE: &str = "Creative Commons Attribution 4.0 International";
pub const LICENSE_URL: &str = "https://creativecommons.org/licenses/by/4.0/";
/// The SPDX licence URL, which Croissant recommends.
pub const LICENSE_SPDX_URL: &str = "https://spdx.org/licenses/CC-BY-4.0.html";

/// Who holds the copyright and is credited.
pub const CREATOR: &str = "The isca contributors";

/// The project's address, from `Cargo.toml` (`homepage`).
pub const HOMEPAGE: &str = env!("CARGO_PKG_HOMEPAGE");

/// What CC BY 4.0 asks of a reuser, in one sentence.
pub const ATTRIBUTION: &str = "Credit \"isca: Information-security cooperation agreements, by the isca contributors\" \
     with the version used, link to https://creativecommons.org/licenses/by/4.0/ and say if you changed the data.";

/// Where the facts come from: the documents of the `sources` table.
pub const SOURCES_NOTE: &str = "Public documents (treaties, official statements, news articles and analyses), one \
     record each in the `sources` table; every other record cites them with a locator.";

/// The suggested citation of one version.
pub fn citation(version: &str) -> String {
    format!(
        "{CREATOR}. isca: Information-security cooperation agreements (version {version}). {HOMEPAGE}. {LICENSE_ID}."
    )
}

/// The licence line used in text formats (CODEBOOK.md, comments).
pub fn license_line() -> String {
    format!("{LICENSE_TITLE} ({LICENSE_ID}), {LICENSE_URL}")
}

/// What the `isca_about` table of the SQLite and DuckDB outputs says about itself.
pub const ABOUT_TABLE: &str = "The dataset's version, licence and citation, one row per key.";

/// The rows of the `isca_about` table: the same in every database output.
pub fn rows(model: &super::table::Model) -> Vec<(&'static str, String)> {
    vec![
        ("title", super::datapackage::TITLE.to_string()),
        ("version", model.version.clone()),
        ("schema_sha256", model.schema_sha256.clone()),
        ("license", LICENSE_ID.to_string()),
        ("license_title", LICENSE_TITLE.to_string()),
        ("license_url", LICENSE_URL.to_string()),
        ("attribution", ATTRIBUTION.to_string()),
        ("citation", citation(&model.version)),
        ("homepage", HOMEPAGE.to_string()),
    ]
}
