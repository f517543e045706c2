//! End-to-end, issue 24: large type on a small phone. The release bundle on
//! one origin, a 信息公开 column titled 高新区·政府信息公开
//! (tests/fixtures/gov) on another, headless Chromium over WebDriver at
//! 360×640 and at 320×568 (a 640 px phone at 200 % zoom): every text step
//! (小 / 中 / 大 / 特大), without and with 长者模式, set with the widget's own
//! controls, in the list and in an open article. Then the same in the page's
//! own DOM (`no-shadow`) and in a 300 px sidebar of a desktop page, and
//! axe-core in 长者模式.
//!
//! Runs when `DISTRICT_BULLETIN_DIST` names the built bundle (scripts/test.sh
//! sets it after building); otherwise it says so and passes.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/browser.rs"]
mod browser;
#[path = "support/gen.rs"]
mod gen;
#[path = "support/server.rs"]
mod server;

use browser::{cdp, js, open, start_browser, wait};
use fantoccini::Client;
use serde_json::{json, Value};
use server::{Rules, Server};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The widget's title, as in the issue.
const HEADING: &str = "高新区·政府信息公开";
/// The text steps, as the 字号 select names them.
const STEPS: [&str; 4] = ["small", "medium", "large", "x-large"];
/// Small phones: a common one, and a 640 px one at 200 % zoom (WCAG 1.4.10).
const SCREENS: [(u32, u32); 2] = [(360, 640), (320, 568)];
/// The first news row starts within this share of the screen's height.
const FIRST_SCREEN: f64 = 0.6;
/// The title keeps at least this many characters a line.
const TITLE_CHARS: i64 = 6;
/// The article opened: 置顶, the 信息公开 table, attachments.
const ARTICLE: &str = "gk-policy";

/// Where the widget's markup is: its shadow root, or the host itself (`no-shadow`).
const ROOT: &str = "var h = document.getElementById('type'), r = h.shadowRoot || h;";

