//! `district-bulletin check FEED…`: what a webmaster needs to know before
//! pasting the snippet: whether the widget will show the feed, and what to
//! fix. Everything here is plain functions over what the widget's own parser
//! reports ([`crate::model::feed::read_body`], the same path the widget runs), so
//! `check` and the console warnings never disagree; only the HTTP facts are
//! the command's own.

use super::column::{column_json, column_text};
use super::source::{Source, SourceError};
pub use crate::app::check::{Check, Cors, HttpCheck, ItemRef, KindFrom, Status};
use crate::app::i18n::{load_error, Lang};
use crate::app::load::column::Rule;
use crate::app::load::warnings::content_type_ok;
use crate::model::feed::{Feed, Format, Note, NoteKind, Severity};
use serde_json::{json, Value};

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

/// Checks one FEED read by [`super::source::read`]. `origin`: the page's
/// origin (`--origin`); `now_unix`: the time staleness is measured at;
/// `rule`: the column's rule as given (`--kind`, `FEED=kind`,
/// `--stale-after`). (The report is [`crate::app::check::inspect`]'s; the
/// CORS answer is worked out here from the headers.)
pub fn check(
    name: &str,
    source: Result<Source, SourceError>,
    origin: Option<&str>,
    now_unix: i64,
    rule: Rule,
) -> Check {
    let origin =
        origin.map(|o| origin_of(o).unwrap_or_else(|| o.trim_end_matches('/').to_string()));
    crate::app::check::inspect(
        name,
        source,
        |http| HttpCheck {
            cors: cors(
                &http.final_url,
                http.header("access-control-allow-origin"),
                origin.as_deref(),
            ),
            http,
            origin,
        },
        now_unix,
        rule,
    )
}

/// `1239` → `1,239`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// How many entries of a list the text output shows (`--json` has all).
const LISTED: usize = 20;

fn list_notes(out: &mut String, title: &str, notes: &[String]) {
    if notes.is_empty() {
        out.push_str(&format!("  {title}: none\n"));
        return;
    }
    out.push_str(&format!("  {title}: {}\n", notes.len()));
    for n in notes.iter().take(LISTED) {
        out.push_str(&format!("    {n}\n"));
    }
    if notes.len() > LISTED {
        out.push_str(&format!(
            "    … and {} more (--json lists all)\n",
            notes.len() - LISTED
        ));
    }
}

fn list_items(out: &mut String, title: &str, items: &[ItemRef]) {
    if items.is_empty() {
        out.push_str(&format!("  {title}: none\n"));
        return;
    }
    out.push_str(&format!("  {title}: {}\n", items.len()));
    for r in items.iter().take(LISTED) {
        out.push_str(&format!("    item {}: {}\n", r.index + 1, r.title));
    }
    if items.len() > LISTED {
        out.push_str(&format!(
            "    … and {} more (--json lists all)\n",
            items.len() - LISTED
        ));
    }
}

/// The report for people: the verdict first, then what to fix.
pub fn text(c: &Check) -> String {
    let mut out = format!("{}\n", c.name);
    match (c.failure(), &c.unreadable) {
        (None, _) => out.push_str("  verdict: SHOWN: the widget shows this feed\n"),
        (Some(_), Some(e @ SourceError::File { .. })) => {
            out.push_str(&format!("  verdict: NOT CHECKED: {e}\n"))
        }
        (Some(e), unreadable) => out.push_str(&format!(
            "  verdict: NOT SHOWN: the reader sees 「{}」 ({})\n",
            load_error(Lang::ZhCn, &e),
            unreadable.as_ref().map_or(e.to_string(), |u| u.to_string())
        )),
    }
    if c.unreadable.is_some() {
        return out;
    }
    if let Some(h) = &c.http {
        http_text(&mut out, h);
    }
    let format = c
        .report
        .format
        .as_ref()
        .map_or("not a feed".to_string(), Format::to_string);
    let encoding = c
        .report
        .decoded_from
        .as_deref()
        .map_or(String::new(), |e| format!(", decoded from {e}"));
    out.push_str(&format!("  format: {format}{encoding}\n"));
    let mut size = format!("  size: {} bytes", thousands(c.size));
    if let Some(h) = &c.http {
        if let Some(enc) = h.http.header("content-encoding") {
            size.push_str(&format!(" ({enc} on the wire"));
            if let Some(len) = h.http.header("content-length") {
                size.push_str(&format!(", {len} bytes"));
            }
            size.push(')');
        }
    }
    out.push_str(&size);
    out.push('\n');
    if let Some(Ok(feed)) = &c.feed {
        items_text(&mut out, c, feed);
    }
    let of = |s: Severity| c.report.of(s).map(Note::to_string).collect::<Vec<_>>();
    let problems: Vec<String> = c.problems().into_iter().map(|p| p.text).collect();
    list_notes(&mut out, "problems", &problems);
    list_notes(&mut out, "repaired", &of(Severity::Repaired));
    list_notes(&mut out, "skipped", &of(Severity::Skipped));
    if let Some(Ok(_)) = &c.feed {
        list_items(
            &mut out,
            "without a category (shown under 未分类)",
            &c.no_category,
        );
        list_items(
            &mut out,
            "without a department (发布机构)",
            &c.no_department,
        );
        list_items(&mut out, "without a date (日期未知)", &c.undated);
    }
    out
}

