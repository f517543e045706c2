//! The builder page's words, in Chinese (the default) and English: its
//! labels, the check report's, and what each attribute means (the English
//! is the attribute table's own `about`).

use crate::app::config::ATTRIBUTES;
use crate::app::i18n::Lang;

/// Every label of the builder page, in one language.
#[derive(PartialEq, Eq)]
pub struct Text {
    pub lang: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub switch: &'static str,
    pub switch_lang: &'static str,
    pub feeds: &'static str,
    pub feed_n: &'static str,
    pub add_feed: &'static str,
    pub remove: &'static str,
    pub id: &'static str,
    pub options: &'static str,
    pub default: &'static str,
    pub preview: &'static str,
    pub no_feed: &'static str,
    pub check: &'static str,
    pub checking: &'static str,
    pub shown: &'static str,
    pub not_shown: &'static str,
    pub format: &'static str,
    pub not_a_feed: &'static str,
    pub items: &'static str,
    pub items_line: &'static str,
    pub newest: &'static str,
    pub days_ago: &'static str,
    pub stale: &'static str,
    pub no_dates: &'static str,
    pub column: &'static str,
    pub column_line: &'static str,
    pub column_read: &'static str,
    pub problems: &'static str,
    pub none: &'static str,
    pub cors: &'static str,
    pub cors_same: &'static str,
    pub cors_allowed: &'static str,
    pub cors_denied: &'static str,
    pub cors_unknown: &'static str,
    pub http: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub snippet: &'static str,
    pub snippet_help: &'static str,
    pub csp: &'static str,
    pub csp_help: &'static str,
    pub render: &'static str,
    pub render_help: &'static str,
    pub cron: &'static str,
    pub ssi: &'static str,
}

const ZH: Text = Text {
    lang: "zh-CN",
    title: "区情动态组件 · 嵌入代码生成",
    intro: "填写信息源地址，选择选项，预览组件，检查信息源，然后复制嵌入代码。本页与组件文件在同一文件夹，跨域（CORS）检查结果就是组件在本站会遇到的情况。",
    switch: "English",
    switch_lang: "en",
    feeds: "信息源地址",
    feed_n: "信息源",
    add_feed: "添加信息源",
    remove: "删除",
    id: "元素 id（命名网址中的视图和预渲染文件）",
    options: "选项",
    default: "（默认）",
    preview: "预览",
    no_feed: "请先填写信息源地址。",
    check: "信息源检查",
    checking: "正在检查…",
    shown: "可以显示",
    not_shown: "无法显示",
    format: "格式",
    not_a_feed: "不是信息源",
    items: "条目",
    items_line: "显示 {shown} 条，文档中共 {all} 条",
    newest: "最新一条",
    days_ago: "{days} 天前",
    stale: "已超过 {limit} 天未更新",
    no_dates: "没有带日期的条目",
    column: "栏目类型",
    column_line: "{kind}：{limit} 天内应有更新",
    column_read: "（从信息源的标题或分类读出；请在选项中设置 column-kind，组件的控制台警告才与此一致）",
    problems: "问题",
    none: "无",
    cors: "跨域（CORS）",
    cors_same: "与本页同源，无需 CORS",
    cors_allowed: "信息源服务器允许本站读取",
    cors_denied: "信息源服务器不允许本站读取：请让它发送 Access-Control-Allow-Origin 头",
    cors_unknown: "没有应答，无法判断",
    http: "HTTP 状态",
    copy: "复制",
    copied: "已复制",
    snippet: "嵌入代码",
    snippet_help: "粘贴到网页中要显示组件的位置。",
    csp: "内容安全策略（CSP）",
    csp_help: "网页设置了 Content-Security-Policy 时，加入这些来源。",
    render: "预渲染命令（render）",
    render_help: "供搜索引擎、检查爬虫和慢速手机：服务器定时生成组件的 HTML，网页用 SSI 引入。",
    cron: "定时任务（cron，每 5 分钟）",
    ssi: "网页中引入（nginx SSI）",
};

