//! One bulletin, normalized: the core fields (id, title, text, dates,
//! links), what `_district` says ([`District`]) and the 信息公开 fields
//! ([`PublicDocument`]); and what the list and the article derive from them.

use super::{Attachment, Author, Pinned, Validity};
use crate::model::dates::Timestamp;
use crate::model::text;
use std::rc::Rc;

/// A value worked out from an item's other fields the first time it is
/// needed: most items of a long feed are never shown, and the start-up path
/// should not pay for them. Equal whenever those fields are, so it takes no
/// part in comparisons; a copy of the item works it out again (a copy is
/// made to change a field).
#[derive(Debug, Default)]
pub struct Derived<T>(std::cell::OnceCell<T>);

impl<T> Clone for Derived<T> {
    fn clone(&self) -> Self {
        Derived(std::cell::OnceCell::new())
    }
}

impl<T> PartialEq for Derived<T> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl<T> Eq for Derived<T> {}

/// One bulletin, normalized: every fallback already applied.
/// `Eq` lets `Rc<Bulletin>` compare by pointer first (std's shortcut for
/// `Eq` types), which keeps Yew's prop comparisons cheap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bulletin {
    /// Unique within its feed (the id, made unique when the feed repeats one):
    /// safe as a list key.
    pub key: Rc<str>,
    /// The item's `id` as text (numbers converted), else its `url`.
    pub id: String,
    pub url: Option<String>,
    pub external_url: Option<String>,
    pub title: Option<String>,
    /// The item's own `summary`, as given (see [`Bulletin::summary`]).
    pub given_summary: Option<String>,
    /// [`Bulletin::summary`], once asked for.
    pub(crate) summary: Derived<String>,
    /// [`Bulletin::page_link`], once asked for.
    pub(crate) link: Derived<Option<Rc<str>>>,
    pub content_text: Option<String>,
    pub content_html: Option<String>,
    pub image: Option<String>,
    pub banner_image: Option<String>,
    pub published: Option<Timestamp>,
    pub modified: Option<Timestamp>,
    pub authors: Vec<Author>,
    pub tags: Vec<String>,
    pub attachments: Vec<Attachment>,
    pub language: Option<String>,
    /// Position in the source document (0-based), kept for stable sorting.
    pub source_index: usize,
    /// Where it is filed and who made it (`_district`).
    pub district: District,
    /// 信息公开: the fields of a public document.
    pub public: PublicDocument,
}

/// What `_district` says of an item: where it is filed, who made it, and
/// whether it leads its column (置顶), with the fallbacks applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct District {
    /// `_district.category`, else the first tag, else [`super::UNCATEGORIZED`].
    pub category: Rc<str>,
    /// `_district.department`, else the first author's name.
    pub department: Option<Rc<str>>,
    pub reporter: Option<String>,
    /// `_district.photographer` (or `_district.credit`).
    pub photographer: Option<String>,
    pub doc_number: Option<String>,
    /// 置顶: `_district.pinned`, else a `[置顶]` prefix the title had (removed
    /// from `title`). See [`Bulletin::is_pinned`].
    pub pinned: Option<Pinned>,
    /// 来源: `_district.source`, else the feed it came from (its title)
    /// when the widget merges several.
    pub source: Option<Rc<str>>,
}

/// 信息公开: the catalogue fields of a public document (`_district`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PublicDocument {
    /// 信息公开: 索引号 (`_district.index_number`).
    pub index_number: Option<String>,
    /// 信息公开: 主题分类 (`_district.subject`).
    pub subject: Option<String>,
    /// 信息公开: 成文日期 (`_district.written_date`).
    pub written_date: Option<Timestamp>,
    /// 信息公开: 有效性 (`_district.validity`).
    pub validity: Option<Validity>,
}

