//! The bulletin list, a page at a time.

use super::{Ambient, BulletinRow};
use crate::app::query::search::Query;
use crate::model::feed::Bulletin;
use std::rc::Rc;
use yew::prelude::*;

/// A keyed list of the first `limit` of the `items` whose indices are in
/// `visible`, in order (the caller adds 加载更多); `query` is the search,
/// for highlighting. Rendering a page at a time keeps a 10,000-item archive
/// as light as a 20-item one. A plain function, not a component: it keeps
/// no state, and its rows are components that skip an unchanged render.
pub fn bulletin_list(
    ambient: &Ambient,
    items: &[Rc<Bulletin>],
    visible: &[usize],
    limit: usize,
    query: &Rc<Query>,
    on_open: &Callback<Rc<str>>,
) -> Html {
    let m = ambient.lang.messages();
    let q = query;
    html! {
        <ul class="db-list" aria-label={m.list_label} part="list" lang={ambient.content_lang.clone()}>
                { for visible.iter().take(limit).filter_map(|&i| items.get(i)).map(|b| html! {
                    // The search only for a row it marks something in: a
                    // row matched elsewhere (its body, its department) is
                    // left alone from one keystroke to the next.
                    <BulletinRow
                        key={&*b.key}
                        item={b.clone()}
                        query={if q.marks(&b.display_title()) || q.marks(b.summary()) { q.clone() } else { Rc::default() }}
                        on_open={on_open.clone()}
                    />
                }) }
            </ul>
    }
}
