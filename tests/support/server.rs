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
use std::sync::{Arc, Mutex};
use std::thread;

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
}

/// A running server; requests it saw are kept for assertions.
pub struct Server {
    pub origin: String,
    pub log: Arc<Mutex<Vec<String>>>,
}

impl Server {
    /// Starts serving `root` on a free port of 127.0.0.1.
    pub fn start(root: &Path, rules: Rules) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let origin = format!("http://{}", listener.local_addr().expect("addr"));
        let log = Arc::new(Mutex::new(Vec::new()));
        let (root, rules, log2) = (root.to_path_buf(), Arc::new(rules), log.clone());
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (root, rules, log) = (root.clone(), rules.clone(), log2.clone());
                thread::spawn(move || {
                    let _ = handle(stream, &root, &rules, &log);
                });
            }
        });
        Server { origin, log }
    }

    /// How many requests asked for a path ending in `suffix`.
    pub fn hits(&self, suffix: &str) -> usize {
        self.log
            .lock()
            .map(|l| l.iter().filter(|p| p.ends_with(suffix)).count())
            .unwrap_or(0)
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
    log: &Mutex<Vec<String>>,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Drain the request headers.
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("").to_string();
    let target = parts.next().unwrap_or("/").to_string();
    let path = target.split(['?', '#']).next().unwrap_or("/").to_string();
    if let Ok(mut l) = log.lock() {
        l.push(path.clone());
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
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\nCache-Control: no-store\r\n",
        bytes.len()
    );
    for (k, v) in &rules.headers {
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
