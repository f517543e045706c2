//! The search index, built when it is first needed rather than on the way
//! to the first painted row: on a 10,000-item archive folding every text
//! costs about as much as parsing the feed, and a reader who never searches
//! should not wait for it.

use super::search::SearchIndex;
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
}
