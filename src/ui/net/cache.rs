//! The last good copy of each feed, in `localStorage`, so a reader whose
//! network fails still sees the news (marked with its age), and a returning
//! reader sees the news at once.
//!
//! Bounded: a copy over 1.5 MB of text is not kept, at most 4 feeds are kept
//! (the least recently saved goes first), and any storage error (private
//! mode, quota, storage disabled) just means there is no copy.

use crate::model::feed::{parse_body, Feed};
use crate::model::url::absolute_feed_url;
use web_sys::Storage;

const PREFIX: &str = "district-bulletin:feed:";
const INDEX: &str = "district-bulletin:feeds";
/// Largest body kept, in characters (localStorage holds about 5 MB per origin).
pub const MAX_CHARS: usize = 1_500_000;
/// Most feeds kept per origin.
pub const MAX_FEEDS: usize = 4;

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The saved body of `url` and when it was fetched (Unix seconds).
pub fn load(url: &str) -> Option<(String, i64)> {
    let raw = storage()?.get_item(&format!("{PREFIX}{url}")).ok()??;
    let (time, body) = raw.split_once('\n')?;
    Some((body.to_string(), time.parse().ok()?))
}

/// Keeps `body` as the last good copy of `url`, fetched at `at` (Unix seconds).
pub fn save(url: &str, body: &str, at: i64) {
    let Some(s) = storage() else {
        return;
    };
    if body.chars().count() > MAX_CHARS {
        return;
    }
    let mut index: Vec<String> = s
        .get_item(INDEX)
        .ok()
        .flatten()
        .map(|i| i.lines().map(str::to_string).collect())
        .unwrap_or_default();
    index.retain(|u| u != url);
    index.push(url.to_string());
    while index.len() > MAX_FEEDS {
        let old = index.remove(0);
        let _ = s.remove_item(&format!("{PREFIX}{old}"));
    }
    if s.set_item(&format!("{PREFIX}{url}"), &format!("{at}\n{body}"))
        .is_ok()
    {
        let _ = s.set_item(INDEX, &index.join("\n"));
    }
}

/// Keeps `body`, the feed of `url` fetched at `at`, once the rows are
/// painted: writing `localStorage` is synchronous and costs milliseconds
/// per 100 kB. (Kept as text: an RSS feed in GB2312 is kept only when it is
/// UTF-8.)
pub fn keep_after_paint(url: &str, body: Vec<u8>, at: i64) {
    if let (Some(key), Ok(text)) = (key(url), String::from_utf8(body)) {
        crate::ui::browser::schedule::after_paint(move || save(&key, &text, at)).detach();
    }
}

/// The last good copy of a widget's feeds, if one was kept and still
/// parses, with when it was fetched. Only for a single feed: each feed of
/// several is kept, the merge is not.
pub fn kept_feed(feeds: &[String]) -> Option<(Feed, i64)> {
    let [url] = feeds else {
        return None;
    };
    let (body, at) = load(&key(url)?)?;
    let feed = parse_body(body.as_bytes()).ok()?;
    Some((feed, at))
}

/// Copies are kept per absolute feed URL (not for `blob:`/`data:` URLs).
fn key(url: &str) -> Option<String> {
    let abs = absolute_feed_url(url)?;
    (abs.starts_with("http:") || abs.starts_with("https:")).then_some(abs)
}
