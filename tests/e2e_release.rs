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
    all[0].clone()
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

#[tokio::test(flavor = "current_thread")]
async fn the_archive_builds_a_snippet_that_works_elsewhere() {
    let Some(archive) = std::env::var_os("DISTRICT_BULLETIN_RELEASE") else {
        println!("e2e_release: DISTRICT_BULLETIN_RELEASE is not set (scripts/release.sh builds the archive): skipped");
        return;
    };
    let axe_dir = std::env::var_os("DISTRICT_BULLETIN_AXE")
        .expect("DISTRICT_BULLETIN_AXE (axe-core, installed by scripts/setup.sh)");
    let folder = unpack(Path::new(&archive));
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

    // The folder as plain files; the feeds on another origin (with CORS,
    // as README asks of a feed elsewhere); the host page on a third.
    // The folder as README says to serve it: with CORS, since the snippet
    // may go into pages on other origins (SRI needs it).
    let site = Server::start(
        &folder,
        Rules {
            headers: vec![("Access-Control-Allow-Origin".into(), "*".into())],
            ..Rules::default()
        },
    );
    let fixtures = root().join("tests/fixtures");
    let feeds = Server::start(
        &fixtures,
        Rules {
            headers: vec![("Access-Control-Allow-Origin".into(), "*".into())],
            mounts: vec![("/axe/".into(), PathBuf::from(&axe_dir))],
            ..Rules::default()
        },
    );
    let (_driver, c) = start_browser().await;
    open_builder(&c, &site.origin).await;

    // A fixture feed typed in: the preview shows its items, the check its verdict.
    let good = "gov/feed.json";
    let good_url = format!("{}/{good}", feeds.origin);
    type_into(&c, "#feed-0", &good_url).await;
    let r = report(&c, &good_url).await;
    let native = check_json(&folder, &fixtures.join(good));
    assert_eq!(r["verdict"], "shown", "{r}");
    assert_eq!(r["shown"], native["items"]["shown"], "{r}");
    assert_eq!(r["all"], native["items"]["in_document"], "{r}");
    let rows = r["shown"].as_i64().unwrap_or(0).min(20);
    assert!(rows > 0);
    wait_rows(&c, ".preview district-bulletin", rows).await;
    group("a fixture's URL typed in: the preview shows its rows, the check says 可以显示 with the command's counts");

    // A broken feed beside it: the page's problems are the command's, at the same places.
    click(&c, "button.add").await;
    let broken = "cms/truncated.xml";
    let broken_url = format!("{}/{broken}", feeds.origin);
    type_into(&c, "#feed-1", &broken_url).await;
    let r = report(&c, &broken_url).await;
    let native = check_json(&folder, &fixtures.join(broken));
    let expected: Vec<Value> = native["notes"]
        .as_array()
        .expect("notes")
        .iter()
        .filter(|n| n["severity"] == "problem")
        .map(|n| json!([n["line"], n["column"]]))
        .collect();
    let verdict = if native["shows"] == true {
        "shown"
    } else {
        "not-shown"
    };
    assert_eq!(r["verdict"], verdict, "{r}\n{native}");
    if expected.is_empty() && !native["error"].is_null() {
        assert_eq!(
            r["problems"],
            json!([[native["error"]["line"], native["error"]["column"]]]),
            "{r}"
        );
    } else {
        assert_eq!(r["problems"], json!(expected), "{r}\n{native}");
    }
    group("a second, broken feed: the same verdict and problems (line, column) as the archive's `check --json`");

    // A feed on an origin that sends no CORS header: the widget could not
    // read it, and the check says so.
    let closed = Server::start(&fixtures, Rules::default());
    let closed_url = format!("{}/{good}", closed.origin);
    type_into(&c, "#feed-1", &closed_url).await;
    let r = report(&c, &closed_url).await;
    assert_eq!(r["verdict"], "not-shown", "{r}");
    assert!(
        r["text"]
            .as_str()
            .is_some_and(|t| t.contains("不允许本站读取")),
        "{r}"
    );
    group("a feed whose server sends no CORS header: 无法显示, and why");

    // Back to one feed for the snippet.
    click(&c, ".feed-row:nth-of-type(2) button.remove").await;
    c.find(Locator::Css("#attr-page-size"))
        .await
        .expect("page-size")
        .send_keys("5")
        .await
        .expect("type");
    wait(
        &c,
        "the snippet with the integrity value and page-size",
        "var s = document.getElementById('copy-snippet').value; return s.includes('integrity=\"sha384-') && s.includes('page-size=\"5\"') && s.includes('feed=\"' + arguments[0] + '\"');",
        vec![json!(good_url)],
    )
    .await;
    let snippet = js(
        &c,
        "return document.getElementById('copy-snippet').value;",
        vec![],
    )
    .await
    .as_str()
    .expect("snippet")
    .to_string();
    let sri = std::fs::read_to_string(folder.join("district-bulletin.sri")).expect("sri");
    assert!(
        snippet.contains(&format!("src=\"{}/district-bulletin.js\"", site.origin)),
        "{snippet}"
    );
    assert!(
        snippet.contains(&format!("integrity=\"{}\"", sri.trim())),
        "{snippet}"
    );
    for id in ["copy-csp", "copy-render", "copy-cron", "copy-ssi"] {
        let v = js(
            &c,
            "return document.getElementById(arguments[0]).value;",
            vec![json!(id)],
        )
        .await;
        assert!(v.as_str().is_some_and(|s| !s.is_empty()), "{id}: {v}");
    }
    let violations = axe(&c, &feeds.origin).await;
    assert_eq!(violations, json!([]), "axe, desktop");
    shot(&c, "builder-desktop.png", true).await;
    group("the snippet: the loader from this folder with its integrity value, the chosen attributes; axe clean");

    // The snippet in a blank page on another origin.
    let host_dir = std::env::temp_dir().join(format!("db-release-host-{}", std::process::id()));
    std::fs::create_dir_all(&host_dir).expect("host folder");
    std::fs::write(
        host_dir.join("index.html"),
        format!("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head><meta charset=\"utf-8\"><title>host</title></head>\n<body>\n{snippet}\n</body>\n</html>\n"),
    )
    .expect("host page");
    let host = Server::start(&host_dir, Rules::default());
    assert_ne!(host.origin, site.origin);
    open(&c, &format!("{}/index.html", host.origin)).await;
    wait_rows(&c, "district-bulletin", 5).await;
    let integrity = js(
        &c,
        "var s = document.querySelector('script[src$=\"district-bulletin.js\"]'); \
         var e = performance.getEntriesByName(s.src)[0]; \
         return [s.integrity, s.crossOrigin, !!e, !!window.DistrictBulletin];",
        vec![],
    )
    .await;
    assert_eq!(integrity, json!([sri.trim(), "anonymous", true, true]));
    group("pasted into a blank page on another origin: the widget shows the feed, the loader checked by its integrity value");

    // A phone, in English.
    cdp(
        &c,
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": 360, "height": 640, "deviceScaleFactor": 2, "mobile": true }),
    )
    .await;
    open_builder(&c, &site.origin).await;
    type_into(&c, "#feed-0", &good_url).await;
    report(&c, &good_url).await;
    let wide = js(
        &c,
        "return document.documentElement.scrollWidth <= window.innerWidth;",
        vec![],
    )
    .await;
    assert_eq!(wide, json!(true), "no sideways scrolling at 360 px");
    assert_eq!(axe(&c, &feeds.origin).await, json!([]), "axe, phone");
    shot(&c, "builder-phone.png", false).await;
    click(&c, "button.switch").await;
    wait(
        &c,
        "English",
        "return document.documentElement.lang === 'en' && document.querySelector('h1').textContent.includes('builder');",
        vec![],
    )
    .await;
    assert_eq!(axe(&c, &feeds.origin).await, json!([]), "axe, English");
    group("at 360 px: one column, no sideways scrolling, axe clean, in Chinese and in English");
    let _ = std::fs::remove_dir_all(folder.parent().unwrap_or(&folder));
    let _ = std::fs::remove_dir_all(&host_dir);
}
