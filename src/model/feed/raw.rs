//! The typed middle: what a reader found in a document, before any
//! fallback. The JSON Feed reader and the RSS/Atom reader both fill these
//! types, field by field, so a field is named once, by the compiler, and the
//! one normalizer (`normalize`) turns them into a [`super::Feed`].
//!
//! Text is already clean (trimmed, control characters out: [`text`],
//! [`body`]); dates are still as written (the normalizer reads them, with
//! what `CST` means in this feed). Strings borrow from the document where
//! they can: a long archive is not copied twice.

use super::report::NoteKind;
use super::{Attachment, Author, Version};
use crate::model::json::Map;
use std::borrow::Cow;

/// A feed as a reader found it.
#[derive(Debug, Default)]
pub(crate) struct RawFeed<'a> {
    /// JSON Feed's declared version; RSS and Atom read as 1.1.
    pub version: Option<Version>,
    pub title: Option<Cow<'a, str>>,
    pub home_page_url: Option<Cow<'a, str>>,
    pub feed_url: Option<Cow<'a, str>>,
    pub description: Option<Cow<'a, str>>,
    pub language: Option<Cow<'a, str>>,
    pub icon: Option<Cow<'a, str>>,
    pub favicon: Option<Cow<'a, str>>,
    pub authors: Vec<Author>,
    pub next_url: Option<Cow<'a, str>>,
    /// `_district.name`.
    pub district_name: Option<Cow<'a, str>>,
    /// `_district.timezone` (or `time_zone`) as written.
    pub timezone: Option<&'a str>,
    /// The document's items, in its order (an entry that is no item at all
    /// keeps its place: positions in the report count it).
    pub items: Vec<Entry<'a>>,
    /// What the reader found wrong with items (fields of the wrong type), by
    /// item, in order: noted when the normalizer reaches the item, so the
    /// report lists an item's findings together.
    pub found: Vec<(usize, NoteKind)>,
}

/// One entry of the document's item list: an item, or `None` for a JSON
/// item that is not an object.
pub(crate) type Entry<'a> = Option<RawItem<'a>>;

/// An item as a reader found it.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct RawItem<'a> {
    pub id: Option<Cow<'a, str>>,
    pub url: Option<Cow<'a, str>>,
    pub external_url: Option<Cow<'a, str>>,
    pub title: Option<Cow<'a, str>>,
    pub summary: Option<Cow<'a, str>>,
    pub content_text: Option<Cow<'a, str>>,
    pub content_html: Option<Cow<'a, str>>,
    pub image: Option<Cow<'a, str>>,
    pub banner_image: Option<Cow<'a, str>>,
    /// As written (read by the normalizer).
    pub date_published: Option<Cow<'a, str>>,
    pub date_modified: Option<Cow<'a, str>>,
    pub tags: Vec<Cow<'a, str>>,
    pub authors: Vec<Author>,
    pub attachments: Vec<Attachment>,
    pub language: Option<Cow<'a, str>>,
    /// `_district`, when the item has one (JSON Feed only).
    pub district: Option<RawDistrict<'a>>,
    /// JSON: the item's object as written. An exact repeat is the same
    /// object, members the widget does not read included.
    pub written: Option<&'a Map>,
}

/// An item's `_district`: the government fields, as written.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct RawDistrict<'a> {
    pub category: Option<Cow<'a, str>>,
    pub department: Option<Cow<'a, str>>,
    pub reporter: Option<Cow<'a, str>>,
    pub photographer: Option<Cow<'a, str>>,
    pub credit: Option<Cow<'a, str>>,
    pub doc_number: Option<Cow<'a, str>>,
    pub pinned: Option<RawPin<'a>>,
    pub index_number: Option<Cow<'a, str>>,
    pub subject: Option<Cow<'a, str>>,
    /// As written (read by the normalizer).
    pub written_date: Option<&'a str>,
    pub validity: Option<Cow<'a, str>>,
    pub source: Option<Cow<'a, str>>,
}

/// `_district.pinned` as written.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum RawPin<'a> {
    Flag(bool),
    /// A number, as spelled.
    Number(&'a str),
    /// A string, as written.
    Text(&'a str),
    /// `null`, an array or an object.
    Other,
}

impl RawPin<'_> {
    /// The value as text, for a note: a number as spelled, a string clean.
    pub fn as_text(&self) -> Option<Cow<'_, str>> {
        match self {
            RawPin::Number(n) => Some(Cow::Borrowed(n)),
            RawPin::Text(s) => text(s),
            RawPin::Flag(_) | RawPin::Other => None,
        }
    }
}

/// A field's text: trimmed, without control characters; `None` when
/// nothing is left.
pub(crate) fn text(s: &str) -> Option<Cow<'_, str>> {
    let t = strip_controls(s.trim());
    let t = match t {
        Cow::Borrowed(b) => Cow::Borrowed(b.trim()),
        Cow::Owned(o) => Cow::Owned(o.trim().to_string()),
    };
    (!t.is_empty()).then_some(t)
}

/// [`text`] of a string a reader owns (RSS/Atom text).
pub(crate) fn owned_text(s: Option<String>) -> Option<Cow<'static, str>> {
    s.as_deref()
        .and_then(text)
        .map(|t| Cow::Owned(t.into_owned()))
}

/// A copy of a field, for the bulletin (the raw item stays, to tell
/// repeats).
pub(crate) fn owned(s: &Option<Cow<str>>) -> Option<String> {
    s.as_deref().map(str::to_string)
}

/// A body's text: like [`text`], but only the ends are trimmed before the
/// control characters go (paragraphs are separated by line breaks, which
/// stay). `None` when blank.
pub(crate) fn body(s: &str) -> Option<Cow<'_, str>> {
    let t = s.trim();
    (!t.is_empty()).then(|| strip_controls(t))
}

/// A count (bytes, seconds) written as a string.
pub(crate) fn count(s: &str) -> Option<u64> {
    s.trim().parse().ok()
}

/// Drops control characters (NUL, escape sequences, C1 …) but keeps line
/// breaks and tabs: they can only garble a page, never carry text.
fn strip_controls(s: &str) -> Cow<'_, str> {
    if !has_controls(s.as_bytes()) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
            .collect(),
    )
}

/// Whether UTF-8 text `b` holds a control character other than a line break
/// or tab. Almost no text does, and every text is checked: a plain byte loop
/// (cheap even before the browser has optimized the wasm). C1 controls
/// (U+0080–U+009F) are 0xC2 0x80–0x9F.
fn has_controls(b: &[u8]) -> bool {
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if (c < 0x20 && c != b'\n' && c != b'\t')
            || c == 0x7f
            || (c == 0xc2 && i + 1 < b.len() && b[i + 1] < 0xa0)
        {
            return true;
        }
        i += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_go_and_everything_else_stays() {
        assert_eq!(
            strip_controls("a\u{85}b\u{a0}c\u{1b}[31md\ne\tf\u{7f}·©"),
            "ab\u{a0}c[31md\ne\tf·©"
        );
        assert_eq!(strip_controls("通知公告"), "通知公告");
        assert_eq!(text(" \u{1b} a \u{1b}").as_deref(), Some("a"));
        assert_eq!(text(" \u{1b} "), None);
        assert_eq!(body(" a\n\nb ").as_deref(), Some("a\n\nb"));
    }
}
