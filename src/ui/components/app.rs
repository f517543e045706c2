//! The widget: its state, the hooks that carry its effects, and the layout
//! of its parts. The render is a pure function of props, context and state,
//! the same in the browser and on the server.

use super::{
    fresh_notice, header, list_view, status, Ambient, ArticleView, HeaderProps, Ids, ListViewProps,
    Start, StatusKind,
};
use crate::app::config::Config;
use crate::app::i18n::{self, dates::full_label, load_error, Lang};
use crate::app::query::neighbours;
use crate::app::state::{FetchAction, Load, State};
use crate::model::dates::{Timestamp, SHANGHAI_OFFSET_MIN};
use crate::ui::hooks::{
    use_actions, use_clock, use_elder, use_feed, use_first_screen, use_focus_return, use_paging,
    use_refresh, use_text_size, use_url_sync, use_view, Actions, Derived,
};
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
    /// This instance's name in the URL hash (`None`: the view is not kept in the URL).
    #[prop_or_default]
    pub state_key: Option<String>,
    /// What the widget knows as it mounts.
    #[prop_or_default]
    pub start: Start,
}

impl AppProps {
    /// Props for a widget on `feed` with every other setting at its default.
    pub fn with_feed(feed: &str) -> AppProps {
        AppProps {
            config: Rc::new(Config {
                feeds: crate::app::config::feed_list(feed),
                ..Config::for_feeds(&[])
            }),
            page_lang: None,
            state_key: None,
            start: Start::default(),
        }
    }
}

/// One widget instance. Everything it shows derives from its [`State`].
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let AppProps {
        config,
        page_lang,
        state_key,
        start,
    } = props;
    let state = use_reducer(|| {
        let head = start.head.as_deref().cloned();
        let mut linked = start.linked.clone();
        if let Some((text, _)) = &start.typed {
            linked.filter.query = text.clone();
        }
        let s = State::initial(config, linked, start.remembered, head);
        if start.refresh {
            s.apply(FetchAction::Refresh)
        } else {
            s
        }
    });
    use_feed(config, &state);
    use_paging(config, &state);
    use_refresh(config.refresh_secs, state.dispatcher());
    use_url_sync(state_key.clone(), &state);
    let now = use_clock(start.now, state.fetch.data_at);
    let on_elder = use_elder(config.elder, &state);
    let on_text_size = use_text_size(config.text_size, &state);
    let section = use_node_ref();
    let ids = use_memo((), |_| Ids::fresh());
    use_focus_return(&section, &state.reader.closed);
    use_first_screen(config, &state, &section, now);
    let derived = use_view(config, &state, now);
    let actions = use_actions(state.dispatcher(), section.clone());
    let base = use_memo(
        (config.feeds.clone(), start.page.clone()),
        |(feeds, page)| feed_base(feeds, page.as_deref()),
    );

    let feed = state.fetch.load.feed();
    let ambient = Rc::new(Ambient {
        lang: Lang::choose(
            config.lang,
            feed.and_then(|f| f.language.as_deref()),
            *page_lang,
        ),
        config: config.clone(),
        zone: feed.map_or(SHANGHAI_OFFSET_MIN, |f| f.zone_offset_min),
        now,
        base: (*base).clone(),
        content_lang: feed.and_then(|f| f.language.clone()).map(AttrValue::from),
    });
    let m = ambient.lang.messages();
    let title = i18n::heading(
        ambient.lang,
        config.heading.as_deref(),
        feed.map(|f| f.title.as_str()),
        feed.is_some(),
    );
    let search_focused = start.typed.as_ref().is_some_and(|(_, focused)| *focused);
    let body = body(&state, &derived, &actions, &ambient, &ids, search_focused);
    let busy = matches!(state.fetch.load, Load::Loading { .. });
    let class = classes!(
        crate::app::config::ROOT_CLASS,
        state.prefs.elder.then_some(crate::app::config::ELDER_CLASS),
        config.theme.class(),
        config.compact.then_some(crate::app::config::COMPACT_CLASS),
        state.prefs.text_size.class(),
    );
    html! {
        <ContextProvider<Rc<Ambient>> context={ambient.clone()}>
            <section ref={section} {class} lang={m.lang} aria-busy={if busy { "true" } else { "false" }} part="widget">
                if !config.no_header {
                    { header(m, &ids.size, HeaderProps { title, elder: state.prefs.elder, on_elder, text_size: state.prefs.text_size, on_text_size }) }
                }
                { body }
            </section>
        </ContextProvider<Rc<Ambient>>>
    }
}

