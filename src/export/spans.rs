//! Where each row's array lies among the elements of all rows of a nested column, in 4 bytes a
//! row: the ranges run in row order without gaps, so a row keeps only where its range ends.
//!
//! At a million events the array columns have 4.7 million rows; as `Option<Range<usize>>`
//! (24 bytes) their spans took 108 MiB of a build, as ends 18 MiB.

use std::ops::Range;
use std::sync::{Arc, OnceLock};

/// Marks a row without an array (absent or `null`), which is not the same as an empty one.
const ABSENT: u32 = 1 << 31;

/// For each row, its array as a range of the elements of all rows (`None`: no array).
#[derive(Debug, Clone, Default)]
pub struct Spans {
    /// Per row, the end of its range, with [`ABSENT`] set for a row without an array (whose
    /// range is empty). A row's range starts where the previous row's ends.
    ends: Vec<u32>,
    /// Per element, its row: made when first asked for, then shared.
    parents: OnceLock<Arc<Vec<u32>>>,
}

impl PartialEq for Spans {
    fn eq(&self, other: &Spans) -> bool {
        self.ends == other.ends
    }
}

impl Eq for Spans {}

/// More elements in one column than a span can count (2^31).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooMany;

impl Spans {
    pub fn with_capacity(rows: usize) -> Spans {
        Spans { ends: Vec::with_capacity(rows), parents: OnceLock::new() }
    }

    /// Adds the next row: `Some(n)` for an array of `n` elements, `None` for no array.
    pub fn push(&mut self, elements: Option<usize>) -> Result<(), TooMany> {
        let end = self.elements() + elements.unwrap_or(0);
        let end = u32::try_from(end).ok().filter(|e| e & ABSENT == 0).ok_or(TooMany)?;
        self.ends.push(if elements.is_some() { end } else { end | ABSENT });
        self.parents = OnceLock::new();
        Ok(())
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Number of elements of all rows.
    pub fn elements(&self) -> usize {
        self.ends.last().map_or(0, |&e| end(e))
    }

    /// Row `i`'s elements, or `None` when the row has no array. Panics past the last row.
    pub fn get(&self, i: usize) -> Option<Range<usize>> {
        let e = self.ends[i];
        (e & ABSENT == 0).then(|| self.start(i)..end(e))
    }

    /// Every row's elements, in row order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = Option<Range<usize>>> + ExactSizeIterator + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// The elements of rows `rows`, which lie together.
    pub fn elements_of(&self, rows: Range<usize>) -> Range<usize> {
        if rows.is_empty() {
            return 0..0;
        }
        self.start(rows.start)..end(self.ends[rows.end - 1])
    }

    /// For each element, the row whose array holds it (a row is a `u32` everywhere in the
    /// loaded dataset). Made once: the readers of the elements and the link table share it.
    pub fn parents(&self) -> Arc<Vec<u32>> {
        let make = || {
            let mut parents = Vec::with_capacity(self.elements());
            for (row, range) in self.iter().enumerate() {
                parents.extend(std::iter::repeat_n(row as u32, range.map_or(0, |r| r.len())));
            }
            Arc::new(parents)
        };
        self.parents.get_or_init(make).clone()
    }

    /// The most elements a row has.
    pub fn longest(&self) -> usize {
        self.iter().map(|r| r.map_or(0, |r| r.len())).max().unwrap_or(0)
    }

    fn start(&self, i: usize) -> usize {
        i.checked_sub(1).map_or(0, |p| end(self.ends[p]))
    }
}

fn end(e: u32) -> usize {
    (e & !ABSENT) as usize
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn build(rows: &[Option<usize>]) -> Spans {
        let mut s = Spans::with_capacity(rows.len());
        rows.iter().for_each(|&r| s.push(r).unwrap());
        s
    }

    #[test]
    fn absent_and_empty_arrays_differ() {
        let s = build(&[Some(2), None, Some(0), Some(3)]);
        assert_eq!(s.iter().collect::<Vec<_>>(), [Some(0..2), None, Some(2..2), Some(2..5)]);
        assert_eq!((s.len(), s.elements()), (4, 5));
        assert_eq!(s.elements_of(1..4), 2..5);
        assert_eq!(s.elements_of(0..1), 0..2);
        assert_eq!(s.elements_of(2..2), 0..0);
        assert_eq!(*s.parents(), [0, 0, 3, 3, 3]);
        assert_eq!(s.longest(), 3);
    }

    #[test]
    fn a_column_too_big_to_count_is_refused() {
        let mut s = build(&[Some((ABSENT - 1) as usize)]);
        assert_eq!(s.push(Some(1)), Err(TooMany));
        assert_eq!(s.push(None), Ok(()));
        assert_eq!(s.get(1), None);
        assert_eq!(s.elements(), (ABSENT - 1) as usize);
    }

    proptest! {
        /// Each row reads back as the range a `Vec<Option<Range>>` laid end to end would give.
        #[test]
        fn spans_read_back_as_ranges(rows in prop::collection::vec(prop::option::of(0usize..6), 0..40),
                                     cut in 0usize..40, len in 0usize..40) {
            let s = build(&rows);
            let mut ranges = Vec::new();
            let mut at = 0;
            for r in &rows {
                ranges.push(r.map(|n| at..at + n));
                at += r.unwrap_or(0);
            }
            prop_assert_eq!(s.iter().collect::<Vec<_>>(), ranges.clone());
            prop_assert_eq!(s.elements(), at);
            let a = cut.min(rows.len());
            let b = (a + len).min(rows.len());
            let before = |k: usize| rows[..k].iter().flatten().sum::<usize>();
            let want = if a == b { 0..0 } else { before(a)..before(b) };
            prop_assert_eq!(s.elements_of(a..b), want);
        }
    }
}
