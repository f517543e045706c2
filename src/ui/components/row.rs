//! One row of the list: title, marks (置顶, 已废止), date, department,
//! summary.

use super::{marks, thumbnail, Ambient};
use crate::app::i18n::dates::row_label;
use crate::app::query::search::{highlight, Query};
use crate::model::dates;
use crate::model::feed::Bulletin;
use crate::model::url::{resolve_http, upgraded};
use crate::ui::hooks::use_thumbnail;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BulletinRowProps {
    pub item: Rc<Bulletin>,
    /// The search, whose matches are marked in the title and summary.
    #[prop_or_default]
    pub query: Rc<Query>,
    pub on_open: Callback<Rc<str>>,
}

/// Text with the query's matches in `<mark>`: built as nodes, never as HTML.
///
/// Always a list that starts with a text node and alternates text, mark,
/// text …, with or without a search: from one keystroke to the next the same
/// kind of node stays at the same place, so Yew edits text in place instead
/// of replacing nodes.
fn marked(text: &str, q: &Query) -> Html {
    let runs = if q.is_empty() {
        vec![(text.to_string(), false)]
    } else {
        highlight(text, q)
    };
    // (One flat list: a nested one would be reconciled on its own.)
    let lead = runs
        .first()
        .is_some_and(|(_, hit)| *hit)
        .then(|| html! { { "" } });
    lead.into_iter()
        .chain(runs.into_iter().map(|(run, hit)| {
            if hit {
                html! { <mark>{ run }</mark> }
            } else {
                html! { { run } }
            }
        }))
        .collect::<Html>()
}

/// A list row; its title opens the article (a link to the item's page when
/// it has one, else a button).
#[function_component(BulletinRow)]
pub fn bulletin_row(props: &BulletinRowProps) -> Html {
    let ambient = use_context::<Rc<Ambient>>().unwrap_or_default();
    let (lang, zone, now) = (ambient.lang, ambient.zone, ambient.now);
    let config = &ambient.config;
    let b = &props.item;
    // The item's page (its `url`, resolved), when it has one: the title is
    // then a link to it, which readers without script (or a pre-rendered
    // page not yet taken over) can follow; a plain click opens the article
    // in the widget (worked out once per item, and kept by it: not again
    // when a search shows the row again). And its image (absolute), shown
    // beside the row (`thumbnails`).
    let href = b.page_link(&ambient.base).map(AttrValue::from);
    let image = config
        .thumbnails
        .then(|| b.image.as_deref().or(b.banner_image.as_deref()))
        .flatten()
        .and_then(|u| resolve_http(u, &ambient.base))
        .map(|u| AttrValue::from(upgraded(&u)));
    let thumb = use_thumbnail(image.clone());
    let onclick = {
        let key = b.key.clone();
        let on_open = props.on_open.clone();
        move |e: MouseEvent| {
            // A click with a modifier or another button is the browser's
            // (a new tab for the original page).
            if e.button() != 0 || e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() {
                return;
            }
            e.prevent_default();
            on_open.emit(key.clone())
        }
    };
    let title = marked(&b.display_title(), &props.query);
    let date = b.date();
    html! {
        <li class={classes!("db-row", image.is_some().then_some("db-row-thumb"))} data-key={b.key.to_string()} part="row">
            // Keyed by its image: another image starts over (not failed).
            { for image.map(|src| thumbnail(src, b.display_title().into(), &thumb)) }
            <h3 class="db-row-title">
                if let Some(href) = href {
                    <a class="db-open" {href} rel="noopener" {onclick}>{ title }</a>
                } else {
                    <button type="button" class="db-open" {onclick}>{ title }</button>
                }
            </h3>
            <p class="db-meta">
                { marks(b, b.is_pinned(now, zone), lang.messages()) }
                <time class="db-date" datetime={date.map(|t| dates::machine_label(t, zone))}>
                    { row_label(date, zone, now, lang, config.relative_dates) }
                </time>
                if let Some(d) = &b.district.department {
                    <span class="db-dept">{ &**d }</span>
                }
                <span class="db-cat">{ &*b.district.category }</span>
            </p>
            if !config.compact && !b.summary().is_empty() {
                <p class="db-summary">{ marked(b.summary(), &props.query) }</p>
            }
        </li>
    }
}
