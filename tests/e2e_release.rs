//! End-to-end: the release archive (`scripts/release.sh`) as a webmaster
//! gets it. Unpacked into an empty folder and served as plain files (the
//! tests' static server: no Rust build, trunk or node involved), its
//! `builder.html` opens in headless Chromium; a fixture feed's URL is typed
//! in; the preview shows the feed's items and the check its verdict; the
//! snippet read from the page goes into a blank page on another origin,
//! where the widget shows the feed with the integrity check on. The page's
//! check agrees with the archive's own `district-bulletin check --json`,
//! and axe finds nothing, at desktop and phone widths, in both languages.
//!
//! Runs when `DISTRICT_BULLETIN_RELEASE` names the `.tar.gz` (scripts/test.sh
//! sets it after building); otherwise it says so and passes.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/browser.rs"]
mod browser;
#[path = "support/server.rs"]
mod server;

use browser::{cdp, js, open, start_browser, wait};
use fantoccini::{Client, Locator};
use serde_json::{json, Value};
use server::{Rules, Server};
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn group(name: &str) {
    println!("e2e_release: {name} ... ok");
}

/// The archive unpacked into a new empty folder: the folder it holds.
fn unpack(archive: &Path) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("db-release-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp folder");
    let status = Command::new("tar")
        .arg("-xzf")
        .arg(archive)
        .arg("-C")
        .arg(&dir)
        .status()
        .expect("tar");
    assert!(status.success(), "tar -xzf {}", archive.display());
    let mut inside: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("unpacked")
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(inside.len(), 1, "one folder in the archive: {inside:?}");
    inside.remove(0)
}

/// The archive's own command on `feed` (`check --json`).
fn check_json(folder: &Path, feed: &Path) -> Value {
    let out = Command::new(folder.join("bin/district-bulletin"))
        .args(["check", "--json"])
        .arg(feed)
        .output()
        .expect("bin/district-bulletin");
    let all: Value = serde_json::from_slice(&out.stdout).expect("check --json");
    all["feeds"][0].clone()
}

/// axe-core over the page (WCAG 2.x A/AA), loaded from `axe_origin`
/// (the builder's page has no script tag for it).
async fn axe(c: &Client, axe_origin: &str) -> Value {
    js(
        c,
        "if (!window.axe) { var s = document.createElement('script'); s.src = arguments[0] + '/axe/axe.min.js'; document.head.append(s); } return true;",
        vec![json!(axe_origin)],
    )
    .await;
    wait(c, "axe-core", "return !!window.axe;", vec![]).await;
    browser::axe(c).await
}

/// Types `text` into the element `css` as a user would.
async fn type_into(c: &Client, css: &str, text: &str) {
    let field = c
        .wait()
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"));
    field.clear().await.expect("clear");
    field.send_keys(text).await.expect("type");
}

/// Opens `origin`'s builder page and waits for its wasm to render the form.
async fn open_builder(c: &Client, origin: &str) {
    open(c, &format!("{origin}/builder.html")).await;
    wait(
        c,
        "the builder",
        "return !!document.getElementById('feed-0');",
        vec![],
    )
    .await;
}

/// Clicks the element `css`.
async fn click(c: &Client, css: &str) {
    let el = c
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"));
    el.click()
        .await
        .unwrap_or_else(|e| panic!("click {css}: {e}"));
}

/// Waits until the first widget matching `host` shows `n` rows.
async fn wait_rows(c: &Client, host: &str, n: i64) {
    wait(
        c,
        &format!("{n} rows in {host}"),
        &format!("return (function(){{ {ROWS} }}).apply(null, arguments) === {n};"),
        vec![json!(host)],
    )
    .await;
}

