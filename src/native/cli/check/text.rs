//! `check`'s report as text, for a webmaster reading a terminal.

use super::{Check, Cors, HttpCheck, ItemRef};
use crate::app::i18n::{load_error, Lang};
use crate::app::load::warnings::{content_type_ok, STALE_DAYS};
use crate::model::feed::{Feed, FeedError, Format, Note, NoteKind, Severity};
use crate::native::cli::source::SourceError;

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
    // Why the body is no feed comes first (its place, when it has one).
    let mut problems = of(Severity::Problem);
    if let (Some(Err(e)), true) = (&c.feed, problems.is_empty()) {
        problems.push(match (e, c.report.error_at) {
            // These name their place already.
            (FeedError::Syntax { .. } | FeedError::XmlSyntax { .. }, _) | (_, None) => {
                e.to_string()
            }
            (_, Some(at)) => format!("{at}: {e}"),
        });
    }
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
    let broken = c.report.notes.iter().find_map(|n| match n.kind {
        NoteKind::BrokenXml { .. } => n.at,
        _ => None,
    });
    let of = match broken {
        Some(at) => format!("read before the break at {at}"),
        None => "in the document".into(),
    };
    out.push_str(&format!(
        "  items: {} shown of {} {of}{skipped}\n",
        feed.items.len(),
        c.report.items_in_document
    ));
    match &c.newest {
        Some((date, days)) if *days > STALE_DAYS => out.push_str(&format!(
            "  newest: {date}, {days} days ago: STALE (the inspection rule: a 动态 column is updated within {STALE_DAYS} days)\n"
        )),
        Some((date, days)) => out.push_str(&format!("  newest: {date}, {days} days ago\n")),
        None if feed.items.is_empty() => {
            out.push_str("  newest: no items: the widget shows 暂无信息\n")
        }
        None => out.push_str("  newest: no item has a date\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_easily() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1239), "1,239");
        assert_eq!(thousands(33_554_433), "33,554,433");
    }
}
