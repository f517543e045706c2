//! Native tests on real public feeds (read from `../shared/fixtures/real-feeds/`,
//! never copied into the repo) and on the seed feed.
#![cfg(not(target_arch = "wasm32"))]

use district_bulletin::app::i18n::dates::{full_label, list_label};
use district_bulletin::app::i18n::Lang;
use district_bulletin::app::query::search::SearchCache;
use district_bulletin::app::query::search::SearchIndex;
use district_bulletin::app::query::{category_counts, compute, department_counts, Filter};
use district_bulletin::model::dates::SHANGHAI_OFFSET_MIN;
use district_bulletin::model::feed::{parse_feed, read_body, Feed, FeedError, Format, Version};
use std::path::PathBuf;
use std::rc::Rc;

/// The shared fixture folder: `$DISTRICT_BULLETIN_FIXTURES`, else `../shared/fixtures/real-feeds`.
fn fixtures() -> Option<PathBuf> {
    let dir = std::env::var_os("DISTRICT_BULLETIN_FIXTURES")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/real-feeds")
        });
    if dir.is_dir() {
        Some(dir)
    } else if std::env::var_os("CI").is_some() {
        panic!("real-feed fixtures missing at {}", dir.display());
    } else {
        eprintln!("skipping: no real-feed fixtures at {}", dir.display());
        None
    }
}

fn read(name: &str) -> Option<Vec<u8>> {
    let path = fixtures()?.join(name);
    Some(std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

fn parse(name: &str) -> Option<Feed> {
    read(name).map(|b| parse_feed(&b).unwrap_or_else(|e| panic!("{name}: {e}")))
}

#[test]
fn every_real_json_feed_parses_with_all_its_items() {
    let cases = [
        ("real-jsonfeed-npr-technology.json", 25, Version::V1_0),
        ("real-jsonfeed-publii-relative-urls.json", 2, Version::V1_0),
        ("real-jsonfeed-daringfireball-v1.json", 2, Version::V1_0),
        (
            "real-jsonfeed-influxdata-v1.1-quirky.json",
            3,
            Version::V1_1,
        ),
        ("derived-jsonfeed-tainan-gov-40.json", 40, Version::V1_1),
    ];
    for (name, count, version) in cases {
        let Some(feed) = parse(name) else { return };
        assert_eq!(feed.items.len(), count, "{name}");
        assert_eq!(feed.skipped, 0, "{name}");
        assert_eq!(feed.version, version, "{name}");
        assert!(!feed.title.is_empty(), "{name}");
        for b in feed.items.iter() {
            assert!(!b.display_title().is_empty(), "{name}: {}", b.id);
            // Something to read: a body, or at least a title (JSON Feed
            // allows title-only items).
            assert!(
                !b.body_paragraphs().is_empty() || b.title.is_some(),
                "{name}: {}",
                b.id
            );
        }
        // Keys are unique: Yew needs that of a keyed list.
        let mut keys: Vec<&str> = feed.items.iter().map(|b| &*b.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), count, "{name}");
    }
}

#[test]
fn the_government_record_is_not_a_feed() {
    let Some(bytes) = read("real-gov-record-tainan-not-a-feed.json") else {
        return;
    };
    assert_eq!(parse_feed(&bytes), Err(FeedError::NotAFeed));
}

#[test]
fn rss_and_atom_are_not_mistaken_for_json() {
    for name in ["real-rss-spiegel-update.xml", "real-atom-reddit-rust.xml"] {
        let Some(bytes) = read(name) else { return };
        assert_eq!(parse_feed(&bytes), Err(FeedError::XmlFeed), "{name}");
    }
}

#[test]
fn real_rss_and_atom_read_natively_on_the_widget_s_path() {
    let Some(bytes) = read("real-rss-spiegel-update.xml") else {
        return;
    };
    let r = read_body(&bytes);
    let feed = r.feed.expect("spiegel");
    assert_eq!(feed.title, "SPIEGEL Update – Die Nachrichten");
    assert_eq!(feed.language.as_deref(), Some("de"));
    assert!(feed.items[0].display_title().contains("Wochenvorschau"));
    assert!(feed
        .next_url
        .as_deref()
        .is_some_and(|n| n.ends_with("page=2")));
    assert_eq!(r.report.format, Some(Format::Rss("2.0".into())));
    assert!(r.report.notes.is_empty(), "{:?}", r.report.notes);

    let Some(bytes) = read("real-atom-reddit-rust.xml") else {
        return;
    };
    let r = read_body(&bytes);
    let feed = r.feed.expect("reddit");
    assert_eq!(feed.title, "The Rust Programming Language");
    assert!(feed.items[0].display_title().contains("Hey Rustaceans"));
    assert_eq!(r.report.format, Some(Format::Atom));
    for b in feed.items.iter() {
        assert!(b.date().is_some(), "{}", b.id);
        assert!(!b.summary().contains('<'), "{}", b.summary());
    }
}

#[test]
fn influxdata_quirks_items_without_id_and_rfc2822_dates() {
    let Some(feed) = parse("real-jsonfeed-influxdata-v1.1-quirky.json") else {
        return;
    };
    let first = &feed.items[0];
    assert!(first.id.starts_with("https://www.influxdata.com/blog/"));
    assert_eq!(
        full_label(first.date(), SHANGHAI_OFFSET_MIN, Lang::ZhCn),
        "2019年6月1日 03:17"
    );
    // `authors` (1.1) wins over `author` (1.0); department falls back to it.
    assert_eq!(first.district.department.as_deref(), Some("Chris Churilo"));
    assert_eq!(&*first.district.category, "InfluxDB");
    // The item with neither text nor date still shows, undated, last.
    assert_eq!(feed.items[2].display_title(), "Fake item");
    assert!(feed.items[2].date().is_none());
}

#[test]
fn npr_summaries_and_html_bodies_read_as_text() {
    let Some(feed) = parse("real-jsonfeed-npr-technology.json") else {
        return;
    };
    for b in feed.items.iter() {
        assert!(!b.summary().contains('<'), "{}", b.summary());
        for p in b.body_paragraphs() {
            assert!(!p.contains("<img"), "{p}");
        }
    }
    // Newest first.
    let dates: Vec<i64> = feed
        .items
        .iter()
        .filter_map(|b| b.date())
        .map(|t| t.unix)
        .collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]));
}

