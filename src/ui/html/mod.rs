//! Feed HTML (`content_html`) made safe: an allow-list policy (plain Rust,
//! tested natively) and, in the browser, a walker that reads the feed's HTML
//! with the inert `DOMParser` and builds the widget's own DOM from it.

pub mod policy;
#[cfg(target_arch = "wasm32")]
pub mod sanitize;

/// Natively there is no DOM to build into. A server render never shows an
/// article body: the open article is named in the URL hash, which never
/// reaches a server.
#[cfg(not(target_arch = "wasm32"))]
pub mod sanitize {
    /// Nothing natively (the article falls back to its text).
    pub fn sanitize(_html: &str, _base: &str) -> Option<web_sys::Element> {
        None
    }
}
