//! A fast hasher for in-memory maps keyed by ids (the Fx hash of rustc and Firefox).
//!
//! The standard library's SipHash resists hash flooding, which matters for maps fed by a
//! network peer; ours are fed by the dataset being checked, and SipHash was a tenth of the run
//! time of `validate` on large inputs. Fx hashes a short id in a few multiply-rotates.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// `HashMap` with the Fx hash.
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// `HashSet` with the Fx hash.
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// A map with room for `n` entries.
pub fn map_with_capacity<K, V>(n: usize) -> FastMap<K, V> {
    FastMap::with_capacity_and_hasher(n, BuildHasherDefault::default())
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // hashbrown takes its 7 control bits from the top: fold the well-mixed high half down
        // and the low half up so both ends carry every input bit.
        self.hash.rotate_left(26)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similar_ids_spread_over_buckets() {
        let (mut low, mut top) = (FastSet::default(), FastSet::default());
        for i in 0..100_000 {
            let mut h = FxHasher::default();
            h.write(format!("evt-{i:08}").as_bytes());
            low.insert(h.finish() & 0x3fff);
            top.insert(h.finish() >> 57);
        }
        // The bucket index (low bits) and the control tag (top 7 bits) must both spread ids
        // that differ in one digit: 2^14 and 2^7 possible values.
        assert!(low.len() > 12_000, "{}", low.len());
        assert_eq!(top.len(), 128);
        let map: FastMap<&str, usize> = [("a", 1), ("b", 2)].into_iter().collect();
        assert_eq!(map.get("b"), Some(&2));
    }
}
