//! `district-bulletin check`: on every fixture of the repository and every
//! real feed of `../shared/fixtures/real-feeds/` (read in place), on URLs of
//! a local server started here (no internet), and as the command itself
//! (exit status, `--json`).
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/server.rs"]
mod server;

use district_bulletin::app::load::column::Rule;
use district_bulletin::native::cli::check::{check, json, text, Check, Cors};
use district_bulletin::native::cli::source::{read, SourceError};
use std::path::{Path, PathBuf};
use std::process::Command;

/// 2019-12-31T00:00:00+08:00: the fixtures' news is from November 2019.
const NOW: i64 = 1_577_721_600;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn check_file(path: &Path) -> Check {
    let name = path.to_string_lossy().into_owned();
    check(&name, read(&name, None), None, NOW, Rule::default())
}

#[test]
fn check_runs_on_every_fixture() {
    let mut all = Vec::new();
    files(&root().join("tests/fixtures"), &mut all);
    let real = root().join("../shared/fixtures/real-feeds");
    files(&real, &mut all);
    all.sort();
    assert!(all.len() > 30, "{all:?}");
    let mut shown = Vec::new();
    for path in &all {
        let c = check_file(path);
        // Every report prints, and names its verdict.
        let t = text(&c);
        assert!(t.contains("verdict: "), "{t}");
        assert_eq!(json(&c)["shows"], c.shows(), "{}", path.display());
        let rel = path
            .strip_prefix(root())
            .map_or(path.clone(), Path::to_path_buf)
            .to_string_lossy()
            .into_owned();
        if c.shows() {
            shown.push(rel);
        }
    }
    let shown_in = |dir: &str| {
        shown
            .iter()
            .filter(|p| p.starts_with(dir))
            .map(|p| p.rsplit('/').next().unwrap_or(p).to_string())
            .collect::<Vec<_>>()
    };
    // Every CMS quirk is shown, except the JSON Feed without items.
    let mut cms = shown_in("tests/fixtures/cms/");
    cms.sort();
    assert_eq!(
        cms,
        [
            "atom-quirks.xml",
            "bare-ampersand.xml",
            "broken-items.xml",
            "broken.xml",
            "control-chars.xml",
            "dates-us.xml",
            "dates.xml",
            // real/: CMS output with provenance.
            "dedecms-1dagong-localhost.xml",
            "dedecms-guangshanban.xml",
            "derived-trs-nbs-style.xml",
            "gb18030.xml",
            "html-entities.xml",
            "html-titles.xml",
            "label-lies.xml",
            "no-guid-no-link.xml",
            "truncated.xml",
        ]
    );
    // No broken JSON is shown (a UTF-8 byte order mark is no harm).
    assert_eq!(shown_in("tests/fixtures/bad/"), ["bom.json"]);
    if real.is_dir() {
        let mut r = shown_in("../shared/fixtures/real-feeds/");
        r.sort();
        assert_eq!(
            r,
            [
                "derived-jsonfeed-tainan-gov-40.json",
                "real-atom-reddit-rust.xml",
                "real-jsonfeed-daringfireball-v1.json",
                "real-jsonfeed-influxdata-v1.1-quirky.json",
                "real-jsonfeed-npr-technology.json",
                "real-jsonfeed-publii-relative-urls.json",
                "real-rss-spiegel-update.xml",
            ]
        );
    }
}

