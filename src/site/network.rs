//! The party network, drawn at build time as SVG: parties as nodes sized by their number of
//! agreements, one edge per pair of parties that share agreements (thicker for more), each
//! node a link to its party. The layout is a force-directed one (Fruchterman–Reingold) run a
//! fixed number of steps from a fixed start, so the same data always gives the same bytes.

use std::collections::BTreeMap;

use maud::{Markup, html};

use super::layout::{Page, clean};
use super::timeline::f1;
use super::view::{Rec, Shown, View};

/// Only the parties to the most agreements are drawn: past a few dozen nodes a static drawing
/// is a hairball. The table below the drawing lists every party.
pub const MAX_NODES: usize = 60;
const W: f64 = 960.0;
const H: f64 = 560.0;
const STEPS: usize = 300;
const GRAVITY: f64 = 0.5;

pub struct Graph {
    /// (party, number of agreements), most first.
    pub nodes: Vec<(Rec, usize)>,
    /// (node, node, shared agreements), node indexes into `nodes`.
    pub edges: Vec<(usize, usize, usize)>,
    /// Every party to an agreement, drawn or not.
    pub all: Vec<(Rec, usize)>,
}

pub fn graph(view: &View<'_>) -> Graph {
    let empty = Graph { nodes: Vec::new(), edges: Vec::new(), all: Vec::new() };
    let Some(t) = view.table_index("agreements") else { return empty };
    let Some(field) = view.fields[t].iter().find(|f| view.frame(t).columns[f.column].name == "parties") else {
        return empty;
    };
    let mut count: BTreeMap<Rec, usize> = BTreeMap::new();
    let mut pairs: BTreeMap<(Rec, Rec), usize> = BTreeMap::new();
    for row in 0..view.frame(t).rows {
        let Some(Shown::List(items)) = view.value(Rec { table: t, row }, field) else { continue };
        let mut parties: Vec<Rec> =
            items.iter().filter_map(|v| if let Shown::Ref(_, r) = v { *r } else { None }).collect();
        parties.sort();
        parties.dedup();
        for (i, a) in parties.iter().enumerate() {
            *count.entry(*a).or_default() += 1;
            for b in &parties[i + 1..] {
                *pairs.entry((*a, *b)).or_default() += 1;
            }
        }
    }
    let mut all: Vec<(Rec, usize)> = count.into_iter().collect();
    all.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| view.id(a.0).cmp(view.id(b.0))));
    let nodes: Vec<(Rec, usize)> = all.iter().take(MAX_NODES).copied().collect();
    let at = |r: Rec| nodes.iter().position(|n| n.0 == r);
    let edges = pairs.iter().filter_map(|((a, b), n)| Some((at(*a)?, at(*b)?, *n))).collect();
    Graph { nodes, edges, all }
}

/// Node positions: a circle in rank order, relaxed by attraction along edges and repulsion
/// between all nodes, with a cooling step size.
fn layout(g: &Graph) -> Vec<(f64, f64)> {
    let n = g.nodes.len();
    let mut pos: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let a = i as f64 / n.max(1) as f64 * std::f64::consts::TAU;
            (W / 2.0 + W / 3.0 * a.cos(), H / 2.0 + H / 3.0 * a.sin())
        })
        .collect();
    let k = ((W * H) / n.max(1) as f64).sqrt() * 0.6;
    for step in 0..STEPS {
        let temp = W / 10.0 * (1.0 - step as f64 / STEPS as f64) + 1.0;
        let mut push = vec![(0.0f64, 0.0f64); n];
        for i in 0..n {
            for j in (i + 1)..n {
                let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let d = (dx * dx + dy * dy).sqrt().max(0.01);
                let f = k * k / d;
                push[i].0 += dx / d * f;
                push[i].1 += dy / d * f;
                push[j].0 -= dx / d * f;
                push[j].1 -= dy / d * f;
            }
        }
        for &(a, b, _) in &g.edges {
            let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            let d = (dx * dx + dy * dy).sqrt().max(0.01);
            let f = d * d / k;
            push[a].0 -= dx / d * f;
            push[a].1 -= dy / d * f;
            push[b].0 += dx / d * f;
            push[b].1 += dy / d * f;
        }
        // Gravity towards the centre keeps the separate groups of parties close together.
        for (p, f) in pos.iter().zip(push.iter_mut()) {
            f.0 += (W / 2.0 - p.0) * GRAVITY * k / 10.0;
            f.1 += (H / 2.0 - p.1) * GRAVITY * k / 10.0;
        }
        for (p, (fx, fy)) in pos.iter_mut().zip(push) {
            let len = (fx * fx + fy * fy).sqrt().max(0.01);
            p.0 += fx / len * len.min(temp);
            p.1 += fy / len * len.min(temp);
        }
    }
    fit(pos)
}

