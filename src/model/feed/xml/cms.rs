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
//!   against the channel's (or document's) `xml:base`, else the channel's
//!   `<link>` (never a loopback one: CMSs installed on a desktop write
//!   `http://localhost/…`). An item's own `xml:base` is not read.

use super::tree::{child, child_ns, field, text, DC, XML};
use crate::model::feed::raw::{Entry, RawDistrict};
use crate::model::url::{is_relative, resolve_http, resolve_in_html};
use roxmltree::Node;
use std::borrow::Cow;

/// How the names of bodies end (局, 委员会, 办公室, 人民政府, 街道办事处,
/// 有限公司, 人民日报 …); a person's name hardly ever does.
const BODY_ENDINGS: &str = "局委会办厅部院府处室所站队社馆署司心街道镇乡村团行报台网组";

/// An author's name as a CMS writes it: `None` for a CMS account
/// (`admin`, DedeCMS's `佚名`) or an address that names nobody.
pub(super) fn name(s: Option<String>) -> Option<String> {
    // (`text` trimmed it.)
    let s = s?;
    let s = match s.contains('@') {
        // RSS 2.0's `mail@example.cn (Name)`; a bare address names nobody.
        true => s.rsplit_once('(')?.1.strip_suffix(')')?.to_string(),
        false => s,
    };
    let nobody = matches!(
        s.as_str(),
        "" | "admin" | "Admin" | "管理员" | "未知" | "佚名"
    );
    (!nobody).then_some(s)
}

/// Whether `name` names a body (a department, a newspaper), not a person.
fn names_a_body(name: &str) -> bool {
    name.chars()
        .next_back()
        .is_some_and(|c| name.len() > c.len_utf8() && BODY_ENDINGS.contains(c))
}

/// An RSS item's `_district`, from where CMSs put it: its column (`<channel>`),
/// 来源 (`<source>` without a URL) and department (`dc:publisher`, a
/// creator that names a body, else the source). `creator` is the item's
/// `dc:creator`/`author`, read by [`name`].
pub(super) fn rss_district(item: Node, creator: Option<&str>) -> Option<RawDistrict<'static>> {
    let source = child(item, "source")
        .filter(|s| s.attribute("url").is_none() && s.tag_name().namespace() != Some(DC))
        .and_then(|s| text(Some(s)));
    let publisher = text(child_ns(item, DC, "publisher"));
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

/// Resolves the relative links, images and attachments of `items`, also
/// the `src` / `href` inside their bodies, against the feed's base: the
/// `xml:base` of `feed` (the channel, the Atom feed) or of the document
/// (itself resolved against `link`), else `link` (the channel's `<link>`,
/// the Atom feed's alternate link). Nothing is resolved when neither is an
/// absolute http(s) URL off the loopback: the widget then resolves against
/// the feed's own URL, as before.
pub(super) fn resolve_links(items: &mut [Entry<'static>], feed: Node, link: Option<String>) {
    let link = link.and_then(|l| absolute(&l, "")).filter(|l| !loopback(l));
    let xml_base = feed.ancestors().find_map(|a| a.attribute((XML, "base")));
    let Some(base) = xml_base
        .and_then(|b| absolute(b, link.as_deref().unwrap_or("")))
        .or(link)
    else {
        return;
    };
    for raw in items.iter_mut().flatten() {
        for u in [&mut raw.url, &mut raw.image] {
            if let Some(abs) = u.as_deref().and_then(|u| resolved(u, &base)) {
                *u = Some(Cow::Owned(abs));
            }
        }
        for a in &mut raw.attachments {
            if let Some(abs) = resolved(&a.url, &base) {
                a.url = abs;
            }
        }
        if let Some(html) = raw
            .content_html
            .as_deref()
            .and_then(|h| resolve_in_html(h, &base))
        {
            raw.content_html = Some(Cow::Owned(html));
        }
    }
}

/// `url` resolved against `base`, when it is relative.
fn resolved(url: &str, base: &str) -> Option<String> {
    is_relative(url).then(|| absolute(url, base)).flatten()
}

/// [`resolve_http`], called from one place (each inlined copy of the
/// browser's `URL` calls costs the widget bytes).
#[inline(never)]
fn absolute(url: &str, base: &str) -> Option<String> {
    resolve_http(url, base)
}

/// `http://localhost/…`, `http://127.0.0.1/…` (a URL as the URL parser
/// writes it): no reader's.
fn loopback(url: &str) -> bool {
    let host = url.split('/').nth(2).unwrap_or("");
    host.starts_with("localhost") || host.starts_with("127.") || host.starts_with("[::1]")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_as_cmss_write_them() {
        let n = |s: &str| name(Some(s.to_string()));
        assert_eq!(n("国家统计局").as_deref(), Some("国家统计局"));
        assert_eq!(n("Admin"), None);
        assert_eq!(n("admin"), None);
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
