//! The search index, built when it is first needed rather than on the way
//! to the first painted row: on a 10,000-item archive folding every text
//! costs about as much as parsing the feed, and a reader who never searches
//! should not wait for it.

use super::search::{Query, SearchCache, SearchIndex};
use crate::model::feed::Bulletin;
use std::rc::Rc;

/// Items shared by the widget's memos.
type Items = Rc<[Rc<Bulletin>]>;

/// The index of one item list, built on first use and kept until the list
/// changes (compared by pointer: the list is shared, never copied).
#[derive(Debug, Default)]
pub struct LazyIndex {
    built: Option<(Items, Rc<SearchIndex>)>,
}

impl LazyIndex {
    /// The index of `items`, building it now if it is not built yet.
    pub fn get(&mut self, items: &Items) -> Rc<SearchIndex> {
        if let Some((for_items, index)) = &self.built {
            if Rc::ptr_eq(for_items, items) {
                return index.clone();
            }
        }
        let index = Rc::new(SearchIndex::build(items));
        self.built = Some((items.clone(), index.clone()));
        index
    }

    /// Whether the index of `items` is already built.
    pub fn is_built(&self, items: &Items) -> bool {
        self.built
            .as_ref()
            .is_some_and(|(for_items, _)| Rc::ptr_eq(for_items, items))
    }
}

/// One widget's search: the index (built once per item list, see
/// [`LazyIndex`]), the last search (typing further only re-checks its hits,
/// see [`SearchCache`]) and the last answer (the same search again is the
/// same list, not a copy).
#[derive(Debug, Default)]
pub struct Searcher {
    index: LazyIndex,
    cache: SearchCache,
    last: Option<(Items, String, Rc<Vec<usize>>)>,
}

impl Searcher {
    /// Indices of the `items` that match the search text `raw` (all of them
    /// for an empty search, which needs no index).
    pub fn hits(&mut self, items: &Items, raw: &str) -> Rc<Vec<usize>> {
        if let Some((for_items, for_raw, hits)) = &self.last {
            if Rc::ptr_eq(for_items, items) && for_raw == raw {
                return hits.clone();
            }
        }
        let hits = if Query::parse(raw).is_empty() {
            self.cache = SearchCache::default();
            Rc::new((0..items.len()).collect())
        } else {
            let index = self.index.get(items);
            self.cache.search(&index, raw)
        };
        self.last = Some((items.clone(), raw.to_string(), hits.clone()));
        hits
    }

    /// Builds the index of `items` now, if it is not built yet (after the
    /// first rows are painted, before the reader types).
    pub fn prepare(&mut self, items: &Items) {
        self.index.get(items);
    }

    /// Whether the index of `items` is built.
    pub fn is_prepared(&self, items: &Items) -> bool {
        self.index.is_built(items)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::feed::parse_feed;

    fn items(n: usize) -> Items {
        let list: Vec<String> = (0..n)
            .map(|i| format!(r#"{{"id":"{i}","title":"通知 {i}"}}"#))
            .collect();
        let json = format!(
            r#"{{"version":"https://jsonfeed.org/version/1.1","items":[{}]}}"#,
            list.join(",")
        );
        parse_feed(json.as_bytes()).expect("feed").items
    }

    #[test]
    fn built_once_per_list() {
        let (a, b) = (items(3), items(2));
        let mut lazy = LazyIndex::default();
        assert!(!lazy.is_built(&a));
        let first = lazy.get(&a);
        assert!(lazy.is_built(&a));
        assert!(Rc::ptr_eq(&first, &lazy.get(&a)));
        assert_eq!(lazy.get(&b).len(), 2);
        assert!(!lazy.is_built(&a));
    }

    #[test]
    fn a_search_needs_the_index_and_the_same_search_is_the_same_list() {
        let a = items(12);
        let mut s = Searcher::default();
        let all = s.hits(&a, "  ");
        assert_eq!(all.len(), 12);
        assert!(!s.is_prepared(&a), "no search, no index");
        let ones = s.hits(&a, "1");
        assert_eq!(*ones, [1, 10, 11]);
        assert!(s.is_prepared(&a));
        assert!(Rc::ptr_eq(&ones, &s.hits(&a, "1")));
        assert_eq!(*s.hits(&a, "11"), [11], "narrowed as typed");
        assert_eq!(s.hits(&a, "").len(), 12);
        let b = items(2);
        s.prepare(&b);
        assert!(s.is_prepared(&b));
        assert_eq!(*s.hits(&b, "1"), [1], "another list: another index");
    }
}
