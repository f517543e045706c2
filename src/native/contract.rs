//! The contract between the loader (`loader/district-bulletin.js`) and the
//! widget, written once, in Rust: the version, the attribute names, the
//! boolean rule, the element and marker names, the early requests' options,
//! the language table, the classes, where 长者模式 and the first screen are
//! kept (and the value that means on), and the markup of the placeholder
//! and of the failure message, rendered by the widget's own components. The build (`district-bulletin contract`, called by
//! `scripts/bundle-loader.mjs`) writes it into the loader as JSON, so the
//! loader lists none of it by hand.

use crate::app::config::{
    Config, TextSize, Theme, ATTRIBUTES, COMPACT_CLASS, DATA_MARKER, DATA_PREFIX, ELEMENT,
    FALSE_WORDS, HOST_SELECTOR, MAX_FEEDS,
};
use crate::app::fragment::{
    CONTAINER_CLASS, SCREEN_ATTR, SCREEN_HOOK, SNAPSHOT_CLASS, VERSION, VERSION_ATTR,
};
use crate::app::i18n::{Lang, LANGS, PRIMARY_TAGS};
use crate::native::ssr::{light_stylesheet, render, stylesheet, LIGHT_ATTR};
use crate::ui::components::{App, AppProps, Start, Unavailable, UnavailableProps, STATIC_CLASS};
use crate::ui::hooks::{ELDER_KEY, ELDER_ON, TEXT_SIZE_KEY};
use crate::ui::net::cache::{MAX_SCREENS, MAX_SCREEN_CHARS, SCREEN_INDEX, SCREEN_PREFIX};
use crate::ui::net::fetch::{REQUEST_CACHE, REQUEST_CREDENTIALS};
use serde_json::{json, Map, Value};
use std::rc::Rc;

/// The text the placeholder's title holds; the loader puts the `heading`
/// attribute (or a blank) in its place.
pub const HEADING_SLOT: &str = "\u{E000}";

/// The name of the Trusted Types policy the loader parses a `fragment`
/// file through (a page that lists its allowed policies adds it).
pub const POLICY: &str = "district-bulletin";

/// Markup as the loader builds it: `[tag, {attributes}, child, …]`, text
/// as strings. (The loader creates elements one by one: no HTML parsing in
/// the page, so nothing for a Trusted Types policy to refuse.)
fn tree(html: &str) -> Value {
    let wrapped = format!("<t>{html}</t>");
    let doc = roxmltree::Document::parse(&wrapped)
        .unwrap_or_else(|e| panic!("the widget's own markup is well-formed XML: {e}\n{html}"));
    let mut nodes: Vec<Value> = doc.root_element().children().filter_map(node).collect();
    match nodes.len() {
        1 => nodes.remove(0),
        _ => Value::Array(nodes),
    }
}

fn node(n: roxmltree::Node) -> Option<Value> {
    if n.is_text() {
        return n.text().map(|t| Value::String(t.to_string()));
    }
    if !n.is_element() {
        return None;
    }
    let attributes: Map<String, Value> = n
        .attributes()
        .map(|a| (a.name().to_string(), Value::String(a.value().to_string())))
        .collect();
    let mut out = vec![json!(n.tag_name().name()), Value::Object(attributes)];
    out.extend(n.children().filter_map(node));
    Some(Value::Array(out))
}

/// The widget's loading state as it first renders, before any feed: the
/// same markup the loader shows while the wasm loads, so nothing moves when
/// the widget takes over.
fn placeholder(lang: Lang, header: bool, elder: bool) -> Value {
    let config = Config {
        lang: Some(lang),
        heading: Some(HEADING_SLOT.to_string()),
        no_header: !header,
        elder,
        ..Config::for_feeds(&["feed.json"])
    };
    let props = AppProps {
        config: Rc::new(config),
        page_lang: None,
        state_key: None,
        start: Start::default(),
    };
    tree(&render::<App>(props))
}

