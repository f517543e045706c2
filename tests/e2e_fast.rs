//! End-to-end: fast on every visit (issue 23). The release bundle on one
//! origin, pages on another, a real headless Chromium:
//! - the second page view paints the first screen the widget kept, before
//!   the wasm has arrived (the test server holds it back), and the wasm
//!   takes it over without a layout shift, keeping what was typed early;
//! - a kept screen of another version, of other attributes, or none at all
//!   (storage full) falls back to the placeholder, quietly;
//! - `fragment="…"`: a file `district-bulletin render` wrote, fetched beside
//!   the wasm and painted (fresh, stale, missing, another version);
//! - all of it under Trusted Types enforced.
//!
//! Runs when `DISTRICT_BULLETIN_DIST` names the built bundle (scripts/test.sh
//! sets it); otherwise it says so and passes.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/browser.rs"]
mod browser;
#[path = "support/server.rs"]
mod server;

use browser::{js, open, start_browser, wait};
use fantoccini::Client;
use serde_json::{json, Value};
use server::{Gate, Rules, Server};
use std::path::{Path, PathBuf};

const WASM: &str = "/district-bulletin.wasm";
const SCREEN_PREFIX: &str = "district-bulletin:screen:";

fn group(name: &str) {
    println!("e2e_fast: {name} ... ok");
}

/// The crate root and the built bundle, or `None` (skipped).
fn bundle_dir() -> Option<(PathBuf, PathBuf)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let Some(dist) = std::env::var_os("DISTRICT_BULLETIN_DIST") else {
        println!("e2e_fast: skipped (set DISTRICT_BULLETIN_DIST to a built bundle; scripts/test.sh does)");
        return None;
    };
    // (An absolute `dist` stays as it is.)
    let dist = root.join(dist);
    Some((root, dist))
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// A page with the harness, the loader and `body`.
fn page(title: &str, loader: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n\
         <script src=\"/tests/e2e/harness.js\"></script>\n<script src=\"{loader}\" async></script>\n</head>\n\
         <body>\n<h1>{title}</h1>\n{body}\n<p>页面其余内容</p>\n</body>\n</html>\n"
    )
}

/// The pages of the test, and the fragments `render` writes beside the feed.
fn write_pages(root: &Path, dir: &Path, loader: &str) {
    use district_bulletin::app::fragment::VERSION;
    use district_bulletin::native::fragment::{render, Input, Stylesheet};
    let seed = std::fs::read(root.join("feeds/seed.json")).expect("seed");
    // The bundle's folder: the fragments link its stylesheet.
    let assets = loader.trim_end_matches("/district-bulletin.js");
    let fragment = |body: Vec<u8>, at: i64, extra: &[(&str, &str)]| {
        let mut attributes = vec![("feed".to_string(), "/feeds/seed.json".to_string())];
        attributes.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        render(&Input {
            bodies: vec![("seed".into(), body)],
            id: Some("f".into()),
            attributes,
            now: at,
            fresh_for: 600,
            page: None,
            stylesheet: Stylesheet::Link(assets.to_string()),
        })
        .expect("the seed renders")
        .html
    };
    // The seed without its newest item, rendered an hour ago.
    let mut older: Value = serde_json::from_slice(&seed).expect("seed is JSON");
    if let Some(items) = older["items"].as_array_mut() {
        items.retain(|i| i["id"] != "gx-2019-11-28-blue-sky");
    }
    let older = serde_json::to_vec(&older).expect("json");
    std::fs::create_dir_all(dir).expect("page folder");
    let files = [
        ("news.html", fragment(seed.clone(), now(), &[])),
        ("stale-news.html", fragment(older, now() - 3600, &[])),
        (
            "other-news.html",
            fragment(seed.clone(), now(), &[]).replace(
                &format!("data-version=\"{VERSION}\""),
                "data-version=\"0.0.1\"",
            ),
        ),
    ];
    for (name, html) in files {
        std::fs::write(dir.join(name), html).expect("write fragment");
    }
    let widget = |attrs: &str| {
        format!("<district-bulletin id=\"w\" feed=\"/feeds/seed.json\" eager{attrs}></district-bulletin>")
    };
    let with_file = |file: &str| widget(&format!(" fragment=\"/pages/{file}\""));
    // A page that holds its fragment already (SSI) and names the file too.
    let included =
        fragment(seed, now(), &[("fragment", "/pages/news.html")]).replace("id=\"f\"", "id=\"w\"");
    let pages = [
        ("home", widget("")),
        ("compact", widget(" compact")),
        ("light", widget(" no-shadow")),
        ("fresh", with_file("news.html")),
        ("stale", with_file("stale-news.html")),
        ("missing", with_file("gone.html")),
        ("other", with_file("other-news.html")),
        ("included", included),
        // No widget: where the test changes the origin's storage, with no
        // widget writing to it meanwhile.
        ("blank", String::new()),
    ];
    for (name, body) in pages {
        std::fs::write(dir.join(format!("{name}.html")), page(name, loader, &body))
            .expect("write page");
    }
}

