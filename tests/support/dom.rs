//! DOM helpers for the browser tests: mount the real widget, query, click,
//! type, choose, and wait on a condition with a deadline (never a fixed sleep).

#![allow(dead_code)]

use district_bulletin::ui::components::{App, AppProps};
use gloo::timers::future::TimeoutFuture;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

pub const SEED: &str = "/feeds/seed.json";

#[wasm_bindgen(inline_js = r#"
export async function adopt_widget_styles() {
  if (window.__dbStyles) return;
  const css = await (await fetch("/styles/widget.css")).text();
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  window.__dbStyles = true;
}
export function hold_fetches_of(part) {
  const original = window.fetch;
  window.__held = [];
  window.fetch = function (...args) {
    if (!String(args[0]).includes(part)) return original.apply(this, args);
    // Never answered, but aborted as a real request is: by its signal.
    const signal = args[1] && args[1].signal;
    window.__held.push(signal);
    return new Promise((_, reject) => {
      if (signal) signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
    });
  };
  return () => { window.fetch = original; };
}
export function held_requests() { return window.__held.length; }
export function held_aborted() { return window.__held.filter(s => s && s.aborted).length; }
"#)]
extern "C" {
    /// The widget's stylesheet on the test page (the widget is mounted in the
    /// light DOM here), for tests of layout.
    async fn adopt_widget_styles();
    /// Makes every request whose URL contains `part` wait for ever, unless
    /// its abort signal aborts it; returns the function that undoes it.
    pub fn hold_fetches_of(part: &str) -> js_sys::Function;
    /// How many requests are held.
    pub fn held_requests() -> u32;
    /// How many of them were aborted.
    pub fn held_aborted() -> u32;
}

/// Applies the widget's stylesheet to the test page, once.
pub async fn with_widget_styles() {
    adopt_widget_styles().await;
}

pub fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("document")
}

/// Mounts the real widget on `feed` in a fresh element of its own.
pub fn mount(feed: &str) -> Element {
    mount_keyed_opt(feed, None).0
}

/// Mounts with attributes as a webmaster would write them (`lang`, `elder` …).
pub fn mount_with_attrs(feed: &str, attrs: &[(&str, &str)]) -> Element {
    use district_bulletin::app::config::Config;
    let mut config = Config::from_attributes(|name| {
        attrs
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    });
    config.feeds = vec![feed.to_string()];
    mount_props(AppProps {
        config: std::rc::Rc::new(config),
        ..AppProps::with_feed(feed)
    })
    .0
}

/// Mounts with the view kept in the URL hash under `key`; returns the handle to unmount.
pub fn mount_keyed(feed: &str, key: &str) -> (Element, yew::AppHandle<App>) {
    mount_keyed_opt(feed, Some(key))
}

pub fn mount_keyed_opt(feed: &str, key: Option<&str>) -> (Element, yew::AppHandle<App>) {
    mount_props(AppProps {
        state_key: key.map(str::to_string),
        ..AppProps::with_feed(feed)
    })
}

/// Mounts the real widget with `props` in a fresh element of its own,
/// starting from the browser as the entry point does (clock, URL hash,
/// remembered choices).
pub fn mount_props(mut props: AppProps) -> (Element, yew::AppHandle<App>) {
    props.start = district_bulletin::browser_start(props.state_key.as_deref(), None);
    mount_started(props)
}

/// Mounts the real widget with `props` as given, `start` included (a clock
/// or head start of the test's choosing).
pub fn mount_started(props: AppProps) -> (Element, yew::AppHandle<App>) {
    let root = document().create_element("div").expect("div");
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    (root, handle)
}

/// Types `text` into the search box as a reader would (an `input` event).
pub fn type_search(root: &Element, text: &str) {
    let input: web_sys::HtmlInputElement = root
        .query_selector(".db-search-input")
        .ok()
        .flatten()
        .expect("search box")
        .dyn_into()
        .expect("input");
    input.set_value(text);
    let event = web_sys::InputEvent::new("input").expect("event");
    input.dispatch_event(&event).expect("dispatch");
}

/// Chooses the option of the `nth` select (0: department, 1: date, 2: order)
/// whose text contains `label`.
pub fn choose(root: &Element, nth: usize, label: &str) {
    let select: web_sys::HtmlSelectElement = all(root, ".db-select")
        .into_iter()
        .nth(nth)
        .expect("select")
        .dyn_into()
        .expect("select element");
    let options = select.options();
    let index = (0..options.length())
        .find(|&i| {
            options
                .item(i)
                .and_then(|o| o.text_content())
                .is_some_and(|t| t.contains(label))
        })
        .unwrap_or_else(|| panic!("no option {label:?}"));
    select.set_selected_index(index as i32);
    let event = web_sys::Event::new("change").expect("event");
    select.dispatch_event(&event).expect("dispatch");
}

pub fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

pub fn set_hash(h: &str) {
    let window = web_sys::window().expect("window");
    let location = window.location();
    let url = if h.is_empty() {
        format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        )
    } else {
        h.to_string()
    };
    window
        .history()
        .expect("history")
        .replace_state_with_url(&JsValue::NULL, "", Some(&url))
        .expect("replaceState");
}

pub fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).expect("selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

pub fn texts(root: &Element, selector: &str) -> Vec<String> {
    all(root, selector)
        .iter()
        .map(|e| e.text_content().unwrap_or_default())
        .collect()
}

pub fn text(root: &Element, selector: &str) -> String {
    texts(root, selector).join("\n")
}

/// Polls `cond` until it holds, failing after a deadline with `what`.
pub async fn wait_for(what: &str, root: &Element, cond: impl Fn(&Element) -> bool) {
    let start = js_sys::Date::now();
    while js_sys::Date::now() - start < 10_000.0 {
        if cond(root) {
            return;
        }
        TimeoutFuture::new(10).await;
    }
    panic!(
        "timed out waiting for {what}; widget HTML: {}",
        root.inner_html()
    );
}

/// Waits until the article is closed and the list (kept behind it) shows again.
pub async fn wait_list(root: &Element) {
    wait_for("the list", root, |r| {
        all(r, ".db-article").is_empty() && all(r, ".db-listview[hidden]").is_empty()
    })
    .await;
}

pub async fn wait_rows(root: &Element, n: usize) {
    wait_for(&format!("{n} rows"), root, |r| all(r, ".db-row").len() == n).await;
}

/// Clicks the first element matching `selector` whose text contains `label`.
pub fn click(root: &Element, selector: &str, label: &str) {
    let el = all(root, selector)
        .into_iter()
        .find(|e| e.text_content().unwrap_or_default().contains(label))
        .unwrap_or_else(|| panic!("no {selector} with {label:?} in {}", root.inner_html()));
    el.dyn_into::<HtmlElement>().expect("html element").click();
}
