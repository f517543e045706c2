//! URL resolution. In the browser with its own parser (`URL`), so tricks
//! like `JaVaScRiPt:`, leading spaces or tabs are read exactly as the browser
//! will read them; natively (the webmaster's command) with the `url` crate,
//! which implements the same WHATWG standard.

/// `raw` resolved against `base` (when `base` is empty, only absolute URLs
/// resolve): its scheme with the colon (`https:`) and the whole URL.
pub fn resolve(raw: &str, base: &str) -> Option<(String, String)> {
    #[cfg(target_arch = "wasm32")]
    {
        let url = if base.is_empty() {
            web_sys::Url::new(raw).ok()?
        } else {
            web_sys::Url::new_with_base(raw, base).ok()?
        };
        Some((url.protocol(), url.href()))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let url = if base.is_empty() {
            url::Url::parse(raw).ok()?
        } else {
            url::Url::parse(base).ok()?.join(raw).ok()?
        };
        Some((format!("{}:", url.scheme()), url.into()))
    }
}

/// The absolute URL of `raw` resolved against `base`, if it is `http:` or `https:`.
pub fn resolve_http(raw: &str, base: &str) -> Option<String> {
    let (scheme, href) = resolve(raw, base)?;
    matches!(scheme.as_str(), "http:" | "https:").then_some(href)
}

/// The absolute URL of a feed, resolved against the page (relative item
/// URLs are then resolved against this, not against the host page).
/// Natively there is no page: the URL must be absolute already.
pub fn absolute_feed_url(feed: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let base = web_sys::window()?.document()?.base_uri().ok()??;
        resolve(feed, &base).map(|(_, href)| href)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        resolve(feed, "").map(|(_, href)| href)
    }
}

/// `url` with `http:` turned into `https:` when the page itself is on
/// `https:` (mixed content would be blocked or warned about). Natively
/// there is no page, and the URL stays as it is.
pub fn upgraded(url: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    let https_page = web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|p| p == "https:");
    #[cfg(not(target_arch = "wasm32"))]
    let https_page = false;
    match url.strip_prefix("http:") {
        Some(rest) if https_page => format!("https:{rest}"),
        _ => url.to_string(),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn relative_links_resolve_against_the_feed() {
        let base = "https://www.example.gov.cn/news/feed.json";
        assert_eq!(
            resolve_http("../art/1.html?id=1&x=2", base).as_deref(),
            Some("https://www.example.gov.cn/art/1.html?id=1&x=2")
        );
        assert_eq!(
            resolve_http("//cdn.example.cn/a.jpg", base).as_deref(),
            Some("https://cdn.example.cn/a.jpg")
        );
        assert_eq!(resolve_http(" JaVaScRiPt:alert(1)", base), None);
        assert_eq!(resolve_http("mailto:x@example.cn", base), None);
        assert_eq!(
            resolve("mailto:x@example.cn", base)
                .map(|(s, _)| s)
                .as_deref(),
            Some("mailto:")
        );
        assert_eq!(resolve_http("/a", ""), None, "no base: absolute only");
    }
}
