//! The widget: fetches its feed, holds the state, lays out the parts.

use super::{ArticleView, BulletinList, CategoryTabs, Status, StatusKind};
use crate::config::{Config, Theme};
use crate::feed::Bulletin;
use crate::messages::{load_error, Lang};
use crate::net::{load_feed, url::absolute_feed_url};
use crate::query::{ordered_counts, scope, visible};
use crate::state::{Action, Load, State};
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The webmaster's settings (from the host element's attributes).
    pub config: Rc<Config>,
    /// The page's language (`lang` of the host or its ancestors), the last
    /// fallback before zh-CN.
    #[prop_or_default]
    pub page_lang: Option<Lang>,
}

impl AppProps {
    /// Props for a widget on `feed` with every other setting at its default.
    pub fn with_feed(feed: &str) -> AppProps {
        AppProps {
            config: Rc::new(Config {
                feed: feed.to_string(),
                ..Config::from_attributes(|_| None)
            }),
            page_lang: None,
        }
    }
}

/// One widget instance. Everything it shows derives from its [`State`].
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let config = &props.config;
    let state = use_reducer(|| State::with_category(config.category.as_deref()));

    // Fetch whenever the URL or the request number changes. A new URL first
    // resets the state (which bumps the request number and fetches again).
    let last_url = use_mut_ref(|| None::<String>);
    {
        let dispatcher = state.dispatcher();
        let category = config.category.clone();
        use_effect_with(
            (config.feed.clone(), state.request),
            move |(url, request)| {
                let changed = matches!(&*last_url.borrow(), Some(old) if old != url);
                *last_url.borrow_mut() = Some(url.clone());
                let alive = Rc::new(Cell::new(true));
                if changed {
                    dispatcher.dispatch(Action::Reset {
                        category: category.as_deref().map(Rc::from),
                    });
                } else {
                    let (url, request, alive) = (url.clone(), *request, alive.clone());
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
    // The webmaster changed the `category` attribute: follow it.
    {
        let dispatcher = state.dispatcher();
        let first = use_mut_ref(|| true);
        use_effect_with(config.category.clone(), move |c| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                dispatcher.dispatch(Action::SelectCategory(c.as_deref().map(Rc::from)));
            }
        });
    }

    let feed = state.load.feed().cloned();
    let items: Rc<[Rc<Bulletin>]> = (*use_memo(
        (feed.clone(), config.categories.clone(), config.max_items),
        |(f, categories, max)| {
            f.as_ref()
                .map(|f| scope(&f.items, categories.as_deref(), *max))
                .unwrap_or_else(|| Rc::from(Vec::new()))
        },
    ))
    .clone();
    let counts = use_memo(
        (items.clone(), config.categories.clone()),
        |(items, order)| ordered_counts(items, order.as_deref()),
    );
    let shown = use_memo((items.clone(), state.filter.clone()), |(items, filter)| {
        visible(items, filter)
    });
    let base = use_memo(config.feed.clone(), |f| {
        AttrValue::from(absolute_feed_url(f).unwrap_or_default())
    });
    let now = use_state(|| (js_sys::Date::now() / 1000.0) as i64);

    // Language: the attribute, else the feed's, else the page's, else zh-CN.
    let lang = config
        .lang
        .or_else(|| {
            feed.as_ref()
                .and_then(|f| f.language.as_deref())
                .and_then(Lang::from_tag)
        })
        .or(props.page_lang)
        .unwrap_or_default();
    let m = lang.messages();

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
    let on_more = {
        let d = state.dispatcher();
        Callback::from(move |()| d.dispatch(Action::ShowMore))
    };

    let title = config
        .heading
        .clone()
        .or_else(|| feed.as_ref().map(|f| f.title.clone()))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| m.untitled_feed.to_string());

    let body = match (&state.load, &feed) {
        (Load::Failed { error, .. }, None) => html! {
            <Status kind={StatusKind::Error(load_error(lang, error))} on_retry={on_retry.clone()} />
        },
        (_, None) => html! { <Status kind={StatusKind::Loading} /> },
        (_, Some(f)) => {
            let stale = match &state.load {
                Load::Failed { error, .. } => html! {
                    <Status kind={StatusKind::StaleNotice(load_error(lang, error))} on_retry={on_retry.clone()} />
                },
                _ => html! {},
            };
            let open = state
                .open
                .as_ref()
                .and_then(|k| items.iter().find(|b| b.key == *k));
            let main = if items.is_empty() {
                html! { <Status kind={StatusKind::Empty(m.empty)} /> }
            } else if let Some(item) = open {
                html! {
                    <ArticleView item={item.clone()} zone={f.zone_offset_min} base={(*base).clone()} {on_close} />
                }
            } else {
                let limit = config.page_size.saturating_mul(state.pages);
                html! {
                    <>
                        <CategoryTabs
                            counts={counts.clone()}
                            total={items.len()}
                            active={state.filter.category.clone()}
                            {on_select}
                        />
                        if shown.is_empty() {
                            <Status kind={StatusKind::Empty(m.empty_category)} />
                        } else {
                            <BulletinList
                                items={items.clone()}
                                visible={shown.clone()}
                                {limit}
                                zone={f.zone_offset_min}
                                now={*now}
                                compact={config.compact}
                                {on_open}
                                {on_more}
                            />
                        }
                    </>
                }
            };
            html! { <>{ stale }{ main }</> }
        }
    };

    let busy = matches!(state.load, Load::Loading { .. });
    let class = classes!(
        "db",
        match config.theme {
            Theme::Light => None,
            Theme::Dark => Some("db-theme-dark"),
            Theme::Auto => Some("db-theme-auto"),
        },
        config.compact.then_some("db-compact"),
    );
    html! {
        <ContextProvider<Lang> context={lang}>
            <section {class} lang={m.lang} aria-busy={if busy { "true" } else { "false" }} part="widget">
                if !config.no_header {
                    <header class="db-header" part="header">
                        <h2 class="db-title" part="title">{ title }</h2>
                    </header>
                }
                { body }
            </section>
        </ContextProvider<Lang>>
    }
}
