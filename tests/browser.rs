//! Browser tests: the real `App` mounted in headless Chromium on local
//! fixtures (served by wasm-bindgen-test-runner from the crate root), the DOM
//! asserted after waiting on conditions, never on fixed sleeps.
#![cfg(target_arch = "wasm32")]

#[path = "support/dom.rs"]
mod dom;
#[path = "support/gen.rs"]
mod gen;

use dom::*;
use gloo::timers::future::TimeoutFuture;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
export function clear_storage() { localStorage.clear(); }
export function fail_next_fetches(n, status) {
  const original = window.fetch;
  let left = n;
  window.fetch = function (...args) {
    if (left > 0) {
      left -= 1;
      if (left === 0) window.fetch = original;
      return Promise.resolve(new Response("busy", { status }));
    }
    return original.apply(this, args);
  };
}
export function stall_fetches_of(part) {
  const original = window.fetch;
  window.fetch = function (...args) {
    if (String(args[0]).includes(part)) return new Promise(() => {});
    return original.apply(this, args);
  };
  return () => { window.fetch = original; };
}
"#)]
extern "C" {
    /// Forgets the last good copies kept in localStorage.
    fn clear_storage();
    /// Makes every request whose URL contains `part` hang; returns the
    /// function that undoes it.
    fn stall_fetches_of(part: &str) -> js_sys::Function;
    /// Makes the next `n` calls to `window.fetch` answer `status`, then restores it.
    fn fail_next_fetches(n: u32, status: u16);
}

#[wasm_bindgen_test]
async fn unmounting_aborts_the_feed_request() {
    let undo = hold_fetches_of("seed.json?held");
    let (root, handle) = mount_keyed_opt("/feeds/seed.json?held", None);
    wait_for("the feed request", &root, |_| held_requests() == 1).await;
    wait_for("the loading skeleton", &root, |r| {
        r.query_selector(".db-loading").ok().flatten().is_some()
    })
    .await;
    assert_eq!(held_aborted(), 0, "mounted: the request runs");
    handle.destroy();
    wait_for("the request aborted", &root, |_| held_aborted() == 1).await;
    assert_eq!(held_requests(), 1, "and not tried again");
    undo.call0(&JsValue::NULL).expect("undo");
}

#[wasm_bindgen_test]
async fn loading_state_comes_first_and_reserves_space() {
    let root = mount(SEED);
    wait_for("the loading skeleton", &root, |r| {
        r.query_selector(".db-loading").ok().flatten().is_some() || !all(r, ".db-row").is_empty()
    })
    .await;
    // The fetch starts only after the first render, so the skeleton was
    // there first; it has real height (no layout jump when rows arrive).
    wait_rows(&root, 6).await;
    assert!(all(&root, ".db-loading").is_empty());
}

#[wasm_bindgen_test]
async fn seed_feed_renders_six_articles_with_title_and_dates() {
    let root = mount(SEED);
    wait_rows(&root, 6).await;
    assert_eq!(text(&root, ".db-title"), "郑州高新区 · 区情动态");
    let titles = texts(&root, ".db-row-title");
    assert_eq!(titles[0], "高新区打响秋冬蓝天“保卫战”", "newest first");
    // The article without a dateline has no date and sorts last.
    assert!(titles[5].starts_with("高新区组织收听收看全国安全生产电视电话会议"));
    let dates = texts(&root, ".db-date");
    assert_eq!(dates[0], "2019年11月28日");
    assert_eq!(dates[5], "日期未知");
    assert!(text(&root, ".db-dept").contains("环保安监局"));
    // Summaries are cut on characters with an ellipsis.
    let summary = &texts(&root, ".db-summary")[0];
    assert!(summary.ends_with('…') && summary.chars().count() <= 81);
}

#[wasm_bindgen_test]
async fn tabs_show_counts_and_filter_the_list() {
    let root = mount(SEED);
    wait_rows(&root, 6).await;
    let tabs = texts(&root, ".db-tab");
    assert_eq!(tabs[0], "全部 6");
    assert_eq!(tabs[1], "生态环保 2");
    for t in ["安全生产 1", "人社就业 1", "招商引资 1", "城乡建设 1"] {
        assert!(tabs.iter().any(|x| x == t), "{t} in {tabs:?}");
    }
    assert_eq!(tabs.len(), 6, "no tab for an empty category");

    click(&root, ".db-tab", "生态环保");
    wait_rows(&root, 2).await;
    assert!(texts(&root, ".db-cat").iter().all(|c| c == "生态环保"));
    let active = texts(&root, ".db-tab[aria-selected=true]");
    assert_eq!(active, ["生态环保 2"]);

    click(&root, ".db-tab", "全部");
    wait_rows(&root, 6).await;
}

