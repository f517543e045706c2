//! The bulletin list, a page at a time.

use super::{Ambient, BulletinRow};
use crate::app::query::search::Query;
use crate::model::feed::Bulletin;
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
    /// The search, for highlighting.
    #[prop_or_default]
    pub query: Rc<Query>,
    pub on_open: Callback<Rc<str>>,
}

/// A keyed list of the first `limit` rows (the caller adds 加载更多).
/// Rendering a page at a time keeps a 10,000-item archive as light as a
/// 20-item one.
#[function_component(BulletinList)]
pub fn bulletin_list(props: &BulletinListProps) -> Html {
    let ambient = use_context::<Rc<Ambient>>().unwrap_or_default();
    let m = ambient.lang.messages();
    let q = &props.query;
    html! {
        <ul class="db-list" aria-label={m.list_label} part="list" lang={ambient.content_lang.clone()}>
                { for props.visible.iter().take(props.limit).filter_map(|&i| props.items.get(i)).map(|b| html! {
                    // The search only for a row it marks something in: a
                    // row matched elsewhere (its body, its department) is
                    // left alone from one keystroke to the next.
                    <BulletinRow
                        key={&*b.key}
                        item={b.clone()}
                        query={if q.marks(&b.display_title()) || q.marks(b.summary()) { q.clone() } else { Rc::default() }}
                        on_open={props.on_open.clone()}
                    />
                }) }
            </ul>
    }
}
