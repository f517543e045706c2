//! URL resolution with the browser's own parser (`URL`), so tricks like
//! `JaVaScRiPt:`, leading spaces or tabs are read exactly as a browser would.

use web_sys::Url;

/// `raw` parsed as the browser parses it, relative to `base` (when `base` is
/// empty, only absolute URLs parse).
pub fn resolve(raw: &str, base: &str) -> Option<Url> {
    if base.is_empty() {
        Url::new(raw).ok()
    } else {
        Url::new_with_base(raw, base).ok()
    }
}

/// The absolute URL of `raw` resolved against `base`, if it is `http:` or `https:`.
pub fn resolve_http(raw: &str, base: &str) -> Option<String> {
    let url = resolve(raw, base)?;
    matches!(url.protocol().as_str(), "http:" | "https:").then(|| url.href())
}

/// The absolute URL of the feed, resolved against the page (relative item
/// URLs are then resolved against this, not against the host page).
pub fn absolute_feed_url(feed: &str) -> Option<String> {
    let base = web_sys::window()?.document()?.base_uri().ok()??;
    Url::new_with_base(feed, &base).ok().map(|u| u.href())
}

/// `url` with `http:` turned into `https:` when the page itself is on
/// `https:` (mixed content would be blocked or warned about).
pub fn upgraded(url: &str) -> String {
    let https_page = web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|p| p == "https:");
    match url.strip_prefix("http:") {
        Some(rest) if https_page => format!("https:{rest}"),
        _ => url.to_string(),
    }
}