/// One look at the widget as it is now: where things are and what is wrong.
const MEASURE: &str = r#"
var db = r.querySelector('.db'), box = db.getBoundingClientRect();
var elder = db.classList.contains('db-elder'), min = elder ? 60 : 44;
var bad = [];
// The title: characters on each line (a range a character).
var title = r.querySelector('.db-title'), lines = [], range = document.createRange();
var walk = document.createTreeWalker(title, NodeFilter.SHOW_TEXT), n;
while ((n = walk.nextNode())) {
  for (var i = 0; i < n.length; i++) {
    range.setStart(n, i); range.setEnd(n, i + 1);
    var c = range.getClientRects()[0];
    if (!c) continue;
    var last = lines[lines.length - 1];
    if (last && Math.abs(last.top - c.top) < c.height / 2) last.n++; else lines.push({ top: c.top, n: 1 });
  }
}
var counts = lines.map(function (l) { return l.n; });
var perLine = counts.length > 1 ? Math.min.apply(null, counts.slice(0, -1)) : (counts[0] || 0);
var fontSize = parseFloat(getComputedStyle(title).fontSize);
var fits = Math.floor(title.clientWidth / fontSize);
// Nothing wider than the screen or the widget; nothing outside the widget
// but inside the tabs' own scrolling row.
var doc = document.documentElement;
if (doc.scrollWidth > doc.clientWidth) bad.push('the page scrolls sideways: ' + doc.scrollWidth + ' > ' + doc.clientWidth);
if (db.scrollWidth > db.clientWidth) bad.push('the widget scrolls sideways: ' + db.scrollWidth + ' > ' + db.clientWidth);
function name(e) { return e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined ? '.' + String(e.className).trim().split(/\s+/).join('.') : ''); }
function shown(e) { var b = e.getBoundingClientRect(); return b.width > 0 && b.height > 0 && !e.closest('.db-visually-hidden'); }
Array.from(db.querySelectorAll('*')).forEach(function (e) {
  if (!shown(e) || e.closest('.db-tabs') && !e.classList.contains('db-tabs')) return;
  var b = e.getBoundingClientRect();
  if (b.left < box.left - 0.5 || b.right > box.right + 0.5) bad.push(name(e) + ' sticks out: ' + Math.round(b.left) + '–' + Math.round(b.right) + ' of ' + Math.round(box.left) + '–' + Math.round(box.right));
});
// Controls: their text inside their box, and targets large enough (inline
// links in an article's text are exempt, as WCAG 2.5.8 says).
Array.from(db.querySelectorAll('button, a[href], select, input, [role=tab]')).forEach(function (e) {
  if (!shown(e) || e.closest('.db-article-html, .db-article-body')) return;
  var b = e.getBoundingClientRect();
  if (b.width < min - 0.5 || b.height < min - 0.5) bad.push(name(e) + ' "' + e.textContent.trim().slice(0, 8) + '" is ' + Math.round(b.width) + '×' + Math.round(b.height) + ', under ' + min + '×' + min);
  if (e.tagName !== 'SELECT' && e.scrollHeight > e.clientHeight + 1) bad.push(name(e) + ' clips its text: ' + e.scrollHeight + ' > ' + e.clientHeight);
});
// The blocks from the top down, none over the next.
var blocks = Array.from(db.querySelectorAll('.db-header, .db-title, .db-reading, .db-searchbar, .db-tabs, .db-results, .db-list, .db-article-tools, .db-article-title, .db-article-marks, .db-public')).filter(shown);
for (var k = 1; k < blocks.length; k++) {
  var a = blocks[k - 1].getBoundingClientRect(), z = blocks[k].getBoundingClientRect();
  var inside = blocks[k - 1].contains(blocks[k]);
  var side = a.right <= z.left + 0.5 || z.right <= a.left + 0.5;
  if (!inside && !side && z.top < a.bottom - 0.5) bad.push(name(blocks[k]) + ' overlaps ' + name(blocks[k - 1]) + ' by ' + Math.round(a.bottom - z.top) + ' px');
}
var row = r.querySelector('.db-listview:not([hidden]) .db-row');
var t = title.getBoundingClientRect(), e = r.querySelector('.db-elder-toggle').getBoundingClientRect();
return {
  row: row ? Math.round(row.getBoundingClientRect().top) : null,
  screen: innerHeight,
  font: fontSize,
  lines: counts,
  perLine: perLine,
  fits: fits,
  titleWidth: Math.round(title.clientWidth),
  titleHeight: Math.round(title.getBoundingClientRect().height),
  beside: e.top < t.bottom && e.bottom > t.top,
  bad: bad
};
"#;

/// The crate root and the built bundle, or `None` (test skipped) when
/// `DISTRICT_BULLETIN_DIST` is not set.
fn bundle() -> Option<(PathBuf, PathBuf)> {
    let dist = PathBuf::from(std::env::var_os("DISTRICT_BULLETIN_DIST")?);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    Some((root.clone(), root.join(dist)))
}

/// A host page with the widget first on it (or in a 300 px sidebar), with
/// `attributes`. The machine may have no voice for 朗读: the page
/// offers a Chinese one, so that its controls are there to be looked at.
fn page(attributes: &str, sidebar: bool) -> String {
    let widget = format!("<district-bulletin id=\"type\" {attributes} eager></district-bulletin>");
    let body = if sidebar {
        format!("<div style=\"display:grid;grid-template-columns:1fr 300px;gap:24px;padding:24px\"><main><h1>门户首页</h1></main><aside>{widget}</aside></div>")
    } else {
        widget
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>大字小屏</title>\n\
         <script src=\"/tests/e2e/harness.js\"></script>\n<script src=\"/axe/axe.min.js\"></script>\n\
         <script>if (window.speechSynthesis) speechSynthesis.getVoices = function () {{ return [{{ lang: 'zh-CN', name: 'zh', localService: true, default: true, voiceURI: 'zh' }}]; }};</script>\n\
         <script src=\"{{{{BUNDLE}}}}/district-bulletin.js\" async></script>\n</head>\n\
         <body style=\"margin:0\">\n{body}\n</body>\n</html>\n"
    )
}

