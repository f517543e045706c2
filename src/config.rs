//! Widget configuration read from the host element's attributes.
//!
//! Plain Rust: the caller hands over an attribute getter, so the rules
//! (names, defaults, bad values) are tested natively. The custom element uses
//! plain names (`feed`, `page-size`); the `<div>` form the same names with a
//! `data-` prefix (`data-feed`, `data-page-size`).

use crate::messages::Lang;

/// Rows shown before 加载更多 when the page does not say.
pub const DEFAULT_PAGE_SIZE: usize = 20;

/// Seconds a feed request may take when the page does not say.
pub const DEFAULT_TIMEOUT_SECS: u32 = 20;

/// Shortest refresh interval a page may ask for, in seconds: a feed is
/// news, not a ticker, and every reader's browser polls the server.
pub const MIN_REFRESH_SECS: u32 = 10;

/// Longest refresh interval, in seconds (a day).
pub const MAX_REFRESH_SECS: u32 = 86_400;

/// Colour theme of the widget.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Light, whatever the reader's system prefers (the default: it matches
    /// most portal pages).
    #[default]
    Light,
    Dark,
    /// Follows the reader's `prefers-color-scheme`.
    Auto,
}

/// Everything a webmaster can set on one widget instance.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    /// URL of the feed (`feed`).
    pub feed: String,
    /// Category selected at start (`category`).
    pub category: Option<String>,
    /// Only these categories, in this order (`categories`, comma-separated).
    pub categories: Option<Vec<String>>,
    /// Rows per page before 加载更多 (`page-size`).
    pub page_size: usize,
    /// At most this many of the newest items (`max-items`).
    pub max_items: Option<usize>,
    /// Interface language (`lang`); `None` lets the feed or page decide.
    pub lang: Option<Lang>,
    /// Header text instead of the feed's title (`heading`).
    pub heading: Option<String>,
    /// No header at all (`no-header`).
    pub no_header: bool,
    /// Dense rows without summaries (`compact`).
    pub compact: bool,
    /// No search box and filter bar, only tabs and list (`no-filters`): for
    /// a small column on a home page.
    pub no_filters: bool,
    pub theme: Theme,
    /// Seconds one request may take before it is abandoned (`timeout`, 1–120).
    pub timeout_secs: u32,
    /// Start in 长者模式 (large text, high contrast, big targets) (`elder`).
    pub elder: bool,
    /// Recent dates as 今天 / 昨天 / 3天前 (`relative-dates`).
    pub relative_dates: bool,
    /// Fetch the feed again every this many seconds (`refresh`; absent or
    /// 0: never). Clamped to [`MIN_REFRESH_SECS`]..=[`MAX_REFRESH_SECS`].
    pub refresh_secs: Option<u32>,
}

/// Names of all attributes the widget reads (without the `data-` prefix);
/// the custom element observes exactly these.
pub const ATTRIBUTES: &[&str] = &[
    "feed",
    "category",
    "categories",
    "page-size",
    "max-items",
    "lang",
    "heading",
    "no-header",
    "compact",
    "no-filters",
    "theme",
    "timeout",
    "elder",
    "relative-dates",
    "refresh",
];

fn flag(v: Option<String>) -> bool {
    // Present means on, as for HTML boolean attributes, except an explicit "false"/"0"/"no".
    match v {
        None => false,
        Some(s) => !matches!(
            s.trim().to_ascii_lowercase().as_str(),
            "false" | "0" | "no" | "off"
        ),
    }
}

