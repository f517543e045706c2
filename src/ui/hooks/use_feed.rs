//! The widget's feeds: the attributes followed, and a round of fetching
//! whenever the state asks for one (the first request, 重试, a refresh, a
//! new `feed` attribute).

use crate::app::config::Config;
use crate::app::load::Purpose;
use crate::app::state::{rounds, Action, FetchAction, State};
use crate::ui::net::{cache, load::load_feeds};
use std::cell::Cell;
use std::rc::Rc;
use web_sys::AbortController;
use yew::prelude::*;

/// Follows the `feed` and `category` attributes, and fetches the round the
/// state asks for ([`rounds::due`]). A round that was overtaken (a newer
/// request, an unmounted widget) is aborted, and its answer never reaches
/// the state.
#[hook]
pub fn use_feed(config: &Config, state: &UseReducerHandle<State>) {
    // The webmaster changed the attributes: follow them (the reducer ignores
    // values it already has).
    {
        let d = state.dispatcher();
        let category = config.category.clone();
        use_effect_with(config.feeds.clone(), move |feeds| {
            d.dispatch(Action::Feeds {
                feeds: Rc::from(feeds.clone()),
                category: category.as_deref().map(Rc::from),
            });
        });
    }
    {
        let d = state.dispatcher();
        use_effect_with(config.category.clone(), move |c| {
            d.dispatch(Action::CategoryAttribute(c.as_deref().map(Rc::from)));
        });
    }
    let d = state.dispatcher();
    let due = rounds::due(state);
    let timeout_ms = config.timeout_ms();
    let stale_days = config.column.days();
    use_effect_with(
        (state.fetch.feeds.clone(), state.fetch.request),
        move |(feeds, _)| {
            // Unmounted or overtaken: the round's requests are aborted, and
            // whatever comes back is not dispatched.
            let stop = AbortController::new().ok();
            let alive = Rc::new(Cell::new(true));
            if let Some(round) = due {
                // The last good copy shows at once while nothing else is
                // shown; the network then replaces it, or the reader keeps
                // it with its age.
                if round.show_kept {
                    if let Some((feed, at)) = cache::kept_feed(feeds) {
                        d.dispatch(
                            FetchAction::Cached {
                                request: round.request,
                                feed: Rc::new(feed),
                                at,
                            }
                            .into(),
                        );
                    }
                }
                let (feeds, alive) = (feeds.clone(), alive.clone());
                let signal = stop.as_ref().map(AbortController::signal);
                wasm_bindgen_futures::spawn_local(async move {
                    let answer = load_feeds(
                        &feeds,
                        timeout_ms,
                        round.since,
                        Purpose::First { stale_days },
                        signal.as_ref(),
                    )
                    .await;
                    if alive.get() {
                        d.dispatch(Action::answer(round.request, answer));
                    }
                });
            }
            move || {
                alive.set(false);
                if let Some(stop) = stop {
                    stop.abort();
                }
            }
        },
    );
}