/// The screen: a phone (`mobile`, 2 device pixels a CSS pixel) or a desktop.
async fn screen(c: &Client, (width, height): (u32, u32), mobile: bool) {
    cdp(
        c,
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": width, "height": height, "deviceScaleFactor": if mobile { 2 } else { 1 }, "mobile": mobile }),
    )
    .await;
}

/// Sets the text step and 长者模式 with the widget's own controls.
async fn set_reading(c: &Client, step: &str, elder: bool) {
    let class = match step {
        "medium" => String::new(),
        s => format!("db-size-{s}"),
    };
    act(
        c,
        &format!("text step {step}, 长者模式 {elder}"),
        "var s = r.querySelector('.db-size'), b = r.querySelector('.db-elder-toggle'), a = arguments; \
         if (s.value !== a[0]) { s.value = a[0]; s.dispatchEvent(new Event('change', { bubbles: true })); } \
         if ((b.getAttribute('aria-pressed') === 'true') !== a[1]) b.click();",
        "r.querySelector('.db').classList.contains('db-elder') === arguments[1] && \
         r.querySelector('.db-size').value === arguments[0] && \
         (function (db, want) { return ['db-size-small', 'db-size-large', 'db-size-x-large'].every(function (k) { return db.classList.contains(k) === (k === want); }); })(r.querySelector('.db'), arguments[2])",
        vec![json!(step), json!(elder), json!(class)],
    )
    .await;
}

/// Runs `action` on the widget's markup (`r`; `arguments` are `args`),
/// waits until `done` holds, and scrolls back to the top.
async fn act(c: &Client, what: &str, action: &str, done: &str, args: Vec<Value>) {
    js(c, &format!("{ROOT} {action} return 1;"), args.clone()).await;
    wait(c, what, &format!("{ROOT} return {done};"), args).await;
    js(c, "window.scrollTo(0, 0); return 1;", vec![]).await;
}

/// Opens or closes the filters behind 筛选.
async fn filters(c: &Client, open: bool) {
    act(
        c,
        "筛选",
        "var t = r.querySelector('.db-filter-toggle'); \
         if ((t.getAttribute('aria-expanded') === 'true') !== arguments[0]) t.click();",
        "(r.querySelector('.db-filter-toggle').getAttribute('aria-expanded') === 'true') === arguments[0]",
        vec![json!(open)],
    )
    .await;
}

/// Opens the article `key` from its row (its title, as a reader taps it).
async fn open_article(c: &Client, key: &str) {
    act(
        c,
        "the article and its 信息公开 table",
        "r.querySelector('.db-row[data-key=\"' + arguments[0] + '\"] .db-open').click();",
        "!!r.querySelector('.db-article .db-public .db-public-cell')",
        vec![json!(key)],
    )
    .await;
}

/// Starts 朗读 in the open article: its tools are then the widest (返回列表,
/// 暂停, 停止, 打印). Shows them at the top of the screen.
async fn read_aloud(c: &Client) {
    act(
        c,
        "暂停 and 停止",
        "r.querySelector('.db-speak-start').click();",
        "!!r.querySelector('.db-speak-pause') && !!r.querySelector('.db-speak-stop')",
        vec![],
    )
    .await;
    js(
        c,
        &format!("{ROOT} r.querySelector('.db-article-tools').scrollIntoView(); return 1;"),
        vec![],
    )
    .await;
}

/// 返回列表: the list again.
async fn close_article(c: &Client) {
    act(
        c,
        "the list again",
        "r.querySelector('.db-back').click();",
        "!r.querySelector('.db-article') && !!r.querySelector('.db-listview:not([hidden]) .db-row')",
        vec![],
    )
    .await;
}

async fn measure(c: &Client) -> Value {
    js(c, &format!("{ROOT} {MEASURE}"), vec![]).await
}

