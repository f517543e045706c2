//! `district-bulletin render`: fragments of the seed feed, real feeds and a
//! 10,000-item archive, read the way a robot reads them: by an HTML parser
//! that runs no script and leaves `<template>` aside. The light DOM must
//! hold the first page of items: each title (a link to its page when it has
//! one), a `<time datetime>`, category and department.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/gen.rs"]
mod gen;

use district_bulletin::model::feed::parse_body;
use district_bulletin::native::fragment::{render, Input, RenderError, Stylesheet};
use scraper::{Html, Selector};
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn input(body: Vec<u8>, feed_url: &str, extra: &[(&str, &str)]) -> Input {
    let mut attributes = vec![("feed".to_string(), feed_url.to_string())];
    attributes.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    Input {
        bodies: vec![("feed".into(), body)],
        id: None,
        attributes,
        now: 1_764_633_600,
        fresh_for: 900,
        page: None,
        stylesheet: Stylesheet::Inline,
    }
}

/// What a robot finds in the light DOM: per item, its title, link and datetime.
struct Robot {
    titles: Vec<String>,
    links: Vec<String>,
    datetimes: Vec<String>,
    text: String,
}

fn read_as_robot(html: &str) -> Robot {
    let doc = Html::parse_fragment(html);
    let sel = |s: &str| Selector::parse(s).expect("selector");
    let items: Vec<_> = doc.select(&sel(".district-bulletin-static li")).collect();
    let text = |e: scraper::ElementRef| e.text().collect::<String>();
    Robot {
        titles: items
            .iter()
            .filter_map(|li| li.select(&sel("a, strong")).next().map(text))
            .collect(),
        links: items
            .iter()
            .filter_map(|li| li.select(&sel("a[href]")).next())
            .filter_map(|a| a.value().attr("href").map(str::to_string))
            .collect(),
        datetimes: items
            .iter()
            .filter_map(|li| li.select(&sel("time[datetime]")).next())
            .filter_map(|t| t.value().attr("datetime").map(str::to_string))
            .collect(),
        // Everything a parser that skips <template> and <script> sees.
        text: doc
            .select(&sel(".district-bulletin-static"))
            .map(text)
            .collect(),
    }
}

#[test]
fn the_seed_feed_as_a_robot_reads_it() {
    let seed = std::fs::read(root().join("feeds/seed.json")).expect("seed");
    let out = render(&input(seed, "/news/feed.json", &[])).expect("renders");
    let robot = read_as_robot(&out.html);
    assert_eq!(robot.titles.len(), 6);
    assert_eq!(robot.titles[0], "高新区打响秋冬蓝天“保卫战”");
    assert_eq!(robot.datetimes.len(), 5, "the undated article has none");
    assert_eq!(robot.datetimes[0], "2019-11-28");
    assert!(robot.text.contains("栏目：生态环保") && robot.text.contains("发布机构：环保安监局"));
    assert!(robot.links.is_empty(), "the seed's articles have no url");
    // The widget's markup is in the template, the feed in the snapshot.
    assert!(out
        .html
        .contains("<template shadowrootmode=\"open\"><style>"));
    assert!(out.html.contains("class=\"district-bulletin-snapshot\""));
    assert!(out.style_hash.is_some_and(|h| h.starts_with("'sha256-")));
}

#[test]
fn real_feeds_link_their_titles() {
    let dir = root().join("../shared/fixtures/real-feeds");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return; // the shared fixtures are beside the repository in CI
    };
    let mut checked = 0;
    for path in entries.flatten().map(|e| e.path()) {
        let bytes = std::fs::read(&path).expect("fixture");
        let Ok(feed) = parse_body(&bytes) else {
            continue;
        };
        if !feed.items.iter().any(|b| b.url.is_some()) {
            continue;
        }
        let out = render(&input(
            bytes,
            "https://portal.example.gov.cn/feed",
            &[("page-size", "10")],
        ))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let robot = read_as_robot(&out.html);
        let expected = feed.items.len().min(10);
        assert_eq!(robot.titles.len(), expected, "{}", path.display());
        assert!(!robot.links.is_empty(), "{}", path.display());
        assert!(
            robot.links.iter().all(|l| l.starts_with("http")),
            "{}: {:?}",
            path.display(),
            robot.links
        );
        assert!(!robot.datetimes.is_empty(), "{}", path.display());
        checked += 1;
    }
    assert!(checked >= 3, "{checked} real feeds checked");
}

