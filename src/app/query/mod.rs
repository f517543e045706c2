//! Filtering, counting and sorting over normalized bulletins. Plain Rust, no DOM.
//!
//! A reader's [`Filter`] combines category AND department AND date range AND
//! search; [`compute`] applies it in one pass and also produces the counts
//! shown on the tabs and in the department list, each reflecting the *other*
//! active filters (so a tab says how many results choosing it would give).

mod filter;
pub mod lazy;
pub mod search;

pub use filter::{day_text, parse_day, DateRange, Filter, Sort};

use crate::model::dates::Timestamp;
use crate::model::feed::{Bulletin, UNCATEGORIZED};
use crate::model::names::{names, Names};
use std::rc::Rc;

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
    let mut order = tally(items.iter().map(|b| Some(&b.district.category)));
    let key = |c: &CategoryCount| (&*c.name == UNCATEGORIZED, std::cmp::Reverse(c.count));
    crate::model::sort::sort_by(&mut order, &|a, b| key(a).cmp(&key(b)));
    order
}

/// Departments with their item counts, largest first (ties: first appearance).
pub fn department_counts(items: &[Rc<Bulletin>]) -> Vec<CategoryCount> {
    let mut order = tally(items.iter().map(|b| b.district.department.as_ref()));
    crate::model::sort::sort_by(&mut order, &|a, b| b.count.cmp(&a.count));
    order
}

/// Counts names in first-appearance order.
fn tally<'a>(all: impl Iterator<Item = Option<&'a Rc<str>>>) -> Vec<CategoryCount> {
    let mut order: Vec<CategoryCount> = Vec::new();
    let mut index = names();
    for name in all.flatten() {
        match index.get(name) {
            Some(&i) => order[i].count += 1,
            None => {
                index.insert(name.clone(), order.len());
                order.push(CategoryCount {
                    name: name.clone(),
                    count: 1,
                });
            }
        }
    }
    order
}

/// The items one widget instance works with: only the configured
/// categories (when the webmaster lists some), at most `max_items`: the
/// items pinned at `now` (see [`Bulletin::is_pinned`]) whatever their date,
/// then the newest. Computed once per feed and configuration (and, with
/// `max_items`, per clock).
pub fn scope(
    items: &Rc<[Rc<Bulletin>]>,
    categories: Option<&[String]>,
    max_items: Option<usize>,
    now: i64,
    zone: i32,
) -> Rc<[Rc<Bulletin>]> {
    if categories.is_none() && max_items.is_none_or(|m| m >= items.len()) {
        return items.clone();
    }
    let listed = |b: &&Rc<Bulletin>| {
        categories.is_none_or(|cs| cs.iter().any(|c| **c == *b.district.category))
    };
    let max = max_items.unwrap_or(usize::MAX);
    // A pinned notice is often old: `max_items` of the newest would drop
    // the very item the column is meant to lead with.
    let mut pins = items
        .iter()
        .filter(listed)
        .filter(|b| b.is_pinned(now, zone))
        .take(max)
        .count();
    let mut others = max - pins;
    items
        .iter()
        .filter(listed)
        .filter(|b| {
            let room = if b.is_pinned(now, zone) {
                &mut pins
            } else {
                &mut others
            };
            let keep = *room > 0;
            *room = room.saturating_sub(1);
            keep
        })
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

/// The rows before and after the item with `key` among the `visible` ones
/// (上一篇 / 下一篇 within what the list shows now).
pub fn neighbours(items: &[Rc<Bulletin>], visible: &[usize], key: &str) -> [Option<usize>; 2] {
    let Some(at) = visible
        .iter()
        .position(|&i| items.get(i).is_some_and(|b| &*b.key == key))
    else {
        return [None, None];
    };
    let at_row = |pos: Option<usize>| pos.and_then(|p| visible.get(p).copied());
    [at_row(at.checked_sub(1)), at_row(Some(at + 1))]
}

/// What the reader sees for a filter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct View {
    /// Indices of the matching items, in the chosen order.
    pub visible: Rc<Vec<usize>>,
    /// Items passing every filter except the category (the 全部 tab's count).
    pub all_categories: usize,
    /// Per tab: items passing every filter except the category.
    pub categories: Rc<Vec<CategoryCount>>,
    /// Items passing every filter except the department.
    pub all_departments: usize,
    /// Per department: items passing every filter except the department.
    pub departments: Rc<Vec<CategoryCount>>,
}

