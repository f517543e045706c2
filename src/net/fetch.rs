//! `fetch` with a timeout, a size cap, retries with backoff (honouring
//! `Retry-After`), and the last good copy kept. The body is read as bytes so
//! the parser (not the browser) decides what the encoding is.

use super::retry::{delay_ms, retry_after_ms, retryable, MAX_ATTEMPTS};
use super::{cache, warnings, LoadError};
use crate::feed::{parse_feed, Feed, FeedError, MAX_FEED_BYTES};
use gloo::timers::callback::Timeout;
use gloo::timers::future::TimeoutFuture;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestCache, RequestInit, Response};

/// A failed attempt, and how long the server asked us to wait.
struct Failure {
    error: LoadError,
    retry_after_ms: Option<u32>,
}

impl From<LoadError> for Failure {
    fn from(error: LoadError) -> Self {
        Failure {
            error,
            retry_after_ms: None,
        }
    }
}

fn now_unix() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

/// One request for `url`: the body, or a typed error (network, timeout, HTTP
/// status, too large). A response that arrives after the timeout is dropped:
/// the request is aborted.
async fn fetch_once(url: &str, timeout_ms: u32) -> Result<(Vec<u8>, Option<String>), Failure> {
    let window = web_sys::window().ok_or_else(|| LoadError::Network("no window".into()))?;
    // A request the loader started while the wasm was downloading (see
    // `early`) is used once, with its own abort controller; else a new one.
    let early = super::url::absolute_feed_url(url).and_then(|abs| super::early::take(&abs));
    let (pending, controller) = match early {
        Some((pending, controller)) => (pending, Some(controller)),
        None => {
            let init = RequestInit::new();
            init.set_method("GET");
            // Always ask the server: the browser revalidates its copy with
            // the validators it kept (If-None-Match / If-Modified-Since), so
            // an unchanged feed costs a 304 and no preflight, and a cached
            // copy is never shown as fresh news.
            init.set_cache(RequestCache::NoCache);
            let controller = AbortController::new().ok();
            if let Some(c) = &controller {
                init.set_signal(Some(&c.signal()));
            }
            (window.fetch_with_str_and_init(url, &init), controller)
        }
    };
    // When the timer fires, abort the request: the pending promise then
    // rejects, and the flag tells that rejection apart from a network error.
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let timed_out = timed_out.clone();
        Timeout::new(timeout_ms, move || {
            timed_out.set(true);
            if let Some(c) = controller {
                c.abort();
            }
        })
    };
    let seconds = timeout_ms.div_ceil(1000);
    let fail = |e: wasm_bindgen::JsValue| {
        if timed_out.get() {
            LoadError::Timeout { seconds }
        } else {
            LoadError::Network(describe(&e))
        }
    };

    let response: Response = JsFuture::from(pending)
        .await
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| LoadError::Network("not a Response".into()))?;
    if !response.ok() {
        let retry_after_ms = response
            .headers()
            .get("retry-after")
            .ok()
            .flatten()
            .and_then(|h| retry_after_ms(&h, now_unix()));
        return Err(Failure {
            error: LoadError::Http {
                status: response.status(),
            },
            retry_after_ms,
        });
    }
    let content_type = response.headers().get("content-type").ok().flatten();
    // Refuse a body announced as too large before downloading it.
    if let Ok(Some(len)) = response.headers().get("content-length") {
        if let Ok(bytes) = len.trim().parse::<usize>() {
            if bytes > MAX_FEED_BYTES {
                return Err(LoadError::Feed(FeedError::TooLarge {
                    bytes,
                    limit: MAX_FEED_BYTES,
                })
                .into());
            }
        }
    }
    let buffer = response.array_buffer().map_err(fail)?;
    let buffer = JsFuture::from(buffer).await.map_err(fail)?;
    drop(timer);
    Ok((js_sys::Uint8Array::new(&buffer).to_vec(), content_type))
}

