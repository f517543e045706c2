//! Entry points: mount the widget on the elements that ask for it.

use crate::components::{App, AppProps};
use wasm_bindgen::prelude::*;
use web_sys::Element;

/// Marks an element the widget already renders into, so mounting twice is a no-op.
const MOUNTED_ATTR: &str = "data-district-bulletin-mounted";

/// Runs when the module is instantiated: mounts every
/// `[data-district-bulletin]` element on the page.
#[wasm_bindgen(start)]
pub fn start() {
    mount_all();
}

/// Mounts the widget on every `[data-district-bulletin]` element not yet
/// mounted; returns how many were mounted.
#[wasm_bindgen(js_name = mountAll)]
pub fn mount_all() -> u32 {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return 0;
    };
    let Ok(nodes) = document.query_selector_all("[data-district-bulletin]") else {
        return 0;
    };
    let mut mounted = 0;
    for i in 0..nodes.length() {
        if let Some(el) = nodes.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            let feed = el.get_attribute("data-feed").unwrap_or_default();
            if mount(el, &feed) {
                mounted += 1;
            }
        }
    }
    mounted
}

/// Renders a widget for `feed` inside `element` (not `<body>`): several
/// instances can live on one page. Returns false if `element` already has one.
#[wasm_bindgen]
pub fn mount(element: Element, feed: &str) -> bool {
    if element.has_attribute(MOUNTED_ATTR) {
        return false;
    }
    let _ = element.set_attribute(MOUNTED_ATTR, "");
    yew::Renderer::<App>::with_root_and_props(
        element,
        AppProps {
            feed: feed.to_string().into(),
        },
    )
    .render();
    true
}
