//! Native tests of feeds as Chinese CMSs write them (`tests/fixtures/cms/`):
//! each quirk the widget repairs or survives, through the same parse path
//! the widget uses (`feed::read_body`), with what the report says about it.
//! The browser side of the same fixtures is `tests/cms_browser.rs`.
#![cfg(not(target_arch = "wasm32"))]

use district_bulletin::model::dates::{machine_label, SHANGHAI_OFFSET_MIN};
use district_bulletin::model::feed::{
    read_body, Feed, FeedError, Format, Note, NoteKind, Pinned, Pos, Reading, Report, Severity,
    Skip,
};
use std::path::PathBuf;

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cms")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn read(name: &str) -> (Feed, Report) {
    let Reading { feed, report } = read_body(&fixture(name));
    (feed.unwrap_or_else(|e| panic!("{name}: {e}")), report)
}

fn titles(feed: &Feed) -> Vec<String> {
    feed.items.iter().map(|b| b.display_title()).collect()
}

/// Each item's date as `<time datetime>` shows it (Asia/Shanghai), or "?".
fn dates(feed: &Feed) -> Vec<String> {
    feed.items
        .iter()
        .map(|b| {
            b.date()
                .map_or("?".into(), |t| machine_label(t, SHANGHAI_OFFSET_MIN))
        })
        .collect()
}

fn codes(report: &Report) -> Vec<&'static str> {
    report.notes.iter().map(|n| n.kind.code()).collect()
}

fn note<'a>(report: &'a Report, code: &str) -> &'a Note {
    report
        .notes
        .iter()
        .find(|n| n.kind.code() == code)
        .unwrap_or_else(|| panic!("no {code} in {:?}", report.notes))
}

#[test]
fn bare_ampersands_in_links_and_text() {
    let (feed, report) = read("bare-ampersand.xml");
    assert_eq!(
        titles(&feed),
        [
            "区政府召开安全生产&消防工作会议",
            "供水管网改造A&B两期工程开工"
        ]
    );
    assert_eq!(
        feed.items[0].url.as_deref(),
        Some("http://www.example.gov.cn/art.jsp?id=101&cat=2")
    );
    assert_eq!(
        feed.items[1].url.as_deref(),
        Some("http://www.example.gov.cn/art.jsp?id=102&cat=2&page=1")
    );
    assert_eq!(
        feed.home_page_url.as_deref(),
        Some("http://www.example.gov.cn/col.jsp?cat=1&lang=zh")
    );
    assert!(feed.items[0].summary().contains("（R&D）"));
    assert_eq!(
        dates(&feed),
        ["2019-11-27T10:30+08:00", "2019-11-26T09:00+08:00"]
    );
    let n = note(&report, "bare_ampersand");
    assert_eq!(n.kind, NoteKind::BareAmpersand { count: 10 });
    // The first: `cat=1&lang` on line 5.
    assert_eq!(
        n.at,
        Some(Pos {
            line: 5,
            column: 46
        })
    );
    assert_eq!(report.format, Some(Format::Rss("2.0".into())));
}

#[test]
fn every_html_entity_declared_or_not() {
    let (feed, report) = read("html-entities.xml");
    assert_eq!(feed.title, "某区发展和改革局 » 价格公示");
    assert_eq!(
        titles(&feed),
        [
            "关于调整居民供暖价格的公示 » 听证会",
            "“放管服”改革第三批事项清单——政务服务 · 公示",
            "实体 &foo; 原样显示",
        ]
    );
    let body = feed.items[0].content_html.clone().unwrap_or_default();
    assert!(
        body.contains(
            "每平方米\u{a0}¥22.5，室温不低于\u{a0}18°C，建筑面积\u{a0}100\u{a0}m²以上的住户…©2019"
        ),
        "{body}"
    );
    let body = feed.items[1].content_html.clone().unwrap_or_default();
    assert!(
        body.contains("共\u{a0}½\u{a0}项调整，×\u{a0}号为取消事项，→"),
        "{body}"
    );
    assert_eq!(
        note(&report, "html_entity").kind,
        NoteKind::HtmlEntity {
            count: 23,
            first: "raquo".into()
        }
    );
    assert_eq!(
        note(&report, "unknown_entity").kind,
        NoteKind::UnknownEntity {
            count: 1,
            first: "foo".into()
        }
    );
    // RSS 0.91's document type is no entity declaration.
    assert_eq!(report.format, Some(Format::Rss("0.91".into())));
    assert_eq!(feed.items.len(), 3);
}