fn step_name(step: &str, elder: bool) -> String {
    let name = match step {
        "small" => "小",
        "medium" => "中",
        "large" => "大",
        _ => "特大",
    };
    if elder {
        format!("{name}+长者模式")
    } else {
        name.to_string()
    }
}

/// What is wrong with one look, as sentences.
fn judge(what: &str, m: &Value, list: bool) -> Vec<String> {
    let mut wrong: Vec<String> = m["bad"]
        .as_array()
        .map(|b| {
            b.iter()
                .map(|s| format!("{what}: {}", s.as_str().unwrap_or_default()))
                .collect()
        })
        .unwrap_or_default();
    let per_line = m["perLine"].as_i64().unwrap_or(0);
    let fits = m["fits"].as_i64().unwrap_or(0);
    if per_line < TITLE_CHARS || fits < TITLE_CHARS {
        wrong.push(format!(
            "{what}: the title has {per_line} characters a line (room for {fits}), under {TITLE_CHARS}"
        ));
    }
    if list {
        let screen = m["screen"].as_f64().unwrap_or(0.0);
        match m["row"].as_f64() {
            Some(top) if top <= FIRST_SCREEN * screen => {}
            top => wrong.push(format!(
                "{what}: the first row starts at {top:?} px, below {} px ({}% of {screen})",
                (FIRST_SCREEN * screen).floor(),
                FIRST_SCREEN * 100.0
            )),
        }
    }
    wrong
}

fn report(what: &str, m: &Value) {
    println!(
        "e2e_type: {what:<36} first row {:>5} px of {} · title {} px font, {} px wide, {} px tall, lines {} · {} wrong",
        m["row"],
        m["screen"],
        m["font"],
        m["titleWidth"],
        m["titleHeight"],
        m["lines"],
        m["bad"].as_array().map_or(0, Vec::len)
    );
}

async fn shot(c: &Client, out: &Path, name: &str) {
    if let Ok(png) = c.screenshot().await {
        let _ = std::fs::write(out.join(format!("{name}.png")), png);
    }
}

/// axe-core over the whole page (WCAG 2.x A/AA): the violations, described.
async fn axe_violations(c: &Client) -> Value {
    c.execute_async(
        "var done = arguments[arguments.length - 1]; \
         axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }) \
           .then(function (r) { done(r.violations.map(function (v) { return v.id + ': ' + v.nodes.slice(0, 3).map(function (n) { return JSON.stringify(n.target) + ' ' + n.failureSummary; }).join(' | '); })); }, \
                 function (e) { done(['axe failed: ' + e]); });",
        vec![],
    )
    .await
    .expect("axe")
}

/// Every text step, without and then with 长者模式, on each screen: the list
/// and the article. Returns what was wrong.
async fn every_step(c: &Client, out: &Path, label: &str, screens: &[(u32, u32)]) -> Vec<String> {
    let mut wrong = Vec::new();
    for &size in screens {
        screen(c, size, true).await;
        for elder in [false, true] {
            for step in STEPS {
                set_reading(c, step, elder).await;
                // (No focus ring left on a row by the last article.)
                js(
                    c,
                    &format!("{ROOT} var f = (h.shadowRoot || document).activeElement; if (f) f.blur(); return 1;"),
                    vec![],
                )
                .await;
                let name = format!("{}×{} {label}{}", size.0, size.1, step_name(step, elder));
                let file = format!(
                    "{}x{}-{label}{step}{}",
                    size.0,
                    size.1,
                    if elder { "-elder" } else { "" }
                );
                let list = measure(c).await;
                report(&format!("{name} list"), &list);
                wrong.extend(judge(&format!("{name} list"), &list, true));
                shot(c, out, &format!("{file}-list")).await;
                filters(c, true).await;
                let panel = measure(c).await;
                wrong.extend(judge(&format!("{name} 筛选"), &panel, false));
                shot(c, out, &format!("{file}-filters")).await;
                filters(c, false).await;
                open_article(c, ARTICLE).await;
                let article = measure(c).await;
                report(&format!("{name} article"), &article);
                wrong.extend(judge(&format!("{name} article"), &article, false));
                shot(c, out, &format!("{file}-article")).await;
                js(
                    c,
                    &format!("{ROOT} r.querySelector('.db-public').scrollIntoView(); return 1;"),
                    vec![],
                )
                .await;
                shot(c, out, &format!("{file}-table")).await;
                read_aloud(c).await;
                let reading = measure(c).await;
                wrong.extend(judge(&format!("{name} 朗读"), &reading, false));
                shot(c, out, &format!("{file}-reading")).await;
                close_article(c).await;
            }
        }
    }
    wrong
}

