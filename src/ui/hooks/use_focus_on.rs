//! The focus moved to an element when what it shows changes.

use yew::prelude::*;

/// Focuses `node` after the render in which `key` first has its value (an
/// article opened: keyboard and screen-reader users land on its heading).
#[hook]
pub fn use_focus_on<K: PartialEq + 'static>(node: &NodeRef, key: K) {
    let node = node.clone();
    use_effect_with(key, move |_| {
        if let Some(el) = node.cast::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    });
}
