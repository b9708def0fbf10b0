//! One list per table: every record as a row with its key fields, paginated
//! (`<table>/index.html`, `page-2.html`, …), with a search box and facets with counts.
//!
//! With JavaScript off the pages are the whole list. With it, `site.js` filters: it loads the
//! table's search index, sharded into `search-N.js` files of a few thousand rows each so that
//! no file a page loads grows with the dataset, and shows the matching rows in place.

use maud::{Markup, html};
use serde_json::{Value, json};

use super::layout::{self, Page, certainty, clean, heading};
use super::view::{Rec, View};
use crate::export::table::Values;
use crate::hash::FastMap;

/// Rows per list page and per search shard: pages of about 150 kB, shards well under 1 MB.
pub const PAGE_ROWS: usize = 500;
pub const SHARD_ROWS: usize = 4000;

/// A reference facet with more distinct values than this (events by agreement) is no help
/// as a drop-down: the search box finds those.
const MAX_OPTIONS: usize = 400;

/// One facet of a table: its options with their counts, and each row's options.
pub struct Facet {
    pub label: String,
    /// Shown as a column of the list (an enum), or only as a filter.
    pub column: bool,
    /// (label, count), in display order.
    pub options: Vec<(String, usize)>,
    /// Per row, indexes into `options`.
    pub rows: Vec<Vec<u32>>,
}

/// The facets of table `t`: its enum fields, its reference lists, and the year of its date.
pub fn facets(view: &View<'_>, t: usize) -> Vec<Facet> {
    let frame = view.frame(t);
    let mut out = Vec::new();
    for f in &view.fields[t] {
        let c = &frame.columns[f.column];
        match &c.values {
            Values::Enum { categories, keys } if f.span.is_none() => {
                let rows = keys.iter().map(|k| k.iter().copied().collect()).collect();
                let labels = categories.iter().map(|c| c.to_string()).collect();
                out.push(counted(heading(&c.name), true, labels, rows));
            }
            Values::List { rows: spans, items } if items.references.as_deref().is_some_and(|r| *r != frame.name) => {
                let mut ids: Vec<&str> = Vec::new();
                let mut seen: FastMap<&str, u32> = FastMap::default();
                let mut rows = Vec::with_capacity(frame.rows);
                for span in spans.iter().take(frame.rows) {
                    let mut mine = Vec::new();
                    if let (Some(span), Values::Text(v)) = (span, &items.values) {
                        for id in span.filter_map(|j| v.get(j)) {
                            let k = *seen.entry(id).or_insert_with(|| {
                                ids.push(id);
                                ids.len() as u32 - 1
                            });
                            mine.push(k);
                        }
                    }
                    rows.push(mine);
                    if ids.len() > MAX_OPTIONS {
                        break;
                    }
                }
                if ids.len() <= MAX_OPTIONS {
                    let label = |id: &str| -> String {
                        clean(view.resolve(id).map(|r| view.short(r)).unwrap_or(id)).into_owned()
                    };
                    let labels = ids.iter().map(|id| label(id)).collect();
                    out.push(counted(heading(&c.name), false, labels, rows));
                }
            }
            _ => {}
        }
    }
    if view.date_field(t).is_some() {
        let years: Vec<Option<i32>> =
            (0..frame.rows).map(|row| view.date(Rec { table: t, row }).map(|d| year_of(d.1))).collect();
        let mut distinct: Vec<i32> = years.iter().flatten().copied().collect();
        distinct.sort_unstable();
        distinct.dedup();
        let rows = years.iter().map(|y| y.and_then(|y| distinct.binary_search(&y).ok()).map(|i| i as u32)).collect();
        let rows = rows_of(rows);
        out.push(counted("Year".into(), false, distinct.iter().map(|y| y.to_string()).collect(), rows));
    }
    out
}

fn rows_of(single: Vec<Option<u32>>) -> Vec<Vec<u32>> {
    single.into_iter().map(|o| o.into_iter().collect()).collect()
}

/// Counts each option; for reference facets, orders them by count (most first).
fn counted(label: String, column: bool, labels: Vec<String>, rows: Vec<Vec<u32>>) -> Facet {
    let mut counts = vec![0usize; labels.len()];
    for r in &rows {
        for &k in r {
            counts[k as usize] += 1;
        }
    }
    let mut order: Vec<usize> = (0..labels.len()).filter(|&i| counts[i] > 0).collect();
    if !column && label != "Year" {
        order.sort_by(|&a, &b| counts[b].cmp(&counts[a]).then_with(|| labels[a].cmp(&labels[b])));
    }
    let mut renumber = vec![0u32; labels.len()];
    for (new, &old) in order.iter().enumerate() {
        renumber[old] = new as u32;
    }
    let rows = rows.into_iter().map(|r| r.into_iter().map(|k| renumber[k as usize]).collect()).collect();
    Facet { label, column, options: order.iter().map(|&i| (labels[i].clone(), counts[i])).collect(), rows }
}

