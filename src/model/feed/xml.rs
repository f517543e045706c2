//! RSS 2.0, RSS 1.0 (RDF) and Atom 1.0: bytes → text repaired where CMSs
//! get XML wrong ([`super::repair`]) → a tree (`roxmltree`, a well-kept
//! parser, the same in the browser and natively) → a JSON Feed value, which
//! then goes through the same normalizer as any JSON Feed.
//!
//! A document broken past repair still gives the items before the break:
//! the text is cut after the last complete item before it and the elements
//! still open there are closed, and the report says where the break is.
//!
//! Safety: a document that declares entities (`<!ENTITY`, the "billion
//! laughs" attack) is refused before parsing; nothing external (DTDs,
//! entities) is ever fetched; text stays text and HTML goes through the
//! sanitizer like any `content_html`.

use super::parse::from_value;
use super::repair::{self, Repaired};
use super::report::{Format, NoteKind, Pos, Report};
use super::{Feed, FeedError};
use crate::model::json::{Map, Value};
use crate::model::text::html_to_text;
use roxmltree::{Document, Node, ParsingOptions};

const RSS_CONTENT: &str = "http://purl.org/rss/1.0/modules/content/";
const DC: &str = "http://purl.org/dc/elements/1.1/";
const ATOM: &str = "http://www.w3.org/2005/Atom";
const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const XML: &str = "http://www.w3.org/XML/1998/namespace";
const VERSION_1_1: &str = "https://jsonfeed.org/version/1.1";

