//! The builder page: the feed fields and the attributes on one side, the
//! live widget, the checks and the texts to copy on the other (one column
//! on a phone).

use super::copy::CopyBox;
use super::form::Options;
use super::report::Report;
use super::use_checks::use_checks;
use super::use_page::{page_url, use_document_lang, use_integrity, use_preview, use_settled};
use crate::app::config::{Attribute, Config};
use crate::app::embed::text::text;
use crate::app::embed::{csp, origin_of, render_lines, snippet, Choices, SCRIPT_FILE};
use crate::app::i18n::Lang;
use crate::model::url::{resolve, resolve_http};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// How long the settings must rest before the preview and the checks
/// follow them.
const SETTLE_MS: u32 = 400;

/// What the page reads from the settings: the feeds resolved against it.
fn absolute_feeds(c: &Choices, page: &str) -> Vec<String> {
    c.feed_list()
        .iter()
        .filter_map(|f| resolve_http(f, page))
        .collect()
}

/// The feed fields: one `<input type="url">` per feed, one more on demand.
fn feed_fields(choices: &UseStateHandle<Choices>, lang: Lang) -> Html {
    let w = text(lang);
    let rows = choices.feeds.iter().enumerate().map(|(i, value)| {
        let id = format!("feed-{i}");
        let label = format!("{} {}", w.feed_n, i + 1);
        let oninput = {
            let choices = choices.clone();
            Callback::from(move |e: InputEvent| {
                let mut next = (*choices).clone();
                if let Some(f) = next.feeds.get_mut(i) {
                    *f = e.target_unchecked_into::<HtmlInputElement>().value();
                }
                choices.set(next);
            })
        };
        let remove = {
            let choices = choices.clone();
            Callback::from(move |_| {
                let mut next = (*choices).clone();
                if next.feeds.len() > 1 {
                    next.feeds.remove(i);
                }
                choices.set(next);
            })
        };
        html! {
            <div class="feed-row">
                <label for={id.clone()}>{ label.clone() }</label>
                <input type="url" id={id} value={value.clone()} {oninput}
                    placeholder="https://www.example.gov.cn/news/feed.json" autocomplete="url" />
                if choices.feeds.len() > 1 {
                    <button type="button" class="remove" onclick={remove}
                        aria-label={format!("{} {label}", w.remove)}>{ w.remove }</button>
                }
            </div>
        }
    });
    let add = {
        let choices = choices.clone();
        Callback::from(move |_| {
            let mut next = (*choices).clone();
            next.feeds.push(String::new());
            choices.set(next);
        })
    };
    let full = choices.feeds.len() >= crate::app::config::MAX_FEEDS;
    html! {
        <fieldset class="feeds">
            <legend>{ w.feeds }</legend>
            { for rows }
            <button type="button" class="add" onclick={add} disabled={full}>{ w.add_feed }</button>
        </fieldset>
    }
}

/// The texts to copy, for the settings as they are now.
fn copies(choices: &Choices, integrity: Option<&str>, lang: Lang) -> Html {
    let w = text(lang);
    let page = page_url();
    let script = resolve(SCRIPT_FILE, &page)
        .map(|(_, href)| href)
        .unwrap_or_default();
    let page_origin = origin_of(&page).unwrap_or_default();
    let feeds = absolute_feeds(choices, &page);
    let render = render_lines(choices, &feeds, &format!("{page_origin}/"));
    let snippet = snippet(&script, integrity.unwrap_or("sha384-…"), choices);
    let csp = csp(
        &page_origin,
        &origin_of(&script).unwrap_or_default(),
        &feeds,
    );
    html! {
        <>
            <CopyBox id="copy-snippet" label={w.snippet} help={Some(AttrValue::from(w.snippet_help))}
                text={snippet} words={w} />
            <CopyBox id="copy-csp" label={w.csp} help={Some(AttrValue::from(w.csp_help))} text={csp} words={w} />
            <CopyBox id="copy-render" label={w.render} help={Some(AttrValue::from(w.render_help))}
                text={render.command} words={w} />
            <CopyBox id="copy-cron" label={w.cron} text={render.cron} words={w} />
            <CopyBox id="copy-ssi" label={w.ssi} text={render.ssi} words={w} />
        </>
    }
}

/// The whole page.
#[function_component(Builder)]
pub fn builder() -> Html {
    let lang = use_state(Lang::default);
    let choices = use_state(Choices::new);
    let w = text(*lang);
    use_document_lang(w.lang);
    let integrity = use_integrity();
    let settled = use_settled((*choices).clone(), SETTLE_MS);
    let preview = use_node_ref();
    use_preview(preview.clone(), settled.attributes());
    let rule = Config::from_attributes(|n| settled.get(n).map(str::to_string)).column;
    let checks = use_checks(absolute_feeds(&settled, &page_url()), rule);

    let on_set = {
        let choices = choices.clone();
        Callback::from(move |(a, v): (&'static Attribute, Option<String>)| {
            let mut next = (*choices).clone();
            next.set(a, v);
            choices.set(next);
        })
    };
    let on_id = {
        let choices = choices.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*choices).clone();
            next.id = e.target_unchecked_into::<HtmlInputElement>().value();
            choices.set(next);
        })
    };
    let switch = {
        let lang = lang.clone();
        Callback::from(move |_| {
            lang.set(match *lang {
                Lang::ZhCn => Lang::En,
                Lang::En => Lang::ZhCn,
            })
        })
    };
    html! {
        <>
            <header class="top">
                <h1>{ w.title }</h1>
                <button type="button" class="switch" lang={w.switch_lang} onclick={switch}>{ w.switch }</button>
            </header>
            <main class="layout">
                <p class="intro">{ w.intro }</p>
                // Two columns from 60rem; on a phone one, in the order a
                // webmaster works: the feeds, what they give, the options,
                // what to copy (see builder.css).
                <div class="column">
                    <form class="settings" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                        { feed_fields(&choices, *lang) }
                        <div class="field">
                            <label for="element-id">{ w.id }</label>
                            <input type="text" id="element-id" value={choices.id.clone()} oninput={on_id} />
                        </div>
                    </form>
                    <section class="options-box">
                        <Options choices={(*choices).clone()} lang={*lang} words={w} {on_set} />
                    </section>
                </div>
                <div class="column">
                    <section class="preview-box" aria-labelledby="preview-title">
                        <h2 id="preview-title">{ w.preview }</h2>
                        if settled.feed_list().is_empty() {
                            <p class="note">{ w.no_feed }</p>
                        }
                        <div class="preview" ref={preview}></div>
                    </section>
                    <section class="checks" aria-labelledby="check-title">
                        <h2 id="check-title">{ w.check }</h2>
                        if checks.feeds.is_empty() {
                            <p class="note">{ w.no_feed }</p>
                        }
                        { for checks.feeds.iter().map(|f| html! {
                            <Report feed={f.clone()} lang={*lang} words={w} />
                        }) }
                    </section>
                    <section class="copies" aria-labelledby="copy-title">
                        <h2 id="copy-title">{ w.copy }</h2>
                        { copies(&choices, integrity.as_deref(), *lang) }
                    </section>
                </div>
            </main>
        </>
    }
}