/// The year of a day count since 1970-01-01 (civil calendar).
fn year_of(day: i32) -> i32 {
    crate::dates::format_day(day).get(..4).and_then(|y| y.parse().ok()).unwrap_or(0)
}

pub fn pages(rows: usize) -> usize {
    rows.div_ceil(PAGE_ROWS).max(1)
}

pub fn shards(rows: usize) -> usize {
    rows.div_ceil(SHARD_ROWS).max(1)
}

/// File name of list page `n` (0-based).
pub fn page_file(n: usize) -> String {
    if n == 0 { "index.html".into() } else { format!("page-{}.html", n + 1) }
}

/// List page `n` of table `t`.
pub fn render(view: &View<'_>, t: usize, facets: &[Facet], n: usize) -> String {
    let frame = view.frame(t);
    let title = heading(&frame.name);
    let page = Page { depth: 1, title: &title, current: &frame.name };
    let total = pages(frame.rows);
    let rows = (n * PAGE_ROWS)..((n + 1) * PAGE_ROWS).min(frame.rows);
    let dated = view.date_field(t).is_some();
    let main = html! {
        h1 { (title) }
        p.lead { (clean(&frame.description)) }
        form #filters.filters role="search" data-table=(frame.name) data-shards=(shards(frame.rows)) data-rows=(frame.rows) data-dated=(if dated { "1" } else { "0" }) {
            div.field {
                label for="q" { "Search titles and ids" }
                input #q type="search" autocomplete="off" placeholder="e.g. Moscow, 2021, pty-rus";
            }
            @for (i, f) in facets.iter().enumerate() {
                @let id = format!("f-{}", f.label.to_lowercase().replace(' ', "-"));
                div.field {
                    label for=(id) { (f.label) }
                    select id=(id) data-facet=(i) data-column=(if f.column { "1" } else { "0" }) {
                        option value="" { "any (" (frame.rows) ")" }
                        @for (k, (label, count)) in f.options.iter().enumerate() {
                            option value=(k) data-label=(label) { (label) " (" (count) ")" }
                        }
                    }
                }
            }
            button #reset type="reset" { "Clear" }
        }
        noscript { p.desc { "Filtering needs JavaScript; every record is listed below, " (PAGE_ROWS) " to a page." } }
        p #status.status aria-live="polite" {
            (frame.rows) " records"
            @if total > 1 { ", page " (n + 1) " of " (total) }
            "."
        }
        table.list {
            caption.sr { (title) ": one row per record" }
            thead {
                tr {
                    th scope="col" { "Record" }
                    @if dated { th.date scope="col" { "Date" } }
                    @for f in facets.iter().filter(|f| f.column) { th scope="col" { (f.label) } }
                }
            }
            tbody #rows {
                @for row in rows {
                    (list_row(view, Rec { table: t, row }, facets, dated))
                }
            }
            tbody #results hidden {}
        }
        @if total > 1 { (pager(n, total)) }
    };
    layout::document(view, &page, html! {}, main)
}

fn list_row(view: &View<'_>, r: Rec, facets: &[Facet], dated: bool) -> Markup {
    html! {
        tr {
            td {
                a href={ (clean(view.id(r))) ".html" } { (clean(view.title(r))) }
                br; code.id { (clean(view.id(r))) }
            }
            @if dated { td.date { @if let Some((d, _, _)) = view.date(r) { time { (clean(d)) } } } }
            @for f in facets.iter().filter(|f| f.column) {
                td {
                    @for &k in &f.rows[r.row] {
                        @let word = &f.options[k as usize].0;
                        @if f.label == "Certainty" { (certainty(word)) } @else { span.word { (word) } }
                    }
                }
            }
        }
    }
}

fn pager(n: usize, total: usize) -> Markup {
    html! {
        nav.pager aria-label="Pages" {
            @if n > 0 {
                a href=(page_file(0)) { "« First" }
                a href=(page_file(n - 1)) rel="prev" { "‹ Previous" }
            }
            span { "Page " (n + 1) " of " (total) }
            @if n + 1 < total {
                a href=(page_file(n + 1)) rel="next" { "Next ›" }
                a href=(page_file(total - 1)) { "Last »" }
            }
        }
    }
}

/// Search shard `s` of table `t`: `iscaShard(table, s, rows)`, each row
/// `[id, title, date, [options of facet 0], [options of facet 1], …]`.
pub fn shard(view: &View<'_>, t: usize, facets: &[Facet], s: usize) -> String {
    let frame = view.frame(t);
    let rows: Vec<Value> = ((s * SHARD_ROWS)..((s + 1) * SHARD_ROWS).min(frame.rows))
        .map(|row| {
            let r = Rec { table: t, row };
            let mut cells =
                vec![json!(clean(view.id(r))), json!(clean(view.title(r))), json!(view.date(r).map(|d| d.0))];
            cells.extend(facets.iter().map(|f| json!(f.rows[row])));
            Value::Array(cells)
        })
        .collect();
    format!("iscaShard({}, {s}, {});\n", json!(frame.name), Value::Array(rows))
}