#[test]
fn check_names_each_quirk_of_the_cms_fixtures() {
    let t = |name: &str| text(&check_file(&root().join("tests/fixtures/cms").join(name)));
    let broken = t("broken.xml");
    assert!(
        broken.contains("    line 23, column 10: 1 `<` starting no tag read as `&lt;`"),
        "{broken}"
    );
    assert!(
        broken.contains("items: 4 shown of 4 in the document"),
        "{broken}"
    );
    let items = t("broken-items.xml");
    for line in [
        "  verdict: SHOWN",
        "  items: 21 shown of 22 in the document, 1 broken past repair (under problems), none skipped\n",
        "  problems: 1\n    item 12, line 101, column 41: 「跨境电商的机遇与风险」: broken here past repair",
        "  repaired: 2\n    item 5, line 41, column 9: 「《<草根网>的前途与未来》读后」: `<草根网>` is not matched in its element: read as text",
        "    item 17, line 136, column 1: 「房地产税立法的讨论」: no end tag: closed",
    ] {
        assert!(items.contains(line), "{line}\n{items}");
    }
    let j = json(&check_file(
        &root().join("tests/fixtures/cms/broken-items.xml"),
    ));
    assert_eq!(j["items"]["lost"], 1, "{j}");
    let lost = &j["notes"][1];
    assert_eq!(
        (
            &lost["code"],
            &lost["item"],
            &lost["line"],
            &lost["column"],
            &lost["title"]
        ),
        (
            &"item_lost".into(),
            &12.into(),
            &101.into(),
            &41.into(),
            &"跨境电商的机遇与风险".into()
        ),
        "{j}"
    );
    let lies = t("label-lies.xml");
    assert!(
        lies.contains("encoding=\"gb2312\", but the bytes are UTF-8: read as UTF-8"),
        "{lies}"
    );
    let dates = t("dates.xml");
    assert!(
        dates
            .contains("item 7, line 44, column 1: `pubDate` \"2019-02-30 10:00:00\" is not a date"),
        "{dates}"
    );
    assert!(dates.contains("without a date (日期未知): 2\n"), "{dates}");
    assert!(
        dates.contains("newest: 2019-11-27T10:30+08:00, 33 days ago: STALE"),
        "{dates}"
    );
    let amp = t("bare-ampersand.xml");
    assert!(
        amp.contains("repaired: 1\n    line 5, column 46: 10 bare `&`"),
        "{amp}"
    );
    let gb = t("gb18030.xml");
    assert!(
        gb.contains("format: RSS 2.0, decoded from gb18030\n"),
        "{gb}"
    );
    let no_link = t("no-guid-no-link.xml");
    assert!(
        no_link.contains("item 2, line 14, column 1: no guid/id and no link"),
        "{no_link}"
    );
}

#[test]
fn check_over_http() {
    let srv = server::Server::start(
        &root().join("tests/fixtures"),
        server::Rules {
            headers: vec![
                (
                    "Access-Control-Allow-Origin".into(),
                    "https://portal.example".into(),
                ),
                ("ETag".into(), "\"v7\"".into()),
            ],
            missing: vec!["/gone.json".into()],
            ..server::Rules::default()
        },
    );
    let url = |p: &str| format!("{}{p}", srv.origin);
    let at = |p: &str, origin: Option<&str>| {
        let u = url(p);
        check(&u, read(&u, origin), origin, NOW, Rule::default())
    };

    let c = at("/sub/lenient.json", Some("https://portal.example"));
    let h = c.http.as_ref().expect("http");
    assert_eq!(h.http.status, 200);
    assert_eq!(h.cors, Cors::Allowed);
    assert!(c.shows(), "{}", text(&c));
    let t = text(&c);
    assert!(t.contains("  http: 200\n"), "{t}");
    assert!(
        t.contains("  content-type: application/json; charset=utf-8\n"),
        "{t}"
    );
    assert!(
        t.contains("pages on https://portal.example may read it"),
        "{t}"
    );
    assert!(t.contains("refresh: ETag \"v7\""), "{t}");
    let j = json(&c);
    assert_eq!(j["http"]["origin_may_read"], true);
    assert_eq!(j["http"]["etag"], "\"v7\"");
    assert_eq!(j["size"].as_u64(), Some(c.size as u64));

    // Another page origin may not read it: the widget would fail there.
    let c = at("/cms/dates.xml", Some("https://other.example"));
    assert_eq!(c.http.as_ref().map(|h| h.cors), Some(Cors::Denied));
    assert!(!c.shows());
    let t = text(&c);
    assert!(
        t.contains("content-type: application/octet-stream: not a feed type"),
        "{t}"
    );
    assert!(
        t.contains("send `Access-Control-Allow-Origin: https://other.example`"),
        "{t}"
    );
    // The page's own origin needs no CORS.
    let c = at("/cms/dates.xml", Some(&srv.origin));
    assert_eq!(c.http.as_ref().map(|h| h.cors), Some(Cors::SameOrigin));
    assert!(c.shows());

    let c = at("/gone.json", None);
    assert!(!c.shows());
    assert!(
        text(&c).contains("信息源地址不存在（HTTP 404）"),
        "{}",
        text(&c)
    );

    // Nothing listening: no answer at all.
    let dead = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        format!("http://{}/feed.json", l.local_addr().expect("addr"))
    };
    let source = read(&dead, None);
    assert!(
        matches!(source, Err(SourceError::Network { .. })),
        "{source:?}"
    );
    let c = check(&dead, source, None, NOW, Rule::default());
    assert!(!c.shows());
    assert!(text(&c).contains("网络连接失败"), "{}", text(&c));
}