/// The report the page shows for `url`: verdict, items, problems' places.
async fn report(c: &Client, url: &str) -> Value {
    let script = "var s = Array.from(document.querySelectorAll('.report')).find(r => r.dataset.feed === arguments[0]); \
        var dl = s && s.querySelector('dl'); if (!dl) return null; \
        return { verdict: dl.dataset.verdict, shown: +dl.dataset.shown, all: +dl.dataset.inDocument, \
                 problems: Array.from(dl.querySelectorAll('.problems li')).map(li => [li.dataset.line ? +li.dataset.line : null, li.dataset.column ? +li.dataset.column : null]), \
                 text: s.textContent };";
    wait(
        c,
        &format!("the check of {url}"),
        &format!("return (function(){{ {script} }}).apply(null, arguments) !== null;"),
        vec![json!(url)],
    )
    .await;
    js(c, script, vec![json!(url)]).await
}

/// Rows in the shadow root of the first widget in `scope`.
const ROWS: &str = "var h = document.querySelector(arguments[0]); \
    return h && h.shadowRoot ? h.shadowRoot.querySelectorAll('.db-row').length : -1;";

/// A screenshot into `DISTRICT_BULLETIN_SCREENSHOTS` (README's come from
/// here); `whole`: the whole page at 1280 px, not the window.
async fn shot(c: &Client, name: &str, whole: bool) {
    let Some(dir) = std::env::var_os("DISTRICT_BULLETIN_SCREENSHOTS") else {
        return;
    };
    if whole {
        let h = js(c, "return document.documentElement.scrollHeight;", vec![]).await;
        let params = json!({ "width": 1280, "height": h.as_i64().unwrap_or(1400).min(3000), "deviceScaleFactor": 1, "mobile": false });
        cdp(c, "Emulation.setDeviceMetricsOverride", params).await;
        let h = js(c, "return document.documentElement.scrollHeight;", vec![]).await;
        let params = json!({ "width": 1280, "height": h.as_i64().unwrap_or(1400).min(3000), "deviceScaleFactor": 1, "mobile": false });
        cdp(c, "Emulation.setDeviceMetricsOverride", params).await;
    }
    let png = c.screenshot().await.expect("screenshot");
    std::fs::write(PathBuf::from(dir).join(name), png).expect("write screenshot");
    if whole {
        cdp(c, "Emulation.clearDeviceMetricsOverride", json!({})).await;
    }
}

/// The unpacked archive on its origin, and the fixture feeds on another.
struct World {
    folder: PathBuf,
    fixtures: PathBuf,
    site: Server,
    feeds: Server,
}

impl World {
    fn feed_url(&self, fixture: &str) -> String {
        format!("{}/{fixture}", self.feeds.origin)
    }
}

/// The archive in an empty folder, its files there and whole.
fn unpack_and_verify(archive: &Path) -> PathBuf {
    let folder = unpack(archive);
    for f in [
        "builder.html",
        "district-bulletin.js",
        "district-bulletin.wasm",
        "bin/district-bulletin",
        "SHA256SUMS",
        "SRI",
        "package.json",
        "LICENSE-MIT",
        "LICENSE-APACHE",
        "README.md",
    ] {
        assert!(folder.join(f).is_file(), "{f} in the archive");
    }
    let sums = Command::new("sha256sum")
        .args(["-c", "--quiet", "SHA256SUMS"])
        .current_dir(&folder)
        .status()
        .expect("sha256sum");
    assert!(sums.success(), "SHA256SUMS");
    group("the archive unpacks into an empty folder; SHA256SUMS holds");
    folder
}

/// The folder as README says to serve it: plain files, with CORS, since
/// the snippet may go into pages on other origins (SRI needs it). The
/// feeds on another origin (with CORS, as README asks of a feed elsewhere).
fn serve(folder: PathBuf, axe_dir: &Path) -> World {
    let cors = || vec![("Access-Control-Allow-Origin".to_string(), "*".to_string())];
    let site = Server::start(
        &folder,
        Rules {
            headers: cors(),
            ..Rules::default()
        },
    );
    let fixtures = root().join("tests/fixtures");
    let feeds = Server::start(
        &fixtures,
        Rules {
            headers: cors(),
            mounts: vec![("/axe/".into(), axe_dir.to_path_buf())],
            ..Rules::default()
        },
    );
    World {
        folder,
        fixtures,
        site,
        feeds,
    }
}

