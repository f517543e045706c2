//! The last good copy of each feed, in `localStorage`, so a reader whose
//! network fails still sees the news (marked with its age), and a returning
//! reader sees the news at once.
//!
//! Beside it, the loader keeps the first screen the widget drew from that
//! copy, and paints it at once on the next page view (see
//! `crate::app::fragment`).
//!
//! Bounded: a copy over 1.5 MB of text is not kept, at most 4 feeds are kept
//! (the least recently saved goes first), a first screen over 256 kB is not
//! kept, at most 4 are, and any storage error (private mode, quota, storage
//! disabled) just means there is no copy.

use crate::app::fragment::Screen;
use crate::app::load::digest;
use crate::model::feed::{parse_body, Feed};
use crate::model::url::absolute_feed_url;
use web_sys::Storage;

const PREFIX: &str = "district-bulletin:feed:";
const INDEX: &str = "district-bulletin:feeds";
/// Largest body kept, in characters (localStorage holds about 5 MB per origin).
pub const MAX_CHARS: usize = 1_500_000;
/// Most feeds kept per origin.
pub const MAX_FEEDS: usize = 4;

/// Where a first screen is kept: this, then the instance's fingerprint. The
/// loader writes and reads it (`keepScreen`, `screenKey`), within these
/// bounds, given through the contract; the widget says when
/// (`crate::ui::hooks::use_first_screen`).
pub const SCREEN_PREFIX: &str = "district-bulletin:screen:";
/// The list of the first screens kept, least recently kept first.
pub const SCREEN_INDEX: &str = "district-bulletin:screens";
/// Largest first screen kept, in characters of its markup.
pub const MAX_SCREEN_CHARS: usize = 256 * 1024;
/// Most first screens kept per origin.
pub const MAX_SCREENS: usize = 4;

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

/// The last good copy a kept first screen was drawn from: the one feed of
/// `feeds`, when its kept body is still the one whose digest is
/// `screen.digest`; with its absolute URL.
pub fn screen_feed(feeds: &[String], screen: Screen) -> Option<(Feed, String)> {
    let (body, url) = copy_of(feeds, screen.digest)?;
    Some((parse_body(body.as_bytes()).ok()?, url))
}

/// Whether the last good copy of `feeds` (one feed) is the one whose digest
/// is `digest`: a first screen is worth keeping only beside its copy.
pub fn holds(feeds: &[String], digest: u64) -> bool {
    copy_of(feeds, digest).is_some()
}

/// The kept body of the one feed of `feeds` and its absolute URL, when its
/// digest is `want`.
fn copy_of(feeds: &[String], want: u64) -> Option<(String, String)> {
    let [url] = feeds else {
        return None;
    };
    let url = key(url)?;
    let (body, _) = load(&url)?;
    (digest(&[Some(body.as_bytes())]) == want).then_some((body, url))
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
