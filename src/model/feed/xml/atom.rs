//! Atom 1.0: a feed and its entries → the typed feed.

use super::cms;
use super::tree::{
    atom_link, attachment, author, child, content_id, elements, entries, field, named, plain_title,
    set_body, text, XML,
};
use crate::model::feed::raw::{RawFeed, RawItem};
use crate::model::feed::report::{NoteKind, Report};
use crate::model::feed::Version;
use crate::model::text::html_to_text;
use roxmltree::Node;
use std::borrow::Cow;
use std::ops::Range;

/// The feed's fields and its entries; `spans` gets each entry's place.
pub(super) fn feed(
    feed_el: Node,
    spans: &mut Vec<Range<usize>>,
    report: &mut Report,
) -> RawFeed<'static> {
    let title = field(atom_text(child(feed_el, "title"), None, report));
    let description = field(atom_text(child(feed_el, "subtitle"), None, report));
    let mut items = entries(feed_el, "entry", spans, report, atom_entry);
    let link = atom_link(feed_el, "alternate");
    cms::resolve_links(&mut items, feed_el, link.clone());
    RawFeed {
        version: Some(Version::V1_1),
        title,
        description,
        home_page_url: field(link),
        next_url: field(atom_link(feed_el, "next")),
        language: field(feed_el.attribute((XML, "lang")).map(str::to_string)),
        items,
        ..RawFeed::default()
    }
}

/// Text of an Atom text construct: `html` read as text, `text` as text
/// unless a CMS escaped markup into it (see [`plain_title`]).
fn atom_text(n: Option<Node>, index: Option<usize>, report: &mut Report) -> Option<String> {
    let n = n?;
    match (n.attribute("type"), index) {
        (Some("html"), _) => text(Some(n)).map(|h| html_to_text(&h)),
        (None | Some("text"), Some(i)) => plain_title(text(Some(n)), i, report),
        _ => text(Some(n)),
    }
}

/// The markup inside an element as written (for Atom's `xhtml` content:
/// the children of its `<div>`).
fn inner_markup(n: Node) -> Option<String> {
    let first = n.first_child()?;
    let last = n.last_child()?;
    let src = n.document().input_text();
    src.get(first.range().start..last.range().end)
        .map(str::to_string)
}

fn atom_entry(entry: Node, index: usize, report: &mut Report) -> RawItem<'static> {
    let url = atom_link(entry, "alternate");
    let title = atom_text(child(entry, "title"), Some(index), report);
    let summary = atom_text(child(entry, "summary"), None, report);
    let content = child(entry, "content").map(|c| {
        let kind = c.attribute("type").unwrap_or("text");
        let body = if kind == "xhtml" {
            elements(c).next().and_then(inner_markup)
        } else {
            text(Some(c))
        };
        (kind == "text", body)
    });
    let published = text(child(entry, "published"));
    let updated = text(child(entry, "updated"));
    let id = text(child(entry, "id"))
        .or_else(|| url.clone())
        .or_else(|| {
            let body = content.as_ref().and_then(|(_, b)| b.as_deref());
            (title.is_some() || summary.is_some() || body.is_some()).then(|| {
                report.note_item(index, NoteKind::IdFromContent);
                content_id(&[
                    title.as_deref(),
                    summary.as_deref(),
                    body,
                    published.as_deref().or(updated.as_deref()),
                ])
            })
        });
    let mut raw = RawItem {
        id: field(id),
        url: field(url),
        title: field(title),
        summary: field(summary),
        date_published: published.map(Cow::Owned),
        date_modified: updated.map(Cow::Owned),
        tags: named(entry, "category")
            .filter_map(|c| c.attribute("label").or_else(|| c.attribute("term")))
            .filter_map(|t| field(Some(t.to_string())))
            .collect(),
        authors: author(cms::name(
            child(entry, "author").and_then(|a| text(child(a, "name"))),
        )),
        attachments: named(entry, "link")
            .filter(|c| c.attribute("rel") == Some("enclosure"))
            .filter_map(|c| {
                attachment(
                    c.attribute("href")?,
                    c.attribute("type"),
                    c.attribute("title"),
                    c.attribute("length"),
                )
            })
            .collect(),
        image: field(
            child(entry, "thumbnail")
                .and_then(|c| c.attribute("url"))
                .map(str::to_string),
        ),
        ..RawItem::default()
    };
    if let Some((is_text, Some(body))) = content {
        set_body(&mut raw, body, is_text);
    }
    raw
}
