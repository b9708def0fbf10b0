//! A column's values, one per row: stored, or read through each row's index into values
//! stored once elsewhere. (Text is read from the records themselves: `texts`.)
//!
//! A link table has a row per array element, and two of its columns repeat what the model
//! already holds: the parent's id (its table's id column) and the element's position in its
//! array. Stored, they took 32 bytes an element, 190 MiB at a million events; gathered, the
//! link table keeps 4 bytes an element, the element's parent row, for both.

use std::ops::Range;
use std::sync::Arc;

use super::spans::Spans;

/// One value per row.
#[derive(Debug, Clone)]
pub struct Cells<T> {
    values: Arc<Vec<T>>,
    gather: Option<Gather>,
}

/// How a row finds its value in `values`.
#[derive(Debug, Clone)]
enum Gather {
    /// Row `i`'s value is `values[parents[i]]`.
    Parent(Arc<Vec<u32>>),
    /// Row `i` is an element of the array of row `parents[i]` of `spans`, and its value is
    /// `values[i - start of that array]`: the element's position, `values` counting up.
    Position { parents: Arc<Vec<u32>>, spans: Arc<Spans> },
}

impl<T: Clone> Cells<T> {
    /// The values, stored.
    pub fn stored(values: Vec<T>) -> Cells<T> {
        Cells { values: Arc::new(values), gather: None }
    }

    /// Row `i` holds `of[parents[i]]`; `of` is stored cells, shared, not copied.
    pub fn parent(of: &Cells<T>, parents: Arc<Vec<u32>>) -> Cells<T> {
        match &of.gather {
            None => Cells { values: of.values.clone(), gather: Some(Gather::Parent(parents)) },
            // Through the rows `of` gathers its own values by: one index, not two.
            Some(_) => Cells::stored(parents.iter().map(|&p| of.get(p as usize)).collect()),
        }
    }

    /// Row `i` is an element of `spans`' row `parents[i]` and holds `counting[its index in
    /// that row's array]`. `counting` needs as many values as the longest array has elements.
    pub fn position(counting: Vec<T>, parents: Arc<Vec<u32>>, spans: Arc<Spans>) -> Cells<T> {
        Cells { values: Arc::new(counting), gather: Some(Gather::Position { parents, spans }) }
    }

    pub fn len(&self) -> usize {
        match &self.gather {
            None => self.values.len(),
            Some(Gather::Parent(p) | Gather::Position { parents: p, .. }) => p.len(),
        }
    }

    /// Row `i`'s value. Panics past the last row.
    pub fn get(&self, i: usize) -> T {
        match &self.gather {
            None => self.values[i].clone(),
            Some(Gather::Parent(parents)) => self.values[parents[i] as usize].clone(),
            Some(Gather::Position { parents, spans }) => {
                let start = spans.get(parents[i] as usize).map_or(i, |r| r.start);
                self.values[i - start].clone()
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The values of rows `rows`, in order.
    pub fn range(&self, rows: Range<usize>) -> impl ExactSizeIterator<Item = T> + '_ {
        rows.map(|i| self.get(i))
    }

    /// Every row's value, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = T> + '_ {
        self.range(0..self.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gathered_cells_read_through_their_parents() {
        let ids = Cells::stored(vec!["a", "b", "c"]);
        let mut spans = Spans::with_capacity(3);
        for n in [Some(2), None, Some(3)] {
            spans.push(n).unwrap();
        }
        let parents = Arc::new(vec![0, 0, 2, 2, 2]);
        let parent = Cells::parent(&ids, parents.clone());
        let position = Cells::position(vec![1, 2, 3], parents, Arc::new(spans));
        assert_eq!(parent.iter().collect::<Vec<_>>(), ["a", "a", "c", "c", "c"]);
        assert_eq!(position.iter().collect::<Vec<_>>(), [1, 2, 1, 2, 3]);
        assert_eq!(position.range(1..4).collect::<Vec<_>>(), [2, 1, 2]);
        assert_eq!((parent.len(), ids.len()), (5, 3));
    }
}
