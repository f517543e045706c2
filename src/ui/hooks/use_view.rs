//! What the reader sees, derived from the state and memoized: the items in
//! scope, the tab and department orders, the search hits and the filtered
//! view.

use super::use_search_hits;
use crate::app::config::Config;
use crate::app::query::search::Query;
use crate::app::query::{compute, department_counts, ordered_counts, scope, View};
use crate::app::state::State;
use crate::model::feed::Bulletin;
use std::rc::Rc;
use yew::prelude::*;

/// The derived lists of one render.
#[derive(Clone)]
pub struct Derived {
    /// The items in scope (configured categories, `max-items`).
    pub items: Rc<[Rc<Bulletin>]>,
    /// The filter applied: visible rows and counts.
    pub view: Rc<View>,
    /// The search, for highlighting.
    pub query: Rc<Query>,
}

impl PartialEq for Derived {
    /// The same lists: each is shared, never copied, so identity is equality.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.items, &other.items)
            && Rc::ptr_eq(&self.view, &other.view)
            && Rc::ptr_eq(&self.query, &other.query)
    }
}

/// Derives the view from the state at clock `now`. Each list is computed
/// once per change of what it depends on, by pure memos; the search is
/// [`use_search_hits`]'s.
#[hook]
pub fn use_view(config: &Config, state: &State, now: i64) -> Derived {
    let feed = state.fetch.load.feed().cloned();
    let zone = feed
        .as_ref()
        .map_or(crate::model::dates::SHANGHAI_OFFSET_MIN, |f| {
            f.zone_offset_min
        });
    // Only `max-items` makes the scope depend on the clock (pinned items
    // count first while pinned). Pins only ever run out, so for one feed the
    // number still pinned names the scope: a new one only when a pin ends,
    // not at every tick of the clock.
    let pins_now = config.max_items.and(feed.as_ref()).map(|f| {
        f.items
            .iter()
            .filter(|b| b.is_pinned(now, f.zone_offset_min))
            .count()
    });
    let items: Rc<[Rc<Bulletin>]> = (*use_memo(
        (
            feed.clone(),
            config.categories.clone(),
            config.max_items,
            pins_now,
        ),
        move |(f, categories, max, _)| {
            f.as_ref()
                .map(|f| {
                    scope(
                        &f.items,
                        categories.as_deref(),
                        *max,
                        now,
                        f.zone_offset_min,
                    )
                })
                .unwrap_or_else(|| Rc::from(Vec::new()))
        },
    ))
    .clone();
    let tabs = use_memo(
        (items.clone(), config.categories.clone()),
        |(items, order)| ordered_counts(items, order.as_deref()),
    );
    let departments = use_memo(items.clone(), |items| department_counts(items));
    let hits = use_search_hits(&items, &state.reader.filter.query);
    let query = use_memo(state.reader.filter.query.clone(), |q| Query::parse(q));
    let view = use_memo(
        (
            items.clone(),
            hits,
            state.reader.filter.clone(),
            tabs,
            departments,
            now,
            zone,
        ),
        |(items, hits, filter, tabs, deps, now, zone)| {
            compute(items, hits, filter, tabs, deps, *now, *zone)
        },
    );
    Derived { items, view, query }
}
