//! The full article: marks, metadata (as the 信息公开 table for a public
//! document), image, body, attachments, tags, links to the original,
//! previous/next, print.

use super::{marks, read_aloud, Ambient};
use crate::app::i18n::dates::{day_label, full_label};
use crate::app::i18n::{attachment_label, Lang};
use crate::model::dates;
use crate::model::feed::Bulletin;
use crate::model::text::file_kind;
use crate::model::url::{resolve_http, upgraded};
use crate::ui::hooks::{use_focus_on, use_rich_html, use_speech};
use std::rc::Rc;
use web_sys::KeyboardEvent;
use yew::prelude::*;

/// A neighbour in the current list: its key and title.
pub type Neighbour = Option<(Rc<str>, String)>;

#[derive(Properties, PartialEq)]
pub struct ArticleProps {
    pub item: Rc<Bulletin>,
    /// The language of the content (the item's, else the feed's).
    #[prop_or_default]
    pub content_lang: Option<AttrValue>,
    /// The previous and next article within the current filter.
    #[prop_or_default]
    pub prev: Neighbour,
    #[prop_or_default]
    pub next: Neighbour,
    pub on_close: Callback<()>,
    pub on_open: Callback<Rc<str>>,
}

/// One bulletin in full (keyed by the item by its caller: the state here,
/// a failed image for one, belongs to that article). Focus moves to its heading when it opens, so
/// keyboard and screen-reader users land on what they opened; Escape closes.
#[function_component(ArticleView)]
pub fn article_view(props: &ArticleProps) -> Html {
    let ambient = use_context::<Rc<Ambient>>().unwrap_or_default();
    let (lang, zone) = (ambient.lang, ambient.zone);
    let m = lang.messages();
    let b = &props.item;
    let pinned = b.is_pinned(ambient.now, zone);
    let heading = use_node_ref();
    let article = use_node_ref();
    let rich = use_node_ref();
    use_focus_on(&heading, b.key.clone());
    let readable = use_rich_html(
        &rich,
        b.key.clone(),
        b.content_html.clone(),
        ambient.base.clone(),
    );
    let image_failed = use_state(|| false);
    // Reading stops when the article changes or closes.
    let speech = use_speech(article.clone(), b.key.clone());

    let on_back = {
        let on_close = props.on_close.clone();
        move |_| on_close.emit(())
    };
    let onkeydown = {
        let on_close = props.on_close.clone();
        move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                on_close.emit(());
            }
        }
    };
    let on_print = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let on_open = &props.on_open;

    let base = &ambient.base;
    let original = b.url.as_deref().and_then(|u| resolve_http(u, base));
    let external = b
        .external_url
        .as_deref()
        .and_then(|u| resolve_http(u, base))
        .filter(|e| Some(e) != original.as_ref());
    let image = b
        .banner_image
        .as_deref()
        .or(b.image.as_deref())
        .and_then(|u| resolve_http(u, base))
        .map(|u| upgraded(&u));
    let published = published(b, zone, lang);
    let public = b
        .is_public_document()
        .then(|| public_table(b, published.clone(), zone, lang));
    let attachments = attachments(b, base);

    html! {
        <article class="db-article" part="article" ref={article.clone()} {onkeydown}>
            <div class="db-article-tools">
                <button type="button" class="db-back" onclick={on_back}>{ "← " }{ m.back }</button>
                { read_aloud(m, &speech) }
                <button type="button" class="db-print" onclick={on_print}>{ m.print }</button>
            </div>
            <h3 class="db-article-title" tabindex="-1" ref={heading} lang={props.content_lang.clone()}>{ b.display_title() }</h3>
            if pinned || b.is_void() {
                <p class="db-article-marks">{ marks(b, pinned, m) }</p>
            }
            if let Some(table) = public {
                { table }
            } else {
                <dl class="db-article-meta">
                    <dt>{ m.published }</dt>
                    <dd>{ published }</dd>
                    { meta(m.department, b.district.department.as_deref()) }
                    { meta(m.category, Some(&b.district.category)) }
                    { meta(m.source, b.district.source.as_deref()) }
                    { meta(m.doc_number, b.district.doc_number.as_deref()) }
                    { meta(m.reporter, b.district.reporter.as_deref()) }
                    { meta(m.photographer, b.district.photographer.as_deref()) }
                </dl>
            }
            if let Some(src) = image {
                <figure class="db-figure">
                    if *image_failed {
                        <div class="db-image-failed" role="img" aria-label={m.image_failed}>{ m.image_failed }</div>
                    } else {
                        <img {src} alt={b.display_title()} loading="lazy" decoding="async" referrerpolicy="no-referrer"
                            onerror={let f = image_failed.clone(); move |_| f.set(true)} />
                    }
                </figure>
            }
            <div class="db-article-body" lang={props.content_lang.clone()}>
                // Filled by `use_rich_html`, never by the render.
                <div class="db-article-html" ref={rich} hidden={!readable}></div>
                if !readable {
                    { for b.body_paragraphs().into_iter().map(|p| html! { <p>{ p }</p> }) }
                }
            </div>
            if !attachments.is_empty() {
                <section class="db-attachments" aria-label={m.attachments}>
                    <h4>{ m.attachments }</h4>
                    <ul>{ for attachments }</ul>
                </section>
            }
            if !b.tags.is_empty() {
                <ul class="db-tags">
                    { for b.tags.iter().map(|t| html! { <li>{ t }</li> }) }
                </ul>
            }
            if original.is_some() || external.is_some() {
                <p class="db-original">
                    if let Some(href) = original {
                        <a {href} target="_blank" rel="noopener noreferrer">{ m.original }</a>
                    }
                    if let Some(href) = external {
                        <a {href} target="_blank" rel="noopener noreferrer">{ m.external_link }</a>
                    }
                </p>
            }
            if props.prev.is_some() || props.next.is_some() {
                <nav class="db-neighbours" aria-label={format!("{} / {}", m.prev_article, m.next_article)}>
                    { neighbour(&props.prev, m.prev_article, "db-prev", on_open) }
                    { neighbour(&props.next, m.next_article, "db-next", on_open) }
                </nav>
            }
        </article>
    }
}

