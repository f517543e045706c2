//! The first screen kept for the next page view: once the widget has drawn
//! its list as it starts (no filter, no article, the first page, nothing
//! new), and the last good copy of its feed is kept, the loader keeps the
//! markup it drew under the instance's key (`keepScreen` in
//! loader/district-bulletin.js); on the next page view the loader paints it
//! at once, and the widget takes it over (`crate::ui::entry`).

use crate::app::config::Config;
use crate::app::fragment::{Screen, SCREEN_HOOK};
use crate::app::query::Filter;
use crate::app::state::{Load, State};
use crate::app::urlstate::ViewState;
use crate::ui::browser::schedule::after_paint;
use crate::ui::net::cache;
use js_sys::{Function, Reflect};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;
use yew::prelude::*;

/// Whether `state` shows the screen a widget configured by `config` starts
/// on, drawn from one feed whose bodies' digest is known: the screen the
/// takeover of a kept copy draws again.
pub fn is_first_screen(config: &Config, state: &State) -> bool {
    let start = ViewState {
        filter: Filter {
            category: config.category.as_deref().map(Rc::from),
            ..Filter::default()
        },
        open: None,
    };
    matches!(state.fetch.load, Load::Loaded(_))
        && config.feeds.len() == 1
        && state.fetch.data_at.is_some()
        && state.fetch.digest.is_some_and(|d| d != 0)
        && !state.fetch.refreshing
        && state.fetch.new_items == 0
        && state.fetch.source_errors.is_empty()
        && state.reader.pages == 1
        && state.reader.extra_rows == 0
        && state.paging.extra.is_empty()
        && !state.prefs.filters_open
        && state.view_state() == start
}

/// Keeps the first screen once it is painted, each time it is drawn anew
/// (new data, another look), at the clock `now` it was drawn at. The same
/// screen drawn again (a search typed, then cleared) is kept already: the
/// loader is not asked again, which would cost the keystroke that clears
/// the search a read of the feed's copy and a write of the screen.
#[hook]
pub fn use_first_screen(config: &Rc<Config>, state: &State, section: &NodeRef, now: i64) {
    let first = is_first_screen(config, state);
    let deps = (
        first.then_some((state.fetch.data_at, state.fetch.digest)),
        state.prefs.elder,
        state.prefs.text_size,
        config.clone(),
    );
    let section = section.clone();
    // What the screen last kept was drawn from and with.
    let kept = use_mut_ref(|| None);
    use_effect_with(deps, move |deps| {
        let (shown, _, _, config) = deps;
        let again = kept.borrow().as_ref() == Some(deps);
        let deps = deps.clone();
        let pending = shown.filter(|_| !again).and_then(|(at, digest)| {
            let screen = Screen {
                at: at?,
                now,
                digest: digest?,
            };
            let feeds = config.feeds.clone();
            // (After the copy itself is kept, which waits for the same paint.)
            Some(after_paint(move || {
                let container = section.cast::<Element>().and_then(|s| s.parent_element());
                if let Some(container) = container.filter(|_| cache::holds(&feeds, screen.digest)) {
                    tell_loader(&container, Some(screen));
                    *kept.borrow_mut() = Some(deps);
                }
            }))
        });
        move || drop(pending)
    });
}

/// Asks the loader to keep the first screen drawn in `container` as
/// `screen` says, or (`None`) to forget the one it kept: the loader knows
/// the instance's key and builds the screen back from what it keeps.
pub fn tell_loader(container: &Element, screen: Option<Screen>) {
    let line = screen.map_or(JsValue::NULL, |s| s.line().into());
    if let Some(keep) = Reflect::get(container, &SCREEN_HOOK.into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    {
        let _ = keep.call1(container, &line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::load::Batch;

    fn loaded(config: &Config) -> State {
        let feed = crate::model::feed::parse_feed(
            br#"{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{"id":"a","title":"t"}]}"#,
        )
        .expect("feed");
        State::initial(
            config,
            ViewState::default(),
            Default::default(),
            Some(crate::app::state::Head::Answer(Ok(Batch {
                feed: Some(feed),
                at: 1000,
                failed: Vec::new(),
                fetched: Vec::new(),
                next: Vec::new(),
                digest: 7,
            }))),
        )
    }

    #[test]
    fn only_the_starting_screen_of_one_feed_is_kept() {
        let config = Config::for_feeds(&["https://example.org/feed.json"]);
        let s = loaded(&config);
        assert!(is_first_screen(&config, &s));
        let mut filtered = s.clone();
        filtered.reader.filter.query = "工地".into();
        assert!(!is_first_screen(&config, &filtered), "a filtered list");
        let mut more = s.clone();
        more.reader.pages = 2;
        assert!(!is_first_screen(&config, &more), "a second page");
        let mut news = s.clone();
        news.fetch.new_items = 1;
        assert!(!is_first_screen(&config, &news), "the new-items notice");
        let mut unknown = s.clone();
        unknown.fetch.digest = Some(0);
        assert!(!is_first_screen(&config, &unknown), "a fragment's data");
        let two = Config::for_feeds(&["https://a.org/1.json", "https://a.org/2.json"]);
        assert!(!is_first_screen(&two, &loaded(&two)), "several feeds");
        let before = State::initial(&config, ViewState::default(), Default::default(), None);
        assert!(!is_first_screen(&config, &before), "still loading");
    }
}