/// Reads an RSS or Atom document into a normalized feed, noting in
/// `report` what was repaired and what is wrong.
pub fn read_xml(bytes: &[u8], report: &mut Report) -> Result<Feed, FeedError> {
    let text = repair::decode(bytes, report)?;
    let repaired = repair::repair(&text, report)?;
    let parsed: &str = &repaired.text;
    match parse_tree(parsed) {
        Ok(doc) => finish(&doc, &text, &repaired, None, report),
        Err(e) => {
            let at = error_offset(parsed, &e);
            let pos = Pos::at(&text, repaired.original_offset(at));
            let syntax = FeedError::XmlSyntax {
                line: pos.line as usize,
                column: pos.column as usize,
            };
            let Some(cut) = before_break(parsed, at) else {
                report.error_at = Some(pos);
                return Err(syntax);
            };
            let doc = parse_tree(&cut).map_err(|_| syntax)?;
            finish(&doc, &text, &repaired, Some(pos), report)
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
    let value = map(doc, &mut starts, report)?;
    let Value::Object(o) = value else {
        return Err(FeedError::XmlFeed);
    };
    let feed = from_value(&o, report);
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

/// The element children of `n`.
fn elements<'a, 'i>(n: Node<'a, 'i>) -> impl Iterator<Item = Node<'a, 'i>> {
    n.children().filter(Node::is_element)
}

/// The element children named `name` (any namespace). (One iterator type
/// for every lookup: each closure type is its own copy of code in the wasm.)
fn named<'a, 'i>(n: Node<'a, 'i>, name: &'static str) -> impl Iterator<Item = Node<'a, 'i>> {
    elements(n).filter(move |c| c.tag_name().name() == name)
}

/// The first child named `name` (any namespace).
fn child<'a, 'i>(n: Node<'a, 'i>, name: &'static str) -> Option<Node<'a, 'i>> {
    named(n, name).next()
}

/// The first child named `name` in namespace `ns`.
fn child_ns<'a, 'i>(n: Node<'a, 'i>, ns: &str, name: &'static str) -> Option<Node<'a, 'i>> {
    named(n, name).find(|c| c.tag_name().namespace() == Some(ns))
}

/// All the text inside `n` (CDATA included), trimmed; `None` when blank.
fn text(n: Option<Node>) -> Option<String> {
    let n = n?;
    let all: String = n
        .descendants()
        .filter(Node::is_text)
        .filter_map(|t| t.text())
        .collect();
    let t = all.trim();
    (!t.is_empty()).then(|| t.to_string())
}

fn set(o: &mut Map, key: &str, v: Option<String>) {
    if let Some(v) = v {
        o.insert(key.to_string(), Value::String(v));
    }
}

/// `[{"name": name}]`: an item's author.
fn author(name: String) -> Value {
    let mut author = Map::new();
    author.insert("name".into(), Value::String(name));
    Value::Array(vec![Value::Object(author)])
}

/// A JSON Feed attachment: an RSS `enclosure`, an Atom `link rel="enclosure"`.
fn attachment(
    url: String,
    mime: Option<String>,
    title: Option<&str>,
    length: Option<&str>,
) -> Value {
    let mut a = Map::new();
    set(&mut a, "url", Some(url));
    set(&mut a, "mime_type", mime);
    set(&mut a, "title", title.map(str::to_string));
    set(&mut a, "size_in_bytes", length.map(str::to_string));
    Value::Object(a)
}

/// An `atom:link` (in RSS or Atom) with this `rel` (none means alternate).
fn atom_link(n: Node, rel: &str) -> Option<String> {
    named(n, "link")
        .find(|c| {
            c.tag_name().namespace() == Some(ATOM)
                && c.attribute("rel").unwrap_or("alternate") == rel
        })
        .and_then(|c| c.attribute("href"))
        .map(str::to_string)
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
fn plain_title(t: Option<String>, index: usize, report: &mut Report) -> Option<String> {
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
fn content_id(parts: &[Option<&str>]) -> String {
    use std::hash::Hasher;
    let mut h = fnv::FnvHasher::default();
    for p in parts {
        h.write(p.unwrap_or("").as_bytes());
        h.write(&[0xff]);
    }
    format!("content:{:016x}", h.finish())
}

/// The tree → a JSON Feed value; `starts` gets each item's offset.
fn map(doc: &Document, starts: &mut Vec<usize>, report: &mut Report) -> Result<Value, FeedError> {
    let root = doc.root_element();
    match root.tag_name().name() {
        "rss" => {
            let channel = child(root, "channel").ok_or(FeedError::XmlFeed)?;
            report.format = Some(Format::Rss(
                root.attribute("version").unwrap_or("").to_string(),
            ));
            Ok(rss(channel, channel, starts, report))
        }
        // RSS 1.0: items are siblings of the channel.
        "RDF" => {
            let channel = child(root, "channel").ok_or(FeedError::XmlFeed)?;
            report.format = Some(Format::Rdf);
            Ok(rss(channel, root, starts, report))
        }
        "feed" => {
            report.format = Some(Format::Atom);
            Ok(atom(root, starts, report))
        }
        _ => Err(FeedError::XmlFeed),
    }
}

fn rss(channel: Node, items_parent: Node, starts: &mut Vec<usize>, report: &mut Report) -> Value {
    let mut feed = Map::new();
    feed.insert("version".into(), Value::String(VERSION_1_1.into()));
    set(&mut feed, "title", text(child(channel, "title")));
    set(&mut feed, "home_page_url", text(rss_link(channel)));
    set(
        &mut feed,
        "description",
        text(child(channel, "description")),
    );
    set(&mut feed, "language", text(child(channel, "language")));
    set(&mut feed, "next_url", atom_link(channel, "next"));
    let items: Vec<Value> = named(items_parent, "item")
        .enumerate()
        .map(|(index, item)| {
            starts.push(item.range().start);
            rss_item(item, index, report)
        })
        .collect();
    feed.insert("items".into(), Value::Array(items));
    Value::Object(feed)
}

/// RSS's own `<link>` (no namespace, or RSS 1.0's), not an `atom:link`.
fn rss_link<'a, 'i>(n: Node<'a, 'i>) -> Option<Node<'a, 'i>> {
    named(n, "link").find(|c| c.tag_name().namespace() != Some(ATOM))
}

fn rss_item(item: Node, index: usize, report: &mut Report) -> Value {
    let mut o = Map::new();
    let link = text(rss_link(item)).or_else(|| atom_link(item, "alternate"));
    let title = text(child(item, "title"));
    let description = text(child(item, "description"));
    let encoded = text(child_ns(item, RSS_CONTENT, "encoded"));
    let date = text(child(item, "pubDate")).or_else(|| text(child_ns(item, DC, "date")));
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
    set(&mut o, "id", id);
    set(&mut o, "url", link);
    set(&mut o, "title", plain_title(title, index, report));
    match (description, encoded) {
        (d, Some(html)) => {
            set(&mut o, "summary", d.map(|d| html_to_text(&d)));
            o.insert("content_html".into(), Value::String(html));
        }
        (Some(d), None) => {
            o.insert("content_html".into(), Value::String(d));
        }
        (None, None) => {}
    }
    set(&mut o, "date_published", date);
    let tags: Vec<Value> = named(item, "category")
        .chain(named(item, "subject").filter(|c| c.tag_name().namespace() == Some(DC)))
        .filter_map(|c| text(Some(c)).map(Value::String))
        .collect();
    if !tags.is_empty() {
        o.insert("tags".into(), Value::Array(tags));
    }
    if let Some(name) = text(child_ns(item, DC, "creator")).or_else(|| text(child(item, "author")))
    {
        o.insert("authors".into(), author(name));
    }
    let mut image = None;
    let attachments: Vec<Value> = named(item, "enclosure")
        .filter_map(|c| {
            let url = c.attribute("url")?.to_string();
            let mime = c.attribute("type").map(str::to_string);
            if image.is_none() && mime.as_deref().is_some_and(|m| m.starts_with("image/")) {
                image = Some(url.clone());
            }
            Some(attachment(url, mime, None, c.attribute("length")))
        })
        .collect();
    if !attachments.is_empty() {
        o.insert("attachments".into(), Value::Array(attachments));
    }
    let thumbnail = elements(item)
        .find(|c| {
            c.tag_name().name() == "thumbnail"
                || (c.tag_name().name() == "content" && c.attribute("medium") == Some("image"))
        })
        .and_then(|c| c.attribute("url"))
        .map(str::to_string);
    set(&mut o, "image", thumbnail.or(image));
    Value::Object(o)
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

fn atom(feed_el: Node, starts: &mut Vec<usize>, report: &mut Report) -> Value {
    let mut feed = Map::new();
    feed.insert("version".into(), Value::String(VERSION_1_1.into()));
    set(
        &mut feed,
        "title",
        atom_text(child(feed_el, "title"), None, report),
    );
    set(
        &mut feed,
        "description",
        atom_text(child(feed_el, "subtitle"), None, report),
    );
    set(&mut feed, "home_page_url", atom_link(feed_el, "alternate"));
    set(&mut feed, "next_url", atom_link(feed_el, "next"));
    set(
        &mut feed,
        "language",
        feed_el.attribute((XML, "lang")).map(str::to_string),
    );
    let items: Vec<Value> = named(feed_el, "entry")
        .enumerate()
        .map(|(index, entry)| {
            starts.push(entry.range().start);
            atom_entry(entry, index, report)
        })
        .collect();
    feed.insert("items".into(), Value::Array(items));
    Value::Object(feed)
}

fn atom_entry(entry: Node, index: usize, report: &mut Report) -> Value {
    let mut o = Map::new();
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
    set(&mut o, "id", id);
    set(&mut o, "url", url);
    set(&mut o, "title", title);
    set(&mut o, "summary", summary);
    if let Some((is_text, body)) = content {
        let key = if is_text {
            "content_text"
        } else {
            "content_html"
        };
        set(&mut o, key, body);
    }
    set(&mut o, "date_published", published);
    set(&mut o, "date_modified", updated);
    let tags: Vec<Value> = named(entry, "category")
        .filter_map(|c| c.attribute("label").or_else(|| c.attribute("term")))
        .map(|t| Value::String(t.to_string()))
        .collect();
    if !tags.is_empty() {
        o.insert("tags".into(), Value::Array(tags));
    }
    if let Some(name) = child(entry, "author").and_then(|a| text(child(a, "name"))) {
        o.insert("authors".into(), author(name));
    }
    let attachments: Vec<Value> = named(entry, "link")
        .filter(|c| c.attribute("rel") == Some("enclosure"))
        .filter_map(|c| {
            Some(attachment(
                c.attribute("href")?.to_string(),
                c.attribute("type").map(str::to_string),
                c.attribute("title"),
                c.attribute("length"),
            ))
        })
        .collect();
    if !attachments.is_empty() {
        o.insert("attachments".into(), Value::Array(attachments));
    }
    if let Some(img) = child(entry, "thumbnail").and_then(|c| c.attribute("url")) {
        o.insert("image".into(), Value::String(img.to_string()));
    }
    Value::Object(o)
}
