//! The plain list a pre-rendered page holds in the light DOM, for what runs
//! no script: robots and the inspection crawlers, HTML parsers that skip
//! `<template>`, and a page whose CMS stripped the widget's shadow root.
//! Rendered on the server only.

use crate::app::i18n::{dates::list_label, Lang};
use crate::model::dates::machine_label;
use crate::model::feed::Bulletin;
use crate::model::url::resolve_http;
use std::rc::Rc;
use yew::prelude::*;

/// The class of the light-DOM list (the loader shows it while it waits,
/// when the page has no shadow root).
pub const STATIC_CLASS: &str = "district-bulletin-static";

#[derive(Properties, PartialEq)]
pub struct StaticListProps {
    pub title: AttrValue,
    /// The rows of the widget's first page, in its order.
    pub items: Rc<[Rc<Bulletin>]>,
    pub zone: i32,
    /// The render's clock.
    pub now: i64,
    /// The feed's absolute URL: items' links resolve against it.
    pub base: AttrValue,
    /// The feed's home page, for "more".
    #[prop_or_default]
    pub more: Option<AttrValue>,
    pub lang: Lang,
}

/// A heading, then per item: 置顶 when it is pinned, its title (a link to
/// its page when it has one), date (`<time datetime>`), category,
/// department, 有效性 when it is repealed or expired, and summary.
#[function_component(StaticList)]
pub fn static_list(props: &StaticListProps) -> Html {
    let m = props.lang.messages();
    let row = |b: &Rc<Bulletin>| {
        let href = b.url.as_deref().and_then(|u| resolve_http(u, &props.base));
        let date = b.date();
        html! {
            <li>
                if b.is_pinned(props.now, props.zone) {
                    <span>{ m.pinned }</span>
                    { " " }
                }
                if let Some(href) = href {
                    <a {href}>{ b.display_title() }</a>
                } else {
                    <strong>{ b.display_title() }</strong>
                }
                { " " }
                <time datetime={date.map(|t| machine_label(t, props.zone))}>
                    { list_label(date, props.zone, props.now, props.lang) }
                </time>
                { " " }
                <span>{ format!("{}：{}", m.category, b.district.category) }</span>
                if let Some(d) = &b.district.department {
                    { " " }
                    <span>{ format!("{}：{}", m.department, d) }</span>
                }
                if let Some(v) = b.public.validity.filter(|v| v.is_void()) {
                    { " " }
                    <span>{ format!("{}：{}", m.validity_label, m.validity[v.index()]) }</span>
                }
                if !b.summary().is_empty() {
                    <p>{ b.summary() }</p>
                }
            </li>
        }
    };
    html! {
        <section class={STATIC_CLASS} lang={m.lang}>
            <h2>{ props.title.clone() }</h2>
            <ul>{ for props.items.iter().map(row) }</ul>
            if let Some(href) = props.more.clone() {
                <p><a {href}>{ m.more_news }</a></p>
            }
        </section>
    }
}