/// The host pages (in a fresh folder) and the two origins: the bundle's,
/// and the pages' (with the fixtures and axe-core).
fn serve(root: &Path, dist: &Path, dir: &Path, axe: PathBuf) -> (Server, Server) {
    std::fs::create_dir_all(dir).expect("folder");
    // The README's phone column: twelve categories (the generated feed's).
    std::fs::write(dir.join("feed.json"), gen::generate(120, 3, (2026, 11, 27))).expect("feed");
    let gov = format!("feed=\"/tests/fixtures/gov/feed.json\" heading=\"{HEADING}\"");
    for (file, attributes, sidebar) in [
        ("shadow.html", gov.clone(), false),
        ("light.html", format!("{gov} no-shadow"), false),
        ("sidebar.html", gov.clone(), true),
        ("column.html", "feed=\"/type/feed.json\"".to_string(), false),
    ] {
        std::fs::write(dir.join(file), page(&attributes, sidebar)).expect("page");
    }
    let bundle = Server::start(
        dist,
        Rules {
            headers: vec![("Access-Control-Allow-Origin".into(), "*".into())],
            ..Rules::default()
        },
    );
    let host = Server::start(
        root,
        Rules {
            mounts: vec![
                ("/type/".to_string(), dir.to_path_buf()),
                ("/axe/".to_string(), axe),
            ],
            fill: HashMap::from([("BUNDLE".to_string(), bundle.origin.clone())]),
            ..Rules::default()
        },
    );
    (bundle, host)
}

/// Opens the host page `file` and waits for the widget's first row.
async fn open_page(c: &Client, host: &Server, file: &str) {
    open(c, &format!("{}/type/{file}", host.origin)).await;
    wait(
        c,
        &format!("the first row ({file})"),
        &format!("{ROOT} return !!r.querySelector('.db-row');"),
        vec![],
    )
    .await;
}

/// The README's column of twelve categories at the default size on a
/// 360×640 phone, then with 筛选 open and one department chosen.
async fn column(c: &Client, host: &Server, out: &Path) -> Vec<String> {
    screen(c, SCREENS[0], true).await;
    open_page(c, host, "column.html").await;
    set_reading(c, "medium", false).await;
    let list = measure(c).await;
    report("360×640 column of twelve categories", &list);
    let mut wrong = judge("360×640 column", &list, true);
    shot(c, out, "360x640-column").await;
    filters(c, true).await;
    act(
        c,
        "筛选（1）",
        "var s = r.querySelector('.db-filters select'); \
         s.value = Array.from(s.options).find(function (o) { return o.text.indexOf('商务局') === 0; }).value; \
         s.dispatchEvent(new Event('change', { bubbles: true }));",
        "r.querySelector('.db-filter-toggle').textContent === '筛选（1）'",
        vec![],
    )
    .await;
    wrong.extend(judge("360×640 column, 筛选（1）", &measure(c).await, false));
    shot(c, out, "360x640-column-filters").await;
    wrong
}

