//! A feed written back as JSON Feed 1.1 (with `_district`), for the data a
//! pre-rendered page carries: the widget reads it with its own JSON path
//! (`parse_feed`) and gets the same items, in the same order, with the same
//! keys and dates, as the server rendered. Native only (the webmaster's
//! command writes it).

use super::{Author, Bulletin, Feed, Pinned};
use crate::model::dates::rfc3339;
use serde_json::{json, Map, Value};

fn put(o: &mut Map<String, Value>, key: &str, v: Option<&str>) {
    if let Some(v) = v {
        o.insert(key.to_string(), Value::String(v.to_string()));
    }
}

fn authors(list: &[Author]) -> Value {
    Value::Array(
        list.iter()
            .map(|a| {
                let mut o = Map::new();
                put(&mut o, "name", a.name.as_deref());
                put(&mut o, "url", a.url.as_deref());
                put(&mut o, "avatar", a.avatar.as_deref());
                Value::Object(o)
            })
            .collect(),
    )
}

fn item(b: &Bulletin) -> Value {
    let mut o = Map::new();
    // The key (the id made unique within the feed) stands for the id: the
    // items read back keep their keys, and so links to them (`KEY.a`).
    put(&mut o, "id", Some(&b.key));
    put(&mut o, "url", b.url.as_deref());
    put(&mut o, "external_url", b.external_url.as_deref());
    put(&mut o, "title", b.title.as_deref());
    put(&mut o, "summary", b.given_summary.as_deref());
    put(&mut o, "content_text", b.content_text.as_deref());
    put(&mut o, "content_html", b.content_html.as_deref());
    put(&mut o, "image", b.image.as_deref());
    put(&mut o, "banner_image", b.banner_image.as_deref());
    put(
        &mut o,
        "date_published",
        b.published.as_ref().map(rfc3339).as_deref(),
    );
    put(
        &mut o,
        "date_modified",
        b.modified.as_ref().map(rfc3339).as_deref(),
    );
    put(&mut o, "language", b.language.as_deref());
    if !b.authors.is_empty() {
        o.insert("authors".into(), authors(&b.authors));
    }
    if !b.tags.is_empty() {
        o.insert("tags".into(), json!(b.tags));
    }
    if !b.attachments.is_empty() {
        let list: Vec<Value> = b
            .attachments
            .iter()
            .map(|a| {
                let mut o = Map::new();
                put(&mut o, "url", Some(&a.url));
                put(&mut o, "mime_type", a.mime_type.as_deref());
                put(&mut o, "title", a.title.as_deref());
                if let Some(n) = a.size_in_bytes {
                    o.insert("size_in_bytes".into(), json!(n));
                }
                if let Some(n) = a.duration_in_seconds {
                    o.insert("duration_in_seconds".into(), json!(n));
                }
                Value::Object(o)
            })
            .collect();
        o.insert("attachments".into(), Value::Array(list));
    }
    let mut d = Map::new();
    put(&mut d, "category", Some(&b.district.category));
    put(&mut d, "department", b.district.department.as_deref());
    put(&mut d, "reporter", b.district.reporter.as_deref());
    put(&mut d, "photographer", b.district.photographer.as_deref());
    put(&mut d, "doc_number", b.district.doc_number.as_deref());
    put(&mut d, "source", b.district.source.as_deref());
    // (A title's 置顶 prefix was removed when read: the flag stands for it.)
    match b.district.pinned {
        Some(Pinned::Always) => {
            d.insert("pinned".into(), Value::Bool(true));
        }
        Some(Pinned::Until(t)) => put(&mut d, "pinned", Some(&rfc3339(&t))),
        None => {}
    }
    put(&mut d, "index_number", b.public.index_number.as_deref());
    put(&mut d, "subject", b.public.subject.as_deref());
    put(
        &mut d,
        "written_date",
        b.public.written_date.as_ref().map(rfc3339).as_deref(),
    );
    put(&mut d, "validity", b.public.validity.map(|v| v.key()));
    o.insert("_district".into(), Value::Object(d));
    Value::Object(o)
}

