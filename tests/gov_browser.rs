//! Browser tests: the real widget on a district portal's 政务公开 column
//! (`tests/fixtures/gov/`): 置顶 (the flag, a date to come, a date gone, a
//! title prefix) in every order and tab, the marks of repealed and expired
//! documents in the list, the 信息公开 table in the article, search over its
//! fields, English, and RSS whose titles carry the pin. The native side is
//! `tests/gov_feeds.rs`.
#![cfg(target_arch = "wasm32")]

#[path = "support/dom.rs"]
mod dom;

use dom::*;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

const FEED: &str = "/tests/fixtures/gov/feed.json";

const POLICY: &str = "示例区促进中小企业高质量发展若干措施";
const HEATING: &str = "关于做好2024—2025年度冬季供暖工作的通知";
const HOTLINE: &str = "区长信箱和12345政务服务便民热线受理须知";
const REPEALED: &str = "示例区城市道路占用挖掘管理办法";
const EXPIRED: &str = "示例区2021年度稳就业专项补贴实施细则";
const AMENDED: &str = "示例区物业管理办法";
const OLD_PIN: &str = "2020年元旦假期安排的通知";
const NEWS_1: &str = "区政务服务中心延长周末办理时间";
const NEWS_2: &str = "区召开安全生产工作推进会";
const NOTICE: &str = "关于2024年第四季度城区停水检修的公告";

/// The rows as `title|marks` (the marks' texts, space-separated).
fn rows(root: &Element) -> Vec<String> {
    all(root, ".db-list .db-row")
        .iter()
        .map(|row| {
            let marks = texts(row, ".db-mark").join(" ");
            format!("{}|{marks}", text(row, ".db-row-title"))
        })
        .collect()
}

fn titles(root: &Element) -> Vec<String> {
    texts(root, ".db-list .db-row-title")
}

async fn first_title_is(root: &Element, title: &str) {
    wait_for(&format!("{title} first"), root, |r| {
        titles(r).first().map(String::as_str) == Some(title)
    })
    .await;
}

#[wasm_bindgen_test]
async fn pinned_items_lead_with_their_mark_and_void_documents_are_marked() {
    let root = mount(FEED);
    wait_rows(&root, 10).await;
    assert_eq!(
        rows(&root),
        [
            format!("{POLICY}|置顶"),
            format!("{HEATING}|置顶"),
            format!("{HOTLINE}|置顶"),
            format!("{NEWS_1}|"),
            format!("{NEWS_2}|"),
            format!("{NOTICE}|"),
            format!("{AMENDED}|"),
            format!("{EXPIRED}|已失效"),
            // Pinned until 2019-12-31: an ordinary item now.
            format!("{OLD_PIN}|"),
            format!("{REPEALED}|已废止"),
        ]
    );
    // The marks are words, placed before the date in the row's details.
    let meta = all(&root, ".db-row .db-meta");
    let first = meta[0].first_element_child().expect("a first child");
    assert_eq!(first.class_name(), "db-mark db-mark-pinned");
    assert_eq!(all(&root, ".db-mark-void").len(), 2);
}

#[wasm_bindgen_test]
async fn pinned_items_lead_oldest_first_too() {
    let root = mount(FEED);
    wait_rows(&root, 10).await;
    choose(&root, 2, "最早在前");
    first_title_is(&root, HOTLINE).await;
    assert_eq!(
        titles(&root),
        [HOTLINE, HEATING, POLICY, REPEALED, OLD_PIN, EXPIRED, AMENDED, NOTICE, NEWS_2, NEWS_1]
    );
}

#[wasm_bindgen_test]
async fn pinned_items_lead_inside_a_category_tab() {
    let root = mount(FEED);
    wait_rows(&root, 10).await;
    click(&root, ".db-tab", "通知公告");
    wait_rows(&root, 4).await;
    assert_eq!(
        rows(&root),
        [
            format!("{HEATING}|置顶"),
            format!("{HOTLINE}|置顶"),
            format!("{NOTICE}|"),
            format!("{OLD_PIN}|"),
        ]
    );
    choose(&root, 2, "最早在前");
    first_title_is(&root, HOTLINE).await;
    assert_eq!(titles(&root), [HOTLINE, HEATING, OLD_PIN, NOTICE]);
    click(&root, ".db-tab", "政策文件");
    first_title_is(&root, POLICY).await;
    // Oldest first still: the one pinned document leads.
    assert_eq!(titles(&root), [POLICY, REPEALED, EXPIRED, AMENDED]);
}

/// The 信息公开 table of the open article: `label: value` per row.
fn table(root: &Element) -> Vec<String> {
    all(root, ".db-article .db-public-cell")
        .iter()
        .map(|cell| format!("{}: {}", text(cell, "dt"), text(cell, "dd")))
        .collect()
}

async fn open(root: &Element, title: &str) {
    click(root, ".db-list .db-open", title);
    wait_for(&format!("the article {title}"), root, |r| {
        text(r, ".db-article-title") == title
    })
    .await;
}

