//! The one hash map type for name lookups (ids, urls, keys, categories,
//! departments), with a hash that is cheap in wasm.
//!
//! One type, used through the same few methods: each distinct `HashMap`
//! type gets its own copy of the hash table code in the wasm (about 2 kB
//! each). The standard SipHash costs more than the rest of a lookup, and
//! [`crate::query::compute`] looks up every item's category and department
//! on every keystroke. This hash reads eight bytes per step and is seeded
//! per map: a feed cannot be built to make its names collide without
//! knowing the seed.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};
use std::rc::Rc;

/// Names to a position or count (as a set, the value is unused).
pub type Names = HashMap<Rc<str>, usize, Seeded>;

/// An empty [`Names`] with a fresh seed.
pub fn names() -> Names {
    HashMap::with_hasher(Seeded::new())
}

/// The odd multiplier of FxHash (rustc's hash): spreads each word's bits.
const K: u64 = 0x517c_c1b7_2722_0a95;

/// Builds [`WordHasher`]s starting from one seed.
#[derive(Clone, Copy)]
pub struct Seeded(u64);

impl Seeded {
    /// A new seed: random in the browser; fixed natively, where only tests
    /// and benchmarks run.
    pub fn new() -> Seeded {
        #[cfg(target_arch = "wasm32")]
        let seed = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64;
        #[cfg(not(target_arch = "wasm32"))]
        let seed = 0x2545_f491_4f6c_dd1d;
        Seeded(seed)
    }
}

impl Seeded {
    /// A fixed seed, for fingerprints that must match across calls.
    pub const fn fixed() -> Seeded {
        Seeded(0x9e37_79b9_7f4a_7c15)
    }
}

/// The hash with a fixed seed, for fingerprints that must match across
/// calls (see `net::digest`).
pub fn fixed_hasher() -> Seeded {
    Seeded::fixed()
}

impl Default for Seeded {
    fn default() -> Self {
        Seeded::new()
    }
}

impl BuildHasher for Seeded {
    type Hasher = WordHasher;
    fn build_hasher(&self) -> WordHasher {
        WordHasher(self.0)
    }
}

/// FxHash's step (rotate, xor a word, multiply) over eight bytes at a time,
/// with a final mix so that the low bits, which pick the bucket, depend on
/// every bit of the input.
pub struct WordHasher(u64);

impl WordHasher {
    #[inline]
    fn word(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            // (Byte by byte into one load: no copy call per word.)
            self.word(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            // The length, so "a" and "a\0" differ.
            self.word(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59));
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.word(u64::from(b));
    }

    fn write_usize(&mut self, n: usize) {
        self.word(n as u64);
    }

    fn finish(&self) -> u64 {
        let h = self.0;
        let h = (h ^ (h >> 32)).wrapping_mul(K);
        h ^ (h >> 29)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hash(s: &str) -> u64 {
        Seeded(7).hash_one(s)
    }

    #[test]
    fn equal_names_hash_alike_and_different_ones_apart() {
        assert_eq!(hash("通知公告"), hash("通知公告"));
        let words = [
            "",
            "a",
            "a\0",
            "ab",
            "abcdefgh",
            "abcdefgh\0",
            "abcdefghi",
            "通知",
            "通知公告",
        ];
        let mut seen: Vec<u64> = words.iter().map(|w| hash(w)).collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), words.len());
    }

    #[test]
    fn many_similar_names_spread_over_the_buckets() {
        // Names that differ only in their last characters (item-1 … item-4096)
        // must not pile into a few buckets: count distinct low 12 bits.
        let mut low: Vec<u64> = (0..4096)
            .map(|i| hash(&format!("https://example.gov.cn/news/item-{i}")) & 0xfff)
            .collect();
        low.sort_unstable();
        low.dedup();
        assert!(low.len() > 2400, "{} distinct buckets of 4096", low.len());
    }

    #[test]
    fn a_map_finds_what_it_holds() {
        let mut m = names();
        for i in 0..1000 {
            m.insert(Rc::from(format!("分类{i}").as_str()), i);
        }
        assert_eq!(m.get("分类999"), Some(&999));
        assert_eq!(m.get("分类1000"), None);
    }
}
