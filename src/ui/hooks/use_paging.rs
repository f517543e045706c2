//! 加载更多 past the end of the feed: the next page(s) fetched.

use crate::app::config::Config;
use crate::app::load::Purpose;
use crate::app::state::{Action, State};
use crate::ui::net::load::{load_feeds, warn};
use std::cell::Cell;
use std::rc::Rc;
use web_sys::AbortController;
use yew::prelude::*;

/// Fetches the next pages whenever the state starts a page request
/// ([`PageAction::Fetch`](crate::app::state::PageAction::Fetch)); a loop back to a page already loaded is told to
/// the webmaster in the console.
#[hook]
pub fn use_paging(config: &Config, state: &UseReducerHandle<State>) {
    let d = state.dispatcher();
    let (next, seen) = (state.paging.next.clone(), state.paging.seen.clone());
    let timeout_ms = config.timeout_ms();
    let label = config.merges();
    use_effect_with(state.paging.request, move |&request| {
        // (Request 0 is "none yet".) Unmounted: the requests are aborted.
        let stop = (request != 0)
            .then(AbortController::new)
            .and_then(Result::ok);
        let alive = Rc::new(Cell::new(stop.is_some()));
        if let Some(signal) = stop.as_ref().map(AbortController::signal) {
            let alive = alive.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let purpose = Purpose::Older { label };
                let answer = load_feeds(&next, timeout_ms, None, purpose, Some(&signal)).await;
                if !alive.get() {
                    return;
                }
                let (action, loops) = Action::page_answer(request, &seen, answer);
                for l in loops {
                    warn(&format!(
                        "{l}: this next-page link points back to a page already loaded; paging stops here."
                    ));
                }
                d.dispatch(action);
            });
        }
        move || {
            alive.set(false);
            if let Some(stop) = stop {
                stop.abort();
            }
        }
    });
}
