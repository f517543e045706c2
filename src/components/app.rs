//! The widget: fetches its feed, holds the state, lays out the parts.

use super::{
    ArticleView, BulletinList, CategoryTabs, FilterBar, FreshNotice, LoadMore, Neighbour,
    ResultBar, SearchBox, Status, StatusKind,
};
use crate::config::{Config, Theme};
use crate::feed::Bulletin;
use crate::history;
use crate::messages::{load_error, stale_notice, Lang};
use crate::net::{cached_feed, load_feeds, url::absolute_feed_url, Round};
use crate::net::{Batch, LoadError, Loaded};
use crate::query::lazy::LazyIndex;
use crate::query::search::{Query, SearchCache};
use crate::query::{compute, department_counts, ordered_counts, scope};
use crate::schedule::{after_paint, after_quiet, Deferred};
use crate::state::{Action, Load, State};
use crate::urlstate::{self, ViewState};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The webmaster's settings (from the host element's attributes).
    pub config: Rc<Config>,
    /// The page's language (`lang` of the host or its ancestors), the last
    /// fallback before zh-CN.
    #[prop_or_default]
    pub page_lang: Option<Lang>,
    /// This instance's name in the URL hash (`None`: the view is not kept in the URL).
    #[prop_or_default]
    pub state_key: Option<String>,
    /// The first round, fetched before mounting (see `entry`): the first
    /// render then shows rows, not a loading skeleton to be laid out and
    /// replaced a moment later.
    #[prop_or_default]
    pub first: Option<Rc<FirstRound>>,
}

/// What a widget knows before it mounts (see `entry`), for
/// [`AppProps::first`]: used once, by the widget whose feed attribute it was
/// made for.
pub struct FirstRound {
    feed: String,
    head: RefCell<Option<Head>>,
}

/// The head start itself.
enum Head {
    /// The answer to the first request: the widget does not send it again.
    Answer(Result<Batch, LoadError>),
    /// The last good copy, shown while the first request runs.
    Kept(Loaded),
}

impl FirstRound {
    /// The answer of `load_feeds` for the feed attribute `feed`.
    pub fn answered(feed: String, result: Result<Batch, LoadError>) -> FirstRound {
        FirstRound {
            feed,
            head: RefCell::new(Some(Head::Answer(result))),
        }
    }

    /// The last good copy of the feed attribute `feed`.
    pub fn kept(feed: String, copy: Loaded) -> FirstRound {
        FirstRound {
            feed,
            head: RefCell::new(Some(Head::Kept(copy))),
        }
    }

    /// The head start, the first time it is asked for with the same feed.
    fn take(&self, feed: &str) -> Option<Head> {
        (self.feed == feed).then(|| self.head.borrow_mut().take())?
    }
}

impl PartialEq for FirstRound {
    /// The same round only: rounds are not compared by content.
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
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
            state_key: None,
            first: None,
        }
    }
}

/// How the last URL update was made, so a run of keystrokes in the search
/// box becomes one history entry rather than one per character.
#[derive(Default)]
struct UrlSync {
    last: Option<ViewState>,
    typing: bool,
    /// The write waiting, and whether it starts a new history entry.
    /// `history.replaceState` costs Chromium a few milliseconds, as much as
    /// the rest of a keystroke's work: it waits for a pause in the changes.
    pending: Option<(Deferred, bool)>,
}

/// Quiet time before the URL follows the view (a run of typing is one write).
const URL_QUIET_MS: u32 = 300;

const ELDER_KEY: &str = "district-bulletin:elder";

/// Whether this reader turned 长者模式 on last time, on this site.
fn remembered_elder() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(ELDER_KEY).ok().flatten())
        .is_some_and(|v| v == "1")
}

fn remember_elder(on: bool) {
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.set_item(ELDER_KEY, if on { "1" } else { "0" });
    }
}

