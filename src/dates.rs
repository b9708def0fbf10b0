//! Partial dates (`2021`, `2021-01`, `2021-01-26`) and intervals (`2019/2020`): parsing into
//! inclusive day ranges, shared by the date rules and the exporters.

use std::fmt;

/// How precise a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    Year,
    Month,
    Day,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Year => "year",
            Precision::Month => "month",
            Precision::Day => "day",
        }
    }
}

/// A calendar day as days since 1970-01-01 (Arrow's Date32).
pub type Day = i32;

/// A parsed partial date or interval: the first and last day it can mean, and its precision
/// (`interval` for spans, else the precision of the single date).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartialDate {
    pub start: Day,
    pub end: Day,
    pub precision: Precision,
    pub interval: bool,
}

impl PartialDate {
    pub fn precision_label(&self) -> &'static str {
        if self.interval { "interval" } else { self.precision.as_str() }
    }

    pub fn is_exact_day(&self) -> bool {
        !self.interval && self.precision == Precision::Day
    }
}

/// Why a string is not a usable partial date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not in the `YYYY[-MM[-DD]][/YYYY[-MM[-DD]]]` shape (the schema reports this one).
    Shape,
    /// Shaped right but not a calendar date (`2021-02-30`, month 13).
    Impossible(String),
    /// An interval that ends before it starts.
    Reversed,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Shape => write!(f, "not a partial date"),
            DateError::Impossible(s) => write!(f, "{s} is not a calendar date"),
            DateError::Reversed => write!(f, "the interval ends before it starts"),
        }
    }
}

/// Parses a partial date or an interval of two.
pub fn parse(s: &str) -> Result<PartialDate, DateError> {
    match s.split_once('/') {
        None => single(s),
        Some((a, b)) => {
            let (a, b) = (single(a)?, single(b)?);
            if b.end < a.start {
                return Err(DateError::Reversed);
            }
            Ok(PartialDate { start: a.start, end: b.end, precision: a.precision.min(b.precision), interval: true })
        }
    }
}

fn single(s: &str) -> Result<PartialDate, DateError> {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| {
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse::<u32>().ok()).flatten()
    };
    let year = parts.first().and_then(|p| num(p, 4)).ok_or(DateError::Shape)? as i32;
    let impossible = || DateError::Impossible(s.to_string());
    match parts.len() {
        1 => Ok(PartialDate {
            start: days(year, 1, 1),
            end: days(year, 12, 31),
            precision: Precision::Year,
            interval: false,
        }),
        2 => {
            let m = num(parts[1], 2).ok_or(DateError::Shape)?;
            if !(1..=12).contains(&m) {
                return Err(impossible());
            }
            let last = month_len(year, m);
            Ok(PartialDate {
                start: days(year, m, 1),
                end: days(year, m, last),
                precision: Precision::Month,
                interval: false,
            })
        }
        3 => {
            let m = num(parts[1], 2).ok_or(DateError::Shape)?;
            let d = num(parts[2], 2).ok_or(DateError::Shape)?;
            if !(1..=12).contains(&m) || d == 0 || d > month_len(year, m) {
                return Err(impossible());
            }
            let day = days(year, m, d);
            Ok(PartialDate { start: day, end: day, precision: Precision::Day, interval: false })
        }
        _ => Err(DateError::Shape),
    }
}

