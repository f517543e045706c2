//! Filtering and counting over normalized bulletins. Plain Rust, no DOM.

use crate::feed::{Bulletin, UNCATEGORIZED};
use std::collections::HashMap;
use std::rc::Rc;

/// The reader's filter. Today the category; search and the other filters
/// join it as fields, each narrowing the result.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// `None` is 全部 (all categories).
    pub category: Option<Rc<str>>,
}

impl Filter {
    /// Whether `b` passes every active part of the filter.
    pub fn matches(&self, b: &Bulletin) -> bool {
        match &self.category {
            Some(c) => b.category == *c,
            None => true,
        }
    }
}

/// One category tab: its name and how many items it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategoryCount {
    pub name: Rc<str>,
    pub count: usize,
}

/// Categories with their item counts, largest first; equal counts keep the
/// order in which they first appear in the (newest-first) list; 未分类 last.
/// Categories without items never appear.
pub fn category_counts(items: &[Rc<Bulletin>]) -> Vec<CategoryCount> {
    let mut order: Vec<CategoryCount> = Vec::new();
    let mut index: HashMap<Rc<str>, usize> = HashMap::new();
    for b in items {
        match index.get(&b.category) {
            Some(&i) => order[i].count += 1,
            None => {
                index.insert(b.category.clone(), order.len());
                order.push(CategoryCount {
                    name: b.category.clone(),
                    count: 1,
                });
            }
        }
    }
    // sort_by_key is stable: ties keep first-appearance order.
    order.sort_by_key(|c| (&*c.name == UNCATEGORIZED, std::cmp::Reverse(c.count)));
    order
}

/// The items one widget instance works with: only the configured
/// categories (when the webmaster lists some), at most `max_items` of the
/// newest. Computed once per feed and configuration.
pub fn scope(
    items: &Rc<[Rc<Bulletin>]>,
    categories: Option<&[String]>,
    max_items: Option<usize>,
) -> Rc<[Rc<Bulletin>]> {
    if categories.is_none() && max_items.is_none_or(|m| m >= items.len()) {
        return items.clone();
    }
    items
        .iter()
        .filter(|b| categories.is_none_or(|cs| cs.iter().any(|c| **c == *b.category)))
        .take(max_items.unwrap_or(usize::MAX))
        .cloned()
        .collect()
}

/// [`category_counts`], but in the webmaster's order when one is given
/// (categories without items are still left out).
pub fn ordered_counts(items: &[Rc<Bulletin>], order: Option<&[String]>) -> Vec<CategoryCount> {
    let counts = category_counts(items);
    match order {
        None => counts,
        Some(order) => order
            .iter()
            .filter_map(|name| counts.iter().find(|c| &*c.name == name.as_str()).cloned())
            .collect(),
    }
}

/// Indices (into `items`) of the bulletins that pass `filter`, in list order.
pub fn visible(items: &[Rc<Bulletin>], filter: &Filter) -> Vec<usize> {
    items
        .iter()
        .enumerate()
        .filter(|(_, b)| filter.matches(b))
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::parse_feed;

    fn items(cats: &[&str]) -> Rc<[Rc<Bulletin>]> {
        let list: Vec<String> = cats
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if c.is_empty() {
                    format!(r#"{{"id":"{i}","title":"t{i}"}}"#)
                } else {
                    format!(r#"{{"id":"{i}","title":"t{i}","_district":{{"category":"{c}"}}}}"#)
                }
            })
            .collect();
        let json = format!(
            r#"{{"version":"https://jsonfeed.org/version/1.1","items":[{}]}}"#,
            list.join(",")
        );
        parse_feed(json.as_bytes()).expect("feed").items
    }

    #[test]
    fn counts_largest_first_uncategorized_last() {
        let it = items(&["", "环保", "安全", "环保", "", "城建", "", ""]);
        let counts: Vec<(String, usize)> = category_counts(&it)
            .into_iter()
            .map(|c| (c.name.to_string(), c.count))
            .collect();
        assert_eq!(
            counts,
            [
                ("环保".to_string(), 2),
                ("安全".to_string(), 1),
                ("城建".to_string(), 1),
                (UNCATEGORIZED.to_string(), 4)
            ]
        );
        assert!(category_counts(&[]).is_empty());
    }

    #[test]
    fn scope_and_order_follow_the_configuration() {
        let it = items(&["环保", "安全", "环保", "城建", "安全"]);
        assert!(Rc::ptr_eq(&scope(&it, None, None), &it));
        let only = vec!["安全".to_string(), "环保".to_string()];
        let s = scope(&it, Some(&only), None);
        assert_eq!(s.len(), 4);
        let names: Vec<String> = ordered_counts(&s, Some(&only))
            .iter()
            .map(|c| format!("{} {}", c.name, c.count))
            .collect();
        assert_eq!(names, ["安全 2", "环保 2"]);
        assert_eq!(scope(&it, None, Some(2)).len(), 2);
        assert_eq!(scope(&it, Some(&only), Some(3)).len(), 3);
        // A listed category without items gets no tab.
        let missing = vec!["不存在".to_string(), "城建".to_string()];
        assert_eq!(ordered_counts(&it, Some(&missing)).len(), 1);
    }

    #[test]
    fn filter_by_category() {
        let it = items(&["环保", "安全", "环保"]);
        assert_eq!(visible(&it, &Filter::default()), [0, 1, 2]);
        let f = Filter {
            category: Some(Rc::from("环保")),
        };
        assert_eq!(visible(&it, &f), [0, 2]);
        let none = Filter {
            category: Some(Rc::from("不存在")),
        };
        assert!(visible(&it, &none).is_empty());
    }
}
