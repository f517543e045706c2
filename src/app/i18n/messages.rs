//! The sentences composed for the reader from the catalogues
//! ([`super::catalogue`]): failures explained, counts, notices, labels.

use super::catalogue::{EN, ZH_CN};
use super::Lang;
use crate::app::load::LoadError;
use crate::model::feed::{Encoding, FeedError, JsonKind};

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
