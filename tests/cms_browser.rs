//! Browser tests: the real widget mounted on the feeds of `tests/fixtures/cms/`
//! (each a quirk of Chinese CMSs; the native side is `tests/cms_feeds.rs`).
//! Every item shows, with the right date; and what the browser provides to
//! the parser (`feed::host`: its `TextDecoder` and HTML entity names) agrees
//! with what the command uses natively (encoding_rs, htmlize's table).
#![cfg(target_arch = "wasm32")]

#[path = "support/dom.rs"]
mod dom;

use district_bulletin::model::feed::host;
use dom::*;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

const DIR: &str = "/tests/fixtures/cms";

/// The rows' machine-readable dates (`<time datetime>`, in Asia/Shanghai);
/// `-` for a row without one (日期未知).
fn datetimes(root: &Element) -> Vec<String> {
    all(root, ".db-row .db-date")
        .iter()
        .map(|t| t.get_attribute("datetime").unwrap_or_else(|| "-".into()))
        .collect()
}

async fn mounted(name: &str, rows: usize) -> Element {
    let root = mount(&format!("{DIR}/{name}"));
    wait_rows(&root, rows).await;
    root
}

#[wasm_bindgen_test]
async fn bare_ampersands() {
    let root = mounted("bare-ampersand.xml", 2).await;
    assert_eq!(
        texts(&root, ".db-row-title"),
        [
            "区政府召开安全生产&消防工作会议",
            "供水管网改造A&B两期工程开工"
        ]
    );
    assert_eq!(
        datetimes(&root),
        ["2019-11-27T10:30+08:00", "2019-11-26T09:00+08:00"]
    );
    click(&root, ".db-open", "安全生产");
    wait_for("the article", &root, |r| !all(r, ".db-article").is_empty()).await;
    let link = all(&root, ".db-original a");
    assert_eq!(
        link[0].get_attribute("href").as_deref(),
        Some("http://www.example.gov.cn/art.jsp?id=101&cat=2")
    );
}

#[wasm_bindgen_test]
async fn html_entities() {
    let root = mounted("html-entities.xml", 3).await;
    assert_eq!(text(&root, ".db-title"), "某区发展和改革局 » 价格公示");
    assert_eq!(
        texts(&root, ".db-row-title"),
        [
            "关于调整居民供暖价格的公示 » 听证会",
            "“放管服”改革第三批事项清单——政务服务 · 公示",
            "实体 &foo; 原样显示",
        ]
    );
    assert_eq!(
        datetimes(&root),
        [
            "2019-11-27T10:30+08:00",
            "2019-11-26T09:00+08:00",
            "2019-11-25T08:00+08:00"
        ]
    );
    let summary = texts(&root, ".db-summary").join("\n");
    assert!(summary.contains("¥22.5"), "{summary}");
    assert!(summary.contains("18°C"), "{summary}");
    assert!(summary.contains("m²"), "{summary}");
}

#[wasm_bindgen_test]
async fn control_characters() {
    let root = mounted("control-chars.xml", 2).await;
    assert_eq!(
        texts(&root, ".db-row-title"),
        [
            "关于2019年冬季学校安全工作的通知",
            "中小学寒假放假时间安排公告"
        ]
    );
    assert_eq!(
        datetimes(&root),
        ["2019-11-27T10:30+08:00", "2019-11-26T09:00+08:00"]
    );
}

#[wasm_bindgen_test]
async fn encodings_a_label_that_lies_and_real_gb18030() {
    let root = mounted("label-lies.xml", 2).await;
    assert_eq!(texts(&root, ".db-row-title")[0], "冬季流感防控健康提示");
    assert_eq!(
        datetimes(&root),
        ["2019-11-27T10:30+08:00", "2019-11-26T09:00+08:00"]
    );
    let root = mounted("gb18030.xml", 2).await;
    assert_eq!(
        texts(&root, ".db-row-title"),
        ["𠮷祥社区举办邻里文化节", "高新区举办冬季招聘会"]
    );
    assert_eq!(
        datetimes(&root),
        ["2019-11-27T10:30+08:00", "2019-11-26T09:00+08:00"]
    );
}

