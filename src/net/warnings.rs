//! Warnings for the webmaster, written to the browser console (never shown
//! to citizens). Plain Rust, no DOM: the caller prints them.

use crate::feed::Feed;

/// Newest item older than this many days: a 动态 column counts as stale in
/// government website inspections.
pub const STALE_DAYS: i64 = 14;

/// What is worth telling the webmaster about a feed that loaded.
pub fn after_load(
    url: &str,
    feed: &Feed,
    content_type: Option<&str>,
    now_unix: i64,
) -> Vec<String> {
    let mut out = Vec::new();
    let newest = feed
        .items
        .iter()
        .filter_map(|b| b.date())
        .map(|t| t.unix)
        .max();
    if let Some(newest) = newest {
        let days = (now_unix - newest) / 86_400;
        if days > STALE_DAYS {
            out.push(format!(
                "{url}: the newest item is {days} days old; a news column should be updated at least every {STALE_DAYS} days (最新一条信息已 {days} 天未更新)."
            ));
        }
    }
    match content_type.map(str::to_ascii_lowercase) {
        Some(ct) if ["json", "xml", "rss", "atom"].iter().any(|k| ct.contains(k)) => {}
        Some(ct) => out.push(format!(
            "{url}: served as \"{ct}\"; use application/feed+json (JSON Feed) or application/rss+xml / application/atom+xml. The widget read it anyway."
        )),
        None => out.push(format!("{url}: served without a Content-Type.")),
    }
    if feed.skipped > 0 {
        out.push(format!(
            "{url}: {} item(s) skipped (no id and no url, or nothing to show).",
            feed.skipped
        ));
    }
    out
}

/// Why a request may have failed without an HTTP answer: for a feed on
/// another origin, most often CORS.
pub fn network_hint(url: &str, feed_origin: &str, page_origin: &str) -> Option<String> {
    (feed_origin != page_origin).then(|| {
        format!(
            "{url}: the request failed without an answer. The feed is on {feed_origin} and this page on {page_origin}: if the network is fine, the feed's server must send `Access-Control-Allow-Origin: {page_origin}` (or `*`)."
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::parse_feed;

    fn feed(date: &str) -> Feed {
        let json = format!(
            r#"{{"version":"https://jsonfeed.org/version/1.1","items":[{{"id":"1","title":"t","date_published":"{date}"}},{{"title":"no id"}}]}}"#
        );
        parse_feed(json.as_bytes()).expect("feed")
    }

    #[test]
    fn stale_wrong_type_and_skipped() {
        let now = crate::dates::parse("2019-12-31T00:00:00+08:00")
            .map(|t| t.unix)
            .unwrap_or(0);
        let w = after_load(
            "/f.json",
            &feed("2019-12-01T00:00:00+08:00"),
            Some("text/html"),
            now,
        );
        assert!(w[0].contains("30 days old"), "{w:?}");
        assert!(w[1].contains("text/html"), "{w:?}");
        assert!(w[2].contains("1 item(s) skipped"), "{w:?}");
        let fresh = after_load(
            "/f.json",
            &feed("2019-12-30T00:00:00+08:00"),
            Some("application/feed+json"),
            now,
        );
        assert_eq!(fresh.len(), 1, "{fresh:?}");
    }

    #[test]
    fn cors_hint_only_across_origins() {
        assert!(network_hint("u", "https://a", "https://a").is_none());
        let h = network_hint("u", "https://feeds.example", "https://portal.example")
            .unwrap_or_default();
        assert!(h.contains("Access-Control-Allow-Origin: https://portal.example"));
    }
}
