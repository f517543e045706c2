//! The `refresh` attribute: the feed fetched again every N seconds.

use crate::app::state::{rounds::Ticks, FetchAction, State};
use gloo::events::EventListener;
use gloo::timers::callback::Interval;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}

/// Dispatches [`FetchAction::Refresh`] every `secs` seconds while the page is
/// visible; a tick missed in a background tab is made up when the reader
/// comes back ([`Ticks`]).
#[hook]
pub fn use_refresh(secs: Option<u32>, dispatcher: UseReducerDispatcher<State>) {
    use_effect_with(secs, move |&secs| {
        let timers = secs.map(|secs| {
            let ticks = Rc::new(RefCell::new(Ticks::default()));
            let interval = {
                let (d, ticks) = (dispatcher.clone(), ticks.clone());
                Interval::new(secs.saturating_mul(1000), move || {
                    if ticks.borrow_mut().tick(page_hidden()) {
                        d.dispatch(FetchAction::Refresh.into());
                    }
                })
            };
            let back = web_sys::window().and_then(|w| w.document()).map(|doc| {
                EventListener::new(&doc, "visibilitychange", move |_| {
                    if ticks.borrow_mut().visibility(page_hidden()) {
                        dispatcher.dispatch(FetchAction::Refresh.into());
                    }
                })
            });
            (interval, back)
        });
        move || drop(timers)
    });
}