#[wasm_bindgen_test]
async fn the_article_shows_the_public_information_table() {
    let root = mount(FEED);
    wait_rows(&root, 10).await;
    open(&root, POLICY).await;
    assert_eq!(
        table(&root),
        [
            "索引号: 11410100MB0000000X/2024-00123",
            "主题分类: 工业、交通",
            "发布机构: 示例区人民政府",
            "成文日期: 2024年11月27日",
            "发布日期: 2024年11月28日 16:00",
            "文号: 示政〔2024〕12号",
            "有效性: 有效",
            "来源: 区工业和信息化局",
            "栏目: 政策文件",
        ]
    );
    assert_eq!(
        all(&root, ".db-public")[0]
            .get_attribute("aria-label")
            .as_deref(),
        Some("信息公开")
    );
    let times: Vec<Option<String>> = all(&root, ".db-public time")
        .iter()
        .map(|t| t.get_attribute("datetime"))
        .collect();
    assert_eq!(
        times,
        [
            Some("2024-11-27".to_string()),
            Some("2024-11-28T16:00+08:00".to_string())
        ]
    );
    assert_eq!(texts(&root, ".db-article .db-mark"), ["置顶"]);
    // The table replaces the metadata list: nothing is said twice.
    assert!(all(&root, ".db-article .db-article-meta").is_empty());

    click(&root, ".db-back", "返回列表");
    wait_list(&root).await;
    open(&root, REPEALED).await;
    assert!(table(&root).contains(&"有效性: 已废止".to_string()));
    assert_eq!(texts(&root, ".db-article .db-mark"), ["已废止"]);
    assert_eq!(all(&root, ".db-public .db-void").len(), 1);

    click(&root, ".db-back", "返回列表");
    wait_list(&root).await;
    open(&root, EXPIRED).await;
    assert!(table(&root).contains(&"有效性: 已失效".to_string()));
    assert_eq!(texts(&root, ".db-article .db-mark"), ["已失效"]);

    // Amended: said in the table, no mark. Only the fields it has.
    click(&root, ".db-back", "返回列表");
    wait_list(&root).await;
    open(&root, AMENDED).await;
    assert_eq!(
        table(&root),
        [
            "主题分类: 城乡建设、环境保护",
            "发布机构: 区住房和城乡建设局",
            "发布日期: 2022年9月1日",
            "文号: 示政办〔2022〕21号",
            "有效性: 已修改",
            "栏目: 政策文件",
        ]
    );
    assert!(all(&root, ".db-article .db-mark").is_empty());
}

#[wasm_bindgen_test]
async fn news_articles_look_as_before() {
    let root = mount(FEED);
    wait_rows(&root, 10).await;
    open(&root, NEWS_1).await;
    assert!(all(&root, ".db-public").is_empty());
    assert_eq!(
        texts(&root, ".db-article-meta dt"),
        ["发布日期", "发布机构", "栏目"]
    );
    assert!(all(&root, ".db-article .db-mark").is_empty());
    // A pinned notice without 信息公开 fields: the mark, no table.
    click(&root, ".db-back", "返回列表");
    wait_list(&root).await;
    open(&root, HEATING).await;
    assert!(all(&root, ".db-public").is_empty());
    assert_eq!(texts(&root, ".db-article .db-mark"), ["置顶"]);
}

#[wasm_bindgen_test]
async fn search_covers_the_public_information_fields() {
    let root = mount(FEED);
    wait_rows(&root, 10).await;
    for (query, expected) in [
        ("11410100MB0000000X/2019", vec![REPEALED]),
        ("2021-00077", vec![EXPIRED]),
        ("劳动、人事", vec![EXPIRED]),
        ("区城市管理局", vec![REPEALED]),
        ("区工业和信息化局", vec![POLICY]),
        ("已废止", vec![REPEALED]),
        ("已修改", vec![AMENDED]),
        ("城乡建设、环境保护", vec![AMENDED, REPEALED]),
    ] {
        type_search(&root, query);
        wait_for(&format!("the results of {query}"), &root, |r| {
            titles(r) == expected
        })
        .await;
    }
}

#[wasm_bindgen_test]
async fn english_marks_and_table() {
    let root = mount_with_attrs(FEED, &[("lang", "en")]);
    wait_rows(&root, 10).await;
    let marks = texts(&root, ".db-list .db-mark");
    assert_eq!(marks, ["Pinned", "Pinned", "Pinned", "Expired", "Repealed"]);
    open(&root, POLICY).await;
    let labels: Vec<String> = table(&root)
        .iter()
        .map(|r| r.split(": ").next().unwrap_or_default().to_string())
        .collect();
    assert_eq!(
        labels,
        [
            "Index No.",
            "Subject",
            "Issued by",
            "Date written",
            "Published",
            "Document No.",
            "Validity",
            "Source",
            "Category"
        ]
    );
    assert!(table(&root).contains(&"Date written: Nov 27, 2024".to_string()));
    assert_eq!(
        all(&root, ".db-public")[0]
            .get_attribute("aria-label")
            .as_deref(),
        Some("Public information")
    );
}

#[wasm_bindgen_test]
async fn rss_titles_carry_the_pin_and_nothing_else() {
    let root = mount("/tests/fixtures/gov/notices.xml");
    wait_rows(&root, 4).await;
    assert_eq!(
        rows(&root),
        [
            "关于开展冬季消防安全大检查的通知|置顶",
            "区应急避难场所分布图|置顶",
            "区应急管理局开展防汛应急演练|",
            "置顶帖管理办法（试行）|",
        ]
    );
    open(&root, "区应急避难场所分布图").await;
    assert!(all(&root, ".db-public").is_empty(), "nothing invented");
    assert_eq!(texts(&root, ".db-article .db-mark"), ["置顶"]);
}

#[wasm_bindgen_test]
async fn max_items_keeps_the_pinned_items() {
    let root = mount_with_attrs(FEED, &[("max-items", "4")]);
    wait_rows(&root, 4).await;
    assert_eq!(titles(&root), [POLICY, HEATING, HOTLINE, NEWS_1]);
}
