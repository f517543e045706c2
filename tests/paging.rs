//! Browser tests: older pages on 加载更多 (JSON Feed `next_url`, RSS
//! `atom:link rel="next"`), with duplicates, a loop and a failing page; and
//! the periodic refresh, with an unchanged feed and with new items.
#![cfg(target_arch = "wasm32")]

#[path = "support/dom.rs"]
mod dom;

use district_bulletin::app::config::Config;
use district_bulletin::ui::components::AppProps;
use dom::*;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
const served = new Map();
const modes = [];
const original = window.fetch;
export function serve_sequence(path, bodies) {
  served.set(path, { bodies, calls: 0 });
  window.fetch = function (input, init) {
    const url = String(input);
    for (const [p, s] of served) {
      if (url.endsWith(p)) {
        modes.push(init && init.cache);
        const body = s.bodies[Math.min(s.calls, s.bodies.length - 1)];
        s.calls += 1;
        return Promise.resolve(new Response(body, {
          status: 200, headers: { "content-type": "application/feed+json" } }));
      }
    }
    return original.apply(this, arguments);
  };
}
export function calls(path) { const s = served.get(path); return s ? s.calls : 0; }
export function cache_modes() { return modes.join(","); }
export function clear_storage() { localStorage.clear(); }
"#)]
extern "C" {
    /// Answers requests for URLs ending in `path` with `bodies` in turn (the
    /// last one from then on), recording the cache mode each asked for.
    fn serve_sequence(path: &str, bodies: Vec<JsValue>);
    /// How many requests `path` has answered.
    fn calls(path: &str) -> u32;
    /// The `cache` option of every request answered, comma-separated.
    fn cache_modes() -> String;
    fn clear_storage();
}

fn older_button(root: &web_sys::Element) -> String {
    text(root, ".db-older")
}

#[wasm_bindgen_test]
async fn unmounting_aborts_the_page_request() {
    let undo = hold_fetches_of("page-2.json");
    let (root, handle) = mount_keyed_opt("/tests/fixtures/paging/page-1.json", None);
    wait_rows(&root, 3).await;
    click(&root, ".db-older", "加载更早的信息");
    wait_for("the page request", &root, |_| held_requests() == 1).await;
    assert_eq!(held_aborted(), 0, "mounted: the request runs");
    handle.destroy();
    wait_for("the page request aborted", &root, |_| held_aborted() == 1).await;
    undo.call0(&JsValue::NULL).expect("undo");
}

#[wasm_bindgen_test]
async fn next_url_pages_append_once_each_and_a_loop_stops() {
    let root = mount("/tests/fixtures/paging/page-1.json");
    wait_rows(&root, 3).await;
    assert_eq!(older_button(&root), "加载更早的信息");
    click(&root, ".db-older", "加载更早的信息");
    // Page 2 repeats n-104: shown once, the first copy kept.
    wait_rows(&root, 5).await;
    let titles = texts(&root, ".db-row-title");
    assert!(
        titles.iter().all(|t| !t.contains("重复")),
        "the repeat is dropped: {titles:?}"
    );
    assert_eq!(
        texts(&root, ".db-date"),
        [
            "2019年11月27日",
            "2019年11月25日",
            "2019年11月22日",
            "2019年11月18日",
            "2019年11月12日"
        ]
    );
    // Page 3 links back to page 1: appended, then paging stops.
    click(&root, ".db-older", "加载更早的信息");
    wait_rows(&root, 6).await;
    wait_for("the button to go", &root, |r| {
        all(r, ".db-older").is_empty()
    })
    .await;
    // The tabs count what arrived.
    assert!(
        text(&root, ".db-tab").contains("安全生产"),
        "{}",
        text(&root, ".db-tab")
    );
}

