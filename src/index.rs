//! Lookups built once per run and shared by every rule: id → record, and each table's records.

use crate::catalog::Catalog;
use crate::hash::{FastMap, map_with_capacity};

use crate::load::{Dataset, Record};

/// Where each id is defined. An id defined twice keeps its first definition here; the
/// duplicate-id rule reports the others.
pub struct Index<'a> {
    pub catalog: &'a Catalog,
    pub dataset: &'a Dataset,
    /// id → (record index, table index) of its first definition. The table rides along so
    /// that checking a reference's table never touches the record (a cache miss at scale).
    by_id: FastMap<&'a str, (u32, u32)>,
    /// (record, first record with the same id), for every later definition of an id.
    duplicates: Vec<(usize, usize)>,
    /// Per table, the range of `dataset.records` that holds all its records. The loader
    /// reads table by table, so each table's records are contiguous and a rule scanning one
    /// table skips the others; the range is the whole dataset if they ever are not.
    spans: Vec<(usize, usize)>,
}

impl<'a> Index<'a> {
    pub fn build(catalog: &'a Catalog, dataset: &'a Dataset) -> Self {
        let records = &dataset.records;
        let mut by_id: FastMap<&str, (u32, u32)> = map_with_capacity(records.len());
        let mut duplicates = Vec::new();
        for (i, r) in records.iter().enumerate() {
            // Record counts beyond u32 would need 4 billion files or lines; the loader's
            // memory would give out long before.
            let at = u32::try_from(i).expect("fewer than 2^32 records");
            if let Some(id) = id_of(catalog, r) {
                let first = *by_id.entry(id).or_insert((at, r.table as u32));
                if first.0 != at {
                    duplicates.push((i, first.0 as usize));
                }
            }
        }
        let spans = (0..catalog.tables.len())
            .map(|t| {
                let start = records.iter().position(|r| r.table == t).unwrap_or(records.len());
                let end = records.iter().rposition(|r| r.table == t).map_or(start, |i| i + 1);
                let contiguous = records[start..end].iter().all(|r| r.table == t);
                if contiguous { (start, end) } else { (0, records.len()) }
            })
            .collect();
        Index { catalog, dataset, by_id, duplicates, spans }
    }

    /// The record with this id, in any table.
    pub fn get(&self, id: &str) -> Option<&'a Record> {
        self.by_id.get(id).map(|&(i, _)| &self.dataset.records[i as usize])
    }

    /// The table (catalogue index) where this id is first defined, without reading the record.
    pub fn table_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).map(|&(_, t)| t as usize)
    }

    /// Every record whose id an earlier record (in load order) already defines, with that
    /// first record: `(later, first)` indices into `dataset.records`, in load order.
    pub fn duplicates(&self) -> impl Iterator<Item = (&'a Record, &'a Record)> + '_ {
        let records = &self.dataset.records;
        self.duplicates.iter().map(move |&(later, first)| (&records[later], &records[first]))
    }

    /// The record with this id if it is in `table`.
    pub fn get_in(&self, table: &str, id: &str) -> Option<&'a Record> {
        let t = self.catalog.index_of(table)?;
        if self.table_of(id)? != t {
            return None;
        }
        self.get(id)
    }

    /// The primary key of a record, if it has one of the right type.
    pub fn id(&self, record: &'a Record) -> Option<&'a str> {
        id_of(self.catalog, record)
    }

    /// Records of one table, in load order.
    pub fn table(&self, name: &str) -> impl Iterator<Item = &'a Record> + use<'a> {
        let t = self.catalog.index_of(name);
        let (start, end) = t.map_or((0, 0), |t| self.spans[t]);
        self.dataset.records[start..end].iter().filter(move |r| Some(r.table) == t)
    }
}

fn id_of<'a>(catalog: &Catalog, record: &'a Record) -> Option<&'a str> {
    record.str(&catalog.tables[record.table].primary_key)
}
