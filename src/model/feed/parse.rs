//! Bytes → [`Feed`]: document checks, lenient per-field extraction, fallbacks,
//! de-duplication and sorting.
//!
//! The document is read into a [`json::Value`] and every field is taken
//! out by hand, so a field of the wrong type degrades to "absent" instead of
//! failing the item, and a bad item never hides the good ones.

use super::gov::{self, PinField, Pinned};
use super::report::{Format, NoteKind, Pos, Report, Skip};
use super::{
    Attachment, Author, Bulletin, Derived, Encoding, Feed, FeedError, JsonKind, Validity, Version,
    UNCATEGORIZED,
};
use crate::model::dates::{self, Cst, SHANGHAI_OFFSET_MIN};
use crate::model::json::{self, Map, Value};
use crate::model::names::names;
use std::borrow::Cow;
use std::rc::Rc;

/// The largest body the widget parses (32 MiB): a 10,000-item archive is
/// about 20 MB; anything much larger would freeze a phone's tab.
pub const MAX_FEED_BYTES: usize = 32 * 1024 * 1024;

/// Parses a fetched body into a normalized feed (JSON Feed only; RSS and
/// Atom are [`FeedError::XmlFeed`] here: see `feed::parse_body`).
pub fn parse_feed(bytes: &[u8]) -> Result<Feed, FeedError> {
    read_json(bytes, &mut Report::default())
}

/// [`parse_feed`], noting what it finds in `report`.
pub(crate) fn read_json(bytes: &[u8], report: &mut Report) -> Result<Feed, FeedError> {
    let value = read_document(bytes, report)?;
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
    Ok(normalize(&obj, version, report))
}

/// A feed from a JSON Feed-shaped object built elsewhere (the RSS/Atom
/// reader, which has set `report.format`).
pub(crate) fn from_value(obj: &Map, report: &mut Report) -> Feed {
    normalize(obj, Version::V1_1, report)
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

/// Bytes → JSON value, with a typed error for each way a body goes wrong
/// (and, for broken JSON, where: `report.error_at`).
fn read_document(bytes: &[u8], report: &mut Report) -> Result<Value, FeedError> {
    if bytes.len() > MAX_FEED_BYTES {
        return Err(FeedError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_FEED_BYTES,
        });
    }
    // A UTF-8 byte order mark is harmless: drop it.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(FeedError::Encoding(Encoding::Utf16));
    }
    // Markup is told apart before decoding: RSS/Atom may be in any encoding
    // its XML declaration names (GBK is common); the XML reader decodes it.
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]);
    if head.trim_start().starts_with('<') {
        return Err(if looks_like_xml_feed(head.trim_start()) {
            FeedError::XmlFeed
        } else {
            FeedError::Html
        });
    }
    let s = std::str::from_utf8(bytes).map_err(|_| FeedError::Encoding(guess_encoding(bytes)))?;
    // UTF-16 without a BOM decodes as "valid" UTF-8 full of NULs.
    if s.contains('\0') {
        return Err(FeedError::Encoding(Encoding::Utf16));
    }
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return Err(FeedError::Empty);
    }
    if trimmed.starts_with(")]}'")
        || trimmed.starts_with("while(1);")
        || trimmed.starts_with("for(;;);")
    {
        return Err(FeedError::GuardPrefix);
    }
    if trimmed.starts_with('<') {
        return Err(if looks_like_xml_feed(trimmed) {
            FeedError::XmlFeed
        } else {
            FeedError::Html
        });
    }
    if looks_like_jsonp(trimmed) {
        return Err(FeedError::Jsonp);
    }
    // The whole text, not the trimmed one: blank lines before the JSON (a
    // PHP include's) count in the line numbers an editor shows.
    json::parse(s).map_err(|e| {
        report.error_at = Some(Pos {
            line: e.line as u32,
            column: e.column as u32,
        });
        classify(&e, s)
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

/// `callback({...})`, `/**/ cb({...});`, `jQuery123_456([...])`.
fn looks_like_jsonp(s: &str) -> bool {
    let s = s.trim_start_matches("/**/").trim_start();
    let name_len = s
        .char_indices()
        .take_while(|&(i, c)| {
            c == '_'
                || c == '$'
                || c == '.'
                || c.is_ascii_alphabetic()
                || (i > 0 && c.is_ascii_digit())
        })
        .count();
    name_len > 0 && s[name_len..].trim_start().starts_with('(')
}

/// Not UTF-8: GBK when most bytes above 0x7F pair up as GBK characters.
pub(crate) fn guess_encoding(bytes: &[u8]) -> Encoding {
    let (mut pairs, mut high) = (0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b >= 0x80 {
            high += 1;
            if (0x81..=0xFE).contains(&b)
                && bytes
                    .get(i + 1)
                    .is_some_and(|&t| (0x40..=0xFE).contains(&t) && t != 0x7F)
            {
                pairs += 1;
                i += 2;
                continue;
            }
        }
        i += 1;
    }
    if high > 0 && pairs * 10 >= high * 9 {
        Encoding::Gbk
    } else {
        Encoding::Unknown
    }
}

/// An XML declaration, or an `<rss>`/`<feed>`/`<rdf:RDF>` root near the start.
fn looks_like_xml_feed(s: &str) -> bool {
    let head: String = s
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.contains("<html") || head.contains("<!doctype html") {
        return false;
    }
    head.starts_with("<?xml")
        || head.contains("<rss")
        || head.contains("<feed")
        || head.contains("<rdf:rdf")
}

/// Text of a field: a non-blank string (trimmed), or a number written out.
/// Anything else (object, array, bool, null) is absent.
fn text_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => {
            let t = strip_controls(s.trim());
            let t = t.trim();
            (!t.is_empty()).then(|| t.to_string())
        }
        Value::Number(n) => Some(n.as_str().to_string()),
        _ => None,
    }
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

/// Like [`text_of`], but keeps inner line breaks and only trims the ends:
/// for bodies, whose paragraphs are separated by newlines.
fn body_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) if !s.trim().is_empty() => Some(strip_controls(s.trim()).into_owned()),
        _ => None,
    }
}

