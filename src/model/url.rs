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

/// Whether `raw` names no scheme (`/NMediaFile/a.jpg`, `../b.html`,
/// `//cdn/c.png`, `a:b` past a `/`): a URL that only means something
/// against a base.
pub fn is_relative(raw: &str) -> bool {
    let b = raw.as_bytes();
    match b
        .iter()
        .position(|c| matches!(c, b':' | b'/' | b'?' | b'#'))
    {
        Some(i) => i == 0 || b[i] != b':',
        None => true,
    }
}

/// `html` with the relative `src="…"` and `href="…"` (any case, either
/// quote; written back double-quoted) of its tags resolved against `base`; `None` when nothing
/// changed. Feed bodies carry root-relative images (`src="/NMediaFile/…"`)
/// that only mean something on the CMS's own site: resolved here, in plain
/// Rust, the widget and `render` read the same absolute URLs. The
/// sanitizer still checks every URL it keeps.
pub fn resolve_in_html(html: &str, base: &str) -> Option<String> {
    let b = html.as_bytes();
    let mut out = String::new();
    let (mut copied, mut in_tag) = (0, false);
    for i in 0..b.len() {
        match b[i] {
            b'<' => in_tag = true,
            b'>' => in_tag = false,
            c if in_tag && c.is_ascii_whitespace() => {
                let rest = &b[i + 1..];
                let Some(n) = [&b"src="[..], b"href="]
                    .iter()
                    .find(|n| rest.len() > n.len() && rest[..n.len()].eq_ignore_ascii_case(n))
                    .map(|n| i + 1 + n.len())
                else {
                    continue;
                };
                let q = b[n];
                let len = match q {
                    b'"' | b'\'' => b[n + 1..].iter().position(|&c| c == q),
                    _ => None,
                };
                let Some(len) = len else { continue };
                let v = &html[n + 1..n + 1 + len];
                if let Some(abs) = is_relative(v).then(|| resolve_http(v, base)).flatten() {
                    // Double-quoted: a URL as the parser writes it has no `"`.
                    out.push_str(&html[copied..n]);
                    out.push('"');
                    out.push_str(&abs);
                    out.push('"');
                    copied = n + 2 + len;
                }
            }
            _ => {}
        }
    }
    (copied > 0).then(|| out + &html[copied..])
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

    #[test]
    fn relative_urls_in_html_resolve_against_the_base() {
        let base = "http://paper.example.cn/n1/2019/1127/";
        let html = "<p><IMG SRC=\"/NMediaFile/2019/1127/a.jpg\" alt='x'> <a href='c1.html?a=1&amp;b=2'>文</a>\
                    <a href=\"https://other.cn/x\">y</a><img src=../b.png>src=\"/text\"</p>";
        assert_eq!(
            resolve_in_html(html, base).as_deref(),
            Some(
                "<p><IMG SRC=\"http://paper.example.cn/NMediaFile/2019/1127/a.jpg\" alt='x'> \
                 <a href=\"http://paper.example.cn/n1/2019/1127/c1.html?a=1&amp;b=2\">文</a>\
                 <a href=\"https://other.cn/x\">y</a><img src=../b.png>src=\"/text\"</p>"
            ),
            "unquoted values are left to the sanitizer (against the feed's URL)"
        );
        // Nothing relative, or no tag at all: nothing to change.
        assert_eq!(
            resolve_in_html("<a href=\"mailto:a@b.cn\">a</a> src=/x", base),
            None
        );
        assert_eq!(resolve_in_html("<img src=\"", base), None);
        assert!(is_relative("/a") && is_relative("//cdn/a") && !is_relative("a:b/c"));
        assert!(is_relative("a/b:c") && is_relative("?q=1") && !is_relative("mailto:x@y.cn"));
        assert!(!is_relative("JaVaScRiPt:alert(1)") && is_relative("#top"));
    }
}
