//! The full article: metadata, body paragraphs, tags, link to the original.

use crate::dates;
use crate::feed::Bulletin;
use crate::html::sanitize::sanitize;
use crate::messages::Lang;
use crate::net::url::resolve_http;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ArticleProps {
    pub item: Rc<Bulletin>,
    /// Offset dates are shown in.
    pub zone: i32,
    /// Absolute URL of the feed: relative links resolve against it.
    pub base: AttrValue,
    pub on_close: Callback<()>,
}

/// One bulletin in full. Focus moves to its heading when it opens, so
/// keyboard and screen-reader users land on what they opened.
#[function_component(ArticleView)]
pub fn article_view(props: &ArticleProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let m = lang.messages();
    let b = &props.item;
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with(b.key.clone(), move |_| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let on_back = {
        let on_close = props.on_close.clone();
        move |_| on_close.emit(())
    };
    // The feed's HTML, rebuilt once per article by the allow-list sanitizer.
    let rich = use_memo(
        (b.key.clone(), b.content_html.clone(), props.base.clone()),
        |(_, html, base)| html.as_deref().and_then(|h| sanitize(h, base)),
    );
    let date = b.date();
    let original = b
        .url
        .as_deref()
        .or(b.external_url.as_deref())
        .and_then(|u| resolve_http(u, &props.base));
    let meta = |label: &'static str, value: Option<&str>| match value {
        Some(v) => html! { <><dt>{ label }</dt><dd>{ v.to_string() }</dd></> },
        None => html! {},
    };
    html! {
        <article class="db-article" part="article">
            <button type="button" class="db-back" onclick={on_back}>{ "← " }{ m.back }</button>
            <h3 class="db-article-title" tabindex="-1" ref={heading}>{ b.display_title() }</h3>
            <dl class="db-article-meta">
                <dt>{ m.published }</dt>
                <dd>
                    <time datetime={date.map(|t| dates::machine_label(t, props.zone))}>
                        { dates::full_label(date, props.zone, lang) }
                    </time>
                </dd>
                { meta(m.department, b.department.as_deref()) }
                { meta(m.category, Some(&b.category)) }
                { meta(m.reporter, b.reporter.as_deref()) }
                { meta(m.photographer, b.photographer.as_deref()) }
                { meta(m.doc_number, b.doc_number.as_deref()) }
            </dl>
            <div class="db-article-body">
                if let Some(node) = &*rich {
                    { Html::VRef(node.clone().into()) }
                } else {
                    { for b.body_paragraphs().into_iter().map(|p| html! { <p>{ p }</p> }) }
                }
            </div>
            if !b.tags.is_empty() {
                <ul class="db-tags">
                    { for b.tags.iter().map(|t| html! { <li>{ t }</li> }) }
                </ul>
            }
            if let Some(href) = original {
                <p class="db-original">
                    <a {href} target="_blank" rel="noopener noreferrer">{ m.original }</a>
                </p>
            }
        </article>
    }
}
