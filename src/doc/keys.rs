//! The keys a table's schema names, shared by every record of the table, so a record's text
//! holds its values and not the same twenty field names again (a sixth of its bytes).
//!
//! A key set lives for the whole process: records borrow it with no reference count to touch
//! from both loader threads. Sets are deduplicated, so loading the same schemas again (the
//! language server does on every schema edit) reuses the set rather than adding one; only a
//! schema whose names changed adds a set, a few hundred bytes.

use std::sync::Mutex;

use crate::hash::FastMap;

/// Key names, each with its index.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Keys {
    names: Box<[Box<str>]>,
    index: FastMap<Box<str>, u32>,
}

static SETS: Mutex<Vec<&'static Keys>> = Mutex::new(Vec::new());

/// Index of a key's name when one is stored as a number; key indexes keep the top bit clear.
pub(super) const KNOWN: u32 = 1 << 31;

impl Keys {
    /// The process-wide set of these names (first occurrence kept, in order).
    pub fn intern<'a>(names: impl IntoIterator<Item = &'a str>) -> &'static Keys {
        let mut keys = Keys::default();
        let mut list: Vec<Box<str>> = Vec::new();
        for name in names {
            // A schema with 2^31 property names cannot be loaded; the bound is only a guard.
            if !keys.index.contains_key(name) && list.len() < (KNOWN - 1) as usize {
                keys.index.insert(name.into(), list.len() as u32);
                list.push(name.into());
            }
        }
        keys.names = list.into_boxed_slice();
        // A poisoned lock only means another thread panicked while holding it; the list of
        // sets is still whole, as pushes are its only change.
        let mut sets = SETS.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(&found) = sets.iter().find(|s| ***s == keys) {
            return found;
        }
        let leaked: &'static Keys = Box::leak(Box::new(keys));
        sets.push(leaked);
        leaked
    }

    /// `name` resolved against this set once, for looking it up in many records.
    pub fn field<'n>(&'static self, name: &'n str) -> Field<'n> {
        Field { name, keys: self, index: self.find(name) }
    }

    pub(super) fn find(&self, name: &str) -> Option<u32> {
        self.index.get(name).copied()
    }

    pub(super) fn name(&self, i: u32) -> &str {
        self.names.get(i as usize).map_or("", |n| n)
    }
}

/// A field name resolved to its index in a table's key set. Looking it up in a record of that
/// table compares numbers and hashes nothing; in any other record it is looked up by name.
#[derive(Debug, Clone, Copy)]
pub struct Field<'n> {
    pub(super) name: &'n str,
    pub(super) keys: &'static Keys,
    /// `None` when the schema does not name it: records then hold it as text, if at all.
    pub(super) index: Option<u32>,
}

impl<'n> Field<'n> {
    /// The name as the schema spells it.
    pub fn name(&self) -> &'n str {
        self.name
    }
}
