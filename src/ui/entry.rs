//! The wasm side of embedding: the loader (`loader/district-bulletin.js`)
//! creates each instance's shadow root and calls [`Widget`] to render in it.
//! Everything the first render needs from the browser (the clock, the URL
//! hash, the reader's remembered choices, a head start) is read here, so the
//! render itself reads none of it.

use crate::app::config::{Config, DATA_PREFIX, ELEMENT, HOST_SELECTOR};
use crate::app::fragment::{self, Meta, Screen, SCREEN_ATTR, SNAPSHOT_CLASS};
use crate::app::i18n::Lang;
use crate::app::load::Purpose;
use crate::app::state::Head;
use crate::model::url::absolute_feed_url;
use crate::ui::components::{App, AppProps, Start, SEARCH_INPUT_CLASS};
use crate::ui::hooks::{browser_now, linked_view, remembered, tell_loader};
use crate::ui::net::{cache, early, load::load_feeds};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::AppHandle;

/// Where an instance stands.
enum Slot {
    /// Its first round is being fetched; it mounts with the answer. Until
    /// then the loader's placeholder (the same markup as the widget's own
    /// loading state) stays, so no skeleton is rendered, laid out and
    /// replaced: the first render is the rows.
    Fetching {
        container: Element,
        props: AppProps,
    },
    Mounted(AppHandle<App>),
    Destroyed,
}

/// One widget instance, owned by the loader.
#[wasm_bindgen]
pub struct Widget {
    slot: Rc<RefCell<Slot>>,
}

/// Reads the instance's settings from its host element: plain attribute
/// names on `<district-bulletin>`, `data-` names on any other element.
fn props_from(host: &Element) -> AppProps {
    let prefix = if host.tag_name().eq_ignore_ascii_case(ELEMENT) {
        ""
    } else {
        DATA_PREFIX
    };
    let config = Config::from_attributes(|name| host.get_attribute(&format!("{prefix}{name}")));
    // The page's language: the nearest `lang` at or above the host.
    let page_lang = host
        .closest("[lang]")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("lang"))
        .as_deref()
        .and_then(Lang::from_tag);
    AppProps {
        config: Rc::new(config),
        page_lang,
        state_key: Some(state_key(host)),
        start: Start::default(),
    }
}

/// The instance's name in the URL hash: its `id`, else `db1`, `db2`, … by
/// position among the widgets on the page (stable across reloads).
fn state_key(host: &Element) -> String {
    if let Some(k) = crate::app::urlstate::sanitize_key(&host.id()) {
        return k;
    }
    let position = host
        .owner_document()
        .and_then(|d| d.query_selector_all(HOST_SELECTOR).ok())
        .and_then(|all| {
            (0..all.length()).find(|&i| all.item(i).is_some_and(|n| n.is_same_node(Some(host))))
        })
        .unwrap_or(0);
    format!("db{}", position + 1)
}