/// In #w's shadow root: [rows, whether the placeholder shows, whether the
/// wasm has arrived].
async fn painted(c: &Client) -> Value {
    js(
        c,
        "var r = document.getElementById('w').shadowRoot; \
         return [r.querySelectorAll('.db-row').length, !!r.querySelector('.db-loading'), \
                 performance.getEntriesByType('resource').some(e => e.name.endsWith('/district-bulletin.wasm'))];",
        vec![],
    )
    .await
}

async fn wait_rows(c: &Client, n: i64) {
    wait(
        c,
        &format!("{n} rows in #w"),
        "var h = document.getElementById('w'); \
         return !!h && !!h.shadowRoot && h.shadowRoot.querySelectorAll('.db-row').length === arguments[0];",
        vec![json!(n)],
    )
    .await;
}

/// The widget's rows' boxes (rounded) and the section's: what must not move.
async fn boxes(c: &Client) -> Value {
    js(
        c,
        "var r = document.getElementById('w').shadowRoot; \
         return Array.from(r.querySelectorAll('section.db, .db-row, .db-row-title, .db-header, .db-search-input')) \
           .map(e => { var b = e.getBoundingClientRect(); \
                       return [e.className, Math.round(b.x), Math.round(b.y), Math.round(b.width), Math.round(b.height)]; });",
        vec![],
    )
    .await
}

/// Waits until the wasm took #w over (it is in, and the screen's mark is gone).
async fn wait_takeover(c: &Client) {
    wait(
        c,
        "the takeover",
        "var r = document.getElementById('w').shadowRoot; \
         return DistrictBulletin.stats().then(s => s.wasmMemoryBytes > 0 && !r.querySelector('[data-db-screen]') \
                && !!r.querySelector('.db-row'));",
        vec![],
    )
    .await;
}

/// How many layout shifts the page has had, two frames from now (the
/// loader's first paint into an empty host moves what follows it, as the
/// placeholder does; so does a `fragment` file painted over the placeholder).
async fn shift_count(c: &Client) -> usize {
    js(
        c,
        "return new Promise(ok => requestAnimationFrame(() => requestAnimationFrame(() => ok(__e2e.shifts.length))));",
        vec![],
    )
    .await
        .as_u64()
        .unwrap_or(0) as usize
}

/// Layout shifts recorded after the first `since`, two frames from now.
async fn shifts(c: &Client, since: usize) -> Value {
    js(
        c,
        "return new Promise(ok => requestAnimationFrame(() => requestAnimationFrame(() => \
         ok(__e2e.shifts.length > arguments[0] ? [__e2e.shifts.slice(arguments[0]), __e2e.shiftSources] : []))));",
        vec![json!(since)],
    )
    .await
}