fn positive(v: Option<String>) -> Option<usize> {
    v.and_then(|s| s.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
}

fn nonblank(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

impl Config {
    /// Reads the configuration through `get(name)`, which returns the
    /// attribute's value (for the `<div>` form the caller adds `data-`).
    /// Bad values fall back to defaults; nothing here fails.
    pub fn from_attributes(get: impl Fn(&str) -> Option<String>) -> Config {
        let categories = nonblank(get("categories")).map(|s| {
            let mut seen = Vec::new();
            for c in s.split([',', '，', '、', '|']) {
                let c = c.trim();
                if !c.is_empty() && !seen.iter().any(|x: &String| x == c) {
                    seen.push(c.to_string());
                }
            }
            seen
        });
        Config {
            feed: nonblank(get("feed")).unwrap_or_default(),
            category: nonblank(get("category")),
            categories: categories.filter(|c| !c.is_empty()),
            page_size: positive(get("page-size"))
                .unwrap_or(DEFAULT_PAGE_SIZE)
                .min(1000),
            max_items: positive(get("max-items")),
            lang: get("lang").as_deref().and_then(Lang::from_tag),
            heading: nonblank(get("heading")),
            no_header: flag(get("no-header")),
            compact: flag(get("compact")),
            no_filters: flag(get("no-filters")),
            elder: flag(get("elder")),
            relative_dates: flag(get("relative-dates")),
            refresh_secs: positive(get("refresh"))
                .map(|s| s.clamp(MIN_REFRESH_SECS as usize, MAX_REFRESH_SECS as usize) as u32),
            timeout_secs: positive(get("timeout"))
                .map_or(DEFAULT_TIMEOUT_SECS, |t| t.min(120) as u32),
            theme: match get("theme")
                .map(|t| t.trim().to_ascii_lowercase())
                .as_deref()
            {
                Some("dark") => Theme::Dark,
                Some("auto") => Theme::Auto,
                _ => Theme::Light,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn cfg(pairs: &[(&str, &str)]) -> Config {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_attributes(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults() {
        let c = cfg(&[]);
        assert_eq!(c.feed, "");
        assert_eq!(c.page_size, DEFAULT_PAGE_SIZE);
        assert_eq!(c.theme, Theme::Light);
        assert!(!c.compact && !c.no_header);
        assert_eq!(c.lang, None);
        assert_eq!(c.timeout_secs, DEFAULT_TIMEOUT_SECS);
    }

    #[test]
    fn every_attribute() {
        let c = cfg(&[
            ("feed", " /news/feed.json "),
            ("category", "通知公告"),
            ("categories", "通知公告，生态环保, 通知公告 ,、"),
            ("page-size", "10"),
            ("max-items", "50"),
            ("lang", "en-US"),
            ("heading", "区政府信息"),
            ("no-header", ""),
            ("compact", "true"),
            ("theme", "Dark"),
        ]);
        assert_eq!(c.feed, "/news/feed.json");
        assert_eq!(c.category.as_deref(), Some("通知公告"));
        assert_eq!(
            c.categories,
            Some(vec!["通知公告".to_string(), "生态环保".to_string()])
        );
        assert_eq!((c.page_size, c.max_items), (10, Some(50)));
        assert_eq!(c.lang, Some(Lang::En));
        assert_eq!(c.heading.as_deref(), Some("区政府信息"));
        assert!(c.no_header && c.compact);
        assert_eq!(c.theme, Theme::Dark);
    }

    #[test]
    fn the_loader_observes_exactly_these_attributes() {
        let loader = include_str!("../loader/district-bulletin.js");
        let line = loader
            .lines()
            .find(|l| l.contains("var ATTRIBUTES = ["))
            .expect("ATTRIBUTES in the loader");
        let listed: Vec<&str> = line.split('"').skip(1).step_by(2).collect();
        assert_eq!(listed, ATTRIBUTES);
    }

    #[test]
    fn bad_values_fall_back() {
        let c = cfg(&[
            ("page-size", "-3"),
            ("max-items", "lots"),
            ("lang", "klingon"),
            ("theme", "neon"),
            ("compact", "false"),
            ("categories", " , "),
        ]);
        assert_eq!(c.page_size, DEFAULT_PAGE_SIZE);
        assert_eq!(c.max_items, None);
        assert_eq!(c.lang, None);
        assert_eq!(c.theme, Theme::Light);
        assert!(!c.compact);
        assert_eq!(c.categories, None);
        assert_eq!(cfg(&[("page-size", "999999")]).page_size, 1000);
        assert_eq!(cfg(&[("timeout", "5")]).timeout_secs, 5);
        assert_eq!(cfg(&[("timeout", "9999")]).timeout_secs, 120);
        assert_eq!(cfg(&[("timeout", "0")]).timeout_secs, DEFAULT_TIMEOUT_SECS);
        assert_eq!(cfg(&[("refresh", "300")]).refresh_secs, Some(300));
        assert_eq!(
            cfg(&[("refresh", "1")]).refresh_secs,
            Some(MIN_REFRESH_SECS)
        );
        assert_eq!(cfg(&[("refresh", "0")]).refresh_secs, None);
        assert_eq!(cfg(&[("refresh", "soon")]).refresh_secs, None);
        assert_eq!(cfg(&[]).refresh_secs, None);
    }
}