/// 上一篇 / 下一篇: a button that opens the neighbour, if there is one.
fn neighbour(
    n: &Neighbour,
    label: &'static str,
    class: &'static str,
    on_open: &Callback<Rc<str>>,
) -> Html {
    match n {
        Some((key, title)) => {
            let (key, on_open) = (key.clone(), on_open.clone());
            html! {
                <button type="button" class={classes!("db-neighbour", class)} onclick={move |_| on_open.emit(key.clone())}>
                    <span class="db-neighbour-label">{ label }</span>
                    <span class="db-neighbour-title">{ title.clone() }</span>
                </button>
            }
        }
        None => html! {},
    }
}

/// One row of the metadata list, if it has a value.
fn meta(label: &'static str, value: Option<&str>) -> Html {
    match value {
        Some(v) => html! { <><dt>{ label }</dt><dd>{ v.to_string() }</dd></> },
        None => html! {},
    }
}

/// When the item was published, for people and machines.
fn published(b: &Bulletin, zone: i32, lang: Lang) -> Html {
    let date = b.date();
    html! {
        <time datetime={date.map(|t| dates::machine_label(t, zone))}>
            { full_label(date, zone, lang) }
        </time>
    }
}

/// A public document's fields as portals show them, in their order, then
/// the column and credits: one block of metadata. The rows it has no value
/// for are left out (nothing is invented).
fn public_table(b: &Bulletin, published: Html, zone: i32, lang: Lang) -> Html {
    let m = lang.messages();
    let cell = |label: &'static str, value: Option<Html>| match value {
        Some(v) => html! { <div class="db-public-cell"><dt>{ label }</dt><dd>{ v }</dd></div> },
        None => html! {},
    };
    let text = |v: Option<&str>| v.map(|v| html! { { v.to_string() } });
    html! {
        <section class="db-public" aria-label={m.public_info}>
            <dl class="db-public-table">
                { cell(m.index_number, text(b.public.index_number.as_deref())) }
                { cell(m.subject, text(b.public.subject.as_deref())) }
                { cell(m.department, text(b.district.department.as_deref())) }
                { cell(m.written_date, b.public.written_date.map(|t| html! {
                    <time datetime={dates::machine_day(&t, zone)}>
                        { day_label(&t, zone, lang) }
                    </time>
                })) }
                { cell(m.published, Some(published)) }
                { cell(m.doc_number, text(b.district.doc_number.as_deref())) }
                { cell(m.validity_label, b.public.validity.map(|v| html! {
                    <span class={classes!(v.is_void().then_some("db-void"))}>{ m.validity[v.index()] }</span>
                })) }
                { cell(m.source, text(b.district.source.as_deref())) }
                { cell(m.category, text(Some(&b.district.category))) }
                { cell(m.reporter, text(b.district.reporter.as_deref())) }
                { cell(m.photographer, text(b.district.photographer.as_deref())) }
            </dl>
        </section>
    }
}

/// The item's attachments (resolved against `base`), each a link with its
/// kind and size.
fn attachments(b: &Bulletin, base: &str) -> Vec<Html> {
    b.attachments
        .iter()
        .filter_map(|a| {
            let href = resolve_http(&a.url, base)?;
            let name = a.title.clone().unwrap_or_else(|| {
                href.rsplit('/')
                    .next()
                    .unwrap_or("")
                    .split(['?', '#'])
                    .next()
                    .unwrap_or("")
                    .to_string()
            });
            let kind = file_kind(a.mime_type.as_deref(), &href);
            let label = attachment_label(kind.as_deref(), a.size_in_bytes);
            Some(html! {
                <li>
                    <a {href} target="_blank" rel="noopener noreferrer">{ name }</a>
                    if !label.is_empty() {
                        <span class="db-attachment-info">{ format!(" ({label})") }</span>
                    }
                </li>
            })
        })
        .collect()
}
