//! Publishing: the loaded dataset → one typed table model (`table`) → one writer per format,
//! all into a staging folder that replaces the output folder only when complete (`staging`).
//!
//! ```text
//! dist/csv/<table>.csv, dist/csv/<singular>_<field>.csv   csv.rs
//! dist/json/<table>.json, dist/json/<table>.jsonl         json.rs
//! dist/parquet/<table>.parquet                            parquet.rs
//! dist/sqlite/isca.db, dist/sqlite/metadata.json          sqlite.rs, datasette.rs
//! dist/duckdb/load.sql                                    duckdb.rs
//! dist/croissant.json                                     croissant.rs
//! dist/CODEBOOK.md                                        codebook.rs
//! dist/datapackage.json                                   datapackage.rs
//! dist/site/                                              ../site/ (unless `--no-site`)
//! dist/SHA256SUMS                                         checksums.rs
//! ```
//!
//! The output depends on the dataset, the schemas and the `isca` version only: rows sorted by
//! id, columns in schema order, no timestamps, no paths of the machine that built it.

pub mod cells;
pub mod checksums;
pub mod codebook;
pub mod csv;
pub mod datapackage;
pub mod json;
pub mod links;
pub mod pages;
pub mod parquet;
pub mod plan;
pub mod spans;
pub mod staging;
pub mod stream;
pub mod table;
pub mod target;
pub mod texts;
// Analysts' clients: licence and citation, SQLite + Datasette, DuckDB, Croissant.
pub mod about;
pub mod croissant;
pub mod datasette;
pub mod duckdb;
pub mod spark;
pub mod sql;
pub mod sqlite;

use std::path::Path;

use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::load::Dataset;
use staging::Staging;
use stream::{Job, Sink};
use table::{Frame, Model};

/// Told how a build goes, for a progress bar. The library never prints: the binary implements
/// this over its terminal, everyone else passes [`Quiet`].
pub trait Progress {
    /// The build will write `files` files.
    fn start(&mut self, _files: u64) {}
    /// One more file is written, at `path` relative to the output folder.
    fn wrote(&mut self, _path: &str) {}
    /// The output is in place.
    fn finish(&mut self) {}
}

/// No progress reporting.
pub struct Quiet;

impl Progress for Quiet {}

/// What a build published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Published {
    pub tables: usize,
    pub records: usize,
    pub files: usize,
}

/// Publishes `dataset` into `out`, replacing what an earlier build put there.
pub fn publish(catalog: &Catalog, dataset: &Dataset, out: &Path, progress: &mut dyn Progress) -> Result<Published> {
    publish_with(catalog, dataset, out, true, progress)
}

