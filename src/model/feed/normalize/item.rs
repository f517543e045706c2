//! One item → a [`Bulletin`], a step per concern: its title and 置顶
//! prefix, `_district` (category, department and credits), 置顶 and the
//! 信息公开 fields (有效性, 成文日期), dates, and links.

use super::Interned;
use crate::model::dates::{self, Cst, Timestamp};
use crate::model::feed::gov::{self, PinField, Pinned};
use crate::model::feed::raw::{owned, RawDistrict, RawItem};
use crate::model::feed::report::{Format, NoteKind, Report};
use crate::model::feed::{Bulletin, Derived, District, PublicDocument, Validity, UNCATEGORIZED};
use crate::model::text::truncate_chars;
use std::borrow::Cow;
use std::rc::Rc;

/// Where an item is: its place in the document, and what `CST` means there.
#[derive(Clone, Copy)]
pub(super) struct At {
    pub index: usize,
    pub cst: Cst,
}

/// An item's title, without a CMS's 置顶 mark (which is the flag, not part
/// of the title).
pub(super) struct Title {
    pub text: Option<String>,
    /// The title had the mark.
    pub pinned: bool,
}

/// The item's title; `None` when the item has nothing to show (no title,
/// summary or content).
pub(super) fn title(raw: &RawItem) -> Option<Title> {
    let given = raw.title.as_deref();
    let title = match given.and_then(gov::strip_pin_prefix) {
        Some(rest) => Title {
            text: Some(rest.to_string()),
            pinned: true,
        },
        None => Title {
            text: given.map(str::to_string),
            pinned: false,
        },
    };
    let nothing = title.text.is_none()
        && raw.summary.is_none()
        && raw.content_text.is_none()
        && raw.content_html.is_none();
    (!nothing).then_some(title)
}

/// The bulletin for `raw`, whose id and key are settled.
pub(super) fn bulletin(
    raw: &RawItem,
    id: &str,
    key: Rc<str>,
    title: Title,
    at: At,
    interned: &mut Interned,
    report: &mut Report,
) -> Bulletin {
    let d = raw.district.as_ref();
    let dtext = |f: Option<&Option<Cow<str>>>| f.and_then(owned);
    let (category, department) = filed(raw, interned);
    let pinned = pinned(raw, title.pinned, at, report);
    let validity = validity(d, at, report);
    let written_date = written_date(d, at, report);
    Bulletin {
        key,
        id: id.to_string(),
        url: owned(&raw.url),
        external_url: owned(&raw.external_url),
        title: title.text,
        given_summary: owned(&raw.summary),
        summary: Derived::default(),
        link: Derived::default(),
        content_text: owned(&raw.content_text),
        content_html: owned(&raw.content_html),
        image: owned(&raw.image),
        banner_image: owned(&raw.banner_image),
        published: date(raw.date_published.as_deref(), "date_published", at, report),
        modified: date(raw.date_modified.as_deref(), "date_modified", at, report),
        authors: raw.authors.clone(),
        tags: raw.tags.iter().map(|t| t.to_string()).collect(),
        attachments: raw.attachments.clone(),
        language: owned(&raw.language),
        source_index: at.index,
        district: District {
            category,
            department,
            reporter: dtext(d.map(|d| &d.reporter)),
            photographer: dtext(d.map(|d| &d.photographer)).or_else(|| dtext(d.map(|d| &d.credit))),
            doc_number: dtext(d.map(|d| &d.doc_number)),
            pinned,
            source: d.and_then(|d| d.source.as_deref()).map(|s| interned.get(s)),
        },
        public: PublicDocument {
            index_number: dtext(d.map(|d| &d.index_number)),
            subject: dtext(d.map(|d| &d.subject)),
            written_date,
            validity,
        },
    }
}

/// Where the item is filed: `_district.category`, else the first tag, else
/// [`UNCATEGORIZED`]; `_district.department`, else the first author's name.
fn filed(raw: &RawItem, interned: &mut Interned) -> (Rc<str>, Option<Rc<str>>) {
    let d = raw.district.as_ref();
    let category = d
        .and_then(|d| d.category.as_deref())
        .or_else(|| raw.tags.first().map(|t| &**t))
        .unwrap_or(UNCATEGORIZED);
    let department = d
        .and_then(|d| d.department.as_deref())
        .or_else(|| raw.authors.iter().find_map(|a| a.name.as_deref()));
    (interned.get(category), department.map(|s| interned.get(s)))
}

/// 置顶: `_district.pinned` decides; a title prefix pins only when it says
/// nothing.
fn pinned(raw: &RawItem, title_pinned: bool, at: At, report: &mut Report) -> Option<Pinned> {
    let value = raw.district.as_ref().and_then(|d| d.pinned.as_ref());
    match value.map(|v| gov::pin_field(v, at.cst)) {
        Some(PinField::Yes(p)) => Some(p),
        Some(PinField::No) => None,
        Some(PinField::Absent) | None => {
            // (Other types are noted as wrong types.)
            if let Some(value) = value.and_then(|v| v.as_text()) {
                unreadable(
                    report,
                    at,
                    "_district.pinned",
                    &value,
                    "true, false or a date",
                );
            }
            title_pinned.then_some(Pinned::Always)
        }
    }
}

/// 信息公开: 有效性 (`_district.validity`).
fn validity(d: Option<&RawDistrict>, at: At, report: &mut Report) -> Option<Validity> {
    let s = d?.validity.as_deref()?;
    let v = Validity::parse(s);
    if v.is_none() {
        let expected = "valid, amended, repealed or expired";
        unreadable(report, at, "_district.validity", s, expected);
    }
    v
}

/// 信息公开: 成文日期 (`_district.written_date`).
fn written_date(d: Option<&RawDistrict>, at: At, report: &mut Report) -> Option<Timestamp> {
    let s = d?.written_date.filter(|s| !s.trim().is_empty())?;
    let t = dates::parse_with(s, at.cst);
    if t.is_none() {
        unreadable(report, at, "_district.written_date", s, "a date");
    }
    t
}

fn unreadable(
    report: &mut Report,
    at: At,
    field: &'static str,
    value: &str,
    expected: &'static str,
) {
    report.note_item(
        at.index,
        NoteKind::UnreadableValue {
            field,
            value: truncate_chars(value.trim(), 40),
            expected,
        },
    );
}

/// A date field (`key` as JSON Feed names it): read with what `CST` means
/// in this feed; a date written but unreadable is noted (the item shows
/// 日期未知).
fn date(s: Option<&str>, key: &'static str, at: At, report: &mut Report) -> Option<Timestamp> {
    let s = s?;
    let t = dates::parse_with(s, at.cst);
    if t.is_none() && !s.trim().is_empty() {
        // Named as the document names it.
        let field = match (&report.format, key) {
            (Some(Format::Rss(_) | Format::Rdf), _) => "pubDate",
            (Some(Format::Atom), "date_published") => "published",
            (Some(Format::Atom), _) => "updated",
            _ => key,
        };
        let value = truncate_chars(s.trim(), 40);
        report.note_item(at.index, NoteKind::UnreadableDate { field, value });
    }
    t
}
