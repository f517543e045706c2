//! Browser tests: the real widget mounted on the feeds of
//! `tests/fixtures/cms/real/` (provenance beside them). A TRS-style feed
//! shows its departments (`<source>` names), categories (item `<channel>`),
//! `<pubTime>` dates and links and images resolved against the channel's
//! `<link>`, as `render` does (`tests/cms_mappings.rs`).
#![cfg(target_arch = "wasm32")]

#[path = "support/dom.rs"]
mod dom;

use dom::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const DIR: &str = "/tests/fixtures/cms/real";

#[wasm_bindgen_test]
async fn a_trs_feed_shows_departments_categories_and_absolute_links() {
    let root = mount(&format!("{DIR}/derived-trs-nbs-style.xml"));
    wait_rows(&root, 3).await;
    assert_eq!(
        texts(&root, ".db-row .db-cat"),
        ["最新发布", "数据解读", "最新发布"]
    );
    assert_eq!(
        texts(&root, ".db-row .db-dept"),
        ["国家统计局", "国家统计局城市司", "国家统计局"]
    );
    let dates: Vec<_> = all(&root, ".db-row .db-date")
        .iter()
        .map(|t| t.get_attribute("datetime").unwrap_or_default())
        .collect();
    assert_eq!(
        dates,
        [
            "2026-06-10T09:30+08:00",
            "2026-05-11T09:31+08:00",
            "2026-05-11T09:30+08:00"
        ]
    );
    let hrefs: Vec<_> = all(&root, ".db-row a.db-open")
        .iter()
        .filter_map(|a| a.get_attribute("href"))
        .collect();
    assert_eq!(
        hrefs[0],
        "https://www.stats.gov.cn/sj/zxfb/202606/t20260610_1963922.html"
    );

    click(&root, ".db-open", "5月份");
    wait_for("the article body", &root, |r| {
        !all(r, ".db-article-html img").is_empty()
    })
    .await;
    let img = &all(&root, ".db-article-html img")[0];
    assert_eq!(
        img.get_attribute("src").as_deref(),
        Some("https://www.stats.gov.cn/sj/zxfb/202606/W020260610000000000001.jpg")
    );
    let link = &all(&root, ".db-article-html a")[0];
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://www.stats.gov.cn/sj/zxfb/202606/P020260610000000000001.xlsx")
    );
    let meta = text(&root, ".db-article-meta");
    assert!(
        meta.contains("国家统计局") && meta.contains("最新发布"),
        "{meta}"
    );
}

#[wasm_bindgen_test]
async fn dedecms_accounts_name_no_department() {
    let root = mount(&format!("{DIR}/dedecms-guangshanban.xml"));
    wait_rows(&root, 4).await;
    let titles = texts(&root, ".db-row-title");
    let depts: Vec<_> = all(&root, ".db-row")
        .iter()
        .map(|r| texts(r, ".db-dept").join(""))
        .collect();
    let banner = titles.iter().position(|t| t == "Banner3").expect("Banner3");
    assert_eq!(depts[banner], "", "admin names nobody");
    let first = titles
        .iter()
        .position(|t| t == "光栅立体画原理")
        .expect("a title");
    assert_eq!(depts[first], "光栅板");
}
