//! Feed HTML → the widget's own DOM, by the allow-list in [`super::policy`].
//!
//! The feed's string is parsed by the browser's `DOMParser` into a separate,
//! inert document: nothing in it runs, loads or navigates. The walk over it
//! is iterative (no recursion, so no stack to overflow) and builds fresh
//! elements in the page's document with only allowed tags and attributes;
//! the feed's string is never assigned to `innerHTML`.

use super::policy::{
    attr_allowed, image_scheme_ok, link_scheme_ok, small_number, tag_rule, TagRule, MAX_DEPTH,
    MAX_NODES,
};
use crate::model::url::resolve;
use wasm_bindgen::JsCast;
use web_sys::{Document, DomParser, Element, Node, SupportedType};

/// Builds a `<div class="db-article-html">` holding the safe rendering of
/// `html`; relative URLs resolve against `base` (the feed's URL). `None`
/// when nothing readable remains.
pub fn sanitize(html: &str, base: &str) -> Option<Element> {
    let window = web_sys::window()?;
    let out: Document = window.document()?;
    let https_page = window.location().protocol().ok().as_deref() == Some("https:");
    let parsed = DomParser::new()
        .ok()?
        .parse_from_string(html, SupportedType::TextHtml)
        .ok()?;
    let body = parsed.body()?;
    let root = out.create_element("div").ok()?;
    root.set_class_name("db-article-html");

    // (source node, destination parent, depth), children pushed in reverse
    // so they come off the stack in document order.
    let mut stack: Vec<(Node, Element, usize)> = Vec::new();
    push_children(&mut stack, &body, &root, 0);
    let mut count = 0;
    let mut readable = false;
    while let Some((node, dest, depth)) = stack.pop() {
        count += 1;
        if count > MAX_NODES {
            break;
        }
        match node.node_type() {
            Node::TEXT_NODE => {
                let text = node.node_value().unwrap_or_default();
                readable |= !text.trim().is_empty();
                let _ = dest.append_child(&out.create_text_node(&text));
            }
            Node::ELEMENT_NODE => {
                let Some(el) = node.dyn_ref::<Element>() else {
                    continue;
                };
                match tag_rule(&el.local_name()) {
                    TagRule::Drop => {}
                    TagRule::Unwrap => push_children(&mut stack, &node, &dest, depth),
                    TagRule::Keep(_) if depth >= MAX_DEPTH => {
                        push_children(&mut stack, &node, &dest, depth)
                    }
                    TagRule::Keep(tag) => {
                        let Some(copy) = rebuild(&out, el, tag, base, https_page) else {
                            // An image without a safe source: keep its alt text.
                            if let Some(alt) =
                                el.get_attribute("alt").filter(|a| !a.trim().is_empty())
                            {
                                let _ = dest.append_child(&out.create_text_node(&alt));
                            }
                            continue;
                        };
                        readable |= tag == "img";
                        let _ = dest.append_child(&copy);
                        push_children(&mut stack, &node, &copy, depth + 1);
                    }
                }
            }
            // Comments, processing instructions, doctypes: nothing.
            _ => {}
        }
    }
    readable.then_some(root)
}

fn push_children(
    stack: &mut Vec<(Node, Element, usize)>,
    node: &Node,
    dest: &Element,
    depth: usize,
) {
    let children = node.child_nodes();
    for i in (0..children.length()).rev() {
        if let Some(child) = children.item(i) {
            stack.push((child, dest.clone(), depth));
        }
    }
}

/// A fresh `tag` element with the allowed attributes of `src`; `None` for an
/// image whose source is not safe.
fn rebuild(
    out: &Document,
    src: &Element,
    tag: &str,
    base: &str,
    https_page: bool,
) -> Option<Element> {
    let el = out.create_element(tag).ok()?;
    match tag {
        "a" => {
            let href = src
                .get_attribute("href")
                .and_then(|h| resolve(&h, base))
                .filter(|(scheme, _)| link_scheme_ok(scheme));
            if let Some((_, href)) = href {
                let _ = el.set_attribute("href", &href);
                let _ = el.set_attribute("target", "_blank");
                let _ = el.set_attribute("rel", "noopener noreferrer nofollow");
            }
        }
        "img" => {
            let (scheme, url) = src
                .get_attribute("src")
                .and_then(|s| resolve(&s, base))
                .filter(|(scheme, _)| image_scheme_ok(scheme))?;
            // Mixed content: an http: image on an https: page is upgraded.
            let url = match url.strip_prefix("http:") {
                Some(rest) if https_page && scheme == "http:" => format!("https:{rest}"),
                _ => url,
            };
            // Lazy before src, so an image far down the article is not fetched early.
            let _ = el.set_attribute("loading", "lazy");
            let _ = el.set_attribute("decoding", "async");
            let _ = el.set_attribute("referrerpolicy", "no-referrer");
            let _ = el.set_attribute("alt", src.get_attribute("alt").as_deref().unwrap_or(""));
            for dim in ["width", "height"] {
                if let Some(n) = src
                    .get_attribute(dim)
                    .as_deref()
                    .and_then(|v| small_number(v, 4000))
                {
                    let _ = el.set_attribute(dim, &n.to_string());
                }
            }
            let _ = el.set_attribute("src", &url);
            return Some(el);
        }
        _ => {}
    }
    for name in src
        .get_attribute_names()
        .iter()
        .filter_map(|n| n.as_string())
    {
        if name == "href" || name == "src" || !attr_allowed(tag, &name) {
            continue;
        }
        if let Some(value) = src.get_attribute(&name) {
            let value = match name.as_str() {
                "colspan" | "rowspan" | "start" => match small_number(&value, 1000) {
                    Some(n) => n.to_string(),
                    None => continue,
                },
                _ => value,
            };
            let _ = el.set_attribute(&name, &value);
        }
    }
    Some(el)
}