/// Publishes `dataset` into `out`, with the website in `site/` when `site` is set.
pub fn publish_with(
    catalog: &Catalog,
    dataset: &Dataset,
    out: &Path,
    site: bool,
    progress: &mut dyn Progress,
) -> Result<Published> {
    let model = Model::build(catalog, dataset)?;
    let mut staging = Staging::create(out)?;
    let csv_files: usize = model.tables.iter().map(|t| 1 + t.links.len()).sum();
    let site_files = if site { crate::site::file_count(&model) } else { 0 };
    // Per table: its CSV files, two JSON files, one Parquet file; then the package files.
    progress.start((csv_files + 3 * model.tables.len() + 3 + ANALYST_FILES + site_files) as u64);
    // The data files are independent of each other: streamed in parallel (listed in the
    // order the site's download list and SHA256SUMS have always had).
    let mut jobs = Vec::new();
    for table in &model.tables {
        let name = &table.name;
        for frame in std::iter::once(table).chain(&table.links) {
            jobs.push(Job::new(datapackage::csv_path(frame), move |out: &mut Sink| {
                csv::write(frame, out).map_err(|e| export_error(frame, "csv", e))
            }));
        }
        jobs.push(Job::new(format!("json/{name}.json"), move |out: &mut Sink| {
            json::write_array(table, out).map_err(|e| export_error(table, "json", e))
        }));
        jobs.push(Job::new(format!("json/{name}.jsonl"), move |out: &mut Sink| {
            json::write_lines(table, out).map_err(|e| export_error(table, "jsonl", e))
        }));
        let model = &model;
        jobs.push(Job::new(format!("parquet/{name}.parquet"), move |out: &mut Sink| {
            parquet::write(model, table, out).map_err(|e| export_error(table, "parquet", e))
        }));
    }
    jobs.push(
        Job::file("sqlite/isca.db".into(), |path: &Path| {
            sqlite::write(&model, path)
                .map_err(|e| Error::Export { path: "sqlite/isca.db".into(), message: e.to_string() })
        })
        .first(),
    );
    // The site's record and list pages need only the model: they are written by a thread of
    // their own while the data files are, filling the time the data writers leave the cores
    // idle (SQLite is one thread, fsyncs wait). Their progress is passed to this thread.
    let view = site.then(|| crate::site::view::View::new(&model));
    let folders = match site {
        true => Some(crate::site::Folders::open(&model, &mut staging, "site")?),
        false => None,
    };
    let pages = std::thread::scope(|scope| -> Result<_> {
        let (tell, told) = std::sync::mpsc::channel::<Vec<String>>();
        let pages = view.as_ref().zip(folders.as_ref()).map(|(view, folders)| {
            scope.spawn(move || {
                let charts = crate::site::home::Charts::new(view);
                let pages = crate::site::render_tables(view, folders, &mut |written| {
                    // Gone: the build failed, and the error is on its way.
                    let _ = tell.send(written.iter().map(|w| w.path.clone()).collect());
                });
                pages.map(|pages| (charts, pages))
            })
        });
        let data = staging.stream(jobs).map(|written| written.iter().for_each(|w| progress.wrote(&w.path)));
        // Until the page writer is done (the channel closes with it).
        told.iter().flatten().for_each(|path| progress.wrote(&path));
        let pages = pages.map(|h| h.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
        data?;
        pages.transpose()
    })?;
    let mut put = |staging: &mut Staging, path: String, bytes: Vec<u8>| -> Result<()> {
        staging.put(&path, &bytes)?;
        progress.wrote(&path);
        Ok(())
    };
    put(&mut staging, "sqlite/metadata.json".into(), pretty("sqlite/metadata.json", &datasette::metadata(&model))?)?;
    put(&mut staging, "duckdb/load.sql".into(), duckdb::render(&model).into_bytes())?;
    let croissant = croissant::describe(&model, staging.written());
    put(&mut staging, "croissant.json".into(), pretty("croissant.json", &croissant)?)?;
    put(&mut staging, "CODEBOOK.md".into(), codebook::render(&model).into_bytes())?;
    // The data package describes the data files, so it comes after all of them and before
    // the site, which is a view of the data rather than part of it.
    let package = datapackage::describe(&model, staging.written());
    put(&mut staging, "datapackage.json".into(), pretty("datapackage.json", &package)?)?;
    if let (Some(view), Some(folders), Some((charts, pages))) = (&view, &folders, pages) {
        // The marker says whose folder this is; it is no download.
        let downloads: Vec<_> = staging.written().iter().filter(|w| w.path != target::MARKER).cloned().collect();
        let front = crate::site::render_front(view, folders, &charts, Some(&downloads))?;
        front.iter().for_each(|w| progress.wrote(&w.path));
        staging.add(front);
        staging.add(pages);
    }
    let sums = checksums::sums(staging.written());
    staging.put("SHA256SUMS", sums.as_bytes())?;
    progress.wrote("SHA256SUMS");
    let files = staging.written().len();
    staging.commit()?;
    progress.finish();
    Ok(Published { tables: model.tables.len(), records: model.records(), files })
}

/// The files of the analysts' clients: the SQLite database and its Datasette metadata, the
/// DuckDB load script and `croissant.json`.
const ANALYST_FILES: usize = 4;

/// Pretty JSON with a final newline.
fn pretty(path: &str, value: &serde_json::Value) -> Result<Vec<u8>> {
    let mut bytes =
        serde_json::to_vec_pretty(value).map_err(|e| Error::Export { path: path.into(), message: e.to_string() })?;
    bytes.push(b'\n');
    Ok(bytes)
}

fn export_error(frame: &Frame, format: &str, e: impl std::fmt::Display) -> Error {
    Error::Export { path: format!("{}.{format}", frame.name).into(), message: e.to_string() }
}
