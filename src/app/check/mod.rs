//! What `district-bulletin check` finds about one feed, as plain data: the
//! verdict, the format, the items shown, staleness and the problems with
//! their line and column. Everything here is plain functions over what the
//! widget's own parser reports ([`crate::model::feed::read_body`], the same
//! path the widget runs), so the command (`native::cli::check`, which
//! fetches with `ureq` and prints), the builder page (which fetches with
//! the browser's `fetch`) and the console warnings never disagree.
//!
//! How a feed was fetched, and whether the page's origin may read it, is
//! the caller's: [`inspect`] takes it as an [`HttpCheck`]. The rule the
//! feed is held to as a portal's column, and the portal's verdict over
//! several, are [`portal`]'s.

pub mod portal;
pub mod source;

pub use portal::{KindFrom, Status, Verdict};
pub use source::{Http, Source, SourceError};

use crate::app::load::column::Rule;
use crate::app::load::warnings::newest_age_days;
use crate::app::load::LoadError;
use crate::model::dates::machine_label;
use crate::model::feed::{
    read_body, Bulletin, Feed, FeedError, Note, Pos, Reading, Report, Severity, UNCATEGORIZED,
};

/// An item named in the output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemRef {
    /// Its 0-based place in the document.
    pub index: usize,
    pub id: String,
    pub title: String,
}

/// Whether the page's origin may read the feed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cors {
    /// No page origin given: only the header is reported.
    NotAsked,
    /// The page and the feed are on one origin: no CORS needed.
    SameOrigin,
    /// `Access-Control-Allow-Origin` is `*` or the page's origin.
    Allowed,
    /// Another origin, and no header that lets the page read it.
    Denied,
}

/// The HTTP facts of a feed fetched from a URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpCheck {
    pub http: Http,
    /// The page origin asked about, normalized.
    pub origin: Option<String>,
    pub cors: Cors,
}

impl HttpCheck {
    /// The answer's `Content-Type`.
    pub fn content_type(&self) -> Option<&str> {
        self.http.header("content-type")
    }
}

/// Everything `check` found about one FEED.
#[derive(Clone, Debug)]
pub struct Check {
    /// FEED as given.
    pub name: String,
    /// FEED could not be read at all (no file, no HTTP answer).
    pub unreadable: Option<SourceError>,
    pub http: Option<HttpCheck>,
    /// The body's size in bytes.
    pub size: usize,
    /// The feed, or why the body is none.
    pub feed: Option<Result<Feed, FeedError>>,
    /// What reading the body found.
    pub report: Report,
    /// Items shown under 未分类: no category, tag or `<category>`.
    pub no_category: Vec<ItemRef>,
    /// Items without an issuing department (`_district.department`, an author).
    pub no_department: Vec<ItemRef>,
    /// Items shown as 日期未知.
    pub undated: Vec<ItemRef>,
    /// The newest item's date (`2019-11-27T10:30+08:00`) and its age in days.
    pub newest: Option<(String, i64)>,
    /// The rule the feed is held to as a column: the one given, with the
    /// kind read from the feed when none was given.
    pub rule: Rule,
    /// Where [`Check::rule`]'s kind came from.
    pub kind_from: KindFrom,
}

/// A problem the webmaster must fix, where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Its line and column in the document, when known.
    pub at: Option<Pos>,
    /// What it is, with its item and place (`item 3, line 4, column 9: …`).
    pub text: String,
}

impl Check {
    /// Why the widget would not show this feed, as the reader would read
    /// it (zh-CN); `None` when it shows it.
    pub fn failure(&self) -> Option<LoadError> {
        if let Some(e) = &self.unreadable {
            return Some(match e {
                SourceError::File { reason, .. } | SourceError::Network { reason, .. } => {
                    LoadError::Network(reason.clone())
                }
            });
        }
        if let Some(h) = &self.http {
            if !h.http.ok() {
                return Some(LoadError::Http {
                    status: h.http.status,
                });
            }
            if h.cors == Cors::Denied {
                return Some(LoadError::Network(format!(
                    "CORS: the feed's server does not let pages on {} read it",
                    h.origin.as_deref().unwrap_or("that origin")
                )));
            }
        }
        match &self.feed {
            Some(Err(e)) => Some(LoadError::Feed(e.clone())),
            _ => None,
        }
    }

    /// Whether the widget would show the feed (the exit status is 0).
    pub fn shows(&self) -> bool {
        self.failure().is_none()
    }

    /// Whether the newest item is older than the column's rule allows.
    pub fn stale(&self) -> bool {
        self.newest
            .as_ref()
            .is_some_and(|(_, d)| self.rule.stale(*d))
    }

