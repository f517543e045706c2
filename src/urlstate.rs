//! The reader's view in the page's URL hash, so a link opens the same
//! filtered list or the same article. Plain Rust, no DOM.
//!
//! The hash is a list of `name=value` parts joined by `&`. A widget owns the
//! parts named `KEY.x` (its key is the host element's `id`, else `db1`,
//! `db2`, … by position on the page), so several widgets share one hash
//! without fighting, and parts it does not own — the page's own anchor or
//! state — are kept exactly as they were:
//!
//! `#top&news.c=生态环保&news.q=工地%20扬尘&news.a=gx-2019-11-24`
//!
//! | part | meaning |
//! |---|---|
//! | `KEY.c` | category | `KEY.d` department | `KEY.q` search text |
//! | `KEY.r` | `7d`, `30d`, `year`, or `FROM~TO` (`2019-11-01~2019-11-30`, either side may be empty) |
//! | `KEY.s` | `old` for oldest first | `KEY.a` | the open article's id |

use crate::query::{DateRange, Day, Filter, Sort};
use std::rc::Rc;

/// Longest value kept from a hash part (longer ones are cut, on characters).
const MAX_VALUE_CHARS: usize = 200;

/// The part of the state a link carries.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    pub filter: Filter,
    /// Key of the open article.
    pub open: Option<Rc<str>>,
}

/// A widget's hash key from the host's `id`: letters, digits, `-` and `_`
/// only (at most 40); `None` when nothing usable remains.
pub fn sanitize_key(id: &str) -> Option<String> {
    let k: String = id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .take(40)
        .collect();
    (!k.is_empty()).then_some(k)
}

/// Percent-encodes everything but unreserved ASCII (`A-Z a-z 0-9 - . _ ~`).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes; `None` for a malformed escape or bytes that are not UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Cleans a decoded value: no control characters, at most 200 characters.
fn clean(v: &str) -> String {
    v.chars()
        .filter(|c| !c.is_control())
        .take(MAX_VALUE_CHARS)
        .collect()
}

fn encode_range(r: DateRange) -> Option<String> {
    match r {
        DateRange::All
        | DateRange::Between {
            from: None,
            to: None,
        } => None,
        DateRange::LastDays(n) => Some(format!("{n}d")),
        DateRange::ThisYear => Some("year".into()),
        DateRange::Between { from, to } => Some(format!(
            "{}~{}",
            from.map(|d| d.to_string()).unwrap_or_default(),
            to.map(|d| d.to_string()).unwrap_or_default()
        )),
    }
}

fn decode_range(v: &str) -> DateRange {
    if v == "year" {
        return DateRange::ThisYear;
    }
    if let Some(n) = v.strip_suffix('d').and_then(|n| n.parse::<u32>().ok()) {
        if (1..=3660).contains(&n) {
            return DateRange::LastDays(n);
        }
    }
    if let Some((from, to)) = v.split_once('~') {
        let (from, to) = (Day::parse(from), Day::parse(to));
        if from.is_some() || to.is_some() {
            return DateRange::Between { from, to };
        }
    }
    DateRange::All
}

/// The hash parts (`name=value`, encoded) that describe `state` under `key`.
fn parts(key: &str, state: &ViewState) -> Vec<String> {
    let f = &state.filter;
    let fields: [(&str, Option<String>); 6] = [
        ("c", f.category.as_deref().map(str::to_string)),
        ("d", f.department.as_deref().map(str::to_string)),
        (
            "q",
            Some(f.query.trim().to_string()).filter(|q| !q.is_empty()),
        ),
        ("r", encode_range(f.range)),
        ("s", (f.sort == Sort::Oldest).then(|| "old".to_string())),
        ("a", state.open.as_deref().map(str::to_string)),
    ];
    fields
        .into_iter()
        .filter_map(|(name, v)| v.map(|v| format!("{key}.{name}={}", percent_encode(&v))))
        .collect()
}

/// Splits a hash (with or without `#`) into its parts.
fn split(hash: &str) -> impl Iterator<Item = &str> {
    hash.trim_start_matches('#')
        .split('&')
        .filter(|p| !p.is_empty())
}

/// Whether a part belongs to `key` (`key.x=…`).
fn owned(part: &str, key: &str) -> bool {
    part.strip_prefix(key)
        .and_then(|rest| rest.strip_prefix('.'))
        .is_some_and(|rest| rest.contains('='))
}

