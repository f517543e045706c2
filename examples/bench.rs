//! Benchmark: the release widget, plain, pre-rendered (`district-bulletin
//! render` in the page) and with a `fragment` file (the same render,
//! published beside the feed), against the hand-written vanilla-JS reference
//! (`bench/reference/`), in the same headless Chromium, on the same generated
//! feeds (100, 1,000 and 10,000 items with realistic bodies: about 2 kB of
//! Chinese each, 100 items ≈ 230 kB), alternating runs, everything served
//! gzip-compressed. Every cold load is made in a fresh browser (a new
//! WebDriver session: a new profile, new processes, nothing cached).
//!
//! Two profiles: this machine as it is (`fast`), and a slow phone
//! (`slow`): 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, CPU 4×
//! slower, a 412 × 823 screen — Lighthouse's mobile profile, applied by
//! Chromium's own emulation over CDP.
//!
//! Prints, for each profile, feed size and widget: transfer size, time from
//! navigation to the first title painted (the frame that shows the first row
//! done: see bench/pages/measure.js) on a first visit and on a second page
//! view (bundle in the HTTP cache, last good copy stored), time until the
//! widget answers input, time from the feed's arrival to the first row,
//! search keystroke → DOM updated and → next frame painted (median and p95),
//! category switch, JS heap and wasm memory after load, rows in the DOM —
//! and the ratio to the reference. Also writes them as JSON. Figures, not a
//! test: nothing here passes or fails on a timing. The `fragment` page is
//! measured only when the bundle knows the attribute (else "n/a").
//!
//! Run with `bash scripts/bench.sh` (it builds the release bundle first), or
//! `DISTRICT_BULLETIN_DIST=dist cargo run --profile bench-runner --example bench`
//! with options after `--`: `--sizes 100,1000`, `--slow-sizes 100`, `--runs 5`,
//! `--profiles fast,slow`, `--kinds widget,prerendered,fragment,reference`,
//! `--no-return` (skip the second page views), `--serve` (only serve the
//! pages, for bench/trace.mjs).

