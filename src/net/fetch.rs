//! `fetch` with a timeout and a size cap, reading the body as bytes so the
//! parser (not the browser) decides what the encoding is.

use super::{LoadError, FETCH_TIMEOUT_MS};
use crate::feed::{parse_feed, Feed, FeedError, MAX_FEED_BYTES};
use gloo::timers::callback::Timeout;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestInit, Response};

/// Fetches `url` (resolved by the browser against the page) and returns the
/// body, or a typed error: network, timeout, HTTP status, or too large.
pub async fn fetch_bytes(url: &str, timeout_ms: u32) -> Result<Vec<u8>, LoadError> {
    let window = web_sys::window().ok_or_else(|| LoadError::Network("no window".into()))?;
    let init = RequestInit::new();
    init.set_method("GET");
    let controller = AbortController::new().ok();
    if let Some(c) = &controller {
        init.set_signal(Some(&c.signal()));
    }
    // When the timer fires, abort the request: the pending promise then
    // rejects, and the flag tells that rejection apart from a network error.
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let timed_out = timed_out.clone();
        let controller = controller.clone();
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

    let response: Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| LoadError::Network("not a Response".into()))?;
    if !response.ok() {
        return Err(LoadError::Http {
            status: response.status(),
        });
    }
    // Refuse a body announced as too large before downloading it.
    if let Ok(Some(len)) = response.headers().get("content-length") {
        if let Ok(bytes) = len.trim().parse::<usize>() {
            if bytes > MAX_FEED_BYTES {
                return Err(FeedError::TooLarge {
                    bytes,
                    limit: MAX_FEED_BYTES,
                }
                .into());
            }
        }
    }
    let buffer = response.array_buffer().map_err(fail)?;
    let buffer = JsFuture::from(buffer).await.map_err(fail)?;
    drop(timer);
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Fetches and parses a feed.
pub async fn load_feed(url: &str) -> Result<Feed, LoadError> {
    if url.trim().is_empty() {
        return Err(LoadError::NoFeedUrl);
    }
    let bytes = fetch_bytes(url, FETCH_TIMEOUT_MS).await?;
    Ok(parse_feed(&bytes)?)
}

/// A short developer-facing description of a JS error value.
fn describe(e: &wasm_bindgen::JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "fetch failed".into())
}