/// A screenshot into `DISTRICT_BULLETIN_SHOTS`, when it names a folder (to
/// look at what the reader sees before the wasm).
async fn shot(c: &Client, name: &str) {
    if let Some(dir) = std::env::var_os("DISTRICT_BULLETIN_SHOTS") {
        let png = c.screenshot().await.expect("screenshot");
        let file = PathBuf::from(dir).join(format!("{}.png", name.replace(' ', "-")));
        std::fs::write(file, png).expect("write screenshot");
    }
}

async fn errors(c: &Client) -> Value {
    js(c, "return {v: __e2e.violations, e: __e2e.errors};", vec![]).await
}

/// The kept first screens' keys.
async fn screens(c: &Client) -> Value {
    js(
        c,
        "return Object.keys(localStorage).filter(k => k.startsWith(arguments[0])).sort();",
        vec![json!(SCREEN_PREFIX)],
    )
    .await
}

/// Opens `page` once to keep its first screen, and waits until it is kept.
async fn first_view(c: &Client, url: &str) {
    open(c, url).await;
    wait_rows(c, 6).await;
    wait(
        c,
        "a first screen kept",
        "return Object.keys(localStorage).some(k => k.startsWith(arguments[0]));",
        vec![json!(SCREEN_PREFIX)],
    )
    .await;
}

/// Both origins' servers: the bundle (its wasm held back on demand) and the pages.
fn servers(root: &Path, dist: &Path, pages: &Path, csp_extra: &str) -> (Server, Server, Gate) {
    let gate = Gate::default();
    let bundle = Server::start(
        dist,
        Rules {
            headers: vec![("Access-Control-Allow-Origin".into(), "*".into())],
            gate: gate.clone(),
            ..Rules::default()
        },
    );
    // README's strict policy (the fragments link the bundle's stylesheet).
    let csp = format!(
        "default-src 'none'; script-src 'self' {b} 'wasm-unsafe-eval'; style-src 'self' {b}; \
         connect-src 'self' {b}; img-src 'self'; base-uri 'none'; form-action 'none'{csp_extra}",
        b = bundle.origin
    );
    let host = Server::start(
        root,
        Rules {
            csp: Some(csp),
            mounts: vec![("/pages/".into(), pages.to_path_buf())],
            ..Rules::default()
        },
    );
    (bundle, host, gate)
}

#[tokio::test(flavor = "current_thread")]
async fn fast_on_every_visit() {
    let Some((root, dist)) = bundle_dir() else {
        return;
    };
    let pages = std::env::temp_dir().join(format!("db-e2e-fast-{}", std::process::id()));
    let (_driver, c) = start_browser().await;
    for (name, extra) in [
        ("", ""),
        (
            " (Trusted Types enforced)",
            "; require-trusted-types-for 'script'",
        ),
    ] {
        let (bundle, host, gate) = servers(&root, &dist, &pages, extra);
        let loader = format!("{}/district-bulletin.js", bundle.origin);
        {
            // (Rendered on a thread of its own: the renderer runs its own executor.)
            let (root, pages) = (root.clone(), pages.clone());
            std::thread::spawn(move || write_pages(&root, &pages, &loader))
                .join()
                .expect("pages written");
        }
        let url = |p: &str| format!("{}/pages/{p}.html", host.origin);
        second_view(&c, &url("home"), &gate, &host, name).await;
        light_view(&c, &url("light"), &gate, name).await;
        fallbacks(&c, &url, &gate, name).await;
        fragment_file(&c, &url, &gate, &host, name).await;
    }
    let _ = c.close().await;
    let _ = std::fs::remove_dir_all(&pages);
}

