//! What `district-bulletin check` says about one feed, as the builder
//! shows it: the verdict, the format, the items, staleness, the problems
//! with their line and column, CORS and the HTTP status. The `data-`
//! attributes carry the same facts for scripts (the end-to-end test).

use super::use_checks::{Checked, FeedCheck};
use crate::app::check::{Cors, KindFrom};
use crate::app::embed::text::{fill, Text};
use crate::app::i18n::{load_error, Lang};
use crate::model::feed::Format;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReportProps {
    pub feed: FeedCheck,
    pub lang: Lang,
    pub words: &'static Text,
}

fn row(term: &str, value: Html) -> Html {
    html! { <><dt>{ term.to_string() }</dt><dd>{ value }</dd></> }
}

fn cors_text(c: &Checked, w: &Text) -> &'static str {
    let cors = c.check.http.as_ref().map(|h| h.cors).or(c.cors);
    match cors {
        Some(Cors::SameOrigin) => w.cors_same,
        Some(Cors::Allowed) => w.cors_allowed,
        Some(Cors::Denied) => w.cors_denied,
        Some(Cors::NotAsked) | None => w.cors_unknown,
    }
}

fn details(c: &Checked, lang: Lang, w: &'static Text) -> Html {
    let check = &c.check;
    let failure = check.failure();
    let verdict = match &failure {
        None => w.shown.to_string(),
        Some(e) => format!("{}：{}", w.not_shown, load_error(lang, e)),
    };
    let format = check
        .report
        .format
        .as_ref()
        .map_or(w.not_a_feed.to_string(), Format::to_string);
    let feed = check.feed.as_ref().and_then(|f| f.as_ref().ok());
    let (shown, all) = feed.map_or((0, 0), |f| (f.items.len(), check.report.items_in_document));
    let newest = match &check.newest {
        Some((date, days)) => {
            let mut s = format!(
                "{date}, {}",
                fill(w.days_ago, &[("days", days.to_string())])
            );
            if check.stale() {
                s.push_str(&format!(
                    "：{}",
                    fill(w.stale, &[("limit", check.rule.days().to_string())])
                ));
            }
            s
        }
        None => w.no_dates.to_string(),
    };
    let kind = check.kind_label().unwrap_or("—");
    let mut column = fill(
        w.column_line,
        &[
            ("kind", kind.to_string()),
            ("limit", check.rule.days().to_string()),
        ],
    );
    if matches!(check.kind_from, KindFrom::Title(_) | KindFrom::Category(_)) {
        column.push_str(w.column_read);
    }
    let problems = check.problems();
    let status = check.http.as_ref().map(|h| h.http.status);
    html! {
        <dl data-verdict={if failure.is_none() { "shown" } else { "not-shown" }}
            data-shown={shown.to_string()} data-in-document={all.to_string()}
            data-stale={check.stale().to_string()} data-stale-after={check.rule.days().to_string()}>
            { row(if lang == Lang::ZhCn { "结论" } else { "Verdict" },
                html! { <strong class="verdict">{ verdict }</strong> }) }
            { row(w.format, html! { { format } }) }
            if feed.is_some() {
                { row(w.items, html! { { fill(w.items_line, &[("shown", shown.to_string()), ("all", all.to_string())]) } }) }
                { row(w.column, html! { { column } }) }
                { row(w.newest, html! { <span class={classes!(check.stale().then_some("stale"))}>{ newest }</span> }) }
            }
            { row(w.problems, if problems.is_empty() {
                html! { { w.none } }
            } else {
                html! { <ul class="problems">{ for problems.iter().map(|p| html! {
                    <li data-line={p.at.map(|a| a.line.to_string())}
                        data-column={p.at.map(|a| a.column.to_string())}>{ p.text.clone() }</li>
                }) }</ul> }
            }) }
            { row(w.cors, html! { { cors_text(c, w) } }) }
            if let Some(s) = status {
                { row(w.http, html! { { s.to_string() } }) }
            }
        </dl>
    }
}

/// One feed's check, or 正在检查… while it runs.
#[function_component(Report)]
pub fn report(props: &ReportProps) -> Html {
    let w = props.words;
    html! {
        <section class="report" data-feed={props.feed.url.clone()} aria-busy={props.feed.result.is_none().to_string()}>
            <h3>{ props.feed.url.clone() }</h3>
            { match &props.feed.result {
                None => html! { <p role="status">{ w.checking }</p> },
                Some(c) => details(c, props.lang, w),
            } }
        </section>
    }
}
