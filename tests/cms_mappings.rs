//! Native tests of what CMSs mean by their RSS fields (`tests/fixtures/cms/real/`,
//! provenance beside them): TRS WCM's `<source>` names, item `<channel>`,
//! `<pubTime>` and `<content>`; DedeCMS's `<author>` accounts; relative links
//! and images resolved against the channel's `<link>`; and one text decoder
//! for list, article and search. `render` shows the same (the widget's side is
//! `tests/cms_real_browser.rs`).
#![cfg(not(target_arch = "wasm32"))]

use district_bulletin::app::query::search::{Query, SearchIndex};
use district_bulletin::model::dates::{machine_label, SHANGHAI_OFFSET_MIN};
use district_bulletin::model::feed::{parse_body, read_body, Feed, Reading};
use district_bulletin::native::fragment::{render, Input, Stylesheet};
use scraper::{Html, Selector};
use std::path::PathBuf;

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cms/real")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn read(name: &str) -> Feed {
    let Reading { feed, report } = read_body(&fixture(name));
    let feed = feed.unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(
        report.items_in_document,
        feed.items.len(),
        "{name}: every item"
    );
    feed
}

/// Per item: category, department, 来源.
fn filed(feed: &Feed) -> Vec<(String, Option<String>, Option<String>)> {
    feed.items
        .iter()
        .map(|b| {
            let d = &b.district;
            let s = |v: &Option<std::rc::Rc<str>>| v.as_deref().map(str::to_string);
            (d.category.to_string(), s(&d.department), s(&d.source))
        })
        .collect()
}

#[test]
fn trs_source_names_item_channels_pubtime_and_content() {
    let feed = read("derived-trs-nbs-style.xml");
    let own = |d: &str| (Some(d.to_string()), Some("国家统计局".to_string()));
    let f = filed(&feed);
    assert_eq!(f[0], ("最新发布".into(), own("国家统计局").0, own("").1));
    assert_eq!(f[2], f[0]);
    // An author that names a body is the department; the source stays 来源.
    assert_eq!(
        f[1],
        ("数据解读".into(), own("国家统计局城市司").0, own("").1)
    );
    let dates: Vec<_> = feed
        .items
        .iter()
        .map(|b| b.date().map(|t| machine_label(t, SHANGHAI_OFFSET_MIN)))
        .collect();
    // The third has only `<pubTime>`.
    assert_eq!(
        dates,
        [
            Some("2026-06-10T09:30+08:00".into()),
            Some("2026-05-11T09:31+08:00".into()),
            Some("2026-05-11T09:30+08:00".into())
        ]
    );
    let first = &feed.items[0];
    assert_eq!(first.summary(), "2026年5月份，全国工业生产者出厂价格同比……");
    let body = first
        .content_html
        .as_deref()
        .expect("<content> is the body");
    assert!(
        body.contains("src=\"https://www.stats.gov.cn/sj/zxfb/202606/W020260610000000000001.jpg\"")
            && body.contains(
                "href=\"https://www.stats.gov.cn/sj/zxfb/202606/P020260610000000000001.xlsx\""
            ),
        "{body}"
    );
}

#[test]
fn relative_links_resolve_against_the_channel_link() {
    let feed = read("derived-trs-nbs-style.xml");
    let urls: Vec<_> = feed.items.iter().map(|b| b.url.clone()).collect();
    assert_eq!(
        urls,
        [
            Some("https://www.stats.gov.cn/sj/zxfb/202606/t20260610_1963922.html".into()),
            Some("https://www.stats.gov.cn/sj/sjjd/202605/t20260511_0000001.html".into()),
            Some("https://www.stats.gov.cn/sj/zxfb/202605/t20260511_1963658.html".into()),
        ]
    );
}

