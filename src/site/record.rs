//! One page per record (`<table>/<id>.html`): every field with its codebook label, every
//! reference a link, and the records that point here (a party's agreements, events and
//! sources; an agreement's events in date order; a source's citations with their locators).

use maud::{Markup, PreEscaped, html};

use super::layout::{self, Chrome, Page, certainty, clean, heading, shown};
use super::view::{Back, Rec, Shown, View};
use crate::export::table::Column;

/// Most records listed in one group of "referenced by": a state named by tens of thousands of
/// events keeps a page of readable size; the list page has them all.
pub const MAX_BACK: usize = 200;

/// What every record page of a table shares, rendered once: the chrome and each field's label
/// (the same codebook link and description on every page).
pub struct Shared {
    chrome: Chrome,
    labels: Vec<String>,
}

impl Shared {
    pub fn new(view: &View<'_>, table: usize) -> Shared {
        let frame = view.frame(table);
        let chrome = Chrome::new(view, &Page { depth: 1, title: "", current: &frame.name });
        let label = |column: &Column<'_>| {
            html! {
                dt {
                    a href={ "../codebook.html#" (frame.name) "-" (column.name) } { (heading(&column.name)) }
                    span.desc { (layout::described(first_sentence(&column.description))) }
                }
            }
            .into_string()
        };
        let labels = view.fields[table].iter().map(|f| label(&frame.columns[f.column])).collect();
        Shared { chrome, labels }
    }
}

/// The page of record `r`; `shared` is its table's.
pub fn render(view: &View<'_>, shared: &Shared, r: Rec) -> String {
    let frame = view.frame(r.table);
    let title = view.title(r);
    let page = Page { depth: 1, title, current: &frame.name };
    let main = html! {
        p.crumbs {
            a href="index.html" { (heading(&frame.name)) } " › " code { (clean(view.id(r))) }
        }
        h1 { (clean(title)) }
        p.lead {
            @if let Some(word) = view.text(r, "certainty") { (certainty(word)) " " }
            @if let Some(kind) = view.text(r, "kind") { span.word { (kind) } " " }
            @if let Some((date, _, _)) = view.date(r) { time { (clean(date)) } }
        }
        h2 { "Fields" }
        dl.fields {
            @for (f, label) in view.fields[r.table].iter().zip(&shared.labels) {
                @if let Some(value) = view.value(r, f) {
                    div {
                        (PreEscaped(label))
                        dd {
                            @if let (Shown::Word(word), "certainty") = (&value, frame.columns[f.column].name.as_str()) {
                                (certainty(word))
                            } @else {
                                (shown(view, &page, &value))
                            }
                        }
                    }
                }
            }
        }
        (back_refs(view, &page, r))
    };
    layout::framed(&shared.chrome, title, html! {}, main)
}

/// The first sentence of a field's description: the codebook has the rest.
fn first_sentence(s: &str) -> &str {
    match s.find(". ") {
        Some(i) => &s[..=i],
        None => s,
    }
}

/// "Referenced by": one group per (table, field) pointing here, each in date order.
fn back_refs(view: &View<'_>, page: &Page<'_>, r: Rec) -> Markup {
    let mut groups: Vec<((usize, &str), Vec<&Back<'_>>)> = Vec::new();
    for b in view.back(r) {
        let key = (b.from.table, b.field);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, list)) => list.push(b),
            None => groups.push((key, vec![b])),
        }
    }
    for (_, list) in &mut groups {
        // A party named by most events has tens of thousands: each key is computed once.
        list.sort_by_cached_key(|b| (view.date(b.from).map(|d| d.1), view.id(b.from)));
        list.dedup_by_key(|b| b.from);
    }
    html! {
        @if !groups.is_empty() {
            h2 { "Referenced by" }
            @for ((table, field), list) in &groups {
                section.back aria-labelledby={ "back-" (view.frame(*table).name) "-" (field) } {
                    h3 id={ "back-" (view.frame(*table).name) "-" (field) } {
                        (heading(&view.frame(*table).name)) " that name it in "
                        em { (heading(field).to_lowercase()) } " (" (list.len()) ")"
                    }
                    ul.refs {
                        @for b in list.iter().take(MAX_BACK) {
                            li {
                                @if let Some((date, _, _)) = view.date(b.from) { time { (clean(date)) } " " }
                                (layout::record_link(view, page, view.id(b.from), Some(b.from)))
                                @if let Some(locator) = b.locator { " — " q { (clean(locator)) } }
                            }
                        }
                    }
                    @if list.len() > MAX_BACK {
                        p.desc {
                            "and " (list.len() - MAX_BACK) " more: see "
                            a href=(page.to(&format!("{}/index.html", view.frame(*table).name))) {
                                "all " (heading(&view.frame(*table).name).to_lowercase())
                            } "."
                        }
                    }
                }
            }
        }
    }
}