/// Focuses the button of the row with `key` inside `section`, if it is there.
fn focus_row(section: &NodeRef, key: &str) {
    let Some(rows) = section
        .cast::<web_sys::Element>()
        .and_then(|s| s.query_selector_all(".db-row").ok())
    else {
        return;
    };
    let row = (0..rows.length())
        .filter_map(|i| rows.item(i)?.dyn_into::<web_sys::Element>().ok())
        .find(|r| r.get_attribute("data-key").as_deref() == Some(key));
    if let Some(button) = row
        .and_then(|r| r.query_selector(".db-open").ok().flatten())
        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = button.focus();
    }
}

/// What the answer to first-round request `request` does to the state;
/// keeps the bodies' fingerprint in `known`, so an unchanged feed is not
/// parsed again.
fn answered(
    request: u32,
    result: Result<Batch, LoadError>,
    known: &RefCell<Option<u64>>,
) -> Action {
    match result {
        Ok(batch) => {
            *known.borrow_mut() = Some(batch.digest);
            match batch.feed {
                None => Action::Unchanged {
                    request,
                    at: batch.at,
                },
                Some(feed) => Action::Loaded {
                    request,
                    feed: Rc::new(feed),
                    at: batch.at,
                    failed: batch.failed,
                    fetched: batch.fetched,
                    next: batch.next,
                },
            }
        }
        Err(error) => Action::Failed { request, error },
    }
}

/// A callback body that turns its argument into an action and dispatches it.
fn dispatching<T>(d: UseReducerDispatcher<State>, make: fn(T) -> Action) -> impl Fn(T, &()) {
    move |x, _| d.dispatch(make(x))
}