/// A fixture feed typed in: the preview shows its items, the check its
/// verdict with the command's counts.
async fn preview_and_check(c: &Client, w: &World, fixture: &str) {
    let url = w.feed_url(fixture);
    type_into(c, "#feed-0", &url).await;
    let r = report(c, &url).await;
    let native = check_json(&w.folder, &w.fixtures.join(fixture));
    assert_eq!(r["verdict"], "shown", "{r}");
    assert_eq!(r["shown"], native["items"]["shown"], "{r}");
    assert_eq!(r["all"], native["items"]["in_document"], "{r}");
    let rows = r["shown"].as_i64().unwrap_or(0).min(20);
    assert!(rows > 0);
    wait_rows(c, ".preview district-bulletin", rows).await;
    group("a fixture's URL typed in: the preview shows its rows, the check says 可以显示 with the command's counts");
}

/// A broken feed beside it: the page's problems are the command's, at the
/// same places; then a feed whose server sends no CORS header.
async fn problems_and_cors(c: &Client, w: &World, broken: &str, good: &str) {
    click(c, "button.add").await;
    let url = w.feed_url(broken);
    type_into(c, "#feed-1", &url).await;
    let r = report(c, &url).await;
    let native = check_json(&w.folder, &w.fixtures.join(broken));
    let mut expected: Vec<Value> = native["notes"]
        .as_array()
        .expect("notes")
        .iter()
        .filter(|n| n["severity"] == "problem")
        .map(|n| json!([n["line"], n["column"]]))
        .collect();
    if expected.is_empty() && !native["error"].is_null() {
        expected.push(json!([native["error"]["line"], native["error"]["column"]]));
    }
    assert!(!expected.is_empty(), "{broken} has problems: {native}");
    let verdict = if native["shows"] == true {
        "shown"
    } else {
        "not-shown"
    };
    assert_eq!(r["verdict"], verdict, "{r}\n{native}");
    assert_eq!(r["problems"], json!(expected), "{r}\n{native}");
    group("a second, broken feed: the same verdict and problems (line, column) as the archive's `check --json`");

    // The widget could not read this one, and the check says so.
    let closed = Server::start(&w.fixtures, Rules::default());
    let url = format!("{}/{good}", closed.origin);
    type_into(c, "#feed-1", &url).await;
    let r = report(c, &url).await;
    assert_eq!(r["verdict"], "not-shown", "{r}");
    let says = r["text"]
        .as_str()
        .is_some_and(|t| t.contains("不允许本站读取"));
    assert!(says, "{r}");
    click(c, ".feed-row:nth-of-type(2) button.remove").await;
    group("a feed whose server sends no CORS header: 无法显示, and why");
}

/// The texts to copy, with `page-size` set: the snippet, as the page has it.
async fn snippet(c: &Client, w: &World, good: &str) -> String {
    c.find(Locator::Css("#attr-page-size"))
        .await
        .expect("page-size")
        .send_keys("5")
        .await
        .expect("type");
    wait(
        c,
        "the snippet with the integrity value and page-size",
        "var s = document.getElementById('copy-snippet').value; return s.includes('integrity=\"sha384-') && s.includes('page-size=\"5\"') && s.includes('feed=\"' + arguments[0] + '\"');",
        vec![json!(w.feed_url(good))],
    )
    .await;
    let value = |id: &'static str| async move {
        let v = js(
            c,
            "return document.getElementById(arguments[0]).value;",
            vec![json!(id)],
        )
        .await;
        v.as_str().unwrap_or_default().to_string()
    };
    let snippet = value("copy-snippet").await;
    let sri = std::fs::read_to_string(w.folder.join("district-bulletin.sri")).expect("sri");
    let src = format!("src=\"{}/district-bulletin.js\"", w.site.origin);
    assert!(snippet.contains(&src), "{snippet}");
    assert!(
        snippet.contains(&format!("integrity=\"{}\"", sri.trim())),
        "{snippet}"
    );
    for id in ["copy-csp", "copy-render", "copy-cron", "copy-ssi"] {
        assert!(!value(id).await.is_empty(), "{id}");
    }
    assert_eq!(axe(c, &w.feeds.origin).await, json!([]), "axe, desktop");
    shot(c, "builder-desktop.png", true).await;
    group("the snippet: the loader from this folder with its integrity value, the chosen attributes; axe clean");
    snippet
}