#[wasm_bindgen_test]
async fn opening_an_article_shows_full_text_and_back_returns() {
    let root = mount(SEED);
    wait_rows(&root, 6).await;
    click(&root, ".db-open", "秋冬蓝天");
    wait_for("the article", &root, |r| !all(r, ".db-article").is_empty()).await;
    assert_eq!(
        all(&root, ".db-listview[hidden]").len(),
        1,
        "the list gives way to the article (kept, hidden)"
    );
    assert_eq!(
        text(&root, ".db-article-title"),
        "高新区打响秋冬蓝天“保卫战”"
    );
    let paragraphs = texts(&root, ".db-article-body p");
    assert_eq!(paragraphs.len(), 5);
    // Lines broken across print columns are joined again.
    assert!(paragraphs[2].contains("对全区建筑工地、裸露黄土"));
    let meta = text(&root, ".db-article-meta");
    for needle in [
        "2019年11月28日",
        "环保安监局",
        "生态环保",
        "记者",
        "孙庆辉",
        "摄影",
    ] {
        assert!(meta.contains(needle), "{needle} in {meta}");
    }
    // Focus lands on the heading (effects may run a frame after the DOM).
    wait_for("focus on the heading", &root, |_| {
        document()
            .active_element()
            .is_some_and(|a| a.class_name() == "db-article-title")
    })
    .await;
    let focused = document().active_element().and_then(|e| e.text_content());
    assert_eq!(focused.as_deref(), Some("高新区打响秋冬蓝天“保卫战”"));

    click(&root, ".db-back", "返回列表");
    wait_list(&root).await;
    wait_rows(&root, 6).await;
    // Focus goes back to the row the article was opened from.
    wait_for("focus on the row", &root, |r| {
        document()
            .active_element()
            .is_some_and(|a| r.contains(Some(&a)) && a.class_name() == "db-open")
    })
    .await;
}

#[wasm_bindgen_test]
async fn http_404_names_the_status_and_offers_retry() {
    let root = mount("/tests/fixtures/does-not-exist.json");
    wait_for("the error", &root, |r| !all(r, ".db-error").is_empty()).await;
    let message = text(&root, ".db-error");
    assert!(message.contains("信息加载失败"), "{message}");
    assert!(message.contains("404"), "{message}");
    assert_eq!(text(&root, ".db-retry"), "重试");
}

#[wasm_bindgen_test]
async fn retry_after_a_server_error_loads_the_feed() {
    clear_storage();
    // Every automatic attempt fails, so the reader sees the error and 重试.
    fail_next_fetches(3, 503);
    let root = mount(SEED);
    wait_for("the 503 error", &root, |r| {
        text(r, ".db-error").contains("503")
    })
    .await;
    click(&root, ".db-retry", "重试");
    wait_rows(&root, 6).await;
    assert!(all(&root, ".db-error").is_empty());
}

#[wasm_bindgen_test]
async fn a_json_document_that_is_not_a_feed_is_named_as_such() {
    let root = mount("/tests/fixtures/not-a-feed.json");
    wait_for("the error", &root, |r| !all(r, ".db-error").is_empty()).await;
    assert!(text(&root, ".db-error").contains("不是信息源"));
}

#[wasm_bindgen_test]
async fn an_html_page_served_as_the_feed_is_named_as_such() {
    let root = mount("/index.html");
    wait_for("the error", &root, |r| !all(r, ".db-error").is_empty()).await;
    assert!(text(&root, ".db-error").contains("网页"));
}

#[wasm_bindgen_test]
async fn a_network_failure_is_told_apart_from_http_errors() {
    // Nothing listens on the discard port: the connection is refused.
    let root = mount("http://127.0.0.1:9/feed.json");
    wait_for("the error", &root, |r| !all(r, ".db-error").is_empty()).await;
    let message = text(&root, ".db-error");
    assert!(message.contains("网络"), "{message}");
    assert!(!message.contains("HTTP"), "{message}");
}

#[wasm_bindgen_test]
async fn an_empty_feed_says_so() {
    let root = mount("/tests/fixtures/empty.json");
    wait_for("the empty state", &root, |r| {
        !all(r, ".db-empty").is_empty()
    })
    .await;
    assert_eq!(text(&root, ".db-empty"), "暂无信息");
    assert_eq!(text(&root, ".db-title"), "空栏目");
}

#[wasm_bindgen_test]
async fn bad_items_degrade_without_hiding_good_ones() {
    let root = mount("/tests/fixtures/sub/lenient.json");
    wait_rows(&root, 4).await;
    let titles = texts(&root, ".db-row-title");
    assert_eq!(titles[0], "数字编号的条目");
    assert!(titles.iter().any(|t| t.starts_with("标题类型错误时")));
    assert_eq!(texts(&root, ".db-date")[0], "2019年11月27日");

    // A relative link resolves against the feed's URL, not the page's.
    click(&root, ".db-open", "数字编号的条目");
    wait_for("the article", &root, |r| !all(r, ".db-article").is_empty()).await;
    assert!(text(&root, ".db-article-meta").contains("2019年11月27日 10:30"));
    let link = root
        .query_selector(".db-original a")
        .ok()
        .flatten()
        .and_then(|a| a.get_attribute("href"))
        .unwrap_or_default();
    assert!(link.ends_with("/tests/fixtures/sub/post-7.html"), "{link}");

    // A javascript: URL never becomes a link.
    click(&root, ".db-back", "返回列表");
    wait_list(&root).await;
    wait_rows(&root, 4).await;
    click(&root, ".db-open", "标题类型错误时");
    wait_for("the article", &root, |r| !all(r, ".db-article").is_empty()).await;
    assert!(all(&root, ".db-original a").is_empty());
}

