//! A round: the feeds of a widget (or their older pages) fetched in
//! parallel, parsed, checked for the webmaster's warnings, kept as the last
//! good copy, and merged into one [`Batch`].

use super::cache;
use super::fetch::{fetch_bytes, now_unix, Answer};
use crate::app::load::{digest, warnings, Batch, LoadError, Purpose};
use crate::model::feed::{labelled, merge, read_body, FeedError, Reading};
use crate::model::url::{absolute_feed_url, resolve_http};

/// Fetches `urls` in parallel (each request abandoned after `timeout_ms`,
/// retried with backoff), parses and merges them. A failing source does not
/// hide the others: its error comes back in [`Batch::failed`]; the round
/// fails only when every source fails. When `known` is the digest of the
/// previous round and nothing changed, nothing is parsed. `stop` aborts the
/// round's requests (the widget that asked is gone).
pub async fn load_feeds(
    urls: &[String],
    timeout_ms: u32,
    known: Option<u64>,
    purpose: Purpose,
    stop: Option<&web_sys::AbortSignal>,
) -> Result<Batch, LoadError> {
    if urls.is_empty() {
        return Err(LoadError::NoFeedUrl);
    }
    let answers = futures::future::join_all(urls.iter().map(|u| async move {
        fetch_bytes(u, timeout_ms, stop)
            .await
            .inspect_err(|e| warn_failure(u, e))
    }))
    .await;
    let at = now_unix();
    let digest = digest(
        &answers
            .iter()
            .map(|a| a.as_ref().ok().map(|a| a.body.as_slice()))
            .collect::<Vec<_>>(),
    );
    let fetched: Vec<String> = urls
        .iter()
        .map(|u| absolute_feed_url(u).unwrap_or_else(|| u.clone()))
        .collect();
    if known == Some(digest) && answers.iter().all(Result::is_ok) {
        return Ok(Batch {
            feed: None,
            at,
            failed: Vec::new(),
            fetched,
            next: Vec::new(),
            digest,
        });
    }
    let mut feeds = Vec::new();
    let mut failed = Vec::new();
    let mut next = Vec::new();
    for ((url, abs), answer) in urls.iter().zip(&fetched).zip(answers) {
        let parsed = answer.and_then(|Answer { body, content_type }| {
            let Reading { feed, report } = read_body(&body);
            let feed = feed
                .map_err(LoadError::Feed)
                .inspect_err(|e| warn_failure(url, e))?;
            if let Purpose::First { stale_days } = purpose {
                let ct = content_type.as_deref();
                for w in warnings::after_load(url, &feed, &report, ct, at, stale_days) {
                    warn(&w);
                }
                cache::keep_after_paint(url, body, at);
            }
            Ok(feed)
        });
        match parsed {
            Ok(mut feed) => {
                if let Some(n) = feed.next_url.as_deref().and_then(|n| resolve_http(n, abs)) {
                    next.push(n);
                }
                if purpose == (Purpose::Older { label: true }) {
                    feed = labelled(feed);
                }
                feeds.push(feed);
            }
            Err(e) => failed.push((url.clone(), e)),
        }
    }
    let first_error = failed.first().map(|(_, e)| e.clone());
    match merge(feeds) {
        Some(feed) => Ok(Batch {
            feed: Some(feed),
            at,
            failed,
            fetched,
            next,
            digest,
        }),
        None => Err(first_error.unwrap_or(LoadError::NoFeedUrl)),
    }
}

/// A warning for the webmaster, in the console (never shown to readers).
pub fn warn(message: &str) {
    web_sys::console::warn_1(&format!("[district-bulletin] {message}").into());
}

/// Tells the webmaster (in the console) what a failure probably means.
fn warn_failure(url: &str, e: &LoadError) {
    match e {
        LoadError::Network(_) => {
            let origin = |u: &str| web_sys::Url::new(u).map(|u| u.origin()).unwrap_or_default();
            let abs = absolute_feed_url(url).unwrap_or_default();
            let page = web_sys::window()
                .and_then(|w| w.location().origin().ok())
                .unwrap_or_default();
            if let Some(hint) = warnings::network_hint(url, &origin(&abs), &page) {
                warn(&hint);
            }
        }
        LoadError::Feed(FeedError::TooLarge { bytes, limit }) => warn(&format!(
            "{url}: the feed is {bytes} bytes, over the widget's cap of {limit}; publish fewer items per feed (next_url paging)."
        )),
        _ => warn(&format!("{url}: {e}")),
    }
}
