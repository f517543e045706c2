//! RSS 2.0 (and 0.9x) and RSS 1.0 (RDF): a channel and its items → the
//! typed feed.

use super::cms;
use super::tree::{
    atom_link, attachment, author, child, child_ns, content_id, elements, entries, field, named,
    plain_title, set_body, text, ATOM, DC, RDF, RSS_CONTENT,
};
use crate::model::feed::raw::{RawFeed, RawItem};
use crate::model::feed::report::{NoteKind, Report};
use crate::model::feed::Version;
use crate::model::text::html_to_text;
use roxmltree::Node;
use std::borrow::Cow;
use std::ops::Range;

/// The channel's fields, and the `item`s of `items_parent` (the channel in
/// RSS 2.0, the document in RSS 1.0); `spans` gets each item's place.
pub(super) fn feed(
    channel: Node,
    items_parent: Node,
    spans: &mut Vec<Range<usize>>,
    report: &mut Report,
) -> RawFeed<'static> {
    let mut items = entries(items_parent, "item", spans, report, rss_item);
    cms::resolve_links(&mut items, channel, text(rss_link(channel)));
    RawFeed {
        version: Some(Version::V1_1),
        title: field(text(child(channel, "title"))),
        home_page_url: field(text(rss_link(channel))),
        description: field(text(child(channel, "description"))),
        language: field(text(child(channel, "language"))),
        next_url: field(atom_link(channel, "next")),
        items,
        ..RawFeed::default()
    }
}

/// RSS's own `<link>` (no namespace, or RSS 1.0's), not an `atom:link`.
fn rss_link<'a, 'i>(n: Node<'a, 'i>) -> Option<Node<'a, 'i>> {
    named(n, "link").find(|c| c.tag_name().namespace() != Some(ATOM))
}

fn rss_item(item: Node, index: usize, report: &mut Report) -> RawItem<'static> {
    let link = text(rss_link(item)).or_else(|| atom_link(item, "alternate"));
    let title = text(child(item, "title"));
    let description = text(child(item, "description"));
    // TRS WCM writes the whole body as a plain `<content>` (no namespace:
    // not `media:content`).
    let encoded = text(child_ns(item, RSS_CONTENT, "encoded"))
        .or_else(|| text(named(item, "content").find(|c| c.tag_name().namespace().is_none())));
    let date = text(child(item, "pubDate"))
        .or_else(|| text(child_ns(item, DC, "date")))
        .or_else(|| text(child(item, "pubTime")));
    let id = text(child(item, "guid"))
        .or_else(|| link.clone())
        .or_else(|| item.attribute((RDF, "about")).map(str::to_string));
    let id = id.or_else(|| {
        (title.is_some() || description.is_some() || encoded.is_some()).then(|| {
            report.note_item(index, NoteKind::IdFromContent);
            content_id(&[
                title.as_deref(),
                description.as_deref(),
                encoded.as_deref(),
                date.as_deref(),
            ])
        })
    });
    let mut raw = RawItem {
        id: field(id),
        url: field(link),
        title: field(plain_title(title, index, report)),
        date_published: date.map(Cow::Owned),
        tags: named(item, "category")
            .chain(named(item, "subject").filter(|c| c.tag_name().namespace() == Some(DC)))
            .filter_map(|c| field(text(Some(c))))
            .collect(),
        ..RawItem::default()
    };
    let creator = cms::name(text(child_ns(item, DC, "creator")))
        .or_else(|| cms::name(text(child(item, "author"))));
    raw.district = cms::rss_district(item, creator.as_deref());
    raw.authors = author(creator);
    match (description, encoded) {
        (d, Some(html)) => {
            raw.summary = field(d.map(|d| html_to_text(&d)));
            set_body(&mut raw, html, false);
        }
        (Some(d), None) => set_body(&mut raw, d, false),
        (None, None) => {}
    }
    media(item, &mut raw);
    raw
}

/// Enclosures (attachments), and the item's image: a media thumbnail, else
/// the first enclosure that is an image.
fn media(item: Node, raw: &mut RawItem<'static>) {
    let mut image = None;
    raw.attachments = named(item, "enclosure")
        .filter_map(|c| {
            let url = c.attribute("url")?;
            let mime = c.attribute("type");
            if image.is_none() && mime.is_some_and(|m| m.starts_with("image/")) {
                image = Some(url.to_string());
            }
            attachment(url, mime, None, c.attribute("length"))
        })
        .collect();
    let thumbnail = elements(item)
        .find(|c| {
            c.tag_name().name() == "thumbnail"
                || (c.tag_name().name() == "content" && c.attribute("medium") == Some("image"))
        })
        .and_then(|c| c.attribute("url"))
        .map(str::to_string);
    raw.image = field(thumbnail.or(image));
}
