//! Browser tests on hostile input: nothing in a feed executes, navigates or
//! escapes the widget; every good item still shows; each bad document gets
//! its own message. Fixtures: tests/fixtures/hostile/ and tests/fixtures/bad/.
#![cfg(target_arch = "wasm32")]

#[path = "support/dom.rs"]
mod dom;

use dom::*;
use gloo::timers::future::TimeoutFuture;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
export function trap() {
  window.__pwned = [];
  for (const name of ["alert", "confirm", "prompt", "print", "open"]) {
    window[name] = function () { window.__pwned.push(name + ":" + Array.from(arguments).join(",")); };
  }
  window.__before = {
    href: location.href,
    head: document.head.innerHTML,
    bodyChildren: document.body.children.length,
  };
}
export function pwned() { return (window.__pwned || []).join(" | "); }
export function page_changed() {
  const b = window.__before;
  if (location.href !== b.href) return "navigated to " + location.href;
  if (document.head.innerHTML !== b.head) return "head changed";
  if (document.body.children.length !== b.bodyChildren + 1) return "body children " + document.body.children.length;
  return "";
}
export function reject_fetches_with(value) {
  const original = window.fetch;
  window.fetch = function () { return Promise.reject(value); };
  return () => { window.fetch = original; };
}
export function as_blob_url(text) {
  return URL.createObjectURL(new Blob([text], { type: "application/json" }));
}
"#)]
extern "C" {
    /// Replaces alert, confirm, prompt, print and open with recorders and
    /// remembers the page as it is.
    fn trap();
    /// What the traps recorded ("" when nothing ran).
    fn pwned() -> String;
    /// How the page outside the widget changed ("" when it did not).
    fn page_changed() -> String;
    fn as_blob_url(text: &str) -> String;
    /// Makes `window.fetch` reject with `value` (whatever a host page's
    /// wrapper might reject with); returns the function that undoes it.
    fn reject_fetches_with(value: &JsValue) -> js_sys::Function;
}

/// Elements and attributes that must never appear inside the widget.
fn assert_clean(root: &Element) {
    let banned = "script, style, iframe, frame, object, embed, svg, math, form, input, textarea, \
                  meta, base, link, template, noscript, [srcdoc], [srcset], [style], [onerror], \
                  [onclick], [onload], [onmouseover], [id=cookie], [name]";
    // The widget's own controls (the search box…) are not feed content.
    let found: Vec<String> = all(root, ".db-header, .db-tabs, .db-list, .db-article")
        .iter()
        .flat_map(|part| all(part, banned))
        .map(|e| e.outer_html())
        .collect();
    assert!(found.is_empty(), "dangerous markup rendered: {found:?}");
    for el in all(root, "*") {
        let names = el.get_attribute_names();
        for n in names.iter().filter_map(|n| n.as_string()) {
            assert!(
                !n.to_ascii_lowercase().starts_with("on"),
                "{n} on {}",
                el.outer_html()
            );
        }
    }
    for a in all(root, "a[href]") {
        let href = a.get_attribute("href").unwrap_or_default();
        assert!(
            ["http:", "https:", "mailto:", "tel:"]
                .iter()
                .any(|s| href.starts_with(s)),
            "link {href}"
        );
        assert!(
            a.get_attribute("rel")
                .unwrap_or_default()
                .contains("noopener"),
            "{href}"
        );
    }
    for img in all(root, "img") {
        let src = img.get_attribute("src").unwrap_or_default();
        assert!(
            src.starts_with("http:") || src.starts_with("https:"),
            "img {src}"
        );
    }
    let text = root.text_content().unwrap_or_default();
    for bad in ["NaN", "Invalid Date", "1970", "undefined", "[object"] {
        assert!(!text.contains(bad), "{bad} shown");
    }
}