/// The second page view paints at once, and the wasm takes it over.
async fn second_view(c: &Client, home: &str, gate: &Gate, host: &Server, name: &str) {
    first_view(c, home).await;
    assert_eq!(
        errors(c).await,
        json!({"v": [], "e": []}),
        "the first view{name}"
    );

    gate.hold(WASM);
    let fetched = host.hits("/feeds/seed.json");
    open(c, home).await;
    // Titles on screen before the wasm.
    let titles = js(
        c,
        "var r = document.getElementById('w').shadowRoot; \
         return Array.from(r.querySelectorAll('.db-row-title')).filter(t => t.getBoundingClientRect().height > 0 \
                && t.textContent.trim().length > 0).length;",
        vec![],
    )
    .await;
    assert_eq!(
        painted(c).await,
        json!([6, false, false]),
        "the kept screen before the wasm{name}"
    );
    assert_eq!(titles, json!(6), "its titles are visible{name}");
    let before = boxes(c).await;
    let shifted = shift_count(c).await;
    shot(c, &format!("kept screen{name}")).await;
    gate.release(WASM);
    wait_takeover(c).await;
    shot(c, &format!("kept screen taken over{name}")).await;
    assert_eq!(
        shifts(c, shifted).await,
        json!([]),
        "layout shifts during the takeover{name}"
    );
    assert_eq!(boxes(c).await, before, "the boxes after the takeover{name}");
    // The copy is refreshed at once (as after a refresh; the loader's early
    // request): unchanged, nothing moves.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while host.hits("/feeds/seed.json") <= fetched && std::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        host.hits("/feeds/seed.json") > fetched,
        "the kept copy is refreshed{name}"
    );
    assert_eq!(
        shifts(c, shifted).await,
        json!([]),
        "layout shifts after the refresh{name}"
    );
    assert_eq!(boxes(c).await, before, "the boxes after the refresh{name}");
    assert_eq!(
        errors(c).await,
        json!({"v": [], "e": []}),
        "the second view{name}"
    );
    group(&format!("a second page view paints the kept screen before the wasm; taken over and refreshed without a shift{name}"));

    // Typed before the takeover: kept, focused, applied.
    gate.hold(WASM);
    open(c, home).await;
    js(
        c,
        "var i = document.getElementById('w').shadowRoot.querySelector('.db-search-input'); \
         i.focus(); i.value = '工地';",
        vec![],
    )
    .await;
    gate.release(WASM);
    wait_rows(c, 2).await;
    let kept = js(
        c,
        "var r = document.getElementById('w').shadowRoot; var i = r.querySelector('.db-search-input'); \
         return [i.value, r.activeElement === i, r.querySelectorAll('.db-row mark').length > 0, __e2e.errors];",
        vec![],
    )
    .await;
    assert_eq!(kept, json!(["工地", true, true, []]), "typed early{name}");
    group(&format!(
        "text typed into the kept screen stays, keeps the focus and filters the list{name}"
    ));
}

/// `no-shadow`: the kept screen in the page's own DOM, taken over in place.
async fn light_view(c: &Client, page: &str, gate: &Gate, name: &str) {
    let rows = "return [document.querySelectorAll('#w > .db-root .db-row').length, \
                performance.getEntriesByType('resource').some(e => e.name.endsWith('/district-bulletin.wasm'))];";
    open(c, page).await;
    wait(
        c,
        "a kept first screen of the no-shadow widget",
        "return document.querySelectorAll('#w .db-row').length === 6 && \
                Object.keys(localStorage).filter(k => k.startsWith(arguments[0])).length === 2;",
        vec![json!(SCREEN_PREFIX)],
    )
    .await;
    gate.hold(WASM);
    open(c, page).await;
    assert_eq!(
        js(c, rows, vec![]).await,
        json!([6, false]),
        "the light kept screen before the wasm{name}"
    );
    let shifted = shift_count(c).await;
    gate.release(WASM);
    wait(
        c,
        "the light takeover",
        "return !document.querySelector('#w [data-db-screen]') && \
                performance.getEntriesByType('resource').some(e => e.name.endsWith('/district-bulletin.wasm')) && \
                document.querySelectorAll('#w .db-row').length === 6;",
        vec![],
    )
    .await;
    assert_eq!(
        shifts(c, shifted).await,
        json!([]),
        "light: layout shifts{name}"
    );
    assert_eq!(errors(c).await, json!({"v": [], "e": []}), "light{name}");
    group(&format!("no-shadow: the kept screen in the page's DOM before the wasm, taken over without a shift{name}"));
}

