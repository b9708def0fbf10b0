//! The timeline of agreements and events, drawn at build time as SVG (no chart library): one
//! lane per table, each record a mark spanning its date's precision (a year-precise date is a
//! year wide, a day a dot), each mark a link to its record. The same data follows as a table.
//!
//! Past `MAX_MARKS` dated records the marks would be an unreadable smear and a heavy page, so
//! the timeline becomes a count per year, each bar linking to its list.

use maud::{Markup, html};

use super::layout::{Page, clean, heading};
use super::view::{Rec, View};
use crate::dates::{self, Day};

/// The tables drawn, one lane each.
pub const LANES: [&str; 2] = ["agreements", "events"];
pub const MAX_MARKS: usize = 1500;

const WIDTH: f64 = 960.0;
const LEFT: f64 = 96.0;
const RIGHT: f64 = 16.0;
const ROW: f64 = 11.0;
const MAX_ROWS: usize = 14;

/// A dated record: its first and last day.
struct Mark {
    rec: Rec,
    start: Day,
    end: Day,
}

fn marks(view: &View<'_>) -> Vec<Vec<Mark>> {
    LANES
        .iter()
        .map(|name| {
            let Some(t) = view.table_index(name) else { return Vec::new() };
            let mut lane: Vec<Mark> = (0..view.frame(t).rows)
                .filter_map(|row| {
                    let rec = Rec { table: t, row };
                    view.date(rec).map(|(_, start, end)| Mark { rec, start, end })
                })
                .collect();
            lane.sort_by_key(|m| (m.start, m.end, view.id(m.rec)));
            lane
        })
        .collect()
}

/// How many marks the timeline draws (records, or years when aggregated), for the checks.
pub fn mark_count(view: &View<'_>) -> usize {
    let lanes = marks(view);
    let total: usize = lanes.iter().map(Vec::len).sum();
    if total <= MAX_MARKS {
        total
    } else {
        years(&lanes).iter().map(|(_, c)| c.iter().filter(|&&n| n > 0).count()).sum()
    }
}

fn years(lanes: &[Vec<Mark>]) -> Vec<(i32, Vec<usize>)> {
    let year = |d: Day| dates::format_day(d).get(..4).and_then(|y| y.parse::<i32>().ok()).unwrap_or(0);
    let all = lanes.iter().flatten();
    let (Some(lo), Some(hi)) = (all.clone().map(|m| year(m.start)).min(), all.map(|m| year(m.start)).max()) else {
        return Vec::new();
    };
    (lo..=hi)
        .map(|y| (y, lanes.iter().map(|lane| lane.iter().filter(|m| year(m.start) == y).count()).collect()))
        .collect()
}

pub fn render(view: &View<'_>, page: &Page<'_>) -> Markup {
    let lanes = marks(view);
    let total: usize = lanes.iter().map(Vec::len).sum();
    if total == 0 {
        return html! { p { "No dated agreements or events." } };
    }
    if total > MAX_MARKS { per_year(page, &lanes) } else { per_record(view, page, &lanes) }
}

/// The axis: first day shown, days per pixel, and one tick per `step` years.
struct Axis {
    from: Day,
    scale: f64,
    first: i32,
    last: i32,
}

impl Axis {
    fn new(lanes: &[Vec<Mark>]) -> Axis {
        let year = |d: Day| dates::format_day(d)[..4].parse::<i32>().unwrap_or(1970);
        let lo = lanes.iter().flatten().map(|m| m.start).min().unwrap_or(0);
        let hi = lanes.iter().flatten().map(|m| m.end).max().unwrap_or(0);
        let (first, last) = (year(lo), year(hi) + 1);
        let from = dates::days(first, 1, 1);
        let to = dates::days(last, 1, 1);
        Axis { from, scale: (WIDTH - LEFT - RIGHT) / f64::from((to - from).max(1)), first, last }
    }

    fn x(&self, day: Day) -> f64 {
        LEFT + f64::from(day - self.from) * self.scale
    }

    fn ticks(&self) -> impl Iterator<Item = i32> + '_ {
        let step = ((self.last - self.first) / 12).max(1);
        (self.first..=self.last).filter(move |y| (y - self.first) % step == 0)
    }
}

