//! Fuzz target: any bytes through the feed parser and normalizer (JSON Feed,
//! and RSS/Atom: the repair, tags taken as text, roxmltree, the resync of a
//! document broken past repair item by item; seeds `*-resync.xml`),
//! its report, then the search index, the filters and the URL-hash reader.
//! Nothing may panic.
#![no_main]

use district_bulletin::model::feed::{read_body, Reading};
use district_bulletin::app::query::search::{highlight, Query, SearchCache, SearchIndex};
use district_bulletin::app::query::{category_counts, compute, department_counts, Filter};
use district_bulletin::app::{i18n, urlstate};
use district_bulletin::model::{dates, text};
use libfuzzer_sys::fuzz_target;
use std::rc::Rc;

fuzz_target!(|data: &[u8]| {
    let Reading { feed, report } = read_body(data);
    for note in &report.notes {
        let _ = note.to_string();
    }
    if let Ok(feed) = feed {
        let index = Rc::new(SearchIndex::build(&feed.items));
        let tabs = category_counts(&feed.items);
        let deps = department_counts(&feed.items);
        let q = feed.items.first().map(|b| text::truncate_chars(b.summary(), 3)).unwrap_or_default();
        let hits = SearchCache::default().search(&index, &q);
        let view = compute(&feed.items, &hits, &Filter::default(), &tabs, &deps, 0, 480);
        for &i in view.visible.iter().take(5) {
            let b = &feed.items[i];
            let _ = b.body_paragraphs();
            let _ = highlight(&b.display_title(), &Query::parse(&q));
            let _ = i18n::dates::full_label(b.date(), feed.zone_offset_min, Default::default());
        }
    }
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = dates::parse(s);
        let _ = urlstate::read(s, "db1");
        let _ = text::html_to_text(s);
        let _ = Query::parse(s);
    }
});
