//! Soak run: a page left open for days. The release widget refreshes its
//! feed 1,000 times in headless Chromium while the feed changes under it
//! (new items on top, old ones dropped at the bottom, titles edited) and
//! answers fail now and then (503, a body cut short, HTML instead of JSON,
//! an answer slower than the interval). Every 10 rounds it samples, after a
//! forced garbage collection: the wasm's linear memory, the JS heap (the
//! lower of two readings 200 ms apart: a feed in flight is not a leak), the
//! DOM nodes alive (Chromium's own counters: detached ones included) and
//! those in the page, and the event listeners. Each must stay within 10 %
//! of its value at round 50 ("flat"); the run exits non-zero otherwise.
//!
//! Not part of CI (it takes minutes): `bash scripts/soak.sh`, or
//! `DISTRICT_BULLETIN_DIST=dist cargo run --profile bench-runner --example soak`
//! with options after `--`: `--rounds 1000`, `--scale 40` (the widget's 10 s
//! refresh runs every 10 s / scale: the page's one hook, see
//! bench/pages/soak.html), `--console off` (the widget's warnings counted,
//! not kept in the browser's console).

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    native::main();
}

/// The test support the soak run shares with the benchmark.
#[cfg(not(target_arch = "wasm32"))]
#[path = "../tests/support"]
mod support {
    pub mod browser;
    #[path = "../../bench/dist.rs"]
    pub mod dist;
    pub mod gen;
    pub mod server;
}