fn per_record(view: &View<'_>, page: &Page<'_>, lanes: &[Vec<Mark>]) -> Markup {
    let axis = Axis::new(lanes);
    // Greedy packing: each mark goes to the first row of its lane where it does not overlap.
    let mut placed: Vec<Vec<(usize, f64, f64)>> = Vec::new();
    let mut top = 24.0;
    let mut lane_tops = Vec::new();
    for lane in lanes {
        let mut ends: Vec<f64> = Vec::new();
        let mut mine = Vec::new();
        for m in lane {
            let (x0, x1) = (axis.x(m.start), axis.x(m.end + 1).max(axis.x(m.start) + 5.0));
            let row = ends.iter().position(|&e| e + 2.0 <= x0).unwrap_or(ends.len().min(MAX_ROWS - 1));
            if row == ends.len() {
                ends.push(x1);
            } else {
                ends[row] = ends[row].max(x1);
            }
            mine.push((row, x0, x1));
        }
        lane_tops.push(top);
        top += ends.len().max(1) as f64 * ROW + 22.0;
        placed.push(mine);
    }
    let height = top + 8.0;
    html! {
        svg.chart #timeline viewBox={ "0 0 " (WIDTH) " " (f1(height)) } role="group" aria-labelledby="timeline-title timeline-desc" {
            title #timeline-title { "Timeline of agreements and events" }
            desc #timeline-desc {
                "Each mark is one record, as wide as its date is vague: a year-precise date spans the year. "
                "The table below lists the same records."
            }
            @for y in axis.ticks() {
                @let x = axis.x(dates::days(y, 1, 1));
                line.grid x1=(f1(x)) x2=(f1(x)) y1="16" y2=(f1(height - 4.0)) {}
                @if x < WIDTH - 30.0 { text.tick x=(f1(x + 2.0)) y="12" { (y) } }
            }
            @for (l, lane) in lanes.iter().enumerate() {
                text.lane x="4" y=(f1(lane_tops[l] + 8.0)) { (heading(LANES[l])) }
                @for (m, (row, x0, x1)) in lane.iter().zip(&placed[l]) {
                    @let label = format!("{} ({})", clean(view.title(m.rec)), view.date(m.rec).map(|d| d.0).unwrap_or(""));
                    a.mark href=(page.to(&view.href(m.rec))) aria-label=(label) {
                        rect class={ "m-" (LANES[l]) } x=(f1(*x0)) y=(f1(lane_tops[l] + *row as f64 * ROW)) width=(f1(x1 - x0)) height="8" rx="3" {
                            title { (label) }
                        }
                    }
                }
            }
        }
        details.alt {
            summary { "The timeline as a table" }
            table {
                caption.sr { "Dated agreements and events, in date order" }
                thead { tr { th scope="col" { "Date" } th scope="col" { "Table" } th scope="col" { "Record" } } }
                tbody {
                    @for (l, lane) in lanes.iter().enumerate() {
                        @for m in lane {
                            tr {
                                td { time { (view.date(m.rec).map(|d| clean(d.0)).unwrap_or_default()) } }
                                td { (heading(LANES[l])) }
                                td { a href=(page.to(&view.href(m.rec))) { (clean(view.title(m.rec))) } }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn per_year(page: &Page<'_>, lanes: &[Vec<Mark>]) -> Markup {
    let years = years(lanes);
    let peak = years.iter().flat_map(|(_, c)| c.iter().copied()).max().unwrap_or(1).max(1) as f64;
    let band = (WIDTH - LEFT - RIGHT) / years.len().max(1) as f64;
    let lane_h = 80.0;
    let height = 24.0 + LANES.len() as f64 * (lane_h + 16.0);
    let step = (years.len() / 12).max(1);
    html! {
        svg.chart #timeline viewBox={ "0 0 " (WIDTH) " " (f1(height)) } role="group" aria-labelledby="timeline-title timeline-desc" {
            title #timeline-title { "Agreements and events per year" }
            desc #timeline-desc { "Too many records to draw one by one: each bar counts a year's records. The table below has the counts." }
            @for (i, (y, counts)) in years.iter().enumerate() {
                @let x = LEFT + i as f64 * band;
                @if i % step == 0 { text.tick x=(f1(x)) y="12" { (y) } }
                @for (l, n) in counts.iter().enumerate() {
                    @if *n > 0 {
                        @let h = (*n as f64 / peak * lane_h).max(1.0);
                        @let base = 24.0 + l as f64 * (lane_h + 16.0) + lane_h;
                        @let label = format!("{}: {n} {}", y, LANES[l].replace('_', " "));
                        a.mark href=(page.to(&format!("{}/index.html", LANES[l]))) aria-label=(label) {
                            rect class={ "m-" (LANES[l]) } x=(f1(x + 0.5)) y=(f1(base - h)) width=(f1((band - 1.0).max(0.5))) height=(f1(h)) {
                                title { (label) }
                            }
                        }
                    }
                }
            }
            @for (l, name) in LANES.iter().enumerate() {
                text.lane x="4" y=(f1(24.0 + l as f64 * (lane_h + 16.0) + lane_h / 2.0)) { (heading(name)) }
            }
        }
        details.alt {
            summary { "The timeline as a table" }
            table {
                caption.sr { "Agreements and events per year" }
                thead { tr { th scope="col" { "Year" } @for name in LANES { th scope="col" { (heading(name)) } } } }
                tbody { @for (y, counts) in &years { tr { td { (y) } @for n in counts { td { (n) } } } } }
            }
        }
    }
}

/// A coordinate with one decimal: enough for the eye, and stable bytes.
pub fn f1(v: f64) -> String {
    format!("{v:.1}")
}
