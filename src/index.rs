//! Lookups built once per run and shared by every rule: id → record, and each table's records.

use std::hash::BuildHasher;

use foldhash::fast::FixedState;
use hashbrown::HashTable;

use crate::catalog::Catalog;
use crate::doc::{Field, Node};

use crate::load::{Dataset, Record};

/// Where each id is defined. An id defined twice keeps its first definition here; the
/// duplicate-id rule reports the others.
pub struct Index<'a> {
    pub catalog: &'a Catalog,
    pub dataset: &'a Dataset,
    /// id → (record index, table index) of its first definition, keyed by the id's hash: the
    /// id itself is read from the record when a hash matches. Eight bytes a slot rather than
    /// the 24 of a map keyed by `&str` (50 MB of slots at a million records, a twentieth of
    /// `validate`'s memory).
    by_id: HashTable<(u32, u32)>,
    hasher: FixedState,
    /// (record, first record with the same id), for every later definition of an id.
    duplicates: Vec<(usize, usize)>,
    /// Per table, its primary key resolved against its key set, so reading a record's id
    /// hashes no field name (every lookup of an id reads the id of the record it finds).
    keys: Vec<Field<'a>>,
    /// Per table, the range of `dataset.records` that holds all its records. The loader
    /// reads table by table, so each table's records are contiguous and a rule scanning one
    /// table skips the others; the range is the whole dataset if they ever are not.
    spans: Vec<(usize, usize)>,
}

impl<'a> Index<'a> {
    pub fn build(catalog: &'a Catalog, dataset: &'a Dataset) -> Self {
        let records = &dataset.records;
        let hasher = FixedState::default();
        let mut by_id: HashTable<(u32, u32)> = HashTable::with_capacity(records.len());
        let mut duplicates = Vec::new();
        let keys: Vec<Field<'a>> = catalog.tables.iter().map(|t| t.keys.field(&t.primary_key)).collect();
        let id_at = |j: u32| id_of(&keys, &records[j as usize]);
        for (i, r) in records.iter().enumerate() {
            // Record counts beyond u32 would need 4 billion files or lines; the loader's
            // memory would give out long before.
            let at = u32::try_from(i).expect("fewer than 2^32 records");
            if let Some(id) = id_of(&keys, r) {
                let hash = hasher.hash_one(id);
                match by_id.find(hash, |&(j, _)| id_at(j) == Some(id)) {
                    Some(&(first, _)) => duplicates.push((i, first as usize)),
                    None => {
                        // Every slot holds a record with an id, so a rehash finds it again.
                        let rehash = |&(j, _): &(u32, u32)| hasher.hash_one(id_at(j).unwrap_or_default());
                        by_id.insert_unique(hash, (at, r.table), rehash);
                    }
                }
            }
        }
        let spans = (0..catalog.tables.len())
            .map(|t| {
                let start = records.iter().position(|r| r.table as usize == t).unwrap_or(records.len());
                let end = records.iter().rposition(|r| r.table as usize == t).map_or(start, |i| i + 1);
                let contiguous = records[start..end].iter().all(|r| r.table as usize == t);
                if contiguous { (start, end) } else { (0, records.len()) }
            })
            .collect();
        Index { catalog, dataset, by_id, hasher, duplicates, keys, spans }
    }

    /// (record index, table index) of the first definition of `id`.
    fn slot(&self, id: &str) -> Option<(u32, u32)> {
        let records = &self.dataset.records;
        let same = |&(j, _): &(u32, u32)| id_of(&self.keys, &records[j as usize]) == Some(id);
        self.by_id.find(self.hasher.hash_one(id), same).copied()
    }

    /// The record with this id, in any table.
    pub fn get(&self, id: &str) -> Option<&'a Record> {
        self.slot(id).map(|(i, _)| &self.dataset.records[i as usize])
    }

    /// The table (catalogue index) where this id is first defined.
    pub fn table_of(&self, id: &str) -> Option<usize> {
        self.slot(id).map(|(_, t)| t as usize)
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
        id_of(&self.keys, record)
    }

    /// Records of one table, in load order.
    pub fn table(&self, name: &str) -> impl Iterator<Item = &'a Record> + use<'a> {
        let t = self.catalog.index_of(name);
        let (start, end) = t.map_or((0, 0), |t| self.spans[t]);
        self.dataset.records[start..end].iter().filter(move |r| Some(r.table as usize) == t)
    }
}

fn id_of<'a>(keys: &[Field<'_>], record: &'a Record) -> Option<&'a str> {
    record.field(*keys.get(record.table as usize)?).and_then(Node::as_str)
}
