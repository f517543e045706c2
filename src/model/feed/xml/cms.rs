//! What Chinese CMSs mean by the fields RSS and Atom give them, and where
//! they put what RSS has no field for. Only what an item says is read:
//!
//! - `<source>国家统计局</source>` without a `url` (TRS WCM and others): the
//!   item's 来源, and its department when no other field names a body;
//! - an item-level `<channel>最新发布</channel>` (TRS WCM): its column;
//! - `dc:publisher`: its department (发布机构);
//! - `dc:creator` / `author`: a body (`…局`, `…办公室`) is the department
//!   ahead of `<source>`; a CMS account (`admin`, DedeCMS's `佚名`) or a bare
//!   e-mail address names nobody; RSS's `mail (Name)` is `Name`;
//! - relative links, images and attachments, also inside the body, resolve
//!   against `xml:base`, else the channel's `<link>` (never a loopback one:
//!   CMSs installed on a desktop write `http://localhost/…`).

use super::tree::{child, child_ns, field, text, DC, XML};
use crate::model::feed::raw::{RawDistrict, RawItem};
use crate::model::url::{is_relative, resolve_http, resolve_in_html};
use roxmltree::Node;
use std::borrow::Cow;

/// Author names that name nobody: CMS accounts and "unknown".
const NOBODY: &[&str] = &[
    "admin",
    "administrator",
    "webmaster",
    "root",
    "管理员",
    "系统管理员",
    "超级管理员",
    "未知",
    "佚名",
    "匿名",
];

/// How the names of bodies end (局, 委员会, 办公室, 人民政府, 街道办事处,
/// 有限公司, 人民日报 …); a person's name hardly ever does.
const BODY_ENDINGS: &[char] = &[
    '局', '委', '会', '办', '厅', '部', '院', '府', '处', '室', '所', '站', '队', '社', '馆', '署',
    '司', '心', '街', '道', '镇', '乡', '村', '团', '行', '报', '台', '网', '组',
];

/// An author's name as a CMS writes it: `None` for an account or an
/// address that names nobody.
pub(super) fn name(s: Option<String>) -> Option<String> {
    let s = s?;
    let s = match s.split_once('(') {
        // RSS 2.0's `mail@example.cn (Name)`.
        Some((mail, rest)) if mail.contains('@') => rest.trim_end().strip_suffix(')')?.trim(),
        _ if s.contains('@') => return None,
        _ => s.trim(),
    };
    let nobody = NOBODY.iter().any(|n| n.eq_ignore_ascii_case(s));
    (!nobody && !s.is_empty()).then(|| s.to_string())
}

/// Whether `name` names a body (a department, a newspaper), not a person.
fn names_a_body(name: &str) -> bool {
    name.chars().count() > 1 && name.ends_with(BODY_ENDINGS)
}

/// An RSS item's `_district`, from where CMSs put it: its column (`<channel>`),
/// 来源 (`<source>` without a URL) and department (`dc:publisher`, a
/// creator that names a body, else the source). `creator` is the item's
/// `dc:creator`/`author`, read by [`name`].
pub(super) fn rss_district(item: Node, creator: Option<&str>) -> Option<RawDistrict<'static>> {
    let source = child(item, "source")
        .filter(|s| s.attribute("url").is_none() && s.tag_name().namespace() != Some(DC))
        .and_then(|s| name(text(Some(s))));
    let publisher = name(text(child_ns(item, DC, "publisher")));
    let body = creator.filter(|c| names_a_body(c)).map(str::to_string);
    let department = publisher.or(body).or_else(|| source.clone());
    let d = RawDistrict {
        category: field(text(child(item, "channel"))),
        department: field(department),
        source: field(source),
        ..RawDistrict::default()
    };
    (d.category.is_some() || d.department.is_some()).then_some(d)
}

/// The URL relative links of `node` resolve against: the nearest
/// `xml:base` (itself resolved against `link`), else `link` (the channel's
/// `<link>`, the Atom feed's alternate link); `None` when neither is an
/// absolute http(s) URL off the loopback, and the widget resolves against
/// the feed's own URL.
pub(super) fn base(node: Node, link: Option<&str>) -> Option<String> {
    let link = link
        .and_then(|l| resolve_http(l, ""))
        .filter(|l| !loopback(l));
    let xml_base = node.ancestors().find_map(|a| a.attribute((XML, "base")));
    xml_base
        .and_then(|b| resolve_http(b, link.as_deref().unwrap_or("")))
        .or(link)
}

/// `http://localhost/…`, `http://127.0.0.1/…`: no reader's.
fn loopback(url: &str) -> bool {
    let host = url.split_once("//").map_or("", |(_, h)| h);
    host.starts_with("localhost") || host.starts_with("127.") || host.starts_with("[::1]")
}

/// Resolves the item's relative link, image, attachments and the `src` /
/// `href` inside its body against `base`.
pub(super) fn resolve_links(raw: &mut RawItem<'static>, base: &str) {
    let resolve = |u: &mut Option<Cow<'static, str>>| {
        if let Some(abs) = u
            .as_deref()
            .filter(|u| is_relative(u))
            .and_then(|u| resolve_http(u, base))
        {
            *u = Some(Cow::Owned(abs));
        }
    };
    resolve(&mut raw.url);
    resolve(&mut raw.image);
    for a in &mut raw.attachments {
        if let Some(abs) = is_relative(&a.url)
            .then(|| resolve_http(&a.url, base))
            .flatten()
        {
            a.url = abs;
        }
    }
    if let Some(html) = raw
        .content_html
        .as_deref()
        .and_then(|h| resolve_in_html(h, base))
    {
        raw.content_html = Some(Cow::Owned(html));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_as_cmss_write_them() {
        let n = |s: &str| name(Some(s.to_string()));
        assert_eq!(n("国家统计局").as_deref(), Some("国家统计局"));
        assert_eq!(n("Admin"), None);
        assert_eq!(n("佚名"), None);
        assert_eq!(n("press@example.gov.cn"), None);
        assert_eq!(
            n("press@example.gov.cn (区政府办公室)").as_deref(),
            Some("区政府办公室")
        );
        assert!(names_a_body("区人力资源和社会保障局") && names_a_body("人民日报"));
        assert!(names_a_body("政务服务中心") && names_a_body("高新区管委会"));
        assert!(!names_a_body("孙庆辉") && !names_a_body("局"));
        assert!(loopback("http://localhost//gongzuo/") && loopback("http://127.0.0.1/a/"));
        assert!(!loopback("https://www.stats.gov.cn/sj/zxfb/"));
    }
}
