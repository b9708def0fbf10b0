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

/// Files of the site: (path relative to the site, bytes).
pub type Files = Vec<(String, Vec<u8>)>;

/// Renders the whole site, handing the files to `put` in batches (rendered in parallel, so
/// that the writer can write them in parallel too). `downloads` are the data files published
/// beside the site (`None` for a site on its own).
pub fn render(model: &Model, downloads: Option<&[Written]>, put: &mut dyn FnMut(Files) -> Result<()>) -> Result<()> {
    let view = View::new(model);
    let mut files: Files = vec![
        ("assets/site.css".into(), CSS.into()),
        ("assets/site.js".into(), JS.into()),
        ("index.html".into(), home::render(&view, downloads).into_bytes()),
        ("codebook.html".into(), codebook::render(&view).into_bytes()),
    ];
    for (t, frame) in model.tables.iter().enumerate() {
        let facets = list::facets(&view, t);
        let lists: Files = (0..list::pages(frame.rows))
            .into_par_iter()
            .map(|n| {
                (format!("{}/{}", frame.name, list::page_file(n)), list::render(&view, t, &facets, n).into_bytes())
            })
            .collect();
        files.extend(lists);
        let shards: Files = (0..list::shards(frame.rows))
            .into_par_iter()
            .map(|s| (format!("{}/search-{s}.js", frame.name), list::shard(&view, t, &facets, s).into_bytes()))
            .collect();
        files.extend(shards);
    }
    put(files)?;
    for (t, frame) in model.tables.iter().enumerate() {
        let rows: Vec<usize> = (0..frame.rows).collect();
        for batch in rows.chunks(BATCH) {
            let pages: Files = batch
                .par_iter()
                .map(|&row| {
                    let r = Rec { table: t, row };
                    (view.href(r), record::render(&view, r).into_bytes())
                })
                .collect();
            put(pages)?;
        }
    }
    Ok(())
}