/// Reads `key`'s view from a hash. Unknown, malformed or hostile parts are
/// ignored; nothing here fails.
pub fn read(hash: &str, key: &str) -> ViewState {
    let mut s = ViewState::default();
    for part in split(hash).filter(|p| owned(p, key)) {
        let Some((name, value)) = part[key.len() + 1..].split_once('=') else {
            continue;
        };
        let Some(value) = percent_decode(value).map(|v| clean(&v)) else {
            continue;
        };
        let text = (!value.trim().is_empty()).then(|| value.trim().to_string());
        match name {
            "c" => s.filter.category = text.map(Rc::from),
            "d" => s.filter.department = text.map(Rc::from),
            "q" => s.filter.query = text.unwrap_or_default(),
            "r" => s.filter.range = decode_range(&value),
            "s" if value == "old" => s.filter.sort = Sort::Oldest,
            "a" => s.open = text.map(Rc::from),
            _ => {}
        }
    }
    s
}

/// The hash with `key`'s parts replaced by `state`'s; every other part is
/// kept in place. Returns the text after `#` (empty when nothing is left).
pub fn write(hash: &str, key: &str, state: &ViewState) -> String {
    let mut all: Vec<String> = split(hash)
        .filter(|p| !owned(p, key))
        .map(str::to_string)
        .collect();
    all.extend(parts(key, state));
    all.join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> ViewState {
        ViewState {
            filter: Filter {
                category: Some(Rc::from("生态环保")),
                department: Some(Rc::from("环保安监局")),
                query: "工地 扬尘&a=b#x".into(),
                range: DateRange::Between {
                    from: Day::parse("2019-11-01"),
                    to: None,
                },
                sort: Sort::Oldest,
            },
            open: Some(Rc::from("gx-2019-11-24/site?x=1")),
        }
    }

    #[test]
    fn round_trip_keeps_everything() {
        let s = state();
        let hash = write("", "news", &s);
        assert!(hash.starts_with("news.c=%E7%94%9F"), "{hash}");
        assert!(!hash.contains('#') && !hash.contains(' '));
        assert_eq!(read(&hash, "news"), s);
        assert_eq!(read(&format!("#{hash}"), "news"), s);
        for r in [
            DateRange::LastDays(7),
            DateRange::LastDays(30),
            DateRange::ThisYear,
        ] {
            let s = ViewState {
                filter: Filter {
                    range: r,
                    ..Filter::default()
                },
                open: None,
            };
            assert_eq!(read(&write("", "k", &s), "k"), s);
        }
    }

    #[test]
    fn defaults_write_nothing() {
        assert_eq!(write("", "news", &ViewState::default()), "");
        assert_eq!(write("#news.c=x", "news", &ViewState::default()), "");
    }

    #[test]
    fn other_parts_and_other_widgets_are_kept() {
        let page = "#top&page=2&notices.c=%E9%80%9A%E7%9F%A5";
        let hash = write(page, "news", &state());
        assert!(hash.starts_with("top&page=2&notices.c=%E9%80%9A%E7%9F%A5&news.c="));
        // Writing the other widget leaves this one alone.
        let both = write(&hash, "notices", &ViewState::default());
        assert_eq!(read(&both, "news"), state());
        assert_eq!(read(&both, "notices"), ViewState::default());
        assert!(both.starts_with("top&page=2&news.c="));
        // A key that is a prefix of another key does not claim its parts.
        assert_eq!(read("#news2.c=x", "news"), ViewState::default());
    }

    #[test]
    fn hostile_hashes_are_ignored_or_cleaned() {
        for hash in [
            "#news.c=%E7%94",      // cut UTF-8
            "#news.c=%ZZ",         // bad escape
            "#news.c=%",           // truncated escape
            "#news.r=-5d",         // nonsense range
            "#news.r=2019-13-45~", // impossible day
            "#news.s=new",
            "#news.x=1&news&news.=&=&&&",
            "#%00%01",
        ] {
            assert_eq!(read(hash, "news").filter.category, None, "{hash}");
            assert_eq!(read(hash, "news").filter.range, DateRange::All, "{hash}");
            assert_eq!(read(hash, "news").filter.sort, Sort::Newest, "{hash}");
        }
        let s = read("#news.q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%00%0A", "news");
        assert_eq!(s.filter.query, "<script>alert(1)</script>");
        let long = "字".repeat(5000);
        let s = read(&format!("#news.q={}", percent_encode(&long)), "news");
        assert_eq!(s.filter.query.chars().count(), 200);
        assert_eq!(read("#news.r=99999d", "news").filter.range, DateRange::All);
    }

    #[test]
    fn keys_are_sanitized() {
        assert_eq!(sanitize_key("news"), Some("news".into()));
        assert_eq!(sanitize_key("新闻 <x>&=.a"), Some("xa".into()));
        assert_eq!(sanitize_key("<>"), None);
    }
}
