//! Benchmark: the release widget, plain and pre-rendered (`district-bulletin
//! render`), against the hand-written vanilla-JS reference
//! (`bench/reference/`), in the same headless Chromium, on the same generated
//! feeds (100, 1,000 and 10,000 items), alternating runs, everything served
//! gzip-compressed.
//!
//! Two profiles: this machine as it is (`fast`), and a slow phone
//! (`slow`): 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, CPU 4×
//! slower — Lighthouse's mobile profile, applied by Chromium's own emulation
//! over CDP.
//!
//! Prints, for each profile, feed size and widget: transfer size, time from
//! navigation to the first row painted (first visit, and on the fast profile
//! a return visit with the bundle cached), time until the widget answers
//! input, time from the feed's arrival to the first row, search keystroke →
//! DOM updated and → next frame painted (median and p95), category switch,
//! JS heap and wasm memory after load, rows in the DOM — and the ratio to the
//! reference. Also writes them as JSON. Figures, not a test: nothing here
//! passes or fails on a timing.
//!
//! Run with `bash scripts/bench.sh` (it builds the release bundle first), or
//! `DISTRICT_BULLETIN_DIST=dist cargo run --profile bench-runner --example bench`
//! with options after `--`: `--sizes 100,1000`, `--slow-sizes 100`, `--runs 5`,
//! `--profiles fast,slow`.

#[cfg(not(target_arch = "wasm32"))]
#[path = "../tests/support/browser.rs"]
mod browser;
#[cfg(not(target_arch = "wasm32"))]
#[path = "../tests/support/gen.rs"]
mod gen;
#[cfg(not(target_arch = "wasm32"))]
#[path = "../tests/support/server.rs"]
mod server;

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    native::main();
}

/// The runner (native only: it drives a browser from outside).
#[cfg(not(target_arch = "wasm32"))]
mod native {

    use super::browser::{cdp, js, start_browser_with, wait};
    use super::{gen, server};
    use fantoccini::Client;
    use serde_json::{json, Value};
    use server::{Rules, Server};
    use std::collections::BTreeMap;
    use std::path::PathBuf;
    use std::process::Command;

    /// Typing as a reader does: words built up key by key, then cleared.
    const KEYSTROKES: &[&str] = &[
        "扬",
        "扬尘",
        "扬尘治",
        "扬尘治理",
        "",
        "石",
        "石佛",
        "石佛村",
        "",
        "安",
        "安全",
        "安全生",
        "安全生产",
        "安全生产 检",
        "安全生产 检查",
        "",
        "培",
        "培训",
        "职业",
        "职业技能",
        "",
    ];

    fn median(v: &mut [f64]) -> Option<f64> {
        percentile(v, 0.5)
    }

    fn percentile(v: &mut [f64], p: f64) -> Option<f64> {
        if v.is_empty() {
            return None;
        }
        v.sort_by(|a, b| a.total_cmp(b));
        let i = ((v.len() - 1) as f64 * p).round() as usize;
        v.get(i).copied()
    }

    /// raw / gzip -9 / brotli -q 11 bytes of the concatenated files.
    fn transfer(files: &[PathBuf]) -> (u64, u64, u64) {
        let mut total = (0, 0, 0);
        for f in files {
            let raw = std::fs::metadata(f).map(|m| m.len()).unwrap_or(0);
            let compressed = |cmd: &str, args: &[&str]| -> u64 {
                Command::new(cmd)
                    .args(args)
                    .arg(f)
                    .output()
                    .map(|o| o.stdout.len() as u64)
                    .unwrap_or(0)
            };
            total.0 += raw;
            total.1 += compressed("gzip", &["-9", "-c"]);
            total.2 += compressed("brotli", &["-q", "11", "-c"]);
        }
        total
    }

    /// The figures of one page load, by name (ms, MB, counts).
    type Figures = BTreeMap<&'static str, f64>;

    /// Opens a bench page and waits for its first row: the page's
    /// `__bench` record (first row, feed's arrival).
    async fn open(c: &Client, page: &str) -> Value {
        c.goto(page).await.expect("open bench page");
        wait(
            c,
            "the first row",
            "return window.__bench && __bench.firstRow !== null;",
            vec![],
        )
        .await;
        js(c, "return __bench;", vec![]).await
    }