const EN: Text = Text {
    lang: "en",
    title: "District bulletin · snippet builder",
    intro: "Type the feed URLs, choose the options, see the widget, check the feeds, then copy the snippet. This page sits in the same folder as the widget's files, so what it says about CORS is what the widget will meet on this site.",
    switch: "中文",
    switch_lang: "zh-CN",
    feeds: "Feed URLs",
    feed_n: "Feed",
    add_feed: "Add a feed",
    remove: "Remove",
    id: "Element id (names the view in the URL and the pre-rendered file)",
    options: "Options",
    default: "(default)",
    preview: "Preview",
    no_feed: "Type a feed URL first.",
    check: "Feed check",
    checking: "Checking…",
    shown: "Shown",
    not_shown: "Not shown",
    format: "Format",
    not_a_feed: "not a feed",
    items: "Items",
    items_line: "{shown} shown of {all} in the document",
    newest: "Newest",
    days_ago: "{days} days ago",
    stale: "not updated for over {limit} days",
    no_dates: "no item has a date",
    column: "Column kind",
    column_line: "{kind}: updated within {limit} days",
    column_read: " (read from the feed's title or category: set column-kind in the options for the widget's console warning to agree)",
    problems: "Problems",
    none: "none",
    cors: "CORS",
    cors_same: "same origin as this page: no CORS needed",
    cors_allowed: "the feed's server lets this site read it",
    cors_denied: "the feed's server does not let this site read it: have it send Access-Control-Allow-Origin",
    cors_unknown: "no answer: cannot tell",
    http: "HTTP status",
    copy: "Copy",
    copied: "Copied",
    snippet: "Snippet",
    snippet_help: "Paste it where the widget goes on the page.",
    csp: "Content-Security-Policy",
    csp_help: "When the page sends a Content-Security-Policy, add these sources.",
    render: "Pre-render command (render)",
    render_help: "For search engines, inspectors' crawlers and slow phones: the server writes the widget's HTML on a schedule, and the page includes it with SSI.",
    cron: "Schedule (cron, every 5 minutes)",
    ssi: "In the page (nginx SSI)",
};

/// The page's words in `lang`.
pub fn text(lang: Lang) -> &'static Text {
    match lang {
        Lang::ZhCn => &ZH,
        Lang::En => &EN,
    }
}

/// What attribute `name` means, in Chinese.
fn about_zh(name: &str) -> Option<&'static str> {
    Some(match name {
        "feed" => "信息源地址（JSON Feed、RSS 或 Atom），多个用空格分隔",
        "category" => "开始时选中的栏目",
        "categories" => "只显示这些栏目，按此顺序（用 , ， 、 或 | 分隔）",
        "page-size" => "“加载更多”之前显示的条数（1–1000）",
        "max-items" => "最多显示的条数：先置顶，再最新",
        "lang" => "界面语言：zh-CN 或 en（默认：信息源的语言，否则网页的语言）",
        "heading" => "标题文字，代替信息源的标题",
        "no-header" => "不显示标题栏",
        "compact" => "紧凑行，不显示摘要",
        "no-filters" => "不显示搜索框和筛选栏（只有栏目和列表）",
        "theme" => "配色：light（浅色）、dark（深色）或 auto（跟随系统）",
        "eager" => "立即加载，而不是在组件接近可视区域时加载",
        "no-shadow" => "渲染到网页自己的 DOM 中，便于网站的无障碍工具条",
        "fragment" => {
            "district-bulletin render 写在信息源旁边的预渲染文件的地址：组件启动前先显示它"
        }
        "timeout" => "一次信息源请求的最长秒数（1–120）",
        "elder" => "开始时使用长者模式（读者可切换，并记住选择）",
        "text-size" => "开始时的字号：small、medium、large 或 x-large（读者可调整）",
        "thumbnails" => "每行显示条目的图片",
        "relative-dates" => "近期条目显示 今天 / 昨天 / N天前",
        "refresh" => "每隔多少秒重新获取信息源（10–86400）",
        "column-kind" => {
            "栏目类型，按政府网站检查指标（国办秘函〔2019〕19号）判断更新是否及时：动态（要闻）、通知公告或政策文件；超过 14、180、180 天没有新信息时控制台警告"
        }
        "stale-after" => "超过多少天没有新信息时控制台警告，代替栏目类型的期限（默认 14）",
        _ => return None,
    })
}

/// What attribute `name` means, in `lang` (English: the table's `about`).
pub fn about(lang: Lang, name: &str) -> &'static str {
    let en = ATTRIBUTES
        .iter()
        .find(|a| a.name == name)
        .map_or("", |a| a.about);
    match lang {
        Lang::ZhCn => about_zh(name).unwrap_or(en),
        Lang::En => en,
    }
}

/// `template` with each `{name}` replaced by its value.
pub fn fill(template: &str, values: &[(&str, String)]) -> String {
    values.iter().fold(template.to_string(), |t, (k, v)| {
        t.replace(&format!("{{{k}}}"), v)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_attribute_is_explained_in_both_languages() {
        for a in ATTRIBUTES {
            assert!(about_zh(a.name).is_some(), "no Chinese for {}", a.name);
            assert_eq!(about(Lang::En, a.name), a.about);
        }
    }

    #[test]
    fn templates_fill() {
        let t = text(Lang::ZhCn);
        assert_eq!(
            fill(t.items_line, &[("shown", "3".into()), ("all", "4".into())]),
            "显示 3 条，文档中共 4 条"
        );
        assert_eq!(text(Lang::En).switch_lang, "zh-CN");
    }
}
