//! A JSON Feed item (and the parts a feed shares with its items: authors,
//! `_district`) → the typed [`RawItem`], each field on its own; the fields
//! of the wrong type are noted ([`Expect`]).

use super::text_of;
use crate::model::feed::raw::{self, RawDistrict, RawItem, RawPin};
use crate::model::feed::report::NoteKind;
use crate::model::feed::{Attachment, Author};
use crate::model::json::{Map, Value};
use std::borrow::Cow;

/// One item object, read.
pub(super) fn item_of(o: &Map) -> RawItem<'_> {
    RawItem {
        id: text_of(o.get("id")),
        url: text_of(o.get("url")),
        external_url: text_of(o.get("external_url")),
        title: text_of(o.get("title")),
        summary: text_of(o.get("summary")),
        content_text: body_of(o.get("content_text")),
        content_html: body_of(o.get("content_html")),
        image: text_of(o.get("image")),
        banner_image: text_of(o.get("banner_image")),
        date_published: date_of(o.get("date_published")),
        date_modified: date_of(o.get("date_modified")),
        tags: tags_of(o.get("tags")),
        authors: authors_of(o),
        attachments: attachments_of(o.get("attachments")),
        language: text_of(o.get("language")),
        district: district_of(o).map(district),
        written: Some(o),
    }
}

/// An item's `_district`, read.
fn district(d: &Map) -> RawDistrict<'_> {
    let text = |k: &str| text_of(d.get(k));
    RawDistrict {
        category: text("category"),
        department: text("department"),
        reporter: text("reporter"),
        photographer: text("photographer"),
        credit: text("credit"),
        doc_number: text("doc_number"),
        pinned: d.get("pinned").map(pin_of),
        index_number: text("index_number"),
        subject: text("subject"),
        written_date: d.get("written_date").and_then(Value::as_str),
        validity: text("validity"),
        source: text("source"),
    }
}

/// `_district.pinned` as written.
pub(crate) fn pin_of(v: &Value) -> RawPin<'_> {
    match v {
        Value::Bool(b) => RawPin::Flag(*b),
        Value::Number(n) => RawPin::Number(n.as_str()),
        Value::String(s) => RawPin::Text(s),
        _ => RawPin::Other,
    }
}

/// A date, as written (only a string can be one).
fn date_of(v: Option<&Value>) -> Option<Cow<'_, str>> {
    v.and_then(Value::as_str).map(Cow::Borrowed)
}

/// Like [`text_of`], but keeps inner line breaks and only trims the ends:
/// for bodies, whose paragraphs are separated by newlines.
fn body_of(v: Option<&Value>) -> Option<Cow<'_, str>> {
    match v? {
        Value::String(s) => raw::body(s),
        _ => None,
    }
}

fn u64_of(v: Option<&Value>) -> Option<u64> {
    match v? {
        Value::Number(n) => n.to_u64(),
        Value::String(s) => raw::count(s),
        _ => None,
    }
}

pub(super) fn district_of(o: &Map) -> Option<&Map> {
    o.get("_district").and_then(Value::as_object)
}

fn author_of(v: &Value) -> Option<Author> {
    let owned = |v: Option<&Value>| text_of(v).map(Cow::into_owned);
    match v {
        Value::Object(o) => {
            let a = Author {
                name: owned(o.get("name")),
                url: owned(o.get("url")),
                avatar: owned(o.get("avatar")),
            };
            (a.name.is_some() || a.url.is_some()).then_some(a)
        }
        // Not in the spec, but some generators write a bare name.
        Value::String(_) => Some(Author {
            name: owned(Some(v)),
            url: None,
            avatar: None,
        })
        .filter(|a| a.name.is_some()),
        _ => None,
    }
}

/// `authors` (1.1), else `author` (1.0).
pub(super) fn authors_of(o: &Map) -> Vec<Author> {
    let list: Vec<Author> = match o.get("authors") {
        Some(Value::Array(a)) => a.iter().filter_map(author_of).collect(),
        _ => Vec::new(),
    };
    if !list.is_empty() {
        return list;
    }
    o.get("author").and_then(author_of).into_iter().collect()
}