#[wasm_bindgen_test]
async fn rss_next_links_page_and_a_failing_page_keeps_the_list() {
    let root = mount("/tests/fixtures/paging/rss-1.xml");
    wait_rows(&root, 1).await;
    click(&root, ".db-older", "加载更早的信息");
    wait_rows(&root, 2).await;
    assert!(text(&root, ".db-row-title").contains("第三季度财政预算"));
    // The next link of page 2 is missing on the server.
    click(&root, ".db-older", "加载更早的信息");
    wait_for("the page error", &root, |r| {
        !all(r, ".db-more-error").is_empty()
    })
    .await;
    assert!(
        text(&root, ".db-more-error").contains("404"),
        "{}",
        text(&root, ".db-more-error")
    );
    assert_eq!(older_button(&root), "重试");
    assert_eq!(all(&root, ".db-row").len(), 2, "nothing shown is lost");
}

#[wasm_bindgen_test]
async fn the_next_page_is_offered_when_a_search_finds_nothing_yet() {
    let root = mount("/tests/fixtures/paging/page-1.json");
    wait_rows(&root, 3).await;
    type_search(&root, "推进会");
    wait_for("no results", &root, |r| all(r, ".db-row").is_empty()).await;
    // Keep fetching until the match (on page 3) arrives.
    for _ in 0..40 {
        if all(&root, ".db-row").len() == 1 {
            break;
        }
        if let Some(b) = all(&root, ".db-older").first() {
            if b.get_attribute("aria-disabled").as_deref() == Some("false") {
                click(&root, ".db-older", "加载更早的信息");
            }
        }
        gloo::timers::future::TimeoutFuture::new(50).await;
    }
    wait_rows(&root, 1).await;
    assert!(text(&root, ".db-row-title").contains("推进会"));
}

fn feed(ids: &[u32]) -> JsValue {
    let items: Vec<String> = ids
        .iter()
        .map(|i| {
            format!(
                r#"{{"id":"r{i}","title":"第{i}号通知","content_text":"通知正文 {i}","date_published":"2019-11-{i:02}T09:00:00+08:00"}}"#
            )
        })
        .collect();
    JsValue::from_str(&format!(
        r#"{{"version":"https://jsonfeed.org/version/1.1","title":"刷新测试","items":[{}]}}"#,
        items.join(",")
    ))
}

#[wasm_bindgen_test]
async fn refresh_shows_new_items_without_losing_the_readers_place() {
    clear_storage();
    let path = "/virtual/refresh.json";
    // First load, then the same feed (nothing new), then two new items.
    serve_sequence(
        path,
        vec![feed(&[2, 1]), feed(&[2, 1]), feed(&[4, 3, 2, 1])],
    );
    let config = Config {
        refresh_secs: Some(1),
        ..Config::for_feeds(&[path])
    };
    let (root, handle) = mount_props(AppProps {
        config: Rc::new(config),
        ..AppProps::with_feed(path)
    });
    wait_rows(&root, 2).await;
    type_search(&root, "通知");
    wait_for("the search", &root, |r| {
        text(r, ".db-count") == "共 2 条结果"
    })
    .await;
    click(&root, ".db-open", "第1号通知");
    wait_for("the article", &root, |r| !all(r, ".db-article").is_empty()).await;

    wait_for("the unchanged refresh", &root, |_| calls(path) >= 2).await;
    assert!(text(&root, ".db-fresh").is_empty(), "nothing new yet");
    wait_for("the notice", &root, |r| {
        text(r, ".db-fresh-text") == "有 2 条新信息"
    })
    .await;
    // The reader is still reading.
    assert!(text(&root, ".db-article").contains("通知正文 1"));

    click(&root, ".db-fresh-show", "查看");
    wait_rows(&root, 4).await;
    assert_eq!(
        text(&root, ".db-count"),
        "共 4 条结果",
        "the search is kept"
    );
    assert_eq!(
        texts(&root, ".db-row-title")[..2],
        ["第4号通知", "第3号通知"]
    );
    // (Child components may update a frame apart: wait, do not assume.)
    wait_for("the notice to go", &root, |r| {
        text(r, ".db-fresh").is_empty()
    })
    .await;
    // Every request asked the server (a 304 when unchanged), never the cache alone.
    let modes = cache_modes();
    assert!(
        !modes.is_empty() && modes.split(',').all(|m| m == "no-cache"),
        "{modes}"
    );
    handle.destroy();
}
