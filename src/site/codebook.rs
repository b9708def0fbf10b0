//! `codebook.html`: the content of `CODEBOOK.md` as a page, from the same model and the same
//! helpers (`export::codebook::{type_name, references}`), so the two cannot disagree.

use maud::{Markup, html};

use super::layout::{self, Page, clean};
use super::view::View;
use crate::export::codebook::{references, type_name};
use crate::export::datapackage::{DESCRIPTION, TITLE};
use crate::export::table::{Column, Values};

pub fn render(view: &View<'_>) -> String {
    let page = Page { depth: 0, title: "Codebook", current: "codebook" };
    let model = view.model;
    let main = html! {
        h1 { "Codebook" }
        p.lead { (TITLE) ". " (DESCRIPTION) }
        p {
            "Generated from the JSON Schemas in " code { "schema/" } ", like " code { "CODEBOOK.md" }
            ". Version " (model.version) "; schema SHA-256 " code.id { (model.schema_sha256) } "."
        }
        p {
            "Every partial date " code { "x" } " (" code { "2021" } ", " code { "2021-01" } ", " code { "2021-01-26" }
            ", or an interval " code { "2019/2020" } ") is published as its text " code { "x" }
            ", the first and last day it can mean, " code { "x_start" } " and " code { "x_end" }
            " (inclusive), and " code { "x_precision" } "."
        }
        nav aria-label="Tables in the codebook" {
            ul.toc { @for t in &model.tables { li { a href={ "#" (t.name) } { code { (t.name) } } " (" (t.rows) ")" } } }
        }
        @for t in &model.tables {
            section aria-labelledby=(t.name) {
                h2 #(t.name) { code { (t.name) } ": " (clean(&t.title)) }
                p { (layout::described(&t.description)) }
                p { (t.rows) " records. Primary key: " code { (t.primary_key.join(", ")) } ". "
                    a href={ (t.name) "/index.html" } { "Browse the " (t.name.replace('_', " ")) } "." }
                (columns(&t.name, &t.columns))
                @if !t.links.is_empty() {
                    h3 { "Link tables (CSV)" }
                    table.codebook {
                        caption.sr { "Link tables of " (t.name) }
                        thead { tr { th scope="col" { "Link table" } th scope="col" { "Rows" } th scope="col" { "Columns" } } }
                        tbody {
                            @for l in &t.links {
                                tr {
                                    td { code { (l.name) } }
                                    td.num { (l.rows) }
                                    td { @for c in &l.columns {
                                        code { (c.name) }
                                        @if let Some(target) = &c.references { " → " code { (target) } }
                                        " "
                                    } }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    layout::document(view, &page, html! {}, main)
}

fn columns(table: &str, columns: &[Column]) -> Markup {
    html! {
        table.codebook {
            caption.sr { "Columns of " (table) }
            thead {
                tr {
                    th scope="col" { "Column" } th scope="col" { "Type" } th scope="col" { "Required" }
                    th scope="col" { "References" } th scope="col" { "Description" }
                }
            }
            tbody {
                @for c in columns {
                    tr id={ (table) "-" (c.name) } {
                        td { code { (c.name) } }
                        td { (type_name(&c.values)) }
                        td { @if c.required { "yes" } @else { "no" } }
                        td {
                            @for (member, target) in references(c) {
                                @if let Some(m) = member { code { (m) } " → " }
                                a href={ "#" (target) } { code { (target) } } " "
                            }
                        }
                        td {
                            (layout::described(&c.description))
                            @if let Values::Enum { categories, .. } = &c.values {
                                br; "Allowed: " @for (i, v) in categories.iter().enumerate() {
                                    @if i > 0 { ", " } code { (v) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
