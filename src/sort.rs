//! One small stable sort for the whole widget.
//!
//! The standard library's `sort_by` is fast, but each call site with its own
//! element type and comparator gets its own copy of a large algorithm: five
//! sorts cost the wasm about 20 kB. Here one merge sort over indices, with
//! the comparison behind a `&dyn`, is shared by every caller; per element
//! type only a short permutation loop is generated. The lists sorted are at
//! most a feed's items (tens of thousands), where this is plenty fast.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably: elements that compare equal keep their order.
pub fn sort_by<T>(v: &mut [T], cmp: &dyn Fn(&T, &T) -> Ordering) {
    // Short lists (most JSON objects): insertion sort, in place, no allocation.
    if v.len() <= 16 {
        for i in 1..v.len() {
            let mut j = i;
            while j > 0 && cmp(&v[j - 1], &v[j]) == Ordering::Greater {
                v.swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    let order = stable_order(v.len(), &|a, b| cmp(&v[a], &v[b]) == Ordering::Greater);
    permute(v, order);
}

/// The indices `0..n` in sorted order (a bottom-up merge sort). `greater(a,
/// b)` says whether element `a` sorts after element `b`.
fn stable_order(n: usize, greater: &dyn Fn(usize, usize) -> bool) -> Vec<usize> {
    let mut runs: Vec<usize> = (0..n).collect();
    let mut merged = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, mid);
            for slot in &mut merged[start..end] {
                // The right run goes first only when strictly smaller: stable.
                if j < end && (i >= mid || greater(runs[i], runs[j])) {
                    *slot = runs[j];
                    j += 1;
                } else {
                    *slot = runs[i];
                    i += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut runs, &mut merged);
        width *= 2;
    }
    runs
}

/// Rearranges `v` so that position `k` holds what was at `order[k]`, in
/// place, by following each cycle of the permutation once.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
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
        assert!(v.windows(2).all(|w| w[0] < w[1]));
        sort_by(&mut v, &|a, b| b.cmp(a));
        assert_eq!(v[0], 99);
        let mut same = vec![String::from("x"); 5];
        sort_by(&mut same, &|a, b| a.cmp(b));
        assert_eq!(same.len(), 5);
        let mut empty: Vec<u8> = Vec::new();
        sort_by(&mut empty, &|a, b| a.cmp(b));
        assert!(empty.is_empty());
    }
}
