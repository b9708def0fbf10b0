//! A text column's values: read from the records each time a writer asks, through the
//! column's plan, instead of a stored reference (16 bytes) to each string.
//!
//! At a million events the model's text columns held 230 MiB of such references, a third of
//! what the table model took; the records they point into are held anyway. Reading a value
//! again is a field lookup by key index in one record (and an array step for elements).

use std::ops::Range;
use std::sync::Arc;

use super::cells::Cells;
use super::plan::Plan;

/// One string (or none) per row.
#[derive(Debug, Clone)]
pub enum Texts<'a> {
    Stored(Cells<Option<&'a str>>),
    /// Row `i`'s text is where `plan` finds it, for `rows` rows.
    Read {
        plan: Arc<Plan<'a>>,
        rows: usize,
    },
    /// Row `i`'s text is row `parents[i]` of `of`: a link table's parent ids.
    Parent {
        of: Arc<Texts<'a>>,
        parents: Arc<Vec<u32>>,
    },
}

impl<'a> Texts<'a> {
    pub fn stored(values: Vec<Option<&'a str>>) -> Texts<'a> {
        Texts::Stored(Cells::stored(values))
    }

    /// Row `i`'s text is `of`'s row `parents[i]`.
    pub fn parent(of: &Texts<'a>, parents: Arc<Vec<u32>>) -> Texts<'a> {
        match of {
            Texts::Stored(cells) => Texts::Stored(Cells::parent(cells, parents)),
            _ => Texts::Parent { of: Arc::new(of.clone()), parents },
        }
    }

    pub fn len(&self) -> usize {
        match self {
            Texts::Stored(cells) => cells.len(),
            Texts::Read { rows, .. } => *rows,
            Texts::Parent { parents, .. } => parents.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Row `i`'s text. Panics past the last row.
    pub fn get(&self, i: usize) -> Option<&'a str> {
        match self {
            Texts::Stored(cells) => cells.get(i),
            Texts::Read { plan, rows } => {
                assert!(i < *rows, "row {i} of {rows}");
                plan.text(i)
            }
            Texts::Parent { of, parents } => of.get(parents[i] as usize),
        }
    }

    /// The texts of rows `rows`, in order.
    pub fn range(&self, rows: Range<usize>) -> impl ExactSizeIterator<Item = Option<&'a str>> + '_ {
        rows.map(|i| self.get(i))
    }

    /// Every row's text, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = Option<&'a str>> + '_ {
        self.range(0..self.len())
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::export::table::{Model, Values};

    /// Text read from the records agrees with the records, directly and through a link table's
    /// parent rows: every top-level text column holds each record's own string.
    #[test]
    fn texts_read_from_the_records_are_the_records_strings() {
        let v = crate::validate(Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap();
        let model = Model::build(&v.catalog, &v.dataset).unwrap();
        let mut checked = 0;
        for (t, frame) in model.tables.iter().enumerate() {
            let table = &v.catalog.tables[t];
            let mut records: Vec<_> = v.dataset.records.iter().filter(|r| r.table as usize == t).collect();
            records.sort_by_key(|r| r.str(&table.primary_key));
            for c in &frame.columns {
                let (Values::Text(texts), Some(field)) = (&c.values, table.fields.iter().find(|f| f.name == c.name))
                else {
                    continue;
                };
                let default = field.default.as_ref().and_then(|d| d.root().as_str());
                for (i, r) in records.iter().enumerate() {
                    let want = r.get(&c.name).filter(|v| !v.is_null()).map_or(default, |v| v.as_str());
                    assert_eq!(texts.get(i), want, "{}.{} row {i}", frame.name, c.name);
                    checked += 1;
                }
                let reversed: Vec<u32> = (0..texts.len() as u32).rev().collect();
                let through = Texts::parent(texts, Arc::new(reversed));
                assert_eq!(
                    through.iter().collect::<Vec<_>>(),
                    texts.iter().collect::<Vec<_>>().into_iter().rev().collect::<Vec<_>>()
                );
            }
            for link in &frame.links {
                let Values::Text(parent_ids) = &link.columns[0].values else { panic!("a link starts with its parent") };
                let ids: Vec<_> = records.iter().map(|r| r.str(&table.primary_key)).collect();
                assert!(parent_ids.iter().all(|id| ids.contains(&id)), "{}", link.name);
            }
        }
        assert!(checked > 1000, "the bundled dataset has text to read ({checked})");
    }
}
