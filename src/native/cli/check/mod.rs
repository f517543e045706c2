//! `district-bulletin check FEED…`: what a webmaster needs to know before
//! pasting the snippet: whether the widget will show the feed, and what to
//! fix. Everything here is plain functions over what the widget's own parser
//! reports ([`crate::model::feed::read_body`], the same path the widget runs), so
//! `check` and the console warnings never disagree; only the HTTP facts are
//! the command's own.
//!
//! What was found ([`check`], a [`Check`]) is kept apart from how it is
//! printed ([`text`], [`json`]).

mod json;
mod text;

pub use json::json;
pub use text::text;

use super::source::{Http, Source, SourceError};
use crate::app::load::warnings::{newest_age_days, STALE_DAYS};
use crate::app::load::LoadError;
use crate::model::dates::machine_label;
use crate::model::feed::{read_body, Feed, FeedError, Reading, Report, UNCATEGORIZED};

/// An item named in the output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemRef {
    /// Its 0-based place in the document.
    pub index: usize,
    pub id: String,
    pub title: String,
}

/// Whether the page's origin (`--origin`) may read the feed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cors {
    /// No `--origin` given: only the header is reported.
    NotAsked,
    /// The page and the feed are on one origin: no CORS needed.
    SameOrigin,
    /// `Access-Control-Allow-Origin` is `*` or the page's origin.
    Allowed,
    /// Another origin, and no header that lets the page read it.
    Denied,
}

/// The HTTP facts of a feed fetched from a URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpCheck {
    pub http: Http,
    /// The page origin asked about (`--origin`), normalized.
    pub origin: Option<String>,
    pub cors: Cors,
}

impl HttpCheck {
    fn content_type(&self) -> Option<&str> {
        self.http.header("content-type")
    }
}

/// Everything `check` found about one FEED.
#[derive(Clone, Debug)]
pub struct Check {
    /// FEED as given.
    pub name: String,
    /// FEED could not be read at all (no file, no HTTP answer).
    pub unreadable: Option<SourceError>,
    pub http: Option<HttpCheck>,
    /// The body's size in bytes.
    pub size: usize,
    /// The feed, or why the body is none.
    pub feed: Option<Result<Feed, FeedError>>,
    /// What reading the body found.
    pub report: Report,
    /// Items shown under 未分类: no category, tag or `<category>`.
    pub no_category: Vec<ItemRef>,
    /// Items without an issuing department (`_district.department`, an author).
    pub no_department: Vec<ItemRef>,
    /// Items shown as 日期未知.
    pub undated: Vec<ItemRef>,
    /// The newest item's date (`2019-11-27T10:30+08:00`) and its age in days.
    pub newest: Option<(String, i64)>,
}

impl Check {
    /// Why the widget would not show this feed, as the reader would read
    /// it (zh-CN); `None` when it shows it.
    pub fn failure(&self) -> Option<LoadError> {
        if let Some(e) = &self.unreadable {
            return Some(match e {
                SourceError::File { reason, .. } | SourceError::Network { reason, .. } => {
                    LoadError::Network(reason.clone())
                }
            });
        }
        if let Some(h) = &self.http {
            if !h.http.ok() {
                return Some(LoadError::Http {
                    status: h.http.status,
                });
            }
            if h.cors == Cors::Denied {
                return Some(LoadError::Network(format!(
                    "CORS: the feed's server does not let pages on {} read it",
                    h.origin.as_deref().unwrap_or("that origin")
                )));
            }
        }
        match &self.feed {
            Some(Err(e)) => Some(LoadError::Feed(e.clone())),
            _ => None,
        }
    }

    /// Whether the widget would show the feed (the exit status is 0).
    pub fn shows(&self) -> bool {
        self.failure().is_none()
    }

    /// Whether the newest item is older than the inspection rule allows.
    pub fn stale(&self) -> bool {
        self.newest.as_ref().is_some_and(|(_, d)| *d > STALE_DAYS)
    }
}

/// `https://Portal.example:443/x` → `https://portal.example`.
fn origin_of(url: &str) -> Option<String> {
    let u = url::Url::parse(url).ok()?;
    let o = u.origin();
    o.is_tuple().then(|| o.ascii_serialization())
}