/// The contract, as the loader reads it.
pub fn loader_contract() -> Value {
    let per_lang = |f: &dyn Fn(Lang) -> Value| -> Map<String, Value> {
        LANGS
            .iter()
            .map(|&l| (l.messages().lang.to_string(), f(l)))
            .collect()
    };
    let langs: Map<String, Value> = PRIMARY_TAGS
        .iter()
        .map(|(tag, l)| (tag.to_string(), json!(l.messages().lang)))
        .collect();
    let themes: Map<String, Value> = [Theme::Dark, Theme::Auto]
        .iter()
        .map(|t| (format!("{t:?}").to_ascii_lowercase(), json!(t.class())))
        .collect();
    let sizes: Map<String, Value> = TextSize::ALL
        .iter()
        .filter_map(|t| Some((t.word().to_string(), json!(t.class()?))))
        .collect();
    json!({
        "version": VERSION,
        "element": ELEMENT,
        "marker": DATA_MARKER,
        "prefix": DATA_PREFIX,
        "selector": HOST_SELECTOR,
        "attributes": ATTRIBUTES.iter().map(|a| a.name).collect::<Vec<_>>(),
        "falseWords": FALSE_WORDS,
        "maxFeeds": MAX_FEEDS,
        "request": { "cache": REQUEST_CACHE, "credentials": REQUEST_CREDENTIALS },
        "langs": langs,
        "defaultLang": Lang::default().messages().lang,
        "elderKey": ELDER_KEY,
        "elderOn": ELDER_ON,
        "screen": {
            "prefix": SCREEN_PREFIX, "index": SCREEN_INDEX, "max": MAX_SCREENS,
            "maxChars": MAX_SCREEN_CHARS, "attr": SCREEN_ATTR, "hook": SCREEN_HOOK,
        },
        "policy": POLICY,
        "themes": themes,
        "compactClass": COMPACT_CLASS,
        "textSizeKey": TEXT_SIZE_KEY,
        "textSizes": sizes,
        "headingSlot": HEADING_SLOT,
        "placeholder": per_lang(&|l| json!({
            "header": placeholder(l, true, false),
            "header-elder": placeholder(l, true, true),
            "bare": placeholder(l, false, false),
            "bare-elder": placeholder(l, false, true),
        })),
        "failure": per_lang(&|l| tree(&render::<Unavailable>(UnavailableProps { lang: l }))),
        "css": stylesheet(),
        "lightCss": light_stylesheet(),
        "lightAttr": LIGHT_ATTR,
        "container": CONTAINER_CLASS,
        "staticClass": STATIC_CLASS,
        "snapshot": { "class": SNAPSHOT_CLASS, "version": VERSION_ATTR },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_placeholder_is_the_loading_state_with_the_header() {
        let c = loader_contract();
        let zh = c["placeholder"]["zh-CN"]["header"].to_string();
        for part in [
            "\"section\"",
            "db-header",
            HEADING_SLOT,
            "长者模式",
            "aria-pressed\":\"false",
            "db-loading",
            "aria-live\":\"polite",
            "正在加载…",
            "db-skeleton",
        ] {
            assert!(zh.contains(part), "{part} in {zh}");
        }
        let elder = c["placeholder"]["zh-CN"]["header-elder"].to_string();
        assert!(elder.contains("db-elder") && elder.contains("aria-pressed\":\"true"));
        let bare = c["placeholder"]["en"]["bare"].to_string();
        assert!(!bare.contains("db-header") && bare.contains("Loading…"));
        assert!(c["failure"]["zh-CN"]
            .to_string()
            .contains("信息组件加载失败"));
    }

    #[test]
    fn the_loader_reads_only_attributes_the_contract_names() {
        // The loader reads a few attributes itself (when to start, what the
        // placeholder shows); each of those names must be the widget's.
        let loader = include_str!("../../loader/district-bulletin.js");
        // Every `attr(host, "…")` / `flag(host, "…")` / `flag(this.host, "…")`.
        let read: Vec<&str> = loader
            .split("host, \"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect();
        assert!(read.len() >= 6, "found the loader's reads: {read:?}");
        for name in &read {
            assert!(
                ATTRIBUTES.iter().any(|a| a.name == *name),
                "the loader reads {name:?}, which is not in config::ATTRIBUTES"
            );
        }
        // And lists none of them by hand.
        assert!(
            !loader.contains("\"page-size\""),
            "an attribute list in the loader"
        );
    }

    #[test]
    fn the_attributes_and_rules_come_from_config() {
        let c = loader_contract();
        assert_eq!(c["attributes"][0], "feed");
        assert!(c["attributes"]
            .as_array()
            .is_some_and(|a| a.iter().any(|n| n == "eager")));
        assert_eq!(c["falseWords"], json!(FALSE_WORDS));
        assert_eq!(c["langs"]["en"], "en");
        assert_eq!(c["themes"]["dark"], "db-theme-dark");
        assert_eq!(c["request"]["cache"], "no-cache");
        assert_eq!(c["version"], env!("CARGO_PKG_VERSION"));
        assert_eq!(c["elderOn"], "1");
        // The host selector finds the widget in a fetched `fragment` file.
        assert_eq!(c["selector"], HOST_SELECTOR);
        // Where and how the loader keeps a first screen, and how the widget asks.
        assert_eq!(c["screen"]["prefix"], SCREEN_PREFIX);
        assert_eq!(c["screen"]["max"], MAX_SCREENS);
        assert_eq!(c["screen"]["hook"], SCREEN_HOOK);
    }
}
