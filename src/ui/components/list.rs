//! The bulletin list, a page at a time.

use super::BulletinRow;
use crate::app::i18n::Lang;
use crate::app::query::search::Query;
use crate::model::feed::Bulletin;
use crate::model::url::{resolve_http, upgraded};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BulletinListProps {
    /// All items of the widget.
    pub items: Rc<[Rc<Bulletin>]>,
    /// Indices into `items` of the ones that pass the filter, in order.
    pub visible: Rc<Vec<usize>>,
    /// How many of them to render (pages × page size).
    pub limit: usize,
    /// Offset dates are shown in.
    pub zone: i32,
    /// "Now" in Unix seconds, for the current-year rule of date labels.
    pub now: i64,
    /// Rows without summaries.
    #[prop_or_default]
    pub compact: bool,
    /// Recent dates as 今天 / 昨天 / 3天前.
    #[prop_or_default]
    pub relative: bool,
    /// The language of the items (the feed's), when known.
    #[prop_or_default]
    pub content_lang: Option<AttrValue>,
    /// The search, for highlighting.
    #[prop_or_default]
    pub query: Rc<Query>,
    /// The feed's absolute URL: items' links resolve against it.
    #[prop_or_default]
    pub base: AttrValue,
    /// Rows show the items' images.
    #[prop_or_default]
    pub thumbnails: bool,
    pub on_open: Callback<Rc<str>>,
}

/// A keyed list of the first `limit` rows (the caller adds 加载更多).
/// Rendering a page at a time keeps a 10,000-item archive as light as a
/// 20-item one.
#[function_component(BulletinList)]
pub fn bulletin_list(props: &BulletinListProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let m = lang.messages();
    html! {
        <ul class="db-list" aria-label={m.list_label} part="list" lang={props.content_lang.clone()}>
                { for props.visible.iter().take(props.limit).filter_map(|&i| props.items.get(i)).map(|b| html! {
                    <BulletinRow
                        key={&*b.key}
                        item={b.clone()}
                        href={b.url.as_deref().and_then(|u| resolve_http(u, &props.base)).map(AttrValue::from)}
                        thumbnail={props.thumbnails.then(|| b.image.as_deref().or(b.banner_image.as_deref())).flatten()
                            .and_then(|u| resolve_http(u, &props.base)).map(|u| AttrValue::from(upgraded(&u)))}
                        zone={props.zone}
                        now={props.now}
                        compact={props.compact}
                        relative={props.relative}
                        query={props.query.clone()}
                        on_open={props.on_open.clone()}
                    />
                }) }
            </ul>
    }
}