fn u64_of(v: Option<&Value>) -> Option<u64> {
    match v? {
        Value::Number(n) => n.to_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
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

/// Notes the fields of item `index` that have the wrong type. One pass over
/// the members the item has (most items: none wrong, nothing allocated).
fn note_wrong_types(index: usize, o: &Map, report: &mut Report) {
    for (key, v) in o.iter() {
        if let Some(e) = Expect::of(key).filter(|e| !e.fits(key, v)) {
            report.note_item(
                index,
                NoteKind::WrongType {
                    field: key.to_string(),
                    expected: e.described(),
                },
            );
        }
    }
    for (key, v) in district_of(o).into_iter().flat_map(Map::iter) {
        if let Some(e) = Expect::of_district(key).filter(|e| !e.fits(key, v)) {
            report.note_item(
                index,
                NoteKind::WrongType {
                    field: format!("_district.{key}"),
                    expected: e.described(),
                },
            );
        }
    }
}

/// A date field: read with what `CST` means in this feed; a date written
/// but unreadable is noted (the item shows 日期未知).
fn date_of(
    o: &Map,
    key: &'static str,
    cst: Cst,
    index: usize,
    report: &mut Report,
) -> Option<dates::Timestamp> {
    let s = o.get(key).and_then(Value::as_str)?;
    let t = dates::parse_with(s, cst);
    if t.is_none() && !s.trim().is_empty() {
        // Named as the document names it.
        let field = match (&report.format, key) {
            (Some(Format::Rss(_) | Format::Rdf), _) => "pubDate",
            (Some(Format::Atom), "date_published") => "published",
            (Some(Format::Atom), _) => "updated",
            _ => key,
        };
        let value = crate::model::text::truncate_chars(s.trim(), 40);
        report.note_item(index, NoteKind::UnreadableDate { field, value });
    }
    t
}

fn author_of(v: &Value) -> Option<Author> {
    match v {
        Value::Object(o) => {
            let a = Author {
                name: text_of(o.get("name")),
                url: text_of(o.get("url")),
                avatar: text_of(o.get("avatar")),
            };
            (a.name.is_some() || a.url.is_some()).then_some(a)
        }
        // Not in the spec, but some generators write a bare name.
        Value::String(_) => Some(Author {
            name: text_of(Some(v)),
            url: None,
            avatar: None,
        })
        .filter(|a| a.name.is_some()),
        _ => None,
    }
}

/// `authors` (1.1), else `author` (1.0).
fn authors_of(o: &Map) -> Vec<Author> {
    let list: Vec<Author> = match o.get("authors") {
        Some(Value::Array(a)) => a.iter().filter_map(author_of).collect(),
        _ => Vec::new(),
    };
    if !list.is_empty() {
        return list;
    }
    o.get("author").and_then(author_of).into_iter().collect()
}

fn tags_of(v: Option<&Value>) -> Vec<String> {
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
    a.iter()
        .filter_map(|x| {
            let o = x.as_object()?;
            Some(Attachment {
                url: text_of(o.get("url"))?,
                mime_type: text_of(o.get("mime_type")),
                title: text_of(o.get("title")),
                size_in_bytes: u64_of(o.get("size_in_bytes")),
                duration_in_seconds: u64_of(o.get("duration_in_seconds")),
            })
        })
        .collect()
}

fn district_of(o: &Map) -> Option<&Map> {
    o.get("_district").and_then(Value::as_object)
}

/// Builds the feed from a JSON object already known to be a feed, noting
/// in `report` what it skips, collapses or cannot read.
fn normalize(obj: &Map, version: Version, report: &mut Report) -> Feed {
    let district = district_of(obj);
    let zone = district
        .and_then(|d| d.get("timezone").or_else(|| d.get("time_zone")))
        .and_then(Value::as_str)
        .and_then(dates::parse_zone);
    let zone_offset_min = zone.unwrap_or(SHANGHAI_OFFSET_MIN);
    let title = text_of(obj.get("title"));
    if title.is_none() {
        report.note(None, NoteKind::MissingField { field: "title" });
    }
    let language = text_of(obj.get("language"));
    let cst = Cst::for_feed(language.as_deref(), zone, title.as_deref().unwrap_or(""));

    let raw_items: &[Value] = match obj.get("items") {
        Some(Value::Array(a)) => a,
        _ => &[],
    };
    report.items_in_document = raw_items.len();

    // Categories and departments repeat across items: share one allocation.
    let mut interned = names();
    let mut intern = |s: &str| -> Rc<str> {
        if let Some((rc, _)) = interned.get_key_value(s) {
            return rc.clone();
        }
        let rc: Rc<str> = Rc::from(s);
        interned.insert(rc.clone(), 0);
        rc
    };

    let mut items: Vec<Rc<Bulletin>> = Vec::with_capacity(raw_items.len());
    let mut skipped = 0;
    let mut duplicates = 0;
    // Each id seen → its group in `same_ids`: the items that used it.
    let mut seen_ids = names();
    let mut same_ids: Vec<Vec<usize>> = Vec::new();
    let mut keys = names();

    for (index, raw) in raw_items.iter().enumerate() {
        let Some(o) = raw.as_object() else {
            skipped += 1;
            report.note_item(index, NoteKind::Skipped(Skip::NotAnObject));
            continue;
        };
        note_wrong_types(index, o, report);
        let url = text_of(o.get("url"));
        let given_id = text_of(o.get("id"));
        let Some(id) = given_id.clone().or_else(|| url.clone()) else {
            skipped += 1;
            report.note_item(index, NoteKind::Skipped(Skip::NoId));
            continue;
        };
        // A CMS's 置顶 mark in the title is the flag, not part of the title.
        let mut title = text_of(o.get("title"));
        let title_pinned = match title.as_deref().and_then(gov::strip_pin_prefix) {
            Some(rest) => {
                title = Some(rest.to_string());
                true
            }
            None => false,
        };
        let raw_summary = text_of(o.get("summary"));
        let content_text = body_of(o.get("content_text"));
        let content_html = body_of(o.get("content_html"));
        if title.is_none()
            && raw_summary.is_none()
            && content_text.is_none()
            && content_html.is_none()
        {
            skipped += 1;
            report.note_item(index, NoteKind::Skipped(Skip::NothingToShow));
            continue;
        }
        if given_id.is_none() {
            report.note_item(index, NoteKind::MissingField { field: "id" });
        }

        // The same id again: an exact repeat collapses, a different item
        // with a reused id is kept under a key of its own.
        let group = match seen_ids.get(id.as_str()) {
            Some(&g) => g,
            None => {
                seen_ids.insert(Rc::from(id.as_str()), same_ids.len());
                same_ids.push(Vec::new());
                same_ids.len() - 1
            }
        };
        let same_id = &mut same_ids[group];
        if same_id.iter().any(|&j| raw_items[j] == *raw) {
            duplicates += 1;
            report.note_item(index, NoteKind::Repeat);
            continue;
        }
        if !same_id.is_empty() {
            report.note_item(index, NoteKind::DuplicateId { id: id.clone() });
        }
        same_id.push(index);
        let mut key: Rc<str> = Rc::from(id.as_str());
        let mut n = 2;
        while keys.contains_key(&key) {
            key = Rc::from(format!("{id}~{n}"));
            n += 1;
        }
        keys.insert(key.clone(), 0);

        let d = district_of(o);
        let dtext = |k: &str| d.and_then(|d| text_of(d.get(k)));
        let tags = tags_of(o.get("tags"));
        let authors = authors_of(o);
        let category = intern(
            &dtext("category")
                .or_else(|| tags.first().cloned())
                .unwrap_or_else(|| UNCATEGORIZED.to_string()),
        );
        let department = dtext("department")
            .or_else(|| authors.iter().find_map(|a| a.name.clone()))
            .map(|s| intern(&s));
        let mut unreadable = |field: &'static str, value: &str, expected: &'static str| {
            report.note_item(
                index,
                NoteKind::UnreadableValue {
                    field,
                    value: crate::model::text::truncate_chars(value.trim(), 40),
                    expected,
                },
            );
        };
        // `_district.pinned` decides; a title prefix pins only when it says nothing.
        let pin_value = d.and_then(|d| d.get("pinned"));
        let pinned = match pin_value.map(|v| gov::pin_field(v, cst)) {
            Some(PinField::Yes(p)) => Some(p),
            Some(PinField::No) => None,
            Some(PinField::Absent) | None => {
                // (Other types are noted as wrong types.)
                if let Some(value) = text_of(pin_value) {
                    unreadable("_district.pinned", &value, "true, false or a date");
                }
                title_pinned.then_some(Pinned::Always)
            }
        };
        let validity = dtext("validity").and_then(|s| {
            let v = Validity::parse(&s);
            if v.is_none() {
                unreadable(
                    "_district.validity",
                    &s,
                    "valid, amended, repealed or expired",
                );
            }
            v
        });
        let written_date = d
            .and_then(|d| d.get("written_date"))
            .and_then(Value::as_str)
            .filter(|s| !s.trim().is_empty())
            .and_then(|s| {
                let t = dates::parse_with(s, cst);
                if t.is_none() {
                    unreadable("_district.written_date", s, "a date");
                }
                t
            });

        items.push(Rc::new(Bulletin {
            key,
            id,
            url,
            external_url: text_of(o.get("external_url")),
            title,
            given_summary: raw_summary,
            summary: Derived::default(),
            content_text,
            content_html,
            image: text_of(o.get("image")),
            banner_image: text_of(o.get("banner_image")),
            published: date_of(o, "date_published", cst, index, report),
            modified: date_of(o, "date_modified", cst, index, report),
            authors,
            tags,
            attachments: attachments_of(o.get("attachments")),
            language: text_of(o.get("language")),
            category,
            department,
            reporter: dtext("reporter"),
            photographer: dtext("photographer").or_else(|| dtext("credit")),
            doc_number: dtext("doc_number"),
            pinned,
            index_number: dtext("index_number"),
            subject: dtext("subject"),
            written_date,
            validity,
            source_index: index,
            source: dtext("source").map(|s| intern(&s)),
        }));
    }

    super::page::sort_newest_first(&mut items);

    Feed {
        version,
        title: title.unwrap_or_default(),
        home_page_url: text_of(obj.get("home_page_url")),
        feed_url: text_of(obj.get("feed_url")),
        description: text_of(obj.get("description")),
        language,
        icon: text_of(obj.get("icon")),
        favicon: text_of(obj.get("favicon")),
        authors: authors_of(obj),
        next_url: text_of(obj.get("next_url")),
        district_name: district.and_then(|d| text_of(d.get("name"))),
        zone_offset_min,
        items: items.into(),
        skipped,
        duplicates,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feed(json: &str) -> Feed {
        parse_feed(json.as_bytes()).expect("should parse")
    }

    const V11: &str = "https://jsonfeed.org/version/1.1";

    #[test]
    fn controls_go_and_everything_else_stays() {
        assert_eq!(
            strip_controls("a\u{85}b\u{a0}c\u{1b}[31md\ne\tf\u{7f}·©"),
            "ab\u{a0}c[31md\ne\tf·©"
        );
        assert_eq!(strip_controls("通知公告"), "通知公告");
    }

    #[test]
    fn minimal_feeds_of_both_versions() {
        let f = feed(
            r#"{"version":"https://jsonfeed.org/version/1","title":"T","items":[{"id":"1","content_text":"x"}]}"#,
        );
        assert_eq!(f.version, Version::V1_0);
        assert_eq!(f.items.len(), 1);
        let f = feed(&format!(r#"{{"version":"{V11}","title":"T","items":[]}}"#));
        assert_eq!(f.version, Version::V1_1);
        assert!(f.items.is_empty());
    }

    #[test]
    fn documents_that_are_not_feeds() {
        let e = |s: &[u8]| parse_feed(s).unwrap_err();
        assert_eq!(e(b""), FeedError::Empty);
        assert_eq!(e(b" \n\t"), FeedError::Empty);
        assert_eq!(
            e(b"<!DOCTYPE html><html><body>502</body></html>"),
            FeedError::Html
        );
        assert_eq!(
            e(b"<?xml version=\"1.0\"?><rss><channel/></rss>"),
            FeedError::XmlFeed
        );
        assert_eq!(
            e(b"<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>"),
            FeedError::XmlFeed
        );
        assert_eq!(e(b"[1,2]"), FeedError::NotAnObject(JsonKind::Array));
        assert_eq!(e(b"null"), FeedError::NotAnObject(JsonKind::Null));
        assert_eq!(e(br#""feed""#), FeedError::NotAnObject(JsonKind::String));
        assert_eq!(e(br#"{"title":"x"}"#), FeedError::NotAFeed);
        assert_eq!(e(br#"{"version":"#), FeedError::Truncated);
        assert_eq!(e(br#"{"items":[{"id":"1"}"#), FeedError::Truncated);
        assert_eq!(e(br#"{"items":[1,],}"#), FeedError::TrailingComma);
        assert_eq!(e(br#"{"items":[],"x":NaN}"#), FeedError::NonFiniteNumber);
        assert_eq!(e(br#"{"x":-Infinity}"#), FeedError::NonFiniteNumber);
        assert_eq!(e(br#"callback({"items":[]})"#), FeedError::Jsonp);
        assert_eq!(e(br#"/**/ jQuery1124_99({"items":[]});"#), FeedError::Jsonp);
        assert_eq!(e(b")]}'\n{\"items\":[]}"), FeedError::GuardPrefix);
        assert_eq!(e(b"while(1);{}"), FeedError::GuardPrefix);
        assert_eq!(e(br#"{"a" 1}"#), FeedError::Syntax { line: 1, column: 6 });
        // Blank lines before the document count, as an editor counts them.
        assert_eq!(
            e(b"\n\n{\"a\" 1}"),
            FeedError::Syntax { line: 3, column: 6 }
        );
        let mut r = Report::default();
        assert_eq!(
            read_json(b"{\"items\":[1,]}", &mut r),
            Err(FeedError::TrailingComma)
        );
        assert_eq!(
            r.error_at,
            Some(Pos {
                line: 1,
                column: 13
            })
        );
        assert_eq!(
            e(b"\xFF\xFE{\x00}\x00"),
            FeedError::Encoding(Encoding::Utf16)
        );
        assert_eq!(e(b"{\x00\"\x00}\x00"), FeedError::Encoding(Encoding::Utf16));
        // "中文标题" in GBK.
        assert_eq!(
            e(b"{\"t\":\"\xD6\xD0\xCE\xC4\xB1\xEA\xCC\xE2\"}"),
            FeedError::Encoding(Encoding::Gbk)
        );
        assert_eq!(
            e(b"{\"t\":\"\xFF\xFF\"}"),
            FeedError::Encoding(Encoding::Unknown)
        );
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        assert_eq!(e(deep.as_bytes()), FeedError::TooDeep);
        let big = vec![b' '; MAX_FEED_BYTES + 1];
        assert!(matches!(e(&big), FeedError::TooLarge { .. }));
    }

    #[test]
    fn utf8_bom_simply_works() {
        let s =
            format!("\u{FEFF}{{\"version\":\"{V11}\",\"items\":[{{\"id\":1,\"title\":\"a\"}}]}}");
        assert_eq!(feed(&s).items.len(), 1);
    }

    #[test]
    fn lenient_items() {
        let f = feed(&format!(
            r#"{{"version":"{V11}","items":[
            {{"id": 42, "title": "number id"}},
            {{"url": "https://x/a", "title": "no id"}},
            {{"title": "neither id nor url"}},
            {{"id": "empty"}},
            "not an object",
            {{"id": "t", "title": {{"x":1}}, "content_text": "text wins", "tags": "one", "date_published": 5, "authors": "bad"}}
        ]}}"#
        ));
        assert_eq!(f.items.len(), 3);
        assert_eq!(f.skipped, 3);
        let ids: Vec<&str> = f.items.iter().map(|b| b.id.as_str()).collect();
        assert_eq!(ids, ["42", "https://x/a", "t"]);
        let t = &f.items[2];
        assert_eq!(t.title, None);
        assert_eq!(t.display_title(), "text wins");
        assert_eq!(t.tags, ["one"]);
        assert_eq!(&*t.category, "one");
        assert_eq!(t.published, None);
    }

    #[test]
    fn district_fields_and_fallbacks() {
        let f = feed(&format!(
            r#"{{"version":"{V11}","_district":{{"name":"郑州高新区","timezone":"+09:00"}},"items":[
            {{"id":"a","title":"A","tags":["标签"],"authors":[{{"name":"作者"}}],
              "_district":{{"category":"生态环保","department":"环保安监局","reporter":"孙庆辉","photographer":"孙庆辉","doc_number":"〔2019〕1号","unknown":1}}}},
            {{"id":"b","title":"B","tags":["标签"],"authors":[{{"name":"作者"}}]}},
            {{"id":"c","title":"C","_district":{{"category":7,"department":["x"]}}}},
            {{"id":"d","title":"D","_district":"nonsense","_other":{{"category":"ignored"}}}}
        ]}}"#
        ));
        assert_eq!(f.district_name.as_deref(), Some("郑州高新区"));
        assert_eq!(f.zone_offset_min, 540);
        let a = &f.items[0];
        assert_eq!(
            (&*a.category, a.department.as_deref()),
            ("生态环保", Some("环保安监局"))
        );
        assert_eq!(a.reporter.as_deref(), Some("孙庆辉"));
        assert_eq!(a.photographer.as_deref(), Some("孙庆辉"));
        assert_eq!(a.doc_number.as_deref(), Some("〔2019〕1号"));
        let b = &f.items[1];
        assert_eq!(
            (&*b.category, b.department.as_deref()),
            ("标签", Some("作者"))
        );
        let c = &f.items[2];
        assert_eq!((&*c.category, c.department.as_deref()), ("7", None));
        assert_eq!(&*f.items[3].category, UNCATEGORIZED);
    }

    #[test]
    fn pinned_items_and_title_prefixes() {
        let mut report = Report::default();
        let f = read_json(
            format!(
                r#"{{"version":"{V11}","items":[
            {{"id":"flag","title":"年度计划","_district":{{"pinned":true}}}},
            {{"id":"date","title":"报名通知","_district":{{"pinned":"2026-12-31"}}}},
            {{"id":"prefix","title":" 【置顶】 关于冬季供暖的通知"}},
            {{"id":"unpinned","title":"[置顶]停水通知","_district":{{"pinned":false}}}},
            {{"id":"garbage","title":"[置顶]停电通知","_district":{{"pinned":"soon"}}}},
            {{"id":"wrong","title":"普通","_district":{{"pinned":[true]}}}},
            {{"id":"plain","title":"置顶帖管理办法"}}
        ]}}"#
            )
            .as_bytes(),
            &mut report,
        )
        .expect("feed");
        let by = |id: &str| f.items.iter().find(|b| b.id == id).expect("item");
        assert_eq!(by("flag").pinned, Some(Pinned::Always));
        assert!(matches!(by("date").pinned, Some(Pinned::Until(t)) if !t.has_time));
        assert_eq!(by("prefix").pinned, Some(Pinned::Always));
        assert_eq!(by("prefix").title.as_deref(), Some("关于冬季供暖的通知"));
        // `false` decides: the prefix only goes.
        assert_eq!(by("unpinned").pinned, None);
        assert_eq!(by("unpinned").title.as_deref(), Some("停水通知"));
        // A value that means nothing is absent: the prefix pins.
        assert_eq!(by("garbage").pinned, Some(Pinned::Always));
        assert_eq!(by("wrong").pinned, None);
        assert_eq!(by("plain").pinned, None);
        assert_eq!(by("plain").title.as_deref(), Some("置顶帖管理办法"));
        let notes: Vec<String> = report.notes.iter().map(|n| n.to_string()).collect();
        assert!(
            notes
                .iter()
                .any(|n| n.contains("`_district.pinned` \"soon\" is not true, false or a date")),
            "{notes:?}"
        );
        assert!(
            notes
                .iter()
                .any(|n| n.contains("`_district.pinned` is not true, false or a date")),
            "{notes:?}"
        );
    }

    #[test]
    fn public_document_fields() {
        let mut report = Report::default();
        let f = read_json(
            format!(
                r#"{{"version":"{V11}","items":[
            {{"id":"doc","title":"办法","authors":[{{"name":"区政府办公室"}}],"_district":{{
              "index_number":"11410100MB/2024-00123","subject":"城乡建设、环境保护",
              "written_date":"2024年11月27日","validity":"Repealed","source":"区住房和城乡建设局",
              "doc_number":"郑高管〔2024〕12号"}}}},
            {{"id":"bad","title":"坏值","_district":{{"validity":"void","written_date":"去年","index_number":["x"],"subject":7}}}},
            {{"id":"news","title":"新闻"}}
        ]}}"#
            )
            .as_bytes(),
            &mut report,
        )
        .expect("feed");
        let doc = &f.items[0];
        assert_eq!(doc.index_number.as_deref(), Some("11410100MB/2024-00123"));
        assert_eq!(doc.subject.as_deref(), Some("城乡建设、环境保护"));
        let written = doc.written_date.expect("written date");
        assert_eq!(
            crate::model::dates::machine_day(&written, 480),
            "2024-11-27"
        );
        assert_eq!(doc.validity, Some(Validity::Repealed));
        assert!(doc.is_void() && doc.is_public_document());
        assert_eq!(doc.source.as_deref(), Some("区住房和城乡建设局"));
        assert_eq!(doc.department.as_deref(), Some("区政府办公室"));
        let bad = &f.items[1];
        assert_eq!((bad.validity, bad.written_date), (None, None));
        assert_eq!(bad.index_number, None);
        assert_eq!(bad.subject.as_deref(), Some("7"));
        assert!(bad.is_public_document(), "a 主题分类 makes it one");
        assert!(!f.items[2].is_public_document());
        let notes: Vec<String> = report.notes.iter().map(|n| n.to_string()).collect();
        for expected in [
            "`_district.validity` \"void\" is not valid, amended, repealed or expired",
            "`_district.written_date` \"去年\" is not a date",
            "`_district.index_number` is not a string",
        ] {
            assert!(
                notes.iter().any(|n| n.contains(expected)),
                "{expected}: {notes:?}"
            );
        }
    }

    #[test]
    fn duplicates_collapse_and_keys_stay_unique() {
        let f = feed(&format!(
            r#"{{"version":"{V11}","items":[
            {{"id":"x","title":"same"}},
            {{"id":"x","title":"same"}},
            {{"id":"x","title":"different"}},
            {{"id":"x~2","title":"clash"}}
        ]}}"#
        ));
        assert_eq!(f.duplicates, 1);
        let keys: Vec<&str> = f.items.iter().map(|b| &*b.key).collect();
        assert_eq!(keys, ["x", "x~2", "x~2~2"]);
    }

    #[test]
    fn summary_prefers_summary_then_text_then_html() {
        let long = "字".repeat(200);
        let f = feed(&format!(
            r#"{{"version":"{V11}","items":[
            {{"id":"1","summary":"  摘要  ","content_text":"正文"}},
            {{"id":"2","content_text":"{long}"}},
            {{"id":"3","content_html":"<p>Hello &amp; <b>world</b></p><script>x()</script>"}}
        ]}}"#
        ));
        assert_eq!(f.items[0].summary(), "摘要");
        assert_eq!(
            f.items[1].summary().chars().count(),
            crate::model::text::SUMMARY_CHARS + 1
        );
        assert!(f.items[1].summary().ends_with('…'));
        assert_eq!(f.items[2].summary(), "Hello & world");
        assert_eq!(f.items[2].body_paragraphs(), ["Hello & world"]);
    }

    #[test]
    fn sorting_is_newest_first_undated_last_stable() {
        let f = feed(&format!(
            r#"{{"version":"{V11}","items":[
            {{"id":"u1","title":"undated 1"}},
            {{"id":"old","title":"o","date_published":"2019-11-24T00:00:00+08:00"}},
            {{"id":"bad","title":"b","date_published":"2019-13-45"}},
            {{"id":"new","title":"n","date_published":"2019-11-28T00:00:00+08:00"}},
            {{"id":"tie1","title":"t","date_published":"2019-11-26T00:00:00+08:00"}},
            {{"id":"tie2","title":"t","date_published":"2019-11-25T16:00:00Z"}},
            {{"id":"mod","title":"m","date_modified":"2019-11-27"}}
        ]}}"#
        ));
        let ids: Vec<&str> = f.items.iter().map(|b| b.id.as_str()).collect();
        assert_eq!(ids, ["new", "mod", "tie1", "tie2", "old", "u1", "bad"]);
    }

    #[test]
    fn attachments_and_authors() {
        let f = feed(&format!(
            r#"{{"version":"{V11}","author":{{"name":"Old style"}},"items":[
            {{"id":"1","title":"t","author":{{"name":"One"}},
              "attachments":[{{"url":"a.pdf","mime_type":"application/pdf","size_in_bytes":1258291,"title":"附件"}},{{"title":"no url"}},{{"url":"b.mp3","size_in_bytes":"12"}}]}}
        ]}}"#
        ));
        assert_eq!(f.authors[0].name.as_deref(), Some("Old style"));
        let b = &f.items[0];
        assert_eq!(b.authors[0].name.as_deref(), Some("One"));
        assert_eq!(b.attachments.len(), 2);
        assert_eq!(b.attachments[0].size_in_bytes, Some(1_258_291));
        assert_eq!(b.attachments[1].size_in_bytes, Some(12));
    }
}
