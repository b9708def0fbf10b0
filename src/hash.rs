//! The hasher of in-memory maps keyed by ids: foldhash, with a fixed seed.
//!
//! The standard library's SipHash resists hash flooding, which matters for maps fed by a
//! network peer; ours are fed by the dataset being checked, and SipHash was a tenth of the run
//! time of `validate` on large inputs. foldhash is already in the tree (hashbrown, hence
//! arrow, uses it) and hashes a short id in a few multiplies. The fixed seed keeps iteration
//! order, and so anything that might come to depend on it, the same from run to run.

use std::collections::{HashMap, HashSet};

use foldhash::fast::FixedState;

/// `HashMap` with foldhash.
pub type FastMap<K, V> = HashMap<K, V, FixedState>;
/// `HashSet` with foldhash.
pub type FastSet<K> = HashSet<K, FixedState>;

/// A map with room for `n` entries.
pub fn map_with_capacity<K, V>(n: usize) -> FastMap<K, V> {
    FastMap::with_capacity_and_hasher(n, FixedState::default())
}

#[cfg(test)]
mod tests {
    use std::hash::BuildHasher;

    use super::*;

    #[test]
    fn similar_ids_spread_over_buckets() {
        let state = FixedState::default();
        let (mut low, mut top) = (FastSet::default(), FastSet::default());
        for i in 0..100_000 {
            let h = state.hash_one(format!("evt-{i:08}").as_bytes());
            low.insert(h & 0x3fff);
            top.insert(h >> 57);
        }
        // The bucket index (low bits) and the control tag (top 7 bits) must both spread ids
        // that differ in one digit: 2^14 and 2^7 possible values.
        assert!(low.len() > 12_000, "{}", low.len());
        assert_eq!(top.len(), 128);
        let map: FastMap<&str, usize> = [("a", 1), ("b", 2)].into_iter().collect();
        assert_eq!(map.get("b"), Some(&2));
    }
}