#[test]
fn the_command_exits_0_when_shown_and_1_when_not() {
    let bin = env!("CARGO_BIN_EXE_district-bulletin");
    let run = |args: &[&str]| {
        Command::new(bin)
            .args(args)
            .current_dir(root())
            .output()
            .expect("runs")
    };
    let ok = run(&["check", "feeds/seed.json", "tests/fixtures/cms/dates.xml"]);
    assert_eq!(ok.status.code(), Some(0));
    let out = String::from_utf8_lossy(&ok.stdout);
    assert!(
        out.starts_with("feeds/seed.json\n  verdict: SHOWN"),
        "{out}"
    );

    let bad = run(&[
        "check",
        "--json",
        "feeds/seed.json",
        "tests/fixtures/cms/no-items.json",
    ]);
    assert_eq!(bad.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&bad.stdout).expect("JSON");
    assert_eq!(v["feeds"][0]["shows"], true);
    assert_eq!(v["feeds"][1]["shows"], false);
    assert_eq!(v["feeds"][1]["notes"][0]["code"], "missing_field");

    assert_eq!(run(&["check"]).status.code(), Some(2));
    assert_eq!(run(&["nonsense"]).status.code(), Some(2));
    // The build's own subcommand is unchanged.
    let contract = run(&["contract"]);
    assert_eq!(contract.status.code(), Some(0));
    assert!(serde_json::from_slice::<serde_json::Value>(&contract.stdout).is_ok());
}

/// The command on the portal fixtures, at the fixtures' clock.
fn run_at_now(args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_district-bulletin"))
        .args(["check", "--now", &NOW.to_string()])
        .args(args)
        .current_dir(root())
        .output()
        .expect("runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// The table's line for the column whose feed ends with `feed`.
fn row<'a>(out: &'a str, feed: &str) -> &'a str {
    out.split("\ncolumns: ")
        .nth(1)
        .and_then(|table| table.lines().find(|l| l.ends_with(feed)))
        .unwrap_or_else(|| panic!("no row for {feed}:\n{out}"))
}

/// That line's cells (separated by two spaces or more).
fn cells(out: &str, feed: &str) -> Vec<String> {
    row(out, feed)
        .split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(String::from)
        .collect()
}

