//! The JSON Feed reader: text → a [`json::Value`] → the typed
//! [`RawFeed`], with a typed error for each way a document is no feed.
//!
//! Every field is taken out on its own ([`item`]), so a field of the wrong
//! type degrades to "absent" (and a note) instead of failing the item, and a
//! bad item never hides the good ones.

mod item;

use super::normalize;
use super::raw::{self, RawFeed};
use super::report::{Format, NoteKind, Pos, Report};
use super::{Feed, FeedError, JsonKind, Version};
use crate::model::json::{self, Map, Value};
use std::borrow::Cow;

#[cfg(test)]
pub(crate) use item::pin_of;

/// JSON text → a normalized feed, noting in `report` what it finds.
pub(crate) fn read(text: &str, report: &mut Report) -> Result<Feed, FeedError> {
    let value = parse(text, report)?;
    let obj = match value {
        Value::Object(o) => o,
        Value::Array(_) => return Err(FeedError::NotAnObject(JsonKind::Array)),
        Value::Null => return Err(FeedError::NotAnObject(JsonKind::Null)),
        Value::String(_) => return Err(FeedError::NotAnObject(JsonKind::String)),
        Value::Number(_) => return Err(FeedError::NotAnObject(JsonKind::Number)),
        Value::Bool(_) => return Err(FeedError::NotAnObject(JsonKind::Bool)),
    };
    let version = match obj.get("version").and_then(Value::as_str).map(str::trim) {
        Some(v) if is_version(v, "1.1") => Version::V1_1,
        Some(v) if is_version(v, "1") => Version::V1_0,
        _ => Version::Unknown,
    };
    let items_value = obj.get("items");
    // A document is a feed when it says so, or (lenient) when it has items.
    if !matches!(items_value, Some(Value::Array(_))) {
        if version == Version::Unknown {
            return Err(FeedError::NotAFeed);
        }
        // It says it is a feed, but has no list of news: broken, not empty.
        report.format = Some(Format::JsonFeed(version));
        let kind = match items_value {
            None | Some(Value::Null) => NoteKind::MissingField { field: "items" },
            Some(_) => NoteKind::WrongType {
                field: "items".into(),
                expected: "an array",
            },
        };
        report.note(None, kind);
        return Err(FeedError::MissingItems);
    }
    report.format = Some(Format::JsonFeed(version));
    if version == Version::Unknown {
        report.note(None, NoteKind::NoVersion);
    }
    Ok(normalize::feed(feed_of(&obj, version), report))
}

/// `https://jsonfeed.org/version/1.1` (and the `http:` / trailing-slash forms).
fn is_version(v: &str, n: &str) -> bool {
    let v = v.trim_end_matches('/');
    [
        "https://jsonfeed.org/version/",
        "http://jsonfeed.org/version/",
    ]
    .iter()
    .any(|p| v.strip_prefix(p) == Some(n))
}

/// Text → JSON value; broken JSON named, and placed (`report.error_at`).
fn parse(text: &str, report: &mut Report) -> Result<Value, FeedError> {
    // The whole text, not a trimmed one: blank lines before the JSON (a
    // PHP include's) count in the line numbers an editor shows.
    json::parse(text).map_err(|e| {
        report.error_at = Some(Pos {
            line: e.line as u32,
            column: e.column as u32,
        });
        classify(&e, text)
    })
}

/// Names a JSON parse error for the reader.
fn classify(e: &json::Error, text: &str) -> FeedError {
    match e.kind {
        json::ErrorKind::TooDeep => return FeedError::TooDeep,
        json::ErrorKind::Eof => return FeedError::Truncated,
        json::ErrorKind::TrailingComma => return FeedError::TrailingComma,
        json::ErrorKind::Syntax => {}
    }
    // The reader stops just inside the bad token: look around there.
    let offset: usize = text
        .split_inclusive('\n')
        .take(e.line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>()
        + e.column.saturating_sub(1);
    let start = offset.saturating_sub(9);
    let around = text.get(start..(offset + 9).min(text.len())).unwrap_or("");
    if around.contains("NaN") || around.contains("Infinity") {
        return FeedError::NonFiniteNumber;
    }
    FeedError::Syntax {
        line: e.line,
        column: e.column,
    }
}

/// The feed's own fields, and its items.
fn feed_of(obj: &Map, version: Version) -> RawFeed<'_> {
    let district = item::district_of(obj);
    let mut found = Vec::new();
    let items = match obj.get("items") {
        Some(Value::Array(a)) => a.as_slice(),
        _ => &[],
    };
    RawFeed {
        version: Some(version),
        title: text_of(obj.get("title")),
        home_page_url: text_of(obj.get("home_page_url")),
        feed_url: text_of(obj.get("feed_url")),
        description: text_of(obj.get("description")),
        language: text_of(obj.get("language")),
        icon: text_of(obj.get("icon")),
        favicon: text_of(obj.get("favicon")),
        authors: item::authors_of(obj),
        next_url: text_of(obj.get("next_url")),
        district_name: district.and_then(|d| text_of(d.get("name"))),
        timezone: district
            .and_then(|d| d.get("timezone").or_else(|| d.get("time_zone")))
            .and_then(Value::as_str),
        items: items
            .iter()
            .enumerate()
            .map(|(index, v)| {
                let o = v.as_object()?;
                item::wrong_types(index, o, &mut found);
                Some(item::item_of(o))
            })
            .collect(),
        found,
    }
}

/// Text of a field: a non-blank string (clean: [`raw::text`]), or a number
/// as spelled. Anything else (object, array, bool, null) is absent.
fn text_of(v: Option<&Value>) -> Option<Cow<'_, str>> {
    match v? {
        Value::String(s) => raw::text(s),
        Value::Number(n) => Some(Cow::Borrowed(n.as_str())),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
