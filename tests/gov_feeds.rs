//! Native tests of the government content model on `tests/fixtures/gov/`:
//! 置顶 (the flag, a date, a CMS's title prefix) and the 信息公开 fields, read
//! from a JSON Feed; RSS and Atom, which have no such fields, get the pin of
//! their titles' prefix and nothing else. The pre-rendered fragment carries
//! the marks (rows and the plain list) and the fields (its snapshot). The
//! browser side is `tests/gov_browser.rs`.
#![cfg(not(target_arch = "wasm32"))]

use district_bulletin::app::fragment::{head, Meta};
use district_bulletin::app::state::Head;
use district_bulletin::model::dates::{self, machine_day};
use district_bulletin::model::feed::{parse_body, Bulletin, Feed, Pinned, Validity};
use district_bulletin::native::fragment::{render, Input, Stylesheet};
use scraper::{Html, Selector};
use std::path::PathBuf;

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/gov")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn feed(name: &str) -> Feed {
    parse_body(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn item<'a>(feed: &'a Feed, id: &str) -> &'a Bulletin {
    feed.items
        .iter()
        .find(|b| b.id == id)
        .unwrap_or_else(|| panic!("no item {id}"))
}

/// 2026-12-02 12:00 in Shanghai.
fn now() -> i64 {
    dates::parse("2026-12-02T12:00:00+08:00").expect("now").unix
}

#[test]
fn every_public_document_field_is_read() {
    let f = feed("feed.json");
    let policy = item(&f, "gk-policy");
    assert_eq!(
        policy.public.index_number.as_deref(),
        Some("11410100MB0000000X/2024-00123")
    );
    assert_eq!(policy.public.subject.as_deref(), Some("工业、交通"));
    assert_eq!(
        policy.district.department.as_deref(),
        Some("示例区人民政府")
    );
    assert_eq!(
        policy
            .public
            .written_date
            .map(|t| machine_day(&t, 480))
            .as_deref(),
        Some("2024-11-27")
    );
    assert_eq!(
        policy.district.doc_number.as_deref(),
        Some("示政〔2024〕12号")
    );
    assert_eq!(policy.public.validity, Some(Validity::Valid));
    assert_eq!(policy.district.source.as_deref(), Some("区工业和信息化局"));
    assert!(policy.is_public_document() && !policy.is_void());
    let validity = |id: &str| item(&f, id).public.validity;
    assert_eq!(validity("gk-repealed"), Some(Validity::Repealed));
    assert_eq!(validity("gk-expired"), Some(Validity::Expired));
    assert_eq!(validity("gk-amended"), Some(Validity::Amended));
    assert!(item(&f, "gk-repealed").is_void() && item(&f, "gk-expired").is_void());
    assert!(!item(&f, "gk-amended").is_void());
    assert!(!item(&f, "gk-news-1").is_public_document());
}

#[test]
fn pinned_by_flag_by_date_and_by_title() {
    let f = feed("feed.json");
    let pinned = |id: &str| item(&f, id).is_pinned(now(), f.zone_offset_min);
    assert!(pinned("gk-hotline"), "true");
    assert!(pinned("gk-policy"), "until 2099-12-31");
    assert!(!pinned("gk-old-pin"), "until 2019-12-31: ordinary now");
    assert!(item(&f, "gk-old-pin").district.pinned.is_some());
    assert!(pinned("gk-heating"), "【置顶】 in the title");
    assert_eq!(
        item(&f, "gk-heating").title.as_deref(),
        Some("关于做好2024—2025年度冬季供暖工作的通知")
    );
    assert!(!pinned("gk-notice"), "false");
    assert!(!pinned("gk-news-1"));
}

fn no_public_fields(f: &Feed) {
    for b in f.items.iter() {
        assert_eq!(
            (
                &b.public.index_number,
                &b.public.subject,
                b.public.written_date,
                b.public.validity
            ),
            (&None, &None, None, None),
            "{}",
            b.id
        );
        assert_eq!(b.district.source, None, "{}", b.id);
        assert!(!b.is_public_document());
    }
}

#[test]
fn rss_gets_its_title_prefixes_and_nothing_else() {
    let f = feed("notices.xml");
    let titles: Vec<String> = f.items.iter().map(|b| b.display_title()).collect();
    assert_eq!(
        titles,
        [
            "区应急管理局开展防汛应急演练",
            "关于开展冬季消防安全大检查的通知",
            "区应急避难场所分布图",
            "置顶帖管理办法（试行）",
        ]
    );
    let pins: Vec<Option<Pinned>> = f.items.iter().map(|b| b.district.pinned).collect();
    assert_eq!(
        pins,
        [None, Some(Pinned::Always), Some(Pinned::Always), None]
    );
    // `dc:subject` is a tag, not a 主题分类.
    assert!(f.items[0].tags.contains(&"防汛".to_string()));
    no_public_fields(&f);
}