#[wasm_bindgen_test]
async fn items_without_guid_or_link_show_without_a_link() {
    let root = mounted("no-guid-no-link.xml", 3).await;
    assert_eq!(
        texts(&root, ".db-row-title"),
        [
            "停水通知",
            "本周六上午在社区服务中心开展免费理发服务。",
            "燃气安全入户检查安排"
        ]
    );
    assert_eq!(
        datetimes(&root),
        [
            "2019-11-27T10:30+08:00",
            "2019-11-26T09:00+08:00",
            "2019-11-25T08:00+08:00"
        ]
    );
    click(&root, ".db-open", "停水通知");
    wait_for("the article", &root, |r| !all(r, ".db-article").is_empty()).await;
    assert!(text(&root, ".db-article-body").contains("辖区停水"));
    assert!(all(&root, ".db-original a").is_empty());
}

#[wasm_bindgen_test]
async fn escaped_html_in_titles() {
    let root = mounted("html-titles.xml", 4).await;
    assert_eq!(
        texts(&root, ".db-row-title"),
        [
            "关于开展冬季消防安全检查的通知",
            "高新区召开重点项目推进会",
            "燃气安全提示",
            "《安全生产法》解读：a < b 不是标签",
        ]
    );
    assert!(all(&root, ".db-row-title font, .db-row-title img").is_empty());
    // The `[置顶]` in the markup is the CMS's pin: the row's mark now.
    assert_eq!(texts(&root, ".db-mark"), ["置顶"]);
    assert_eq!(
        datetimes(&root),
        [
            "2019-11-27T10:30+08:00",
            "2019-11-26T09:00+08:00",
            "2019-11-25T08:00+08:00",
            "2019-11-24T08:00+08:00"
        ]
    );
    let root = mounted("atom-quirks.xml", 2).await;
    assert_eq!(
        texts(&root, ".db-row-title"),
        ["区政府新闻发布会 实录", "没有 id 也没有链接的条目"]
    );
    assert_eq!(
        datetimes(&root),
        ["2019-11-27T10:30+08:00", "2019-11-26T09:00+08:00"]
    );
}

#[wasm_bindgen_test]
async fn a_broken_document_shows_every_item_but_the_broken_one() {
    // `面积<90平方米`: a `<` that starts no tag is text.
    let root = mounted("broken.xml", 4).await;
    assert_eq!(
        texts(&root, ".db-row-title")[2],
        "面积<90平方米住房契税减免"
    );
    assert!(all(&root, ".db-error").is_empty());
    // A title with `《<草根网>…》` (a tag to XML that never closes: text),
    // an item broken past repair, one without `</item>`: 21 of 22 shown.
    let root = mount_with_attrs(&format!("{DIR}/broken-items.xml"), &[("page-size", "30")]);
    wait_rows(&root, 21).await;
    let titles = texts(&root, ".db-row-title");
    assert_eq!(titles[4], "《<草根网>的前途与未来》读后");
    assert_eq!(titles[15], "房地产税立法的讨论");
    assert!(
        !titles.iter().any(|t| t == "跨境电商的机遇与风险"),
        "{titles:?}"
    );
    assert!(all(&root, ".db-error").is_empty());
    // Cut off inside the third item: the two before it.
    let root = mounted("truncated.xml", 2).await;
    assert_eq!(
        datetimes(&root),
        ["2019-11-27T10:30+08:00", "2019-11-26T09:00+08:00"]
    );
}

#[wasm_bindgen_test]
async fn dates_as_chinese_cmss_write_them() {
    let root = mounted("dates.xml", 8).await;
    assert_eq!(
        datetimes(&root),
        [
            "2019-11-27T10:30+08:00",
            "2019-11-27T09:00+08:00",
            "2019-11-26T09:15+08:00",
            "2019-11-25T16:40+08:00",
            "2019-11-24T08:30+08:00",
            "2019-11-23",
            "-",
            "-",
        ]
    );
    let labels = texts(&root, ".db-row .db-date");
    assert_eq!(labels[5], "2019年11月23日");
    assert_eq!(labels[6..], ["日期未知", "日期未知"]);
    click(&root, ".db-open", "Java Date");
    wait_for("the article", &root, |r| !all(r, ".db-article").is_empty()).await;
    assert!(text(&root, ".db-article-meta").contains("2019年11月27日 09:00"));
}

#[wasm_bindgen_test]
async fn cst_in_an_american_feed() {
    let root = mounted("dates-us.xml", 2).await;
    assert_eq!(
        datetimes(&root),
        ["2019-11-28T00:30+08:00", "2019-11-26T23:15+08:00"]
    );
}