/// Status, Content-Type, CORS, validators.
fn http_text(out: &mut String, h: &HttpCheck) {
    let mut status = format!("  http: {}", h.http.status);
    if h.http.final_url != h.http.requested {
        status.push_str(&format!(" from {} (after redirects)", h.http.final_url));
    }
    out.push_str(&status);
    out.push('\n');
    match h.content_type() {
        Some(ct) if content_type_ok(ct) => out.push_str(&format!("  content-type: {ct}\n")),
        Some(ct) => out.push_str(&format!(
            "  content-type: {ct}: not a feed type (the widget reads it anyway); use application/feed+json, application/rss+xml or application/atom+xml\n"
        )),
        None => out.push_str("  content-type: none (the widget reads it anyway)\n"),
    }
    let allow = h.http.header("access-control-allow-origin");
    let header = allow.map_or("no Access-Control-Allow-Origin".to_string(), |a| {
        format!("Access-Control-Allow-Origin: {a}")
    });
    let page = h.origin.as_deref().unwrap_or("");
    out.push_str(&match h.cors {
        Cors::NotAsked => {
            format!("  cors: {header} (give --origin https://your.portal to check a page)\n")
        }
        Cors::SameOrigin => format!("  cors: {page} is the feed's own origin: no CORS needed\n"),
        Cors::Allowed => format!("  cors: {header}: pages on {page} may read it\n"),
        Cors::Denied => format!(
            "  cors: {header}: pages on {page} may NOT read it; send `Access-Control-Allow-Origin: {page}` (or `*`)\n"
        ),
    });
    let validators: Vec<String> = [("ETag", "etag"), ("Last-Modified", "last-modified")]
        .iter()
        .filter_map(|(label, name)| h.http.header(name).map(|v| format!("{label} {v}")))
        .collect();
    if validators.is_empty() {
        out.push_str("  refresh: no ETag or Last-Modified: every refresh downloads the whole feed; send one (with Cache-Control: no-cache) for 304s\n");
    } else {
        out.push_str(&format!(
            "  refresh: {}: an unchanged feed costs a 304\n",
            validators.join(", ")
        ));
    }
}

/// How many items, and how fresh.
fn items_text(out: &mut String, c: &Check, feed: &Feed) {
    let skipped = if feed.skipped + feed.duplicates > 0 {
        format!(
            ", {} skipped, {} repeat(s) shown once",
            feed.skipped, feed.duplicates
        )
    } else {
        ", none skipped".into()
    };
    let lost = lost(c);
    let lost = if lost > 0 {
        format!(", {lost} broken past repair (under problems)")
    } else {
        String::new()
    };
    out.push_str(&format!(
        "  items: {} shown of {} in the document{lost}{skipped}\n",
        feed.items.len(),
        c.report.items_in_document
    ));
    out.push_str(&column_text(c));
    let limit = c.rule.days();
    match &c.newest {
        Some((date, days)) if c.stale() => out.push_str(&format!(
            "  newest: {date}, {days} days ago: STALE (the inspection rule: {} is updated within {limit} days)\n",
            c.kind_label().map_or("this column".to_string(), |k| format!("a {k} column"))
        )),
        Some((date, days)) => out.push_str(&format!("  newest: {date}, {days} days ago\n")),
        None if feed.items.is_empty() => {
            out.push_str("  newest: no items: the widget shows 暂无信息\n")
        }
        None => out.push_str("  newest: no item has a date\n"),
    }
}

