//! The typed middle → [`Feed`]: every fallback applied, in small steps. The
//! feed's own fields and its zone here; each item's id and key, and exact
//! repeats ([`ids`]); the item itself ([`item`]: dates, `_district`, 置顶
//! and 有效性, links). Findings go to the [`Report`].

mod ids;
mod item;

use super::raw::{Entry, RawFeed};
use super::report::{NoteKind, Report, Skip};
use super::{Bulletin, Feed};
use crate::model::dates::{self, Cst, SHANGHAI_OFFSET_MIN};
use crate::model::names::{names, Names};
use ids::{Ids, Placed};
use std::borrow::Cow;
use std::rc::Rc;

/// Builds the feed a reader found, noting in `report` what it skips,
/// collapses or cannot read.
pub(crate) fn feed(raw: RawFeed, report: &mut Report) -> Feed {
    let zone = raw.timezone.and_then(dates::parse_zone);
    let zone_offset_min = zone.unwrap_or(SHANGHAI_OFFSET_MIN);
    if raw.title.is_none() {
        report.note(None, NoteKind::MissingField { field: "title" });
    }
    let cst = Cst::for_feed(
        raw.language.as_deref(),
        zone,
        raw.title.as_deref().unwrap_or(""),
    );
    report.items_in_document = raw.items.len();
    let (items, skipped, duplicates) = items(&raw.items, raw.found, cst, report);
    let owned = |s: Option<Cow<str>>| s.map(Cow::into_owned);
    Feed {
        version: raw.version.unwrap_or(super::Version::V1_1),
        title: owned(raw.title).unwrap_or_default(),
        home_page_url: owned(raw.home_page_url),
        feed_url: owned(raw.feed_url),
        description: owned(raw.description),
        language: owned(raw.language),
        icon: owned(raw.icon),
        favicon: owned(raw.favicon),
        authors: raw.authors,
        next_url: owned(raw.next_url),
        district_name: owned(raw.district_name),
        zone_offset_min,
        items: items.into(),
        skipped,
        duplicates,
    }
}

/// The items to show, sorted; how many were skipped, how many repeats.
fn items(
    entries: &[Entry],
    found: Vec<(usize, NoteKind)>,
    cst: Cst,
    report: &mut Report,
) -> (Vec<Rc<Bulletin>>, usize, usize) {
    let mut items = Vec::with_capacity(entries.len());
    let (mut skipped, mut duplicates) = (0, 0);
    let mut ids = Ids::default();
    let mut interned = Interned(names());
    let mut found = found.into_iter().peekable();
    for (index, entry) in entries.iter().enumerate() {
        let Some(raw) = entry else {
            skipped += 1;
            report.note_item(index, NoteKind::Skipped(Skip::NotAnObject));
            continue;
        };
        while let Some((_, kind)) = found.next_if(|(i, _)| *i == index) {
            report.note_item(index, kind);
        }
        let Some(id) = raw.id.as_ref().or(raw.url.as_ref()) else {
            skipped += 1;
            report.note_item(index, NoteKind::Skipped(Skip::NoId));
            continue;
        };
        let Some(title) = item::title(raw) else {
            skipped += 1;
            report.note_item(index, NoteKind::Skipped(Skip::NothingToShow));
            continue;
        };
        if raw.id.is_none() {
            report.note_item(index, NoteKind::MissingField { field: "id" });
        }
        let key = match ids.place(id, index, entries, report) {
            Placed::Repeat => {
                duplicates += 1;
                continue;
            }
            Placed::Key(key) => key,
        };
        let at = item::At { index, cst };
        let b = item::bulletin(raw, id, key, title, at, &mut interned, report);
        items.push(Rc::new(b));
    }
    super::page::sort_newest_first(&mut items);
    (items, skipped, duplicates)
}

/// Categories and departments repeat across items: one allocation each.
pub(super) struct Interned(Names);

impl Interned {
    fn get(&mut self, s: &str) -> Rc<str> {
        if let Some((rc, _)) = self.0.get_key_value(s) {
            return rc.clone();
        }
        let rc: Rc<str> = Rc::from(s);
        self.0.insert(rc.clone(), 0);
        rc
    }
}