impl PublicDocument {
    /// Whether any field is there (索引号, 主题分类, 成文日期, 有效性): the
    /// article then shows the 信息公开 table. (文号 and 来源 alone do not
    /// make one: news items carry them too.)
    pub fn is_some(&self) -> bool {
        self.index_number.is_some()
            || self.subject.is_some()
            || self.written_date.is_some()
            || self.validity.is_some()
    }
}

impl Bulletin {
    /// Whether the item leads its column at `now` (Unix seconds): pinned,
    /// and not past the date it was pinned until (read in `zone`, the
    /// feed's). Past that date it is an ordinary item.
    pub fn is_pinned(&self, now: i64, zone: i32) -> bool {
        self.district.pinned.is_some_and(|p| p.at(now, zone))
    }

    /// Repealed or expired (已废止, 已失效): marked in the list too.
    pub fn is_void(&self) -> bool {
        self.public.validity.is_some_and(Validity::is_void)
    }

    /// Whether the item carries a 信息公开 field of its own (索引号, 主题分类,
    /// 成文日期, 有效性): the article then shows the 信息公开 table. (文号
    /// and 来源 alone do not make one: news items carry them too.)
    pub fn is_public_document(&self) -> bool {
        self.public.is_some()
    }

    /// The date the item is listed under: published, else modified.
    pub fn date(&self) -> Option<&Timestamp> {
        self.published.as_ref().or(self.modified.as_ref())
    }

    /// The item's page: its `url` resolved against `base` (the feed's
    /// address, the same at every call for one item), when it is `http:` or
    /// `https:`. Worked out the first time only: a row shown again (a search
    /// typed and cleared) does not resolve it again.
    pub fn page_link(&self, base: &str) -> Option<Rc<str>> {
        self.link
            .0
            .get_or_init(|| {
                crate::model::url::resolve_http(self.url.as_deref()?, base).map(Rc::from)
            })
            .clone()
    }

    /// The title to show; items without one (allowed by JSON Feed) use the
    /// start of their text.
    pub fn display_title(&self) -> String {
        match &self.title {
            Some(t) => t.clone(),
            None => text::truncate_chars(self.summary(), 30),
        }
    }

    /// The list's summary: `summary`, else the start of the text, on one
    /// line and at most [`text::SUMMARY_CHARS`] characters (… when cut).
    pub fn summary(&self) -> &str {
        self.summary.0.get_or_init(|| {
            let line = match &self.given_summary {
                Some(s) => text::fold_whitespace(s),
                None => summary_start(self.content_text.as_deref(), self.content_html.as_deref()),
            };
            text::truncate_chars(&line, text::SUMMARY_CHARS)
        })
    }

    /// The body as plain paragraphs: `content_text`, else a text reading of
    /// `content_html`, else the summary.
    pub fn body_paragraphs(&self) -> Vec<String> {
        if let Some(t) = &self.content_text {
            let p = text::paragraphs(t);
            if !p.is_empty() {
                return p;
            }
        }
        if let Some(h) = &self.content_html {
            let p = text::paragraphs(&text::html_to_text(h));
            if !p.is_empty() {
                return p;
            }
        }
        text::paragraphs(self.summary())
    }
}

/// The start of an item's text as one line, enough for its summary: from
/// `content_text`, else from `content_html` read as text. Only the start
/// of the body is read (bodies can be 20 kB; a summary is 80 characters).
fn summary_start(content_text: Option<&str>, content_html: Option<&str>) -> String {
    let enough = text::SUMMARY_CHARS + 1;
    match (content_text, content_html) {
        (Some(t), _) => text::one_line_start(t, enough),
        (None, Some(h)) => {
            let mut cut = h.len().min(4096);
            while !h.is_char_boundary(cut) {
                cut -= 1;
            }
            let start = text::one_line_start(&text::html_to_text(&h[..cut]), enough);
            if start.chars().count() >= enough || cut == h.len() {
                start
            } else {
                // Markup heavy at the top: read it all.
                text::one_line_start(&text::html_to_text(h), enough)
            }
        }
        (None, None) => String::new(),
    }
}