/// One widget instance. Everything it shows derives from its [`State`].
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let config = &props.config;
    let key = props.state_key.clone();
    // Fingerprint of the bodies last shown: an unchanged feed is not parsed again.
    let known = use_mut_ref(|| None::<u64>);
    // A first round fetched before mounting is the answer to request 0; a
    // last good copy read before mounting is shown while request 0 runs.
    let first = use_mut_ref(|| props.first.as_ref().and_then(|f| f.take(&config.feed)));
    let preloaded = use_mut_ref(|| matches!(*first.borrow(), Some(Head::Answer(_))));
    let state = use_reducer(|| {
        let s = State::with_category(config.category.as_deref());
        // A link to a view (the URL hash) wins over the configured start.
        let s = match &key {
            Some(k) => {
                let linked = urlstate::read(&history::current_hash(), k);
                if linked == ViewState::default() {
                    s
                } else {
                    s.apply(Action::Restore(linked))
                }
            }
            None => s,
        };
        let request = s.request;
        match first.borrow_mut().take() {
            Some(Head::Answer(result)) => s.apply(answered(request, result, &known)),
            Some(Head::Kept(copy)) => s.apply(Action::Cached {
                request,
                feed: Rc::new(copy.feed),
                at: copy.at,
            }),
            None => s,
        }
    });

    // Fetch whenever the URL or the request number changes. A new URL first
    // resets the state (which bumps the request number and fetches again).
    let last_url = use_mut_ref(|| None::<String>);
    {
        let dispatcher = state.dispatcher();
        let timeout_ms = config.timeout_secs.saturating_mul(1000);
        let category = config.category.clone();
        let has_feed = state.load.feed().is_some();
        use_effect_with(
            (config.feed.clone(), state.request),
            move |(url, request)| {
                let changed = matches!(&*last_url.borrow(), Some(old) if old != url);
                *last_url.borrow_mut() = Some(url.clone());
                let alive = Rc::new(Cell::new(true));
                if std::mem::take(&mut *preloaded.borrow_mut()) && !changed {
                    // Request 0 was answered before mounting.
                } else if changed {
                    *known.borrow_mut() = None;
                    dispatcher.dispatch(Action::Reset {
                        category: category.as_deref().map(Rc::from),
                    });
                } else {
                    let (url, request, alive) = (url.clone(), *request, alive.clone());
                    // The last good copy shows at once while nothing else
                    // is shown; the network then replaces it, or the reader
                    // keeps it with its age.
                    if !has_feed {
                        if let Some(c) = cached_feed(&url) {
                            dispatcher.dispatch(Action::Cached {
                                request,
                                feed: Rc::new(c.feed),
                                at: c.at,
                            });
                        }
                    }
                    let since = if has_feed { *known.borrow() } else { None };
                    wasm_bindgen_futures::spawn_local(async move {
                        let urls: Vec<String> =
                            url.split_whitespace().map(str::to_string).collect();
                        let result = load_feeds(&urls, timeout_ms, since, Round::First).await;
                        // An unmounted widget, or a request overtaken by a
                        // newer one, must not touch the state.
                        if !alive.get() {
                            return;
                        }
                        dispatcher.dispatch(answered(request, result, &known));
                    });
                }
                move || alive.set(false)
            },
        );
    }
    // 加载更多 past the end of the feed: fetch the next page(s).
    {
        let dispatcher = state.dispatcher();
        let timeout_ms = config.timeout_secs.saturating_mul(1000);
        let paging = &state.paging;
        let (next, seen) = (paging.next.clone(), paging.seen.clone());
        let label = config.feed.split_whitespace().nth(1).is_some();
        use_effect_with(paging.request, move |&request| {
            let alive = Rc::new(Cell::new(request != 0));
            if alive.get() {
                let alive = alive.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let result = load_feeds(&next, timeout_ms, None, Round::Older { label }).await;
                    if !alive.get() {
                        return;
                    }
                    let action = match result {
                        Ok(crate::net::Batch {
                            feed: Some(feed),
                            fetched,
                            next,
                            ..
                        }) => {
                            let seen: Vec<String> =
                                seen.into_iter().chain(fetched.iter().cloned()).collect();
                            let (next, loops) = crate::feed::next_links(next, &seen);
                            for l in loops {
                                crate::net::warn(&format!(
                                    "{l}: this next-page link points back to a page already loaded; paging stops here."
                                ));
                            }
                            Action::PageLoaded {
                                request,
                                feed: Rc::new(feed),
                                fetched,
                                next,
                            }
                        }
                        // (Only a round given a fingerprint comes back without a feed.)
                        Ok(_) => Action::PageFailed {
                            request,
                            error: crate::net::LoadError::Feed(crate::feed::FeedError::Empty),
                        },
                        Err(error) => Action::PageFailed { request, error },
                    };
                    dispatcher.dispatch(action);
                });
            }
            move || alive.set(false)
        });
    }
    // Refresh every `refresh` seconds while the page is visible; a tick
    // missed in a background tab is made up when the reader comes back.
    {
        let dispatcher = state.dispatcher();
        use_effect_with(config.refresh_secs, move |&secs| {
            let timers = secs.map(|secs| {
                let missed = Rc::new(Cell::new(false));
                let hidden = || {
                    web_sys::window()
                        .and_then(|w| w.document())
                        .is_some_and(|d| d.hidden())
                };
                let tick = {
                    let (dispatcher, missed) = (dispatcher.clone(), missed.clone());
                    gloo::timers::callback::Interval::new(secs.saturating_mul(1000), move || {
                        if hidden() {
                            missed.set(true);
                        } else {
                            dispatcher.dispatch(Action::Refresh);
                        }
                    })
                };
                let back = web_sys::window().and_then(|w| w.document()).map(|d| {
                    gloo::events::EventListener::new(&d, "visibilitychange", move |_| {
                        if !hidden() && missed.replace(false) {
                            dispatcher.dispatch(Action::Refresh);
                        }
                    })
                });
                (tick, back)
            });
            move || drop(timers)
        });
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
    // Mirror the view into the URL hash; follow Back/Forward and links.
    {
        let sync = use_mut_ref(UrlSync::default);
        use_effect_with((key.clone(), state.view_state()), move |(key, view)| {
            if let Some(k) = key {
                let hash = history::current_hash();
                let mut sync = sync.borrow_mut();
                // A write still waiting is superseded by this one (dropping it
                // cancels it); if it was to start a history entry, this one does.
                let carried_push = sync
                    .pending
                    .take()
                    .is_some_and(|(write, push)| write.is_waiting() && push);
                if urlstate::read(&hash, k) != *view {
                    let only_query = sync.last.as_ref().is_some_and(|last| {
                        ViewState {
                            filter: crate::query::Filter {
                                query: view.filter.query.clone(),
                                ..last.filter.clone()
                            },
                            open: last.open.clone(),
                        } == *view
                    });
                    // Keystrokes after the first replace the entry they started.
                    let push = !(only_query && sync.typing) || carried_push;
                    // (The hash is read again when writing: the page may have
                    // changed its own parts meanwhile.)
                    let (k, view) = (k.clone(), view.clone());
                    let write = after_quiet(URL_QUIET_MS, move || {
                        history::set_hash(
                            &urlstate::write(&history::current_hash(), &k, &view),
                            push,
                        )
                    });
                    sync.pending = Some((write, push));
                    sync.typing = only_query;
                } else {
                    // The URL moved first (Back/Forward, a link): a new run of typing starts fresh.
                    sync.typing = false;
                }
                sync.last = Some(view.clone());
            }
        });
    }
    {
        let dispatcher = state.dispatcher();
        use_effect_with(key.clone(), move |key| {
            let listeners = key.clone().map(|k| {
                history::on_navigate(move || {
                    dispatcher.dispatch(Action::Restore(urlstate::read(
                        &history::current_hash(),
                        &k,
                    )))
                })
            });
            move || drop(listeners)
        });
    }

    // 长者模式: the attribute, else what this reader chose last on this site.
    let elder = use_state(|| config.elder || remembered_elder());
    {
        let elder = elder.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(config.elder, move |on| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                elder.set(*on);
            }
        });
    }
    // Closing an article returns focus to the row it was opened from, once
    // the list (kept behind the article) is painted again. The row comes
    // from the state, not from watching `open` change: effects of a render
    // that was overtaken by the next one may never run.
    let section = use_node_ref();
    {
        let section = section.clone();
        let pending = use_mut_ref(|| None::<Deferred>);
        use_effect_with(state.closed.clone(), move |(key, _)| {
            *pending.borrow_mut() = key
                .clone()
                .map(|key| after_paint(move || focus_row(&section, &key)));
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
    // Built once per feed: the folded search text and the tab/department order.
    // The search index is built after the first rows are painted (or at
    // the first keystroke, if that comes sooner): see query::lazy.
    let index = use_mut_ref(LazyIndex::default);
    {
        let index = index.clone();
        use_effect_with(items.clone(), move |items| {
            let pending = (!items.is_empty()).then(|| {
                let items = items.clone();
                after_paint(move || {
                    index.borrow_mut().get(&items);
                })
            });
            move || drop(pending)
        });
    }
    let tabs = use_memo(
        (items.clone(), config.categories.clone()),
        |(items, order)| ordered_counts(items, order.as_deref()),
    );
    let departments = use_memo(items.clone(), |items| department_counts(items));
    let cache = use_mut_ref(SearchCache::default);
    let hits = use_memo(
        (items.clone(), state.filter.query.clone()),
        move |(items, q)| {
            if Query::parse(q).is_empty() {
                // Everything matches: no index needed.
                *cache.borrow_mut() = SearchCache::default();
                Rc::new((0..items.len()).collect())
            } else {
                let index = index.borrow_mut().get(items);
                cache.borrow_mut().search(&index, q)
            }
        },
    );
    let query = use_memo(state.filter.query.clone(), |q| Query::parse(q));
    let now = use_state(|| (js_sys::Date::now() / 1000.0) as i64);
    let zone = feed
        .as_ref()
        .map_or(crate::dates::SHANGHAI_OFFSET_MIN, |f| f.zone_offset_min);
    let view = use_memo(
        (
            items.clone(),
            hits.clone(),
            state.filter.clone(),
            tabs.clone(),
            departments.clone(),
            *now,
            zone,
        ),
        |(items, hits, filter, tabs, deps, now, zone)| {
            compute(items, hits, filter, tabs, deps, *now, *zone)
        },
    );
    let base = use_memo(config.feed.clone(), |f| {
        AttrValue::from(absolute_feed_url(f).unwrap_or_default())
    });

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

    // Stable callbacks (the dispatcher never changes): rows and bars whose
    // data did not change are not re-rendered.
    let d = state.dispatcher();
    let on_retry = use_callback((), dispatching(d.clone(), |()| Action::Reload));
    let on_select = use_callback((), dispatching(d.clone(), Action::SelectCategory));
    let on_open = use_callback((), dispatching(d.clone(), Action::Open));
    let on_close = use_callback((), dispatching(d.clone(), |()| Action::Close));
    let on_more = use_callback((), dispatching(d.clone(), |()| Action::ShowMore));
    let on_query = use_callback((), dispatching(d.clone(), Action::SetQuery));
    let on_department = use_callback((), dispatching(d.clone(), Action::SetDepartment));
    let on_range = use_callback((), dispatching(d.clone(), Action::SetRange));
    let on_sort = use_callback((), dispatching(d.clone(), Action::SetSort));
    let on_clear = use_callback((), dispatching(d.clone(), |()| Action::ClearFilters));
    let on_older = use_callback((), dispatching(d.clone(), |()| Action::FetchPage));
    let on_dismiss_new = use_callback((), dispatching(d.clone(), |()| Action::DismissNew));
    // 查看: the new items are at the top of the list.
    let on_show_new = {
        let (d, section) = (d.clone(), section.clone());
        use_callback((), move |(), _| {
            // One action, not two: both changes land in the same render.
            d.dispatch(Action::ShowNew);
            if let Some(el) = section.cast::<web_sys::Element>() {
                el.scroll_into_view();
            }
        })
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
                Load::Failed { error, .. } => {
                    let when = state.data_at.map(|at| {
                        let t = crate::dates::Timestamp {
                            unix: at,
                            offset_min: zone,
                            has_time: true,
                        };
                        crate::dates::full_label(Some(&t), zone, lang)
                    });
                    html! {
                        <Status kind={StatusKind::StaleNotice(stale_notice(lang, when.as_deref(), &load_error(lang, error)))} on_retry={on_retry.clone()} />
                    }
                }
                _ if !state.source_errors.is_empty() => {
                    let detail: Vec<String> = state
                        .source_errors
                        .iter()
                        .map(|(u, e)| format!("{u}（{}）", load_error(lang, e)))
                        .collect();
                    html! {
                        <Status kind={StatusKind::StaleNotice(crate::messages::sources_failed(lang, &detail.join("；")))} on_retry={on_retry.clone()} />
                    }
                }
                _ => html! {},
            };
            let open = state
                .open
                .as_ref()
                .and_then(|k| items.iter().find(|b| b.key == *k));
            // The article, when one is open. The list stays mounted (hidden)
            // beside it: closing shows the very rows the reader left, scroll
            // and focus included, without building them again.
            let article = open.map(|item| {
                // Previous / next within what the list shows now.
                let at = view
                    .visible
                    .iter()
                    .position(|&i| items.get(i).is_some_and(|b| b.key == item.key));
                let neighbour = |pos: Option<usize>| -> Neighbour {
                    let b = items.get(*view.visible.get(pos?)?)?;
                    Some((b.key.clone(), b.display_title()))
                };
                let prev = neighbour(at.and_then(|p| p.checked_sub(1)));
                let next = neighbour(at.map(|p| p + 1));
                let content_lang = item
                    .language
                    .clone()
                    .or_else(|| f.language.clone())
                    .map(AttrValue::from);
                html! {
                    <ArticleView item={item.clone()} zone={f.zone_offset_min} base={(*base).clone()}
                        {content_lang} {prev} {next} on_close={on_close.clone()} on_open={on_open.clone()} />
                }
            });
            let list = {
                let limit = config
                    .page_size
                    .saturating_mul(state.pages)
                    .saturating_add(state.extra_rows);
                let filters = if config.no_filters {
                    html! {}
                } else {
                    html! {
                        <>
                            <SearchBox value={AttrValue::from(state.filter.query.clone())} on_input={on_query} />
                            <FilterBar
                                departments={view.departments.clone()}
                                all_departments={view.all_departments}
                                department={state.filter.department.clone()}
                                range={state.filter.range}
                                sort={state.filter.sort}
                                {on_department}
                                {on_range}
                                {on_sort}
                            />
                        </>
                    }
                };
                let visible = view.visible.clone();
                html! {
                    <>
                        { filters }
                        <CategoryTabs
                            counts={view.categories.clone()}
                            total={view.all_categories}
                            active={state.filter.category.clone()}
                            {on_select}
                        />
                        if !config.no_filters {
                            <ResultBar count={view.visible.len()} active={state.filter.is_active()} {on_clear} />
                        }
                        if visible.is_empty() {
                            <Status kind={StatusKind::Empty(if state.filter.is_active() { m.no_results } else { m.empty_category })} />
                        } else {
                            <BulletinList
                                items={items.clone()}
                                {visible}
                                {limit}
                                zone={f.zone_offset_min}
                                now={*now}
                                compact={config.compact}
                                relative={config.relative_dates}
                                content_lang={f.language.clone().map(AttrValue::from)}
                                query={query.clone()}
                                {on_open}
                            />
                        }
                        <LoadMore
                            remaining={view.visible.len().saturating_sub(limit)}
                            older={state.paging.has_more()}
                            status={state.paging.status.clone()}
                            {on_more}
                            {on_older}
                        />
                    </>
                }
            };
            let main = if items.is_empty() {
                html! { <Status kind={StatusKind::Empty(m.empty)} /> }
            } else {
                html! {
                    <>
                        { for article }
                        <div class="db-listview" hidden={open.is_some()}>{ list }</div>
                    </>
                }
            };
            html! {
                <>
                    <FreshNotice count={state.new_items} on_show={on_show_new} on_dismiss={on_dismiss_new} />
                    { stale }
                    { main }
                </>
            }
        }
    };

    let busy = matches!(state.load, Load::Loading { .. });
    let on_elder = {
        let elder = elder.clone();
        move |_| {
            let on = !*elder;
            elder.set(on);
            remember_elder(on);
        }
    };
    let class = classes!(
        "db",
        elder.then_some("db-elder"),
        match config.theme {
            Theme::Light => None,
            Theme::Dark => Some("db-theme-dark"),
            Theme::Auto => Some("db-theme-auto"),
        },
        config.compact.then_some("db-compact"),
    );
    html! {
        <ContextProvider<Lang> context={lang}>
            <section ref={section} {class} lang={m.lang} aria-busy={if busy { "true" } else { "false" }} part="widget">
                if !config.no_header {
                    <header class="db-header" part="header">
                        <h2 class="db-title" part="title">{ title }</h2>
                        <button type="button" class="db-elder-toggle" aria-pressed={if *elder { "true" } else { "false" }} onclick={on_elder}>
                            { m.elder_mode }
                        </button>
                    </header>
                }
                { body }
            </section>
        </ContextProvider<Lang>>
    }
}
