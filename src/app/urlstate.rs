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

use crate::app::query::{day_text, parse_day, DateRange, Filter, Sort};
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
            from.map(|d| day_text(&d)).unwrap_or_default(),
            to.map(|d| day_text(&d)).unwrap_or_default()
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
        let (from, to) = (parse_day(from), parse_day(to));
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

/// How the URL follows the view: which changes write the hash, and whether
/// a write starts a history entry (`pushState`) or replaces the current one.
/// A run of keystrokes in the search box is one entry, so Back undoes a
/// search in one step; every other change is an entry of its own. (The
/// `use_url_sync` hook carries the writes out, after a quiet moment.)
#[derive(Debug, Default)]
pub struct HashSync {
    /// The view as of the last change seen.
    last: Option<ViewState>,
    /// The last change was to the search text only.
    typing: bool,
}

impl HashSync {
    /// The view changed to `view` while the URL holds `in_url`. Returns
    /// `Some(push)` when the hash must be written; `carried_push` says that a
    /// write still waiting (superseded by this one) was to start an entry,
    /// which this one then does.
    pub fn changed(
        &mut self,
        in_url: &ViewState,
        view: &ViewState,
        carried_push: bool,
    ) -> Option<bool> {
        let write = if in_url != view {
            let only_query = self.last.as_ref().is_some_and(|last| {
                ViewState {
                    filter: Filter {
                        query: view.filter.query.clone(),
                        ..last.filter.clone()
                    },
                    open: last.open.clone(),
                } == *view
            });
            // Keystrokes after the first replace the entry they started.
            let push = !(only_query && self.typing) || carried_push;
            self.typing = only_query;
            Some(push)
        } else {
            // The URL moved first (Back/Forward, a link): a new run of typing starts fresh.
            self.typing = false;
            None
        };
        self.last = Some(view.clone());
        write
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(q: &str) -> ViewState {
        ViewState {
            filter: Filter {
                query: q.into(),
                ..Filter::default()
            },
            open: None,
        }
    }

    #[test]
    fn a_run_of_typing_is_one_history_entry() {
        let mut sync = HashSync::default();
        let start = ViewState::default();
        assert_eq!(
            sync.changed(&start, &start, false),
            None,
            "nothing to write"
        );
        assert_eq!(
            sync.changed(&start, &query("工"), false),
            Some(true),
            "the first key pushes"
        );
        assert_eq!(
            sync.changed(&query("工"), &query("工地"), false),
            Some(false),
            "the next replace"
        );
        // A write still waiting when the next key comes was a push: carried on.
        assert_eq!(sync.changed(&start, &query("工地扬"), true), Some(true));
        // Another kind of change is an entry of its own…
        let mut tab = query("工地扬");
        tab.filter.category = Some(Rc::from("通知公告"));
        assert_eq!(sync.changed(&query("工地扬"), &tab, false), Some(true));
        // …and typing after it starts a new run.
        let mut typed = tab.clone();
        typed.filter.query = "工地扬尘".into();
        assert_eq!(sync.changed(&tab, &typed, false), Some(true));
    }

    #[test]
    fn back_and_forward_start_a_new_run() {
        let mut sync = HashSync::default();
        let start = ViewState::default();
        assert_eq!(sync.changed(&start, &query("a"), false), Some(true));
        // Back: the URL and the state agree again (the state followed the URL).
        assert_eq!(sync.changed(&start, &start, false), None);
        assert_eq!(
            sync.changed(&start, &query("b"), false),
            Some(true),
            "a new entry"
        );
    }

    fn state() -> ViewState {
        ViewState {
            filter: Filter {
                category: Some(Rc::from("生态环保")),
                department: Some(Rc::from("环保安监局")),
                query: "工地 扬尘&a=b#x".into(),
                range: DateRange::Between {
                    from: parse_day("2019-11-01"),
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