#[test]
fn tainan_district_fields_give_categories_and_departments() {
    let Some(feed) = parse("derived-jsonfeed-tainan-gov-40.json") else {
        return;
    };
    let counts = category_counts(&feed.items);
    assert!(counts.len() > 1);
    assert_eq!(counts.iter().map(|c| c.count).sum::<usize>(), 40);
    assert!(feed.items.iter().all(|b| b.district.department.is_some()));
    // `reporter: null` is simply absent.
    assert!(feed.items.iter().all(|b| b.district.reporter.is_none()));
    let first = counts[0].name.clone();
    let filter = Filter {
        category: Some(first.clone()),
        ..Filter::default()
    };
    let index = Rc::new(SearchIndex::build(&feed.items));
    let hits = SearchCache::default().search(&index, "");
    let deps = department_counts(&feed.items);
    let view = compute(&feed.items, &hits, &filter, &counts, &deps, 0, 480);
    assert_eq!(view.visible.len(), counts[0].count);
    // Traditional Chinese text is searchable as written.
    let hits = SearchCache::default().search(&index, "臺南");
    assert!(!hits.is_empty());
}

#[test]
fn the_seed_feed_is_six_dated_and_categorized_articles() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("feeds/seed.json");
    let feed = parse_feed(&std::fs::read(path).expect("seed feed")).expect("parses");
    assert_eq!(feed.title, "郑州高新区 · 区情动态");
    assert_eq!(feed.items.len(), 6);
    let counts: Vec<(String, usize)> = category_counts(&feed.items)
        .into_iter()
        .map(|c| (c.name.to_string(), c.count))
        .collect();
    assert_eq!(counts[0], ("生态环保".to_string(), 2));
    assert_eq!(counts.len(), 5);
    let now = 1_795_000_000; // late 2026
    let labels: Vec<String> = feed
        .items
        .iter()
        .map(|b| list_label(b.date(), feed.zone_offset_min, now, Lang::ZhCn))
        .collect();
    assert_eq!(
        labels,
        [
            "2019年11月28日",
            "2019年11月27日",
            "2019年11月27日",
            "2019年11月26日",
            "2019年11月24日",
            "日期未知"
        ]
    );
    for b in feed.items.iter() {
        assert_eq!(b.district.reporter.as_deref(), Some("孙庆辉"));
        assert!(b.district.department.is_some());
        // Day-only sources never show an invented hour.
        assert!(!full_label(b.date(), feed.zone_offset_min, Lang::ZhCn).contains(':'));
        // Bylines live in metadata, not in the body.
        assert!(b
            .body_paragraphs()
            .iter()
            .all(|p| !p.contains("记者 孙庆辉")));
    }
    // The duplicated Tencent paragraph appears once; the 华讯方舟 fragment is kept.
    let shenzhen = feed
        .items
        .iter()
        .find(|b| b.id == "gx-2019-11-27-shenzhen")
        .expect("article");
    let body = shenzhen.body_paragraphs().join("\n");
    assert_eq!(body.matches("在腾讯集团总部").count(), 1);
    assert!(body.contains("欢迎华讯方舟项目落户高新区"));
    let photo: Vec<&str> = feed
        .items
        .iter()
        .filter(|b| b.district.photographer.is_some())
        .map(|b| b.id.as_str())
        .collect();
    assert_eq!(
        photo,
        ["gx-2019-11-28-blue-sky", "gx-2019-11-safety-conference"]
    );
}