#[test]
fn check_on_a_folder_ends_with_the_columns_and_the_portals_verdict() {
    let (code, out) = run_at_now(&["tests/fixtures/portal/fails"]);
    assert_eq!(code, Some(1), "five stale columns fail the portal:\n{out}");
    let table = out
        .split("\ncolumns: 7 (the inspection rule, 国办秘函〔2019〕19号")
        .nth(1)
        .unwrap_or_else(|| panic!("no table:\n{out}"));
    let cells = |feed: &str| cells(&out, feed);
    // A 动态 column 15 days old is stale.
    assert_eq!(
        cells("fails/gzdt.json"),
        [
            "STALE",
            "动态 (title)",
            "14 days",
            "2019-12-16, 15 days ago",
            "tests/fixtures/portal/fails/gzdt.json"
        ]
    );
    // A 政策文件 column updated 40 days ago is not.
    assert_eq!(
        cells("fails/zcwj.json")[..3],
        ["fresh", "政策文件 (title)", "180 days"]
    );
    assert_eq!(
        cells("fails/tzgg.xml")[..3],
        ["STALE", "通知公告 (title)", "180 days"]
    );
    assert_eq!(
        cells("fails/ztzl.json")[..4],
        ["EMPTY", "动态 (default)", "14 days", "—"]
    );
    assert!(
        table.contains(
            "portal: FAILS the column rule: 5 stale, 1 empty of 7 columns (a portal fails at 5 stale or 5 empty columns)\n"
        ),
        "{table}"
    );
    // Each report names its column too.
    assert!(
        out.contains("  column: 政策文件 (read from the feed's title 「示例区人民政府 · 政策文件」; on the widget, set column-kind=\"政策文件\" for its console to agree), stale after 180 days\n"),
        "{out}"
    );

    // --json: the same columns and verdict.
    let (code, json) = run_at_now(&["--json", "tests/fixtures/portal/fails"]);
    assert_eq!(code, Some(1));
    let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let feeds = v["feeds"].as_array().expect("feeds");
    assert_eq!(feeds.len(), 7);
    let column = |name: &str| {
        feeds
            .iter()
            .find(|f| f["feed"].as_str().is_some_and(|f| f.ends_with(name)))
            .map(|f| f["column"].clone())
            .unwrap_or_default()
    };
    assert_eq!(
        column("fails/gzdt.json"),
        serde_json::json!({
            "kind": "动态", "kind_from": "title", "kind_read_from": "示例区人民政府 · 工作动态",
            "stale_after_days": 14, "status": "stale"
        })
    );
    assert_eq!(column("fails/zcwj.json")["status"], "fresh");
    assert_eq!(column("fails/ztzl.json")["status"], "empty");
    assert_eq!(
        v["portal"],
        serde_json::json!({
            "columns": 7, "stale": 5, "empty": 1, "not_shown": 0, "undated": 0,
            "fails_at": 5, "fails": true
        })
    );
}

#[test]
fn kinds_given_go_first_and_a_portal_under_five_passes() {
    let (code, out) = run_at_now(&["tests/fixtures/portal/passes"]);
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("portal: passes the column rule: 2 stale, 0 empty of 5 columns"),
        "{out}"
    );
    // The kind read from the category every item shares.
    assert_eq!(
        cells(&out, "passes/zcwj.xml")[..3],
        ["fresh", "政策文件 (category)", "180 days"]
    );
    assert_eq!(
        cells(&out, "passes/index.json")[..3],
        ["STALE", "动态 (default)", "14 days"]
    );
    // KIND=FEED first, then --kind, then the feed's own words.
    let (code, out) = run_at_now(&[
        "--kind",
        "动态",
        "政策文件=tests/fixtures/portal/passes/index.json",
        "tests/fixtures/portal/passes/tzgg.xml",
    ]);
    assert_eq!(code, Some(0), "{out}");
    assert_eq!(
        cells(&out, "passes/index.json")[..3],
        ["fresh", "政策文件 (given)", "180 days"]
    );
    assert_eq!(
        cells(&out, "passes/tzgg.xml")[..3],
        ["STALE", "动态 (given)", "14 days"]
    );
    // --stale-after, for every column: all five stale (the newest is 10
    // days old).
    let (code, out) = run_at_now(&["--stale-after", "9", "tests/fixtures/portal/passes"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("portal: FAILS the column rule: 5 stale, 0 empty of 5 columns"),
        "{out}"
    );
    // A folder without feeds, an unknown kind: usage errors.
    // (tests/e2e holds pages, scripts and styles, no feed.)
    assert_eq!(run_at_now(&["tests/e2e"]).0, Some(2));
    assert_eq!(
        run_at_now(&["--kind", "其他", "feeds/seed.json"]).0,
        Some(2)
    );
}
