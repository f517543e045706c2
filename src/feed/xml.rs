//! RSS 2.0, RSS 1.0 (RDF) and Atom 1.0, read with the browser's own XML
//! parser (`DOMParser`, no bytes shipped) and mapped onto a JSON Feed value,
//! which then goes through the same normalizer as any JSON Feed.
//!
//! Safety: a document that declares entities (`<!ENTITY`, the "billion
//! laughs" attack) is refused before parsing; the XML parser never fetches
//! external entities or DTDs; text stays text and HTML goes through the
//! sanitizer like any `content_html`.

use super::{parse::from_value, Feed, FeedError};
use crate::json::{Map, Value};
use crate::text::html_to_text;
use web_sys::{DomParser, Element, SupportedType};

const RSS_CONTENT: &str = "http://purl.org/rss/1.0/modules/content/";
const DC: &str = "http://purl.org/dc/elements/1.1/";
const ATOM: &str = "http://www.w3.org/2005/Atom";
const VERSION_1_1: &str = "https://jsonfeed.org/version/1.1";

/// HTML entities that CMSs put into RSS without declaring them (XML knows
/// only five): rewritten as character references so the document parses.
const HTML_ENTITIES: &[(&str, &str)] = &[
    ("&nbsp;", "&#160;"),
    ("&ensp;", "&#8194;"),
    ("&emsp;", "&#8195;"),
    ("&copy;", "&#169;"),
    ("&reg;", "&#174;"),
    ("&middot;", "&#183;"),
    ("&mdash;", "&#8212;"),
    ("&ndash;", "&#8211;"),
    ("&hellip;", "&#8230;"),
    ("&ldquo;", "&#8220;"),
    ("&rdquo;", "&#8221;"),
    ("&lsquo;", "&#8216;"),
    ("&rsquo;", "&#8217;"),
    ("&times;", "&#215;"),
    ("&bull;", "&#8226;"),
];

/// Parses an RSS or Atom document into a normalized feed.
pub fn parse_xml_feed(text: &str) -> Result<Feed, FeedError> {
    let head: String = text.chars().take(4096).collect();
    if head.contains("<!ENTITY") || text.contains("<!ENTITY") {
        return Err(FeedError::XmlEntities);
    }
    let mut fixed = text.to_string();
    for (entity, reference) in HTML_ENTITIES {
        if fixed.contains(entity) {
            fixed = fixed.replace(entity, reference);
        }
    }
    let doc = DomParser::new()
        .and_then(|p| p.parse_from_string(&fixed, SupportedType::TextXml))
        .map_err(|_| FeedError::XmlSyntax)?;
    let root = doc.document_element().ok_or(FeedError::XmlSyntax)?;
    if root.local_name() == "parsererror"
        || doc.get_elements_by_tag_name("parsererror").length() > 0
    {
        return Err(FeedError::XmlSyntax);
    }
    let value = match root.local_name().as_str() {
        "rss" => {
            let channel = child(&root, "channel").ok_or(FeedError::XmlFeed)?;
            rss(&channel, &channel)
        }
        // RSS 1.0: items are siblings of the channel.
        "RDF" => {
            let channel = child(&root, "channel").ok_or(FeedError::XmlFeed)?;
            rss(&channel, &root)
        }
        "feed" => atom(&root),
        _ => return Err(FeedError::XmlFeed),
    };
    match value {
        Value::Object(o) => Ok(from_value(&o)),
        _ => Err(FeedError::XmlFeed),
    }
}