/// The runner (native only: it drives a browser from outside).
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::support::browser::{cdp, start_browser_with, wait};
    use super::support::{dist, gen, server};
    use serde_json::{json, Value};
    use std::io::{BufRead, BufReader, Write};
    use std::net::{TcpListener, TcpStream};
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    use std::time::{Duration, Instant};

    /// Items the changing feed is cut from (newest first).
    const POOL: usize = 3_000;

    /// Items in every good answer: the same number each round, so the
    /// rows shown (and the DOM) should be too.
    const WINDOW: usize = 80;

    /// The answer to the feed's `round`-th request: mostly a feed that moved
    /// on (two new items on top, as many dropped off the bottom, every
    /// fifth round the top title edited), now and then a failure.
    fn answer(round: usize, pool: &[Value]) -> (&'static str, &'static str, Vec<u8>) {
        let json = "application/json; charset=utf-8";
        match round {
            r if r % 11 == 5 => ("503 Service Unavailable", "text/plain", b"busy".to_vec()),
            r if r % 17 == 9 => (
                "200 OK",
                json,
                br#"{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"#.to_vec(),
            ),
            r if r % 23 == 13 => (
                "200 OK",
                "text/html; charset=utf-8",
                b"<!DOCTYPE html><title>502</title>".to_vec(),
            ),
            r => {
                let top = (POOL - 120).saturating_sub(2 * r);
                let mut items: Vec<Value> = pool[top..top + WINDOW].to_vec();
                if r % 5 == 0 {
                    if let Some(t) = items[0]["title"].as_str().map(str::to_owned) {
                        items[0]["title"] = json!(format!("{t}（第{r}次更新）"));
                    }
                }
                let feed = json!({
                    "version": "https://jsonfeed.org/version/1.1",
                    "title": "高新区信息公开（浸泡测试）",
                    "language": "zh-CN",
                    "_district": { "name": "郑州高新区", "timezone": "Asia/Shanghai" },
                    "items": items,
                });
                ("200 OK", json, feed.to_string().into_bytes())
            }
        }
    }

    /// The changing feed, on its own port (CORS open): each request is
    /// the next round. Round numbers ending in 31 answer 3 s late.
    fn feed_server(pool: Vec<Value>, rounds: Arc<AtomicUsize>) -> String {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let origin = format!("http://{}", listener.local_addr().expect("addr"));
        let pool = Arc::new(pool);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (pool, rounds) = (pool.clone(), rounds.clone());
                std::thread::spawn(move || serve(stream, &pool, &rounds));
            }
        });
        origin
    }

    fn serve(mut stream: TcpStream, pool: &[Value], rounds: &AtomicUsize) {
        let mut reader = BufReader::new(match stream.try_clone() {
            Ok(s) => s,
            Err(_) => return,
        });
        let mut line = String::new();
        let mut first = String::new();
        while reader.read_line(&mut line).is_ok_and(|n| n > 0) {
            if first.is_empty() {
                first = line.clone();
            }
            if line == "\r\n" {
                break;
            }
            line.clear();
        }
        if !first.starts_with("GET ") {
            let _ = stream.write_all(b"HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: *\r\nAccess-Control-Allow-Headers: *\r\nConnection: close\r\n\r\n");
            return;
        }
        let round = rounds.fetch_add(1, Ordering::SeqCst);
        if round % 100 == 31 {
            std::thread::sleep(Duration::from_secs(3));
        }
        let (status, ctype, body) = answer(round, pool);
        let head = format!(
            "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nAccess-Control-Allow-Origin: *\r\nConnection: close\r\n\r\n",
            body.len()
        );
        let _ = stream.write_all(head.as_bytes());
        let _ = stream.write_all(&body);
    }

    /// One sample: the round it was taken at and its figures.
    struct Sample {
        round: usize,
        wasm: f64,
        heap: f64,
        nodes: f64,
        page_nodes: f64,
        listeners: f64,
        rows: f64,
    }

    async fn sample(c: &fantoccini::Client, round: usize) -> Sample {
        let page = c
            .execute_async(
                r#"
                var done = arguments[arguments.length - 1];
                if (window.gc) gc();
                var root = document.getElementById('w').shadowRoot;
                var nodes = document.getElementsByTagName('*').length + (root ? root.querySelectorAll('*').length : 0);
                var rows = root ? root.querySelectorAll('.db-row').length : 0;
                DistrictBulletin.stats().then(function (s) {
                  done([s.wasmMemoryBytes, performance.memory.usedJSHeapSize, nodes, rows]);
                });
                "#,
                vec![],
            )
            .await
            .expect("sample");
        let counters = cdp(c, "Memory.getDOMCounters", json!({})).await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        let again = c
            .execute(
                "if (window.gc) gc(); return performance.memory.usedJSHeapSize;",
                vec![],
            )
            .await
            .expect("sample");
        let f = |v: &Value| v.as_f64().unwrap_or(f64::NAN);
        Sample {
            round,
            wasm: f(&page[0]),
            heap: f(&page[1]).min(f(&again)),
            page_nodes: f(&page[2]),
            rows: f(&page[3]),
            nodes: f(&counters["nodes"]),
            listeners: f(&counters["jsEventListeners"]),
        }
    }

    pub fn main() {
        let Some((root, dist)) = dist::locate("soak", "scripts/soak.sh") else {
            return;
        };
        let (mut total, mut scale, mut query) = (1_000usize, 40usize, "");
        let mut args = std::env::args().skip(1);
        while let Some(a) = args.next() {
            let v = args.next().unwrap_or_default();
            match a.as_str() {
                "--rounds" => total = v.parse().unwrap_or(total),
                "--scale" => scale = v.parse().unwrap_or(scale),
                "--console" if v == "off" => query = "?console=off",
                _ => {}
            }
        }
        let pool = serde_json::from_str::<Value>(&gen::generate_with(
            POOL,
            5,
            (2026, 11, 27),
            gen::Bodies::Realistic,
        ))
        .ok()
        .and_then(|v| v["items"].as_array().cloned())
        .expect("the generated pool");
        let rounds = Arc::new(AtomicUsize::new(0));
        let feed = format!("{}/feed.json", feed_server(pool, rounds.clone()));
        let server = server::Server::start(
            &root,
            server::Rules {
                mounts: vec![("/dist/".into(), dist)],
                fill: [("FEED", feed), ("SCALE", scale.to_string())]
                    .map(|(k, v)| (k.to_string(), v))
                    .into(),
                ..server::Rules::default()
            },
        );
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        let page = format!("{}/bench/pages/soak.html{query}", server.origin);
        // Another browser may open the same page (a heap snapshot, DevTools).
        eprintln!("soak: {page}");
        let samples = rt.block_on(soak(&page, &rounds, total));
        std::process::exit(if report(&samples) { 0 } else { 1 });
    }

    async fn soak(page: &str, rounds: &AtomicUsize, total: usize) -> Vec<Sample> {
        let (_driver, c) =
            start_browser_with(&["--enable-precise-memory-info", "--js-flags=--expose-gc"]).await;
        cdp(&c, "Memory.getDOMCounters", json!({})).await;
        c.goto(page).await.expect("soak page");
        wait(
            &c,
            "the first rows",
            "var h = document.getElementById('w'); return !!(h && h.shadowRoot && h.shadowRoot.querySelector('.db-row'));",
            vec![],
        )
        .await;
        let start = Instant::now();
        let mut samples = Vec::new();
        let mut next = 10;
        while next <= total {
            // A round that does not come within a minute: the widget stopped refreshing.
            let deadline = Instant::now() + Duration::from_secs(60);
            while rounds.load(Ordering::SeqCst) < next {
                assert!(
                    Instant::now() < deadline,
                    "no refresh round {next} within a minute: the widget stopped refreshing"
                );
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            // Let the round's answer be drawn before sampling.
            tokio::time::sleep(Duration::from_millis(100)).await;
            let s = sample(&c, next).await;
            if next % 100 == 0 || next == 50 {
                eprintln!(
                    "soak: round {next:>5} ({:>4.0} s): wasm {:.2} MB, heap {:.2} MB, nodes {} ({} in the page), listeners {}, rows {}",
                    start.elapsed().as_secs_f64(),
                    s.wasm / 1_048_576.0,
                    s.heap / 1_048_576.0,
                    s.nodes,
                    s.page_nodes,
                    s.listeners,
                    s.rows
                );
            }
            samples.push(s);
            next += 10;
        }
        let _ = c.close().await;
        samples
    }

    /// Prints each figure at round 50, its range after, and whether it
    /// stayed within 10 % of it. True when all did.
    fn report(samples: &[Sample]) -> bool {
        let Some(base) = samples.iter().find(|s| s.round >= 50) else {
            println!("soak: fewer than 50 rounds, nothing to compare");
            return false;
        };
        type Get = fn(&Sample) -> f64;
        let figures: [(&str, Get, f64); 5] = [
            ("wasm memory (MB)", |s| s.wasm, 1_048_576.0),
            ("JS heap after GC (MB)", |s| s.heap, 1_048_576.0),
            ("DOM nodes alive", |s| s.nodes, 1.0),
            ("DOM nodes in the page", |s| s.page_nodes, 1.0),
            ("JS event listeners", |s| s.listeners, 1.0),
        ];
        let last = samples.last().map_or(0, |s| s.round);
        println!("\nsoak: {last} refresh rounds; each figure at round 50, then its range to round {last}");
        let mut flat = true;
        for (name, get, unit) in figures {
            let b = get(base);
            let later: Vec<f64> = samples
                .iter()
                .filter(|s| s.round > base.round)
                .map(get)
                .collect();
            let lo = later.iter().copied().fold(b, f64::min);
            let hi = later.iter().copied().fold(b, f64::max);
            let end = later.last().copied().unwrap_or(b);
            let drift = if b > 0.0 { (hi.max(b) - b) / b } else { 0.0 };
            let ok = drift <= 0.10 && (b - lo) / b.max(1.0) <= 0.10;
            flat &= ok;
            println!(
                "{name:<24} {:>10.2} → {:>10.2} (range {:.2}–{:.2}, +{:.1} %) {}",
                b / unit,
                end / unit,
                lo / unit,
                hi / unit,
                drift * 100.0,
                if ok { "flat" } else { "NOT FLAT" }
            );
        }
        let rows: Vec<f64> = samples.iter().map(|s| s.rows).collect();
        println!(
            "rows shown: {:.0}–{:.0}",
            rows.iter().copied().fold(f64::INFINITY, f64::min),
            rows.iter().copied().fold(0.0, f64::max)
        );
        flat
    }
}
