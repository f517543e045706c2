//! The RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 reader: text (decoded by
//! `body`) repaired where CMSs get XML wrong ([`repair`]) → a tree
//! (`roxmltree`, a well-kept parser, the same in the browser and natively) →
//! the typed [`RawFeed`] ([`rss`], [`atom`]), which goes through the same
//! normalizer as any JSON Feed.
//!
//! A document broken past repair still gives the items before the break:
//! the text is cut after the last complete item before it and the elements
//! still open there are closed, and the report says where the break is.
//!
//! Safety: a document that declares entities (`<!ENTITY`, the "billion
//! laughs" attack) is refused before parsing; nothing external (DTDs,
//! entities) is ever fetched; text stays text and HTML goes through the
//! sanitizer like any `content_html`.

mod atom;
mod cms;
mod repair;
mod rss;
mod tree;

use super::normalize;
use super::raw::RawFeed;
use super::report::{Format, NoteKind, Pos, Report};
use super::{Feed, FeedError};
use repair::Repaired;
use roxmltree::{Document, ParsingOptions};

/// Reads an RSS or Atom document into a normalized feed, noting in
/// `report` what was repaired and what is wrong.
pub(crate) fn read(text: &str, report: &mut Report) -> Result<Feed, FeedError> {
    let repaired = repair::repair(text, report)?;
    let parsed: &str = &repaired.text;
    match parse_tree(parsed) {
        Ok(doc) => finish(&doc, text, &repaired, None, report),
        Err(e) => {
            let at = error_offset(parsed, &e);
            let pos = Pos::at(text, repaired.original_offset(at));
            let syntax = FeedError::XmlSyntax {
                line: pos.line as usize,
                column: pos.column as usize,
            };
            let Some(cut) = before_break(parsed, at) else {
                report.error_at = Some(pos);
                return Err(syntax);
            };
            let doc = parse_tree(&cut).map_err(|_| syntax)?;
            finish(&doc, text, &repaired, Some(pos), report)
        }
    }
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

/// The end of the last `</item>` or `</entry>` (any prefix: `</rss:item>`)
/// that ends before `end`, and where that close tag starts.
fn last_item_end(text: &str, end: usize) -> Option<(usize, usize)> {
    let b = &text.as_bytes()[..end];
    let mut i = end;
    while let Some(gt) = b[..i].iter().rposition(|&c| c == b'>') {
        i = gt;
        let start = b[..gt]
            .iter()
            .rposition(|&c| !(c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-' | b':')))
            .map_or(0, |p| p + 1);
        let name = &b[start..gt];
        let local = name.rsplit(|&c| c == b':').next().unwrap_or(name);
        if matches!(local, b"item" | b"entry") && b[..start].ends_with(b"</") {
            return Some((start - 2, gt + 1));
        }
    }
    None
}

/// What can be read of `text`, broken at `at`: the text up to the last
/// complete item before the break, with the elements still open there
/// closed (the parser names them, one by one). `None` when no item ends
/// before the break.
fn before_break(text: &str, at: usize) -> Option<String> {
    const PROBE: &str = "</district-bulletin-probe>";
    let mut end = at;
    // A few candidates (an `</item>` inside CDATA is no end of an item),
    // each parse costs a pass over the text: bounded, for a large broken feed.
    for _ in 0..3 {
        let (open, close) = last_item_end(text, end)?;
        let mut doc = text[..close].to_string();
        // RSS nests items two deep (rss, channel), Atom and RDF one.
        for _ in 0..8 {
            let len = doc.len();
            doc.push_str(PROBE);
            let expected = match parse_tree(&doc) {
                Err(roxmltree::Error::UnexpectedCloseTag(expected, _, _)) => Some(expected),
                _ => None,
            };
            doc.truncate(len);
            match expected {
                Some(name) => {
                    doc.push_str("</");
                    doc.push_str(&name);
                    doc.push('>');
                }
                None => break,
            }
        }
        if parse_tree(&doc).is_ok() {
            return Some(doc);
        }
        end = open;
    }
    None
}

/// The tree → a feed; the positions of item notes filled in.
fn finish(
    doc: &Document,
    text: &str,
    repaired: &Repaired,
    broken: Option<Pos>,
    report: &mut Report,
) -> Result<Feed, FeedError> {
    let mut starts = Vec::new();
    let raw = map(doc, &mut starts, report)?;
    let feed = normalize::feed(raw, report);
    report.items_in_document = starts.len();
    for note in &mut report.notes {
        if let (Some(i), None) = (note.item, note.at) {
            if let Some(&start) = starts.get(i) {
                note.at = Some(Pos::at(text, repaired.original_offset(start)));
            }
        }
    }
    if let Some(at) = broken {
        report.note(
            Some(at),
            NoteKind::BrokenXml {
                kept: feed.items.len(),
            },
        );
    }
    Ok(feed)
}

/// The tree → the typed feed; `starts` gets each item's offset.
fn map(
    doc: &Document,
    starts: &mut Vec<usize>,
    report: &mut Report,
) -> Result<RawFeed<'static>, FeedError> {
    let root = doc.root_element();
    match root.tag_name().name() {
        "rss" => {
            let channel = tree::child(root, "channel").ok_or(FeedError::XmlFeed)?;
            report.format = Some(Format::Rss(
                root.attribute("version").unwrap_or("").to_string(),
            ));
            Ok(rss::feed(channel, channel, starts, report))
        }
        // RSS 1.0: items are siblings of the channel.
        "RDF" => {
            let channel = tree::child(root, "channel").ok_or(FeedError::XmlFeed)?;
            report.format = Some(Format::Rdf);
            Ok(rss::feed(channel, root, starts, report))
        }
        "feed" => {
            report.format = Some(Format::Atom);
            Ok(atom::feed(root, starts, report))
        }
        _ => Err(FeedError::XmlFeed),
    }
}
