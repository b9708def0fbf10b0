//! Partial dates of every precision (`2021`, `2021-01`, `2021-01-26`, `2019/2020`) drawn inside
//! a window, so that the ordering rules between records (a source published no earlier than the
//! event it is cited for) hold whatever precision comes out.

use super::rng::Rng;
use crate::dates::{self, Day, format_day};

/// A partial date: its text and the first and last day it can mean.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct When {
    pub text: String,
    pub start: Day,
    pub end: Day,
}

/// Share of each precision, in percent: day, month, year; the rest are intervals.
#[derive(Debug, Clone, Copy)]
pub struct Mix {
    pub day: u32,
    pub month: u32,
    pub year: u32,
}

pub const EVENTS: Mix = Mix { day: 62, month: 18, year: 10 };
pub const AGREEMENTS: Mix = Mix { day: 70, month: 15, year: 10 };
pub const SOURCES: Mix = Mix { day: 75, month: 15, year: 10 };

pub fn day(y: i32, m: u32, d: u32) -> Day {
    dates::days(y, m, d)
}

/// A partial date whose whole span lies in `lo..=hi` (falls back to a finer precision when a
/// coarse one would spill over the window).
pub fn within(rng: &mut Rng, lo: Day, hi: Day, mix: Mix) -> When {
    let d = rng.range(i64::from(lo), i64::from(hi)) as Day;
    let roll = rng.below(100) as u32;
    let when = if roll < mix.day {
        exact(d)
    } else if roll < mix.day + mix.month {
        month_of(d)
    } else if roll < mix.day + mix.month + mix.year {
        year_of(d)
    } else {
        let e = rng.range(i64::from(d), i64::from(hi)) as Day;
        let (a, b) = if rng.chance(50) { (year_of(d), year_of(e)) } else { (month_of(d), month_of(e)) };
        When { text: format!("{}/{}", a.text, b.text), start: a.start, end: b.end }
    };
    if when.start < lo || when.end > hi { exact(d) } else { when }
}

fn exact(d: Day) -> When {
    When { text: format_day(d), start: d, end: d }
}

fn month_of(d: Day) -> When {
    let text = format_day(d)[..7].to_string();
    let p = dates::parse(&text).expect("a formatted month parses");
    When { text, start: p.start, end: p.end }
}

fn year_of(d: Day) -> When {
    let text = format_day(d)[..4].to_string();
    let p = dates::parse(&text).expect("a formatted year parses");
    When { text, start: p.start, end: p.end }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_precision_appears_and_stays_in_the_window() {
        let (lo, hi) = (day(1995, 1, 1), day(2010, 6, 15));
        let mut rng = Rng::new(11);
        let mut seen = std::collections::BTreeSet::new();
        for _ in 0..5_000 {
            let w = within(&mut rng, lo, hi, EVENTS);
            let p = dates::parse(&w.text).unwrap();
            assert_eq!((p.start, p.end), (w.start, w.end), "{}", w.text);
            assert!(w.start >= lo && w.end <= hi, "{}", w.text);
            seen.insert(p.precision_label());
        }
        assert_eq!(seen.len(), 4, "{seen:?}");
    }
}