#[wasm_bindgen_test]
async fn a_json_feed_without_items_is_a_broken_feed() {
    let root = mount(&format!("{DIR}/no-items.json"));
    wait_for("the message", &root, |r| {
        text(r, ".db-error-message").contains("缺少信息列表")
    })
    .await;
    assert!(!text(&root, ".db-status").contains("暂无信息"));
}

#[wasm_bindgen_test]
fn the_browser_knows_every_entity_the_command_knows() {
    let mut checked = 0;
    for (key, chars) in htmlize::ENTITIES.entries() {
        let Some(name) = key
            .strip_prefix(b"&")
            .and_then(|k| k.strip_suffix(b";"))
            .and_then(|k| std::str::from_utf8(k).ok())
        else {
            // Legacy forms without `;` are not read (nothing is guessed).
            continue;
        };
        let want = std::str::from_utf8(chars).ok();
        assert_eq!(host::entity(name).as_deref(), want, "&{name};");
        checked += 1;
    }
    assert_eq!(checked, 2125);
    for unknown in ["notit", "ampx", "foo", "Raquo", "nbs"] {
        assert_eq!(host::entity(unknown), None, "&{unknown};");
    }
}

/// The search's lower case: the browser's `toLowerCase`, one character at a
/// time, as the standard library's `char::to_lowercase` natively.
#[wasm_bindgen_test]
fn the_browser_lowers_each_letter_as_the_command_does() {
    let mut chars: Vec<char> = (0x80..0x20000).filter_map(char::from_u32).collect();
    let native: Vec<char> = chars
        .iter()
        .map(|&c| {
            let mut l = c.to_lowercase();
            match (l.next(), l.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        })
        .collect();
    host::lower_each(&mut chars);
    let differ: Vec<String> = chars
        .iter()
        .zip(&native)
        .filter(|(b, n)| b != n)
        .map(|(b, n)| format!("U+{:04X}→U+{:04X}", *n as u32, *b as u32))
        .collect();
    assert!(
        differ.is_empty(),
        "{} differ: {:?}",
        differ.len(),
        &differ[..differ.len().min(20)]
    );
    // The search folds through it: width, case, and the final Σ as any Σ.
    let folded = district_bulletin::app::query::search::fold("ＰＭ２.５ ÄÖ ΟΔΟΣ 扬尘 İ");
    assert_eq!(folded, "pm2.5 äö οδοσ 扬尘 İ");
}

#[wasm_bindgen_test]
fn the_browser_decodes_as_the_command_does() {
    let gb18030: &[u8] = include_bytes!("fixtures/cms/gb18030.xml");
    let gbk: &[u8] = include_bytes!("fixtures/rss/gov-gbk.xml");
    for (label, bytes) in [
        ("gb18030", gb18030),
        ("gbk", gbk),
        ("gb2312", gbk),
        ("big5", b"\xA4\xA4\xA4\xE5\xFF".as_slice()),
    ] {
        let native = encoding_rs::Encoding::for_label(label.as_bytes())
            .map(|e| e.decode_without_bom_handling(bytes).0.into_owned());
        assert_eq!(host::decode(label, bytes), native, "{label}");
    }
    assert_eq!(host::decode("klingon", b"x"), None);
}

#[wasm_bindgen_test]
fn a_summary_reads_entities_as_the_article_does() {
    use district_bulletin::model::feed::parse_feed;
    let html = "<p>caf&eacute; &raquo; 第&nbsp;1&hellip; &NotEqualTilde; &bogus; &#x4e00;</p>";
    let json = format!(
        r#"{{"version":"https://jsonfeed.org/version/1.1","items":[{{"id":"1","content_html":"{html}"}}]}}"#
    );
    let feed = parse_feed(json.as_bytes()).expect("feed");
    let b = &feed.items[0];
    // The article: the browser's own reading of the same markup.
    let doc = web_sys::DomParser::new()
        .and_then(|p| p.parse_from_string(html, web_sys::SupportedType::TextHtml))
        .expect("parsed");
    let article = doc
        .body()
        .and_then(|b| b.text_content())
        .unwrap_or_default();
    let article = article.replace('\u{a0}', " ");
    assert_eq!(b.summary().replace('\u{a0}', " "), article);
    assert_eq!(
        b.body_paragraphs().join("\n").replace('\u{a0}', " "),
        article
    );
    assert!(b.summary().starts_with("café » 第"), "{}", b.summary());
}
