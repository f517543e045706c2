//! The widget's attributes: their names, how each value is read, and the
//! defaults. This is the one source of that contract: [`Config`] reads it,
//! the build writes it into the loader (`district-bulletin contract`, see
//! [`crate::native::contract`]), and `district-bulletin render` takes the same names
//! as flags.
//!
//! Plain Rust: the caller hands over an attribute getter, so the rules
//! (names, defaults, bad values) are tested natively. The custom element uses
//! plain names (`feed`, `page-size`); the `<div>` form the same names with a
//! [`DATA_PREFIX`] (`data-feed`, `data-page-size`).

mod attributes;

pub use attributes::{attr, Attribute, Kind, ATTRIBUTES};

use crate::app::i18n::Lang;
use crate::app::load::column::{ColumnKind, Rule};

/// The custom element's name.
pub const ELEMENT: &str = "district-bulletin";

/// The attribute that marks any other element as a widget host (the form
/// for CMSs that strip unknown tags): `<div data-district-bulletin>`.
pub const DATA_MARKER: &str = "data-district-bulletin";

/// The prefix of every attribute on a `data-` host.
pub const DATA_PREFIX: &str = "data-";

/// Every widget host on a page, custom element or marked element.
pub const HOST_SELECTOR: &str = "district-bulletin, [data-district-bulletin]";

/// Attribute values that turn a boolean attribute off although it is present
/// (compared trimmed, ignoring ASCII case). Present with any other value,
/// empty included, means on, as for HTML boolean attributes.
pub const FALSE_WORDS: &[&str] = &["false", "0", "no", "off"];

/// The class of the widget's root element; with [`ELDER_CLASS`],
/// [`COMPACT_CLASS`] and [`Theme::class`] when those are on.
pub const ROOT_CLASS: &str = "db";

/// The root's class in 长者模式.
pub const ELDER_CLASS: &str = "db-elder";

/// The root's class for `compact`.
pub const COMPACT_CLASS: &str = "db-compact";

/// Most feeds one widget reads (the rest of the `feed` list is ignored).
pub const MAX_FEEDS: usize = 8;

/// Rows shown before 加载更多 when the page does not say.
pub const DEFAULT_PAGE_SIZE: usize = 20;

/// Most rows per page a page may ask for.
pub const MAX_PAGE_SIZE: usize = 1000;

/// Seconds a feed request may take when the page does not say.
pub const DEFAULT_TIMEOUT_SECS: u32 = 20;

/// Longest a page may let one request take, in seconds.
pub const MAX_TIMEOUT_SECS: u32 = 120;

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

impl Theme {
    /// The widget root's class for this theme (none for the default).
    pub fn class(self) -> Option<&'static str> {
        match self {
            Theme::Light => None,
            Theme::Dark => Some("db-theme-dark"),
            Theme::Auto => Some("db-theme-auto"),
        }
    }
}

/// A reader's text size, on top of the widget's font size (and of
/// 长者模式's), independent of the browser's zoom.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextSize {
    Small,
    #[default]
    Medium,
    Large,
    XLarge,
}

impl TextSize {
    /// Every step, smallest first.
    pub const ALL: [TextSize; 4] = [
        TextSize::Small,
        TextSize::Medium,
        TextSize::Large,
        TextSize::XLarge,
    ];

    /// The attribute's (and storage's) word for it.
    pub fn word(self) -> &'static str {
        match self {
            TextSize::Small => "small",
            TextSize::Medium => "medium",
            TextSize::Large => "large",
            TextSize::XLarge => "x-large",
        }
    }

    /// Reads the word (ignoring case and spaces); `None` for any other.
    pub fn from_word(word: &str) -> Option<TextSize> {
        let word = word.trim();
        TextSize::ALL
            .into_iter()
            .find(|t| word.eq_ignore_ascii_case(t.word()))
    }

    /// The widget root's class for this size (none for the default).
    pub fn class(self) -> Option<&'static str> {
        match self {
            TextSize::Small => Some("db-size-small"),
            TextSize::Medium => None,
            TextSize::Large => Some("db-size-large"),
            TextSize::XLarge => Some("db-size-x-large"),
        }
    }
}

