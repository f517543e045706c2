//! A small static HTTP server for end-to-end tests, on 127.0.0.1 only.
//!
//! std only: one thread per connection, GET/HEAD, `Connection: close`.
//! Each server has a root folder, extra headers for every answer, and
//! optional rules (a CSP on HTML pages, placeholders filled in HTML, paths
//! that fail) so one test can stand up a "bundle origin" and a "host page
//! origin" on two ports.

#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// What a server does beyond serving files.
#[derive(Clone, Default)]
pub struct Rules {
    /// Headers added to every answer.
    pub headers: Vec<(String, String)>,
    /// `Content-Security-Policy` sent with HTML pages.
    pub csp: Option<String>,
    /// `{{NAME}}` → value, filled into HTML pages.
    pub fill: HashMap<String, String>,
    /// Path prefix → folder (checked before the root).
    pub mounts: Vec<(String, PathBuf)>,
    /// Exact paths answered with 404, whatever exists.
    pub missing: Vec<String>,
    /// Exact paths whose body gets one byte flipped (integrity tests).
    pub tampered: Vec<String>,
    /// Serve the fault routes under `/fault/` (see [`fault`]).
    pub faults: bool,
    /// Paths under this prefix get none of `headers` (no CORS): a CORS failure.
    pub bare_prefix: Option<String>,
    /// A body served by the fault routes when they succeed.
    pub good_body: Vec<u8>,
    /// Path prefixes the browser may keep for an hour (everything else is
    /// `no-store`): a return visit, with its compiled code cached.
    pub cacheable: Vec<String>,
    /// Path prefixes answered only after this many milliseconds (a slow
    /// bundle, while the test acts on the page).
    pub delays: Vec<(String, u64)>,
    /// Text, JSON, JS and wasm answered gzip-compressed when the browser
    /// accepts it, as a production server would (the benchmark).
    pub gzip: bool,
    /// Paths held back while the test says so (a wasm that has not arrived).
    pub gate: Gate,
}

/// Paths whose answers wait until released: the test acts on the page
/// meanwhile, for as long as it needs, with no fixed delay.
#[derive(Clone, Default)]
pub struct Gate(Arc<(Mutex<Vec<String>>, Condvar)>);

impl Gate {
    /// Requests for exactly `path` wait from now on.
    pub fn hold(&self, path: &str) {
        if let Ok(mut held) = self.0 .0.lock() {
            held.push(path.to_string());
        }
    }

    /// Requests for `path` go ahead, the waiting ones too.
    pub fn release(&self, path: &str) {
        if let Ok(mut held) = self.0 .0.lock() {
            held.retain(|p| p != path);
        }
        self.0 .1.notify_all();
    }

    /// Waits while `path` is held (at most a minute: a test that failed
    /// while holding does not leave its threads behind for long).
    fn pass(&self, path: &str) {
        let Ok(held) = self.0 .0.lock() else {
            return;
        };
        let _ = self
            .0
             .1
            .wait_timeout_while(held, Duration::from_secs(60), |h| {
                h.iter().any(|p| p == path)
            });
    }
}

/// A running server; requests it saw are kept for assertions.
pub struct Server {
    pub origin: String,
    pub log: Arc<Mutex<Vec<(String, Instant)>>>,
    /// Status of each answer of the conditional routes (`/fault/etag/…`), by path.
    pub answers: Arc<Mutex<Vec<(String, u16)>>>,
}