#[wasm_bindgen_test]
async fn a_hostile_feed_renders_as_text_and_runs_nothing() {
    trap();
    let root = mount("/tests/fixtures/hostile/xss.json");
    wait_rows(&root, 11).await;
    // Markup in text fields is shown literally.
    assert_eq!(
        text(&root, ".db-title"),
        "<img src=x onerror=alert(40)>敌意信息源"
    );
    let titles = texts(&root, ".db-row-title");
    assert!(
        titles.contains(&"<script>alert('t')</script>标题脚本".to_string()),
        "{titles:?}"
    );
    assert!(text(&root, ".db-summary").contains("{{7*7}} ${7*7} <%= 7*7 %> &lt;b&gt;"));
    assert!(text(&root, ".db-dept").contains("\"><img src=x onerror=alert(32)>"));
    // Control characters are gone; the bidi override stays inside its field.
    assert!(
        titles.iter().any(|t| t == "\u{202e}反转标题[31m红色"),
        "{titles:?}"
    );
    // Duplicate ids: an exact repeat shows once, a different item twice-keyed.
    assert_eq!(
        titles.iter().filter(|t| t.starts_with("重复编号")).count(),
        2
    );
    assert_clean(&root);

    // Open every article; the rich one exercises the sanitizer.
    for title in titles {
        click(&root, ".db-open", &title);
        wait_for("the article", &root, |r| !all(r, ".db-article").is_empty()).await;
        assert_clean(&root);
        if title == "富文本里的攻击" {
            let body = text(&root, ".db-article-body");
            for kept in [
                "安全段落",
                "加粗",
                "好链接",
                "邮件",
                "表格",
                "一级标题",
                "列表",
                "引用",
                "图注",
            ] {
                assert!(
                    body.contains(kept),
                    "{kept} missing from {}",
                    all(&root, ".db-article-body")[0].outer_html()
                );
            }
            assert!(!body.contains("*{display:none}"), "style text leaked");
            assert!(all(&root, ".db-article-html strong").len() == 1);
            assert!(
                !all(&root, ".db-article-html h4").is_empty(),
                "h1 became h4"
            );
            let links: Vec<String> = all(&root, ".db-article-html a[href]")
                .iter()
                .filter_map(|a| a.get_attribute("href"))
                .collect();
            assert!(
                links.iter().any(|l| l == "https://example.org/ok"),
                "{links:?}"
            );
            assert!(
                links
                    .iter()
                    .any(|l| l.ends_with("/tests/fixtures/hostile/relative/page.html")),
                "{links:?}"
            );
            assert!(links.iter().any(|l| l.starts_with("mailto:")), "{links:?}");
            assert_eq!(links.len(), 4, "{links:?}");
            assert_eq!(all(&root, ".db-article-html td[colspan='2']").len(), 1);
            let imgs: Vec<String> = all(&root, ".db-article-html img")
                .iter()
                .filter_map(|i| i.get_attribute("src"))
                .collect();
            assert!(
                imgs.contains(&"https://example.org/ok.png".to_string()),
                "{imgs:?}"
            );
            assert!(all(&root, ".db-article-html img[loading=lazy]").len() == imgs.len());
        }
        if title == "坏链接" {
            assert!(
                all(&root, ".db-original a").is_empty(),
                "javascript: URL became a link"
            );
        }
        click(&root, ".db-back", "返回列表");
        wait_list(&root).await;
        wait_rows(&root, 11).await;
    }
    // Give any stray handler (img onerror, meta refresh) time to fire.
    TimeoutFuture::new(300).await;
    assert_eq!(pwned(), "", "a feed ran script");
    assert_eq!(page_changed(), "", "the page outside the widget changed");
}

#[wasm_bindgen_test]
async fn ten_thousand_levels_of_nesting_neither_overflow_nor_freeze() {
    let html = format!(
        "{}最深处的文字{}",
        "<div><span>".repeat(10_000),
        "</span></div>".repeat(10_000)
    );
    let feed = serde_json::json!({
        "version": "https://jsonfeed.org/version/1.1",
        "items": [{ "id": "deep", "title": "深层嵌套", "content_html": html }]
    });
    let url = as_blob_url(&feed.to_string());
    let root = mount(&url);
    wait_rows(&root, 1).await;
    let start = js_sys::Date::now();
    click(&root, ".db-open", "深层嵌套");
    wait_for("the deep text", &root, |r| {
        text(r, ".db-article-body").contains("最深处的文字")
    })
    .await;
    assert!(js_sys::Date::now() - start < 5_000.0);
    let depth = all(&root, ".db-article-html div").len();
    assert!(depth <= 64, "nesting is flattened, {depth} divs kept");
}

#[wasm_bindgen_test]
async fn each_bad_document_gets_its_own_message() {
    let cases = [
        ("truncated.json", "截断"),
        ("trailing-comma.json", "多余的逗号"),
        ("nan.json", "NaN"),
        ("jsonp.js", "JSONP"),
        ("xssi.json", "防劫持前缀"),
        ("error-page.html", "网页"),
        ("empty.json", "空内容"),
        ("null.json", "null"),
        ("array.json", "数组"),
        ("string.json", "字符串"),
        ("utf16.json", "UTF-16"),
        ("gbk.json", "GBK"),
        ("deep.json", "嵌套过深"),
    ];
    let mut seen = Vec::new();
    for (file, needle) in cases {
        let root = mount(&format!("/tests/fixtures/bad/{file}"));
        wait_for(file, &root, |r| !all(r, ".db-error").is_empty()).await;
        let message = text(&root, ".db-error-message");
        assert!(message.contains(needle), "{file}: {message}");
        assert_eq!(text(&root, ".db-retry"), "重试", "{file}");
        assert!(
            !seen.contains(&message),
            "{file}: message not distinct: {message}"
        );
        seen.push(message);
    }
    // A UTF-8 byte order mark simply works.
    let root = mount("/tests/fixtures/bad/bom.json");
    wait_rows(&root, 1).await;
    assert_eq!(text(&root, ".db-title"), "带 BOM 的信息源");
}

#[wasm_bindgen_test]
async fn a_document_over_the_size_cap_is_refused_with_a_message() {
    let big = format!(
        "{{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[],\"pad\":\"{}\"}}",
        "x".repeat(33 * 1024 * 1024)
    );
    let url = as_blob_url(&big);
    drop(big);
    let root = mount(&url);
    wait_for("the size message", &root, |r| {
        text(r, ".db-error-message").contains("过大")
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_host_page_whose_fetch_rejects_with_anything_gets_a_message() {
    // Monitoring scripts wrap `window.fetch`; a wrapper may reject with a
    // string, a plain object or undefined, not an Error. The widget must
    // name a network failure, never panic.
    for value in [
        JsValue::from_str("blocked by policy"),
        js_sys::Object::new().into(),
        JsValue::UNDEFINED,
    ] {
        let undo = reject_fetches_with(&value);
        let root = mount("/virtual/rejected.json");
        wait_for("the network message", &root, |r| {
            text(r, ".db-error-message").contains("网络连接失败")
        })
        .await;
        let _ = undo.call0(&JsValue::NULL);
        assert!(all(&root, ".db-retry").len() == 1, "重试 is offered");
    }
}
