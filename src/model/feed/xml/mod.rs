//! The RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 reader: text (decoded by
//! `body`) repaired where CMSs get XML wrong ([`repair`]) → a tree
//! (`roxmltree`, a well-kept parser, the same in the browser and natively) →
//! the typed [`RawFeed`] ([`rss`], [`atom`]), which goes through the same
//! normalizer as any JSON Feed.
//!
//! A document broken past repair is read item by item ([`resync`]): a
//! break inside an item costs that item, not the items after it, and the
//! report names it (place, and title when known). Only a break before the
//! first item leaves no feed.
//!
//! Safety: a document that declares entities (`<!ENTITY`, the "billion
//! laughs" attack) is refused before parsing; nothing external (DTDs,
//! entities) is ever fetched; text stays text and HTML goes through the
//! sanitizer like any `content_html`.

mod atom;
mod cms;
mod markup;
mod repair;
mod resync;
mod rss;
mod tree;

use super::normalize;
use super::raw::RawFeed;
use super::report::{Format, NoteKind, Places, Pos, Report};
use super::{Feed, FeedError};
use roxmltree::{Document, ParsingOptions};
use std::ops::Range;

/// Reads an RSS or Atom document into a normalized feed, noting in
/// `report` what was repaired and what is wrong.
pub(crate) fn read(text: &str, report: &mut Report) -> Result<Feed, FeedError> {
    let repaired = repair::repair(text, report)?;
    let parsed: &str = &repaired.text;
    let original = |at: usize| repaired.original_offset(at);
    let mut places = Places::new(text);
    let e = match parse_tree(parsed) {
        Ok(doc) => {
            let texted = &repaired.texted;
            return finish(&doc, &mut places, &original, texted, &[], report);
        }
        Err(e) => e,
    };
    let at = error_offset(parsed, &e);
    let pos = Pos::at(text, original(at));
    let syntax = FeedError::XmlSyntax {
        line: pos.line as usize,
        column: pos.column as usize,
    };
    let mut place = |at: usize| places.at(original(at));
    let Some((resynced, lost)) = resync::resync(parsed, at, &mut place, report) else {
        report.error_at = Some(pos);
        return Err(syntax);
    };
    let doc = parse_tree(&resynced.text).map_err(|_| syntax)?;
    let original = |at: usize| original(resynced.original_offset(at));
    finish(
        &doc,
        &mut places,
        &original,
        &repaired.texted,
        &lost,
        report,
    )
}

/// External DTDs are never fetched (roxmltree cannot); entity declarations
/// never get here (refused by the repair).
fn parse_tree(text: &str) -> Result<Document<'_>, roxmltree::Error> {
    Document::parse_with_options(
        text,
        ParsingOptions {
            allow_dtd: true,
            ..ParsingOptions::default()
        },
    )
}

/// The byte offset in `text` of where the parser stopped.
fn error_offset(text: &str, e: &roxmltree::Error) -> usize {
    use roxmltree::Error as E;
    if matches!(
        e,
        E::UnclosedRootNode | E::UnexpectedEndOfStream | E::NoRootNode
    ) {
        return text.len();
    }
    let pos = e.pos();
    let mut line_start = 0;
    for _ in 1..pos.row {
        match text[line_start..].find('\n') {
            Some(i) => line_start += i + 1,
            None => return text.len(),
        }
    }
    text[line_start..]
        .char_indices()
        .nth(pos.col.saturating_sub(1) as usize)
        .map_or(text.len(), |(i, _)| line_start + i)
}

/// The tree → a feed. `original`: an offset of the parsed text → the
/// document's; `texted`: where the notes of tags taken as text are (the
/// document's offsets); `lost`: the places of the items cut out, in order.
/// Item notes get their place and the item's place in the document, and
/// the notes that name an item by its title, the title.
fn finish(
    doc: &Document,
    places: &mut Places,
    original: &dyn Fn(usize) -> usize,
    texted: &[usize],
    lost: &[usize],
    report: &mut Report,
) -> Result<Feed, FeedError> {
    let before = report.notes.len();
    let mut ranges = Vec::new();
    let raw = map(doc, &mut ranges, report)?;
    // The place in the document of the tree's item `t`.
    let place = |t: usize| lost.iter().fold(t, |d, &l| d + usize::from(l <= d));
    let mut texted = texted.iter();
    for note in &mut report.notes[..before] {
        if let NoteKind::TagAsText { .. } = note.kind {
            let at = texted.next().copied().unwrap_or(usize::MAX);
            note.item = ranges
                .iter()
                .position(|r: &Range<usize>| original(r.start) <= at && at < original(r.end))
                .map(place);
        }
        let t = match note.item {
            Some(d) if !lost.contains(&d) => d - lost.iter().filter(|&&l| l < d).count(),
            _ => continue,
        };
        let title = raw
            .items
            .get(t)
            .and_then(Option::as_ref)
            .and_then(|i| i.title.as_ref());
        if let Some(slot @ None) = note.kind.title_mut() {
            *slot = title.map(|t| t.to_string());
        }
    }
    let feed = normalize::feed(raw, report);
    report.items_in_document = ranges.len() + lost.len();
    for note in &mut report.notes[before..] {
        if let Some(t) = note.item {
            if note.at.is_none() {
                note.at = ranges.get(t).map(|r| places.at(original(r.start)));
            }
            note.item = Some(place(t));
        }
    }
    Ok(feed)
}

/// The tree → the typed feed; `spans` gets each item's place in the text.
fn map(
    doc: &Document,
    spans: &mut Vec<Range<usize>>,
    report: &mut Report,
) -> Result<RawFeed<'static>, FeedError> {
    let root = doc.root_element();
    match root.tag_name().name() {
        "rss" => {
            let channel = tree::child(root, "channel").ok_or(FeedError::XmlFeed)?;
            report.format = Some(Format::Rss(
                root.attribute("version").unwrap_or("").to_string(),
            ));
            Ok(rss::feed(channel, channel, spans, report))
        }
        // RSS 1.0: items are siblings of the channel.
        "RDF" => {
            let channel = tree::child(root, "channel").ok_or(FeedError::XmlFeed)?;
            report.format = Some(Format::Rdf);
            Ok(rss::feed(channel, root, spans, report))
        }
        "feed" => {
            report.format = Some(Format::Atom);
            Ok(atom::feed(root, spans, report))
        }
        _ => Err(FeedError::XmlFeed),
    }
}