/// How many items the reader cut out, broken past repair.
fn lost(c: &Check) -> usize {
    let lost = |n: &&Note| matches!(n.kind, NoteKind::ItemLost { .. });
    c.report.notes.iter().filter(lost).count()
}

fn note_json(n: &Note) -> Value {
    json!({
        "severity": match n.kind.severity() {
            Severity::Repaired => "repaired",
            Severity::Skipped => "skipped",
            Severity::Problem => "problem",
        },
        "code": n.kind.code(),
        "item": n.item.map(|i| i + 1),
        "line": n.at.map(|p| p.line),
        "column": n.at.map(|p| p.column),
        "title": match &n.kind {
            NoteKind::TagAsText { title, .. }
            | NoteKind::ItemClosed { title }
            | NoteKind::ItemLost { title } => title.as_deref(),
            _ => None,
        },
        "message": n.kind.to_string(),
    })
}

fn items_json(items: &[ItemRef]) -> Value {
    items
        .iter()
        .map(|r| json!({ "item": r.index + 1, "id": r.id, "title": r.title }))
        .collect()
}

/// The report for scripts (`--json`): one object per FEED.
pub fn json(c: &Check) -> Value {
    let failure = c.failure();
    let mut v = json!({
        "feed": c.name,
        "shows": failure.is_none(),
        "reader_message": failure.as_ref().map(|e| load_error(Lang::ZhCn, e)),
        "reason": failure.as_ref().map(|e| e.to_string()),
        "error": match &c.feed {
            Some(Err(e)) => json!({
                "message": e.to_string(),
                "line": c.report.error_at.map(|p| p.line),
                "column": c.report.error_at.map(|p| p.column),
            }),
            _ => Value::Null,
        },
        "size": c.size,
        "format": c.report.format.as_ref().map(Format::to_string),
        "decoded_from": c.report.decoded_from,
        "notes": c.report.notes.iter().map(note_json).collect::<Vec<_>>(),
    });
    if let Some(h) = &c.http {
        v["http"] = json!({
            "status": h.http.status,
            "final_url": h.http.final_url,
            "content_type": h.content_type(),
            "content_type_ok": h.content_type().is_some_and(content_type_ok),
            "access_control_allow_origin": h.http.header("access-control-allow-origin"),
            "origin": h.origin,
            "origin_may_read": match h.cors {
                Cors::NotAsked => Value::Null,
                Cors::SameOrigin | Cors::Allowed => Value::Bool(true),
                Cors::Denied => Value::Bool(false),
            },
            "etag": h.http.header("etag"),
            "last_modified": h.http.header("last-modified"),
            "content_length": h.http.header("content-length"),
            "content_encoding": h.http.header("content-encoding"),
        });
    }
    if let Some(Ok(feed)) = &c.feed {
        v["items"] = json!({
            "in_document": c.report.items_in_document,
            "shown": feed.items.len(),
            "lost": lost(c),
            "skipped": feed.skipped,
            "repeats": feed.duplicates,
            "no_category": items_json(&c.no_category),
            "no_department": items_json(&c.no_department),
            "undated": items_json(&c.undated),
        });
        v["newest"] = json!(c.newest.as_ref().map(|(d, days)| json!({
            "date": d,
            "days_ago": days,
            "stale": c.rule.stale(*days),
        })));
    }
    v["column"] = column_json(c);
    if let Some(e) = &c.unreadable {
        v["unreadable"] = json!(e.to_string());
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::native::cli::source::Http;

    /// 2019-12-31T00:00:00+08:00.
    const NOW: i64 = 1_577_721_600;

    fn file(name: &str, bytes: &[u8]) -> Check {
        let source = Source {
            name: name.into(),
            bytes: bytes.to_vec(),
            http: None,
        };
        check(name, Ok(source), None, NOW, Rule::default())
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
        check(
            "https://feeds.example/f.json",
            Ok(source),
            origin,
            NOW,
            Rule::default(),
        )
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

    #[test]
    fn numbers_read_easily() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1239), "1,239");
        assert_eq!(thousands(33_554_433), "33,554,433");
    }
}
