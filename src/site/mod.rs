//! The dataset as a static website (`dist/site/`), generated from the same table model as the
//! other exports and browsable offline, from `file://` or any static host.
//!
//! ```text
//! index.html                       home.rs (timeline.rs, network.rs, meta.rs)
//! codebook.html                    codebook.rs
//! <table>/index.html, page-N.html  list.rs: paginated list, search box and facets
//! <table>/search-N.js              list.rs: the search index, sharded
//! <table>/<id>.html                record.rs: every field, every reference both ways
//! assets/site.css, assets/site.js  assets/
//! ```
//!
//! All markup goes through maud, which escapes every value; pages load only the site's own
//! stylesheet and script (a strict Content-Security-Policy says so); links are relative.

pub mod codebook;
pub mod home;
pub mod layout;
pub mod list;
pub mod meta;
pub mod network;
pub mod record;
pub mod timeline;
pub mod view;

use rayon::prelude::*;

use crate::error::Result;
use crate::export::staging::Written;
use crate::export::table::Model;
use view::{Rec, View};

pub const CSS: &str = include_str!("assets/site.css");
pub const JS: &str = include_str!("assets/site.js");

/// Record pages rendered in parallel between two hand-overs to the writer.
const BATCH: usize = 4096;

/// How many files `render` writes, for a progress bar.
pub fn file_count(model: &Model) -> usize {
    4 + model.tables.iter().map(|t| list::pages(t.rows) + list::shards(t.rows) + t.rows).sum::<usize>()
}

/// Renders the whole site, handing each file (path relative to the site, bytes) to `put`.
/// `downloads` are the data files published beside the site (`None` for a site on its own).
pub fn render(model: &Model, downloads: Option<&[Written]>, put: &mut dyn FnMut(&str, &[u8]) -> Result<()>) -> Result<()> {
    let view = View::new(model);
    put("assets/site.css", CSS.as_bytes())?;
    put("assets/site.js", JS.as_bytes())?;
    put("index.html", home::render(&view, downloads).as_bytes())?;
    put("codebook.html", codebook::render(&view).as_bytes())?;
    for (t, frame) in model.tables.iter().enumerate() {
        let facets = list::facets(&view, t);
        for n in 0..list::pages(frame.rows) {
            put(&format!("{}/{}", frame.name, list::page_file(n)), list::render(&view, t, &facets, n).as_bytes())?;
        }
        for s in 0..list::shards(frame.rows) {
            put(&format!("{}/search-{s}.js", frame.name), list::shard(&view, t, &facets, s).as_bytes())?;
        }
        let rows: Vec<usize> = (0..frame.rows).collect();
        for batch in rows.chunks(BATCH) {
            let pages: Vec<(String, String)> = batch
                .par_iter()
                .map(|&row| {
                    let r = Rec { table: t, row };
                    (view.href(r), record::render(&view, r))
                })
                .collect();
            for (path, html) in pages {
                put(&path, html.as_bytes())?;
            }
        }
    }
    Ok(())
}