#[wasm_bindgen]
impl Widget {
    /// Renders a widget into `container` (inside the host's shadow root),
    /// configured by `host`'s attributes.
    #[wasm_bindgen(constructor)]
    pub fn new(host: &Element, container: Element) -> Widget {
        install_panic_hook();
        let props = props_from(host);
        let feeds = props.config.feeds.clone();
        // Without a feed the widget mounts to say so.
        if feeds.is_empty() {
            return Widget::mounted(container, props, None);
        }
        // A pre-rendered page: the widget takes over at once, on the feed
        // the page carries, at the render's clock (the same markup, so
        // nothing moves); it asks for the feed only when the page is stale.
        // The first screen kept from the last page view, painted by the
        // loader: taken over the same way, on the copy it was drawn from,
        // then refreshed.
        let taken =
            prerendered(host, &container, &props).or_else(|| kept_screen(&container, &props));
        if let Some(start) = taken {
            return Widget {
                slot: Rc::new(RefCell::new(Slot::Mounted(render(container, props, start)))),
            };
        }
        // With a last good copy it mounts at once and shows it (rows in the
        // first render) while the network answers, unless a good answer is
        // already in: showing the copy first would mean parsing and drawing
        // twice.
        let answered = feeds
            .iter()
            .all(|f| absolute_feed_url(f).is_some_and(|u| early::answered(&u)));
        if let Some((feed, at)) = (!answered).then(|| cache::kept_feed(&feeds)).flatten() {
            return Widget::mounted(container, props, Some(Head::Kept { feed, at }));
        }
        let timeout_ms = props.config.timeout_ms();
        let purpose = Purpose::First {
            stale_days: props.config.column.days(),
        };
        let slot = Rc::new(RefCell::new(Slot::Fetching { container, props }));
        let waiting = slot.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let answer = load_feeds(&feeds, timeout_ms, None, purpose, None).await;
            let mut slot = waiting.borrow_mut();
            // Only while still waiting: not destroyed, nor mounted meanwhile
            // for another feed.
            *slot = match std::mem::replace(&mut *slot, Slot::Destroyed) {
                Slot::Fetching { container, props } => {
                    Slot::Mounted(mount(container, props, Some(Head::Answer(answer))))
                }
                other => other,
            };
        });
        Widget { slot }
    }

    /// A widget mounted now, with `props`.
    fn mounted(container: Element, props: AppProps, head: Option<Head>) -> Widget {
        Widget {
            slot: Rc::new(RefCell::new(Slot::Mounted(mount(container, props, head)))),
        }
    }

    /// Re-reads the host's attributes (after one changed).
    pub fn update(&mut self, host: &Element) {
        let new = props_from(host);
        let mut slot = self.slot.borrow_mut();
        match std::mem::replace(&mut *slot, Slot::Destroyed) {
            Slot::Mounted(mut h) => {
                h.update(new);
                *slot = Slot::Mounted(h);
            }
            // Another feed: the answer awaited is of no use any more (and
            // may be slow in coming); the widget mounts and fetches the new one.
            Slot::Fetching { container, props } if props.config.feeds != new.config.feeds => {
                *slot = Slot::Mounted(mount(container, new, None));
            }
            Slot::Fetching { container, .. } => {
                *slot = Slot::Fetching {
                    container,
                    props: new,
                }
            }
            Slot::Destroyed => {}
        }
    }

    /// Tears the instance down: its components, effects and DOM.
    pub fn destroy(&mut self) {
        if let Slot::Mounted(h) = std::mem::replace(&mut *self.slot.borrow_mut(), Slot::Destroyed) {
            h.destroy();
        }
    }
}

/// What the widget starts from, read from the browser now: the clock, the
/// view in the URL hash, the reader's remembered choices, and `head`.
pub fn browser_start(state_key: Option<&str>, head: Option<Head>) -> Start {
    Start {
        now: browser_now(),
        linked: linked_view(state_key),
        remembered: remembered(),
        head: head.map(Rc::new),
        ..Start::default()
    }
}

/// Renders the widget into `container` in place of the loader's placeholder.
fn mount(container: Element, props: AppProps, head: Option<Head>) -> AppHandle<App> {
    let mut start = browser_start(props.state_key.as_deref(), head);
    start.typed = typed(&container);
    render(container, props, start)
}

/// Renders the widget from `start` into `container`, in place of what it
/// holds. (Yew renders in a microtask of this same task, so no frame shows
/// the container empty.)
fn render(container: Element, mut props: AppProps, start: Start) -> AppHandle<App> {
    props.start = start;
    container.set_text_content(None);
    yew::Renderer::<App>::with_root_and_props(container, props).render()
}

/// How to start from a pre-rendered page, if `host` is one whose snapshot
/// this version reads: the snapshot's feed at the render's clock, a refresh
/// at once when the page is stale, and whatever the reader typed into its
/// search box before the takeover.
fn prerendered(host: &Element, container: &Element, props: &AppProps) -> Option<Start> {
    // (A `<script>` in a pre-rendered page; the hidden element the loader
    // puts in for a `fragment` file.)
    let script = host.query_selector(&format!(".{SNAPSHOT_CLASS}")).ok()??;
    let meta = Meta::read(|name| script.get_attribute(name))?;
    let feed_url = match props.config.feeds.as_slice() {
        [one] => absolute_feed_url(one),
        _ => None,
    };
    let head = fragment::head(&meta, &script.text_content()?, feed_url.as_deref())?;
    let mut start = browser_start(props.state_key.as_deref(), Some(head));
    start.refresh = !meta.is_fresh(start.now);
    start.now = meta.rendered_at;
    start.typed = typed(container);
    Some(start)
}