impl Server {
    /// Starts serving `root` on a free port of 127.0.0.1.
    pub fn start(root: &Path, rules: Rules) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let origin = format!("http://{}", listener.local_addr().expect("addr"));
        let log = Arc::new(Mutex::new(Vec::new()));
        let answers = Arc::new(Mutex::new(Vec::new()));
        let (root, rules, log2, answers2) = (
            root.to_path_buf(),
            Arc::new(rules),
            log.clone(),
            answers.clone(),
        );
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (root, rules, log, answers) =
                    (root.clone(), rules.clone(), log2.clone(), answers2.clone());
                thread::spawn(move || {
                    let _ = handle(stream, &root, &rules, &log, &answers);
                });
            }
        });
        Server {
            origin,
            log,
            answers,
        }
    }

    /// The statuses the conditional route `path` answered with, in order.
    pub fn statuses(&self, path: &str) -> Vec<u16> {
        self.answers
            .lock()
            .map(|a| {
                a.iter()
                    .filter(|(p, _)| p == path)
                    .map(|(_, s)| *s)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// How many requests asked for a path ending in `suffix`.
    pub fn hits(&self, suffix: &str) -> usize {
        self.log
            .lock()
            .map(|l| l.iter().filter(|(p, _)| p.ends_with(suffix)).count())
            .unwrap_or(0)
    }

    /// When each request for exactly `path` arrived.
    pub fn times(&self, path: &str) -> Vec<Instant> {
        self.log
            .lock()
            .map(|l| {
                l.iter()
                    .filter(|(p, _)| p == path)
                    .map(|(_, t)| *t)
                    .collect()
            })
            .unwrap_or_default()
    }
}

fn mime(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json; charset=utf-8",
        Some("png") => "image/png",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

/// `root` + the URL path, refusing `..` and anything else that could leave it.
fn resolve(root: &Path, url_path: &str) -> Option<PathBuf> {
    let rel = Path::new(url_path.trim_start_matches('/'));
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    let p = root.join(rel);
    if p.is_dir() {
        Some(p.join("index.html"))
    } else {
        Some(p)
    }
}

fn handle(
    stream: TcpStream,
    root: &Path,
    rules: &Rules,
    log: &Mutex<Vec<(String, Instant)>>,
    answers: &Mutex<Vec<(String, u16)>>,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Read the request headers; only the validator and the encodings matter here.
    let mut if_none_match = None;
    let mut accepts_gzip = false;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("if-none-match") {
                if_none_match = Some(value.trim().to_string());
            }
            if name.trim().eq_ignore_ascii_case("accept-encoding") && value.contains("gzip") {
                accepts_gzip = true;
            }
        }
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("").to_string();
    let target = parts.next().unwrap_or("/").to_string();
    let path = target.split(['?', '#']).next().unwrap_or("/").to_string();
    let seen_before = log
        .lock()
        .map(|mut l| {
            let n = l.iter().filter(|(p, _)| *p == path).count();
            l.push((path.clone(), Instant::now()));
            n
        })
        .unwrap_or(0);
    if rules.faults {
        if let Some(rest) = path.strip_prefix("/fault/etag/") {
            let status = conditional(stream, rest, seen_before, if_none_match.as_deref())?;
            if let Ok(mut a) = answers.lock() {
                a.push((path.clone(), status));
            }
            return Ok(());
        }
        if let Some(rest) = path.strip_prefix("/fault/") {
            return fault(stream, rest, seen_before, rules);
        }
    }

    rules.gate.pass(&path);
    if let Some((_, ms)) = rules
        .delays
        .iter()
        .find(|(p, _)| path.starts_with(p.as_str()))
    {
        thread::sleep(Duration::from_millis(*ms));
    }
    let file = if rules.missing.contains(&path) {
        None
    } else {
        rules
            .mounts
            .iter()
            .find_map(|(prefix, dir)| path.strip_prefix(prefix.as_str()).map(|rest| (dir, rest)))
            .map_or_else(|| resolve(root, &path), |(dir, rest)| resolve(dir, rest))
    };
    let body = file
        .as_ref()
        .and_then(|f| std::fs::read(f).ok().map(|b| (f, b)));

    let mut out = stream;
    let (status, content_type, mut bytes) = match body {
        Some((f, b)) => ("200 OK", mime(f), b),
        None => (
            "404 Not Found",
            "text/plain; charset=utf-8",
            b"not found".to_vec(),
        ),
    };
    let is_html = content_type.starts_with("text/html");
    if is_html && !rules.fill.is_empty() {
        let mut text = String::from_utf8_lossy(&bytes).into_owned();
        for (k, v) in &rules.fill {
            text = text.replace(&format!("{{{{{k}}}}}"), v);
        }
        bytes = text.into_bytes();
    }
    if rules.tampered.contains(&path) {
        if let Some(b) = bytes.get_mut(100) {
            *b ^= 0xff;
        }
    }
    let caching = if rules.cacheable.iter().any(|p| path.starts_with(p.as_str())) {
        "max-age=3600"
    } else {
        "no-store"
    };
    let compressible = [
        "text/",
        "application/json",
        "application/feed+json",
        "application/javascript",
        "application/wasm",
        "application/xml",
    ]
    .iter()
    .any(|t| content_type.starts_with(t));
    let mut encoding = "";
    if rules.gzip && accepts_gzip && compressible && status.starts_with("200") {
        use std::io::Write as _;
        let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        if z.write_all(&bytes).is_ok() {
            if let Ok(packed) = z.finish() {
                bytes = packed;
                encoding = "Content-Encoding: gzip\r\nVary: Accept-Encoding\r\n";
            }
        }
    }
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\nCache-Control: {caching}\r\n{encoding}",
        bytes.len()
    );
    let bare = rules
        .bare_prefix
        .as_ref()
        .is_some_and(|p| path.starts_with(p.as_str()));
    for (k, v) in rules.headers.iter().filter(|_| !bare) {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if is_html {
        if let Some(csp) = &rules.csp {
            head.push_str(&format!("Content-Security-Policy: {csp}\r\n"));
        }
    }
    head.push_str("\r\n");
    out.write_all(head.as_bytes())?;
    if method != "HEAD" {
        out.write_all(&bytes)?;
    }
    out.flush()
}

/// A feed of `n` items (ids 1..=n, newest last added), for the refresh tests.
fn numbered_feed(n: u32) -> String {
    let items: Vec<String> = (1..=n)
        .rev()
        .map(|i| {
            format!(
                r#"{{"id":"e{i}","title":"第{i}期 区情通报","content_text":"通报正文 {i}","date_published":"2019-11-{i:02}T08:00:00+08:00"}}"#
            )
        })
        .collect();
    format!(
        r#"{{"version":"https://jsonfeed.org/version/1.1","title":"条件请求","items":[{}]}}"#,
        items.join(",")
    )
}

/// A feed with an `ETag`, answered with 304 when the browser already has
/// it (`If-None-Match`). `same`: never changes. `grow`: gains an item after
/// the first request. Returns the status sent.
fn conditional(
    mut out: TcpStream,
    route: &str,
    seen: usize,
    if_none_match: Option<&str>,
) -> std::io::Result<u16> {
    let version: u32 = match route {
        "grow" if seen >= 1 => 3,
        _ => 2,
    };
    let etag = format!("\"{route}-{version}\"");
    // Storable but always revalidated: what a CMS serving a feed should send.
    let common = format!(
        "ETag: {etag}\r\nCache-Control: no-cache\r\nContent-Type: application/feed+json; charset=utf-8\r\nConnection: close\r\n"
    );
    if if_none_match == Some(etag.as_str()) {
        out.write_all(format!("HTTP/1.1 304 Not Modified\r\n{common}\r\n").as_bytes())?;
        out.flush()?;
        return Ok(304);
    }
    let body = numbered_feed(version);
    out.write_all(
        format!(
            "HTTP/1.1 200 OK\r\n{common}Content-Length: {}\r\n\r\n{body}",
            body.len()
        )
        .as_bytes(),
    )?;
    out.flush()?;
    Ok(200)
}

/// Network faults on demand, for the fault tests. `seen` is how many times
/// this exact path was asked for before.
///
/// | route | answer |
/// |---|---|
/// | `status/CODE` | that status, a short text body |
/// | `flaky/N/…` | 503 for the first N requests, then the good body |
/// | `retry-after/SECS/…` | 503 with `Retry-After: SECS` once, then the good body |
/// | `stall` | nothing, ever (the connection stays open for 30 s) |
/// | `late/MS` | the good body after MS milliseconds |
/// | `redirect-loop` | 302 to itself |
/// | `truncated` | a `Content-Length` of 100,000 and 40 bytes, then closed |
/// | `html-200` | an HTML error page with status 200 |
///
/// `etag/same` and `etag/grow` are conditional feeds (see [`conditional`]).
fn fault(mut out: TcpStream, route: &str, seen: usize, rules: &Rules) -> std::io::Result<()> {
    let parts: Vec<&str> = route.split('/').collect();
    let cors = "Access-Control-Allow-Origin: *\r\n";
    let send = |out: &mut TcpStream, status: &str, extra: &str, ctype: &str, body: &[u8]| {
        let head = format!(
            "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nConnection: close\r\nCache-Control: no-store\r\n{cors}{extra}\r\n",
            body.len()
        );
        out.write_all(head.as_bytes())?;
        out.write_all(body)?;
        out.flush()
    };
    let json = "application/json; charset=utf-8";
    match parts.as_slice() {
        ["status", code, ..] => {
            let status = format!("{code} Fault");
            send(&mut out, &status, "", "text/plain", b"fault")
        }
        ["flaky", n, ..] if seen < n.parse().unwrap_or(0) => send(
            &mut out,
            "503 Service Unavailable",
            "",
            "text/plain",
            b"busy",
        ),
        ["retry-after", secs, ..] if seen == 0 => {
            let extra = format!("Retry-After: {secs}\r\n");
            send(
                &mut out,
                "503 Service Unavailable",
                &extra,
                "text/plain",
                b"busy",
            )
        }
        ["flaky", ..] | ["retry-after", ..] => send(&mut out, "200 OK", "", json, &rules.good_body),
        ["stall"] => {
            thread::sleep(Duration::from_secs(30));
            Ok(())
        }
        ["late", ms] => {
            thread::sleep(Duration::from_millis(ms.parse().unwrap_or(1000)));
            send(&mut out, "200 OK", "", json, &rules.good_body)
        }
        ["redirect-loop"] => send(
            &mut out,
            "302 Found",
            "Location: /fault/redirect-loop\r\n",
            "text/plain",
            b"",
        ),
        ["truncated"] => {
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {json}\r\nContent-Length: 100000\r\nConnection: close\r\n{cors}\r\n"
            );
            out.write_all(head.as_bytes())?;
            out.write_all(br#"{"version":"https://jsonfeed.org/version/1.1","#)?;
            out.flush()
        }
        ["html-200"] => send(
            &mut out,
            "200 OK",
            "",
            "text/html; charset=utf-8",
            b"<!DOCTYPE html><html><body><h1>Service Unavailable</h1></body></html>",
        ),
        _ => send(
            &mut out,
            "404 Not Found",
            "",
            "text/plain",
            b"no such fault",
        ),
    }
}
