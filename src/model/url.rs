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
/// `//cdn/c.png`): a URL that only means something against a base.
pub fn is_relative(raw: &str) -> bool {
    let b = raw.trim_start().as_bytes();
    let scheme = b
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.'));
    let n = scheme.count();
    !(n > 0 && b[0].is_ascii_alphabetic() && b.get(n) == Some(&b':'))
}

/// `html` with the relative `src` and `href` values of its tags resolved
/// against `base` (written back double-quoted); `None` when nothing
/// changed. Feed bodies carry root-relative images (`src="/NMediaFile/…"`)
/// that only mean something on the CMS's own site: resolved here, in plain
/// Rust, the widget and `render` read the same absolute URLs. The
/// sanitizer still checks every URL it keeps.
pub fn resolve_in_html(html: &str, base: &str) -> Option<String> {
    let b = html.as_bytes();
    let mut out = String::new();
    let (mut copied, mut in_tag, mut i) = (0, false, 0);
    while i < b.len() {
        match b[i] {
            b'<' => in_tag = true,
            b'>' => in_tag = false,
            c if in_tag && c.is_ascii_whitespace() => {
                if let Some((start, end, value)) = url_attribute(b, i + 1) {
                    let v = &html[value.0..value.1];
                    if let Some((_, abs)) = is_relative(v).then(|| resolve(v, base)).flatten() {
                        out.push_str(&html[copied..start]);
                        out.push('"');
                        out.push_str(&abs);
                        out.push('"');
                        copied = end;
                    }
                    i = end;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    (copied > 0).then(|| out + &html[copied..])
}

/// At `i`, a `src=` or `href=` attribute (any case): where its value
/// starts and ends (quotes included), and the value itself (without them).
fn url_attribute(b: &[u8], i: usize) -> Option<(usize, usize, (usize, usize))> {
    let rest = &b[i..];
    let name = [&b"src"[..], &b"href"[..]]
        .into_iter()
        .find(|n| rest.len() > n.len() && rest[..n.len()].eq_ignore_ascii_case(n))?;
    let skip = |mut j: usize| {
        while b.get(j).is_some_and(u8::is_ascii_whitespace) {
            j += 1;
        }
        j
    };
    let eq = skip(i + name.len());
    if b.get(eq) != Some(&b'=') {
        return None;
    }
    let start = skip(eq + 1);
    match *b.get(start)? {
        q @ (b'"' | b'\'') => {
            let len = b[start + 1..].iter().position(|&c| c == q)?;
            Some((start, start + len + 2, (start + 1, start + 1 + len)))
        }
        _ => {
            let len = b[start..]
                .iter()
                .position(|c| c.is_ascii_whitespace() || *c == b'>')
                .unwrap_or(b.len() - start);
            (len > 0).then_some((start, start + len, (start, start + len)))
        }
    }
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
                    <a href=https://other.cn/x>y</a><img src = ../b.png>src=\"/text\"</p>";
        assert_eq!(
            resolve_in_html(html, base).as_deref(),
            Some(
                "<p><IMG SRC=\"http://paper.example.cn/NMediaFile/2019/1127/a.jpg\" alt='x'> \
                 <a href=\"http://paper.example.cn/n1/2019/1127/c1.html?a=1&amp;b=2\">文</a>\
                 <a href=https://other.cn/x>y</a><img src = \"http://paper.example.cn/n1/2019/b.png\">src=\"/text\"</p>"
            )
        );
        // Nothing relative, or no tag at all: nothing to change.
        assert_eq!(
            resolve_in_html("<a href=\"mailto:a@b.cn\">a</a> src=/x", base),
            None
        );
        assert_eq!(resolve_in_html("<img src=\"", base), None);
        assert!(is_relative("/a") && is_relative("//cdn/a") && !is_relative("a:b/c"));
        assert!(!is_relative("JaVaScRiPt:alert(1)") && is_relative("#top"));
    }
}
