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
use crate::export::staging::{Staging, Written};
use crate::export::table::Model;
use view::{Rec, View};

pub const CSS: &str = include_str!("assets/site.css");
pub const JS: &str = include_str!("assets/site.js");

/// Record pages rendered and written in parallel between two reports of progress.
const BATCH: usize = 4096;

/// How many files `render` writes, for a progress bar.
pub fn file_count(model: &Model) -> usize {
    4 + model.tables.iter().map(|t| list::pages(t.rows) + list::shards(t.rows) + t.rows).sum::<usize>()
}

/// Renders the whole site into the folder `under` of `out` (`""` for the output itself), each
/// page written by the thread that rendered it, and tells `done` what was written, batch by
/// batch. `downloads` are the data files published beside the site (`None` for a site on its
/// own).
pub fn render(
    model: &Model,
    downloads: Option<&[Written]>,
    out: &mut Staging,
    under: &str,
    done: &mut dyn FnMut(&[Written]),
) -> Result<()> {
    let view = View::new(model);
    let folder = |rel: &str| if under.is_empty() { rel.to_string() } else { format!("{under}/{rel}") };
    let mut add = |out: &mut Staging, written: Vec<Written>| {
        done(&written);
        out.add(written);
    };
    let assets = out.pages(&folder("assets"))?;
    let root = out.pages(under)?;
    let written = vec![
        assets.write("site.css", CSS.as_bytes())?,
        assets.write("site.js", JS.as_bytes())?,
        root.write("index.html", home::render(&view, downloads).as_bytes())?,
        root.write("codebook.html", codebook::render(&view).as_bytes())?,
    ];
    add(out, written);
    let mut tables = Vec::with_capacity(model.tables.len());
    for (t, frame) in model.tables.iter().enumerate() {
        let pages = out.pages(&folder(&frame.name))?;
        let facets = list::facets(&view, t);
        let lists: Vec<Written> = (0..list::pages(frame.rows))
            .into_par_iter()
            .map(|n| pages.write(&list::page_file(n), list::render(&view, t, &facets, n).as_bytes()))
            .collect::<Result<_>>()?;
        add(out, lists);
        let shards: Vec<Written> = (0..list::shards(frame.rows))
            .into_par_iter()
            .map(|s| pages.write(&format!("search-{s}.js"), list::shard(&view, t, &facets, s).as_bytes()))
            .collect::<Result<_>>()?;
        add(out, shards);
        tables.push(pages);
    }
    for (t, (frame, pages)) in model.tables.iter().zip(&tables).enumerate() {
        for start in (0..frame.rows).step_by(BATCH) {
            let written: Vec<Written> = (start..frame.rows.min(start + BATCH))
                .into_par_iter()
                .map(|row| {
                    let r = Rec { table: t, row };
                    pages.write(&view.file_name(r), record::render(&view, r).as_bytes())
                })
                .collect::<Result<_>>()?;
            add(out, written);
        }
    }
    Ok(())
}