/// How to start from the first screen the loader painted from the kept
/// copy (its container marked with [`SCREEN_ATTR`]): that copy's feed, at
/// the clock the screen was drawn at, refreshed at once. A screen whose copy
/// is gone or changed is forgotten (the widget mounts as usual).
fn kept_screen(container: &Element, props: &AppProps) -> Option<Start> {
    let line = container.get_attribute(SCREEN_ATTR)?;
    let _ = container.remove_attribute(SCREEN_ATTR);
    let kept =
        Screen::read(&line).and_then(|s| Some((s, cache::screen_feed(&props.config.feeds, s)?)));
    let Some((screen, (feed, url))) = kept else {
        tell_loader(container, None);
        return None;
    };
    let head = fragment::answer(feed, screen.at, Some(&url), screen.digest);
    let mut start = browser_start(props.state_key.as_deref(), Some(head));
    start.refresh = true;
    start.now = screen.now;
    start.typed = typed(container);
    Some(start)
}

/// What a reader typed into the search box of the markup the widget is
/// about to replace (a pre-rendered page's, also while the widget fetches
/// a feed too large to ride along), and whether the box has the focus.
fn typed(container: &Element) -> Option<(String, bool)> {
    container
        .query_selector(&format!(".{SEARCH_INPUT_CLASS}"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|input| {
            // In a shadow root its own active element; a `no-shadow`
            // widget's box is the document's.
            let root = container.get_root_node();
            let active = match root.dyn_ref::<web_sys::ShadowRoot>() {
                Some(shadow) => shadow.active_element(),
                None => root
                    .dyn_ref::<web_sys::Document>()
                    .and_then(|d| d.active_element()),
            };
            let focused = active.is_some_and(|a| a.is_same_node(Some(&input)));
            (input.value(), focused)
        })
        .filter(|(text, _)| !text.is_empty())
}

/// Bytes of linear memory the wasm instance holds (for benchmarks and diagnostics).
#[wasm_bindgen(js_name = memoryBytes)]
pub fn memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .ok()
        .and_then(|m| m.buffer().dyn_into::<js_sys::ArrayBuffer>().ok())
        .map_or(0.0, |b| f64::from(b.byte_length()))
}

/// If the widget ever panics (it should not: outside data never meets an
/// `unwrap`), the wasm instance is dead for every widget on the page. Rather
/// than leave frozen boxes, replace each one with a readable message, and
/// log the details for the webmaster.
fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        yew::set_custom_panic_hook(Box::new(|info| {
            web_sys::console::error_1(&format!("[district-bulletin] internal error: {info}").into());
            let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
                return;
            };
            let Ok(hosts) = doc.query_selector_all(HOST_SELECTOR) else {
                return;
            };
            for i in 0..hosts.length() {
                let root = hosts
                    .item(i)
                    .and_then(|n| n.dyn_into::<Element>().ok())
                    .and_then(|h| {
                        // In its shadow root, or (`no-shadow`) a child of the host.
                        let selector = format!(":scope > .{}", fragment::CONTAINER_CLASS);
                        match h.shadow_root() {
                            Some(r) => r.query_selector(&selector).ok().flatten(),
                            None => h.query_selector(&selector).ok().flatten(),
                        }
                    });
                if let Some(root) = root {
                    root.set_inner_html("");
                    if let Ok(section) = doc.create_element("section") {
                        section.set_class_name("db");
                        if let Ok(p) = doc.create_element("p") {
                            p.set_class_name("db-status db-error");
                            p.set_attribute("role", "alert").ok();
                            p.set_text_content(Some("信息组件出现内部错误，请刷新页面。An internal error stopped the news widget; please reload the page."));
                            let _ = section.append_child(&p);
                        }
                        let _ = root.append_child(&section);
                    }
                }
            }
        }));
    });
}