#[test]
fn declared_entities_stay_refused() {
    let laughs = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rss/billion-laughs.xml"),
    )
    .expect("fixture");
    assert_eq!(read_body(&laughs).feed.err(), Some(FeedError::XmlEntities));
}

#[test]
fn control_characters_pasted_from_word() {
    let (feed, report) = read("control-chars.xml");
    assert_eq!(feed.title, "某区教育局 · 通知公告");
    assert_eq!(
        titles(&feed),
        [
            "关于2019年冬季学校安全工作的通知",
            "中小学寒假放假时间安排公告"
        ]
    );
    assert_eq!(
        feed.items[0].summary(),
        "各中小学校：为做好冬季安全工作，现将有关事项通知如下。"
    );
    assert!(feed.items[1].summary().contains("寒假自2020年1月18日起"));
    assert_eq!(
        dates(&feed),
        ["2019-11-27T10:30+08:00", "2019-11-26T09:00+08:00"]
    );
    assert_eq!(
        note(&report, "forbidden_characters").kind,
        NoteKind::ForbiddenCharacters { count: 7 }
    );
}

#[test]
fn a_label_that_lies_and_a_real_gb18030_feed() {
    let (feed, report) = read("label-lies.xml");
    assert_eq!(titles(&feed)[0], "冬季流感防控健康提示");
    assert_eq!(
        note(&report, "encoding_label_wrong").kind,
        NoteKind::EncodingLabelWrong {
            declared: "gb2312".into()
        }
    );
    assert_eq!(
        note(&report, "encoding_label_wrong").kind.severity(),
        Severity::Problem
    );
    assert_eq!(report.decoded_from, None);

    let (feed, report) = read("gb18030.xml");
    assert_eq!(
        titles(&feed),
        ["𠮷祥社区举办邻里文化节", "高新区举办冬季招聘会"]
    );
    assert!(feed.items[0].summary().contains("记者 𠮷小龙"));
    assert_eq!(report.decoded_from.as_deref(), Some("gb18030"));
    assert!(report.notes.is_empty(), "{:?}", report.notes);
    // The older GBK fixture still reads as before.
    let gbk = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rss/gov-gbk.xml"),
    )
    .expect("fixture");
    let feed = read_body(&gbk).feed.expect("gbk");
    assert_eq!(feed.title, "某区人民政府 · 通知公告");
    assert_eq!(feed.items.len(), 3);
}

#[test]
fn items_without_guid_or_link_keep_a_stable_id() {
    let (feed, report) = read("no-guid-no-link.xml");
    assert_eq!(feed.items.len(), 3);
    assert_eq!(feed.skipped, 0);
    assert!(feed.items.iter().all(|b| b.url.is_none()));
    assert!(feed.items.iter().all(|b| b.id.starts_with("content:")));
    assert_eq!(
        titles(&feed),
        [
            "停水通知",
            "本周六上午在社区服务中心开展免费理发服务。",
            "燃气安全入户检查安排"
        ]
    );
    // The same bytes give the same ids on every load.
    let (again, _) = read("no-guid-no-link.xml");
    let ids = |f: &Feed| f.items.iter().map(|b| b.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&feed), ids(&again));
    // And a pinned one: FNV-1a, the same on every platform.
    assert_eq!(feed.items[0].id, "content:cf81fbbe21e812d5");
    let notes: Vec<(Option<usize>, &str)> = report
        .notes
        .iter()
        .map(|n| (n.item, n.kind.code()))
        .collect();
    assert_eq!(
        notes,
        [
            (Some(0), "id_from_content"),
            (Some(1), "id_from_content"),
            (Some(2), "id_from_content")
        ]
    );
    assert_eq!(
        report.notes[1].at,
        Some(Pos {
            line: 14,
            column: 1
        })
    );
}