#[wasm_bindgen_test]
async fn two_instances_on_one_page_are_independent() {
    let a = mount(SEED);
    let b = mount(SEED);
    wait_rows(&a, 6).await;
    wait_rows(&b, 6).await;
    click(&a, ".db-tab", "城乡建设");
    wait_rows(&a, 1).await;
    assert_eq!(all(&b, ".db-row").len(), 6);
    assert_eq!(texts(&b, ".db-tab[aria-selected=true]"), ["全部 6"]);
}

#[wasm_bindgen_test]
async fn typing_filters_the_list_and_marks_the_matches() {
    let root = mount(SEED);
    wait_rows(&root, 6).await;
    type_search(&root, "工地");
    wait_rows(&root, 2).await;
    assert_eq!(text(&root, ".db-count"), "共 2 条结果");
    assert!(texts(&root, ".db-row mark").iter().all(|m| m == "工地"));
    assert!(
        !all(&root, ".db-row-title mark").is_empty(),
        "the title match is marked"
    );
    // All terms are required; full-width letters and digits fold.
    type_search(&root, "工地 暗访");
    wait_rows(&root, 1).await;
    type_search(&root, "ＰＭ２.５");
    wait_rows(&root, 2).await;
    type_search(&root, "没有这样的词");
    wait_for("no results", &root, |r| {
        text(r, ".db-empty").contains("没有找到")
    })
    .await;
    assert_eq!(text(&root, ".db-count"), "共 0 条结果");
    click(&root, ".db-clear", "清除筛选");
    wait_rows(&root, 6).await;
    let input: web_sys::HtmlInputElement = root
        .query_selector(".db-search-input")
        .ok()
        .flatten()
        .expect("box")
        .dyn_into()
        .expect("input");
    wait_for("the box to empty", &root, move |_| input.value().is_empty()).await;
}

#[wasm_bindgen_test]
async fn filters_combine_and_counts_follow_the_other_filters() {
    let root = mount(SEED);
    wait_rows(&root, 6).await;
    choose(&root, 0, "环保安监局");
    wait_rows(&root, 1).await;
    // Tabs count within the chosen department.
    let tabs = texts(&root, ".db-tab");
    assert_eq!(tabs[0], "全部 1");
    assert!(tabs.contains(&"生态环保 1".to_string()));
    assert!(tabs.contains(&"人社就业 0".to_string()));
    choose(&root, 0, "全部机构");
    wait_rows(&root, 6).await;
    click(&root, ".db-tab", "生态环保");
    wait_rows(&root, 2).await;
    // Departments count within the chosen category.
    let departments = texts(&root, ".db-select option");
    assert!(
        departments.iter().any(|d| d == "全部机构 (2)"),
        "{departments:?}"
    );
    assert!(
        departments.iter().any(|d| d == "人力资源局 (0)"),
        "{departments:?}"
    );
    // A custom range: only 11月24日 … 11月26日.
    choose(&root, 1, "自定义");
    wait_for("date inputs", &root, |r| {
        all(r, ".db-date-input").len() == 2
    })
    .await;
    let set_date = |i: usize, v: &str| {
        let input: web_sys::HtmlInputElement = all(&root, ".db-date-input")[i]
            .clone()
            .dyn_into()
            .expect("input");
        input.set_value(v);
        input
            .dispatch_event(&web_sys::Event::new("change").expect("event"))
            .expect("dispatch");
    };
    set_date(0, "2019-11-24");
    set_date(1, "2019-11-26");
    wait_rows(&root, 1).await;
    assert_eq!(texts(&root, ".db-date"), ["2019年11月24日"]);
    choose(&root, 2, "最早在前");
    click(&root, ".db-tab", "全部");
    wait_rows(&root, 2).await;
    assert_eq!(
        texts(&root, ".db-date"),
        ["2019年11月24日", "2019年11月26日"],
        "oldest first"
    );
    click(&root, ".db-clear", "清除筛选");
    wait_rows(&root, 6).await;
    // The order is not a filter: it survives 清除筛选.
    assert_eq!(texts(&root, ".db-date")[0], "2019年11月24日");
}