/// Everything a webmaster can set on one widget instance.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    /// URLs of the feeds (`feed`, separated by whitespace), at most [`MAX_FEEDS`].
    pub feeds: Vec<String>,
    /// Category selected at start (`category`).
    pub category: Option<String>,
    /// Only these categories, in this order (`categories`, comma-separated).
    pub categories: Option<Vec<String>>,
    /// Rows per page before 加载更多 (`page-size`).
    pub page_size: usize,
    /// At most this many items, the pinned ones first (`max-items`).
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
    /// Text size to start with (`text-size`); a reader's own choice wins.
    pub text_size: Option<TextSize>,
    /// Each row with the item's image beside it (`thumbnails`).
    pub thumbnails: bool,
    /// Recent dates as 今天 / 昨天 / 3天前 (`relative-dates`).
    pub relative_dates: bool,
    /// Fetch the feed again every this many seconds (`refresh`; absent or
    /// 0: never). Clamped to [`MIN_REFRESH_SECS`]..=[`MAX_REFRESH_SECS`].
    pub refresh_secs: Option<u32>,
    /// The inspection rule the console's stale warning holds the column to
    /// (`column-kind`, `stale-after`).
    pub column: Rule,
}

/// Whether a boolean attribute with this value (`None`: absent) is on.
pub fn flag_on(v: Option<&str>) -> bool {
    v.is_some_and(|s| {
        let s = s.trim();
        !FALSE_WORDS.iter().any(|w| s.eq_ignore_ascii_case(w))
    })
}