/// Another version's screen, other attributes, an unusable screen and a
/// full storage: the placeholder, then the widget, without an error.
async fn fallbacks(c: &Client, url: &impl Fn(&str) -> String, gate: &Gate, name: &str) {
    let home = url("home");
    open(c, &url("blank")).await;
    js(c, "localStorage.clear(); return 1;", vec![]).await;
    first_view(c, &home).await;
    // Another version kept it: its key names that version.
    open(c, &url("blank")).await;
    let moved = js(
        c,
        "var ks = Object.keys(localStorage).filter(k => k.startsWith(arguments[0])); \
         ks.forEach(k => { var v = localStorage.getItem(k); localStorage.removeItem(k); \
           localStorage.setItem(k.replace(JSON.stringify(DistrictBulletin.version), '\"0.0.1\"'), v); }); \
         return ks.length;",
        vec![json!(SCREEN_PREFIX)],
    )
    .await;
    assert_eq!(moved, json!(1));
    placeholder_then_widget(c, &home, gate, &format!("another version's screen{name}")).await;
    group(&format!(
        "a screen kept by another version is not painted{name}"
    ));

    // Other attributes: the same feed, compact.
    placeholder_then_widget(c, &url("compact"), gate, &format!("other attributes{name}")).await;
    group(&format!(
        "a screen kept for other attributes is not painted{name}"
    ));

    // A screen whose copy changed since: painted, then dropped, and the
    // widget mounts as usual.
    first_view(c, &home).await;
    open(c, &url("blank")).await;
    js(
        c,
        "var k = Object.keys(localStorage).find(k => k.startsWith('district-bulletin:feed:')); \
         var v = localStorage.getItem(k); localStorage.setItem(k, v.replace('区情动态', '区情动态 ')); return k;",
        vec![],
    )
    .await;
    gate.hold(WASM);
    open(c, &home).await;
    assert_eq!(painted(c).await, json!([6, false, false]));
    gate.release(WASM);
    wait_takeover(c).await;
    wait_rows(c, 6).await;
    assert_eq!(errors(c).await, json!({"v": [], "e": []}));
    group(&format!(
        "a screen whose copy changed is taken over as a normal mount{name}"
    ));

    // A full storage: nothing kept, nothing painted, no error.
    open(c, &url("blank")).await;
    js(c, "localStorage.clear(); return 1;", vec![]).await;
    let full = js(
        c,
        "var n = 0; for (var size = 1 << 20; size >= 64; size >>= 1) { \
           try { for (;;) { localStorage.setItem('filler:' + n++, 'x'.repeat(size)); } } catch (e) {} } \
         return n > 0;",
        vec![],
    )
    .await;
    assert_eq!(full, json!(true));
    open(c, &home).await;
    wait_rows(c, 6).await;
    // Long enough for the first screen to have been kept, had it fitted.
    js(
        c,
        "return new Promise(ok => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 0))));",
        vec![],
    )
    .await;
    assert_eq!(
        errors(c).await,
        json!({"v": [], "e": []}),
        "a full storage{name}"
    );
    assert_eq!(screens(c).await, json!([]), "nothing kept{name}");
    placeholder_then_widget(c, &home, gate, &format!("a full storage{name}")).await;
    js(c, "localStorage.clear(); return 1;", vec![]).await;
    group(&format!(
        "a full storage: the placeholder, then the widget, no error{name}"
    ));
}

/// Opens `page` with the wasm held back: the placeholder, and nothing
/// else; then the widget, without an error.
async fn placeholder_then_widget(c: &Client, page: &str, gate: &Gate, what: &str) {
    gate.hold(WASM);
    open(c, page).await;
    assert_eq!(painted(c).await, json!([0, true, false]), "{what}");
    gate.release(WASM);
    wait_rows(c, 6).await;
    assert_eq!(errors(c).await, json!({"v": [], "e": []}), "{what}");
}

