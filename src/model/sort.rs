//! One stable sort for the whole widget: the standard library's, instantiated once.
//!
//! Each call of `slice::sort_by` with its own element type and comparator
//! gets its own copy of the standard sort in the wasm (five sorts cost about
//! 20 kB). Here the standard stable sort runs once, over indices, with the
//! comparison behind a `&dyn`; per element type only a short permutation
//! loop is generated.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably: elements that compare equal keep their order.
pub fn sort_by<T>(v: &mut [T], cmp: &dyn Fn(&T, &T) -> Ordering) {
    let n = v.len();
    if n < 2 {
        return;
    }
    // Most JSON objects are small: their order fits on the stack.
    let mut small = [0usize; 16];
    let mut large = Vec::new();
    let order: &mut [usize] = if n <= small.len() {
        &mut small[..n]
    } else {
        large.resize(n, 0);
        &mut large
    };
    stable_order(order, &|a, b| cmp(&v[a], &v[b]));
    permute(v, order);
}

/// Fills `order` with the indices `0..order.len()` in stable sorted order,
/// `cmp` comparing two of them: the one place the standard sort is
/// instantiated.
fn stable_order(order: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    for (i, slot) in order.iter_mut().enumerate() {
        *slot = i;
    }
    order.sort_by(|&a, &b| cmp(a, b));
}

/// Rearranges `v` so that position `k` holds what was at `order[k]`, in
/// place, by following each cycle of the permutation once.
fn permute<T>(v: &mut [T], order: &mut [usize]) {
    for start in 0..order.len() {
        let mut at = start;
        // A position whose entry points at itself is done (or was in place).
        while order[at] != at {
            let from = order[at];
            order[at] = at;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_standard_stable_sort() {
        // Pairs sorted by their first half only: the second half shows
        // whether equal elements kept their order.
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for n in (0..70).chain([255, 256, 257, 1000, 4097]) {
            let mut v: Vec<(u8, usize)> = (0..n)
                .map(|i| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    ((seed % 7) as u8, i)
                })
                .collect();
            let mut expected = v.clone();
            expected.sort_by_key(|p| p.0);
            sort_by(&mut v, &|a, b| a.0.cmp(&b.0));
            assert_eq!(v, expected, "n = {n}");
        }
    }

    #[test]
    fn sorted_reversed_and_equal_inputs() {
        let mut v: Vec<u32> = (0..100).rev().collect();
        sort_by(&mut v, &|a, b| a.cmp(b));
        assert_eq!(v, (0..100).collect::<Vec<u32>>(), "reversed, ascending");
        sort_by(&mut v, &|a, b| b.cmp(a));
        assert_eq!(
            v,
            (0..100).rev().collect::<Vec<u32>>(),
            "sorted, descending"
        );
        // Equal keys, told apart by their second half: nothing moves, at
        // both sizes (the order on the stack, and on the heap).
        for n in [5, 40] {
            let mut same: Vec<(&str, usize)> = (0..n).map(|i| ("x", i)).collect();
            sort_by(&mut same, &|a, b| a.0.cmp(b.0));
            assert_eq!(
                same,
                (0..n).map(|i| ("x", i)).collect::<Vec<_>>(),
                "n = {n}"
            );
        }
        // Equal runs between others keep their order too.
        let mut runs = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e'), (2, 'f')];
        sort_by(&mut runs, &|a, b| a.0.cmp(&b.0));
        assert_eq!(
            runs,
            [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c'), (2, 'f')]
        );
        let mut one = vec![7u8];
        sort_by(&mut one, &|a, b| b.cmp(a));
        assert_eq!(one, [7]);
        let mut empty: Vec<u8> = Vec::new();
        sort_by(&mut empty, &|a, b| a.cmp(b));
        assert!(empty.is_empty());
    }
}