fn children(el: &Element) -> Vec<Element> {
    let list = el.children();
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

/// The first child named `name` (any namespace).
fn child(el: &Element, name: &str) -> Option<Element> {
    children(el).into_iter().find(|c| c.local_name() == name)
}

/// The first child named `name` in namespace `ns` (`None`: no namespace).
fn child_ns(el: &Element, ns: Option<&str>, name: &str) -> Option<Element> {
    children(el)
        .into_iter()
        .find(|c| c.local_name() == name && c.namespace_uri().as_deref() == ns)
}

fn text(el: Option<Element>) -> Option<String> {
    el.and_then(|e| e.text_content())
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
}

fn set(o: &mut Map, key: &str, v: Option<String>) {
    if let Some(v) = v {
        o.insert(key.to_string(), Value::String(v));
    }
}

/// `[{"name": name}]`: an item's author.
fn named(name: String) -> Value {
    let mut author = Map::new();
    author.insert("name".into(), Value::String(name));
    Value::Array(vec![Value::Object(author)])
}

/// An `atom:link` (in RSS or Atom) with this `rel`.
fn atom_link(el: &Element, rel: &str) -> Option<String> {
    children(el)
        .into_iter()
        .filter(|c| c.local_name() == "link" && c.namespace_uri().as_deref() == Some(ATOM))
        .find(|c| c.get_attribute("rel").as_deref().unwrap_or("alternate") == rel)
        .and_then(|c| c.get_attribute("href"))
}

fn rss(channel: &Element, items_parent: &Element) -> Value {
    let mut feed = Map::new();
    feed.insert("version".into(), Value::String(VERSION_1_1.into()));
    set(&mut feed, "title", text(child(channel, "title")));
    set(
        &mut feed,
        "home_page_url",
        text(child_ns(channel, None, "link")),
    );
    set(
        &mut feed,
        "description",
        text(child(channel, "description")),
    );
    set(&mut feed, "language", text(child(channel, "language")));
    set(&mut feed, "next_url", atom_link(channel, "next"));
    let items: Vec<Value> = children(items_parent)
        .into_iter()
        .filter(|c| c.local_name() == "item")
        .map(|item| rss_item(&item))
        .collect();
    feed.insert("items".into(), Value::Array(items));
    Value::Object(feed)
}

fn rss_item(item: &Element) -> Value {
    let mut o = Map::new();
    let link = text(child_ns(item, None, "link")).or_else(|| atom_link(item, "alternate"));
    set(
        &mut o,
        "id",
        text(child(item, "guid"))
            .or_else(|| link.clone())
            .or_else(|| item.get_attribute("rdf:about")),
    );
    set(&mut o, "url", link);
    set(&mut o, "title", text(child(item, "title")));
    let description = text(child(item, "description"));
    let encoded = text(child_ns(item, Some(RSS_CONTENT), "encoded"));
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
    set(
        &mut o,
        "date_published",
        text(child(item, "pubDate")).or_else(|| text(child_ns(item, Some(DC), "date"))),
    );
    let tags: Vec<Value> = children(item)
        .into_iter()
        .filter(|c| {
            c.local_name() == "category"
                || (c.local_name() == "subject" && c.namespace_uri().as_deref() == Some(DC))
        })
        .filter_map(|c| text(Some(c)))
        .map(Value::String)
        .collect();
    if !tags.is_empty() {
        o.insert("tags".into(), Value::Array(tags));
    }
    if let Some(name) =
        text(child_ns(item, Some(DC), "creator")).or_else(|| text(child(item, "author")))
    {
        o.insert("authors".into(), named(name));
    }
    let mut image = None;
    let attachments: Vec<Value> = children(item)
        .into_iter()
        .filter(|c| c.local_name() == "enclosure")
        .filter_map(|c| {
            let url = c.get_attribute("url")?;
            let mime = c.get_attribute("type");
            if image.is_none() && mime.as_deref().is_some_and(|m| m.starts_with("image/")) {
                image = Some(url.clone());
            }
            let mut a = Map::new();
            set(&mut a, "url", Some(url));
            set(&mut a, "mime_type", mime);
            set(&mut a, "size_in_bytes", c.get_attribute("length"));
            Some(Value::Object(a))
        })
        .collect();
    if !attachments.is_empty() {
        o.insert("attachments".into(), Value::Array(attachments));
    }
    let thumbnail = children(item)
        .into_iter()
        .find(|c| {
            c.local_name() == "thumbnail"
                || (c.local_name() == "content"
                    && c.get_attribute("medium").as_deref() == Some("image"))
        })
        .and_then(|c| c.get_attribute("url"));
    set(&mut o, "image", thumbnail.or(image));
    Value::Object(o)
}

/// Text of an Atom text construct: HTML types read as text.
fn atom_text(el: Option<Element>) -> Option<String> {
    let el = el?;
    match el.get_attribute("type").as_deref() {
        Some("html") => text(Some(el)).map(|h| html_to_text(&h)),
        _ => text(Some(el)),
    }
}

fn atom(feed_el: &Element) -> Value {
    let mut feed = Map::new();
    feed.insert("version".into(), Value::String(VERSION_1_1.into()));
    set(&mut feed, "title", atom_text(child(feed_el, "title")));
    set(
        &mut feed,
        "description",
        atom_text(child(feed_el, "subtitle")),
    );
    set(&mut feed, "home_page_url", atom_link(feed_el, "alternate"));
    set(&mut feed, "next_url", atom_link(feed_el, "next"));
    set(&mut feed, "language", feed_el.get_attribute("xml:lang"));
    let items: Vec<Value> = children(feed_el)
        .into_iter()
        .filter(|c| c.local_name() == "entry")
        .map(|entry| {
            let mut o = Map::new();
            let url = atom_link(&entry, "alternate");
            set(
                &mut o,
                "id",
                text(child(&entry, "id")).or_else(|| url.clone()),
            );
            set(&mut o, "url", url);
            set(&mut o, "title", atom_text(child(&entry, "title")));
            set(&mut o, "summary", atom_text(child(&entry, "summary")));
            if let Some(c) = child(&entry, "content") {
                let kind = c.get_attribute("type").unwrap_or_else(|| "text".into());
                let body = if kind == "xhtml" {
                    children(&c).first().map(|d| d.inner_html())
                } else {
                    text(Some(c))
                };
                let key = if kind == "text" {
                    "content_text"
                } else {
                    "content_html"
                };
                set(&mut o, key, body);
            }
            set(&mut o, "date_published", text(child(&entry, "published")));
            set(&mut o, "date_modified", text(child(&entry, "updated")));
            let tags: Vec<Value> = children(&entry)
                .into_iter()
                .filter(|c| c.local_name() == "category")
                .filter_map(|c| c.get_attribute("label").or_else(|| c.get_attribute("term")))
                .map(Value::String)
                .collect();
            if !tags.is_empty() {
                o.insert("tags".into(), Value::Array(tags));
            }
            if let Some(name) = child(&entry, "author").and_then(|a| text(child(&a, "name"))) {
                o.insert("authors".into(), named(name));
            }
            let attachments: Vec<Value> = children(&entry)
                .into_iter()
                .filter(|c| {
                    c.local_name() == "link"
                        && c.get_attribute("rel").as_deref() == Some("enclosure")
                })
                .filter_map(|c| {
                    let mut a = Map::new();
                    set(&mut a, "url", Some(c.get_attribute("href")?));
                    set(&mut a, "mime_type", c.get_attribute("type"));
                    set(&mut a, "title", c.get_attribute("title"));
                    set(&mut a, "size_in_bytes", c.get_attribute("length"));
                    Some(Value::Object(a))
                })
                .collect();
            if !attachments.is_empty() {
                o.insert("attachments".into(), Value::Array(attachments));
            }
            if let Some(img) = children(&entry)
                .into_iter()
                .find(|c| c.local_name() == "thumbnail")
                .and_then(|c| c.get_attribute("url"))
            {
                o.insert("image".into(), Value::String(img));
            }
            Value::Object(o)
        })
        .collect();
    feed.insert("items".into(), Value::Array(items));
    Value::Object(feed)
}

/// The text of an XML body: UTF-8, or the encoding its declaration names
/// (`<?xml … encoding="gb2312"?>`, common on Chinese CMSs), decoded by the
/// browser's `TextDecoder`.
pub fn xml_text(bytes: &[u8]) -> Result<String, FeedError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]).to_ascii_lowercase();
    let declared = head
        .split("encoding=")
        .nth(1)
        .and_then(|r| r.trim_start_matches(['"', '\'']).split(['"', '\'']).next())
        .map(str::to_string);
    match declared.as_deref() {
        None | Some("utf-8" | "utf8") => std::str::from_utf8(bytes)
            .map(str::to_string)
            .map_err(|_| FeedError::Encoding(super::Encoding::Unknown)),
        Some(label) => web_sys::TextDecoder::new_with_label(label)
            .and_then(|d| d.decode_with_u8_array(bytes))
            .map_err(|_| FeedError::Encoding(super::Encoding::Unknown)),
    }
}
