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
mod bulletin;
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
pub use bulletin::{Bulletin, Derived, District, PublicDocument};
pub use error::{Encoding, FeedError, JsonKind};
pub use gov::{Pinned, Validity};
pub use page::{append, count_new, labelled, merge, next_links};
pub use report::{Format, Note, NoteKind, Pos, Report, Severity, Skip};

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
