//! Combining feeds: several feeds shown as one (merge), older pages
//! (`next_url`, RSS/Atom `rel="next"`) appended on 加载更多, a refreshed
//! first page combined with the pages fetched before it, and the one order
//! of a feed's items (newest first).
//!
//! Plain Rust, tested natively. The rule everywhere: an item is the same item
//! when its id or its url is the same, and then it is shown once.

use super::{Bulletin, Feed};
use crate::model::names::names;
use std::rc::Rc;

/// `base` with those of `more` that it does not have yet, sorted newest first
/// (ties keep `base`'s order, then `more`'s). Also returns the items that were
/// added, as they now appear in the feed (with keys unique within it).
///
/// `base` keeps its title, paging link and counters; each dropped repeat
/// counts as a duplicate.
pub fn append(base: &Feed, more: &[Rc<Bulletin>]) -> (Feed, Vec<Rc<Bulletin>>) {
    // (One map type for every name lookup: each other kind of hash table
    // would add its own copy of the table code to the wasm.)
    let mut ids = names();
    let mut urls = names();
    let mut keys = names();
    for b in base.items.iter() {
        ids.insert(Rc::from(b.id.as_str()), 0);
        if let Some(u) = &b.url {
            urls.insert(Rc::from(u.as_str()), 0);
        }
        keys.insert(b.key.clone(), 0);
    }
    let mut items: Vec<Rc<Bulletin>> = base.items.to_vec();
    let mut added = Vec::new();
    let mut duplicates = base.duplicates;
    for b in more {
        let seen_url = b
            .url
            .as_deref()
            .is_some_and(|u| urls.insert(Rc::from(u), 0).is_some());
        if ids.insert(Rc::from(b.id.as_str()), 0).is_some() || seen_url {
            duplicates += 1;
            continue;
        }
        let mut key = b.key.clone();
        let mut n = 2;
        while keys.contains_key(&key) {
            key = Rc::from(format!("{}~{n}", b.key));
            n += 1;
        }
        keys.insert(key.clone(), 0);
        let fresh = if key == b.key && b.source_index == items.len() {
            b.clone()
        } else {
            let mut copy = (**b).clone();
            copy.key = key;
            copy.source_index = items.len();
            Rc::new(copy)
        };
        items.push(fresh.clone());
        added.push(fresh);
    }
    sort_newest_first(&mut items);
    let feed = Feed {
        items: items.into(),
        duplicates,
        ..base.clone()
    };
    (feed, added)
}

/// How many items of `new` were not in `old` (by id or url): the count in
/// the "N 条新信息" notice after a refresh.
pub fn count_new(old: &Feed, new: &Feed) -> usize {
    let mut ids = names();
    let mut urls = names();
    for b in old.items.iter() {
        ids.insert(Rc::from(b.id.as_str()), 0);
        if let Some(u) = &b.url {
            urls.insert(Rc::from(u.as_str()), 0);
        }
    }
    new.items
        .iter()
        .filter(|b| {
            !ids.contains_key(b.id.as_str())
                && !b.url.as_deref().is_some_and(|u| urls.contains_key(u))
        })
        .count()
}

/// `feed` with every item naming it as its source (by its title) unless it
/// names its own (`_district.source`), as the items of several feeds shown
/// together do.
pub fn labelled(mut feed: Feed) -> Feed {
    if !feed.title.is_empty() {
        let title: Rc<str> = Rc::from(feed.title.as_str());
        feed.items = feed
            .items
            .iter()
            .map(|b| {
                let mut b = (**b).clone();
                b.district.source = b.district.source.or_else(|| Some(title.clone()));
                Rc::new(b)
            })
            .collect();
    }
    feed
}

/// Next-page links worth following: not empty, not a page fetched before
/// (`seen`) and not twice in the list. Returns them and the loops refused,
/// so the caller can tell the webmaster.
pub fn next_links(candidates: Vec<String>, seen: &[String]) -> (Vec<String>, Vec<String>) {
    let mut keep: Vec<String> = Vec::new();
    let mut loops = Vec::new();
    for url in candidates {
        let url = url.trim().to_string();
        if url.is_empty() || keep.contains(&url) {
            continue;
        }
        if seen.contains(&url) {
            loops.push(url);
        } else {
            keep.push(url);
        }
    }
    (keep, loops)
}

/// Several feeds as one (新闻动态 + 通知公告): items merged newest first, an
/// item present in more than one feed (same id, or same url) shown once,
/// each item remembering which feed it came from. Title, language and zone
/// are the first feed's; paging (`next_url`) applies to single feeds only.
pub fn merge(feeds: Vec<Feed>) -> Option<Feed> {
    let mut feeds = feeds.into_iter();
    let first = feeds.next()?;
    let rest: Vec<Feed> = feeds.collect();
    if rest.is_empty() {
        return Some(first);
    }
    // Each later feed is appended to what came before: an item already there
    // (same id or url) is shown once, as when older pages are appended.
    let mut merged = labelled(first);
    for f in rest {
        let (skipped, duplicates) = (f.skipped, f.duplicates);
        let f = labelled(f);
        merged = append(&merged, &f.items).0;
        merged.skipped += skipped;
        merged.duplicates += duplicates;
    }
    merged.next_url = None;
    Some(merged)
}