/// axe-core in 长者模式 on the 360×640 phone, at 中 and at 特大: the list,
/// and an article.
async fn axe_in_elder_mode(c: &Client) {
    screen(c, SCREENS[0], true).await;
    for step in ["medium", "x-large"] {
        set_reading(c, step, true).await;
        let list = axe_violations(c).await;
        assert_eq!(list, json!([]), "axe-core, 长者模式 {step}, the list");
        open_article(c, ARTICLE).await;
        let article = axe_violations(c).await;
        assert_eq!(article, json!([]), "axe-core, 长者模式 {step}, an article");
        close_article(c).await;
    }
}

/// Every step on a desktop page (1280×900): in a 300 px sidebar the widget
/// is narrow too; a full-width one keeps its controls beside the title.
async fn desktop(c: &Client, host: &Server, out: &Path, file: &str) -> Vec<String> {
    screen(c, (1280, 900), false).await;
    open_page(c, host, file).await;
    let wide = file == "shadow.html";
    let mut wrong = Vec::new();
    for elder in [false, true] {
        for step in STEPS {
            set_reading(c, step, elder).await;
            let name = format!("1280×900 {file} {}", step_name(step, elder));
            let m = measure(c).await;
            report(&name, &m);
            wrong.extend(judge(&name, &m, false));
            if wide && m["beside"] != json!(true) {
                wrong.push(format!("{name}: the controls are not beside the title"));
            }
            if step == "medium" || (step == "x-large" && elder) {
                let elder = if elder { "-elder" } else { "" };
                shot(
                    c,
                    out,
                    &format!("desktop-{}{step}{elder}", &file[..file.len() - 5]),
                )
                .await;
            }
        }
    }
    wrong
}

#[tokio::test(flavor = "current_thread")]
async fn large_type_on_a_small_phone_keeps_the_news_on_the_first_screen() {
    let Some((root, dist)) = bundle() else {
        println!("e2e_type: skipped (set DISTRICT_BULLETIN_DIST to a built bundle; scripts/test.sh does)");
        return;
    };
    let Some(axe) = std::env::var_os("DISTRICT_BULLETIN_AXE") else {
        panic!("DISTRICT_BULLETIN_AXE (axe-core, installed by scripts/setup.sh) is not set");
    };
    let dir = std::env::temp_dir().join(format!("db-e2e-type-{}", std::process::id()));
    let (_bundle, host) = serve(&root, &dist, &dir, PathBuf::from(axe));
    let out = root.join("target/e2e/type");
    let _ = std::fs::create_dir_all(&out);
    let (_driver, c) = start_browser().await;

    let mut wrong = column(&c, &host, &out).await;
    println!("e2e_type: the README's column of twelve categories, 360×640, 筛选 open ... measured");

    screen(&c, SCREENS[0], true).await;
    open_page(&c, &host, "shadow.html").await;
    wrong.extend(every_step(&c, &out, "", &SCREENS).await);
    println!("e2e_type: 360×640 and 320×568, 小 / 中 / 大 / 特大, without and with 长者模式: list, 筛选, article, 朗读 ... measured");

    axe_in_elder_mode(&c).await;
    println!("e2e_type: axe-core: no violations in 长者模式 (中 and 特大) at 360×640, list and article ... ok");

    // In the page's own DOM (`no-shadow`): the same stylesheet, scoped.
    screen(&c, SCREENS[1], true).await;
    open_page(&c, &host, "light.html").await;
    wrong.extend(every_step(&c, &out, "light-", &SCREENS[1..]).await);
    println!("e2e_type: no-shadow at 320×568, every step ... measured");

    wrong.extend(desktop(&c, &host, &out, "sidebar.html").await);
    wrong.extend(desktop(&c, &host, &out, "shadow.html").await);
    println!("e2e_type: 1280×900, every step: in a 300 px sidebar, and full width with the controls beside the title ... measured");

    let errors = js(&c, "return __e2e.errors;", vec![]).await;
    let _ = c.close().await;
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(errors, json!([]), "errors on the page");
    assert!(
        wrong.is_empty(),
        "{} things wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    println!("e2e_type: the first row within the top 60 %, the title at least {TITLE_CHARS} characters a line, nothing sideways, targets 44 / 60 px ... ok");
}
