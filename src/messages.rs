//! Every piece of text the widget shows the reader, in one catalogue.
//!
//! Chinese (zh-CN) is the default and so far the only language; a second
//! catalogue is another value of [`Messages`]. Plain Rust, no DOM.

use crate::feed::FeedError;
use crate::net::LoadError;

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
};

/// The reader's explanation of a load failure: what went wrong, in words a
/// citizen understands, with the technical name (HTTP status) kept visible
/// for whoever they report it to.
pub fn load_error(e: &LoadError) -> String {
    match e {
        LoadError::NoFeedUrl => "未设置信息源地址（data-feed），请联系网站管理员。".into(),
        LoadError::Network(_) => "网络连接失败，无法获取信息。请检查网络后重试。".into(),
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
        LoadError::Feed(f) => feed_error(f),
    }
}

fn feed_error(e: &FeedError) -> String {
    match e {
        FeedError::Empty => "信息源返回了空内容。".into(),
        FeedError::TooLarge { bytes, limit } => format!(
            "信息源过大（{:.1} MB，上限 {} MB），为避免页面卡死已停止加载。",
            *bytes as f64 / 1_048_576.0,
            limit / 1_048_576
        ),
        FeedError::NotUtf8 => "信息源的文字编码不是 UTF-8，无法读取。".into(),
        FeedError::Html => "信息源地址返回的是网页而不是信息数据（可能是错误页或登录页）。".into(),
        FeedError::XmlFeed => "信息源是 RSS/Atom 格式，本组件目前只读取 JSON Feed。".into(),
        FeedError::Syntax(_) => "信息源数据已损坏（不是有效的 JSON）。".into(),
        FeedError::TooDeep => "信息源数据结构异常（嵌套过深），无法读取。".into(),
        FeedError::NotAnObject(_) | FeedError::NotAFeed => {
            "该地址返回的不是信息源（JSON Feed）。".into()
        }
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
            (LoadError::Feed(FeedError::Syntax("e".into())), "JSON"),
            (LoadError::Feed(FeedError::NotUtf8), "UTF-8"),
            (
                LoadError::Feed(FeedError::TooLarge {
                    bytes: 40 * 1_048_576,
                    limit: 32 * 1_048_576,
                }),
                "40.0 MB",
            ),
        ];
        for (e, needle) in cases {
            let m = load_error(&e);
            assert!(m.contains(needle), "{m:?} should mention {needle:?}");
        }
    }
}
