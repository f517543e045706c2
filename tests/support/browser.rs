//! Headless Chromium over WebDriver (chromedriver + fantoccini), shared by
//! the end-to-end test and the benchmark.

#![allow(dead_code)]

use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// chromedriver, killed when the test ends however it ends.
pub struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

pub async fn start_browser() -> (Driver, Client) {
    start_browser_with(&[]).await
}

/// Like [`start_browser`], with extra Chromium flags.
pub async fn start_browser_with(extra: &[&str]) -> (Driver, Client) {
    let port = free_port();
    let binary = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
    let child = Command::new(&binary)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {binary}: {e}"));
    let driver = Driver(child);
    let caps = json!({
        "goog:chromeOptions": {
            "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic", "--window-size=1100,1400"
            ]
        }
    });
    let mut caps = caps.as_object().cloned().expect("object");
    if let Some(args) = caps["goog:chromeOptions"]["args"].as_array_mut() {
        args.extend(extra.iter().map(|a| json!(a)));
    }
    let url = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let mut builder =
            ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new());
        match builder.capabilities(caps.clone()).connect(&url).await {
            Ok(client) => return (driver, client),
            Err(e) if Instant::now() > deadline => panic!("WebDriver session failed: {e}"),
            Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    }
}

/// A Chrome DevTools Protocol command sent through chromedriver
/// (`POST /session/{id}/goog/cdp/execute`).
#[derive(Debug)]
struct Cdp {
    cmd: String,
    params: Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or("")
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.cmd, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// Runs DevTools command `cmd` with `params` (Chromium's own emulation:
/// `Network.emulateNetworkConditions`, `Emulation.setCPUThrottlingRate`,
/// `Emulation.setScriptExecutionDisabled` …).
pub async fn cdp(c: &Client, cmd: &str, params: Value) -> Value {
    c.issue_cmd(Cdp {
        cmd: cmd.to_string(),
        params,
    })
    .await
    .unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
}

/// Runs `script` (a function body; `arguments` are `args`) in the page.
pub async fn js(c: &Client, script: &str, args: Vec<Value>) -> Value {
    c.execute(script, args)
        .await
        .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
}

/// Polls `script` until it returns `true`, failing after 20 s with `what`.
pub async fn wait(c: &Client, what: &str, script: &str, args: Vec<Value>) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if js(c, script, args.clone()).await == Value::Bool(true) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let state = js(c, "return Array.from(document.querySelectorAll('district-bulletin, [data-district-bulletin]')).map(h => '#' + h.id + ': ' + (h.shadowRoot ? h.shadowRoot.textContent.slice(0, 160) : '(no shadow)')).join('\\n') + '\\n' + JSON.stringify(window.__e2e && {v: __e2e.violations, e: __e2e.errors});", vec![]).await;
    panic!("timed out waiting for {what}; page: {state}");
}

/// Opens `url` and waits until that document has loaded. A navigation can
/// return while the page is still being parsed (chromedriver does, now and
/// then, while a blocking script is pending): a test must not look at
/// half a page, nor re-enable script on one still loading.
pub async fn open(c: &Client, url: &str) {
    c.goto(url)
        .await
        .unwrap_or_else(|e| panic!("open {url}: {e}"));
    wait(
        c,
        &format!("{url} to load"),
        "return document.readyState === 'complete' && \
                location.href.split('#')[0] === arguments[0].split('#')[0];",
        vec![json!(url)],
    )
    .await;
}

/// axe-core over the whole page (WCAG 2.x A/AA): the violations, described.
pub async fn axe(c: &Client) -> Value {
    c.execute_async(
        r#"
        var done = arguments[arguments.length - 1];
        axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
          .then(function (r) {
            done(r.violations.map(function (v) {
              return v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(function (n) { return JSON.stringify(n.target) + ' ' + n.failureSummary; }).join(' | ');
            }));
          }, function (e) { done(['axe failed: ' + e]); });
        "#,
        vec![],
    )
    .await
    .expect("axe")
}
