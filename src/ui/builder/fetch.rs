//! A feed requested as the widget requests it (the same `fetch` options),
//! and what the request met: the answer as a [`Source`], or why there is
//! none, and whether this page's origin may read it.

use crate::app::check::{Cors, Http, Source, SourceError};
use crate::model::feed::MAX_FEED_BYTES;
use crate::ui::net::fetch::{REQUEST_CACHE, REQUEST_CREDENTIALS};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestCache, RequestCredentials, RequestInit, RequestMode, Response, ResponseType};

/// What one request met.
pub struct Fetched {
    pub source: Result<Source, SourceError>,
    /// `None` when nothing answered at all.
    pub cors: Option<Cors>,
}

fn init(mode: RequestMode) -> RequestInit {
    let init = RequestInit::new();
    init.set_method("GET");
    init.set_mode(mode);
    if let Some(c) = RequestCache::from_js_value(&JsValue::from_str(REQUEST_CACHE)) {
        init.set_cache(c);
    }
    if let Some(c) = RequestCredentials::from_js_value(&JsValue::from_str(REQUEST_CREDENTIALS)) {
        init.set_credentials(c);
    }
    init
}

fn describe(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "fetch failed".into())
}

async fn request(url: &str, mode: RequestMode) -> Result<Response, String> {
    let window = web_sys::window().ok_or("no window")?;
    let answer = JsFuture::from(window.fetch_with_str_and_init(url, &init(mode)))
        .await
        .map_err(|e| describe(&e))?;
    answer.dyn_into().map_err(|_| "not a Response".to_string())
}

/// Fetches `url` (absolute). A request the browser refuses is asked again
/// without CORS: when that one gets an (opaque) answer, the server is up
/// and only CORS stands between it and the page.
pub async fn fetch(url: &str) -> Fetched {
    let network = |reason: String| SourceError::Network {
        url: url.to_string(),
        reason,
    };
    let response = match request(url, RequestMode::Cors).await {
        Ok(r) => r,
        Err(reason) => {
            let reachable = request(url, RequestMode::NoCors).await.is_ok();
            return Fetched {
                source: Err(network(if reachable {
                    format!("CORS: the feed's server does not let this page read it ({reason})")
                } else {
                    reason
                })),
                cors: reachable.then_some(Cors::Denied),
            };
        }
    };
    let cors = match response.type_() {
        ResponseType::Basic => Cors::SameOrigin,
        _ => Cors::Allowed,
    };
    let mut headers = Vec::new();
    for name in [
        "content-type",
        "content-length",
        "content-encoding",
        "etag",
        "last-modified",
        "access-control-allow-origin",
    ] {
        if let Ok(Some(v)) = response.headers().get(name) {
            headers.push((name.to_string(), v));
        }
    }
    let http = Http {
        requested: url.to_string(),
        final_url: response.url(),
        status: response.status(),
        headers,
    };
    let body = match response.array_buffer() {
        Ok(p) => JsFuture::from(p).await.map_err(|e| describe(&e)),
        Err(e) => Err(describe(&e)),
    };
    let source = body.map_err(network).map(|buffer| {
        let mut bytes = js_sys::Uint8Array::new(&buffer).to_vec();
        bytes.truncate(MAX_FEED_BYTES + 1);
        Source {
            name: url.to_string(),
            bytes,
            http: Some(http),
        }
    });
    Fetched {
        source,
        cors: Some(cors),
    }
}