/// Whether `page_origin` may read an answer from `final_url` that carried
/// `allow` as its `Access-Control-Allow-Origin`. (The widget sends no
/// credentials to another origin, so `*` is enough.)
pub fn cors(final_url: &str, allow: Option<&str>, page_origin: Option<&str>) -> Cors {
    let Some(page) = page_origin else {
        return Cors::NotAsked;
    };
    if origin_of(final_url).as_deref() == Some(page) {
        return Cors::SameOrigin;
    }
    match allow.map(str::trim) {
        Some("*") => Cors::Allowed,
        Some(a) if a == page => Cors::Allowed,
        _ => Cors::Denied,
    }
}

fn item_ref(b: &crate::model::feed::Bulletin) -> ItemRef {
    ItemRef {
        index: b.source_index,
        id: b.id.clone(),
        title: b.display_title(),
    }
}

/// Checks one FEED read by [`super::source::read`]. `origin`: the page's
/// origin (`--origin`); `now_unix`: the time staleness is measured at.
pub fn check(
    name: &str,
    source: Result<Source, SourceError>,
    origin: Option<&str>,
    now_unix: i64,
) -> Check {
    let mut out = Check {
        name: name.to_string(),
        unreadable: None,
        http: None,
        size: 0,
        feed: None,
        report: Report::default(),
        no_category: Vec::new(),
        no_department: Vec::new(),
        undated: Vec::new(),
        newest: None,
    };
    let source = match source {
        Ok(s) => s,
        Err(e) => {
            out.unreadable = Some(e);
            return out;
        }
    };
    out.size = source.bytes.len();
    let origin =
        origin.map(|o| origin_of(o).unwrap_or_else(|| o.trim_end_matches('/').to_string()));
    out.http = source.http.map(|http| HttpCheck {
        cors: cors(
            &http.final_url,
            http.header("access-control-allow-origin"),
            origin.as_deref(),
        ),
        http,
        origin,
    });
    let Reading { feed, report } = read_body(&source.bytes);
    out.report = report;
    if let Ok(f) = &feed {
        for b in f.items.iter() {
            if &*b.district.category == UNCATEGORIZED {
                out.no_category.push(item_ref(b));
            }
            if b.district.department.is_none() {
                out.no_department.push(item_ref(b));
            }
            if b.date().is_none() {
                out.undated.push(item_ref(b));
            }
        }
        // In document order: how the webmaster finds them.
        for list in [
            &mut out.no_category,
            &mut out.no_department,
            &mut out.undated,
        ] {
            list.sort_by_key(|r| r.index);
        }
        out.newest = newest_age_days(f, now_unix).and_then(|days| {
            let ts = f
                .items
                .iter()
                .filter_map(|b| b.date())
                .max_by_key(|t| t.unix)?;
            Some((machine_label(ts, f.zone_offset_min), days))
        });
    }
    out.feed = Some(feed);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2019-12-31T00:00:00+08:00.
    const NOW: i64 = 1_577_721_600;

    fn file(name: &str, bytes: &[u8]) -> Check {
        let source = Source {
            name: name.into(),
            bytes: bytes.to_vec(),
            http: None,
        };
        check(name, Ok(source), None, NOW)
    }

    fn http(status: u16, headers: &[(&str, &str)], body: &[u8], origin: Option<&str>) -> Check {
        let source = Source {
            name: "https://feeds.example/f.json".into(),
            bytes: body.to_vec(),
            http: Some(Http {
                requested: "https://feeds.example/f.json".into(),
                final_url: "https://feeds.example/f.json".into(),
                status,
                headers: headers
                    .iter()
                    .map(|(k, v)| (k.to_ascii_lowercase(), v.to_string()))
                    .collect(),
            }),
        };
        check("https://feeds.example/f.json", Ok(source), origin, NOW)
    }

    const GOOD: &[u8] = br#"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[
        {"id":"1","title":"a","date_published":"2019-12-30T10:00:00+08:00","_district":{"category":"c","department":"d"}},
        {"id":"2","title":"b"}]}"#;

    #[test]
    fn a_good_feed_shows_with_what_it_lacks() {
        let c = file("good.json", GOOD);
        assert!(c.shows());
        assert!(!c.stale());
        assert_eq!(c.newest, Some(("2019-12-30T10:00+08:00".into(), 0)));
        let second = |v: &[ItemRef]| v.iter().map(|r| r.index).collect::<Vec<_>>();
        assert_eq!(second(&c.no_category), [1]);
        assert_eq!(second(&c.no_department), [1]);
        assert_eq!(second(&c.undated), [1]);
        let t = text(&c);
        assert!(t.contains("  format: JSON Feed 1.1\n"), "{t}");
        assert!(
            t.contains("  items: 2 shown of 2 in the document, none skipped\n"),
            "{t}"
        );
        assert!(t.contains("  verdict: SHOWN"), "{t}");
        assert!(
            t.contains("  without a category (shown under 未分类): 1\n    item 2: b\n"),
            "{t}"
        );
        let j = json(&c);
        assert_eq!(j["shows"], true);
        assert_eq!(j["items"]["undated"][0]["item"], 2);
        assert_eq!(j["newest"]["stale"], false);
    }

    #[test]
    fn a_stale_feed_is_still_shown() {
        let old = br#"{"version":"https://jsonfeed.org/version/1","title":"T","items":[{"id":"1","title":"a","date_published":"2019-11-27"}]}"#;
        let c = file("old.json", old);
        assert!(c.shows() && c.stale());
        assert!(text(&c).contains("34 days ago: STALE"), "{}", text(&c));
    }

    #[test]
    fn broken_documents_are_not_shown_and_say_why() {
        let c = file(
            "no-items.json",
            br#"{"version":"https://jsonfeed.org/version/1.1","title":"T"}"#,
        );
        assert!(!c.shows());
        let t = text(&c);
        assert!(
            t.contains(
                "NOT SHOWN: the reader sees 「信息源已损坏：缺少信息列表（items），无法显示。」"
            ),
            "{t}"
        );
        assert!(t.contains("problems: 1\n    no `items`\n"), "{t}");
        let c = file(
            "broken.json",
            b"{\"version\": \"https://jsonfeed.org/version/1.1\",\n \"items\": [}",
        );
        let t = text(&c);
        assert!(t.contains("第 2 行第 12 列"), "{t}");
        assert!(
            t.contains("problems: 1\n    the document is not valid JSON (line 2, column 12)\n"),
            "{t}"
        );
        let j = json(&c);
        assert_eq!(j["shows"], false);
        assert_eq!(
            (j["error"]["line"].as_u64(), j["error"]["column"].as_u64()),
            (Some(2), Some(12))
        );
    }

    #[test]
    fn http_status_type_cors_and_validators() {
        let c = http(
            200,
            &[
                ("Content-Type", "application/feed+json"),
                ("Access-Control-Allow-Origin", "*"),
                ("ETag", "\"v1\""),
            ],
            GOOD,
            Some("https://portal.example/"),
        );
        assert!(c.shows());
        let t = text(&c);
        assert!(
            t.contains(
                "cors: Access-Control-Allow-Origin: *: pages on https://portal.example may read it"
            ),
            "{t}"
        );
        assert!(
            t.contains("refresh: ETag \"v1\": an unchanged feed costs a 304"),
            "{t}"
        );

        let c = http(
            200,
            &[("Content-Type", "text/html")],
            GOOD,
            Some("https://portal.example"),
        );
        assert_eq!(c.http.as_ref().map(|h| h.cors), Some(Cors::Denied));
        assert!(!c.shows());
        let t = text(&c);
        assert!(
            t.contains("send `Access-Control-Allow-Origin: https://portal.example`"),
            "{t}"
        );
        assert!(t.contains("text/html: not a feed type"), "{t}");
        assert!(t.contains("no ETag or Last-Modified"), "{t}");

        let c = http(404, &[], b"not found", None);
        assert!(!c.shows());
        assert!(
            text(&c).contains("信息源地址不存在（HTTP 404）"),
            "{}",
            text(&c)
        );
        assert_eq!(json(&c)["http"]["status"], 404);
    }

    #[test]
    fn cors_rules() {
        let u = "https://feeds.example/f.json";
        assert_eq!(cors(u, None, None), Cors::NotAsked);
        assert_eq!(
            cors(u, None, Some("https://feeds.example")),
            Cors::SameOrigin
        );
        assert_eq!(cors(u, Some("*"), Some("https://a.example")), Cors::Allowed);
        assert_eq!(
            cors(u, Some("https://a.example"), Some("https://a.example")),
            Cors::Allowed
        );
        assert_eq!(
            cors(u, Some("https://b.example"), Some("https://a.example")),
            Cors::Denied
        );
        assert_eq!(cors(u, None, Some("http://feeds.example")), Cors::Denied);
    }
}