fn positive(v: Option<String>) -> Option<usize> {
    v.and_then(|s| s.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
}

fn nonblank(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// The feed URLs of a `feed` attribute: separated by whitespace, at most
/// [`MAX_FEEDS`], each once.
pub fn feed_list(value: &str) -> Vec<String> {
    let mut feeds: Vec<String> = Vec::new();
    for url in value.split_whitespace() {
        if feeds.len() == MAX_FEEDS {
            break;
        }
        if !feeds.iter().any(|f| f == url) {
            feeds.push(url.to_string());
        }
    }
    feeds
}

impl Config {
    /// Reads the configuration through `get(name)`, which returns the
    /// attribute's value (for the `<div>` form the caller adds `data-`).
    /// Bad values fall back to defaults; nothing here fails.
    pub fn from_attributes(get: impl Fn(&str) -> Option<String>) -> Config {
        let flag = |a: crate::app::config::Attribute| flag_on(get(a.name).as_deref());
        let categories = nonblank(get(attr::CATEGORIES.name)).map(|s| {
            let mut seen = Vec::new();
            for c in s.split([',', '，', '、', '|']) {
                let c = c.trim();
                if !c.is_empty() && !seen.iter().any(|x: &String| x == c) {
                    seen.push(c.to_string());
                }
            }
            seen
        });
        let theme = get(attr::THEME.name).map(|t| t.trim().to_ascii_lowercase());
        Config {
            feeds: feed_list(&get(attr::FEED.name).unwrap_or_default()),
            category: nonblank(get(attr::CATEGORY.name)),
            categories: categories.filter(|c| !c.is_empty()),
            page_size: positive(get(attr::PAGE_SIZE.name))
                .unwrap_or(DEFAULT_PAGE_SIZE)
                .min(MAX_PAGE_SIZE),
            max_items: positive(get(attr::MAX_ITEMS.name)),
            lang: get(attr::LANG.name).as_deref().and_then(Lang::from_tag),
            heading: nonblank(get(attr::HEADING.name)),
            no_header: flag(attr::NO_HEADER),
            compact: flag(attr::COMPACT),
            no_filters: flag(attr::NO_FILTERS),
            elder: flag(attr::ELDER),
            text_size: get(attr::TEXT_SIZE.name)
                .as_deref()
                .and_then(TextSize::from_word),
            thumbnails: flag(attr::THUMBNAILS),
            relative_dates: flag(attr::RELATIVE_DATES),
            refresh_secs: positive(get(attr::REFRESH.name))
                .map(|s| s.clamp(MIN_REFRESH_SECS as usize, MAX_REFRESH_SECS as usize) as u32),
            column: Rule {
                kind: get(attr::COLUMN_KIND.name)
                    .as_deref()
                    .and_then(ColumnKind::parse),
                stale_after: positive(get(attr::STALE_AFTER.name))
                    .and_then(|d| u32::try_from(d).ok()),
            },
            timeout_secs: positive(get(attr::TIMEOUT.name)).map_or(DEFAULT_TIMEOUT_SECS, |t| {
                t.min(MAX_TIMEOUT_SECS as usize) as u32
            }),
            theme: match theme.as_deref() {
                Some("dark") => Theme::Dark,
                Some("auto") => Theme::Auto,
                _ => Theme::Light,
            },
        }
    }

    /// A configuration for `feeds` with every other setting at its default.
    pub fn for_feeds(feeds: &[&str]) -> Config {
        Config {
            feeds: feeds.iter().map(|f| f.to_string()).collect(),
            ..Config::from_attributes(|_| None)
        }
    }

    /// Whether several feeds are shown together (items then name their source).
    pub fn merges(&self) -> bool {
        self.feeds.len() > 1
    }

    /// One request's time limit, in milliseconds.
    pub fn timeout_ms(&self) -> u32 {
        self.timeout_secs.saturating_mul(1000)
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
        assert!(c.feeds.is_empty());
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
        assert_eq!(c.feeds, ["/news/feed.json"]);
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
    fn feeds_are_a_list() {
        let c = cfg(&[("feed", " /a.json\t/b.xml\n /a.json ")]);
        assert_eq!(c.feeds, ["/a.json", "/b.xml"]);
        assert!(c.merges());
        let many: Vec<String> = (0..20).map(|i| format!("/f{i}.json")).collect();
        assert_eq!(feed_list(&many.join(" ")).len(), MAX_FEEDS);
    }

    #[test]
    fn boolean_attributes() {
        assert!(flag_on(Some("")));
        assert!(flag_on(Some("compact")));
        assert!(flag_on(Some("true")));
        for off in ["false", " FALSE ", "0", "no", "Off"] {
            assert!(!flag_on(Some(off)), "{off:?}");
        }
        assert!(!flag_on(None));
    }

    #[test]
    fn text_sizes() {
        assert_eq!(
            cfg(&[("text-size", " X-Large ")]).text_size,
            Some(TextSize::XLarge)
        );
        assert_eq!(cfg(&[("text-size", "huge")]).text_size, None);
        for t in TextSize::ALL {
            assert_eq!(TextSize::from_word(t.word()), Some(t));
        }
        assert!(cfg(&[("thumbnails", "")]).thumbnails);
    }

    #[test]
    fn names_are_unique_and_kebab_case() {
        let mut seen = std::collections::HashSet::new();
        for a in ATTRIBUTES {
            assert!(seen.insert(a.name), "{} twice", a.name);
            assert!(a.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'));
        }
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

    #[test]
    fn the_column_kind_sets_the_stale_rule() {
        assert_eq!(cfg(&[]).column.days(), 14);
        let c = cfg(&[("column-kind", " 政策文件 ")]);
        assert_eq!(c.column.kind, Some(ColumnKind::Policy));
        assert_eq!(c.column.days(), 180);
        assert_eq!(cfg(&[("column-kind", "要闻")]).column.days(), 14);
        assert_eq!(cfg(&[("column-kind", "其他")]).column, Rule::default());
        let c = cfg(&[("column-kind", "通知公告"), ("stale-after", "30")]);
        assert_eq!(c.column.days(), 30);
        assert_eq!(cfg(&[("stale-after", "0")]).column.days(), 14);
        assert_eq!(cfg(&[("stale-after", "a week")]).column.days(), 14);
    }
}