/// Where each name stands in `counts`. (The same map type as in `tally`
/// and `feed::parse`: one copy of the hash table code in the wasm instead
/// of one per key type.)
fn positions(counts: &[CategoryCount]) -> Names {
    let mut map = names();
    for (i, c) in counts.iter().enumerate() {
        map.insert(c.name.clone(), i);
    }
    map
}

/// The `names` with these `counts`.
fn relabel(names: &[CategoryCount], counts: Vec<usize>) -> Rc<Vec<CategoryCount>> {
    Rc::new(
        names
            .iter()
            .zip(counts)
            .map(|(c, count)| CategoryCount {
                name: c.name.clone(),
                count,
            })
            .collect(),
    )
}

/// The `visible` items (indices into `items`, newest first with undated
/// last, as the feed is) in the order `sort`, the items pinned at `now`
/// leading.
fn ordered(
    items: &[Rc<Bulletin>],
    mut visible: Vec<usize>,
    sort: Sort,
    now: i64,
    zone: i32,
) -> Vec<usize> {
    if sort == Sort::Oldest {
        // Oldest first keeps undated last too, and equal dates in feed order.
        let dated = visible
            .iter()
            .position(|&i| items[i].date().is_none())
            .unwrap_or(visible.len());
        let key = |i: usize| (items[i].date().map(|t| t.unix), items[i].source_index);
        crate::model::sort::sort_by(&mut visible[..dated], &|&a, &b| key(a).cmp(&key(b)));
    }
    // 置顶: the pinned items lead, in the order chosen, then the others.
    let pinned = |i: &usize| items[*i].is_pinned(now, zone);
    if visible.iter().any(pinned) {
        let (mut first, rest): (Vec<usize>, Vec<usize>) = visible.iter().partition(|i| pinned(i));
        first.extend(rest);
        visible = first;
    }
    visible
}

