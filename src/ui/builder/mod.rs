//! The builder page (`builder.html`): a webmaster types feed URLs, chooses
//! the widget's attributes, sees the real widget (the bundle's own loader,
//! beside this page) and what `district-bulletin check` says about each
//! feed, and copies the snippet, the CSP line and the `render` command.
//!
//! A wasm of its own (the crate built with the `builder` feature, see
//! `scripts/release.sh`): the widget's bundle carries none of it. The check
//! is [`crate::app::check`], the command's own code; the strings to copy
//! are [`crate::app::embed`]'s. Here: the components, and the hooks that
//! hold the side effects (requests, the preview element, the page's lang).

mod copy;
mod fetch;
mod form;
mod page;
mod report;
mod use_checks;
mod use_page;

use wasm_bindgen::prelude::*;

/// Mounts the builder into the page's `#builder` element (called when the
/// wasm is instantiated).
#[wasm_bindgen(start)]
pub fn builder_start() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("builder"));
    if let Some(root) = root {
        // Whatever the page showed while the wasm loaded gives way.
        root.set_inner_html("");
        yew::Renderer::<page::Builder>::with_root(root).render();
    }
}