/// Fetches `url`, retrying what may pass (network, timeouts, 429/5xx) with
/// backoff, at most [`MAX_ATTEMPTS`] times.
pub async fn fetch_bytes(
    url: &str,
    timeout_ms: u32,
) -> Result<(Vec<u8>, Option<String>), LoadError> {
    let mut attempt = 1;
    loop {
        match fetch_once(url, timeout_ms).await {
            Ok(answer) => return Ok(answer),
            Err(f) if attempt < MAX_ATTEMPTS && retryable(&f.error) => {
                let wait = delay_ms(attempt, f.retry_after_ms, js_sys::Math::random());
                TimeoutFuture::new(wait).await;
                attempt += 1;
            }
            Err(f) => return Err(f.error),
        }
    }
}

/// A feed fresh from the network (the last good copy, when read back).
pub struct Loaded {
    pub feed: Feed,
    /// When it was fetched (Unix seconds).
    pub at: i64,
}

/// What one round of fetching brought: the widget's feeds, or the older
/// pages after 加载更多.
pub struct Batch {
    /// The feeds merged; `None` when every body was the same as the round
    /// whose [`Batch::digest`] was passed in (a 304 or an unchanged file).
    pub feed: Option<Feed>,
    /// When it was fetched (Unix seconds).
    pub at: i64,
    /// Sources that failed while others loaded, with why.
    pub failed: Vec<(String, LoadError)>,
    /// The absolute URLs fetched.
    pub fetched: Vec<String>,
    /// Their next-page links (`next_url`, `rel="next"`), absolute.
    pub next: Vec<String>,
    /// A fingerprint of the bodies, to pass back next time.
    pub digest: u64,
}

/// What a round is for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Round {
    /// The widget's feeds: kept as the last good copy and checked for the
    /// webmaster warnings (stale feed, MIME type).
    First,
    /// Older pages: neither kept nor checked for staleness (old is their point).
    /// `label`: the widget shows several feeds, so items name their source.
    Older { label: bool },
}

/// A 64-bit fingerprint, enough to tell "the same bytes as last time" (the
/// name hash, eight bytes a step: a 17 MB feed is hashed on the way to its
/// first row).
fn digest(bodies: &[Option<&[u8]>]) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = crate::names::Seeded::fixed().build_hasher();
    for body in bodies {
        match body {
            Some(bytes) => {
                h.write_usize(bytes.len());
                h.write(bytes);
            }
            None => h.write_u8(0xff),
        }
    }
    h.finish()
}