#[wasm_bindgen_test]
async fn the_view_lives_in_the_url_and_comes_back_on_remount() {
    set_hash("#top&t1.c=%E7%94%9F%E6%80%81%E7%8E%AF%E4%BF%9D&t1.q=%E6%89%AC%E5%B0%98");
    let (root, handle) = mount_keyed(SEED, "t1");
    wait_rows(&root, 2).await;
    assert_eq!(texts(&root, ".db-tab[aria-selected=true]"), ["生态环保 2"]);
    // Opening an article adds it to the link; the page's own `#top` stays.
    click(&root, ".db-open", "督查工地");
    wait_for("the article", &root, |r| !all(r, ".db-article").is_empty()).await;
    wait_for("the article in the link", &root, |_| {
        hash().contains("t1.a=gx-2019-11-24-site-inspection")
    })
    .await;
    assert!(hash().starts_with("#top&"), "{}", hash());
    handle.destroy();
    // A remount (a reload, a shared link) opens the same article.
    let (root, handle) = mount_keyed(SEED, "t1");
    wait_for("the article again", &root, |r| {
        text(r, ".db-article-title").contains("督查工地")
    })
    .await;
    handle.destroy();
    set_hash("");
}

#[wasm_bindgen_test]
async fn back_and_forward_step_through_the_readers_changes() {
    set_hash("");
    let (root, handle) = mount_keyed(SEED, "t2");
    wait_rows(&root, 6).await;
    click(&root, ".db-tab", "生态环保");
    wait_rows(&root, 2).await;
    wait_for("the category in the link", &root, |_| {
        hash().contains("t2.c=")
    })
    .await;
    click(&root, ".db-tab", "城乡建设");
    wait_rows(&root, 1).await;
    // (The link is written once the list is painted.)
    wait_for("the new category in the link", &root, |_| {
        hash().contains("t2.c=%E5%9F%8E")
    })
    .await;
    let history = web_sys::window()
        .and_then(|w| w.history().ok())
        .expect("history");
    history.back().expect("back");
    wait_rows(&root, 2).await;
    assert_eq!(texts(&root, ".db-tab[aria-selected=true]"), ["生态环保 2"]);
    history.back().expect("back");
    wait_rows(&root, 6).await;
    history.forward().expect("forward");
    wait_rows(&root, 2).await;
    // Typing is one history entry, not one per keystroke: one Back undoes it.
    for q in ["扬", "扬尘", "扬尘 暗访"] {
        type_search(&root, q);
        TimeoutFuture::new(20).await;
    }
    wait_rows(&root, 1).await;
    wait_for("the search in the link", &root, |_| {
        hash().contains("t2.q=")
    })
    .await;
    history.back().expect("back");
    wait_rows(&root, 2).await;
    assert_eq!(texts(&root, ".db-tab[aria-selected=true]"), ["生态环保 2"]);
    assert!(!hash().contains("t2.q="), "{}", hash());
    handle.destroy();
    set_hash("");
}

#[wasm_bindgen_test]
async fn ten_thousand_items_render_a_page_at_a_time() {
    let json = gen::generate(10_000, 7, (2026, 11, 27));
    let parts = js_sys::Array::of1(&JsValue::from_str(&json));
    let blob = web_sys::Blob::new_with_str_sequence(&parts).expect("blob");
    let url = web_sys::Url::create_object_url_with_blob(&blob).expect("object url");
    let root = mount(&url);
    wait_rows(&root, 20).await;
    assert_eq!(text(&root, ".db-count"), "共 10000 条结果");
    assert!(text(&root, ".db-more-button").contains("9980"));
    click(&root, ".db-more-button", "加载更多");
    wait_rows(&root, 40).await;
    type_search(&root, "扬尘治理 石佛村");
    wait_for("search results", &root, |r| {
        let n = all(r, ".db-row").len();
        n > 0 && n <= 20 && text(r, ".db-count") != "共 10000 条结果"
    })
    .await;
    choose(&root, 0, "环保安监局");
    wait_for("fewer results", &root, |r| all(r, ".db-row").len() <= 20).await;
    assert!(
        all(&root, ".db-row").len() <= 20,
        "rows in the DOM stay bounded"
    );
    web_sys::Url::revoke_object_url(&url).expect("revoke");
}

#[wasm_bindgen_test]
async fn the_last_good_copy_stays_when_the_network_fails() {
    clear_storage();
    let first = mount(SEED);
    wait_rows(&first, 6).await;
    wait_kept(&first, "seed.json").await;
    // The next visit finds the server failing every attempt: the reader
    // still sees the news, with its age and a way to retry.
    fail_next_fetches(3, 503);
    let root = mount(SEED);
    wait_for("the stale notice", &root, |r| {
        !all(r, ".db-stale").is_empty()
    })
    .await;
    assert_eq!(all(&root, ".db-row").len(), 6);
    let notice = text(&root, ".db-stale");
    assert!(
        notice.contains("数据更新于") && notice.contains("刷新失败") && notice.contains("503"),
        "{notice}"
    );
    click(&root, ".db-stale .db-retry", "重试");
    wait_for("the notice to go", &root, |r| {
        all(r, ".db-stale").is_empty()
    })
    .await;
    assert_eq!(all(&root, ".db-row").len(), 6);
}

