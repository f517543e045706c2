//! The bulletin list.

use super::BulletinRow;
use crate::feed::Bulletin;
use crate::messages::ZH_CN as M;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BulletinListProps {
    /// All items of the feed.
    pub items: Rc<[Rc<Bulletin>]>,
    /// Indices into `items` of the ones to show, in order.
    pub visible: Rc<Vec<usize>>,
    /// Offset dates are shown in.
    pub zone: i32,
    /// "Now" in Unix seconds, for the current-year rule of date labels.
    pub now: i64,
    pub on_open: Callback<Rc<str>>,
}

/// A keyed list of rows.
#[function_component(BulletinList)]
pub fn bulletin_list(props: &BulletinListProps) -> Html {
    html! {
        <ul class="db-list" aria-label={M.list_label}>
            { for props.visible.iter().filter_map(|&i| props.items.get(i)).map(|b| html! {
                <BulletinRow
                    key={&*b.key}
                    item={b.clone()}
                    zone={props.zone}
                    now={props.now}
                    on_open={props.on_open.clone()}
                />
            }) }
        </ul>
    }
}
