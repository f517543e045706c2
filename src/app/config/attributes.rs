//! The attributes a webmaster can set, one constant each, with how each
//! value is read and what it means: the contract's table.

/// How an attribute's value is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// On when present, unless its value is one of [`FALSE_WORDS`](super::FALSE_WORDS).
    Flag,
    /// Text, trimmed; blank is absent.
    Text,
    /// A whole number in a range; anything else is the default.
    Number,
    /// One of a few words, ignoring case; anything else is the default.
    Choice(&'static [&'static str]),
}

/// One attribute of the widget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Attribute {
    /// The name on `<district-bulletin>` (with [`DATA_PREFIX`](super::DATA_PREFIX) on other hosts).
    pub name: &'static str,
    pub kind: Kind,
    /// What it means, in a line (the `render` command's help).
    pub about: &'static str,
    /// Read by the loader only (when to start), not by the widget; still
    /// observed, so the custom element sees it change.
    pub loader_only: bool,
}

const fn attribute(name: &'static str, kind: Kind, about: &'static str) -> Attribute {
    Attribute {
        name,
        kind,
        about,
        loader_only: false,
    }
}

/// The attributes, one constant each: code reads them by these names only.
pub mod attr {
    use super::{attribute, Attribute, Kind};

    pub const FEED: Attribute = attribute(
        "feed",
        Kind::Text,
        "URL of the feed (JSON Feed, RSS or Atom); several separated by spaces",
    );
    pub const CATEGORY: Attribute =
        attribute("category", Kind::Text, "category (栏目) selected at start");
    pub const CATEGORIES: Attribute = attribute(
        "categories",
        Kind::Text,
        "only these categories, in this order (separated by , ， 、 or |)",
    );
    pub const PAGE_SIZE: Attribute = attribute(
        "page-size",
        Kind::Number,
        "rows shown before 加载更多 (1–1000)",
    );
    pub const MAX_ITEMS: Attribute = attribute(
        "max-items",
        Kind::Number,
        "show at most this many items: the pinned ones, then the newest",
    );
    pub const LANG: Attribute = attribute(
        "lang",
        Kind::Text,
        "interface language: zh-CN or en (default: the feed's, else the page's)",
    );
    pub const HEADING: Attribute = attribute(
        "heading",
        Kind::Text,
        "header text instead of the feed's title",
    );
    pub const NO_HEADER: Attribute = attribute("no-header", Kind::Flag, "no header at all");
    pub const COMPACT: Attribute = attribute("compact", Kind::Flag, "dense rows without summaries");
    pub const NO_FILTERS: Attribute = attribute(
        "no-filters",
        Kind::Flag,
        "no search box or filter bar (tabs and list only)",
    );
    pub const THEME: Attribute = attribute(
        "theme",
        Kind::Choice(&["light", "dark", "auto"]),
        "light, dark, or auto (follows the reader's system)",
    );
    pub const TIMEOUT: Attribute = attribute(
        "timeout",
        Kind::Number,
        "seconds one feed request may take (1–120)",
    );
    pub const ELDER: Attribute = attribute(
        "elder",
        Kind::Flag,
        "start in 长者模式 (readers can switch it; their choice is remembered)",
    );
    pub const TEXT_SIZE: Attribute = attribute(
        "text-size",
        Kind::Choice(&["small", "medium", "large", "x-large"]),
        "text size to start with: small, medium, large or x-large (readers can change it; their choice is remembered)",
    );
    pub const THUMBNAILS: Attribute = attribute(
        "thumbnails",
        Kind::Flag,
        "each row with the item's image beside it",
    );
    pub const RELATIVE_DATES: Attribute = attribute(
        "relative-dates",
        Kind::Flag,
        "今天 / 昨天 / N天前 for recent items",
    );
    pub const REFRESH: Attribute = attribute(
        "refresh",
        Kind::Number,
        "fetch the feed again every this many seconds (10–86400)",
    );
    pub const COLUMN_KIND: Attribute = attribute(
        "column-kind",
        Kind::Choice(&["动态", "通知公告", "政策文件"]),
        "the column's kind for the inspection rule (国办秘函〔2019〕19号): 动态 (要闻), or 通知公告 or 政策文件; the console warns after 14, 180 or 180 days without news",
    );
    pub const STALE_AFTER: Attribute = attribute(
        "stale-after",
        Kind::Number,
        "days without news before the console warns, instead of column-kind's (default 14)",
    );
    pub const NO_SHADOW: Attribute = Attribute {
        loader_only: true,
        ..attribute(
            "no-shadow",
            Kind::Flag,
            "render into the page's own DOM, for its 无障碍 toolbar (the page's strongest CSS rules then reach the widget)",
        )
    };
    pub const FRAGMENT: Attribute = Attribute {
        loader_only: true,
        ..attribute(
            "fragment",
            Kind::Text,
            "URL of a fragment `district-bulletin render` wrote beside the feed: painted before the widget starts",
        )
    };
    pub const EAGER: Attribute = Attribute {
        loader_only: true,
        ..attribute(
            "eager",
            Kind::Flag,
            "start at once instead of when the widget nears the viewport",
        )
    };
}

/// Every attribute, in the order README lists them; the custom element
/// observes exactly these.
pub const ATTRIBUTES: &[Attribute] = &[
    attr::FEED,
    attr::CATEGORY,
    attr::CATEGORIES,
    attr::PAGE_SIZE,
    attr::MAX_ITEMS,
    attr::LANG,
    attr::HEADING,
    attr::NO_HEADER,
    attr::COMPACT,
    attr::NO_FILTERS,
    attr::THEME,
    attr::EAGER,
    attr::NO_SHADOW,
    attr::FRAGMENT,
    attr::TIMEOUT,
    attr::ELDER,
    attr::TEXT_SIZE,
    attr::THUMBNAILS,
    attr::RELATIVE_DATES,
    attr::REFRESH,
    attr::COLUMN_KIND,
    attr::STALE_AFTER,
];