/// `fragment="…"`: fresh, stale, missing, another version, and a page that
/// holds its fragment already.
async fn fragment_file(
    c: &Client,
    url: &impl Fn(&str) -> String,
    gate: &Gate,
    host: &Server,
    name: &str,
) {
    // (On the page without a widget: none writes to the storage meanwhile.)
    let blank = url("blank");
    let clean = || async {
        open(c, &blank).await;
        js(c, "localStorage.clear(); return 1;", vec![]).await
    };
    // Fresh: painted before the wasm, taken over, no request for the feed.
    clean().await;
    let fetched = host.hits("/feeds/seed.json");
    gate.hold(WASM);
    open(c, &url("fresh")).await;
    wait_rows(c, 6).await;
    assert_eq!(
        painted(c).await,
        json!([6, false, false]),
        "a fresh fragment{name}"
    );
    let before = boxes(c).await;
    let shifted = shift_count(c).await;
    shot(c, &format!("fragment file{name}")).await;
    gate.release(WASM);
    wait_takeover(c).await;
    assert_eq!(shifts(c, shifted).await, json!([]), "layout shifts{name}");
    assert_eq!(boxes(c).await, before);
    assert_eq!(
        host.hits("/feeds/seed.json"),
        fetched,
        "a fresh fragment's feed is not fetched{name}"
    );
    assert_eq!(errors(c).await, json!({"v": [], "e": []}));
    group(&format!("fragment=: a fresh file painted before the wasm, taken over without a shift or a feed request{name}"));

    // Stale: painted, then refreshed with the new item.
    clean().await;
    gate.hold(WASM);
    open(c, &url("stale")).await;
    wait_rows(c, 5).await;
    gate.release(WASM);
    wait_rows(c, 6).await;
    wait(
        c,
        "the new-items notice",
        "var n = document.getElementById('w').shadowRoot.querySelector('.db-fresh-text'); \
         return !!n && n.textContent === '有 1 条新信息';",
        vec![],
    )
    .await;
    assert_eq!(errors(c).await, json!({"v": [], "e": []}));
    group(&format!(
        "fragment=: a stale file is painted, then refreshed: 有 1 条新信息{name}"
    ));

    // Missing, and another version's: the placeholder, quietly.
    for (page, file) in [
        ("missing", "/pages/gone.html"),
        ("other", "/pages/other-news.html"),
    ] {
        clean().await;
        let asked = host.hits(file);
        gate.hold(WASM);
        open(c, &url(page)).await;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while host.hits(file) == asked && std::time::Instant::now() < deadline {
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        assert_eq!(host.hits(file), asked + 1, "{file} asked for");
        // Its answer is in, and handled by the next frames.
        wait(
            c,
            "the file's answer",
            "return performance.getEntriesByType('resource').some(e => e.name.endsWith(arguments[0]) && e.responseEnd > 0);",
            vec![json!(file)],
        )
        .await;
        js(
            c,
            "return new Promise(ok => requestAnimationFrame(() => requestAnimationFrame(() => ok(1))));",
            vec![],
        )
        .await;
        assert_eq!(painted(c).await, json!([0, true, false]), "{page}{name}");
        gate.release(WASM);
        wait_rows(c, 6).await;
        assert_eq!(errors(c).await, json!({"v": [], "e": []}), "{page}{name}");
    }
    group(&format!("fragment=: a missing file and another version's fall back to the placeholder, quietly{name}"));

    // A page that holds its fragment already does not fetch the file.
    clean().await;
    let asked = host.hits("/pages/news.html");
    open(c, &url("included")).await;
    wait_takeover(c).await;
    assert_eq!(
        host.hits("/pages/news.html"),
        asked,
        "the page holds it already"
    );
    assert_eq!(errors(c).await, json!({"v": [], "e": []}));
    clean().await;
    group(&format!(
        "fragment=: not fetched when the page holds its fragment already{name}"
    ));
}
