//! Looking things up in the tree, and the readings RSS and Atom share:
//! text, links, titles CMSs write as markup, attachments, content ids.

use crate::model::feed::raw::{self, Entry, RawItem};
use crate::model::feed::report::{NoteKind, Report};
use crate::model::feed::{Attachment, Author};
use crate::model::text::html_to_text;
use roxmltree::Node;
use std::borrow::Cow;
use std::ops::Range;

pub(super) const RSS_CONTENT: &str = "http://purl.org/rss/1.0/modules/content/";
pub(super) const DC: &str = "http://purl.org/dc/elements/1.1/";
pub(super) const ATOM: &str = "http://www.w3.org/2005/Atom";
pub(super) const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
pub(super) const XML: &str = "http://www.w3.org/XML/1998/namespace";

/// The element children of `n`.
pub(super) fn elements<'a, 'i>(n: Node<'a, 'i>) -> impl Iterator<Item = Node<'a, 'i>> {
    n.children().filter(Node::is_element)
}

/// The element children named `name` (any namespace). (One iterator type
/// for every lookup: each closure type is its own copy of code in the wasm.)
pub(super) fn named<'a, 'i>(
    n: Node<'a, 'i>,
    name: &'static str,
) -> impl Iterator<Item = Node<'a, 'i>> {
    elements(n).filter(move |c| c.tag_name().name() == name)
}

/// The first child named `name` (any namespace).
pub(super) fn child<'a, 'i>(n: Node<'a, 'i>, name: &'static str) -> Option<Node<'a, 'i>> {
    named(n, name).next()
}

/// The first child named `name` in namespace `ns`.
pub(super) fn child_ns<'a, 'i>(
    n: Node<'a, 'i>,
    ns: &str,
    name: &'static str,
) -> Option<Node<'a, 'i>> {
    named(n, name).find(|c| c.tag_name().namespace() == Some(ns))
}

/// The items of `parent` (children named `name`), each read by `read` with
/// its index; `spans` gets each one's place in the text.
pub(super) fn entries(
    parent: Node,
    name: &'static str,
    spans: &mut Vec<Range<usize>>,
    report: &mut Report,
    read: fn(Node, usize, &mut Report) -> RawItem<'static>,
) -> Vec<Entry<'static>> {
    named(parent, name)
        .enumerate()
        .map(|(index, n)| {
            spans.push(n.range());
            Some(read(n, index, report))
        })
        .collect()
}

/// All the text inside `n` (CDATA included), trimmed; `None` when blank.
pub(super) fn text(n: Option<Node>) -> Option<String> {
    let n = n?;
    let all: String = n
        .descendants()
        .filter(Node::is_text)
        .filter_map(|t| t.text())
        .collect();
    let t = all.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// A field's text, clean ([`raw::text`]).
pub(super) fn field(s: Option<String>) -> Option<Cow<'static, str>> {
    raw::owned_text(s)
}

/// An `atom:link` (in RSS or Atom) with this `rel` (none means alternate).
pub(super) fn atom_link(n: Node, rel: &str) -> Option<String> {
    named(n, "link")
        .find(|c| {
            c.tag_name().namespace() == Some(ATOM)
                && c.attribute("rel").unwrap_or("alternate") == rel
        })
        .and_then(|c| c.attribute("href"))
        .map(str::to_string)
}

/// An item's author, by name.
pub(super) fn author(name: Option<String>) -> Vec<Author> {
    field(name)
        .map(|name| Author {
            name: Some(name.into_owned()),
            url: None,
            avatar: None,
        })
        .into_iter()
        .collect()
}

/// An attachment: an RSS `enclosure`, an Atom `link rel="enclosure"`.
pub(super) fn attachment(
    url: &str,
    mime: Option<&str>,
    title: Option<&str>,
    length: Option<&str>,
) -> Option<Attachment> {
    let owned = |s: Option<&str>| s.and_then(raw::text).map(Cow::into_owned);
    Some(Attachment {
        url: owned(Some(url))?,
        mime_type: owned(mime),
        title: owned(title),
        size_in_bytes: length.and_then(raw::count),
        duration_in_seconds: None,
    })
}

/// The item's body: `content_html`, else (`is_text`) `content_text`.
pub(super) fn set_body(item: &mut RawItem<'static>, body: String, is_text: bool) {
    let body = raw::body(&body).map(|b| Cow::Owned(b.into_owned()));
    if is_text {
        item.content_text = body;
    } else {
        item.content_html = body;
    }
}

/// Whether a title that should be text holds HTML: a tag (`<font …>`,
/// `</b>`) or an entity reference left after unescaping (`&amp;nbsp;`).
fn looks_like_html(s: &str) -> bool {
    let b = s.as_bytes();
    let tag = b
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'))
        && s.contains('>');
    let entity = s.match_indices('&').any(|(i, _)| {
        let rest = &b[i + 1..];
        let n = rest
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'#')
            .count();
        n > 1 && rest.get(n) == Some(&b';')
    });
    tag || entity
}

/// A title meant as text: HTML in it (CMSs escape their markup into RSS
/// titles: `&lt;font color=red&gt;[置顶]&lt;/font&gt;…`) read as text.
pub(super) fn plain_title(t: Option<String>, index: usize, report: &mut Report) -> Option<String> {
    let t = t?;
    if !looks_like_html(&t) {
        return Some(t);
    }
    report.note_item(index, NoteKind::HtmlTitle);
    Some(html_to_text(&t)).filter(|t| !t.is_empty())
}

/// A stable id for an item that has neither guid nor link, from what it
/// says (the same item gets the same id on every load, and natively too:
/// FNV-1a over the bytes, not a seeded or platform-sized hash).
pub(super) fn content_id(parts: &[Option<&str>]) -> String {
    use std::hash::Hasher;
    let mut h = fnv::FnvHasher::default();
    for p in parts {
        h.write(p.unwrap_or("").as_bytes());
        h.write(&[0xff]);
    }
    format!("content:{:016x}", h.finish())
}
