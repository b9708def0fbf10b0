//! `index.html`: what the dataset covers and how it is sourced, counts per table, the timeline
//! and the party network, the downloads with size and SHA-256, the version, how to cite it,
//! and the schema.org `Dataset` JSON-LD in the head.

use maud::{Markup, html};

use super::layout::{self, Page, heading};
use super::meta::{self, LICENCE};
use super::view::View;
use super::{network, timeline};
use crate::export::datapackage::{DESCRIPTION, TITLE};
use crate::export::staging::Written;

/// The home page's charts. They need only the data, so `isca build` draws them while it writes
/// the data files; the page itself lists those files and comes last.
pub struct Charts {
    timeline: Markup,
    network: Markup,
}

impl Charts {
    pub fn new(view: &View<'_>) -> Charts {
        let page = page();
        Charts { timeline: timeline::render(view, &page), network: network::render(view, &page) }
    }
}

fn page() -> Page<'static> {
    Page { depth: 0, title: TITLE, current: "home" }
}

pub fn render(view: &View<'_>, charts: &Charts, downloads: Option<&[Written]>) -> String {
    let page = page();
    let main = html! {
        h1 { (TITLE) }
        p.lead { (DESCRIPTION) }
        p {
            "Every record cites the sources it comes from, each with a locator (a short quote or a section), "
            "and says how certain it is: " (layout::certainty("confirmed")) " a found document states it, "
            (layout::certainty("probable")) " partly confirmed or inferred, "
            (layout::certainty("unconfirmed")) " only the citing source says so. "
            "Dates are given to the precision the sources give (" code { "2017" } ", " code { "2020-08" } ")."
        }
        ul.cards {
            @for t in &view.model.tables {
                li {
                    a href={ (t.name) "/index.html" } {
                        span.count { (t.rows) }
                        span.what { (heading(&t.name)) }
                    }
                }
            }
        }
        section aria-labelledby="h-timeline" {
            h2 #h-timeline { "Timeline" }
            (charts.timeline)
        }
        section aria-labelledby="h-network" {
            h2 #h-network { "Who cooperates with whom" }
            (charts.network)
        }
        section aria-labelledby="h-downloads" {
            h2 #h-downloads { "Downloads" }
            (downloads_table(downloads))
        }
        section aria-labelledby="h-cite" {
            h2 #h-cite { "How to cite" }
            blockquote.cite { (meta::citation(view)) }
            p {
                "Version " strong { (view.model.version) } ". Licence: "
                @match &LICENCE {
                    Some(l) => { a.ext href=(l.url) rel="noopener noreferrer" { (l.name) } }
                    None => { "not yet declared by the project." }
                }
                " Column meanings are in the " a href="codebook.html" { "codebook" } "."
            }
        }
    };
    let head = layout::json_ld(&meta::json_ld(view, downloads));
    layout::document(view, &page, head, main)
}

fn downloads_table(downloads: Option<&[Written]>) -> Markup {
    let Some(files) = downloads else {
        return html! {
            p { "This site was built on its own (" code { "isca site" } "). " code { "isca build" }
                " publishes it with the data files, listed here with their sizes and checksums." }
        };
    };
    html! {
        p {
            "Every file of the release, with its SHA-256 (also in "
            a href="../SHA256SUMS" { code { "SHA256SUMS" } } ", for " code { "sha256sum --check" } ")."
        }
        table.downloads {
            caption.sr { "Published files" }
            thead { tr { th scope="col" { "File" } th scope="col" { "Size" } th scope="col" { "SHA-256" } } }
            tbody {
                @for w in files {
                    tr {
                        td { a href={ "../" (w.path) } { (w.path) } }
                        td.num { (meta::size(w.bytes)) }
                        td { code.hash { (w.sha256) } }
                    }
                }
            }
        }
    }
}
