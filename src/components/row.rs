//! One row of the list: title, date, department, summary.

use crate::dates;
use crate::feed::Bulletin;
use crate::messages::Lang;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BulletinRowProps {
    pub item: Rc<Bulletin>,
    pub zone: i32,
    pub now: i64,
    #[prop_or_default]
    pub compact: bool,
    pub on_open: Callback<Rc<str>>,
}

/// A list row; its title is the button that opens the article.
#[function_component(BulletinRow)]
pub fn bulletin_row(props: &BulletinRowProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let b = &props.item;
    let onclick = {
        let key = b.key.clone();
        let on_open = props.on_open.clone();
        move |_| on_open.emit(key.clone())
    };
    let date = b.date();
    html! {
        <li class="db-row" data-key={b.key.to_string()} part="row">
            <h3 class="db-row-title">
                <button type="button" class="db-open" {onclick}>{ b.display_title() }</button>
            </h3>
            <p class="db-meta">
                <time class="db-date" datetime={date.map(|t| dates::machine_label(t, props.zone))}>
                    { dates::list_label(date, props.zone, props.now, lang) }
                </time>
                if let Some(d) = &b.department {
                    <span class="db-dept">{ &**d }</span>
                }
                <span class="db-cat">{ &*b.category }</span>
            </p>
            if !props.compact && !b.summary.is_empty() {
                <p class="db-summary">{ &b.summary }</p>
            }
        </li>
    }
}