#[test]
fn escaped_html_in_titles_reads_as_text() {
    let (feed, report) = read("html-titles.xml");
    assert_eq!(
        titles(&feed),
        [
            "关于开展冬季消防安全检查的通知",
            "高新区召开重点项目推进会",
            "燃气安全提示",
            "《安全生产法》解读：a < b 不是标签",
        ]
    );
    // The `[置顶]` the markup wrapped is the CMS's pin: read as the mark.
    let pinned: Vec<bool> = feed
        .items
        .iter()
        .map(|b| b.district.pinned.is_some())
        .collect();
    assert_eq!(pinned, [true, false, false, false]);
    let html: Vec<Option<usize>> = report
        .notes
        .iter()
        .filter(|n| n.kind == NoteKind::HtmlTitle)
        .map(|n| n.item)
        .collect();
    assert_eq!(html, [Some(0), Some(1), Some(2)]);

    let (feed, report) = read("atom-quirks.xml");
    assert_eq!(feed.title, "某区人民政府 · 新闻发布");
    assert_eq!(
        titles(&feed),
        ["区政府新闻发布会 实录", "没有 id 也没有链接的条目"]
    );
    assert_eq!(feed.items[0].district.pinned, Some(Pinned::Always));
    assert_eq!(
        feed.items[0].url.as_deref(),
        Some("http://www.example.gov.cn/xwfb/art.jsp?id=1&cat=3")
    );
    assert!(feed.items[1].url.is_none());
    assert!(feed.items[1].id.starts_with("content:"));
    assert_eq!(
        codes(&report),
        [
            "bare_ampersand",
            "html_entity",
            "html_title",
            "id_from_content"
        ]
    );
    assert_eq!(
        dates(&feed),
        ["2019-11-27T10:30+08:00", "2019-11-26T09:00+08:00"]
    );
}

#[test]
fn a_bare_less_than_is_text() {
    let (feed, report) = read("broken.xml");
    assert_eq!(
        titles(&feed),
        [
            "老旧小区改造项目公示",
            "保障性住房分配结果公告",
            "面积<90平方米住房契税减免",
            "断点之后的条目"
        ]
    );
    let n = note(&report, "bare_less_than");
    assert_eq!(n.kind, NoteKind::BareLessThan { count: 1 });
    // `<title>面积<90…`: a tag cannot start with 9.
    assert_eq!(
        n.at,
        Some(Pos {
            line: 23,
            column: 10
        })
    );
    assert_eq!(n.kind.severity(), Severity::Repaired);
    assert_eq!(report.items_in_document, 4);
}

/// Issue 22: one bad item cost every item after it. The fixture has 22
/// items: the title of the 5th holds `《<草根网>的前途与未来》` (the pattern of
/// a real feed's title, see PROVENANCE.md), the 12th a misspelt end tag,
/// the 17th no `</item>`.
#[test]
fn a_broken_item_costs_that_item_only() {
    let (feed, report) = read("broken-items.xml");
    assert_eq!(feed.items.len(), 21);
    assert_eq!(report.items_in_document, 22);
    let t = titles(&feed);
    assert_eq!(t[4], "《<草根网>的前途与未来》读后");
    assert_eq!(t[11], "养老金第三支柱的设计");
    assert_eq!(t[20], "年度经济评论文章索引");
    assert!(!t.contains(&"跨境电商的机遇与风险".to_string()), "{t:?}");
    let n = note(&report, "tag_as_text");
    assert_eq!(n.item, Some(4));
    assert_eq!(
        n.to_string(),
        "item 5, line 41, column 9: 「《<草根网>的前途与未来》读后」: `<草根网>` is not matched in its element: read as text; write `&lt;`"
    );
    let n = note(&report, "item_lost");
    assert_eq!(n.kind.severity(), Severity::Problem);
    assert_eq!(
        n.to_string(),
        "item 12, line 101, column 41: 「跨境电商的机遇与风险」: broken here past repair: this item is not shown, the others are"
    );
    let n = note(&report, "item_closed");
    assert_eq!(
        n.to_string(),
        "item 17, line 136, column 1: 「房地产税立法的讨论」: no end tag: closed where the next item starts"
    );
    let codes = codes(&report);
    assert_eq!(codes, ["tag_as_text", "item_lost", "item_closed"]);
}

#[test]
fn a_document_cut_off_keeps_the_items_before_the_cut() {
    let (feed, report) = read("truncated.xml");
    assert_eq!(feed.items.len(), 2);
    let n = note(&report, "item_lost");
    assert_eq!(n.item, Some(2));
    assert_eq!(
        n.at,
        Some(Pos {
            line: 23,
            column: 18
        })
    );
    assert_eq!(report.items_in_document, 3);

    // Broken before any item: an error naming the place.
    let bytes = b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>\n<title>a</titel>\n<item><title>x</title></item></channel></rss>";
    assert_eq!(
        read_body(bytes).feed.err(),
        Some(FeedError::XmlSyntax { line: 3, column: 9 })
    );
}