#[test]
fn a_ten_thousand_item_archive_renders_its_first_page() {
    let feed = gen::generate(10_000, 1, (2026, 11, 28));
    let out = render(&input(
        feed.into_bytes(),
        "/archive.json",
        &[("category", "通知公告")],
    ))
    .expect("renders");
    let robot = read_as_robot(&out.html);
    assert_eq!(robot.titles.len(), 20, "one page of rows");
    assert!(
        robot.text.matches("栏目：通知公告").count() == 20,
        "the starting category"
    );
    assert_eq!(robot.datetimes.len(), 20);
    assert_eq!(out.items, 10_000);
    assert!(
        !out.html.contains("district-bulletin-snapshot"),
        "an archive this large is not carried in the page"
    );
    assert!(out.html.len() < 200_000, "{} bytes", out.html.len());
}

#[test]
fn a_broken_feed_is_refused_with_the_readers_message() {
    let err = render(&input(
        b"{\"items\":[{\"id\":1,}]}".to_vec(),
        "/f.json",
        &[],
    ))
    .expect_err("broken");
    match err {
        RenderError::Feed { message, .. } => assert!(message.contains("逗号"), "{message}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_no_shadow_fragment_is_the_widget_in_the_page_itself() {
    let seed = std::fs::read(root().join("feeds/seed.json")).expect("seed");
    let out = render(&input(
        seed.clone(),
        "/news/feed.json",
        &[("no-shadow", "")],
    ))
    .expect("renders");
    let doc = Html::parse_fragment(&out.html);
    let sel = |s: &str| Selector::parse(s).expect("selector");
    // No template and no second list: the widget's own rows, in the light DOM.
    assert!(!out.html.contains("<template"));
    assert_eq!(doc.select(&sel(".district-bulletin-static")).count(), 0);
    let host = doc
        .select(&sel("district-bulletin[data-db-light]"))
        .next()
        .expect("the host, marked for the light stylesheet");
    let root_div = host
        .select(&sel(":scope > .db-root"))
        .next()
        .expect("the container");
    let text: String = root_div.text().collect();
    assert!(text.contains("高新区打响秋冬蓝天“保卫战”"), "{text}");
    // Its styles: the light-DOM rules, hashed for a strict CSP.
    let style: String = host
        .select(&sel(":scope > style"))
        .next()
        .expect("style")
        .text()
        .collect();
    assert!(!style.contains(":host") && style.contains("[data-db-light]"));
    assert_eq!(
        out.style_hash.as_deref(),
        Some(district_bulletin::native::fragment::csp_hash(&style).as_str())
    );
    assert_eq!(
        doc.select(&sel("script.district-bulletin-snapshot"))
            .count(),
        1
    );

    // With --assets, the light file is linked.
    let mut linked = input(seed, "/news/feed.json", &[("no-shadow", "")]);
    linked.stylesheet = Stylesheet::Link("https://cdn.example/db/".into());
    let out = render(&linked).expect("renders");
    assert!(
        out.html.contains(
            "<link rel=\"stylesheet\" href=\"https://cdn.example/db/district-bulletin-light.css\">"
        ),
        "{}",
        out.html
    );
    // `no-shadow="false"` is the usual shadow root.
    let seed = std::fs::read(root().join("feeds/seed.json")).expect("seed");
    let out = render(&input(seed, "/f.json", &[("no-shadow", "false")])).expect("renders");
    assert!(out.html.contains("<template shadowrootmode=\"open\">"));
}

fn command(args: &[&str], dir: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_district-bulletin"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the command runs")
}

#[test]
fn the_command_writes_a_file_whole_or_nothing() {
    let dir = std::env::temp_dir().join(format!("db-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let seed = root().join("feeds/seed.json");
    std::fs::write(dir.join("bad.json"), "<html><body>502</body></html>").expect("write");
    let out = command(
        &[
            "render",
            seed.to_str().unwrap_or_default(),
            "--feed-url",
            "/news/feed.json",
            "--page-size",
            "3",
            "--compact",
            "--id",
            "news",
            "-o",
            "news.html",
        ],
        &dir,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(dir.join("news.html")).expect("written");
    assert!(html.starts_with(
        "<district-bulletin id=\"news\" feed=\"/news/feed.json\" page-size=\"3\" compact=\"\">"
    ));
    assert_eq!(read_as_robot(&html).titles.len(), 3);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("3 of 6 items") && stderr.contains("'sha256-"),
        "{stderr}"
    );

    // A broken feed: a non-zero exit, the reader's message, and the old file kept.
    let out = command(
        &[
            "render",
            "bad.json",
            "--feed-url",
            "/news/feed.json",
            "-o",
            "news.html",
        ],
        &dir,
    );
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("网页"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("news.html")).expect("kept"),
        html
    );
    // A file FEED without --feed-url: nothing for the widget to fetch.
    let out = command(&["render", "bad.json"], &dir);
    assert_eq!(out.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}
