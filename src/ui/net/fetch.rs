//! One feed request, and the retries around it: `fetch` with a timeout
//! (abort signal), a size cap announced by `Content-Length`, revalidation
//! (`cache: no-cache`), the body read as bytes (the parser, not the browser,
//! decides what the encoding is), and up to [`MAX_ATTEMPTS`] attempts with
//! backoff honouring `Retry-After`. Parsing, warnings and the last good copy
//! are [`super::load`]'s.
//!
//! Why `web_sys` and not gloo-net: gloo-net covers the abort signal, the
//! cache mode and reading bytes, but turns a rejection that is not an
//! `Error` object into a panic (`unreachable!` in gloo-utils' error
//! conversion). A host page that wraps `window.fetch` (monitoring scripts
//! do) can reject with anything, and a panic in the wasm stops every widget
//! on the page; here any rejection is a [`LoadError::Network`].

use crate::app::load::retry::{delay_ms, retry_after_ms, retryable, MAX_ATTEMPTS};
use crate::app::load::LoadError;
use crate::model::feed::{FeedError, MAX_FEED_BYTES};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use gloo::timers::future::TimeoutFuture;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, AbortSignal, RequestCache, RequestCredentials, RequestInit, Response,
};

/// The request options of every feed request, the loader's early ones
/// included (see `crate::native::contract`): `cache: "no-cache"` always asks the
/// server, so the browser revalidates its copy (a 304 when unchanged) and
/// never shows a cached copy as fresh news.
pub const REQUEST_CACHE: &str = "no-cache";

/// Cookies go with feed requests to the page's own origin only.
pub const REQUEST_CREDENTIALS: &str = "same-origin";

/// A body that arrived with a 2xx status.
pub struct Answer {
    pub body: Vec<u8>,
    /// The `Content-Type` it was served with.
    pub content_type: Option<String>,
}

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

/// The options of a feed request: [`REQUEST_CACHE`] (the browser adds
/// If-None-Match / If-Modified-Since itself, so an unchanged feed costs a 304
/// and no preflight), [`REQUEST_CREDENTIALS`], and the abort signal.
fn request_init(controller: Option<&AbortController>) -> RequestInit {
    let init = RequestInit::new();
    init.set_method("GET");
    if let Some(cache) = RequestCache::from_js_value(&JsValue::from_str(REQUEST_CACHE)) {
        init.set_cache(cache);
    }
    if let Some(credentials) =
        RequestCredentials::from_js_value(&JsValue::from_str(REQUEST_CREDENTIALS))
    {
        init.set_credentials(credentials);
    }
    if let Some(c) = controller {
        init.set_signal(Some(&c.signal()));
    }
    init
}

/// Starts the request for `url`: its promise, and its abort controller. A
/// request the loader started while the wasm was downloading (see `early`)
/// is used once, with its own abort controller; else a new one is made.
fn start(url: &str) -> Result<(js_sys::Promise, Option<AbortController>), LoadError> {
    let window = web_sys::window().ok_or_else(|| LoadError::Network("no window".into()))?;
    let early = crate::model::url::absolute_feed_url(url).and_then(|abs| super::early::take(&abs));
    Ok(match early {
        Some((pending, controller)) => (pending, Some(controller)),
        None => {
            let controller = AbortController::new().ok();
            let init = request_init(controller.as_ref());
            (window.fetch_with_str_and_init(url, &init), controller)
        }
    })
}

/// One request for `url`: the body, or a typed error (network, timeout, HTTP
/// status, too large). A response that arrives after the timeout is dropped:
/// the request is aborted. So it is when `stop` aborts (the widget that
/// asked is gone).
async fn fetch_once(
    url: &str,
    timeout_ms: u32,
    stop: Option<&AbortSignal>,
) -> Result<Answer, Failure> {
    let (pending, controller) = start(url)?;
    let _stopping = stop
        .zip(controller.clone())
        .map(|(stop, c)| stopped_by(stop, c));
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
    let fail = |e: JsValue| {
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
    Ok(Answer {
        body: js_sys::Uint8Array::new(&buffer).to_vec(),
        content_type,
    })
}

/// Aborts the request of `controller` when `stop` aborts (or now, if it
/// did); for as long as the listener returned is kept.
fn stopped_by(stop: &AbortSignal, controller: AbortController) -> EventListener {
    if stop.aborted() {
        controller.abort();
    }
    EventListener::new(stop, "abort", move |_| controller.abort())
}

/// Fetches `url`, retrying what may pass (network, timeouts, 429/5xx) with
/// backoff, at most [`MAX_ATTEMPTS`] times. When `stop` aborts, the request
/// running is aborted and no other is made.
pub async fn fetch_bytes(
    url: &str,
    timeout_ms: u32,
    stop: Option<&AbortSignal>,
) -> Result<Answer, LoadError> {
    let stopped = || stop.is_some_and(AbortSignal::aborted);
    let mut attempt = 1;
    loop {
        match fetch_once(url, timeout_ms, stop).await {
            Ok(answer) => return Ok(answer),
            Err(f) if attempt < MAX_ATTEMPTS && retryable(&f.error) && !stopped() => {
                let wait = delay_ms(attempt, f.retry_after_ms, js_sys::Math::random());
                TimeoutFuture::new(wait).await;
                if stopped() {
                    return Err(f.error);
                }
                attempt += 1;
            }
            Err(f) => return Err(f.error),
        }
    }
}

/// The browser's clock, in Unix seconds.
pub fn now_unix() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

/// A short developer-facing description of whatever a promise rejected with.
fn describe(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "fetch failed".into())
}
