//! Lookups built once per run and shared by every rule: id → record, per table.

use std::collections::HashMap;

use crate::catalog::Catalog;
use crate::load::{Dataset, Record};

/// Where each id is defined. An id defined twice keeps its first definition here; the
/// duplicate-id rule reports the others.
pub struct Index<'a> {
    pub catalog: &'a Catalog,
    pub dataset: &'a Dataset,
    by_id: HashMap<&'a str, usize>,
}

impl<'a> Index<'a> {
    pub fn build(catalog: &'a Catalog, dataset: &'a Dataset) -> Self {
        let mut by_id = HashMap::with_capacity(dataset.records.len());
        for (i, r) in dataset.records.iter().enumerate() {
            if let Some(id) = id_of(catalog, r) {
                by_id.entry(id).or_insert(i);
            }
        }
        Index { catalog, dataset, by_id }
    }

    /// The record with this id, in any table.
    pub fn get(&self, id: &str) -> Option<&'a Record> {
        self.by_id.get(id).map(|&i| &self.dataset.records[i])
    }

    /// The record with this id if it is in `table`.
    pub fn get_in(&self, table: &str, id: &str) -> Option<&'a Record> {
        let t = self.catalog.index_of(table)?;
        self.get(id).filter(|r| r.table == t)
    }

    /// The primary key of a record, if it has one of the right type.
    pub fn id(&self, record: &'a Record) -> Option<&'a str> {
        id_of(self.catalog, record)
    }

    /// Records of one table, in load order.
    pub fn table(&self, name: &str) -> impl Iterator<Item = &'a Record> + use<'a> {
        let t = self.catalog.index_of(name);
        let records = &self.dataset.records;
        records.iter().filter(move |r| Some(r.table) == t)
    }
}

fn id_of<'a>(catalog: &Catalog, record: &'a Record) -> Option<&'a str> {
    record.str(&catalog.tables[record.table].primary_key)
}
