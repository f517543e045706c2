//! The JSON Feed reader on hand-written documents: what is no feed, what is
//! read leniently, `_district`, 置顶, 信息公开, repeats, summaries, order.

use crate::model::feed::gov::Pinned;
use crate::model::feed::report::Pos;
use crate::model::feed::{
    parse_feed, Encoding, Feed, FeedError, JsonKind, Report, Validity, Version, MAX_FEED_BYTES,
    UNCATEGORIZED,
};

/// [`parse_feed`], noting in `report`.
fn read_json(bytes: &[u8], report: &mut Report) -> Result<Feed, FeedError> {
    crate::model::feed::read(bytes, report, false)
}

fn feed(json: &str) -> Feed {
    parse_feed(json.as_bytes()).expect("should parse")
}

const V11: &str = "https://jsonfeed.org/version/1.1";

#[test]
fn minimal_feeds_of_both_versions() {
    let f = feed(
        r#"{"version":"https://jsonfeed.org/version/1","title":"T","items":[{"id":"1","content_text":"x"}]}"#,
    );
    assert_eq!(f.version, Version::V1_0);
    assert_eq!(f.items.len(), 1);
    let f = feed(&format!(r#"{{"version":"{V11}","title":"T","items":[]}}"#));
    assert_eq!(f.version, Version::V1_1);
    assert!(f.items.is_empty());
}

#[test]
fn documents_that_are_not_feeds() {
    let e = |s: &[u8]| parse_feed(s).unwrap_err();
    assert_eq!(e(b""), FeedError::Empty);
    assert_eq!(e(b" \n\t"), FeedError::Empty);
    assert_eq!(
        e(b"<!DOCTYPE html><html><body>502</body></html>"),
        FeedError::Html
    );
    assert_eq!(
        e(b"<?xml version=\"1.0\"?><rss><channel/></rss>"),
        FeedError::XmlFeed
    );
    assert_eq!(
        e(b"<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>"),
        FeedError::XmlFeed
    );
    assert_eq!(e(b"[1,2]"), FeedError::NotAnObject(JsonKind::Array));
    assert_eq!(e(b"null"), FeedError::NotAnObject(JsonKind::Null));
    assert_eq!(e(br#""feed""#), FeedError::NotAnObject(JsonKind::String));
    assert_eq!(e(br#"{"title":"x"}"#), FeedError::NotAFeed);
    assert_eq!(e(br#"{"version":"#), FeedError::Truncated);
    assert_eq!(e(br#"{"items":[{"id":"1"}"#), FeedError::Truncated);
    assert_eq!(e(br#"{"items":[1,],}"#), FeedError::TrailingComma);
    assert_eq!(e(br#"{"items":[],"x":NaN}"#), FeedError::NonFiniteNumber);
    assert_eq!(e(br#"{"x":-Infinity}"#), FeedError::NonFiniteNumber);
    assert_eq!(e(br#"callback({"items":[]})"#), FeedError::Jsonp);
    assert_eq!(e(br#"/**/ jQuery1124_99({"items":[]});"#), FeedError::Jsonp);
    assert_eq!(e(b")]}'\n{\"items\":[]}"), FeedError::GuardPrefix);
    assert_eq!(e(b"while(1);{}"), FeedError::GuardPrefix);
    assert_eq!(e(br#"{"a" 1}"#), FeedError::Syntax { line: 1, column: 6 });
    // Blank lines before the document count, as an editor counts them.
    assert_eq!(
        e(b"\n\n{\"a\" 1}"),
        FeedError::Syntax { line: 3, column: 6 }
    );
    let mut r = Report::default();
    assert_eq!(
        read_json(b"{\"items\":[1,]}", &mut r),
        Err(FeedError::TrailingComma)
    );
    assert_eq!(
        r.error_at,
        Some(Pos {
            line: 1,
            column: 13
        })
    );
    assert_eq!(
        e(b"\xFF\xFE{\x00}\x00"),
        FeedError::Encoding(Encoding::Utf16)
    );
    assert_eq!(e(b"{\x00\"\x00}\x00"), FeedError::Encoding(Encoding::Utf16));
    // "中文标题" in GBK.
    assert_eq!(
        e(b"{\"t\":\"\xD6\xD0\xCE\xC4\xB1\xEA\xCC\xE2\"}"),
        FeedError::Encoding(Encoding::Gbk)
    );
    assert_eq!(
        e(b"{\"t\":\"\xFF\xFF\"}"),
        FeedError::Encoding(Encoding::Unknown)
    );
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    assert_eq!(e(deep.as_bytes()), FeedError::TooDeep);
    let big = vec![b' '; MAX_FEED_BYTES + 1];
    assert!(matches!(e(&big), FeedError::TooLarge { .. }));
}

#[test]
fn utf8_bom_simply_works() {
    let s = format!("\u{FEFF}{{\"version\":\"{V11}\",\"items\":[{{\"id\":1,\"title\":\"a\"}}]}}");
    assert_eq!(feed(&s).items.len(), 1);
}

#[test]
fn lenient_items() {
    let f = feed(&format!(
        r#"{{"version":"{V11}","items":[
        {{"id": 42, "title": "number id"}},
        {{"url": "https://x/a", "title": "no id"}},
        {{"title": "neither id nor url"}},
        {{"id": "empty"}},
        "not an object",
        {{"id": "t", "title": {{"x":1}}, "content_text": "text wins", "tags": "one", "date_published": 5, "authors": "bad"}}
    ]}}"#
    ));
    assert_eq!(f.items.len(), 3);
    assert_eq!(f.skipped, 3);
    let ids: Vec<&str> = f.items.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(ids, ["42", "https://x/a", "t"]);
    let t = &f.items[2];
    assert_eq!(t.title, None);
    assert_eq!(t.display_title(), "text wins");
    assert_eq!(t.tags, ["one"]);
    assert_eq!(&*t.district.category, "one");
    assert_eq!(t.published, None);
}

#[test]
fn district_fields_and_fallbacks() {
    let f = feed(&format!(
        r#"{{"version":"{V11}","_district":{{"name":"郑州高新区","timezone":"+09:00"}},"items":[
        {{"id":"a","title":"A","tags":["标签"],"authors":[{{"name":"作者"}}],
          "_district":{{"category":"生态环保","department":"环保安监局","reporter":"孙庆辉","photographer":"孙庆辉","doc_number":"〔2019〕1号","unknown":1}}}},
        {{"id":"b","title":"B","tags":["标签"],"authors":[{{"name":"作者"}}]}},
        {{"id":"c","title":"C","_district":{{"category":7,"department":["x"]}}}},
        {{"id":"d","title":"D","_district":"nonsense","_other":{{"category":"ignored"}}}}
    ]}}"#
    ));
    assert_eq!(f.district_name.as_deref(), Some("郑州高新区"));
    assert_eq!(f.zone_offset_min, 540);
    let a = &f.items[0];
    assert_eq!(
        (&*a.district.category, a.district.department.as_deref()),
        ("生态环保", Some("环保安监局"))
    );
    assert_eq!(a.district.reporter.as_deref(), Some("孙庆辉"));
    assert_eq!(a.district.photographer.as_deref(), Some("孙庆辉"));
    assert_eq!(a.district.doc_number.as_deref(), Some("〔2019〕1号"));
    let b = &f.items[1];
    assert_eq!(
        (&*b.district.category, b.district.department.as_deref()),
        ("标签", Some("作者"))
    );
    let c = &f.items[2];
    assert_eq!(
        (&*c.district.category, c.district.department.as_deref()),
        ("7", None)
    );
    assert_eq!(&*f.items[3].district.category, UNCATEGORIZED);
}

#[test]
fn pinned_items_and_title_prefixes() {
    let mut report = Report::default();
    let f = read_json(
        format!(
            r#"{{"version":"{V11}","items":[
        {{"id":"flag","title":"年度计划","_district":{{"pinned":true}}}},
        {{"id":"date","title":"报名通知","_district":{{"pinned":"2026-12-31"}}}},
        {{"id":"prefix","title":" 【置顶】 关于冬季供暖的通知"}},
        {{"id":"unpinned","title":"[置顶]停水通知","_district":{{"pinned":false}}}},
        {{"id":"garbage","title":"[置顶]停电通知","_district":{{"pinned":"soon"}}}},
        {{"id":"wrong","title":"普通","_district":{{"pinned":[true]}}}},
        {{"id":"plain","title":"置顶帖管理办法"}}
    ]}}"#
        )
        .as_bytes(),
        &mut report,
    )
    .expect("feed");
    let by = |id: &str| f.items.iter().find(|b| b.id == id).expect("item");
    assert_eq!(by("flag").district.pinned, Some(Pinned::Always));
    assert!(matches!(by("date").district.pinned, Some(Pinned::Until(t)) if !t.has_time));
    assert_eq!(by("prefix").district.pinned, Some(Pinned::Always));
    assert_eq!(by("prefix").title.as_deref(), Some("关于冬季供暖的通知"));
    // `false` decides: the prefix only goes.
    assert_eq!(by("unpinned").district.pinned, None);
    assert_eq!(by("unpinned").title.as_deref(), Some("停水通知"));
    // A value that means nothing is absent: the prefix pins.
    assert_eq!(by("garbage").district.pinned, Some(Pinned::Always));
    assert_eq!(by("wrong").district.pinned, None);
    assert_eq!(by("plain").district.pinned, None);
    assert_eq!(by("plain").title.as_deref(), Some("置顶帖管理办法"));
    let notes: Vec<String> = report.notes.iter().map(|n| n.to_string()).collect();
    assert!(
        notes
            .iter()
            .any(|n| n.contains("`_district.pinned` \"soon\" is not true, false or a date")),
        "{notes:?}"
    );
    assert!(
        notes
            .iter()
            .any(|n| n.contains("`_district.pinned` is not true, false or a date")),
        "{notes:?}"
    );
}

#[test]
fn public_document_fields() {
    let mut report = Report::default();
    let f = read_json(
        format!(
            r#"{{"version":"{V11}","items":[
        {{"id":"doc","title":"办法","authors":[{{"name":"区政府办公室"}}],"_district":{{
          "index_number":"11410100MB/2024-00123","subject":"城乡建设、环境保护",
          "written_date":"2024年11月27日","validity":"Repealed","source":"区住房和城乡建设局",
          "doc_number":"郑高管〔2024〕12号"}}}},
        {{"id":"bad","title":"坏值","_district":{{"validity":"void","written_date":"去年","index_number":["x"],"subject":7}}}},
        {{"id":"news","title":"新闻"}}
    ]}}"#
        )
        .as_bytes(),
        &mut report,
    )
    .expect("feed");
    let doc = &f.items[0];
    assert_eq!(
        doc.public.index_number.as_deref(),
        Some("11410100MB/2024-00123")
    );
    assert_eq!(doc.public.subject.as_deref(), Some("城乡建设、环境保护"));
    let written = doc.public.written_date.expect("written date");
    assert_eq!(
        crate::model::dates::machine_day(&written, 480),
        "2024-11-27"
    );
    assert_eq!(doc.public.validity, Some(Validity::Repealed));
    assert!(doc.is_void() && doc.is_public_document());
    assert_eq!(doc.district.source.as_deref(), Some("区住房和城乡建设局"));
    assert_eq!(doc.district.department.as_deref(), Some("区政府办公室"));
    let bad = &f.items[1];
    assert_eq!((bad.public.validity, bad.public.written_date), (None, None));
    assert_eq!(bad.public.index_number, None);
    assert_eq!(bad.public.subject.as_deref(), Some("7"));
    assert!(bad.is_public_document(), "a 主题分类 makes it one");
    assert!(!f.items[2].is_public_document());
    let notes: Vec<String> = report.notes.iter().map(|n| n.to_string()).collect();
    for expected in [
        "`_district.validity` \"void\" is not valid, amended, repealed or expired",
        "`_district.written_date` \"去年\" is not a date",
        "`_district.index_number` is not a string",
    ] {
        assert!(
            notes.iter().any(|n| n.contains(expected)),
            "{expected}: {notes:?}"
        );
    }
}

#[test]
fn duplicates_collapse_and_keys_stay_unique() {
    let f = feed(&format!(
        r#"{{"version":"{V11}","items":[
        {{"id":"x","title":"same"}},
        {{"id":"x","title":"same"}},
        {{"id":"x","title":"different"}},
        {{"id":"x~2","title":"clash"}}
    ]}}"#
    ));
    assert_eq!(f.duplicates, 1);
    let keys: Vec<&str> = f.items.iter().map(|b| &*b.key).collect();
    assert_eq!(keys, ["x", "x~2", "x~2~2"]);
}

#[test]
fn summary_prefers_summary_then_text_then_html() {
    let long = "字".repeat(200);
    let f = feed(&format!(
        r#"{{"version":"{V11}","items":[
        {{"id":"1","summary":"  摘要  ","content_text":"正文"}},
        {{"id":"2","content_text":"{long}"}},
        {{"id":"3","content_html":"<p>Hello &amp; <b>world</b></p><script>x()</script>"}}
    ]}}"#
    ));
    assert_eq!(f.items[0].summary(), "摘要");
    assert_eq!(
        f.items[1].summary().chars().count(),
        crate::model::text::SUMMARY_CHARS + 1
    );
    assert!(f.items[1].summary().ends_with('…'));
    assert_eq!(f.items[2].summary(), "Hello & world");
    assert_eq!(f.items[2].body_paragraphs(), ["Hello & world"]);
}

#[test]
fn sorting_is_newest_first_undated_last_stable() {
    let f = feed(&format!(
        r#"{{"version":"{V11}","items":[
        {{"id":"u1","title":"undated 1"}},
        {{"id":"old","title":"o","date_published":"2019-11-24T00:00:00+08:00"}},
        {{"id":"bad","title":"b","date_published":"2019-13-45"}},
        {{"id":"new","title":"n","date_published":"2019-11-28T00:00:00+08:00"}},
        {{"id":"tie1","title":"t","date_published":"2019-11-26T00:00:00+08:00"}},
        {{"id":"tie2","title":"t","date_published":"2019-11-25T16:00:00Z"}},
        {{"id":"mod","title":"m","date_modified":"2019-11-27"}}
    ]}}"#
    ));
    let ids: Vec<&str> = f.items.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(ids, ["new", "mod", "tie1", "tie2", "old", "u1", "bad"]);
}

#[test]
fn attachments_and_authors() {
    let f = feed(&format!(
        r#"{{"version":"{V11}","author":{{"name":"Old style"}},"items":[
        {{"id":"1","title":"t","author":{{"name":"One"}},
          "attachments":[{{"url":"a.pdf","mime_type":"application/pdf","size_in_bytes":1258291,"title":"附件"}},{{"title":"no url"}},{{"url":"b.mp3","size_in_bytes":"12"}}]}}
    ]}}"#
    ));
    assert_eq!(f.authors[0].name.as_deref(), Some("Old style"));
    let b = &f.items[0];
    assert_eq!(b.authors[0].name.as_deref(), Some("One"));
    assert_eq!(b.attachments.len(), 2);
    assert_eq!(b.attachments[0].size_in_bytes, Some(1_258_291));
    assert_eq!(b.attachments[1].size_in_bytes, Some(12));
}

#[test]
fn entities_read_the_same_in_the_summary_and_the_body() {
    let f = feed(&format!(
        r#"{{"version":"{V11}","items":[
        {{"id":"1","content_html":"<p>caf&eacute; &raquo; &NotEqualTilde; &bogus;</p>"}},
        {{"id":"2","title":"t","summary":"ok","content_html":"<p>r&eacute;sum&eacute;</p>"}}
    ]}}"#
    ));
    let b = &f.items[0];
    assert_eq!(b.summary(), "café » \u{2242}\u{338} &bogus;");
    assert_eq!(b.body_paragraphs(), [b.summary()]);
    assert_eq!(f.items[1].body_paragraphs(), ["résumé"]);
}