    /// The problems: the report's, or, when it names none, why the body is
    /// no feed (with its place, when it has one).
    pub fn problems(&self) -> Vec<Problem> {
        let mut problems: Vec<Problem> = self
            .report
            .of(Severity::Problem)
            .map(|n: &Note| Problem {
                at: n.at,
                text: n.to_string(),
            })
            .collect();
        if let (Some(Err(e)), true) = (&self.feed, problems.is_empty()) {
            let at = self.report.error_at;
            problems.push(Problem {
                at,
                text: match (e, at) {
                    // These name their place already.
                    (FeedError::Syntax { .. } | FeedError::XmlSyntax { .. }, _) | (_, None) => {
                        e.to_string()
                    }
                    (_, Some(at)) => format!("{at}: {e}"),
                },
            });
        }
        problems
    }
}

fn item_ref(b: &Bulletin) -> ItemRef {
    ItemRef {
        index: b.source_index,
        id: b.id.clone(),
        title: b.display_title(),
    }
}

/// Checks one FEED: `source` as read (a file, an HTTP answer, or why there
/// is none); `http` turns the answer's status and headers into the HTTP
/// facts, CORS included (the command works it out from the headers, the
/// builder page from what its own request met); `now_unix`: the time
/// staleness is measured at; `rule`: the column's rule as given (without a
/// kind, the kind is read from the feed, see [`portal::infer`]).
pub fn inspect(
    name: &str,
    source: Result<Source, SourceError>,
    http: impl FnOnce(Http) -> HttpCheck,
    now_unix: i64,
    rule: Rule,
) -> Check {
    let mut out = Check {
        name: name.to_string(),
        unreadable: None,
        http: None,
        size: 0,
        feed: None,
        report: Report::default(),
        no_category: Vec::new(),
        no_department: Vec::new(),
        undated: Vec::new(),
        newest: None,
        rule,
        kind_from: match rule.kind {
            Some(_) => KindFrom::Given,
            None => KindFrom::Default,
        },
    };
    let source = match source {
        Ok(s) => s,
        Err(e) => {
            out.unreadable = Some(e);
            return out;
        }
    };
    out.size = source.bytes.len();
    out.http = source.http.map(http);
    let Reading { feed, report } = read_body(&source.bytes);
    out.report = report;
    if let Ok(f) = &feed {
        for b in f.items.iter() {
            if &*b.district.category == UNCATEGORIZED {
                out.no_category.push(item_ref(b));
            }
            if b.district.department.is_none() {
                out.no_department.push(item_ref(b));
            }
            if b.date().is_none() {
                out.undated.push(item_ref(b));
            }
        }
        // In document order: how the webmaster finds them.
        for list in [
            &mut out.no_category,
            &mut out.no_department,
            &mut out.undated,
        ] {
            list.sort_by_key(|r| r.index);
        }
        out.newest = newest_age_days(f, now_unix).and_then(|days| {
            let ts = f
                .items
                .iter()
                .filter_map(|b| b.date())
                .max_by_key(|t| t.unix)?;
            Some((machine_label(ts, f.zone_offset_min), days))
        });
        if rule.kind.is_none() {
            if let Some((kind, from)) = portal::infer(f) {
                out.rule.kind = Some(kind);
                out.kind_from = from;
            }
        }
    }
    out.feed = Some(feed);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2019-12-31T00:00:00+08:00.
    const NOW: i64 = 1_577_721_600;

    fn file(bytes: &[u8]) -> Check {
        let source = Source {
            name: "f.json".into(),
            bytes: bytes.to_vec(),
            http: None,
        };
        inspect(
            "f.json",
            Ok(source),
            |_| unreachable!("no HTTP"),
            NOW,
            Rule::default(),
        )
    }

    #[test]
    fn problems_name_their_place() {
        let c = file(b"{\"version\": \"https://jsonfeed.org/version/1.1\",\n \"items\": [}");
        assert!(!c.shows());
        let p = c.problems();
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].at.map(|a| (a.line, a.column)), Some((2, 12)));
        let c = file(br#"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{"id":"1","title":"a","date_published":"2019-12-30T10:00:00+08:00"}]}"#);
        assert!(c.shows() && !c.stale() && c.problems().is_empty());
    }

    #[test]
    fn an_answer_the_page_may_not_read_is_not_shown() {
        let source = Source {
            name: "https://feeds.example/f.json".into(),
            bytes: b"{}".to_vec(),
            http: Some(Http {
                requested: "https://feeds.example/f.json".into(),
                final_url: "https://feeds.example/f.json".into(),
                status: 200,
                headers: Vec::new(),
            }),
        };
        let c = inspect(
            "https://feeds.example/f.json",
            Ok(source),
            |http| HttpCheck {
                http,
                origin: Some("https://portal.example".into()),
                cors: Cors::Denied,
            },
            NOW,
            Rule::default(),
        );
        assert!(matches!(c.failure(), Some(LoadError::Network(r)) if r.starts_with("CORS")));
    }
}