/// Applies `filter` to `items` in one pass.
///
/// `search_hits` are the indices matching the search text (from
/// [`search::SearchCache`]); `tabs` and `departments` give the order (and
/// the set) of names to count, normally [`ordered_counts`] and
/// [`department_counts`] of the whole scope; `now`/`zone` anchor relative
/// date ranges.
pub fn compute(
    items: &[Rc<Bulletin>],
    search_hits: &[usize],
    filter: &Filter,
    tabs: &[CategoryCount],
    departments: &[CategoryCount],
    now: i64,
    zone: i32,
) -> View {
    let mut searched = vec![false; items.len()];
    for &i in search_hits {
        if let Some(s) = searched.get_mut(i) {
            *s = true;
        }
    }
    let bounds = filter.range.bounds(now, zone);
    let in_range = |t: Option<&Timestamp>| match (bounds, t) {
        (None, _) => true,
        (Some((start, end)), Some(t)) => t.unix >= start && t.unix < end,
        (Some(_), None) => false,
    };
    let (cat_pos, dep_pos) = (positions(tabs), positions(departments));
    let mut cat_counts = vec![0usize; tabs.len()];
    let mut dep_counts = vec![0usize; departments.len()];
    let (mut all_categories, mut all_departments) = (0, 0);
    let mut visible = Vec::new();
    for (i, b) in items.iter().enumerate() {
        if !searched[i] || !in_range(b.date()) {
            continue;
        }
        let cat_ok = filter
            .category
            .as_ref()
            .is_none_or(|c| *c == b.district.category);
        let dep_ok = filter
            .department
            .as_ref()
            .is_none_or(|d| b.district.department.as_ref() == Some(d));
        if dep_ok {
            all_categories += 1;
            if let Some(&p) = cat_pos.get(&*b.district.category) {
                cat_counts[p] += 1;
            }
        }
        if cat_ok {
            all_departments += 1;
            if let Some(&p) = b
                .district
                .department
                .as_deref()
                .and_then(|d| dep_pos.get(d))
            {
                dep_counts[p] += 1;
            }
        }
        if cat_ok && dep_ok {
            visible.push(i);
        }
    }
    let visible = ordered(items, visible, filter.sort, now, zone);
    View {
        visible: Rc::new(visible),
        all_categories,
        categories: relabel(tabs, cat_counts),
        all_departments,
        departments: relabel(departments, dep_counts),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dates;
    use crate::model::feed::parse_feed;
    use search::{SearchCache, SearchIndex};

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
        feed(&list.join(","))
    }

    fn feed(items: &str) -> Rc<[Rc<Bulletin>]> {
        let json = format!(r#"{{"version":"https://jsonfeed.org/version/1.1","items":[{items}]}}"#);
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
        assert!(Rc::ptr_eq(&scope(&it, None, None, 0, 480), &it));
        let only = vec!["安全".to_string(), "环保".to_string()];
        let s = scope(&it, Some(&only), None, 0, 480);
        assert_eq!(s.len(), 4);
        let names: Vec<String> = ordered_counts(&s, Some(&only))
            .iter()
            .map(|c| format!("{} {}", c.name, c.count))
            .collect();
        assert_eq!(names, ["安全 2", "环保 2"]);
        assert_eq!(scope(&it, None, Some(2), 0, 480).len(), 2);
        assert_eq!(scope(&it, Some(&only), Some(3), 0, 480).len(), 3);
        // A listed category without items gets no tab.
        let missing = vec!["不存在".to_string(), "城建".to_string()];
        assert_eq!(ordered_counts(&it, Some(&missing)).len(), 1);
    }

    /// Eight items over Nov 2019, with departments and one undated.
    fn sample() -> Rc<[Rc<Bulletin>]> {
        feed(
            r#"{"id":"a","title":"工地扬尘督查","date_published":"2019-11-28T09:00:00+08:00","_district":{"category":"生态环保","department":"环保局"}},
               {"id":"b","title":"秋冬大气治理","date_published":"2019-11-27T00:00:00+08:00","_district":{"category":"生态环保","department":"环保局"}},
               {"id":"c","title":"工地安全检查","date_published":"2019-11-26T00:00:00+08:00","_district":{"category":"安全生产","department":"应急局"}},
               {"id":"d","title":"职业技能培训","date_published":"2019-11-20T00:00:00+08:00","_district":{"category":"人社就业","department":"人社局"}},
               {"id":"e","title":"工地农民工工资","date_published":"2019-10-01T00:00:00+08:00","_district":{"category":"人社就业","department":"人社局"}},
               {"id":"f","title":"去年的工地通知","date_published":"2018-12-31T23:00:00+08:00","_district":{"category":"安全生产","department":"应急局"}},
               {"id":"g","title":"没有日期的工地通知","_district":{"category":"安全生产","department":"应急局"}},
               {"id":"h","title":"环保宣传","date_published":"2019-11-28T00:00:00+08:00","_district":{"category":"生态环保"}}"#,
        )
    }

    struct Fixture {
        items: Rc<[Rc<Bulletin>]>,
        index: Rc<SearchIndex>,
        tabs: Vec<CategoryCount>,
        deps: Vec<CategoryCount>,
    }

    impl Fixture {
        fn new() -> Fixture {
            let items = sample();
            Fixture {
                index: Rc::new(SearchIndex::build(&items)),
                tabs: category_counts(&items),
                deps: department_counts(&items),
                items,
            }
        }
        fn view(&self, f: &Filter) -> View {
            let now = dates::parse("2019-11-28T12:00:00+08:00").expect("now").unix;
            let hits = SearchCache::default().search(&self.index, &f.query);
            compute(&self.items, &hits, f, &self.tabs, &self.deps, now, 480)
        }
        fn ids(&self, f: &Filter) -> Vec<String> {
            self.view(f)
                .visible
                .iter()
                .map(|&i| self.items[i].id.clone())
                .collect()
        }
    }

    fn counts(c: &[CategoryCount]) -> Vec<String> {
        c.iter()
            .map(|c| format!("{} {}", c.name, c.count))
            .collect()
    }

    #[test]
    fn filters_combine_and_counts_reflect_the_other_filters() {
        let fx = Fixture::new();
        let all = Filter::default();
        assert_eq!(fx.ids(&all), ["a", "h", "b", "c", "d", "e", "f", "g"]);
        assert!(!all.is_active());

        let f = Filter {
            query: "工地".into(),
            ..Filter::default()
        };
        let v = fx.view(&f);
        assert_eq!(fx.ids(&f), ["a", "c", "e", "f", "g"]);
        assert_eq!(v.all_categories, 5);
        assert_eq!(
            counts(&v.categories),
            ["生态环保 1", "安全生产 3", "人社就业 1"]
        );
        assert_eq!(counts(&v.departments), ["应急局 3", "环保局 1", "人社局 1"]);

        // Category AND search: the tabs still count across categories,
        // the departments count within the category.
        let f = Filter {
            category: Some(Rc::from("安全生产")),
            query: "工地".into(),
            ..Filter::default()
        };
        let v = fx.view(&f);
        assert_eq!(fx.ids(&f), ["c", "f", "g"]);
        assert_eq!(
            counts(&v.categories),
            ["生态环保 1", "安全生产 3", "人社就业 1"]
        );
        assert_eq!(counts(&v.departments), ["应急局 3", "环保局 0", "人社局 0"]);
        assert_eq!(v.all_departments, 3);
        assert!(f.is_active());

        // Department AND date range.
        let f = Filter {
            department: Some(Rc::from("应急局")),
            range: DateRange::ThisYear,
            ..Filter::default()
        };
        assert_eq!(fx.ids(&f), ["c"]);
    }

    #[test]
    fn date_ranges() {
        let fx = Fixture::new();
        let with = |range| Filter {
            range,
            ..Filter::default()
        };
        // Today is 2019-11-28: 近7天 is 11-22 … 11-28.
        assert_eq!(fx.ids(&with(DateRange::LastDays(7))), ["a", "h", "b", "c"]);
        assert_eq!(
            fx.ids(&with(DateRange::LastDays(30))),
            ["a", "h", "b", "c", "d"]
        );
        assert_eq!(
            fx.ids(&with(DateRange::ThisYear)),
            ["a", "h", "b", "c", "d", "e"]
        );
        let between = DateRange::Between {
            from: parse_day("2019-11-20"),
            to: parse_day("2019-11-27"),
        };
        assert_eq!(fx.ids(&with(between)), ["b", "c", "d"]);
        let to_only = DateRange::Between {
            from: None,
            to: parse_day("2018-12-31"),
        };
        assert_eq!(fx.ids(&with(to_only)), ["f"]);
        let open = DateRange::Between {
            from: None,
            to: None,
        };
        assert_eq!(fx.ids(&with(open)).len(), 8, "an empty range is no filter");
    }

    /// A column with pinned items: `p1` (true, old), `p2` (until a day still
    /// to come), `past` (until a day gone: ordinary), `p3` (a title prefix,
    /// another category), ordinary news between them.
    fn pinned_column() -> Fixture {
        let items = feed(
            r#"{"id":"n1","title":"新闻一","date_published":"2019-11-28T09:00:00+08:00","_district":{"category":"公示公告"}},
               {"id":"past","title":"过期置顶","date_published":"2019-11-27T00:00:00+08:00","_district":{"category":"公示公告","pinned":"2019-11-27"}},
               {"id":"n2","title":"放假通知","date_published":"2019-11-26T00:00:00+08:00","_district":{"category":"公示公告"}},
               {"id":"p2","title":"报名通知","date_published":"2019-11-20T00:00:00+08:00","_district":{"category":"公示公告","pinned":"2019-11-28"}},
               {"id":"p3","title":"【置顶】停水通知","date_published":"2019-11-25T00:00:00+08:00","_district":{"category":"城建"}},
               {"id":"n3","title":"新闻三","date_published":"2019-11-24T00:00:00+08:00","_district":{"category":"城建"}},
               {"id":"p1","title":"年度计划","date_published":"2019-01-02T00:00:00+08:00","_district":{"category":"公示公告","pinned":true}},
               {"id":"u","title":"没有日期","_district":{"category":"公示公告"}}"#,
        );
        Fixture {
            index: Rc::new(SearchIndex::build(&items)),
            tabs: category_counts(&items),
            deps: department_counts(&items),
            items,
        }
    }

    #[test]
    fn pinned_items_lead_in_every_order_and_tab() {
        let fx = pinned_column();
        // Now is 2019-11-28 12:00 in Shanghai: p2 is pinned through today,
        // `past` was pinned through yesterday.
        let all = Filter::default();
        assert_eq!(
            fx.ids(&all),
            ["p3", "p2", "p1", "n1", "past", "n2", "n3", "u"]
        );
        let oldest = Filter {
            sort: Sort::Oldest,
            ..Filter::default()
        };
        assert_eq!(
            fx.ids(&oldest),
            ["p1", "p2", "p3", "n3", "n2", "past", "n1", "u"]
        );
        let tab = Filter {
            category: Some(Rc::from("公示公告")),
            ..Filter::default()
        };
        assert_eq!(fx.ids(&tab), ["p2", "p1", "n1", "past", "n2", "u"]);
        let tab_oldest = Filter {
            sort: Sort::Oldest,
            ..tab.clone()
        };
        assert_eq!(fx.ids(&tab_oldest), ["p1", "p2", "n2", "past", "n1", "u"]);
        let other_tab = Filter {
            category: Some(Rc::from("城建")),
            ..Filter::default()
        };
        assert_eq!(fx.ids(&other_tab), ["p3", "n3"]);
        // Search results too: the pinned matches first.
        let search = Filter {
            query: "通知".into(),
            ..Filter::default()
        };
        assert_eq!(fx.ids(&search), ["p3", "p2", "n2"]);
        // A date range still filters a pinned item out.
        let week = Filter {
            range: DateRange::LastDays(7),
            ..Filter::default()
        };
        assert_eq!(fx.ids(&week), ["p3", "n1", "past", "n2", "n3"]);
    }

    #[test]
    fn a_pin_expires_at_the_end_of_its_day() {
        let fx = pinned_column();
        let at = |s: &str| {
            let now = dates::parse(s).expect("now").unix;
            let all: Vec<usize> = (0..fx.items.len()).collect();
            compute(
                &fx.items,
                &all,
                &Filter::default(),
                &fx.tabs,
                &fx.deps,
                now,
                480,
            )
            .visible
            .iter()
            .map(|&i| fx.items[i].id.clone())
            .collect::<Vec<_>>()
        };
        assert_eq!(
            at("2019-11-27T23:59:59+08:00")[..4],
            ["past", "p3", "p2", "p1"]
        );
        assert_eq!(at("2019-11-28T23:59:59+08:00")[..3], ["p3", "p2", "p1"]);
        assert_eq!(at("2019-11-29T00:00:00+08:00")[..3], ["p3", "p1", "n1"]);
    }

    #[test]
    fn max_items_keeps_the_pinned_items() {
        let fx = pinned_column();
        let now = dates::parse("2019-11-28T12:00:00+08:00").expect("now").unix;
        let ids = |s: Rc<[Rc<Bulletin>]>| s.iter().map(|b| b.id.clone()).collect::<Vec<_>>();
        // The three pinned ones, then the newest other: in feed order.
        assert_eq!(
            ids(scope(&fx.items, None, Some(4), now, 480)),
            ["n1", "p3", "p2", "p1"]
        );
        assert_eq!(ids(scope(&fx.items, None, Some(2), now, 480)), ["p3", "p2"]);
        let only = vec!["城建".to_string()];
        assert_eq!(
            ids(scope(&fx.items, Some(&only), Some(1), now, 480)),
            ["p3"]
        );
        // Once p2's pin has run out, it is left to the newest rule.
        let later = now + 86_400;
        assert_eq!(
            ids(scope(&fx.items, None, Some(3), later, 480)),
            ["n1", "p3", "p1"]
        );
    }

    #[test]
    fn oldest_first_keeps_undated_last() {
        let fx = Fixture::new();
        let f = Filter {
            sort: Sort::Oldest,
            ..Filter::default()
        };
        assert_eq!(fx.ids(&f), ["f", "e", "d", "c", "b", "h", "a", "g"]);
    }
}