    /// Waits until the widget answers input (its script ran).
    async fn interactive(c: &Client) {
        wait(
            c,
            "the widget to answer input",
            "return window.__bench && __bench.ready !== null;",
            vec![],
        )
        .await;
    }

    /// The page of `kind` on the feed of `n` items.
    fn page(origin: &str, kind: &str, n: usize) -> String {
        match kind {
            "prerendered" => format!("{origin}/bench-work/prerendered-{n}.html"),
            _ => format!("{origin}/bench/pages/{kind}.html?feed=/bench-feeds/feed-{n}.json"),
        }
    }

    /// A network and CPU profile, applied by Chromium's own emulation.
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum Profile {
        Fast,
        SlowPhone,
    }

    impl Profile {
        fn name(self) -> &'static str {
            match self {
                Profile::Fast => "fast",
                Profile::SlowPhone => "slow",
            }
        }

        fn describe(self) -> &'static str {
            match self {
                Profile::Fast => "this machine, no throttling",
                Profile::SlowPhone => {
                    "slow phone: 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, CPU 4x slower (CDP emulation)"
                }
            }
        }

        async fn apply(self, c: &Client) {
            let (latency, down, up, cpu) = match self {
                Profile::Fast => (0.0, -1.0, -1.0, 1.0),
                // Bytes per second: 1.6 Mbit/s and 750 kbit/s.
                Profile::SlowPhone => (150.0, 1_600_000.0 / 8.0, 750_000.0 / 8.0, 4.0),
            };
            cdp(c, "Network.enable", json!({})).await;
            cdp(
                c,
                "Network.emulateNetworkConditions",
                json!({ "offline": false, "latency": latency, "downloadThroughput": down, "uploadThroughput": up }),
            )
            .await;
            cdp(c, "Emulation.setCPUThrottlingRate", json!({ "rate": cpu })).await;
        }
    }

    /// Time to the first row on a return visit: the same widget served
    /// from `/cached/` (kept by the browser), loaded once, then again after
    /// a pause in which the browser caches the compiled code.
    async fn return_visit(c: &Client, origin: &str, kind: &str, feed: &str) -> f64 {
        let page = format!("{origin}/bench/pages/{kind}-return.html?feed={feed}");
        open(c, &page).await;
        tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
        open(c, &page).await["firstRow"]
            .as_f64()
            .unwrap_or(f64::NAN)
    }

    /// One page load of one widget on the feed of `n` items: every figure.
    async fn measure(c: &Client, origin: &str, kind: &str, n: usize, profile: Profile) -> Figures {
        let load = open(c, &page(origin, kind, n)).await;
        let mut m = BTreeMap::new();
        let first = load["firstRow"].as_f64().unwrap_or(f64::NAN);
        m.insert("first_row_ms", first);
        if let Some(end) = load["feedEnd"].as_f64() {
            m.insert("data_to_row_ms", first - end);
        }
        interactive(c).await;
        let ready = js(c, "return __bench.ready;", vec![]).await;
        m.insert("interactive_ms", ready.as_f64().unwrap_or(f64::NAN));

        // Keystrokes: set the box, fire `input`, time until the shadow DOM
        // changed, and until the frame after it was painted (what the
        // reader sees: a timer queued from the next animation frame runs
        // once that frame is done). A keystroke whose answer changes
        // nothing (a second letter after a word with no match) is counted,
        // not timed: the widget leaves such a DOM alone, the reference
        // redraws it.
        let times = c
            .execute_async(
                r#"
                var done = arguments[arguments.length - 1], queries = arguments[0];
                var root = document.getElementById('w').shadowRoot;
                var input = root.querySelector('.db-search-input');
                var dom = [], paint = [], i = 0, unchanged = 0;
                function step() {
                  if (i >= queries.length) return done([dom, paint, unchanged]);
                  var q = queries[i++], t0;
                  var mo = new MutationObserver(function () {
                    mo.disconnect(); clearTimeout(to);
                    dom.push(performance.now() - t0);
                    requestAnimationFrame(function () {
                      setTimeout(function () {
                        paint.push(performance.now() - t0);
                        setTimeout(step, 20);
                      }, 0);
                    });
                  });
                  mo.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
                  // No change within 1.5 s: the answer left the DOM as it
                  // was (no matches, then still none), nothing to paint.
                  var to = setTimeout(function () { mo.disconnect(); unchanged++; step(); }, 1500);
                  t0 = performance.now();
                  input.value = q;
                  input.dispatchEvent(new InputEvent('input', { bubbles: true }));
                }
                step();
                "#,
                vec![json!(KEYSTROKES)],
            )
            .await
            .expect("keystrokes");
        let series = |k: usize| -> Vec<f64> {
            times[k]
                .as_array()
                .map(|a| a.iter().filter_map(Value::as_f64).collect())
                .unwrap_or_default()
        };
        m.insert("keystrokes_unchanged", times[2].as_f64().unwrap_or(0.0));
        let figures = [
            ("keystroke_median_ms", "keystroke_p95_ms"),
            ("keystroke_paint_median_ms", "keystroke_paint_p95_ms"),
        ];
        for (k, (med, p95)) in figures.into_iter().enumerate() {
            let mut v = series(k);
            if let Some(x) = median(&mut v) {
                m.insert(med, x);
            }
            if let Some(x) = percentile(&mut v, 0.95) {
                m.insert(p95, x);
            }
        }

        // Category switch: the second tab, then back to 全部.
        let switch = c
            .execute_async(
                r#"
                var done = arguments[arguments.length - 1];
                var root = document.getElementById('w').shadowRoot;
                function click(i, then) {
                  var tab = root.querySelectorAll('.db-tab')[i];
                  var t0, mo = new MutationObserver(function () { mo.disconnect(); then(performance.now() - t0); });
                  mo.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
                  t0 = performance.now();
                  tab.click();
                }
                click(1, function (a) { setTimeout(function () { click(0, function (b) { done([a, b]); }); }, 20); });
                "#,
                vec![],
            )
            .await
            .expect("category switch");
        let mut sw: Vec<f64> = switch
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_f64).collect())
            .unwrap_or_default();
        if let Some(v) = median(&mut sw) {
            m.insert("category_switch_ms", v);
        }

        let after = c
            .execute_async(
                r#"
                var done = arguments[arguments.length - 1];
                var rows = document.getElementById('w').shadowRoot.querySelectorAll('.db-row').length;
                if (window.gc) gc(); // live memory, not the garbage of earlier pages
                var heap = performance.memory ? performance.memory.usedJSHeapSize : 0;
                var stats = window.DistrictBulletin ? DistrictBulletin.stats() : Promise.resolve({ wasmMemoryBytes: 0 });
                stats.then(function (s) { done([rows, heap, s.wasmMemoryBytes]); });
                "#,
                vec![],
            )
            .await
            .expect("memory");
        m.insert("rows_in_dom", after[0].as_f64().unwrap_or(0.0));
        m.insert("js_heap_mb", after[1].as_f64().unwrap_or(0.0) / 1_048_576.0);
        m.insert(
            "wasm_memory_mb",
            after[2].as_f64().unwrap_or(0.0) / 1_048_576.0,
        );
        if profile == Profile::Fast && kind != "prerendered" {
            let feed = format!("/bench-feeds/feed-{n}.json");
            m.insert(
                "first_row_return_ms",
                return_visit(c, origin, kind, &feed).await,
            );
        }
        m
    }

    /// The pre-rendered page of the feed of `n` items: the fragment of
    /// `district-bulletin render` (fresh for a day) in a page with the loader.
    fn prerendered_page(feed: &std::path::Path, n: usize) -> String {
        use district_bulletin::native::fragment::{render, Input, Stylesheet};
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        let fragment = render(&Input {
            bodies: vec![("feed".into(), std::fs::read(feed).expect("bench feed"))],
            id: Some("w".into()),
            attributes: vec![("feed".into(), format!("/bench-feeds/feed-{n}.json"))],
            now,
            fresh_for: 86_400,
            page: None,
            stylesheet: Stylesheet::Inline,
        })
        .expect("the bench feed renders");
        format!(
            "<!DOCTYPE html>\n<html lang=\"zh-CN\" data-kind=\"prerendered\">\n<head>\n<meta charset=\"utf-8\">\n\
             <title>bench: district-bulletin, pre-rendered</title>\n<script>{{{{MEASURE}}}}</script>\n\
             <script src=\"/dist/district-bulletin.js\" async></script>\n</head>\n<body>\n{}</body>\n</html>\n",
            fragment.html
        )
    }

    pub fn main() {
        let Some(dist) = std::env::var_os("DISTRICT_BULLETIN_DIST").map(PathBuf::from) else {
            println!(
                "bench: set DISTRICT_BULLETIN_DIST to a release bundle (scripts/bench.sh does)"
            );
            return;
        };
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let dist = if dist.is_absolute() {
            dist
        } else {
            root.join(dist)
        };
        let mut sizes = vec![100usize, 1_000, 10_000];
        let mut slow_sizes = vec![100usize, 1_000];
        let mut runs = 3usize;
        let mut profiles = vec![Profile::Fast, Profile::SlowPhone];
        let mut args = std::env::args().skip(1);
        let list = |v: Option<String>| -> Vec<usize> {
            v.map(|v| v.split(',').filter_map(|s| s.trim().parse().ok()).collect())
                .unwrap_or_default()
        };
        while let Some(a) = args.next() {
            match a.as_str() {
                "--sizes" => sizes = list(args.next()),
                "--slow-sizes" => slow_sizes = list(args.next()),
                "--runs" => runs = args.next().and_then(|v| v.parse().ok()).unwrap_or(runs),
                "--profiles" => {
                    let v = args.next().unwrap_or_default();
                    profiles = [Profile::Fast, Profile::SlowPhone]
                        .into_iter()
                        .filter(|p| v.split(',').any(|x| x.trim() == p.name()))
                        .collect();
                }
                _ => {}
            }
        }

        let work = std::env::temp_dir().join("district-bulletin-bench");
        let feeds = work.join("feeds");
        let pages = work.join("pages");
        std::fs::create_dir_all(&feeds).expect("bench folder");
        std::fs::create_dir_all(&pages).expect("bench folder");
        let mut all_sizes: Vec<usize> = sizes.iter().chain(&slow_sizes).copied().collect();
        all_sizes.sort_unstable();
        all_sizes.dedup();
        for &n in &all_sizes {
            let path = feeds.join(format!("feed-{n}.json"));
            if !path.exists() {
                std::fs::write(&path, gen::generate(n, 1, (2026, 11, 27))).expect("write feed");
            }
            std::fs::write(
                pages.join(format!("prerendered-{n}.html")),
                prerendered_page(&path, n),
            )
            .expect("write page");
        }
        let reference = root.join("bench/reference/reference.js");
        let mut kinds = vec!["widget", "prerendered"];
        if reference.exists() {
            kinds.push("reference");
        } else {
            println!("bench: no bench/reference/reference.js; measuring the widget alone");
        }

        let server = Server::start(
            &root,
            Rules {
                mounts: vec![
                    ("/dist/".into(), dist.clone()),
                    ("/cached/dist/".into(), dist.clone()),
                    ("/cached/".into(), root.clone()),
                    ("/bench-feeds/".into(), feeds.clone()),
                    ("/bench-work/".into(), pages.clone()),
                ],
                cacheable: vec!["/cached/".into()],
                gzip: true,
                // The measuring script inline: a request of its own would
                // stand in the way of every page's first paint.
                fill: std::collections::HashMap::from([(
                    "MEASURE".to_string(),
                    std::fs::read_to_string(root.join("bench/pages/measure.js"))
                        .expect("bench/pages/measure.js"),
                )]),
                ..Rules::default()
            },
        );

        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        type Results =
            BTreeMap<&'static str, BTreeMap<usize, BTreeMap<&'static str, Vec<Figures>>>>;
        let results: Results = rt.block_on(async {
            let (_driver, c) =
                start_browser_with(&["--enable-precise-memory-info", "--js-flags=--expose-gc"])
                    .await;
            // Up to 21 keystrokes of 1.5 s each when none changes the page.
            let timeouts = fantoccini::wd::TimeoutConfiguration::new(
                Some(std::time::Duration::from_secs(120)),
                None,
                None,
            );
            c.update_timeouts(timeouts).await.expect("script timeout");
            let mut all: Results = BTreeMap::new();
            for &profile in &profiles {
                profile.apply(&c).await;
                let sizes = if profile == Profile::Fast {
                    &sizes
                } else {
                    &slow_sizes
                };
                // One unrecorded load of each first: the browser's own start-up
                // (processes, fonts) would otherwise fall on whichever goes first.
                if let Some(&n) = sizes.first() {
                    for kind in &kinds {
                        open(&c, &page(&server.origin, kind, n)).await;
                        interactive(&c).await;
                    }
                }
                for &n in sizes {
                    for run in 0..runs {
                        // Rotate which goes first, so none always gets a warm browser.
                        let mut order = kinds.clone();
                        order.rotate_left(run % kinds.len());
                        for kind in order {
                            let m = measure(&c, &server.origin, kind, n, profile).await;
                            all.entry(profile.name())
                                .or_default()
                                .entry(n)
                                .or_default()
                                .entry(kind)
                                .or_default()
                                .push(m);
                        }
                    }
                }
            }
            let _ = c.close().await;
            all
        });

        // Transfer sizes: what a page downloads to show the widget (the feed aside).
        let sizes_of = |kind: &str| match kind {
            "widget" | "prerendered" => transfer(&[
                dist.join("district-bulletin.js"),
                dist.join("district-bulletin.wasm"),
            ]),
            _ => transfer(&[reference.clone(), root.join("styles/widget.css")]),
        };
        let mut json_out = json!({ "runs": runs, "keystrokes": KEYSTROKES.len(), "profiles": {} });
        println!();
        for kind in kinds.iter().filter(|k| **k != "prerendered") {
            let (raw, gz, br) = sizes_of(kind);
            println!(
                "{kind:>10}: transfer {raw} B raw, {gz} B gzip, {br} B brotli (js + wasm + css)"
            );
            json_out["transfer"][kind] = json!({ "raw": raw, "gzip": gz, "brotli": br });
        }
        println!(
            "(a pre-rendered page also carries its fragment: the markup, the styles and the feed)"
        );
        for (profile, per_size) in &results {
            let describe = [Profile::Fast, Profile::SlowPhone]
                .into_iter()
                .find(|p| p.name() == *profile)
                .map_or("", Profile::describe);
            println!("\n=== {describe}");
            for (n, per_kind) in per_size {
                println!("\n{n} items (median of {runs} runs)");
                println!(
                    "{:<26} {:>9} {:>12} {:>10} {:>7} {:>7}",
                    "figure", "widget", "prerendered", "reference", "w/ref", "pre/ref"
                );
                let mut metrics: Vec<&str> = per_kind
                    .values()
                    .flat_map(|v| v.iter().flat_map(|m| m.keys().copied()))
                    .collect();
                metrics.sort_unstable();
                metrics.dedup();
                for metric in metrics {
                    let med = |kind: &str| -> Option<f64> {
                        let mut v: Vec<f64> = per_kind
                            .get(kind)?
                            .iter()
                            .filter_map(|m| m.get(metric).copied())
                            .filter(|x| x.is_finite())
                            .collect();
                        median(&mut v)
                    };
                    let (w, p, r) = (med("widget"), med("prerendered"), med("reference"));
                    let ratio = |x: Option<f64>| match (x, r) {
                        (Some(x), Some(r)) if r > 0.0 => Some(x / r),
                        _ => None,
                    };
                    let f = |x: Option<f64>| x.map_or("-".to_string(), |x| format!("{x:.1}"));
                    let g = |x: Option<f64>| x.map_or("-".to_string(), |x| format!("{x:.2}"));
                    println!(
                        "{metric:<26} {:>9} {:>12} {:>10} {:>7} {:>7}",
                        f(w),
                        f(p),
                        f(r),
                        g(ratio(w)),
                        g(ratio(p))
                    );
                    json_out["profiles"][profile][n.to_string()][metric] = json!({
                        "widget": w, "prerendered": p, "reference": r,
                        "widget_ratio": ratio(w), "prerendered_ratio": ratio(p)
                    });
                }
            }
        }
        let out = work.join("results.json");
        let _ = std::fs::write(
            &out,
            serde_json::to_string_pretty(&json_out).unwrap_or_default(),
        );
        println!("\nJSON: {}", out.display());
    }
}