#[cfg(not(target_arch = "wasm32"))]
#[path = "../tests/support/browser.rs"]
mod browser;
#[cfg(not(target_arch = "wasm32"))]
#[path = "../bench/dist.rs"]
mod dist;
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

    /// Opens a bench page and waits for its first title painted: the
    /// page's `__bench` record (first row, its frame done, feed's arrival).
    async fn open(c: &Client, page: &str) -> Value {
        c.goto(page).await.expect("open bench page");
        wait(
            c,
            "the first row",
            "return window.__bench && __bench.firstPaint !== null;",
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
            "prerendered" | "fragment" => format!("{origin}/bench-work/{kind}-{n}.html"),
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
                    "slow phone: 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, CPU 4x slower, 412x823 screen (CDP emulation)"
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
            if self == Profile::SlowPhone {
                // A phone's screen too (Lighthouse's: 412 × 823 CSS px at
                // 1.75 device pixels each): the widget's phone layout, as
                // a phone's reader sees it.
                cdp(
                    c,
                    "Emulation.setDeviceMetricsOverride",
                    json!({ "width": 412, "height": 823, "deviceScaleFactor": 1.75, "mobile": true }),
                )
                .await;
            }
        }
    }

    /// Time to the first title painted on a second page view: the same
    /// widget served from `/cached/` (kept by the browser), loaded once,
    /// then again after a pause in which the browser caches the compiled
    /// code (and the widget has stored its last good copy).
    async fn return_visit(c: &Client, origin: &str, kind: &str, feed: &str) -> f64 {
        let page = format!("{origin}/bench/pages/{kind}-return.html?feed={feed}");
        open(c, &page).await;
        if kind != "reference" {
            interactive(c).await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
        open(c, &page).await["firstPaint"]
            .as_f64()
            .unwrap_or(f64::NAN)
    }

    /// One page load of one widget on the feed of `n` items: every figure.
    async fn measure(c: &Client, origin: &str, kind: &str, n: usize, second_view: bool) -> Figures {
        let load = open(c, &page(origin, kind, n)).await;
        let mut m = BTreeMap::new();
        let first = load["firstPaint"].as_f64().unwrap_or(f64::NAN);
        m.insert("first_title_painted_ms", first);
        let optional = [
            ("first_row_frame_ms", "firstRow"),
            ("fcp_ms", "fcp"),
            ("lcp_ms", "lcp"),
        ];
        for (name, key) in optional {
            if let Some(x) = load[key].as_f64() {
                m.insert(name, x);
            }
        }
        if let Some(end) = load["feedEnd"].as_f64() {
            m.insert("data_to_title_ms", first - end);
        }
        interactive(c).await;
        let ready = js(c, "return __bench.ready;", vec![]).await;
        m.insert("interactive_ms", ready.as_f64().unwrap_or(f64::NAN));

        // Keystrokes: bench/pages/measure.js types them (`__bench.type`):
        // for each, the time until the shadow DOM changed and until the
        // frame after it was painted; one that changes nothing is counted.
        let times = c
            .execute_async(
                "__bench.type(__bench.keystrokes, arguments[arguments.length - 1]);",
                vec![],
            )
            .await
            .expect("keystrokes");
        let series = |k: usize| -> Vec<f64> {
            times[k]
                .as_array()
                .map(|a| a.iter().filter_map(Value::as_f64).collect())
                .unwrap_or_default()
        };
        let unchanged = times[2].as_f64().unwrap_or(0.0);
        m.insert("keystrokes_unchanged", unchanged);
        m.insert("keystrokes", series(0).len() as f64 + unchanged);
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
        if second_view && (kind == "widget" || kind == "reference") {
            let feed = format!("/bench-feeds/feed-{n}.json");
            m.insert(
                "second_view_title_ms",
                return_visit(c, origin, kind, &feed).await,
            );
        }
        m
    }

    /// The fragment of `district-bulletin render` (fresh for a day) for the
    /// feed of `n` items, as the command writes it.
    fn fragment(feed: &std::path::Path, n: usize) -> String {
        use district_bulletin::native::fragment::{render, Input, Stylesheet};
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        render(&Input {
            bodies: vec![("feed".into(), std::fs::read(feed).expect("bench feed"))],
            id: Some("w".into()),
            attributes: vec![("feed".into(), format!("/bench-feeds/feed-{n}.json"))],
            now,
            fresh_for: 86_400,
            page: None,
            stylesheet: Stylesheet::Inline,
        })
        .expect("the bench feed renders")
        .html
    }

    /// A bench page of `kind` around `body`, the loader in its head.
    fn bench_page(kind: &str, body: &str) -> String {
        format!(
            "<!DOCTYPE html>\n<html lang=\"zh-CN\" data-kind=\"{kind}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>bench: district-bulletin, {kind}</title>\n<script>{{{{MEASURE}}}}</script>\n\
             <script src=\"/dist/district-bulletin.js\" async></script>\n</head>\n<body>\n{body}</body>\n</html>\n"
        )
    }

    /// Whether the bundle's loader knows the `fragment` attribute (its
    /// contract lists the attributes it reads).
    fn supports_fragment(dist: &std::path::Path) -> bool {
        std::fs::read_to_string(dist.join("district-bulletin.js"))
            .is_ok_and(|js| js.contains("\"fragment\""))
    }

    /// What to measure (the command line).
    struct Options {
        sizes: Vec<usize>,
        slow_sizes: Vec<usize>,
        runs: usize,
        profiles: Vec<Profile>,
        kinds: Vec<&'static str>,
        second_view: bool,
        /// Only serve the pages (for bench/trace.mjs), until stopped.
        serve: bool,
    }

    const KINDS: [&str; 4] = ["widget", "prerendered", "fragment", "reference"];

    fn options() -> Options {
        let mut o = Options {
            sizes: vec![100, 1_000, 10_000],
            slow_sizes: vec![100, 1_000],
            runs: 3,
            profiles: vec![Profile::Fast, Profile::SlowPhone],
            kinds: KINDS.to_vec(),
            second_view: true,
            serve: false,
        };
        let mut args = std::env::args().skip(1);
        let list = |v: Option<String>| -> Vec<usize> {
            v.map(|v| v.split(',').filter_map(|s| s.trim().parse().ok()).collect())
                .unwrap_or_default()
        };
        while let Some(a) = args.next() {
            match a.as_str() {
                "--sizes" => o.sizes = list(args.next()),
                "--slow-sizes" => o.slow_sizes = list(args.next()),
                "--runs" => o.runs = args.next().and_then(|v| v.parse().ok()).unwrap_or(o.runs),
                "--profiles" => {
                    let v = args.next().unwrap_or_default();
                    o.profiles = [Profile::Fast, Profile::SlowPhone]
                        .into_iter()
                        .filter(|p| v.split(',').any(|x| x.trim() == p.name()))
                        .collect();
                }
                "--kinds" => {
                    let v = args.next().unwrap_or_default();
                    o.kinds = KINDS
                        .into_iter()
                        .filter(|k| v.split(',').any(|x| x.trim() == *k))
                        .collect();
                }
                "--no-return" => o.second_view = false,
                "--serve" => o.serve = true,
                _ => {}
            }
        }
        o
    }

    /// Writes the feeds (realistic bodies) and the pages that carry a
    /// fragment: in the page (`prerendered-N.html`), or as a file beside
    /// the feed (`news-N.html`) that the page names (`fragment-N.html`).
    fn prepare(feeds: &std::path::Path, pages: &std::path::Path, sizes: &[usize]) {
        for &n in sizes {
            let path = feeds.join(format!("feed-{n}.json"));
            let feed = gen::generate_with(n, 1, (2026, 11, 27), gen::Bodies::Realistic);
            std::fs::write(&path, feed).expect("write feed");
            let html = fragment(&path, n);
            let element = format!(
                "<district-bulletin id=\"w\" feed=\"/bench-feeds/feed-{n}.json\" fragment=\"/bench-work/news-{n}.html\"></district-bulletin>\n"
            );
            let files = [
                (
                    format!("prerendered-{n}.html"),
                    bench_page("prerendered", &html),
                ),
                (format!("news-{n}.html"), html.clone()),
                (
                    format!("fragment-{n}.html"),
                    bench_page("fragment", &element),
                ),
            ];
            for (name, text) in files {
                std::fs::write(pages.join(name), text).expect("write page");
            }
        }
    }

    /// Every figure of every load: profile → size → kind → runs.
    type Results = BTreeMap<&'static str, BTreeMap<usize, BTreeMap<&'static str, Vec<Figures>>>>;

    /// Runs the loads: each in a fresh browser (a new WebDriver session,
    /// with a new profile and new processes), alternating the kinds.
    async fn run(o: &Options, origin: &str) -> Results {
        let mut all: Results = BTreeMap::new();
        for &profile in &o.profiles {
            let sizes = if profile == Profile::Fast {
                &o.sizes
            } else {
                &o.slow_sizes
            };
            for &n in sizes {
                for run in 0..o.runs {
                    // Rotate which goes first, so none always gets a quieter machine.
                    let mut order = o.kinds.clone();
                    order.rotate_left(run % o.kinds.len().max(1));
                    for kind in order {
                        let (_driver, c) = start_browser_with(&[
                            "--enable-precise-memory-info",
                            "--js-flags=--expose-gc",
                        ])
                        .await;
                        // Up to 21 keystrokes of 1.5 s each when none changes the page.
                        let timeouts = fantoccini::wd::TimeoutConfiguration::new(
                            Some(std::time::Duration::from_secs(120)),
                            None,
                            None,
                        );
                        c.update_timeouts(timeouts).await.expect("script timeout");
                        // The new browser settles before the timed navigation.
                        c.goto("about:blank").await.expect("blank page");
                        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
                        profile.apply(&c).await;
                        let m = measure(&c, origin, kind, n, o.second_view).await;
                        let _ = c.close().await;
                        eprintln!(
                            "bench: {} {n} {kind} run {}: title {:.0} ms",
                            profile.name(),
                            run + 1,
                            m.get("first_title_painted_ms").copied().unwrap_or(f64::NAN)
                        );
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
        all
    }

    pub fn main() {
        let Some((root, dist)) = super::dist::locate("bench", "scripts/bench.sh") else {
            return;
        };
        let mut o = options();
        let work = std::env::temp_dir().join("district-bulletin-bench");
        let feeds = work.join("feeds");
        let pages = work.join("pages");
        std::fs::create_dir_all(&feeds).expect("bench folder");
        std::fs::create_dir_all(&pages).expect("bench folder");
        let mut all_sizes: Vec<usize> = o.sizes.iter().chain(&o.slow_sizes).copied().collect();
        all_sizes.sort_unstable();
        all_sizes.dedup();
        prepare(&feeds, &pages, &all_sizes);
        let reference = root.join("bench/reference/reference.js");
        if !reference.exists() {
            println!("bench: no bench/reference/reference.js; measuring the widget alone");
            o.kinds.retain(|k| *k != "reference");
        }
        let fragment_na = !supports_fragment(&dist);
        if fragment_na && o.kinds.contains(&"fragment") {
            println!("bench: this bundle has no `fragment` attribute: its page is n/a");
            o.kinds.retain(|k| *k != "fragment");
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

        if o.serve {
            println!(
                "bench: serving the pages at {} (Ctrl-C stops)",
                server.origin
            );
            loop {
                std::thread::sleep(std::time::Duration::from_secs(3600));
            }
        }
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        let results = rt.block_on(run(&o, &server.origin));
        report(&results, &o, &dist, &root, fragment_na, &work);
    }

    /// Prints the tables (medians, ratios to the reference) and writes the JSON.
    fn report(
        results: &Results,
        o: &Options,
        dist: &std::path::Path,
        root: &std::path::Path,
        fragment_na: bool,
        work: &std::path::Path,
    ) {
        // Transfer sizes: what a page downloads to show the widget (the feed aside).
        let bundle = transfer(&[
            dist.join("district-bulletin.js"),
            dist.join("district-bulletin.wasm"),
        ]);
        let reference = transfer(&[
            root.join("bench/reference/reference.js"),
            root.join("styles/widget.css"),
        ]);
        let runs = o.runs;
        let mut json_out = json!({ "runs": runs, "profiles": {} });
        println!();
        for (kind, (raw, gz, br)) in [("widget", bundle), ("reference", reference)] {
            println!(
                "{kind:>10}: transfer {raw} B raw, {gz} B gzip, {br} B brotli (js + wasm + css)"
            );
            json_out["transfer"][kind] = json!({ "raw": raw, "gzip": gz, "brotli": br });
        }
        println!(
            "(a pre-rendered page also carries its fragment: the markup, the styles and the feed)"
        );
        let columns: Vec<&str> = KINDS.into_iter().filter(|k| *k != "reference").collect();
        for (profile, per_size) in results {
            let describe = [Profile::Fast, Profile::SlowPhone]
                .into_iter()
                .find(|p| p.name() == *profile)
                .map_or("", Profile::describe);
            println!("\n=== {describe}");
            for (n, per_kind) in per_size {
                println!("\n{n} items (median of {runs} runs, each in a fresh browser)");
                print!("{:<28}", "figure");
                for k in &columns {
                    print!(" {k:>11}");
                }
                print!(" {:>10}", "reference");
                for k in &columns {
                    print!(" {:>9}", format!("{}/ref", &k[..3]));
                }
                println!();
                table(
                    per_kind,
                    fragment_na,
                    &mut json_out["profiles"][profile][n.to_string()],
                );
            }
        }
        let out = work.join("results.json");
        let _ = std::fs::write(
            &out,
            serde_json::to_string_pretty(&json_out).unwrap_or_default(),
        );
        println!("\nJSON: {}", out.display());
    }

    /// One table: every metric's medians for each kind, and the ratios
    /// to the reference; the same into `out` (metric → kind → figures).
    fn table(per_kind: &BTreeMap<&'static str, Vec<Figures>>, fragment_na: bool, out: &mut Value) {
        let columns: Vec<&str> = KINDS.into_iter().filter(|k| *k != "reference").collect();
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
            let r = med("reference");
            let na = |k: &str| k == "fragment" && fragment_na;
            let f = |k: &str, x: Option<f64>| match x {
                _ if na(k) => "n/a".to_string(),
                Some(x) => format!("{x:.1}"),
                None => "-".to_string(),
            };
            let ratio = |x: Option<f64>| match (x, r) {
                (Some(x), Some(r)) if r > 0.0 => Some(x / r),
                _ => None,
            };
            print!("{metric:<28}");
            for k in &columns {
                print!(" {:>11}", f(k, med(k)));
            }
            print!(" {:>10}", f("reference", r));
            for k in &columns {
                let g = ratio(med(k)).map_or("-".to_string(), |x| format!("{x:.2}"));
                print!(" {:>9}", if na(k) { "n/a".to_string() } else { g });
                out[metric][k] = json!({ "ms": med(k), "ratio": ratio(med(k)) });
            }
            out[metric]["reference"] = json!({ "ms": r });
            println!();
        }
    }
}
