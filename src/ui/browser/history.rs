//! The page's URL hash and history, for links to a view (see `urlstate`).

use gloo::events::EventListener;

/// The current hash, without `#` (empty when there is none).
pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Sets the hash (text after `#`; empty removes it) without scrolling or
/// firing `hashchange`: a new history entry when `push`, else in place.
pub fn set_hash(hash: &str, push: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let url = if hash.is_empty() {
        format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        )
    } else {
        format!("#{hash}")
    };
    if let Ok(history) = window.history() {
        let _ = if push {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
    }
}

/// Calls `f` when the reader moves through history (Back/Forward) or the
/// hash changes by other means (a link, typing in the address bar).
/// Listening stops when the returned listeners are dropped.
pub fn on_navigate(f: impl Fn() + Clone + 'static) -> Vec<EventListener> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    ["popstate", "hashchange"]
        .into_iter()
        .map(|event| {
            let f = f.clone();
            EventListener::new(&window, event, move |_| f())
        })
        .collect()
}