fn tags_of(v: Option<&Value>) -> Vec<Cow<'_, str>> {
    match v {
        Some(Value::Array(a)) => a.iter().filter_map(|t| text_of(Some(t))).collect(),
        // A lone string is one tag.
        Some(s @ Value::String(_)) => text_of(Some(s)).into_iter().collect(),
        _ => Vec::new(),
    }
}

fn attachments_of(v: Option<&Value>) -> Vec<Attachment> {
    let Some(Value::Array(a)) = v else {
        return Vec::new();
    };
    let owned = |v: Option<&Value>| text_of(v).map(Cow::into_owned);
    a.iter()
        .filter_map(|x| {
            let o = x.as_object()?;
            Some(Attachment {
                url: owned(o.get("url"))?,
                mime_type: owned(o.get("mime_type")),
                title: owned(o.get("title")),
                size_in_bytes: u64_of(o.get("size_in_bytes")),
                duration_in_seconds: u64_of(o.get("duration_in_seconds")),
            })
        })
        .collect()
}

/// What a field of an item should hold, for the notes on wrong types (a
/// wrong type reads as absent, or as the obvious reading: see [`text_of`]).
#[derive(Clone, Copy)]
enum Expect {
    /// A string (a number is written out).
    Text,
    /// A date, as a string.
    Date,
    /// An array (`tags` also takes one string).
    List,
    /// An object (`author` also takes a bare name).
    Object,
    /// `_district.pinned`: a boolean (or 1 / 0), or a date as a string.
    Pin,
}

impl Expect {
    fn of(key: &str) -> Option<Expect> {
        Some(match key {
            "id" | "url" | "external_url" | "title" | "summary" | "content_text"
            | "content_html" | "image" | "banner_image" | "language" => Expect::Text,
            "date_published" | "date_modified" => Expect::Date,
            "tags" | "authors" | "attachments" => Expect::List,
            "author" | "_district" => Expect::Object,
            _ => return None,
        })
    }

    fn of_district(key: &str) -> Option<Expect> {
        Some(match key {
            "category" | "department" | "reporter" | "photographer" | "credit" | "doc_number"
            | "index_number" | "subject" | "source" | "validity" => Expect::Text,
            "written_date" => Expect::Date,
            "pinned" => Expect::Pin,
            _ => return None,
        })
    }

    fn fits(self, key: &str, v: &Value) -> bool {
        match (self, v) {
            (_, Value::Null) => true,
            (Expect::Text, Value::String(_) | Value::Number(_)) => true,
            (Expect::Date, Value::String(_)) => true,
            (Expect::List, Value::Array(_)) => true,
            (Expect::List, Value::String(_)) => key == "tags",
            (Expect::Object, Value::Object(_)) => true,
            (Expect::Object, Value::String(_)) => key == "author",
            (Expect::Pin, Value::Bool(_) | Value::Number(_) | Value::String(_)) => true,
            _ => false,
        }
    }

    fn described(self) -> &'static str {
        match self {
            Expect::Text | Expect::Date => "a string",
            Expect::List => "an array",
            Expect::Object => "an object",
            Expect::Pin => "true, false or a date",
        }
    }
}

/// The fields of item `index` that have the wrong type, into `found`. One
/// pass over the members the item has.
pub(super) fn wrong_types(index: usize, o: &Map, found: &mut Vec<(usize, NoteKind)>) {
    for (key, v) in o.iter() {
        if let Some(e) = Expect::of(key).filter(|e| !e.fits(key, v)) {
            found.push((
                index,
                NoteKind::WrongType {
                    field: key.to_string(),
                    expected: e.described(),
                },
            ));
        }
    }
    for (key, v) in district_of(o).into_iter().flat_map(Map::iter) {
        if let Some(e) = Expect::of_district(key).filter(|e| !e.fits(key, v)) {
            found.push((
                index,
                NoteKind::WrongType {
                    field: format!("_district.{key}"),
                    expected: e.described(),
                },
            ));
        }
    }
}