#[test]
fn dates_as_chinese_cmss_write_them() {
    let (feed, report) = read("dates.xml");
    assert_eq!(
        dates(&feed),
        [
            "2019-11-27T10:30+08:00",
            "2019-11-27T09:00+08:00",
            "2019-11-26T09:15+08:00",
            "2019-11-25T16:40+08:00",
            "2019-11-24T08:30+08:00",
            "2019-11-23",
            "?",
            "?",
        ]
    );
    let unreadable: Vec<(Option<usize>, NoteKind)> = report
        .notes
        .iter()
        .map(|n| (n.item, n.kind.clone()))
        .collect();
    assert_eq!(
        unreadable,
        [
            (
                Some(6),
                NoteKind::UnreadableDate {
                    field: "pubDate",
                    value: "2019-02-30 10:00:00".into()
                }
            ),
            (
                Some(7),
                NoteKind::UnreadableDate {
                    field: "pubDate",
                    value: "Sun, 31 Nov 2019 10:00:00 CST".into()
                }
            ),
        ]
    );
    assert_eq!(
        report.notes[0].at,
        Some(Pos {
            line: 44,
            column: 1
        })
    );
}

#[test]
fn cst_in_an_american_feed_is_us_central() {
    let (feed, _) = read("dates-us.xml");
    // 10:30 CST (−06:00) is 00:30 the next day in Shanghai, where the widget shows dates.
    assert_eq!(
        dates(&feed),
        ["2019-11-28T00:30+08:00", "2019-11-26T23:15+08:00"]
    );
    assert_eq!(feed.items[0].date().map(|t| t.offset_min), Some(-360));
}

#[test]
fn a_json_feed_without_items_is_broken_not_empty() {
    let Reading { feed, report } = read_body(&fixture("no-items.json"));
    assert_eq!(feed.err(), Some(FeedError::MissingItems));
    assert_eq!(
        report.notes[0].kind,
        NoteKind::MissingField { field: "items" }
    );
    assert_eq!(
        report.format,
        Some(Format::JsonFeed(
            district_bulletin::model::feed::Version::V1_1
        ))
    );
    // `"items": []` stays a valid empty feed; `items` of another type is broken.
    let empty = br#"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[]}"#;
    assert_eq!(read_body(empty).feed.map(|f| f.items.len()), Ok(0));
    let wrong = br#"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":{"a":1}}"#;
    let r = read_body(wrong);
    assert_eq!(r.feed.err(), Some(FeedError::MissingItems));
    assert_eq!(r.report.notes[0].kind.code(), "wrong_type");
    // Without a version, an object without items is simply not a feed.
    assert_eq!(
        read_body(br#"{"title":"x"}"#).feed.err(),
        Some(FeedError::NotAFeed)
    );
}

#[test]
fn json_feed_notes_wrong_types_missing_ids_and_duplicates() {
    let json = r#"{"version":"https://jsonfeed.org/version/1.1","language":"zh-CN","items":[
        {"id":"a","title":{"zh":"x"},"content_text":"text","date_published":20191127,"tags":["t"]},
        {"url":"https://x/b","title":"no id","date_published":"Wed Nov 27 10:30:00 CST 2019"},
        {"id":"a","title":"another a"},
        {"id":"a","title":"another a"},
        {"id":"c","title":"c","_district":{"category":["x"],"department":"部"}},
        {"title":"no id, no url"},
        {"id":"e"},
        7
    ]}"#;
    let Reading { feed, report } = read_body(json.as_bytes());
    let feed = feed.expect("feed");
    assert_eq!(feed.items.len(), 4);
    assert_eq!(feed.skipped, 3);
    assert_eq!(feed.duplicates, 1);
    let got: Vec<String> = report.notes.iter().map(|n| n.to_string()).collect();
    assert_eq!(
        got,
        [
            "no `title`",
            "item 1: `date_published` is not a string: read as absent",
            "item 1: `title` is not a string: read as absent",
            "item 2: no `id`",
            "item 3: id \"a\" is also an earlier, different item's: both shown",
            "item 4: an exact repeat of an earlier item: shown once",
            "item 5: `_district.category` is not a string: read as absent",
            "item 6: skipped: no id and no url",
            "item 7: skipped: no title, summary or content",
            "item 8: skipped: not a JSON object",
        ]
    );
    assert_eq!(
        report
            .of(Severity::Skipped)
            .map(|n| n.kind.clone())
            .collect::<Vec<_>>(),
        [
            NoteKind::Skipped(Skip::NoId),
            NoteKind::Skipped(Skip::NothingToShow),
            NoteKind::Skipped(Skip::NotAnObject)
        ]
    );
    // CST in a Chinese JSON Feed is China Standard Time too.
    let b = feed
        .items
        .iter()
        .find(|b| b.id == "https://x/b")
        .expect("b");
    assert_eq!(
        b.date()
            .map(|t| machine_label(t, SHANGHAI_OFFSET_MIN))
            .as_deref(),
        Some("2019-11-27T10:30+08:00")
    );
}
