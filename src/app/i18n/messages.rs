//! Every piece of text the widget shows the reader, in one catalogue per
//! language (Simplified Chinese, the default, and English), and the
//! sentences composed from them.

use super::Lang;
use crate::app::load::LoadError;
use crate::model::feed::{Encoding, FeedError, JsonKind};

/// The reader-facing strings of one language.
#[derive(Debug, PartialEq, Eq)]
pub struct Messages {
    /// BCP 47 tag, set as `lang` on the widget.
    pub lang: &'static str,
    /// The tab that shows every category.
    pub all: &'static str,
    pub loading: &'static str,
    pub empty: &'static str,
    pub empty_category: &'static str,
    pub retry: &'static str,
    pub back: &'static str,
    pub load_failed: &'static str,
    pub refresh_failed: &'static str,
    pub categories_label: &'static str,
    pub list_label: &'static str,
    pub department: &'static str,
    pub reporter: &'static str,
    pub photographer: &'static str,
    pub category: &'static str,
    pub published: &'static str,
    pub doc_number: &'static str,
    pub original: &'static str,
    pub untitled_feed: &'static str,
    pub load_more: &'static str,
    pub unknown_date: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub department_filter: &'static str,
    pub all_departments: &'static str,
    pub date_filter: &'static str,
    pub range_all: &'static str,
    pub range_7: &'static str,
    pub range_30: &'static str,
    pub range_year: &'static str,
    pub range_custom: &'static str,
    pub date_from: &'static str,
    pub date_to: &'static str,
    pub sort_label: &'static str,
    pub sort_newest: &'static str,
    pub sort_oldest: &'static str,
    pub clear_filters: &'static str,
    pub no_results: &'static str,
    pub filters_label: &'static str,
    pub print: &'static str,
    pub elder_mode: &'static str,
    pub attachments: &'static str,
    pub external_link: &'static str,
    pub prev_article: &'static str,
    pub next_article: &'static str,
    pub image_failed: &'static str,
    pub today: &'static str,
    pub source: &'static str,
    pub yesterday: &'static str,
    /// 加载更多 when the rows shown are all there is and older pages exist.
    pub load_older: &'static str,
    /// On the 加载更多 button while an older page is on its way.
    pub loading_older: &'static str,
    /// Above the button when an older page failed (the reason follows).
    pub older_failed: &'static str,
    /// The button on the "N 条新信息" notice that shows them.
    pub show_new: &'static str,
    /// The button that closes a notice.
    pub dismiss: &'static str,
    /// When the widget itself could not be loaded (shown by the loader).
    pub start_failed: &'static str,
    /// What to do about it.
    pub start_failed_hint: &'static str,
    /// The link to the feed's home page under a pre-rendered list.
    pub more_news: &'static str,
    /// The button that shows the filter panel on a narrow widget.
    pub filters_button: &'static str,
    /// The text size control, and its steps (小, 中, 大, 特大).
    pub text_size: &'static str,
    pub text_sizes: [&'static str; 4],
    /// 朗读 and its controls, and what the status line says while reading.
    pub read_aloud: &'static str,
    pub pause: &'static str,
    pub resume: &'static str,
    pub stop: &'static str,
    pub reading_aloud: &'static str,
    pub reading_paused: &'static str,
    /// The 置顶 mark of a pinned item.
    pub pinned: &'static str,
    /// The name of the 信息公开 table in the article, and its rows.
    pub public_info: &'static str,
    pub index_number: &'static str,
    pub subject: &'static str,
    pub written_date: &'static str,
    pub validity_label: &'static str,
    /// 有效性: valid, amended, repealed, expired (`feed::Validity::index`).
    pub validity: [&'static str; 4],
}

/// Simplified Chinese, the default.
pub const ZH_CN: Messages = Messages {
    lang: "zh-CN",
    all: "全部",
    loading: "正在加载…",
    empty: "暂无信息",
    empty_category: "该栏目暂无信息",
    retry: "重试",
    back: "返回列表",
    load_failed: "信息加载失败",
    refresh_failed: "刷新失败，以下为之前加载的信息",
    categories_label: "信息栏目",
    list_label: "信息列表",
    department: "发布机构",
    reporter: "记者",
    photographer: "摄影",
    category: "栏目",
    published: "发布日期",
    doc_number: "文号",
    original: "查看原文",
    untitled_feed: "信息公告",
    load_more: "加载更多",
    unknown_date: "日期未知",
    search_label: "搜索",
    search_placeholder: "搜索标题、正文、发布机构…",
    department_filter: "发布机构",
    all_departments: "全部机构",
    date_filter: "日期",
    range_all: "全部日期",
    range_7: "近7天",
    range_30: "近30天",
    range_year: "今年",
    range_custom: "自定义日期",
    date_from: "起始日期",
    date_to: "截止日期",
    sort_label: "排序",
    sort_newest: "最新在前",
    sort_oldest: "最早在前",
    clear_filters: "清除筛选",
    no_results: "没有找到符合条件的信息",
    filters_label: "筛选",
    print: "打印",
    elder_mode: "长者模式",
    attachments: "附件",
    external_link: "相关链接",
    prev_article: "上一篇",
    next_article: "下一篇",
    image_failed: "图片无法显示",
    today: "今天",
    source: "来源",
    yesterday: "昨天",
    load_older: "加载更早的信息",
    loading_older: "正在加载更早的信息…",
    older_failed: "更早的信息加载失败",
    show_new: "查看",
    dismiss: "关闭",
    start_failed: "信息组件加载失败",
    start_failed_hint: "请刷新页面重试；如果问题持续，请联系网站管理员。",
    more_news: "更多信息",
    filters_button: "筛选",
    text_size: "字号",
    text_sizes: ["小", "中", "大", "特大"],
    read_aloud: "朗读",
    pause: "暂停",
    resume: "继续",
    stop: "停止",
    reading_aloud: "正在朗读",
    reading_paused: "朗读已暂停",
    pinned: "置顶",
    public_info: "信息公开",
    index_number: "索引号",
    subject: "主题分类",
    written_date: "成文日期",
    validity_label: "有效性",
    validity: ["有效", "已修改", "已废止", "已失效"],
};

/// English.
pub const EN: Messages = Messages {
    lang: "en",
    all: "All",
    loading: "Loading…",
    empty: "No news yet",
    empty_category: "Nothing in this category yet",
    retry: "Retry",
    back: "Back to the list",
    load_failed: "The news could not be loaded",
    refresh_failed: "Refreshing failed; showing what was loaded before",
    categories_label: "Categories",
    list_label: "News",
    department: "Issued by",
    reporter: "Reporter",
    photographer: "Photos",
    category: "Category",
    published: "Published",
    doc_number: "Document No.",
    original: "Read the original",
    untitled_feed: "Bulletin",
    load_more: "Show more",
    unknown_date: "Date unknown",
    search_label: "Search",
    search_placeholder: "Search titles, text, departments…",
    department_filter: "Department",
    all_departments: "All departments",
    date_filter: "Date",
    range_all: "Any date",
    range_7: "Last 7 days",
    range_30: "Last 30 days",
    range_year: "This year",
    range_custom: "Custom dates",
    date_from: "From",
    date_to: "To",
    sort_label: "Order",
    sort_newest: "Newest first",
    sort_oldest: "Oldest first",
    clear_filters: "Clear filters",
    no_results: "Nothing matches these filters",
    filters_label: "Filters",
    print: "Print",
    elder_mode: "Large text",
    attachments: "Attachments",
    external_link: "Related link",
    prev_article: "Previous",
    next_article: "Next",
    image_failed: "Image unavailable",
    today: "Today",
    source: "Source",
    yesterday: "Yesterday",
    load_older: "Load older news",
    loading_older: "Loading older news…",
    older_failed: "Older news could not be loaded",
    show_new: "Show",
    dismiss: "Dismiss",
    start_failed: "The news widget could not start",
    start_failed_hint: "Please reload the page. If this persists, tell the site's webmaster.",
    more_news: "More news",
    filters_button: "Filters",
    text_size: "Text size",
    text_sizes: ["Small", "Medium", "Large", "Extra large"],
    read_aloud: "Read aloud",
    pause: "Pause",
    resume: "Resume",
    stop: "Stop",
    reading_aloud: "Reading aloud",
    reading_paused: "Reading paused",
    pinned: "Pinned",
    public_info: "Public information",
    index_number: "Index No.",
    subject: "Subject",
    written_date: "Date written",
    validity_label: "Validity",
    validity: ["Valid", "Amended", "Repealed", "Expired"],
};

/// The reader's explanation of a load failure: what went wrong, in words a
/// citizen understands, with the technical name (HTTP status) kept visible
/// for whoever they report it to.
pub fn load_error(lang: Lang, e: &LoadError) -> String {
    match lang {
        Lang::ZhCn => load_error_zh(e),
        Lang::En => load_error_en(e),
    }
}

fn load_error_zh(e: &LoadError) -> String {
    match e {
        LoadError::NoFeedUrl => "未设置信息源地址（data-feed），请联系网站管理员。".into(),
        LoadError::Network(_) => {
            "网络连接失败，无法获取信息（也可能是信息源不允许跨域访问）。请检查网络后重试。".into()
        }
        LoadError::Timeout { seconds } => {
            format!("服务器在 {seconds} 秒内没有响应，请稍后重试。")
        }
        LoadError::Http { status: 404 } => "信息源地址不存在（HTTP 404）。".into(),
        LoadError::Http {
            status: s @ (401 | 403),
        } => format!("没有权限访问信息源（HTTP {s}）。"),
        LoadError::Http { status: 429 } => "请求过于频繁（HTTP 429），请稍后重试。".into(),
        LoadError::Http {
            status: s @ 500..=599,
        } => {
            format!("信息源服务器出错（HTTP {s}），请稍后重试。")
        }
        LoadError::Http { status } => format!("信息源服务器返回错误（HTTP {status}）。"),
        LoadError::Feed(f) => feed_error_zh(f),
    }
}

fn feed_error_zh(e: &FeedError) -> String {
    match e {
        FeedError::Empty => "信息源返回了空内容。".into(),
        FeedError::TooLarge { bytes, limit } => format!(
            "信息源过大（{} MB，上限 {} MB），为避免页面卡死已停止加载。",
            crate::model::text::binary_fraction(*bytes as u64, 20, 1),
            limit / 1_048_576
        ),
        FeedError::Encoding(Encoding::Utf16) => "信息源的文字编码是 UTF-16，请改为 UTF-8。".into(),
        FeedError::Encoding(Encoding::Gbk) => {
            "信息源的文字编码是 GBK/GB2312，请改为 UTF-8。".into()
        }
        FeedError::Encoding(Encoding::Unknown) => "信息源的文字编码不是 UTF-8，无法读取。".into(),
        FeedError::Html => "信息源地址返回的是网页而不是信息数据（可能是错误页或登录页）。".into(),
        FeedError::XmlFeed => "信息源是 XML，但不是 RSS 或 Atom 订阅源。".into(),
        FeedError::XmlSyntax { line, column } => {
            format!("信息源的 XML 格式有误（第 {line} 行第 {column} 列），无法读取。")
        }
        FeedError::XmlEntities => "信息源的 XML 含有实体声明，出于安全考虑不予读取。".into(),
        FeedError::Truncated => "信息源数据不完整（传输中断或被截断），请稍后重试。".into(),
        FeedError::TrailingComma => "信息源数据格式有误（JSON 中有多余的逗号）。".into(),
        FeedError::NonFiniteNumber => {
            "信息源数据格式有误（JSON 中出现了 NaN 或 Infinity）。".into()
        }
        FeedError::Jsonp => "信息源返回的是 JSONP 脚本，不是 JSON 数据。".into(),
        FeedError::GuardPrefix => "信息源数据带有防劫持前缀（如 )]}'），不是纯 JSON。".into(),
        FeedError::Syntax { line, column } => {
            format!("信息源数据已损坏（JSON 格式错误，第 {line} 行第 {column} 列）。")
        }
        FeedError::TooDeep => "信息源数据结构异常（嵌套过深），无法读取。".into(),
        FeedError::NotAnObject(JsonKind::Null) => "信息源内容为 null，没有任何信息。".into(),
        FeedError::NotAnObject(JsonKind::Array) => {
            "信息源是一个 JSON 数组，不是 JSON Feed（应为带 items 的对象）。".into()
        }
        FeedError::NotAnObject(JsonKind::String) => {
            "信息源是一个 JSON 字符串，不是 JSON Feed。".into()
        }
        FeedError::NotAnObject(_) | FeedError::NotAFeed => {
            "该地址返回的不是信息源（JSON Feed）。".into()
        }
        FeedError::MissingItems => "信息源已损坏：缺少信息列表（items），无法显示。".into(),
    }
}

fn load_error_en(e: &LoadError) -> String {
    match e {
        LoadError::NoFeedUrl => "No feed address is set (feed attribute); please tell the site's webmaster.".into(),
        LoadError::Network(_) => "Could not connect (or the feed does not allow cross-origin access). Please check the network and retry.".into(),
        LoadError::Timeout { seconds } => format!("The server did not answer within {seconds} seconds. Please retry later."),
        LoadError::Http { status: 404 } => "The feed address does not exist (HTTP 404).".into(),
        LoadError::Http { status: s @ (401 | 403) } => format!("Access to the feed is not allowed (HTTP {s})."),
        LoadError::Http { status: 429 } => "Too many requests (HTTP 429). Please retry later.".into(),
        LoadError::Http { status: s @ 500..=599 } => format!("The feed's server failed (HTTP {s}). Please retry later."),
        LoadError::Http { status } => format!("The feed's server answered with an error (HTTP {status})."),
        LoadError::Feed(f) => match f {
            FeedError::Empty => "The feed is empty.".into(),
            FeedError::TooLarge { bytes, limit } => format!(
                "The feed is too large ({} MB, limit {} MB); loading stopped to keep the page responsive.",
                crate::model::text::binary_fraction(*bytes as u64, 20, 1),
                limit / 1_048_576
            ),
            FeedError::Encoding(Encoding::Utf16) => "The feed is encoded as UTF-16; it must be UTF-8.".into(),
            FeedError::Encoding(Encoding::Gbk) => "The feed is encoded as GBK/GB2312; it must be UTF-8.".into(),
            FeedError::Encoding(Encoding::Unknown) => "The feed is not encoded as UTF-8 and cannot be read.".into(),
            FeedError::Html => "The feed address returned a web page, not news data (an error or login page?).".into(),
            FeedError::XmlFeed => "The feed is XML but neither RSS nor Atom.".into(),
            FeedError::XmlSyntax { line, column } => format!("The feed's XML is malformed (line {line}, column {column})."),
            FeedError::XmlEntities => "The feed's XML declares entities; it is refused for safety.".into(),
            FeedError::Truncated => "The feed is incomplete (the transfer was cut off). Please retry later.".into(),
            FeedError::TrailingComma => "The feed is malformed (a trailing comma in the JSON).".into(),
            FeedError::NonFiniteNumber => "The feed is malformed (NaN or Infinity in the JSON).".into(),
            FeedError::Jsonp => "The feed is a JSONP script, not JSON data.".into(),
            FeedError::GuardPrefix => "The feed has an anti-hijacking prefix such as )]}' and is not plain JSON.".into(),
            FeedError::Syntax { line, column } => format!("The feed is damaged (invalid JSON at line {line}, column {column})."),
            FeedError::TooDeep => "The feed's data is nested too deeply to read.".into(),
            FeedError::NotAnObject(JsonKind::Null) => "The feed is null: there is nothing in it.".into(),
            FeedError::NotAnObject(kind) => format!("The feed is {}, not a JSON Feed object.", kind.described()),
            FeedError::NotAFeed => "This address does not return a news feed (JSON Feed).".into(),
            FeedError::MissingItems => "The feed is broken: it has no list of items.".into(),
        },
    }
}

/// The 加载更多 button with how many rows remain: `加载更多（12）`, `Show more (12)`.
pub fn load_more_label(lang: Lang, remaining: usize) -> String {
    match lang {
        Lang::ZhCn => format!("{}（{remaining}）", ZH_CN.load_more),
        Lang::En => format!("{} ({remaining})", EN.load_more),
    }
}

/// The notice after a refresh brought news: `有 3 条新信息`, `3 new items`.
pub fn new_items(lang: Lang, n: usize) -> String {
    match lang {
        Lang::ZhCn => format!("有 {n} 条新信息"),
        Lang::En if n == 1 => "1 new item".to_string(),
        Lang::En => format!("{n} new items"),
    }
}

/// Above a list kept from before when refreshing failed:
/// `数据更新于 2019年11月28日 10:30，刷新失败：原因`.
pub fn stale_notice(lang: Lang, when: Option<&str>, reason: &str) -> String {
    match (lang, when) {
        (Lang::ZhCn, Some(w)) => format!("数据更新于 {w}，刷新失败：{reason}"),
        (Lang::ZhCn, None) => format!("{}：{reason}", ZH_CN.refresh_failed),
        (Lang::En, Some(w)) => format!("Showing news as of {w}; refreshing failed: {reason}"),
        (Lang::En, None) => format!("{}: {reason}", EN.refresh_failed),
    }
}

/// The result count: `6 条结果`, `6 results`.
pub fn results(lang: Lang, n: usize) -> String {
    match lang {
        Lang::ZhCn => format!("共 {n} 条结果"),
        Lang::En if n == 1 => "1 result".to_string(),
        Lang::En => format!("{n} results"),
    }
}

/// An attachment's kind and size: `PDF · 1.2 MB`.
pub fn attachment_label(kind: Option<&str>, bytes: Option<u64>) -> String {
    let size = bytes.map(crate::model::text::file_size);
    match (kind, size) {
        (Some(k), Some(s)) => format!("{k} · {s}"),
        (Some(k), None) => k.to_string(),
        (None, Some(s)) => s,
        (None, None) => String::new(),
    }
}

/// Above a merged list when some of its feeds failed.
pub fn sources_failed(lang: Lang, detail: &str) -> String {
    match lang {
        Lang::ZhCn => format!("部分信息源加载失败，以下为其余信息源的内容：{detail}"),
        Lang::En => format!("Some feeds could not be loaded; showing the others: {detail}"),
    }
}

/// The notice above a list that is shown although the last round did not
/// fully succeed: the whole round failed (`failed`; the list is the one from
/// before, fetched at `data_at`, already formatted), or some of several
/// feeds did (`sources`). `None` when all is well.
pub fn round_notice(
    lang: Lang,
    failed: Option<&LoadError>,
    data_at: Option<&str>,
    sources: &[(String, LoadError)],
) -> Option<String> {
    if let Some(error) = failed {
        return Some(stale_notice(lang, data_at, &load_error(lang, error)));
    }
    if sources.is_empty() {
        return None;
    }
    let detail: Vec<String> = sources
        .iter()
        .map(|(url, e)| format!("{url}（{}）", load_error(lang, e)))
        .collect();
    Some(sources_failed(lang, &detail.join("；")))
}

/// The widget's heading: the `heading` attribute, else the feed's title,
/// else a neutral name; while nothing is loaded, the attribute or a blank
/// line that holds the header's height.
pub fn heading(
    lang: Lang,
    attribute: Option<&str>,
    feed_title: Option<&str>,
    loaded: bool,
) -> String {
    let title = attribute.or(feed_title).filter(|t| !t.is_empty());
    match (title, loaded) {
        (Some(t), _) => t.to_string(),
        (None, true) => lang.messages().untitled_feed.to_string(),
        (None, false) => "\u{a0}".to_string(),
    }
}

/// The 筛选 button with how many of its filters are set: `筛选（2）`,
/// `Filters (2)`; just the word when none is.
pub fn filters_button(lang: Lang, set: usize) -> String {
    let m = lang.messages();
    match (lang, set) {
        (_, 0) => m.filters_button.to_string(),
        (Lang::ZhCn, n) => format!("{}（{n}）", m.filters_button),
        (Lang::En, n) => format!("{} ({n})", m.filters_button),
    }
}

/// Tab label with its count: `生态环保 2`.
pub fn tab_label(name: &str, count: usize) -> String {
    format!("{name} {count}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_failure_names_its_cause() {
        let cases = [
            (LoadError::Network("x".into()), "网络"),
            (LoadError::Timeout { seconds: 20 }, "20 秒"),
            (LoadError::Http { status: 404 }, "404"),
            (LoadError::Http { status: 503 }, "503"),
            (LoadError::Http { status: 418 }, "418"),
            (LoadError::Feed(FeedError::Html), "网页"),
            (LoadError::Feed(FeedError::NotAFeed), "不是信息源"),
            (LoadError::Feed(FeedError::Empty), "空"),
            (
                LoadError::Feed(FeedError::Syntax { line: 3, column: 7 }),
                "第 3 行第 7 列",
            ),
            (LoadError::Feed(FeedError::Encoding(Encoding::Gbk)), "GBK"),
            (
                LoadError::Feed(FeedError::Encoding(Encoding::Utf16)),
                "UTF-16",
            ),
            (LoadError::Feed(FeedError::Truncated), "截断"),
            (LoadError::Feed(FeedError::MissingItems), "缺少信息列表"),
            (
                LoadError::Feed(FeedError::XmlSyntax {
                    line: 12,
                    column: 5,
                }),
                "XML 格式有误（第 12 行第 5 列）",
            ),
            (LoadError::Feed(FeedError::XmlEntities), "实体"),
            (LoadError::Feed(FeedError::XmlFeed), "不是 RSS"),
            (LoadError::Feed(FeedError::TrailingComma), "逗号"),
            (LoadError::Feed(FeedError::NonFiniteNumber), "NaN"),
            (LoadError::Feed(FeedError::Jsonp), "JSONP"),
            (LoadError::Feed(FeedError::GuardPrefix), ")]}'"),
            (
                LoadError::Feed(FeedError::NotAnObject(JsonKind::Null)),
                "null",
            ),
            (
                LoadError::Feed(FeedError::NotAnObject(JsonKind::Array)),
                "数组",
            ),
            (
                LoadError::Feed(FeedError::NotAnObject(JsonKind::String)),
                "字符串",
            ),
            (
                LoadError::Feed(FeedError::TooLarge {
                    bytes: 40 * 1_048_576,
                    limit: 32 * 1_048_576,
                }),
                "40.0 MB",
            ),
        ];
        let mut seen = std::collections::HashSet::new();
        for (e, needle) in cases {
            let m = load_error(Lang::ZhCn, &e);
            assert!(seen.insert(m.clone()), "{m:?} is not distinct");
            assert!(!load_error(Lang::En, &e).is_empty());
            assert!(m.contains(needle), "{m:?} should mention {needle:?}");
        }
    }
}
