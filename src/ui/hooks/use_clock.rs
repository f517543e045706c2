//! "Now", for the dates of the rows (今天, 3天前, this year) and the 近7天
//! filter: it ticks once a minute and whenever an answer arrives.

use crate::app::state::rounds::ms_to_next_minute;
use gloo::timers::callback::{Interval, Timeout};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The browser's clock, in Unix seconds.
pub fn browser_now() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

/// Unix seconds, starting at `start` (the clock the entry point read, or the
/// render time of a pre-rendered page), then moving on each minute boundary
/// and when `data_at` changes (each answer, each refresh): a widget left
/// open over midnight does not keep saying 今天 for yesterday.
#[hook]
pub fn use_clock(start: i64, data_at: Option<i64>) -> i64 {
    let now = use_state_eq(|| start);
    {
        let now = now.clone();
        use_effect_with((), move |_| {
            // First to the next minute boundary, then every minute.
            let every: Rc<RefCell<Option<Interval>>> = Rc::default();
            let first = {
                let every = every.clone();
                Timeout::new(ms_to_next_minute(js_sys::Date::now()), move || {
                    now.set(browser_now());
                    *every.borrow_mut() =
                        Some(Interval::new(60_000, move || now.set(browser_now())));
                })
            };
            move || {
                drop(first);
                drop(every.take());
            }
        });
    }
    {
        let now = now.clone();
        // The first answer a widget mounted with is not news: only later ones tick.
        let mounted_with = use_mut_ref(|| data_at);
        use_effect_with(data_at, move |at| {
            if *at != *mounted_with.borrow() {
                *mounted_with.borrow_mut() = *at;
                now.set(browser_now());
            }
        });
    }
    *now
}
