//! Warnings for the webmaster, written to the browser console (never shown
//! to citizens). Plain Rust, no DOM: the caller prints them.

use crate::model::feed::{Feed, Note, Report, Severity};

/// Whole days since the newest dated item (`None`: no item is dated).
pub fn newest_age_days(feed: &Feed, now_unix: i64) -> Option<i64> {
    let newest = feed
        .items
        .iter()
        .filter_map(|b| b.date())
        .map(|t| t.unix)
        .max()?;
    Some((now_unix - newest) / 86_400)
}

/// Whether a Content-Type names a feed format (JSON or XML: JSON Feed, RSS,
/// Atom); anything else is read anyway, with a warning.
pub fn content_type_ok(content_type: &str) -> bool {
    let ct = content_type.to_ascii_lowercase();
    ["json", "xml", "rss", "atom"]
        .iter()
        .any(|k| ct.contains(k))
}

/// How many notes of one kind the console lists (`district-bulletin check`
/// lists them all).
const LISTED: usize = 5;

/// What is worth telling the webmaster about a feed that loaded: staleness
/// (by `stale_days`, the column's [`Rule::days`](super::column::Rule::days)),
/// the Content-Type, and what reading it found (`report`: repairs, skipped
/// items and why, problems with their line and column).
pub fn after_load(
    url: &str,
    feed: &Feed,
    report: &Report,
    content_type: Option<&str>,
    now_unix: i64,
    stale_days: u32,
) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(days) = newest_age_days(feed, now_unix).filter(|&d| d > i64::from(stale_days)) {
        out.push(format!(
            "{url}: the newest item is {days} days old; this column's rule (column-kind) is {stale_days} days (最新一条信息已 {days} 天未更新)."
        ));
    }
    match content_type.map(str::to_ascii_lowercase) {
        Some(ct) if content_type_ok(&ct) => {}
        Some(ct) => out.push(format!(
            "{url}: served as \"{ct}\"; use application/feed+json (JSON Feed) or application/rss+xml / application/atom+xml. The widget read it anyway."
        )),
        None => out.push(format!("{url}: served without a Content-Type.")),
    }
    if feed.skipped > 0 {
        out.push(format!(
            "{url}: {} item(s) skipped (no id and no url, or nothing to show): {}",
            feed.skipped,
            listed(report.of(Severity::Skipped))
        ));
    }
    for (severity, what) in [
        (Severity::Problem, "problems"),
        (Severity::Repaired, "repaired before reading"),
    ] {
        if report.of(severity).next().is_some() {
            out.push(format!("{url}: {what}: {}", listed(report.of(severity))));
        }
    }
    out
}

/// Up to [`LISTED`] notes, and how many more there are.
fn listed<'a>(notes: impl Iterator<Item = &'a Note>) -> String {
    let mut parts = Vec::new();
    let mut more = 0;
    for n in notes {
        if parts.len() < LISTED {
            parts.push(n.to_string());
        } else {
            more += 1;
        }
    }
    let mut s = parts.join("; ");
    if more > 0 {
        s.push_str(&format!(
            "; and {more} more (`district-bulletin check` lists them all)"
        ));
    }
    s.push('.');
    s
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
    use crate::model::feed::{read_body, Reading};

    fn feed(date: &str) -> (Feed, Report) {
        let json = format!(
            r#"{{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{{"id":"1","title":"t","date_published":"{date}"}},{{"title":"no id"}}]}}"#
        );
        let Reading { feed, report } = read_body(json.as_bytes());
        (feed.expect("feed"), report)
    }

    #[test]
    fn stale_wrong_type_and_skipped() {
        let now = crate::model::dates::parse("2019-12-31T00:00:00+08:00")
            .map(|t| t.unix)
            .unwrap_or(0);
        let (f, r) = feed("2019-12-01T00:00:00+08:00");
        let w = after_load("/f.json", &f, &r, Some("text/html"), now, 14);
        assert!(
            w[0].contains("30 days old") && w[0].contains("is 14 days"),
            "{w:?}"
        );
        assert!(w[1].contains("text/html"), "{w:?}");
        assert!(
            w[2].contains("1 item(s) skipped")
                && w[2].contains("item 2: skipped: no id and no url"),
            "{w:?}"
        );
        let (f, r) = feed("2019-12-30T00:00:00+08:00");
        let fresh = after_load("/f.json", &f, &r, Some("application/feed+json"), now, 14);
        assert_eq!(fresh.len(), 1, "{fresh:?}");
        // A 政策文件 column 30 days old is within its six months.
        let (f, r) = feed("2019-12-01T00:00:00+08:00");
        let policy = after_load("/f.json", &f, &r, Some("application/feed+json"), now, 180);
        assert_eq!(policy.len(), 1, "{policy:?}");
    }

    #[test]
    fn repairs_and_problems_with_their_place() {
        let rss = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>T</title>\n<item><title>a</title><link>/a?x=1&y=2</link><pubDate>2019-02-30</pubDate></item>\n<item><title>b</title><link>/b</link></item>\n<item><title>c</tilte></item></channel></rss>";
        let Reading { feed, report } = read_body(rss.as_bytes());
        let feed = feed.expect("the items but the broken one");
        let w = after_load(
            "/rss.xml",
            &feed,
            &report,
            Some("application/rss+xml"),
            0,
            14,
        );
        let text = w.join("\n");
        assert!(
            text.contains("/rss.xml: problems: item 3, line 5, column 15: broken here past repair: this item is not shown, the others are; item 1, line 3, column 1: `pubDate` \"2019-02-30\""),
            "{text}"
        );
        assert!(
            text.contains("repaired before reading: line 3, column 35: 1 bare `&`"),
            "{text}"
        );
    }

    #[test]
    fn long_lists_are_cut() {
        let items: Vec<String> = (0..8).map(|i| format!(r#"{{"title":"{i}"}}"#)).collect();
        let json = format!(
            r#"{{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{},{{"id":"ok","title":"ok"}}]}}"#,
            items.join(",")
        );
        let Reading { feed, report } = read_body(json.as_bytes());
        let feed = feed.expect("feed");
        let w = after_load("/f.json", &feed, &report, Some("application/json"), 0, 14);
        assert!(
            w.iter()
                .any(|l| l.contains("8 item(s) skipped") && l.contains("and 3 more")),
            "{w:?}"
        );
    }

    #[test]
    fn cors_hint_only_across_origins() {
        assert!(network_hint("u", "https://a", "https://a").is_none());
        let h = network_hint("u", "https://feeds.example", "https://portal.example")
            .unwrap_or_default();
        assert!(h.contains("Access-Control-Allow-Origin: https://portal.example"));
    }
}