/// Under the header: the loading skeleton or the failure while there is no
/// feed to show, else the notices, the open article and the list.
fn body(
    state: &State,
    derived: &Derived,
    actions: &Rc<Actions>,
    ambient: &Ambient,
    ids: &Ids,
    search_focused: bool,
) -> Html {
    let (lang, zone) = (ambient.lang, ambient.zone);
    let m = lang.messages();
    let failed = match &state.fetch.load {
        Load::Failed { error, .. } => Some(error),
        _ => None,
    };
    if state.fetch.load.feed().is_none() {
        return match failed {
            Some(error) => status(
                StatusKind::Error(load_error(lang, error)),
                &actions.on_retry,
                m,
            ),
            None => status(StatusKind::Loading, &actions.on_retry, m),
        };
    }
    let data_at = state.fetch.data_at.map(|unix| {
        let t = Timestamp {
            unix,
            offset_min: zone,
            has_time: true,
        };
        full_label(Some(&t), zone, lang)
    });
    let notice = i18n::round_notice(lang, failed, data_at.as_deref(), &state.fetch.source_errors);
    let items = &derived.items;
    let open = state
        .reader
        .open
        .as_ref()
        .and_then(|k| items.iter().find(|b| b.key == *k));
    // The article, when one is open. The list stays mounted (hidden)
    // beside it: closing shows the very rows the reader left, scroll
    // and focus included, without building them again.
    let article = open.map(|item| {
        let [prev, next] = neighbours(items, &derived.view.visible, &item.key)
            .map(|i| i.and_then(|i| items.get(i)).map(|b| (b.key.clone(), b.display_title())));
        html! {
            // Keyed: another article is another view, with state of its own.
            <ArticleView key={&*item.key} item={item.clone()}
                content_lang={item.language.clone().map(AttrValue::from).or_else(|| ambient.content_lang.clone())}
                {prev} {next} on_close={actions.on_close.clone()} on_open={actions.on_open.clone()} />
        }
    });
    let limit = ambient
        .config
        .page_size
        .saturating_mul(state.reader.pages)
        .saturating_add(state.reader.extra_rows);
    html! {
        <>
            { fresh_notice(lang, state.fetch.new_items, &actions.on_show_new, &actions.on_dismiss_new) }
            if let Some(text) = notice {
                { status(StatusKind::StaleNotice(text), &actions.on_retry, m) }
            }
            if items.is_empty() {
                { status(StatusKind::Empty(m.empty), &actions.on_retry, m) }
            } else {
                { for article }
                <div class="db-listview" hidden={open.is_some()}>
                    { list_view(ambient, ids, ListViewProps {
                        derived, filter: &state.reader.filter, limit, older: state.paging.has_more(),
                        paging: &state.paging.status, search_focused,
                        filters_open: state.prefs.filters_open, actions,
                    }) }
                </div>
            }
        </>
    }
}

/// The absolute URL of the (first) feed, against the page (`page`, else the
/// document's): relative links in items resolve against it.
fn feed_base(feeds: &[String], page: Option<&str>) -> AttrValue {
    use crate::model::url::{absolute_feed_url, resolve};
    feeds
        .first()
        .and_then(|f| match page {
            Some(page) => resolve(f, page).map(|(_, href)| href),
            None => absolute_feed_url(f),
        })
        .map(AttrValue::from)
        .unwrap_or_default()
}
