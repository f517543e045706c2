//! The widget: fetches its feed, holds the state, lays out the parts.

use super::{ArticleView, BulletinList, CategoryTabs, Status, StatusKind};
use crate::messages::{load_error, ZH_CN as M};
use crate::net::{load_feed, url::absolute_feed_url};
use crate::query::{category_counts, visible};
use crate::state::{Action, Load, State};
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// URL of the JSON Feed, absolute or relative to the page.
    pub feed: AttrValue,
}

/// One widget instance. Everything it shows derives from its [`State`].
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = use_reducer(State::default);

    // Fetch whenever the URL or the request number changes. A new URL first
    // resets the state (which bumps the request number and fetches again).
    let last_url = use_mut_ref(|| None::<AttrValue>);
    {
        let dispatcher = state.dispatcher();
        use_effect_with(
            (props.feed.clone(), state.request),
            move |(url, request)| {
                let changed = matches!(&*last_url.borrow(), Some(old) if old != url);
                *last_url.borrow_mut() = Some(url.clone());
                let alive = Rc::new(Cell::new(true));
                if changed {
                    dispatcher.dispatch(Action::Reset);
                } else {
                    let (url, request, alive) = (url.to_string(), *request, alive.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        let result = load_feed(&url).await;
                        // An unmounted widget, or a request overtaken by a
                        // newer one, must not touch the state.
                        if !alive.get() {
                            return;
                        }
                        dispatcher.dispatch(match result {
                            Ok(feed) => Action::Loaded {
                                request,
                                feed: Rc::new(feed),
                            },
                            Err(error) => Action::Failed { request, error },
                        });
                    });
                }
                move || alive.set(false)
            },
        );
    }

    let feed = state.load.feed().cloned();
    let counts = use_memo(feed.clone(), |f| {
        f.as_ref()
            .map(|f| category_counts(&f.items))
            .unwrap_or_default()
    });
    let shown = use_memo((feed.clone(), state.filter.clone()), |(f, filter)| {
        f.as_ref()
            .map(|f| visible(&f.items, filter))
            .unwrap_or_default()
    });
    let base = use_memo(props.feed.clone(), |f| {
        AttrValue::from(absolute_feed_url(f).unwrap_or_default())
    });
    let now = use_state(|| (js_sys::Date::now() / 1000.0) as i64);

    let on_retry = {
        let d = state.dispatcher();
        Callback::from(move |()| d.dispatch(Action::Reload))
    };
    let on_select = {
        let d = state.dispatcher();
        Callback::from(move |c| d.dispatch(Action::SelectCategory(c)))
    };
    let on_open = {
        let d = state.dispatcher();
        Callback::from(move |k| d.dispatch(Action::Open(k)))
    };
    let on_close = {
        let d = state.dispatcher();
        Callback::from(move |()| d.dispatch(Action::Close))
    };

    let title = feed
        .as_ref()
        .map(|f| f.title.clone())
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| M.untitled_feed.to_string());

    let body = match (&state.load, &feed) {
        (Load::Failed { error, .. }, None) => html! {
            <Status kind={StatusKind::Error(load_error(error))} on_retry={on_retry.clone()} />
        },
        (_, None) => html! { <Status kind={StatusKind::Loading} /> },
        (_, Some(f)) => {
            let stale = match &state.load {
                Load::Failed { error, .. } => html! {
                    <Status kind={StatusKind::StaleNotice(load_error(error))} on_retry={on_retry.clone()} />
                },
                _ => html! {},
            };
            let open = state
                .open
                .as_ref()
                .and_then(|k| f.items.iter().find(|b| b.key == *k));
            let main = if f.items.is_empty() {
                html! { <Status kind={StatusKind::Empty(M.empty)} /> }
            } else if let Some(item) = open {
                html! {
                    <ArticleView item={item.clone()} zone={f.zone_offset_min} base={(*base).clone()} {on_close} />
                }
            } else {
                html! {
                    <>
                        <CategoryTabs
                            counts={counts.clone()}
                            total={f.items.len()}
                            active={state.filter.category.clone()}
                            {on_select}
                        />
                        if shown.is_empty() {
                            <Status kind={StatusKind::Empty(M.empty_category)} />
                        } else {
                            <BulletinList
                                items={f.items.clone()}
                                visible={shown.clone()}
                                zone={f.zone_offset_min}
                                now={*now}
                                {on_open}
                            />
                        }
                    </>
                }
            };
            html! { <>{ stale }{ main }</> }
        }
    };

    let busy = matches!(state.load, Load::Loading { .. });
    html! {
        <section class="db" lang={M.lang} aria-busy={if busy { "true" } else { "false" }}>
            <header class="db-header">
                <h2 class="db-title">{ title }</h2>
            </header>
            { body }
        </section>
    }
}
