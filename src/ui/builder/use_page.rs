//! The builder page's other side effects: the loader's integrity value,
//! the preview element, and the page's language.

use crate::app::config::ELEMENT;
use crate::app::embed::SRI_FILE;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, Response};
use yew::prelude::*;

/// The page's own URL.
pub fn page_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

async fn integrity() -> Option<String> {
    let window = web_sys::window()?;
    let answer = JsFuture::from(window.fetch_with_str(SRI_FILE)).await.ok()?;
    let response: Response = answer.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()?;
    Some(text.trim().to_string()).filter(|t| t.starts_with("sha384-"))
}

/// The loader's integrity value, read from [`SRI_FILE`] beside this page
/// (`None` until it arrives, or when the folder has none).
#[hook]
pub fn use_integrity() -> Option<String> {
    let value = use_state(|| None);
    {
        let value = value.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                value.set(integrity().await);
            });
        });
    }
    (*value).clone()
}

/// Keeps one `<district-bulletin>` in `container` with exactly
/// `attributes` (the loader follows attribute changes, as on any page).
#[hook]
pub fn use_preview(container: NodeRef, attributes: Vec<(&'static str, String)>) {
    use_effect_with(attributes, move |attributes| {
        let Some(container) = container.cast::<Element>() else {
            return;
        };
        let has_feed = attributes.iter().any(|(n, _)| *n == "feed");
        let existing = container.query_selector(ELEMENT).ok().flatten();
        let element = match (existing, has_feed) {
            (Some(e), true) => e,
            (Some(e), false) => {
                e.remove();
                return;
            }
            (None, false) => return,
            (None, true) => {
                let Some(e) = container
                    .owner_document()
                    .and_then(|d| d.create_element(ELEMENT).ok())
                else {
                    return;
                };
                let _ = container.append_child(&e);
                e
            }
        };
        let names = element.get_attribute_names();
        for name in names.iter().filter_map(|n| n.as_string()) {
            if !attributes.iter().any(|(n, _)| *n == name) {
                let _ = element.remove_attribute(&name);
            }
        }
        for (name, value) in attributes {
            if element.get_attribute(name).as_deref() != Some(value.as_str()) {
                let _ = element.set_attribute(name, value);
            }
        }
    });
}

/// Sets the page's `lang` (the builder's language).
#[hook]
pub fn use_document_lang(tag: &'static str) {
    use_effect_with(tag, |tag| {
        if let Some(html) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = html.set_attribute("lang", tag);
        }
    });
}

/// `value`, once it has stayed the same for `ms` milliseconds (what the
/// preview and the checks follow, so typing a URL fetches it once).
#[hook]
pub fn use_settled<T: Clone + PartialEq + 'static>(value: T, ms: u32) -> T {
    let settled = use_state(|| value.clone());
    {
        let settled = settled.clone();
        use_effect_with(value, move |v| {
            let v = v.clone();
            let timer = gloo::timers::callback::Timeout::new(ms, move || settled.set(v));
            move || drop(timer)
        });
    }
    (*settled).clone()
}
