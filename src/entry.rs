//! The wasm side of embedding: the loader (`loader/district-bulletin.js`)
//! creates each instance's shadow root and calls [`Widget`] to render in it.

use crate::components::{App, AppProps};
use crate::config::Config;
use crate::messages::Lang;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AppHandle;

/// One mounted widget instance, owned by the loader.
#[wasm_bindgen]
pub struct Widget {
    handle: Option<AppHandle<App>>,
}

/// Reads the instance's settings from its host element: plain attribute
/// names on `<district-bulletin>`, `data-` names on any other element.
fn props_from(host: &Element) -> AppProps {
    let prefix = if host.tag_name().eq_ignore_ascii_case("district-bulletin") {
        ""
    } else {
        "data-"
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
    }
}

#[wasm_bindgen]
impl Widget {
    /// Renders a widget into `container` (inside the host's shadow root),
    /// configured by `host`'s attributes.
    #[wasm_bindgen(constructor)]
    pub fn new(host: &Element, container: Element) -> Widget {
        let handle =
            yew::Renderer::<App>::with_root_and_props(container, props_from(host)).render();
        Widget {
            handle: Some(handle),
        }
    }

    /// Re-reads the host's attributes (after one changed).
    pub fn update(&mut self, host: &Element) {
        if let Some(h) = &mut self.handle {
            h.update(props_from(host));
        }
    }

    /// Tears the instance down: its components, effects and DOM.
    pub fn destroy(&mut self) {
        if let Some(h) = self.handle.take() {
            h.destroy();
        }
    }
}

/// The attribute names the widget reads, for the loader's `observedAttributes`.
#[wasm_bindgen(js_name = attributeNames)]
pub fn attribute_names() -> Vec<JsValue> {
    crate::config::ATTRIBUTES
        .iter()
        .map(|a| JsValue::from_str(a))
        .collect()
}
