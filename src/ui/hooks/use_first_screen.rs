//! The first screen kept for the next page view: after the widget draws its
//! list as it starts (no filter, no article, the first page, nothing new),
//! the markup it drew is kept beside the last good copy of its feed, under
//! the instance's fingerprint; the loader paints it at once on the next
//! page view, and the widget takes it over (`crate::ui::entry`).

use super::remembered::{remembered_raw, ELDER_KEY, TEXT_SIZE_KEY};
use crate::app::config::{Config, ATTRIBUTES, DATA_PREFIX, ELEMENT, HOST_SELECTOR};
use crate::app::fragment::{Screen, VERSION};
use crate::app::query::Filter;
use crate::app::state::{Load, State};
use crate::app::urlstate::ViewState;
use crate::model::url::absolute_feed_url;
use crate::ui::browser::schedule::after_paint;
use crate::ui::net::cache;
use js_sys::{Array, Object, Reflect, JSON};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Node};
use yew::prelude::*;

/// Whether `state` shows the screen a widget configured by `config` starts
/// on, drawn from one feed whose bodies' digest is known: the screen the
/// takeover of a kept copy draws again.
pub fn is_first_screen(config: &Config, state: &State) -> bool {
    let start = ViewState {
        filter: Filter {
            category: config.category.as_deref().map(Rc::from),
            ..Filter::default()
        },
        open: None,
    };
    matches!(state.load, Load::Loaded(_))
        && config.feeds.len() == 1
        && state.data_at.is_some()
        && state.digest.is_some_and(|d| d != 0)
        && !state.refreshing
        && state.new_items == 0
        && state.source_errors.is_empty()
        && state.pages == 1
        && state.extra_rows == 0
        && state.paging.extra.is_empty()
        && !state.filters_open
        && state.view_state() == start
}

/// Keeps the first screen once it is painted, each time it is drawn anew
/// (new data, another look), at the clock `now` it was drawn at.
#[hook]
pub fn use_first_screen(config: &Rc<Config>, state: &State, section: &NodeRef, now: i64) {
    let first = is_first_screen(config, state);
    let deps = (
        first.then_some((state.data_at, state.digest)),
        state.elder,
        state.text_size,
        config.clone(),
    );
    let section = section.clone();
    use_effect_with(deps, move |(shown, _, _, config)| {
        let pending = shown.and_then(|(at, digest)| {
            let screen = Screen {
                at: at?,
                now,
                digest: digest?,
            };
            let feeds = config.feeds.clone();
            // (After the copy itself is kept, which waits for the same paint.)
            Some(after_paint(move || {
                if cache::holds(&feeds, screen.digest) {
                    keep(&section, screen);
                }
            }))
        });
        move || drop(pending)
    });
}

/// Keeps the markup of the container `section` is drawn in.
fn keep(section: &NodeRef, screen: Screen) {
    let Some(section) = section.cast::<Element>() else {
        return;
    };
    let (Some(container), Some(host)) = (section.parent_element(), host_of(&section)) else {
        return;
    };
    let Some(print) = screen_print(&host) else {
        return;
    };
    let nodes = Array::new();
    for n in children(&container) {
        if let Some(t) = tree(&n) {
            nodes.push(&t);
        }
    }
    match JSON::stringify(&nodes).ok().and_then(|j| j.as_string()) {
        Some(markup) => cache::keep_screen(&print, screen, &markup),
        None => cache::drop_screen(&print),
    }
}

/// The element the widget is embedded in: its shadow root's host, or (with
/// `no-shadow`) the nearest host around it.
fn host_of(section: &Element) -> Option<Element> {
    match section.get_root_node().dyn_into::<web_sys::ShadowRoot>() {
        Ok(root) => Some(root.host()),
        Err(_) => section.closest(HOST_SELECTOR).ok().flatten(),
    }
}

fn children(node: &Node) -> impl Iterator<Item = Node> {
    let list = node.child_nodes();
    (0..list.length()).filter_map(move |i| list.item(i))
}

/// A node as the loader builds it: `[tag, {attributes}, child, …]`, text
/// as a string; comments left out.
fn tree(node: &Node) -> Option<JsValue> {
    if node.node_type() == Node::TEXT_NODE {
        return node.text_content().map(JsValue::from);
    }
    let element = node.dyn_ref::<Element>()?;
    let attributes = Object::new();
    for name in element.get_attribute_names().iter() {
        if let Some(n) = name.as_string() {
            let value = element.get_attribute(&n).unwrap_or_default();
            let _ = Reflect::set(&attributes, &name, &value.into());
        }
    }
    let out = Array::of2(&element.local_name().into(), &attributes);
    for child in children(node) {
        if let Some(t) = tree(&child) {
            out.push(&t);
        }
    }
    Some(out.into())
}

/// The fingerprint of the instance on `host`: the JSON of its version, the
/// page's language, its feeds (absolute), each of its attributes and the
/// reader's remembered choices, all as the loader reads them
/// (`screenKey` in loader/district-bulletin.js, the same recipe).
pub fn screen_print(host: &Element) -> Option<String> {
    let prefix = if host.tag_name().eq_ignore_ascii_case(ELEMENT) {
        ""
    } else {
        DATA_PREFIX
    };
    let text = |v: Option<String>| v.map_or(JsValue::NULL, JsValue::from);
    let get = |name: &str| host.get_attribute(&format!("{prefix}{name}"));
    let page_lang = host
        .closest("[lang]")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("lang"));
    let config = Config::from_attributes(get);
    let feeds: Array = config
        .feeds
        .iter()
        .map(|f| text(absolute_feed_url(f)))
        .collect();
    let parts = Array::of3(&VERSION.into(), &text(page_lang), &feeds);
    for a in ATTRIBUTES {
        parts.push(&text(get(a.name)));
    }
    parts.push(&text(remembered_raw(ELDER_KEY)));
    parts.push(&text(remembered_raw(TEXT_SIZE_KEY)));
    JSON::stringify(&parts).ok()?.as_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::load::Batch;

    fn loaded(config: &Config) -> State {
        let feed = crate::model::feed::parse_feed(
            br#"{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{"id":"a","title":"t"}]}"#,
        )
        .expect("feed");
        State::initial(
            config,
            ViewState::default(),
            Default::default(),
            Some(crate::app::state::Head::Answer(Ok(Batch {
                feed: Some(feed),
                at: 1000,
                failed: Vec::new(),
                fetched: Vec::new(),
                next: Vec::new(),
                digest: 7,
            }))),
        )
    }

    #[test]
    fn only_the_starting_screen_of_one_feed_is_kept() {
        let config = Config::for_feeds(&["https://example.org/feed.json"]);
        let s = loaded(&config);
        assert!(is_first_screen(&config, &s));
        let mut filtered = s.clone();
        filtered.filter.query = "工地".into();
        assert!(!is_first_screen(&config, &filtered), "a filtered list");
        let mut more = s.clone();
        more.pages = 2;
        assert!(!is_first_screen(&config, &more), "a second page");
        let mut news = s.clone();
        news.new_items = 1;
        assert!(!is_first_screen(&config, &news), "the new-items notice");
        let mut unknown = s.clone();
        unknown.digest = Some(0);
        assert!(!is_first_screen(&config, &unknown), "a fragment's data");
        let two = Config::for_feeds(&["https://a.org/1.json", "https://a.org/2.json"]);
        assert!(!is_first_screen(&two, &loaded(&two)), "several feeds");
        let before = State::initial(&config, ViewState::default(), Default::default(), None);
        assert!(!is_first_screen(&config, &before), "still loading");
    }
}