/// A keydown as a keyboard would send it, on `el`.
fn key(el: &Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let e =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    el.dispatch_event(&e).expect("dispatch");
}

fn focused(root: &Element) -> String {
    let _ = root;
    document()
        .active_element()
        .map(|e| e.text_content().unwrap_or_default())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn keyboard_tabs_arrows_enter_and_escape() {
    let root = mount(SEED);
    wait_rows(&root, 6).await;
    let tabs = all(&root, "[role=tab]");
    // One tab in the Tab order: the selected one.
    let order: Vec<String> = tabs
        .iter()
        .map(|t| t.get_attribute("tabindex").unwrap_or_default())
        .collect();
    assert_eq!(order[0], "0");
    assert!(order[1..].iter().all(|t| t == "-1"));
    tabs[0]
        .clone()
        .dyn_into::<web_sys::HtmlElement>()
        .expect("tab")
        .focus()
        .expect("focus");
    key(&tabs[0], "ArrowRight");
    wait_rows(&root, 2).await;
    let inside = document()
        .active_element()
        .is_some_and(|a| root.contains(Some(&a)));
    assert_eq!(
        focused(&root),
        "生态环保 2",
        "focus follows the selection (inside this widget: {inside})"
    );
    key(&all(&root, "[role=tab]")[1], "End");
    wait_rows(&root, 1).await;
    assert_eq!(texts(&root, "[aria-selected=true]"), ["安全生产 1"]);
    key(&all(&root, "[role=tab]")[5], "ArrowRight");
    wait_rows(&root, 6).await;
    assert_eq!(focused(&root), "全部 6", "arrows wrap around");
    // Opening moves focus to the heading; Escape closes and focus returns.
    click(&root, ".db-open", "职业技能");
    wait_for("the article", &root, |r| !all(r, ".db-article").is_empty()).await;
    wait_for("focus on the heading", &root, |r| {
        focused(r) == "高新区召开职业技能提升行动工作推进会"
    })
    .await;
    key(&all(&root, ".db-article")[0], "Escape");
    wait_list(&root).await;
    wait_rows(&root, 6).await;
    // (The heading and the row read the same: wait for the row's button.)
    let on_row = |r: &Element| {
        document()
            .active_element()
            .is_some_and(|a| r.contains(Some(&a)) && a.class_name() == "db-open")
    };
    let start = js_sys::Date::now();
    while js_sys::Date::now() - start < 10_000.0 && !on_row(&root) {
        TimeoutFuture::new(20).await;
    }
    let active = document()
        .active_element()
        .map(|a| a.outer_html())
        .unwrap_or_default();
    assert_eq!(
        focused(&root),
        "高新区召开职业技能提升行动工作推进会",
        "focus back on the row; active: {}",
        active.chars().take(200).collect::<String>()
    );
    let active_class = document()
        .active_element()
        .map(|e| e.class_name())
        .unwrap_or_default();
    assert_eq!(active_class, "db-open");
}

#[wasm_bindgen_test]
async fn article_view_has_neighbours_print_and_the_result_count_is_announced() {
    let root = mount(SEED);
    wait_rows(&root, 6).await;
    let live = all(&root, "[aria-live=polite]");
    assert_eq!(live.len(), 1);
    assert_eq!(text(&root, "[aria-live=polite]"), "共 6 条结果");
    click(&root, ".db-tab", "生态环保");
    wait_for("the count", &root, |r| {
        text(r, "[aria-live=polite]") == "共 2 条结果"
    })
    .await;
    click(&root, ".db-open", "秋冬蓝天");
    wait_for("the article", &root, |r| !all(r, ".db-article").is_empty()).await;
    // Within the filter: the first of two has a next, not a previous.
    assert!(all(&root, ".db-prev").is_empty());
    assert!(text(&root, ".db-next").contains("督查工地"));
    assert_eq!(text(&root, ".db-print"), "打印");
    click(&root, ".db-next", "督查工地");
    wait_for("the next article", &root, |r| {
        text(r, ".db-article-title").contains("督查工地")
    })
    .await;
    assert!(text(&root, ".db-prev").contains("秋冬蓝天"));
    assert!(all(&root, ".db-next").is_empty());
}

#[wasm_bindgen_test]
async fn english_and_elder_mode() {
    let root = mount_with_attrs(SEED, &[("lang", "en"), ("relative-dates", "")]);
    wait_rows(&root, 6).await;
    assert_eq!(texts(&root, ".db-tab")[0], "All 6");
    assert_eq!(text(&root, "[aria-live=polite]"), "6 results");
    assert_eq!(texts(&root, ".db-date")[0], "Nov 28, 2019");
    assert_eq!(all(&root, "section[lang=en]").len(), 1);
    // The content keeps its own language.
    assert_eq!(all(&root, "ul[lang=zh-CN]").len(), 1);
    click(&root, ".db-open", "秋冬蓝天");
    wait_for("the article", &root, |r| !all(r, ".db-article").is_empty()).await;
    assert!(text(&root, ".db-article-meta").contains("Published"));
    assert!(text(&root, ".db-article-meta").contains("Nov 28, 2019"));
    click(&root, ".db-back", "Back");
    wait_rows(&root, 6).await;
    // 长者模式: toggled, remembered, and applied as a class the styles hang on.
    clear_storage();
    click(&root, ".db-elder-toggle", "Large text");
    wait_for("elder mode", &root, |r| !all(r, ".db.db-elder").is_empty()).await;
    // (The header is a component of its own: it may update a frame later.)
    wait_for("the pressed switch", &root, |r| {
        text(r, "[aria-pressed=true]") == "Large text"
    })
    .await;
    let other = mount(SEED);
    wait_rows(&other, 6).await;
    assert_eq!(
        all(&other, ".db.db-elder").len(),
        1,
        "remembered on this site"
    );
    click(&other, ".db-elder-toggle", "长者模式");
    wait_for("elder mode off", &other, |r| {
        all(r, ".db.db-elder").is_empty()
    })
    .await;
    clear_storage();
}

#[wasm_bindgen_test]
async fn several_feeds_merge_and_a_failing_one_does_not_hide_the_others() {
    let root =
        mount("/feeds/seed.json /tests/fixtures/sub/lenient.json /tests/fixtures/missing.json");
    wait_rows(&root, 10).await;
    let notice = text(&root, ".db-stale");
    assert!(
        notice.contains("部分信息源加载失败") && notice.contains("404"),
        "{notice}"
    );
    // Newest first across both feeds; the first feed's title heads the widget.
    assert_eq!(text(&root, ".db-title"), "郑州高新区 · 区情动态");
    assert_eq!(
        texts(&root, ".db-date")[..2],
        ["2019年11月28日", "2019年11月27日"]
    );
    click(&root, ".db-open", "数字编号的条目");
    wait_for("the article", &root, |r| !all(r, ".db-article").is_empty()).await;
    assert!(
        text(&root, ".db-article-meta").contains("宽松解析"),
        "the source is named"
    );
}

/// Waits until the last good copy of a feed whose URL contains `name` is
/// kept (it is written once the rows are painted).
async fn wait_kept(root: &Element, name: &str) {
    wait_for("the copy to be kept", root, |_| {
        web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .and_then(|s| s.get_item("district-bulletin:feeds").ok().flatten())
            .is_some_and(|index| index.contains(name))
    })
    .await;
}

/// A widget as the loader makes it: `host` carries the attributes, and the
/// container holds the loader's placeholder until the widget mounts.
fn widget_host(feed: &str) -> (Element, Element) {
    let host = document()
        .create_element("district-bulletin")
        .expect("host");
    host.set_attribute("feed", feed).expect("feed");
    let container = document().create_element("div").expect("container");
    container.set_inner_html("<p class=\"placeholder\">正在加载…</p>");
    host.append_child(&container).expect("append");
    document()
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    (host, container)
}

#[wasm_bindgen_test]
async fn the_widget_mounts_with_its_first_answer_then_with_its_kept_copy() {
    clear_storage();
    // First visit: the placeholder stays while the feed is fetched, and the
    // widget's first render already has the rows.
    let (host, container) = widget_host(SEED);
    let mut first = district_bulletin::Widget::new(&host, container.clone());
    assert!(
        !all(&container, ".placeholder").is_empty(),
        "placeholder kept"
    );
    wait_rows(&container, 6).await;
    assert!(
        all(&container, ".placeholder").is_empty(),
        "placeholder replaced"
    );
    assert!(all(&container, ".db-loading").is_empty());
    wait_kept(&container, "seed.json").await;
    first.destroy();

    // Return visit with the server failing: the kept copy is mounted at
    // once (the network has not answered yet), then the failure is told.
    fail_next_fetches(3, 503);
    let (host, container) = widget_host(SEED);
    let mut again = district_bulletin::Widget::new(&host, container.clone());
    wait_rows(&container, 6).await;
    wait_for("the stale notice", &container, |r| {
        !all(r, ".db-stale").is_empty()
    })
    .await;
    assert_eq!(all(&container, ".db-row").len(), 6);
    again.destroy();
}

#[wasm_bindgen_test]
async fn a_new_feed_while_the_first_answer_is_awaited_mounts_at_once() {
    clear_storage();
    let restore = stall_fetches_of("/never/");
    let (host, container) = widget_host("/never/answers.json");
    let mut w = district_bulletin::Widget::new(&host, container.clone());
    assert!(!all(&container, ".placeholder").is_empty(), "waiting");
    // The webmaster's script points the widget at another feed.
    host.set_attribute("feed", SEED).expect("feed");
    w.update(&host);
    wait_rows(&container, 6).await;
    let _ = restore.call0(&JsValue::NULL);
    w.destroy();
}

#[wasm_bindgen_test]
async fn the_clock_moves_on_with_each_answer() {
    clear_storage();
    // Mounted with a clock of 2019-11-28 09:00 (+08:00), when the seed's
    // newest item was today's. The answer arrives later: the clock moves on
    // to the browser's, so the row no longer says 今天 (a widget left open
    // with `refresh` used to keep the labels of the day it was opened).
    let mut props = district_bulletin::ui::components::AppProps::with_feed(SEED);
    let config = district_bulletin::app::config::Config {
        relative_dates: true,
        ..(*props.config).clone()
    };
    props.config = std::rc::Rc::new(config);
    props.start.now = 1_574_902_800;
    let (root, _handle) = mount_started(props);
    wait_rows(&root, 6).await;
    wait_for("the browser's clock", &root, |r| {
        texts(r, ".db-date").first().map(String::as_str) == Some("2019年11月28日")
    })
    .await;
}

#[wasm_bindgen_test]
async fn thumbnails_load_lazily_in_a_fixed_box_and_never_show_a_pixel_or_a_broken_image() {
    with_widget_styles().await;
    let root = mount_with_attrs("/tests/fixtures/thumbs/feed.json", &[("thumbnails", "")]);
    wait_rows(&root, 4).await;
    // (Lazy images load near the viewport; earlier tests' widgets are above.)
    root.scroll_into_view();
    let row = |key: &str| {
        root.query_selector(&format!(".db-row[data-key='{key}']"))
            .ok()
            .flatten()
            .expect("row")
    };
    let boxes: Vec<(i32, i32)> = ["photo", "missing", "pixel"]
        .iter()
        .map(|k| {
            let b = row(k)
                .query_selector(".db-thumb")
                .ok()
                .flatten()
                .expect("a box")
                .dyn_into::<web_sys::HtmlElement>()
                .expect("html");
            (b.offset_width(), b.offset_height())
        })
        .collect();
    assert!(
        boxes.windows(2).all(|w| w[0] == w[1]) && boxes[0].0 > 40,
        "one fixed size: {boxes:?}"
    );
    wait_for(
        "the failed and the 1×1 image replaced by a placeholder",
        &root,
        |_| {
            all(&row("missing"), ".db-thumb-none img").is_empty()
                && !all(&row("missing"), ".db-thumb-none").is_empty()
                && !all(&row("pixel"), ".db-thumb-none").is_empty()
                && all(&row("pixel"), "img").is_empty()
        },
    )
    .await;
    let img: web_sys::HtmlImageElement = row("photo")
        .query_selector(".db-thumb img")
        .ok()
        .flatten()
        .expect("the photo")
        .dyn_into()
        .expect("img");
    wait_for("the photo", &root, |_| img.natural_width() == 160).await;
    assert_eq!(img.alt(), "高新区新建便民服务中心投入使用");
    assert_eq!(img.get_attribute("loading").as_deref(), Some("lazy"));
    assert!(
        all(&row("none"), ".db-thumb").is_empty(),
        "no image, no box"
    );
    let after: Vec<(i32, i32)> = ["photo", "missing", "pixel"]
        .iter()
        .map(|k| {
            let b = row(k)
                .query_selector(".db-thumb")
                .ok()
                .flatten()
                .expect("a box")
                .dyn_into::<web_sys::HtmlElement>()
                .expect("html");
            (b.offset_width(), b.offset_height())
        })
        .collect();
    assert_eq!(
        after, boxes,
        "nothing moved as the images arrived or failed"
    );
    // Off unless asked for.
    let plain = mount("/tests/fixtures/thumbs/feed.json");
    wait_rows(&plain, 4).await;
    assert!(all(&plain, ".db-thumb").is_empty());
}

#[wasm_bindgen(inline_js = r#"
export function stub_speech(voices) {
  class FakeSynthesis extends EventTarget {
    constructor() { super(); this.log = []; this.timer = null; this.current = null; }
    getVoices() { return voices.map(lang => ({ lang, name: "stub " + lang, localService: true, default: false, voiceURI: lang })); }
    speak(u) {
      this.log.push("speak:" + u.text.slice(0, 12) + ":" + u.lang);
      this.current = u;
      // Each block takes a moment; pausing holds it.
      this.timer = setTimeout(() => { this.current = null; u.onend && u.onend(new Event("end")); }, 120);
    }
    pause() { this.log.push("pause"); clearTimeout(this.timer); }
    resume() {
      this.log.push("resume");
      const u = this.current;
      if (u) this.timer = setTimeout(() => { this.current = null; u.onend && u.onend(new Event("end")); }, 120);
    }
    cancel() { this.log.push("cancel"); clearTimeout(this.timer); this.current = null; }
  }
  const fake = new FakeSynthesis();
  window.__speechBefore = window.__speechBefore || Object.getOwnPropertyDescriptor(window, "speechSynthesis");
  Object.defineProperty(window, "speechSynthesis", { value: fake, configurable: true });
  return fake;
}
export function speech_log(fake) { return fake.log.join("|"); }
export function watch_errors() {
  window.__errs = [];
  window.addEventListener("error", e => window.__errs.push("error: " + e.message));
  window.addEventListener("unhandledrejection", e => window.__errs.push("rejection: " + e.reason));
}
export function errors() { return (window.__errs || []).join(" | "); }
export function unstub_speech() {
  const before = window.__speechBefore;
  if (before) Object.defineProperty(window, "speechSynthesis", before);
  else delete window.speechSynthesis;
}
export function remove_speech() { Object.defineProperty(window, "speechSynthesis", { value: undefined, configurable: true }); }
"#)]
extern "C" {
    /// Replaces the browser's speech synthesis with a recorder offering
    /// voices for `voices` (BCP 47 tags); returns it.
    fn stub_speech(voices: Vec<JsValue>) -> JsValue;
    /// What the stub was asked to do, `|`-separated.
    fn speech_log(fake: &JsValue) -> String;
    fn unstub_speech();
    fn watch_errors();
    fn errors() -> String;
    /// A browser without speech synthesis (`window.speechSynthesis` undefined).
    fn remove_speech();
}

#[wasm_bindgen_test]
async fn an_article_is_read_aloud_block_by_block_with_pause_and_stop() {
    let fake = stub_speech(vec![JsValue::from_str("en-US"), JsValue::from_str("zh-CN")]);
    let (root, handle) = mount_keyed_opt(SEED, None);
    wait_rows(&root, 6).await;
    click(&root, ".db-open", "秋冬蓝天");
    wait_for("the 朗读 button", &root, |r| {
        !all(r, ".db-speak-start").is_empty()
    })
    .await;
    click(&root, ".db-speak-start", "朗读");
    wait_for("the title read first and marked", &root, |r| {
        speech_log(&fake).starts_with("cancel|speak:高新区打响秋冬蓝天“保卫:zh-CN")
            && text(r, ".db-reading-now") == "高新区打响秋冬蓝天“保卫战”"
    })
    .await;
    wait_for("the first paragraph next", &root, |r| {
        text(r, ".db-reading-now").starts_with("本报讯 11月28日")
            && speech_log(&fake).contains("speak:本报讯 11月28日")
    })
    .await;
    click(&root, ".db-speak-pause", "暂停");
    wait_for("paused", &root, |r| !all(r, ".db-speak-resume").is_empty()).await;
    assert!(speech_log(&fake).ends_with("pause"));
    let marked = text(&root, ".db-reading-now");
    TimeoutFuture::new(300).await; // (a paused reading stays where it is)
    assert_eq!(
        text(&root, ".db-reading-now"),
        marked,
        "still on the same paragraph"
    );
    click(&root, ".db-speak-resume", "继续");
    wait_for("resumed", &root, |r| !all(r, ".db-speak-pause").is_empty()).await;
    assert!(speech_log(&fake).contains("pause|resume"));
    click(&root, ".db-speak-stop", "停止");
    wait_for("stopped, nothing marked", &root, |r| {
        !all(r, ".db-speak-start").is_empty() && all(r, ".db-reading-now").is_empty()
    })
    .await;
    // Closing the article stops any reading.
    click(&root, ".db-speak-start", "朗读");
    wait_for("reading again", &root, |r| {
        !all(r, ".db-speak-pause").is_empty()
    })
    .await;
    click(&root, ".db-back", "返回列表");
    wait_for("the list", &root, |r| all(r, ".db-article").is_empty()).await;
    assert!(
        speech_log(&fake).ends_with("cancel"),
        "{}",
        speech_log(&fake)
    );
    handle.destroy();
    unstub_speech();
}

#[wasm_bindgen_test]
async fn without_a_chinese_voice_there_is_no_read_aloud_control() {
    let _fake = stub_speech(vec![JsValue::from_str("en-US"), JsValue::from_str("ja-JP")]);
    let (root, handle) = mount_keyed_opt(SEED, None);
    wait_rows(&root, 6).await;
    click(&root, ".db-open", "秋冬蓝天");
    wait_for("the article", &root, |r| !all(r, ".db-article").is_empty()).await;
    TimeoutFuture::new(100).await; // (the voices are looked at after the first render)
    assert!(all(&root, ".db-speak").is_empty());
    handle.destroy();
    // A browser with no speech synthesis at all: no control, and nothing
    // breaks, neither opening an article nor closing it.
    remove_speech();
    watch_errors();
    let (root, handle) = mount_keyed_opt(SEED, None);
    wait_rows(&root, 6).await;
    click(&root, ".db-open", "秋冬蓝天");
    wait_for("the article", &root, |r| !all(r, ".db-article").is_empty()).await;
    assert!(all(&root, ".db-speak").is_empty());
    click(&root, ".db-back", "返回列表");
    wait_for("the list again", &root, |r| {
        all(r, ".db-article").is_empty()
    })
    .await;
    handle.destroy();
    let after = mount(SEED);
    wait_rows(&after, 6).await;
    assert_eq!(errors(), "", "no error on the page");
    unstub_speech();
}
