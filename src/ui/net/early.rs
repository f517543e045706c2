//! Feed requests the loader started while the wasm was still downloading.
//!
//! Without this, the feed request would wait for the wasm to arrive, compile
//! and mount: on a slow mobile link that is a whole extra round trip before
//! the first row. The loader fetches the feeds of the widgets it starts in
//! parallel with the wasm and offers each response here; the widget's first
//! request for that URL takes it (once) instead of asking the network again.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;

/// The URL, the pending response, the controller that aborts it, when it
/// was offered, and whether its answer had arrived by then.
type Offer = (String, js_sys::Promise, web_sys::AbortController, f64, bool);

/// An offer older than this is not used: the widget asked much later (a
/// single-page app mounting on demand), and the news may have moved on.
const FRESH_MS: f64 = 30_000.0;

thread_local! {
    static OFFERS: RefCell<Vec<Offer>> = const { RefCell::new(Vec::new()) };
}

/// Called by the loader: `response` is the pending `fetch` of the absolute
/// feed URL `url`, made with the options the widget uses and the signal of
/// `abort` (the widget's timeout aborts it, as it would its own request);
/// `answered`: its response (the headers) is already in, and not an error.
#[wasm_bindgen(js_name = offerFeed)]
pub fn offer_feed(
    url: String,
    response: js_sys::Promise,
    abort: web_sys::AbortController,
    answered: bool,
) {
    let now = js_sys::Date::now();
    OFFERS.with(|o| {
        let mut o = o.borrow_mut();
        o.retain(|(u, _, _, at, _)| *u != url && now - at < FRESH_MS);
        o.push((url, response, abort, now, answered));
    });
}

/// Whether the loader offers a request for the absolute URL `url` whose
/// good answer was already in when offered.
pub fn answered(url: &str) -> bool {
    let now = js_sys::Date::now();
    OFFERS.with(|o| {
        o.borrow()
            .iter()
            .any(|(u, _, _, at, answered)| u == url && *answered && now - at < FRESH_MS)
    })
}

/// The loader's pending response for the absolute URL `url` and its abort
/// controller, if it offered one recently; each offer is taken once.
pub fn take(url: &str) -> Option<(js_sys::Promise, web_sys::AbortController)> {
    let now = js_sys::Date::now();
    OFFERS.with(|o| {
        let mut o = o.borrow_mut();
        let i = o.iter().position(|(u, _, _, _, _)| u == url)?;
        let (_, response, abort, at, _) = o.swap_remove(i);
        if now - at < FRESH_MS {
            Some((response, abort))
        } else {
            abort.abort(); // nobody will read it
            None
        }
    })
}