/// The snippet in a blank page on another origin: the widget shows the
/// feed, its loader checked by its integrity value.
async fn pasted(c: &Client, w: &World, snippet: &str) {
    let dir = std::env::temp_dir().join(format!("db-release-host-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("host folder");
    std::fs::write(
        dir.join("index.html"),
        format!("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head><meta charset=\"utf-8\"><title>host</title></head>\n<body>\n{snippet}\n</body>\n</html>\n"),
    )
    .expect("host page");
    let host = Server::start(&dir, Rules::default());
    assert_ne!(host.origin, w.site.origin);
    open(c, &format!("{}/index.html", host.origin)).await;
    wait_rows(c, "district-bulletin", 5).await;
    let integrity = js(
        c,
        "var s = document.querySelector('script[src$=\"district-bulletin.js\"]'); \
         var e = performance.getEntriesByName(s.src)[0]; \
         return [s.integrity, s.crossOrigin, !!e, !!window.DistrictBulletin];",
        vec![],
    )
    .await;
    let sri = std::fs::read_to_string(w.folder.join("district-bulletin.sri")).expect("sri");
    assert_eq!(integrity, json!([sri.trim(), "anonymous", true, true]));
    group("pasted into a blank page on another origin: the widget shows the feed, the loader checked by its integrity value");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A 360 px phone, in Chinese then English.
async fn phone(c: &Client, w: &World, good: &str) {
    let metrics = json!({ "width": 360, "height": 640, "deviceScaleFactor": 2, "mobile": true });
    cdp(c, "Emulation.setDeviceMetricsOverride", metrics).await;
    open_builder(c, &w.site.origin).await;
    type_into(c, "#feed-0", &w.feed_url(good)).await;
    report(c, &w.feed_url(good)).await;
    let narrow = "return document.documentElement.scrollWidth <= window.innerWidth;";
    assert_eq!(
        js(c, narrow, vec![]).await,
        json!(true),
        "no sideways scrolling at 360 px"
    );
    assert_eq!(axe(c, &w.feeds.origin).await, json!([]), "axe, phone");
    shot(c, "builder-phone.png", false).await;
    click(c, "button.switch").await;
    wait(
        c,
        "English",
        "return document.documentElement.lang === 'en' && document.querySelector('h1').textContent.includes('builder');",
        vec![],
    )
    .await;
    assert_eq!(axe(c, &w.feeds.origin).await, json!([]), "axe, English");
    group("at 360 px: one column, no sideways scrolling, axe clean, in Chinese and in English");
}

#[tokio::test(flavor = "current_thread")]
async fn the_archive_builds_a_snippet_that_works_elsewhere() {
    let Some(archive) = std::env::var_os("DISTRICT_BULLETIN_RELEASE") else {
        println!("e2e_release: DISTRICT_BULLETIN_RELEASE is not set (scripts/release.sh builds the archive): skipped");
        return;
    };
    let axe_dir = std::env::var_os("DISTRICT_BULLETIN_AXE")
        .expect("DISTRICT_BULLETIN_AXE (axe-core, installed by scripts/setup.sh)");
    let w = serve(unpack_and_verify(Path::new(&archive)), Path::new(&axe_dir));
    let (_driver, c) = start_browser().await;
    open_builder(&c, &w.site.origin).await;
    let good = "gov/feed.json";
    preview_and_check(&c, &w, good).await;
    problems_and_cors(&c, &w, "cms/truncated.xml", good).await;
    let snippet = snippet(&c, &w, good).await;
    pasted(&c, &w, &snippet).await;
    phone(&c, &w, good).await;
    let _ = std::fs::remove_dir_all(w.folder.parent().unwrap_or(&w.folder));
}