/// `feed` as a JSON Feed 1.1 document.
pub fn to_json(feed: &Feed) -> String {
    let mut o = Map::new();
    o.insert("version".into(), json!("https://jsonfeed.org/version/1.1"));
    put(&mut o, "title", Some(&feed.title));
    put(&mut o, "home_page_url", feed.home_page_url.as_deref());
    put(&mut o, "feed_url", feed.feed_url.as_deref());
    put(&mut o, "description", feed.description.as_deref());
    put(&mut o, "language", feed.language.as_deref());
    put(&mut o, "icon", feed.icon.as_deref());
    put(&mut o, "favicon", feed.favicon.as_deref());
    put(&mut o, "next_url", feed.next_url.as_deref());
    if !feed.authors.is_empty() {
        o.insert("authors".into(), authors(&feed.authors));
    }
    let zone = feed.zone_offset_min;
    let mut d = Map::new();
    put(&mut d, "name", feed.district_name.as_deref());
    let sign = if zone < 0 { '-' } else { '+' };
    let z = zone.abs();
    put(
        &mut d,
        "timezone",
        Some(&format!("{sign}{:02}:{:02}", z / 60, z % 60)),
    );
    o.insert("_district".into(), Value::Object(d));
    o.insert(
        "items".into(),
        Value::Array(feed.items.iter().map(|b| item(b)).collect()),
    );
    Value::Object(o).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::feed::{merge, parse_body, parse_feed};

    /// Read back, the feed has the same items (all fields), order and keys.
    fn round_trip(feed: &Feed) {
        let back = parse_feed(to_json(feed).as_bytes()).expect("a snapshot parses");
        assert_eq!(back.title, feed.title);
        assert_eq!(back.language, feed.language);
        assert_eq!(back.zone_offset_min, feed.zone_offset_min);
        assert_eq!(back.next_url, feed.next_url);
        assert_eq!(back.items.len(), feed.items.len());
        for (a, b) in back.items.iter().zip(feed.items.iter()) {
            let b = Bulletin {
                id: b.key.to_string(),
                source_index: a.source_index,
                ..(**b).clone()
            };
            assert_eq!(**a, b);
            assert_eq!(a.summary(), b.summary());
        }
    }

    #[test]
    fn the_seed_and_the_real_feeds_read_back_the_same() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut feeds = vec![root.join("feeds/seed.json")];
        if let Ok(dir) = std::fs::read_dir(root.join("../shared/fixtures/real-feeds")) {
            feeds.extend(dir.flatten().map(|e| e.path()));
        }
        let mut read = 0;
        for path in feeds {
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            if let Ok(feed) = parse_body(&bytes) {
                round_trip(&feed);
                read += 1;
            }
        }
        assert!(read >= 5, "{read} feeds read");
    }

    #[test]
    fn pinned_items_and_public_documents_read_back_the_same() {
        let feed = parse_feed(
            r#"{"version":"https://jsonfeed.org/version/1.1","title":"信息公开","items":[
              {"id":"a","title":"[置顶]关于做好冬季供暖工作的通知","date_published":"2019-11-20"},
              {"id":"b","title":"【置顶】停水通知","_district":{"pinned":false}},
              {"id":"c","title":"年度报告","_district":{"pinned":"2026-12-31"}},
              {"id":"d","title":"限时","_district":{"pinned":"2026-12-31T18:00:00+08:00"}},
              {"id":"e","title":"办法","_district":{"pinned":true,"index_number":"11410100MB/2024-00123",
                "subject":"城乡建设、环境保护","written_date":"2024-11-27","validity":"repealed",
                "source":"区住房和城乡建设局","doc_number":"郑高管〔2024〕12号","department":"区管委会办公室"}},
              {"id":"f","title":"规定","_district":{"validity":"expired","written_date":"2024-11-27T10:00:00+08:00"}},
              {"id":"g","title":"细则","_district":{"validity":"amended"}},
              {"id":"h","title":"意见","_district":{"validity":"有效"}}
            ]}"#
            .as_bytes(),
        )
        .expect("feed");
        let pinned = feed
            .items
            .iter()
            .filter(|b| b.district.pinned.is_some())
            .count();
        assert_eq!(pinned, 4);
        assert_eq!(
            feed.items
                .iter()
                .filter(|b| b.public.validity.is_some())
                .count(),
            4
        );
        round_trip(&feed);
    }

    #[test]
    fn reused_ids_merged_feeds_and_day_only_dates_read_back_the_same() {
        let a = parse_feed(
            r#"{"version":"https://jsonfeed.org/version/1.1","title":"新闻","_district":{"timezone":"+09:00"},
            "items":[{"id":"x","title":"一","date_published":"2019-11-27"},
                     {"id":"x","title":"二","date_published":"2019-11-27T10:30:00-05:00","tags":["t"],
                      "authors":[{"name":"作者"}],"attachments":[{"url":"a.pdf","size_in_bytes":12}]},
                     {"id":"y","title":"三","_district":{"source":"区政府办公室"}}]}"#
                .as_bytes(),
        )
        .expect("feed");
        round_trip(&a);
        let b = parse_feed(
            r#"{"version":"https://jsonfeed.org/version/1.1","title":"公告","items":[{"id":"z","title":"四"}]}"#
                .as_bytes(),
        )
        .expect("feed");
        round_trip(&merge(vec![a, b]).expect("merged"));
    }
}