/// Fetches `urls` in parallel (each request abandoned after `timeout_ms`,
/// retried with backoff), parses and merges them. A failing source does not
/// hide the others: its error comes back in [`Batch::failed`]; the round
/// fails only when every source fails. When `known` is the digest of the
/// previous round and nothing changed, nothing is parsed.
pub async fn load_feeds(
    urls: &[String],
    timeout_ms: u32,
    known: Option<u64>,
    round: Round,
) -> Result<Batch, LoadError> {
    if urls.is_empty() {
        return Err(LoadError::NoFeedUrl);
    }
    let answers = futures::future::join_all(urls.iter().map(|u| async move {
        if u.trim().is_empty() {
            return Err(LoadError::NoFeedUrl);
        }
        fetch_bytes(u, timeout_ms)
            .await
            .inspect_err(|e| warn_failure(u, e))
    }))
    .await;
    let at = now_unix();
    let digest = digest(
        &answers
            .iter()
            .map(|a| a.as_ref().ok().map(|(b, _)| b.as_slice()))
            .collect::<Vec<_>>(),
    );
    let fetched: Vec<String> = urls
        .iter()
        .map(|u| super::url::absolute_feed_url(u).unwrap_or_else(|| u.clone()))
        .collect();
    if known == Some(digest) && answers.iter().all(Result::is_ok) {
        return Ok(Batch {
            feed: None,
            at,
            failed: Vec::new(),
            fetched,
            next: Vec::new(),
            digest,
        });
    }
    let mut feeds = Vec::new();
    let mut failed = Vec::new();
    let mut next = Vec::new();
    for ((url, abs), answer) in urls.iter().zip(&fetched).zip(answers) {
        let parsed = answer.and_then(|(bytes, content_type)| {
            let feed = parse_body(&bytes)
                .map_err(LoadError::Feed)
                .inspect_err(|e| warn_failure(url, e))?;
            if round == Round::First {
                for w in warnings::after_load(url, &feed, content_type.as_deref(), at) {
                    warn(&w);
                }
                // (Kept as text; an RSS feed in GB2312 is kept only when it
                // is UTF-8.) Writing localStorage is synchronous and costs
                // milliseconds per 100 kB: it waits until the rows are painted.
                if let (Some(key), Ok(text)) = (cache_key(url), String::from_utf8(bytes)) {
                    crate::schedule::after_paint(move || cache::save(&key, &text, at)).detach();
                }
            }
            Ok(feed)
        });
        match parsed {
            Ok(mut feed) => {
                if let Some(n) = feed
                    .next_url
                    .as_deref()
                    .and_then(|n| super::url::resolve_http(n, abs))
                {
                    next.push(n);
                }
                if round == (Round::Older { label: true }) {
                    feed = crate::feed::labelled(feed);
                }
                feeds.push(feed);
            }
            Err(e) => failed.push((url.clone(), e)),
        }
    }
    let first_error = failed.first().map(|(_, e)| e.clone());
    match crate::feed::merge(feeds) {
        Some(feed) => Ok(Batch {
            feed: Some(feed),
            at,
            failed,
            fetched,
            next,
            digest,
        }),
        None => Err(first_error.unwrap_or(LoadError::NoFeedUrl)),
    }
}

/// The last good copy of `url`'s feed, if one was kept and still parses.
pub fn cached_feed(url: &str) -> Option<Loaded> {
    if url.split_whitespace().nth(1).is_some() {
        return None; // several feeds: each is kept, the merge is not
    }
    let (body, at) = cache::load(&cache_key(url)?)?;
    let feed = parse_body(body.as_bytes()).ok()?;
    Some(Loaded { feed, at })
}

/// A warning for the webmaster, in the console (never shown to readers).
pub fn warn(message: &str) {
    web_sys::console::warn_1(&format!("[district-bulletin] {message}").into());
}

/// Tells the webmaster (in the console) what a failure probably means.
fn warn_failure(url: &str, e: &LoadError) {
    match e {
        LoadError::Network(_) => {
            let origin = |u: &str| web_sys::Url::new(u).map(|u| u.origin()).unwrap_or_default();
            let abs = super::url::absolute_feed_url(url).unwrap_or_default();
            let page = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
            if let Some(hint) = warnings::network_hint(url, &origin(&abs), &page) {
                warn(&hint);
            }
        }
        LoadError::Feed(FeedError::TooLarge { bytes, limit }) => warn(&format!(
            "{url}: the feed is {bytes} bytes, over the widget's cap of {limit}; publish fewer items per feed (next_url paging)."
        )),
        _ => warn(&format!("{url}: {e}")),
    }
}

/// JSON Feed, else RSS/Atom (detected from the bytes, whatever the Content-Type says).
fn parse_body(bytes: &[u8]) -> Result<Feed, FeedError> {
    match parse_feed(bytes) {
        Err(FeedError::XmlFeed) => {
            crate::feed::xml::parse_xml_feed(&crate::feed::xml::xml_text(bytes)?)
        }
        other => other,
    }
}

/// Copies are kept per absolute feed URL (not for `blob:`/`data:` URLs).
fn cache_key(url: &str) -> Option<String> {
    let abs = super::url::absolute_feed_url(url)?;
    (abs.starts_with("http:") || abs.starts_with("https:")).then_some(abs)
}

/// A short developer-facing description of a JS error value.
fn describe(e: &wasm_bindgen::JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "fetch failed".into())
}