/// Newest first; undated items last; ties keep feed order. Total and stable.
pub(super) fn sort_newest_first(items: &mut [Rc<Bulletin>]) {
    crate::model::sort::sort_by(items, &|a, b| {
        let (da, db) = (a.date().map(|t| t.unix), b.date().map(|t| t.unix));
        match (da, db) {
            (Some(x), Some(y)) => y.cmp(&x),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
        .then(a.source_index.cmp(&b.source_index))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::feed::parse_feed;

    fn feed(items: &[(&str, &str)]) -> Feed {
        let items: Vec<String> = items
            .iter()
            .map(|(id, date)| {
                format!(r#"{{"id":"{id}","title":"t{id}","url":"https://x.cn/{id}","date_published":"{date}"}}"#)
            })
            .collect();
        let json = format!(
            r#"{{"version":"https://jsonfeed.org/version/1.1","title":"区","next_url":"p2.json","items":[{}]}}"#,
            items.join(",")
        );
        parse_feed(json.as_bytes()).expect("feed")
    }

    fn parsed(json: &str) -> Feed {
        parse_feed(json.as_bytes()).expect("should parse")
    }

    fn ids(f: &Feed) -> Vec<&str> {
        f.items.iter().map(|b| b.id.as_str()).collect()
    }

    #[test]
    fn a_page_appends_older_items_once() {
        let first = feed(&[("3", "2024-03-03"), ("2", "2024-03-02")]);
        let page = feed(&[("2", "2024-03-02"), ("1", "2024-03-01")]);
        let (f, added) = append(&first, &page.items);
        assert_eq!(ids(&f), ["3", "2", "1"]);
        assert_eq!(added.len(), 1);
        assert_eq!(added[0].id, "1");
        assert_eq!(f.duplicates, 1);
        assert_eq!(f.title, "区");
        assert_eq!(f.next_url.as_deref(), Some("p2.json"));
    }

    #[test]
    fn same_url_under_another_id_is_the_same_item() {
        let first = feed(&[("a", "2024-03-03")]);
        let mut page = feed(&[("b", "2024-03-01")]);
        let mut b = (*page.items[0]).clone();
        b.url = Some("https://x.cn/a".into());
        page.items = vec![Rc::new(b)].into();
        let (f, added) = append(&first, &page.items);
        assert_eq!(ids(&f), ["a"]);
        assert!(added.is_empty());
    }

    #[test]
    fn keys_stay_unique_and_newest_comes_first() {
        let first = feed(&[("x", "2024-03-01")]);
        let mut page = feed(&[("y", "2024-05-01")]);
        let mut b = (*page.items[0]).clone();
        b.key = Rc::from("x"); // a key the first page already uses
        page.items = vec![Rc::new(b)].into();
        let (f, _) = append(&first, &page.items);
        let keys: Vec<&str> = f.items.iter().map(|b| &*b.key).collect();
        assert_eq!(keys, ["x~2", "x"]);
        assert_eq!(ids(&f), ["y", "x"]);
    }

    #[test]
    fn counts_new_items() {
        let old = feed(&[("2", "2024-03-02"), ("1", "2024-03-01")]);
        let new = feed(&[
            ("4", "2024-03-04"),
            ("3", "2024-03-03"),
            ("2", "2024-03-02"),
        ]);
        assert_eq!(count_new(&old, &new), 2);
        assert_eq!(count_new(&new, &new), 0);
    }

    #[test]
    fn loops_are_refused() {
        let seen = vec![
            "https://x.cn/feed.json".to_string(),
            "https://x.cn/p2.json".to_string(),
        ];
        let (keep, loops) = next_links(
            vec![
                "https://x.cn/p3.json".into(),
                " https://x.cn/p3.json ".into(),
                "https://x.cn/feed.json".into(),
                String::new(),
            ],
            &seen,
        );
        assert_eq!(keep, ["https://x.cn/p3.json"]);
        assert_eq!(loops, ["https://x.cn/feed.json"]);
    }

    #[test]
    fn merged_feeds_interleave_and_show_shared_items_once() {
        let news = parsed(
            r#"{"version":"https://jsonfeed.org/version/1.1","title":"新闻动态","items":[
            {"id":"n1","title":"新闻一","url":"https://x/1","date_published":"2019-11-28T00:00:00+08:00"},
            {"id":"n2","title":"新闻二","date_published":"2019-11-26T00:00:00+08:00"}]}"#,
        );
        let notices = parsed(
            r#"{"version":"https://jsonfeed.org/version/1.1","title":"通知公告","items":[
            {"id":"t1","title":"公告一","date_published":"2019-11-27T00:00:00+08:00"},
            {"id":"n2","title":"同编号"},
            {"id":"t3","title":"同地址","url":"https://x/1"}]}"#,
        );
        let m = merge(vec![news, notices]).expect("merged");
        let ids: Vec<&str> = m.items.iter().map(|b| b.id.as_str()).collect();
        assert_eq!(ids, ["n1", "t1", "n2"]);
        assert_eq!(m.duplicates, 2);
        assert_eq!(m.title, "新闻动态");
        assert_eq!(m.items[1].district.source.as_deref(), Some("通知公告"));
        assert!(merge(Vec::new()).is_none());
    }
}