#[test]
fn atom_gets_its_title_prefixes_and_nothing_else() {
    let f = feed("notices.atom");
    assert_eq!(f.items[1].title.as_deref(), Some("新闻发布会实录"));
    assert_eq!(f.items[1].district.pinned, Some(Pinned::Always));
    assert_eq!(f.items[0].district.pinned, None);
    no_public_fields(&f);
}

fn input(body: Vec<u8>, extra: &[(&str, &str)]) -> Input {
    let mut attributes = vec![("feed".to_string(), "/zwgk/feed.json".to_string())];
    attributes.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    Input {
        bodies: vec![("feed".into(), body)],
        id: None,
        attributes,
        now: now(),
        fresh_for: 900,
        page: None,
        stylesheet: Stylesheet::Inline,
    }
}

fn select<'a>(doc: &'a Html, s: &str) -> Vec<scraper::ElementRef<'a>> {
    doc.select(&Selector::parse(s).expect("selector")).collect()
}

fn text(e: &scraper::ElementRef) -> String {
    e.text().collect()
}

#[test]
fn the_fragment_shows_the_marks_and_carries_the_fields() {
    let out = render(&input(fixture("feed.json"), &[])).expect("renders");
    // The shadow root's rows, as the widget renders them (a parser keeps a
    // template's content apart: read it on its own).
    let doc = Html::parse_fragment(&out.html);
    let start = out.html.find("<template").expect("a template");
    let end = out.html.find("</template>").expect("its end");
    let shadow = Html::parse_fragment(&out.html[start..end]);
    let rows: Vec<(String, String)> = select(&shadow, ".db-row")
        .iter()
        .map(|row| {
            let title = select_in(row, ".db-row-title");
            let marks = select_in(row, ".db-mark");
            (title, marks)
        })
        .collect();
    assert_eq!(
        rows[..5],
        [
            ("示例区促进中小企业高质量发展若干措施".into(), "置顶".into()),
            (
                "关于做好2024—2025年度冬季供暖工作的通知".into(),
                "置顶".into()
            ),
            (
                "区长信箱和12345政务服务便民热线受理须知".into(),
                "置顶".into()
            ),
            ("区政务服务中心延长周末办理时间".into(), String::new()),
            ("区召开安全生产工作推进会".into(), String::new()),
        ]
    );
    let marked: Vec<&(String, String)> = rows.iter().filter(|(_, m)| !m.is_empty()).collect();
    assert_eq!(marked.len(), 5, "{rows:?}");
    assert!(rows.contains(&(
        "示例区2021年度稳就业专项补贴实施细则".into(),
        "已失效".into()
    )));
    assert!(rows.contains(&("示例区城市道路占用挖掘管理办法".into(), "已废止".into())));

    // The plain list says it in words.
    let statics = select(&doc, ".district-bulletin-static li");
    let line = |title: &str| {
        statics
            .iter()
            .map(text)
            .find(|t| t.contains(title))
            .unwrap_or_else(|| panic!("no {title}"))
    };
    assert!(line("促进中小企业").starts_with("置顶 示例区促进中小企业"));
    assert!(line("区长信箱").starts_with("置顶 "));
    assert!(!line("元旦假期").contains("置顶"), "its pin has passed");
    assert!(line("道路占用挖掘").contains("有效性：已废止"));
    assert!(line("稳就业").contains("有效性：已失效"));
    assert!(
        !line("物业管理办法").contains("有效性"),
        "amended: the article says it"
    );

    // The snapshot reads back with every field.
    let script = select(&doc, "script.district-bulletin-snapshot");
    let meta = Meta::read(|n| script[0].value().attr(n).map(str::to_string)).expect("meta");
    let Some(Head::Answer(Ok(batch))) = head(&meta, &text(&script[0]), None) else {
        panic!("the snapshot reads");
    };
    let back = batch.feed.expect("feed");
    let original = feed("feed.json");
    for b in original.items.iter() {
        let a = item(&back, &b.id);
        assert_eq!(
            (
                a.district.pinned,
                &a.public.index_number,
                &a.public.subject,
                a.public.written_date,
                a.public.validity,
                &a.district.source,
                &a.title
            ),
            (
                b.district.pinned,
                &b.public.index_number,
                &b.public.subject,
                b.public.written_date,
                b.public.validity,
                &b.district.source,
                &b.title
            ),
            "{}",
            b.id
        );
    }
}

fn select_in(e: &scraper::ElementRef, s: &str) -> String {
    e.select(&Selector::parse(s).expect("selector"))
        .map(|m| text(&m))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn max_items_keeps_the_pinned_notices_in_the_fragment() {
    let out = render(&input(fixture("feed.json"), &[("max-items", "4")])).expect("renders");
    let doc = Html::parse_fragment(&out.html);
    let titles: Vec<String> = select(&doc, ".district-bulletin-static li a")
        .iter()
        .map(text)
        .collect();
    assert_eq!(
        titles,
        [
            "示例区促进中小企业高质量发展若干措施",
            "关于做好2024—2025年度冬季供暖工作的通知",
            "区长信箱和12345政务服务便民热线受理须知",
            "区政务服务中心延长周末办理时间",
        ]
    );
}