/// Scales the positions into the drawing, with room for labels.
fn fit(pos: Vec<(f64, f64)>) -> Vec<(f64, f64)> {
    let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for &(x, y) in &pos {
        (x0, x1, y0, y1) = (x0.min(x), x1.max(x), y0.min(y), y1.max(y));
    }
    let (mx, my) = (90.0, 40.0);
    let sx = (W - 2.0 * mx) / (x1 - x0).max(1.0);
    let sy = (H - 2.0 * my) / (y1 - y0).max(1.0);
    // Rounded here, so the drawing does not depend on the last bits of the arithmetic.
    pos.into_iter().map(|(x, y)| (((x - x0) * sx + mx).round(), ((y - y0) * sy + my).round())).collect()
}

fn radius(agreements: usize) -> f64 {
    4.0 + 2.5 * (agreements as f64).sqrt()
}

pub fn render(view: &View<'_>, page: &Page<'_>) -> Markup {
    let g = graph(view);
    if g.nodes.is_empty() {
        return html! { p { "No agreements with parties." } };
    }
    let pos = layout(&g);
    html! {
        svg.chart #network viewBox={ "0 0 " (W) " " (H) } role="group" aria-labelledby="network-title network-desc" {
            title #network-title { "Party network" }
            desc #network-desc {
                "Each circle is a party, sized by its number of agreements; a line joins two parties that share "
                "agreements, thicker for more. The table below lists the same parties."
            }
            @for &(a, b, n) in &g.edges {
                line.edge x1=(f1(pos[a].0)) y1=(f1(pos[a].1)) x2=(f1(pos[b].0)) y2=(f1(pos[b].1)) stroke-width=(f1(1.0 + (n as f64).log2())) {
                    title { (clean(view.short(g.nodes[a].0))) " – " (clean(view.short(g.nodes[b].0))) ": " (n) " shared" }
                }
            }
            @for (i, &(r, n)) in g.nodes.iter().enumerate() {
                @let label = format!("{}: {n} agreement{}", clean(view.title(r)), if n == 1 { "" } else { "s" });
                a.node href=(page.to(&view.href(r))) aria-label=(label) {
                    circle cx=(f1(pos[i].0)) cy=(f1(pos[i].1)) r=(f1(radius(n))) { title { (label) } }
                    text x=(f1(pos[i].0)) y=(f1(pos[i].1 - radius(n) - 3.0)) { (clean(&short_label(node_label(view, r)))) }
                }
            }
        }
        details.alt {
            summary { "The network as a table" }
            table {
                caption.sr { "Parties by number of agreements" }
                thead { tr { th scope="col" { "Party" } th scope="col" { "Agreements" } } }
                tbody {
                    @for &(r, n) in &g.all {
                        tr { td { a href=(page.to(&view.href(r))) { (clean(view.title(r))) } } td { (n) } }
                    }
                }
            }
        }
    }
}

/// A party's abbreviation or ISO code where it has one: the drawing has room for little.
fn node_label<'m>(view: &View<'m>, r: Rec) -> &'m str {
    view.first_text(r, &["abbreviation", "iso3"]).unwrap_or_else(|| view.short(r))
}

/// Node labels stay short: a long name is cut at a word, with an ellipsis.
fn short_label(s: &str) -> String {
    if s.chars().count() <= 22 {
        return s.to_string();
    }
    let cut: String = s.chars().take(21).collect();
    format!("{}…", cut.rsplit_once(' ').map(|(a, _)| a).unwrap_or(&cut))
}