fn month_len(y: i32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 for a valid civil date (Howard Hinnant's algorithm).
pub fn days(y: i32, m: u32, d: u32) -> Day {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The ISO `YYYY-MM-DD` text of a day.
pub fn format_day(z: Day) -> String {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i32::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_every_precision() {
        let d = parse("2021-01-26").unwrap();
        assert_eq!((format_day(d.start), d.precision_label()), ("2021-01-26".into(), "day"));
        let m = parse("2020-02").unwrap();
        assert_eq!((format_day(m.start), format_day(m.end)), ("2020-02-01".into(), "2020-02-29".into()));
        let i = parse("2019/2020").unwrap();
        assert_eq!(
            (format_day(i.start), format_day(i.end), i.precision_label()),
            ("2019-01-01".into(), "2020-12-31".into(), "interval")
        );
    }

    #[test]
    fn rejects_impossible_and_reversed() {
        assert_eq!(parse("2021-02-30"), Err(DateError::Impossible("2021-02-30".into())));
        assert_eq!(parse("2021-13"), Err(DateError::Impossible("2021-13".into())));
        assert_eq!(parse("2021/2019"), Err(DateError::Reversed));
        assert_eq!(parse("21-01"), Err(DateError::Shape));
    }

    #[test]
    fn months_have_their_lengths() {
        let last = |ym: &str| format_day(parse(ym).unwrap().end);
        let expected = [
            ("2021-01", "31"),
            ("2021-02", "28"),
            ("2021-03", "31"),
            ("2021-04", "30"),
            ("2021-05", "31"),
            ("2021-06", "30"),
            ("2021-07", "31"),
            ("2021-08", "31"),
            ("2021-09", "30"),
            ("2021-10", "31"),
            ("2021-11", "30"),
            ("2021-12", "31"),
            ("2024-02", "29"),
            ("2000-02", "29"),
            ("1900-02", "28"),
        ];
        for (ym, day) in expected {
            assert_eq!(last(ym), format!("{ym}-{day}"));
        }
        for bad in [
            "2021-04-31",
            "2021-06-31",
            "2021-09-31",
            "2021-11-31",
            "1900-02-29",
            "2023-02-29",
            "2021-01-00",
            "2021-00",
            "2021-00-10",
        ] {
            assert!(matches!(parse(bad), Err(DateError::Impossible(_))), "{bad}");
        }
        for good in ["2021-04-30", "2024-02-29", "2000-02-29", "2021-12-31", "2021-01-01"] {
            assert!(parse(good).is_ok(), "{good}");
        }
    }

    #[test]
    fn only_a_single_day_is_exact() {
        let exact = |s: &str| parse(s).unwrap().is_exact_day();
        assert!(exact("2021-01-26"));
        assert!(!exact("2021-01"));
        assert!(!exact("2021"));
        assert!(!exact("2021-01-26/2021-01-26"));
        assert_eq!(parse("2021-01-26/2021-01-27").unwrap().precision_label(), "interval");
        assert_eq!(parse("2021-01").unwrap().precision_label(), "month");
        assert_eq!(parse("2021").unwrap().precision_label(), "year");
        assert_eq!(Precision::Day.as_str(), "day");
    }

    #[test]
    fn shapes_that_are_not_dates() {
        for s in [
            "",
            "2021-",
            "2021-1",
            "2021-01-1",
            "20210",
            "2021-01-01-01",
            "２０２１",
            "2021/",
            "/2021",
            "2021-01-01/x",
            "+2021",
        ] {
            assert_eq!(parse(s), Err(DateError::Shape), "{s:?}");
        }
        assert_eq!(DateError::Reversed.to_string(), "the interval ends before it starts");
        assert_eq!(DateError::Impossible("2021-13".into()).to_string(), "2021-13 is not a calendar date");
        assert_eq!(DateError::Shape.to_string(), "not a partial date");
    }

    #[test]
    fn intervals_span_from_the_first_to_the_last_day() {
        let i = parse("2021-01-26/2021-02").unwrap();
        assert_eq!((format_day(i.start), format_day(i.end)), ("2021-01-26".into(), "2021-02-28".into()));
        assert_eq!(i.precision, Precision::Month);
        assert!(parse("2021-01-26/2021-01-26").is_ok());
        assert_eq!(parse("2021-01-27/2021-01-26"), Err(DateError::Reversed));
        assert_eq!(days(1970, 1, 1), 0);
        assert_eq!(days(2000, 3, 1), 11_017);
        assert_eq!(days(1969, 12, 31), -1);
    }

    proptest! {
        #[test]
        fn day_numbers_round_trip(z in -719_528i32..2_932_896) {
            let text = format_day(z);
            prop_assert_eq!(parse(&text).unwrap().start, z);
        }
    }
}