#[test]
fn xml_base_comes_before_the_channel_link_and_loopback_links_are_no_base() {
    let feed = parse_body(
        r#"<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel xml:base="/xwzx/">
          <title>t</title><link>https://www.example.gov.cn/</link>
          <item><title>a</title><link>2019/1.html</link>
            <enclosure url="fj/1.pdf" type="application/pdf" length="10"/>
            <description><![CDATA[<img src="/NMediaFile/2019/1127/MAIN1.jpg">]]></description></item>
          <item><title>b</title><link>/art/2.html</link><dc:publisher>区政府办公室</dc:publisher>
            <dc:creator>孙庆辉</dc:creator><source>区融媒体中心</source></item>
          <item><title>c</title><link>3.html</link><author>孙庆辉</author><source>区融媒体中心</source></item>
          <item><title>d</title><link>4.html</link><author>press@example.gov.cn (区融媒体中心)</author>
            <source url="https://news.example.cn/rss">新闻网</source></item>
        </channel></rss>"#
            .as_bytes(),
    )
    .expect("reads");
    let by_title = |t: &str| {
        feed.items
            .iter()
            .find(|b| b.title.as_deref() == Some(t))
            .expect(t)
    };
    let a = by_title("a");
    assert_eq!(
        a.url.as_deref(),
        Some("https://www.example.gov.cn/xwzx/2019/1.html")
    );
    assert_eq!(
        a.attachments[0].url,
        "https://www.example.gov.cn/xwzx/fj/1.pdf"
    );
    assert_eq!(
        a.content_html.as_deref(),
        Some("<img src=\"https://www.example.gov.cn/NMediaFile/2019/1127/MAIN1.jpg\">")
    );
    let dept = |t: &str| {
        by_title(t)
            .district
            .department
            .as_deref()
            .map(str::to_string)
    };
    let source = |t: &str| by_title(t).district.source.as_deref().map(str::to_string);
    // dc:publisher first; a person's name gives way to the source; `<source url>`
    // is a feed, not 来源.
    assert_eq!(dept("b").as_deref(), Some("区政府办公室"));
    assert_eq!(source("b").as_deref(), Some("区融媒体中心"));
    assert_eq!(dept("c").as_deref(), Some("区融媒体中心"));
    assert_eq!(dept("d").as_deref(), Some("区融媒体中心"));
    assert_eq!(source("d"), None);

    let local = read("dedecms-1dagong-localhost.xml");
    assert!(
        local.items.iter().all(|b| b
            .url
            .as_deref()
            .is_some_and(|u| u.starts_with("http://localhost//"))),
        "as written"
    );
    let rel = parse_body(
        "<rss><channel><title>t</title><link>http://localhost/</link>\
         <item><title>x</title><link>/a.html</link></item></channel></rss>"
            .as_bytes(),
    )
    .expect("reads");
    assert_eq!(
        rel.items[0].url.as_deref(),
        Some("/a.html"),
        "left for the feed's own URL"
    );
}

#[test]
fn dedecms_accounts_are_no_department() {
    let feed = read("dedecms-guangshanban.xml");
    let f = filed(&feed);
    let by = |title: &str| {
        let i = feed
            .items
            .iter()
            .position(|b| b.title.as_deref() == Some(title))
            .expect(title);
        f[i].clone()
    };
    assert_eq!(
        by("光栅立体画原理"),
        ("光栅板技术支持".into(), Some("光栅板".into()), None)
    );
    assert_eq!(
        by("3D立体画人像，风景画").1.as_deref(),
        Some("Lenticular Picture")
    );
    assert_eq!(
        by("Banner3"),
        ("幻灯片".into(), None, None),
        "admin names nobody"
    );
    assert!(read("dedecms-1dagong-localhost.xml").items.iter().all(|b| b
        .district
        .department
        .is_none()
        && b.authors.is_empty()));
}

#[test]
fn one_decoder_for_list_article_and_search() {
    let feed = parse_body(
        "<rss><channel><title>t</title><item><title>x</title><link>https://a.cn/1</link>\
         <description><![CDATA[<p>Caf&eacute; &amp; th&eacute; &yen;5</p>]]></description>\
         </item></channel></rss>"
            .as_bytes(),
    )
    .expect("reads");
    let b = &feed.items[0];
    assert_eq!(b.summary(), "Café & thé ¥5");
    assert_eq!(b.body_paragraphs(), ["Café & thé ¥5"]);
    let index = SearchIndex::build(&feed.items);
    assert!(index.matches(0, &Query::parse("café")) && index.matches(0, &Query::parse("¥5")));
    assert!(!index.matches(0, &Query::parse("eacute")));
}

#[test]
fn render_shows_departments_categories_and_absolute_links() {
    let input = Input {
        bodies: vec![("feed".into(), fixture("derived-trs-nbs-style.xml"))],
        id: None,
        // Served from elsewhere (a copy on the portal): links still go to the CMS's site.
        attributes: vec![(
            "feed".into(),
            "https://portal.example.gov.cn/feeds/nbs.xml".into(),
        )],
        now: 1_781_000_000,
        fresh_for: 900,
        page: None,
        stylesheet: Stylesheet::Inline,
    };
    let out = render(&input).expect("renders");
    let doc = Html::parse_fragment(&out.html);
    let sel = |s: &str| Selector::parse(s).expect("selector");
    let links: Vec<_> = doc
        .select(&sel(".district-bulletin-static li a[href]"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(
        links,
        [
            "https://www.stats.gov.cn/sj/zxfb/202606/t20260610_1963922.html",
            "https://www.stats.gov.cn/sj/sjjd/202605/t20260511_0000001.html",
            "https://www.stats.gov.cn/sj/zxfb/202605/t20260511_1963658.html",
        ]
    );
    let text: String = doc
        .select(&sel(".district-bulletin-static"))
        .flat_map(|e| e.text())
        .collect();
    for shown in [
        "栏目：最新发布",
        "栏目：数据解读",
        "发布机构：国家统计局",
        "发布机构：国家统计局城市司",
    ] {
        assert!(text.contains(shown), "{shown} in {text}");
    }
}
