//! Feed HTML (`content_html`) made safe: an allow-list policy (plain Rust,
//! tested natively) and, in the browser, a walker that reads the feed's HTML
//! with the inert `DOMParser` and builds the widget's own DOM from it.

pub mod policy;
#[cfg(target_arch = "wasm32")]
pub mod sanitize;
