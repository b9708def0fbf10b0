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
use crate::export::pages::Pages;
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

/// The site's folders in the output, opened (and created) before any page is written, so
/// that pages can be written beside other work on the staging folder.
pub struct Folders {
    root: Pages,
    assets: Pages,
    tables: Vec<Pages>,
}

impl Folders {
    /// The site's folders under `under` of `out` (`""` for the output itself).
    pub fn open(model: &Model, out: &mut Staging, under: &str) -> Result<Folders> {
        let folder = |rel: &str| if under.is_empty() { rel.to_string() } else { format!("{under}/{rel}") };
        let assets = out.pages(&folder("assets"))?;
        let root = out.pages(under)?;
        let tables = model.tables.iter().map(|t| out.pages(&folder(&t.name))).collect::<Result<_>>()?;
        Ok(Folders { root, assets, tables })
    }
}

/// Renders the whole site into the folder `under` of `out` (`""` for the output itself), and
/// tells `done` what was written, batch by batch. `downloads` are the data files published
/// beside the site (`None` for a site on its own).
pub fn render(
    model: &Model,
    downloads: Option<&[Written]>,
    out: &mut Staging,
    under: &str,
    done: &mut dyn FnMut(&[Written]),
) -> Result<()> {
    let view = View::new(model);
    let folders = Folders::open(model, out, under)?;
    // The charts take a while and are drawn by one thread: beside the tables' pages.
    let (charts, tables) = std::thread::scope(|scope| {
        let charts = scope.spawn(|| home::Charts::new(&view));
        let tables = render_tables(&view, &folders, done);
        (charts.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)), tables)
    });
    let front = render_front(&view, &folders, &charts, downloads)?;
    done(&front);
    out.add(front);
    out.add(tables?);
    Ok(())
}

/// The pages about the whole dataset: the assets, the home page (which lists `downloads`,
/// so it comes after them) with its `charts`, and the codebook.
pub fn render_front(
    view: &View<'_>,
    folders: &Folders,
    charts: &home::Charts,
    downloads: Option<&[Written]>,
) -> Result<Vec<Written>> {
    let (root, assets) = (&folders.root, &folders.assets);
    Ok(vec![
        assets.write("site.css", CSS.as_bytes())?,
        assets.write("site.js", JS.as_bytes())?,
        root.write("index.html", home::render(view, charts, downloads).as_bytes())?,
        root.write("codebook.html", codebook::render(view).as_bytes())?,
    ])
}

/// The pages of each table: its list pages, its search shards and a page per record, each
/// written by the thread that rendered it; `done` hears of each batch. They need only the
/// data, so `isca build` writes them while the data files are written.
pub fn render_tables(view: &View<'_>, folders: &Folders, done: &mut dyn FnMut(&[Written])) -> Result<Vec<Written>> {
    let mut all = Vec::new();
    let mut add = |written: Vec<Written>| {
        done(&written);
        all.extend(written);
    };
    for (t, (frame, pages)) in view.model.tables.iter().zip(&folders.tables).enumerate() {
        let facets = list::facets(view, t);
        let lists: Vec<Written> = (0..list::pages(frame.rows))
            .into_par_iter()
            .map(|n| pages.write(&list::page_file(n), list::render(view, t, &facets, n).as_bytes()))
            .collect::<Result<_>>()?;
        add(lists);
        let shards: Vec<Written> = (0..list::shards(frame.rows))
            .into_par_iter()
            .map(|s| pages.write(&format!("search-{s}.js"), list::shard(view, t, &facets, s).as_bytes()))
            .collect::<Result<_>>()?;
        add(shards);
    }
    // The disk works while the pages are rendered: after each batch, the pages so far are
    // written back by a thread of their own (a batch finished meanwhile asks once more), so
    // `commit` finds little left to sync; it took a third of `isca site` at 100k events.
    std::thread::scope(|scope| -> Result<()> {
        let (ask, asked) = std::sync::mpsc::sync_channel::<()>(1);
        let root = &folders.root;
        let flusher = scope.spawn(move || asked.iter().try_for_each(|()| root.write_back()));
        for (t, (frame, pages)) in view.model.tables.iter().zip(&folders.tables).enumerate() {
            let shared = record::Shared::new(view, t);
            for start in (0..frame.rows).step_by(BATCH) {
                let written: Vec<Written> = (start..frame.rows.min(start + BATCH))
                    .into_par_iter()
                    .map(|row| {
                        let r = Rec { table: t, row };
                        pages.write(&view.file_name(r), record::render(view, &shared, r).as_bytes())
                    })
                    .collect::<Result<_>>()?;
                add(written);
                // Full: a write-back is waiting to start, and will include this batch. Gone:
                // the flusher failed, and its error is returned below.
                let _ = ask.try_send(());
            }
        }
        drop(ask);
        flusher.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })?;
    Ok(all)
}
