//! `check`'s report as JSON (`--json`), for scripts and CI.

use super::{Check, Cors, ItemRef};
use crate::app::i18n::{load_error, Lang};
use crate::app::load::warnings::{content_type_ok, STALE_DAYS};
use crate::model::feed::{Format, Note, Severity};
use serde_json::{json, Value};

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
            "skipped": feed.skipped,
            "repeats": feed.duplicates,
            "no_category": items_json(&c.no_category),
            "no_department": items_json(&c.no_department),
            "undated": items_json(&c.undated),
        });
        v["newest"] = json!(c.newest.as_ref().map(|(d, days)| json!({
            "date": d,
            "days_ago": days,
            "stale": *days > STALE_DAYS,
        })));
    }
    if let Some(e) = &c.unreadable {
        v["unreadable"] = json!(e.to_string());
    }
    v
}
