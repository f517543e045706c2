//! The feed model: JSON Feed 1.0/1.1 with the `_district` extension, and
//! RSS 2.0 / RSS 1.0 / Atom 1.0 as CMSs really write them, parsed leniently
//! and normalized into the widget's own [`Bulletin`] type, with a
//! [`Report`] of what reading found for the webmaster.
//!
//! One way through, for the widget and the command alike: bytes → text
//! ([`body`]: one decoding step, one encoding decision) → a reader per
//! format ([`json`]: the hand-written JSON reader; [`xml`]: text repaired,
//! then `roxmltree`) → the typed middle ([`raw`]: the same item type from
//! both) → [`normalize`] → [`Feed`]. Only two tables come from the host
//! ([`host`]): the browser's in the widget, crates natively. No Yew and no
//! DOM here: everything is tested natively with `cargo test`.

mod body;
mod error;
mod gov;
pub(crate) mod json;
mod normalize;
mod page;
mod raw;
pub mod report;
#[cfg(not(target_arch = "wasm32"))]
pub mod snapshot;
mod xml;

/// The host's tables (in [`crate::model::host`]: the text reading of HTML
/// uses them too).
pub use crate::model::host;

pub use body::MAX_FEED_BYTES;
pub use error::{Encoding, FeedError, JsonKind};
pub use gov::{Pinned, Validity};
pub use page::{append, count_new, labelled, merge, next_links};
pub use report::{Format, Note, NoteKind, Pos, Report, Severity, Skip};

use crate::model::dates::Timestamp;
use crate::model::text;
use body::Syntax;
use std::rc::Rc;

/// Any body a feed URL answers with → a feed: JSON Feed, else RSS/Atom
/// (recognised from the bytes, whatever the Content-Type says).
pub fn parse_body(bytes: &[u8]) -> Result<Feed, FeedError> {
    read_body(bytes).feed
}

/// A body read: the feed (or why there is none), and what reading found.
#[derive(Clone, Debug)]
pub struct Reading {
    pub feed: Result<Feed, FeedError>,
    pub report: Report,
}

/// [`parse_body`], with the [`Report`] the console warnings and `check`
/// print.
pub fn read_body(bytes: &[u8]) -> Reading {
    let mut report = Report::default();
    let feed = read(bytes, &mut report, true);
    Reading { feed, report }
}

/// Parses a fetched body into a normalized feed, JSON Feed only: RSS and
/// Atom are [`FeedError::XmlFeed`] here (see [`parse_body`]). For what the
/// widget wrote itself (snapshots).
pub fn parse_feed(bytes: &[u8]) -> Result<Feed, FeedError> {
    read(bytes, &mut Report::default(), false)
}

/// The one way through: bytes → text → the format's reader → normalized.
/// RSS/Atom is refused, before decoding, unless `xml`.
fn read(bytes: &[u8], report: &mut Report, xml: bool) -> Result<Feed, FeedError> {
    let syntax = body::sniff(bytes)?;
    if syntax == Syntax::Xml && !xml {
        return Err(FeedError::XmlFeed);
    }
    let body = body::decode_as(bytes, syntax, report)?;
    match body.syntax {
        Syntax::Json => json::read(&body.text, report),
        Syntax::Xml if xml => xml::read(&body.text, report),
        Syntax::Xml => Err(FeedError::XmlFeed),
    }
}

/// The category of an item that has neither `_district.category` nor a tag.
pub const UNCATEGORIZED: &str = "未分类";

/// Which JSON Feed version the document declared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Version {
    /// `https://jsonfeed.org/version/1`
    V1_0,
    /// `https://jsonfeed.org/version/1.1`
    V1_1,
    /// No version, or one we do not know, but the document has `items`.
    Unknown,
}

/// An author of a feed or an item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Author {
    pub name: Option<String>,
    pub url: Option<String>,
    pub avatar: Option<String>,
}

/// A file attached to an item (附件).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attachment {
    pub url: String,
    pub mime_type: Option<String>,
    pub title: Option<String>,
    pub size_in_bytes: Option<u64>,
    pub duration_in_seconds: Option<u64>,
}

/// A value worked out from an item's other fields the first time it is
/// needed: most items of a long feed are never shown, and the start-up path
/// should not pay for them. Equal whenever those fields are, so it takes no
/// part in comparisons.
#[derive(Clone, Debug, Default)]
pub struct Derived<T>(std::cell::OnceCell<T>);

impl<T> PartialEq for Derived<T> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl<T> Eq for Derived<T> {}

