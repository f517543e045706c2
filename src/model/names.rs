//! The one hash map type for name lookups (ids, urls, keys, categories,
//! departments), hashed by foldhash (the hash hashbrown uses by default).
//!
//! One type, used through the same few methods: each distinct `HashMap`
//! type gets its own copy of the hash table code in the wasm (about 2 kB
//! each). The standard SipHash costs more than the rest of a lookup, and
//! [`crate::app::query::compute`] looks up every item's category and department
//! on every keystroke. Each map gets its own random seed, so a feed cannot
//! be built to make its names collide without knowing the seed.

use foldhash::fast::FixedState;
use std::collections::HashMap;
use std::rc::Rc;

/// Names to a position or count (as a set, the value is unused).
pub type Names = HashMap<Rc<str>, usize, FixedState>;

/// An empty [`Names`] with a fresh seed.
pub fn names() -> Names {
    HashMap::with_hasher(FixedState::with_seed(fresh_seed()))
}

/// The same hash with a fixed seed, for fingerprints that must match across
/// calls (see `net::digest`).
pub fn fixed_hasher() -> FixedState {
    FixedState::with_seed(0x9e37_79b9_7f4a_7c15)
}

/// A new seed: random in the browser (wasm32-unknown-unknown has no other
/// source of randomness than JavaScript's); natively, where only the
/// webmaster's command, tests and benchmarks run, the standard library's.
fn fresh_seed() -> u64 {
    #[cfg(target_arch = "wasm32")]
    {
        (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        use std::hash::BuildHasher;
        std::collections::hash_map::RandomState::new().hash_one(0u8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn a_map_finds_what_it_holds() {
        let mut m = names();
        for i in 0..1000 {
            m.insert(Rc::from(format!("分类{i}").as_str()), i);
        }
        assert_eq!(m.get("分类999"), Some(&999));
        assert_eq!(m.get("分类1000"), None);
    }

    #[test]
    fn the_fixed_hash_is_the_same_every_time() {
        let h = |s: &str| fixed_hasher().hash_one(s);
        assert_eq!(h("通知公告"), h("通知公告"));
        assert_ne!(h("a"), h("a\0"));
    }
}
