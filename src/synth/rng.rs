//! SplitMix64: a tiny, fast, well-mixed PRNG. Small enough to own, so the generator's output
//! depends on nothing but the seed (no crate's algorithm can change under us).
//!
//! Every record draws from its own stream, keyed by (seed, table, index). Records can then be
//! made in parallel and in any order, and a record's bytes never depend on the records made
//! before it.

/// The generator state.
#[derive(Debug, Clone)]
pub struct Rng(u64);

const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

/// The SplitMix64 finaliser: a bijective mix of 64 bits.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Rng {
    #[cfg(test)]
    pub fn new(seed: u64) -> Rng {
        Rng(mix(seed))
    }

    /// An independent stream for record `index` of the table tagged `stream`.
    pub fn stream(seed: u64, stream: u64, index: u64) -> Rng {
        Rng(mix(mix(seed ^ mix(stream.wrapping_add(1))) ^ index.wrapping_mul(GOLDEN)))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(GOLDEN);
        mix(self.0)
    }

    /// Uniform in `0..n` (`n > 0`), by multiply-shift: bias below 2^-32 for our sizes.
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as usize) as i64
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// `k` distinct indices from `0..n`, in draw order (`k <= n`); rejection is cheap because
    /// `k` is always small next to `n` here.
    pub fn distinct(&mut self, n: usize, k: usize) -> Vec<usize> {
        let k = k.min(n);
        let mut out = Vec::with_capacity(k);
        while out.len() < k {
            let i = self.below(n);
            if !out.contains(&i) {
                out.push(i);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_are_reproducible_and_distinct() {
        let a: Vec<u64> = (0..4).map(|_| Rng::stream(7, 1, 42).next_u64()).collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]));
        assert_ne!(Rng::stream(7, 1, 42).next_u64(), Rng::stream(7, 1, 43).next_u64());
        assert_ne!(Rng::stream(7, 1, 42).next_u64(), Rng::stream(7, 2, 42).next_u64());
        assert_ne!(Rng::stream(7, 1, 42).next_u64(), Rng::stream(8, 1, 42).next_u64());
    }

    #[test]
    fn draws_stay_in_range() {
        let mut r = Rng::new(1);
        for _ in 0..10_000 {
            assert!(r.below(7) < 7);
            assert!((-3..=3).contains(&r.range(-3, 3)));
        }
        let d = r.distinct(10, 10);
        let mut s = d.clone();
        s.sort();
        s.dedup();
        assert_eq!(s.len(), 10);
    }
}