/// One bulletin, normalized: every fallback already applied.
/// `Eq` lets `Rc<Bulletin>` compare by pointer first (std's shortcut for
/// `Eq` types), which keeps Yew's prop comparisons cheap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bulletin {
    /// Unique within its feed (the id, made unique when the feed repeats one):
    /// safe as a list key.
    pub key: Rc<str>,
    /// The item's `id` as text (numbers converted), else its `url`.
    pub id: String,
    pub url: Option<String>,
    pub external_url: Option<String>,
    pub title: Option<String>,
    /// The item's own `summary`, as given (see [`Bulletin::summary`]).
    pub given_summary: Option<String>,
    /// [`Bulletin::summary`], once asked for.
    pub(crate) summary: Derived<String>,
    pub content_text: Option<String>,
    pub content_html: Option<String>,
    pub image: Option<String>,
    pub banner_image: Option<String>,
    pub published: Option<Timestamp>,
    pub modified: Option<Timestamp>,
    pub authors: Vec<Author>,
    pub tags: Vec<String>,
    pub attachments: Vec<Attachment>,
    pub language: Option<String>,
    /// `_district.category`, else the first tag, else [`UNCATEGORIZED`].
    pub category: Rc<str>,
    /// `_district.department`, else the first author's name.
    pub department: Option<Rc<str>>,
    pub reporter: Option<String>,
    /// `_district.photographer` (or `_district.credit`).
    pub photographer: Option<String>,
    pub doc_number: Option<String>,
    /// 置顶: `_district.pinned`, else a `[置顶]` prefix the title had (removed
    /// from `title`). See [`Bulletin::is_pinned`].
    pub pinned: Option<Pinned>,
    /// 信息公开: 索引号 (`_district.index_number`).
    pub index_number: Option<String>,
    /// 信息公开: 主题分类 (`_district.subject`).
    pub subject: Option<String>,
    /// 信息公开: 成文日期 (`_district.written_date`).
    pub written_date: Option<Timestamp>,
    /// 信息公开: 有效性 (`_district.validity`).
    pub validity: Option<Validity>,
    /// Position in the source document (0-based), kept for stable sorting.
    pub source_index: usize,
    /// 来源: `_district.source`, else the feed it came from (its title)
    /// when the widget merges several.
    pub source: Option<Rc<str>>,
}

impl Bulletin {
    /// Whether the item leads its column at `now` (Unix seconds): pinned,
    /// and not past the date it was pinned until (read in `zone`, the
    /// feed's). Past that date it is an ordinary item.
    pub fn is_pinned(&self, now: i64, zone: i32) -> bool {
        self.pinned.is_some_and(|p| p.at(now, zone))
    }

    /// Repealed or expired (已废止, 已失效): marked in the list too.
    pub fn is_void(&self) -> bool {
        self.validity.is_some_and(Validity::is_void)
    }

    /// Whether the item carries a 信息公开 field of its own (索引号, 主题分类,
    /// 成文日期, 有效性): the article then shows the 信息公开 table. (文号
    /// and 来源 alone do not make one: news items carry them too.)
    pub fn is_public_document(&self) -> bool {
        self.index_number.is_some()
            || self.subject.is_some()
            || self.written_date.is_some()
            || self.validity.is_some()
    }

    /// The date the item is listed under: published, else modified.
    pub fn date(&self) -> Option<&Timestamp> {
        self.published.as_ref().or(self.modified.as_ref())
    }

    /// The title to show; items without one (allowed by JSON Feed) use the
    /// start of their text.
    pub fn display_title(&self) -> String {
        match &self.title {
            Some(t) => t.clone(),
            None => text::truncate_chars(self.summary(), 30),
        }
    }

    /// The list's summary: `summary`, else the start of the text, on one
    /// line and at most [`text::SUMMARY_CHARS`] characters (… when cut).
    pub fn summary(&self) -> &str {
        self.summary.0.get_or_init(|| {
            let line = match &self.given_summary {
                Some(s) => text::fold_whitespace(s),
                None => summary_start(self.content_text.as_deref(), self.content_html.as_deref()),
            };
            text::truncate_chars(&line, text::SUMMARY_CHARS)
        })
    }

    /// The body as plain paragraphs: `content_text`, else a text reading of
    /// `content_html`, else the summary.
    pub fn body_paragraphs(&self) -> Vec<String> {
        if let Some(t) = &self.content_text {
            let p = text::paragraphs(t);
            if !p.is_empty() {
                return p;
            }
        }
        if let Some(h) = &self.content_html {
            let p = text::paragraphs(&text::html_to_text(h));
            if !p.is_empty() {
                return p;
            }
        }
        text::paragraphs(self.summary())
    }
}

/// The start of an item's text as one line, enough for its summary: from
/// `content_text`, else from `content_html` read as text. Only the start
/// of the body is read (bodies can be 20 kB; a summary is 80 characters).
fn summary_start(content_text: Option<&str>, content_html: Option<&str>) -> String {
    let enough = text::SUMMARY_CHARS + 1;
    match (content_text, content_html) {
        (Some(t), _) => text::one_line_start(t, enough),
        (None, Some(h)) => {
            let mut cut = h.len().min(4096);
            while !h.is_char_boundary(cut) {
                cut -= 1;
            }
            let start = text::one_line_start(&text::html_to_text(&h[..cut]), enough);
            if start.chars().count() >= enough || cut == h.len() {
                start
            } else {
                // Markup heavy at the top: read it all.
                text::one_line_start(&text::html_to_text(h), enough)
            }
        }
        (None, None) => String::new(),
    }
}

/// A whole feed, normalized. Items are sorted newest first (undated last,
/// ties in feed order) and shared behind `Rc`, so components clone cheaply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Feed {
    pub version: Version,
    /// The feed's title (may be empty).
    pub title: String,
    pub home_page_url: Option<String>,
    pub feed_url: Option<String>,
    pub description: Option<String>,
    pub language: Option<String>,
    pub icon: Option<String>,
    pub favicon: Option<String>,
    pub authors: Vec<Author>,
    pub next_url: Option<String>,
    /// `_district.name` on the feed.
    pub district_name: Option<String>,
    /// The offset dates are shown in: `_district.timezone`, else Asia/Shanghai.
    pub zone_offset_min: i32,
    pub items: Rc<[Rc<Bulletin>]>,
    /// Items dropped because they had no id and no url, or nothing to show.
    pub skipped: usize,
    /// Exact repeats of an earlier item, shown once.
    pub duplicates: usize,
}
