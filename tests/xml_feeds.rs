//! Browser tests: RSS 2.0 and Atom 1.0 read with the browser's XML parser —
//! real feeds (../shared/fixtures/real-feeds/, read at compile time, never
//! copied) and fixtures modelled on Chinese government RSS (GBK, CDATA,
//! GB-style dates, HTML entities, category columns).
#![cfg(target_arch = "wasm32")]

#[path = "support/dom.rs"]
mod dom;

use dom::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
export function xml_blob(text) {
  return URL.createObjectURL(new Blob([text], { type: "text/plain" }));
}
"#)]
extern "C" {
    /// A URL serving `text` with a misleading Content-Type (detection is by bytes).
    fn xml_blob(text: &str) -> String;
}

#[wasm_bindgen_test]
async fn a_gbk_government_rss_feed_reads_like_a_json_feed() {
    let root = mount("/tests/fixtures/rss/gov-gbk.xml");
    wait_rows(&root, 3).await;
    assert_eq!(text(&root, ".db-title"), "某区人民政府 · 通知公告");
    let tabs = texts(&root, ".db-tab");
    assert_eq!(tabs[..3], ["全部 3", "通知公告 2", "政务动态 1"]);
    assert_eq!(
        texts(&root, ".db-date"),
        ["2019年11月27日", "2019年11月26日", "2019年11月25日"]
    );
    assert_eq!(
        texts(&root, ".db-dept")[..2],
        ["区城市管理局", "区应急管理局"]
    );
    // Full-width indentation and HTML entities are handled.
    let summaries = texts(&root, ".db-summary");
    assert!(summaries[0].starts_with("各街道办事处"), "{summaries:?}");
    assert!(summaries[1].contains("“安全第一”"), "{summaries:?}");
    click(&root, ".db-open", "冬季供暖");
    wait_for("the article", &root, |r| !all(r, ".db-article").is_empty()).await;
    assert!(text(&root, ".db-article-meta").contains("2019年11月27日 10:30"));
    assert!(text(&root, ".db-article-body").contains("为做好今冬供暖工作"));
    assert!(all(&root, ".db-article script").is_empty());
    assert!(text(&root, ".db-attachments").contains("PDF · 1.2 MB"));
    assert!(all(&root, ".db-original a").len() == 1);
}

#[wasm_bindgen_test]
async fn an_atom_feed_with_html_titles_categories_and_enclosures() {
    let root = mount("/tests/fixtures/rss/atom.xml");
    wait_rows(&root, 2).await;
    assert_eq!(text(&root, ".db-title"), "某区发布");
    assert_eq!(texts(&root, ".db-row-title")[0], "高新区打响秋冬蓝天保卫战");
    assert!(texts(&root, ".db-tab").contains(&"生态环保 1".to_string()));
    click(&root, ".db-open", "秋冬蓝天");
    wait_for("the article", &root, |r| !all(r, ".db-article").is_empty()).await;
    assert!(text(&root, ".db-article-body").contains("动员全区上下强化攻坚责任"));
    assert!(all(&root, ".db-article [onerror]").is_empty());
    assert!(text(&root, ".db-attachments").contains("攻坚方案"));
    assert!(text(&root, ".db-attachments").contains("Word · 51 KB"));
}

#[wasm_bindgen_test]
async fn real_rss_and_atom_feeds() {
    let rss = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/fixtures/real-feeds/real-rss-spiegel-update.xml"
    ));
    let root = mount(&xml_blob(rss));
    wait_rows(&root, 1).await;
    assert_eq!(text(&root, ".db-title"), "SPIEGEL Update – Die Nachrichten");
    assert!(text(&root, ".db-row-title").contains("Wochenvorschau"));
    // The feed says `de`: the interface falls back to the page, the content keeps `de`.
    assert_eq!(all(&root, "ul[lang=de]").len(), 1);

    let atom = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/fixtures/real-feeds/real-atom-reddit-rust.xml"
    ));
    let root = mount(&xml_blob(atom));
    wait_rows(&root, 1).await;
    assert_eq!(text(&root, ".db-title"), "The Rust Programming Language");
    assert!(text(&root, ".db-row-title").contains("Hey Rustaceans"));
}

#[wasm_bindgen_test]
async fn a_billion_laughs_document_ends_in_a_message() {
    let root = mount("/tests/fixtures/rss/billion-laughs.xml");
    wait_for("the message", &root, |r| {
        text(r, ".db-error-message").contains("实体")
    })
    .await;
}
