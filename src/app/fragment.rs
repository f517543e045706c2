//! A pre-rendered widget: the HTML fragment `district-bulletin render`
//! writes where the widget goes, and what the widget reads back from it.
//!
//! ```html
//! <district-bulletin feed="…" …>
//!   <template shadowrootmode="open">      the widget as its components render it,
//!     <style>…</style>                     with its styles: its look at first paint,
//!     <div class="db-root" data-version="…">…</div>   before any script
//!   </template>
//!   <section class="district-bulletin-static">…</section>   a plain list for robots
//!   <script type="application/json" class="district-bulletin-snapshot"
//!           data-rendered-at="…" data-fresh-for="…" data-version="…">{ the feed }</script>
//! </district-bulletin>
//! ```
//!
//! With `no-shadow` there is no template: the host carries
//! `data-db-light`, and its `<style>` (the light-DOM rules) and
//! `<div class="db-root">` are its own children, where the page's 无障碍
//! toolbar reaches them (and robots read the widget itself).
//!
//! When the loader runs, the widget takes over with a render of its own on
//! the snapshot, at the render's clock: the same markup, so nothing moves,
//! and no second download of the feed while the fragment is fresh. Anything
//! amiss (no snapshot, another version, a snapshot that does not read) is a
//! normal mount.
//!
//! The first screen the widget keeps in the browser for the next page view
//! (`crate::ui::net::cache`) is taken over the same way: the loader paints
//! it and marks its container with [`SCREEN_ATTR`], whose value is a
//! [`Screen`] line; the feed is the last good copy kept beside it.

use crate::app::load::Batch;
use crate::app::state::Head;
use crate::model::feed::{parse_feed, Feed};
use crate::model::url::resolve_http;

/// The class of the script element that carries the feed.
pub const SNAPSHOT_CLASS: &str = "district-bulletin-snapshot";

/// The container of the widget's markup inside its shadow root (the loader
/// creates it when nothing is pre-rendered).
pub const CONTAINER_CLASS: &str = "db-root";

/// When the fragment was rendered (Unix seconds).
pub const RENDERED_AT: &str = "data-rendered-at";

/// For how many seconds after that the fragment counts as fresh.
pub const FRESH_FOR: &str = "data-fresh-for";

/// The version of the widget that rendered it.
pub const VERSION_ATTR: &str = "data-version";

/// This widget's version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// A fragment's snapshot is left out above this size (a large archive): the
/// widget then fetches the feed as usual, and the pre-rendered markup stays
/// on screen meanwhile.
pub const MAX_SNAPSHOT_BYTES: usize = 1 << 20;

/// The attribute the loader puts on the container it painted a kept first
/// screen into: its [`Screen`] line.
pub const SCREEN_ATTR: &str = "data-db-screen";

/// The function the loader puts on each container it hands the widget:
/// called with a [`Screen`] line, it keeps the first screen drawn there for
/// the next page view; with `null`, it forgets the one it kept.
pub const SCREEN_HOOK: &str = "dbKeepScreen";

/// What a kept first screen was drawn from: the data fetched at `at` whose
/// bodies' digest is `digest`, at the clock `now` (all as the widget's state
/// had them). Written as one line, `at now digest`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Screen {
    pub at: i64,
    pub now: i64,
    pub digest: u64,
}

impl Screen {
    /// The line kept before the markup.
    pub fn line(&self) -> String {
        format!("{} {} {}", self.at, self.now, self.digest)
    }

    /// Reads a line written by [`Screen::line`].
    pub fn read(line: &str) -> Option<Screen> {
        let mut parts = line.split(' ');
        let screen = Screen {
            at: parts.next()?.parse().ok()?,
            now: parts.next()?.parse().ok()?,
            digest: parts.next()?.parse().ok()?,
        };
        parts.next().is_none().then_some(screen)
    }
}

/// What a fragment says about itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Meta {
    pub rendered_at: i64,
    pub fresh_for: u32,
    pub version: String,
}

impl Meta {
    /// Reads the snapshot element's attributes through `get`.
    pub fn read(get: impl Fn(&str) -> Option<String>) -> Option<Meta> {
        Some(Meta {
            rendered_at: get(RENDERED_AT)?.trim().parse().ok()?,
            fresh_for: get(FRESH_FOR)?.trim().parse().ok()?,
            version: get(VERSION_ATTR)?,
        })
    }

    /// Whether the fragment is still fresh at `now` (Unix seconds): then
    /// the widget does not ask for the feed again.
    pub fn is_fresh(&self, now: i64) -> bool {
        let age = now.saturating_sub(self.rendered_at);
        (0..i64::from(self.fresh_for)).contains(&age)
    }
}

/// The head start a fragment gives a widget of version [`VERSION`] whose
/// feed is `feed_url` (absolute): the snapshot's feed, as if it had just
/// been fetched at the render's time. `None` when it is from another
/// version or does not read.
pub fn head(meta: &Meta, snapshot: &str, feed_url: Option<&str>) -> Option<Head> {
    if meta.version != VERSION {
        return None;
    }
    let feed: Feed = parse_feed(snapshot.as_bytes()).ok()?;
    // Not the bodies' digest (no platform-independent one is kept): a
    // refresh parses what it gets.
    Some(answer(feed, meta.rendered_at, feed_url, 0))
}

/// `feed` (of `feed_url`, absolute) as the answer to the first request,
/// fetched at `at`, its bodies' digest `digest`: how a widget starts from
/// data it already holds (a fragment's snapshot, a kept first screen's copy).
pub fn answer(feed: Feed, at: i64, feed_url: Option<&str>, digest: u64) -> Head {
    let next = match (&feed.next_url, feed_url) {
        (Some(n), Some(base)) => resolve_http(n, base).into_iter().collect(),
        _ => Vec::new(),
    };
    Head::Answer(Ok(Batch {
        feed: Some(feed),
        at,
        failed: Vec::new(),
        fetched: feed_url.map(str::to_string).into_iter().collect(),
        next,
        digest,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn freshness_and_versions() {
        let meta = Meta::read(|n| {
            Some(match n {
                RENDERED_AT => "1000".to_string(),
                FRESH_FOR => "600".to_string(),
                _ => VERSION.to_string(),
            })
        })
        .expect("meta");
        assert!(meta.is_fresh(1000) && meta.is_fresh(1599));
        assert!(!meta.is_fresh(1600), "too old");
        assert!(!meta.is_fresh(999), "from the future: not trusted");
        assert!(Meta::read(|_| None).is_none());
        let other = Meta {
            version: "0.0.1".into(),
            ..meta.clone()
        };
        let feed =
            r#"{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"a","title":"t"}]}"#;
        assert!(head(&meta, feed, None).is_some());
        assert!(head(&other, feed, None).is_none(), "another version");
        assert!(head(&meta, "{not json", None).is_none());
    }

    #[test]
    fn a_screen_line_reads_back() {
        let s = Screen {
            at: 1_700_000_000,
            now: 1_700_000_042,
            digest: u64::MAX,
        };
        assert_eq!(Screen::read(&s.line()), Some(s));
        for bad in ["", "1 2", "1 2 x", "1 2 3 4", "1  2 3"] {
            assert_eq!(Screen::read(bad), None, "{bad:?}");
        }
    }
}
