//! The widget's state and the one place it changes.
//!
//! `State::apply` is a plain function (tested natively) behind Yew's
//! `Reducible`, so components only ever dispatch [`Action`]s. What the hooks
//! decide from the state (whether to fetch, what an answer does) is in
//! [`rounds`], plain Rust beside it.

pub mod rounds;
pub mod speech;

use crate::app::config::{Config, TextSize};
use crate::app::load::{Batch, LoadError};
use crate::app::query::{DateRange, Filter, Sort};
use crate::app::urlstate::ViewState;
use crate::model::feed::{append, count_new, next_links, Bulletin, Feed};
use std::rc::Rc;

/// Where the latest request for the feed stands. A failure or a reload never
/// throws away what the reader already sees: `previous` keeps it.
#[derive(Clone, Debug, PartialEq)]
pub enum Load {
    /// A request is under way.
    Loading {
        /// The feed shown before this request, if any.
        previous: Option<Rc<Feed>>,
    },
    /// The feed arrived and parsed.
    Loaded(Rc<Feed>),
    /// The request failed.
    Failed {
        error: LoadError,
        /// The feed shown before this request, if any.
        previous: Option<Rc<Feed>>,
    },
}

impl Load {
    /// The feed to show, whether fresh or kept from before.
    pub fn feed(&self) -> Option<&Rc<Feed>> {
        match self {
            Load::Loaded(f) => Some(f),
            Load::Loading { previous } | Load::Failed { previous, .. } => previous.as_ref(),
        }
    }
}

/// Where fetching an older page stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum PageLoad {
    /// No page is being fetched.
    #[default]
    Idle,
    /// A page is on its way.
    Loading,
    /// The last attempt failed; 加载更多 tries again.
    Failed(LoadError),
}

/// Older pages of the feed (JSON Feed `next_url`, RSS/Atom `rel="next"`),
/// fetched when the reader asks for more.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Paging {
    /// Absolute URLs of the pages to fetch next (one per source that has more).
    pub next: Vec<String>,
    /// Every URL fetched so far: a next link back to one of them is a loop.
    pub seen: Vec<String>,
    /// Items that came from older pages; a refresh of the first page keeps them.
    pub extra: Rc<[Rc<Bulletin>]>,
    pub status: PageLoad,
    /// Number of the current page request; answers to older ones are ignored.
    pub request: u32,
}

impl Paging {
    /// Whether 加载更多 can fetch another page.
    pub fn has_more(&self) -> bool {
        !self.next.is_empty()
    }
}

/// Everything the widget shows is derived from this.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The feed URLs shown (the `feed` attribute); another list starts over.
    pub feeds: Rc<[String]>,
    pub load: Load,
    /// Fingerprint of the bodies behind the feed shown: a refresh whose
    /// bodies are the same is not parsed again.
    pub digest: Option<u64>,
    pub filter: Filter,
    /// Key of the open article, if one is open.
    pub open: Option<Rc<str>>,
    /// Number of the current request; answers to older ones are ignored.
    pub request: u32,
    /// Pages of rows shown (加载更多 adds one); back to 1 when the filter changes.
    pub pages: usize,
    /// Rows shown beyond the pages: one per item a refresh brought, so the
    /// rows the reader is looking at are not pushed out of the list.
    pub extra_rows: usize,
    /// When the feed shown was fetched (Unix seconds): now for a fresh one,
    /// earlier for the last good copy kept in the browser.
    pub data_at: Option<i64>,
    /// Sources that failed while others loaded (several feeds in one widget).
    pub source_errors: Vec<(String, LoadError)>,
    pub paging: Paging,
    /// The running request is a periodic refresh (its new items are counted).
    pub refreshing: bool,
    /// The article the reader closed last, whose row gets the focus back,
    /// and how many times one was closed (so closing the same one twice
    /// is two changes).
    pub closed: (Option<Rc<str>>, u32),
    /// Items that refreshes brought since the reader last looked (the
    /// "N 条新信息" notice; 0: no notice).
    pub new_items: usize,
    /// The `category` attribute as last seen: the widget follows when the
    /// webmaster changes it, not when it is merely read again.
    pub category_attribute: Option<Rc<str>>,
    /// 长者模式 (large text, high contrast, big targets) is on.
    pub elder: bool,
    /// The `elder` attribute as last seen (followed when it changes).
    pub elder_attribute: bool,
    /// The reader's text size.
    pub text_size: TextSize,
    /// The `text-size` attribute as last seen (followed when it changes).
    pub text_size_attribute: Option<TextSize>,
    /// The filter panel (department, date, order) is open: on a narrow
    /// widget it sits behind the 筛选 button.
    pub filters_open: bool,
}

impl Default for State {
    fn default() -> Self {
        State {
            feeds: Rc::from(Vec::new()),
            load: Load::Loading { previous: None },
            digest: None,
            filter: Filter::default(),
            open: None,
            request: 0,
            pages: 1,
            extra_rows: 0,
            data_at: None,
            source_errors: Vec::new(),
            paging: Paging::default(),
            refreshing: false,
            new_items: 0,
            closed: (None, 0),
            category_attribute: None,
            elder: false,
            elder_attribute: false,
            text_size: TextSize::default(),
            text_size_attribute: None,
            filters_open: false,
        }
    }
}

/// What this reader chose last time, on this site (remembered in the
/// browser; read by the entry point).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Remembered {
    /// 长者模式 was on.
    pub elder: bool,
    /// A text size the reader picked.
    pub text_size: Option<TextSize>,
}

/// A head start a widget may mount with, taken by its entry point before
/// mounting (see `entry`): the first render then shows rows, not a loading
/// skeleton laid out and replaced a moment later.
#[derive(Clone, Debug)]
pub enum Head {
    /// The answer to the first request: the widget does not send it again.
    Answer(Result<Batch, LoadError>),
    /// The last good copy, fetched at `at`, shown while the first request runs.
    Kept { feed: Feed, at: i64 },
}

impl State {
    /// The state a widget starts in: the webmaster's settings, the view a
    /// link carries (`linked`, from the URL hash), whether this reader chose
    /// 长者模式 last time, and the head start if there is one.
    pub fn initial(
        config: &Config,
        linked: ViewState,
        remembered: Remembered,
        head: Option<Head>,
    ) -> State {
        let category: Option<Rc<str>> = config.category.as_deref().map(Rc::from);
        let s = State {
            feeds: Rc::from(config.feeds.clone()),
            filter: Filter {
                category: category.clone(),
                ..Filter::default()
            },
            category_attribute: category,
            elder: config.elder || remembered.elder,
            elder_attribute: config.elder,
            text_size: remembered
                .text_size
                .or(config.text_size)
                .unwrap_or_default(),
            text_size_attribute: config.text_size,
            ..State::default()
        };
        // A link to a view wins over the configured start.
        let s = if linked == ViewState::default() {
            s
        } else {
            s.apply(Action::Restore(linked))
        };
        let request = s.request;
        match head {
            Some(Head::Answer(answer)) => s.apply(Action::answer(request, answer)),
            Some(Head::Kept { feed, at }) => s.apply(Action::Cached {
                request,
                feed: Rc::new(feed),
                at,
            }),
            None => s,
        }
    }
}

/// Everything that can happen to the widget.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Fetch the feed again, keeping what is shown meanwhile (重试).
    Reload,
    /// The `feed` attribute now names these feeds: when they are others,
    /// forget everything and fetch anew, starting in `category`.
    Feeds {
        feeds: Rc<[String]>,
        category: Option<Rc<str>>,
    },
    /// Request number `request` produced a feed, fetched at `at` (Unix
    /// seconds); `failed` lists sources that did not load (several feeds).
    /// `fetched` are the absolute URLs it came from and `next` their
    /// next-page links.
    Loaded {
        request: u32,
        feed: Rc<Feed>,
        at: i64,
        failed: Vec<(String, LoadError)>,
        fetched: Vec<String>,
        next: Vec<String>,
        /// Fingerprint of the bodies (see [`State::digest`]).
        digest: u64,
    },
    /// Request number `request` found the feed unchanged (a 304, or the same
    /// bytes) at `at`: keep what is shown.
    Unchanged { request: u32, at: i64 },
    /// Periodic refresh: fetch again in the background, unless a request is
    /// already running.
    Refresh,
    /// The reader closed the "N 条新信息" notice.
    DismissNew,
    /// 查看 on the notice: back to the list (where the new items are), notice gone.
    ShowNew,
    /// 加载更多 at the end of the feed: fetch the next page(s).
    FetchPage,
    /// Page request `request` brought `feed` (the pages merged) from
    /// `fetched`, with these next links.
    PageLoaded {
        request: u32,
        feed: Rc<Feed>,
        fetched: Vec<String>,
        next: Vec<String>,
    },
    /// Page request `request` failed.
    PageFailed { request: u32, error: LoadError },
    /// While request `request` runs, the last good copy (fetched at `at`) can be shown.
    Cached {
        request: u32,
        feed: Rc<Feed>,
        at: i64,
    },
    /// Request number `request` failed.
    Failed { request: u32, error: LoadError },
    /// Show one category (`None`: all).
    SelectCategory(Option<Rc<str>>),
    /// Open the article with this key.
    Open(Rc<str>),
    /// Back to the list.
    Close,
    /// Show one more page of rows (加载更多).
    ShowMore,
    /// The search box changed.
    SetQuery(String),
    /// Choose a department (`None`: all).
    SetDepartment(Option<Rc<str>>),
    /// Choose a date range.
    SetRange(DateRange),
    /// Choose the order.
    SetSort(Sort),
    /// 清除筛选: back to all categories, departments and dates, no search.
    ClearFilters,
    /// Take the view from a link (the URL hash, on load or Back/Forward).
    Restore(ViewState),
    /// The `category` attribute reads this (followed only when it changed).
    CategoryAttribute(Option<Rc<str>>),
    /// The reader switched 长者模式 on or off.
    SetElder(bool),
    /// The `elder` attribute reads this (followed only when it changed).
    ElderAttribute(bool),
    /// The reader picked a text size.
    SetTextSize(TextSize),
    /// The `text-size` attribute reads this (followed only when it changed).
    TextSizeAttribute(Option<TextSize>),
    /// The 筛选 button: open or close the filter panel.
    ToggleFilters,
}

impl State {
    /// The part of the state a link carries.
    pub fn view_state(&self) -> ViewState {
        ViewState {
            filter: self.filter.clone(),
            open: self.open.clone(),
        }
    }

    /// The state after `action`.
    pub fn apply(mut self, action: Action) -> State {
        match action {
            Action::Reload => {
                self.request = self.request.wrapping_add(1);
                self.refreshing = false;
                self.load = Load::Loading {
                    previous: self.load.feed().cloned(),
                };
            }
            Action::Refresh => {
                // Never on top of a running request, and never before the
                // first answer (that one is not "new").
                if matches!(self.load, Load::Loading { .. }) || self.load.feed().is_none() {
                    return self;
                }
                self.request = self.request.wrapping_add(1);
                self.refreshing = true;
                self.load = Load::Loading {
                    previous: self.load.feed().cloned(),
                };
            }
            Action::Unchanged { request, at } => {
                if request != self.request {
                    return self;
                }
                self.refreshing = false;
                self.data_at = Some(at);
                if let Some(f) = self.load.feed().cloned() {
                    self.load = Load::Loaded(f);
                }
            }
            Action::DismissNew => self.new_items = 0,
            Action::ShowNew => {
                self.new_items = 0;
                self.open = None;
            }
            Action::FetchPage => {
                if self.paging.has_more() && self.paging.status != PageLoad::Loading {
                    self.paging.status = PageLoad::Loading;
                    self.paging.request = self.paging.request.wrapping_add(1);
                }
            }
            Action::PageLoaded {
                request,
                feed,
                fetched,
                next,
            } => {
                if request != self.paging.request {
                    return self;
                }
                let p = &mut self.paging;
                p.seen.extend(fetched);
                p.next = next_links(next, &p.seen).0;
                p.status = PageLoad::Idle;
                let Some(current) = self.load.feed().cloned() else {
                    return self;
                };
                let (grown, added) = append(&current, &feed.items);
                p.extra = p.extra.iter().cloned().chain(added).collect();
                let grown = Rc::new(grown);
                self.load = match self.load {
                    Load::Loaded(_) => Load::Loaded(grown),
                    Load::Loading { .. } => Load::Loading {
                        previous: Some(grown),
                    },
                    Load::Failed { error, .. } => Load::Failed {
                        error,
                        previous: Some(grown),
                    },
                };
                // Show what arrived.
                self.pages = self.pages.saturating_add(1);
            }
            Action::PageFailed { request, error } => {
                if request == self.paging.request {
                    self.paging.status = PageLoad::Failed(error);
                }
            }
            Action::Feeds { feeds, category } => {
                if feeds == self.feeds {
                    return self;
                }
                self = State {
                    feeds,
                    request: self.request.wrapping_add(1),
                    filter: Filter {
                        category: category.clone(),
                        ..Filter::default()
                    },
                    category_attribute: category,
                    elder: self.elder,
                    elder_attribute: self.elder_attribute,
                    text_size: self.text_size,
                    text_size_attribute: self.text_size_attribute,
                    filters_open: self.filters_open,
                    ..State::default()
                };
            }
            Action::CategoryAttribute(c) => {
                if c == self.category_attribute {
                    return self;
                }
                self.category_attribute = c.clone();
                return self.apply(Action::SelectCategory(c));
            }
            Action::SetElder(on) => self.elder = on,
            Action::ElderAttribute(on) => {
                if on != self.elder_attribute {
                    self.elder_attribute = on;
                    self.elder = on;
                }
            }
            Action::SetTextSize(size) => self.text_size = size,
            Action::TextSizeAttribute(size) => {
                if size != self.text_size_attribute {
                    self.text_size_attribute = size;
                    self.text_size = size.unwrap_or_default();
                }
            }
            Action::ToggleFilters => self.filters_open = !self.filters_open,
            Action::Cached { request, feed, at } => {
                if request == self.request && self.load == (Load::Loading { previous: None }) {
                    self.load = Load::Loading {
                        previous: Some(feed),
                    };
                    self.data_at = Some(at);
                }
            }
            Action::Loaded {
                request,
                feed,
                at,
                failed,
                fetched,
                next,
                digest,
            } => {
                if request != self.request {
                    return self;
                }
                self.data_at = Some(at);
                self.digest = Some(digest);
                self.source_errors = failed;
                let feed = if self.paging.extra.is_empty() {
                    // The first page (again): its links start the paging.
                    self.paging.next = next_links(next, &fetched).0;
                    self.paging.seen = fetched;
                    feed
                } else {
                    // Pages already fetched stay, and so does where paging got to.
                    Rc::new(append(&feed, &self.paging.extra).0)
                };
                if self.refreshing {
                    if let Some(old) = self.load.feed() {
                        let n = count_new(old, &feed);
                        self.new_items += n;
                        self.extra_rows += n;
                    }
                }
                self.refreshing = false;
                // A filter or article that the new feed no longer has would
                // leave the reader looking at nothing: drop it.
                if let Some(c) = &self.filter.category {
                    if !feed.items.iter().any(|b| b.district.category == *c) {
                        self.filter.category = None;
                    }
                }
                if let Some(d) = &self.filter.department {
                    if !feed
                        .items
                        .iter()
                        .any(|b| b.district.department.as_ref() == Some(d))
                    {
                        self.filter.department = None;
                    }
                }
                if let Some(k) = &self.open {
                    if !feed.items.iter().any(|b| b.key == *k) {
                        self.open = None;
                    }
                }
                self.load = Load::Loaded(feed);
            }
            Action::Failed { request, error } => {
                if request != self.request {
                    return self;
                }
                self.refreshing = false;
                self.load = Load::Failed {
                    previous: self.load.feed().cloned(),
                    error,
                };
            }
            Action::SelectCategory(c) => {
                self.filter.category = c;
                self.open = None;
                self.pages = 1;
                self.extra_rows = 0;
            }
            Action::ShowMore => self.pages = self.pages.saturating_add(1),
            Action::SetQuery(q) => {
                self.filter.query = q;
                self.pages = 1;
                self.extra_rows = 0;
            }
            Action::SetDepartment(d) => {
                self.filter.department = d;
                self.open = None;
                self.pages = 1;
                self.extra_rows = 0;
            }
            Action::SetRange(r) => {
                self.filter.range = r;
                self.open = None;
                self.pages = 1;
                self.extra_rows = 0;
            }
            Action::SetSort(s) => {
                self.filter.sort = s;
                self.pages = 1;
                self.extra_rows = 0;
            }
            Action::ClearFilters => {
                self.filter = Filter {
                    sort: self.filter.sort,
                    ..Filter::default()
                };
                self.open = None;
                self.pages = 1;
                self.extra_rows = 0;
            }
            Action::Restore(v) => {
                if v.filter != self.filter {
                    self.pages = 1;
                    self.extra_rows = 0;
                }
                self.filter = v.filter;
                self.open = v.open;
            }
            Action::Open(key) => self.open = Some(key),
            Action::Close => {
                if let Some(k) = self.open.take() {
                    self.closed = (Some(k), self.closed.1.wrapping_add(1));
                }
            }
        }
        self
    }
}

impl yew::Reducible for State {
    type Action = Action;

    /// The state after `action`; the same `Rc` when nothing changed (a stale
    /// answer, a refresh while a request runs …), so nothing re-renders.
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = (*self).clone().apply(action);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::feed::parse_feed;

    fn feed(cats: &[&str]) -> Rc<Feed> {
        let items: Vec<String> = cats
            .iter()
            .enumerate()
            .map(|(i, c)| {
                format!(r#"{{"id":"k{i}","title":"t","_district":{{"category":"{c}"}}}}"#)
            })
            .collect();
        let json = format!(
            r#"{{"version":"https://jsonfeed.org/version/1.1","items":[{}]}}"#,
            items.join(",")
        );
        Rc::new(parse_feed(json.as_bytes()).expect("feed"))
    }

    #[test]
    fn failure_keeps_what_was_shown() {
        let f = feed(&["a"]);
        let s = State::default().apply(Action::Loaded {
            request: 0,
            feed: f.clone(),
            at: 0,
            failed: Vec::new(),
            fetched: Vec::new(),
            next: Vec::new(),
            digest: 0,
        });
        let s = s.apply(Action::Reload);
        assert_eq!(s.load.feed(), Some(&f));
        let s = s.apply(Action::Failed {
            request: 1,
            error: LoadError::Http { status: 500 },
        });
        assert!(matches!(s.load, Load::Failed { .. }));
        assert_eq!(s.load.feed(), Some(&f));
    }

    #[test]
    fn the_kept_copy_shows_until_the_network_answers() {
        let old = feed(&["a"]);
        let s = State::default().apply(Action::Cached {
            request: 0,
            feed: old.clone(),
            at: 100,
        });
        assert_eq!(s.load.feed(), Some(&old));
        assert_eq!(s.data_at, Some(100));
        // A failure keeps it, with its age.
        let failed = s.clone().apply(Action::Failed {
            request: 0,
            error: LoadError::Network("offline".into()),
        });
        assert_eq!(failed.load.feed(), Some(&old));
        assert_eq!(failed.data_at, Some(100));
        // A fresh feed replaces it; a late copy never replaces a fresh feed.
        let fresh = feed(&["b"]);
        let s = s
            .apply(Action::Loaded {
                request: 0,
                feed: fresh.clone(),
                at: 200,
                failed: Vec::new(),
                fetched: Vec::new(),
                next: Vec::new(),
                digest: 0,
            })
            .apply(Action::Cached {
                request: 0,
                feed: old,
                at: 100,
            });
        assert_eq!(s.load.feed(), Some(&fresh));
        assert_eq!(s.data_at, Some(200));
    }

    #[test]
    fn stale_answers_are_ignored() {
        let s = State::default().apply(Action::Reload);
        let s2 = s.clone().apply(Action::Loaded {
            request: 0,
            feed: feed(&["a"]),
            at: 0,
            failed: Vec::new(),
            fetched: Vec::new(),
            next: Vec::new(),
            digest: 0,
        });
        assert_eq!(s2, s);
        let s3 = s.apply(Action::Failed {
            request: 0,
            error: LoadError::Timeout { seconds: 1 },
        });
        assert!(matches!(s3.load, Load::Loading { .. }));
    }

    #[test]
    fn reset_forgets_the_old_feed() {
        let s = State::default()
            .apply(Action::Loaded {
                request: 0,
                feed: feed(&["a"]),
                at: 0,
                failed: Vec::new(),
                fetched: Vec::new(),
                next: Vec::new(),
                digest: 0,
            })
            .apply(Action::SelectCategory(Some(Rc::from("a"))))
            .apply(Action::Feeds {
                feeds: Rc::from(vec!["/other.json".to_string()]),
                category: None,
            });
        assert_eq!(s.load, Load::Loading { previous: None });
        assert_eq!(s.filter, Filter::default());
        assert_eq!(s.request, 1);
    }

    #[test]
    fn vanished_category_and_article_are_dropped() {
        let s = State::default()
            .apply(Action::Loaded {
                request: 0,
                feed: feed(&["a", "b"]),
                at: 0,
                failed: Vec::new(),
                fetched: Vec::new(),
                next: Vec::new(),
                digest: 0,
            })
            .apply(Action::SelectCategory(Some(Rc::from("b"))))
            .apply(Action::Open(Rc::from("k1")))
            .apply(Action::Reload)
            .apply(Action::Loaded {
                request: 1,
                feed: feed(&["a"]),
                at: 0,
                failed: Vec::new(),
                fetched: Vec::new(),
                next: Vec::new(),
                digest: 0,
            });
        assert_eq!(s.filter.category, None);
        assert_eq!(s.open, None);
    }

    #[test]
    fn filters_reset_paging_and_clear_keeps_the_order() {
        let s = State::default()
            .apply(Action::ShowMore)
            .apply(Action::SetQuery("工地".into()));
        assert_eq!(s.pages, 1);
        let s = s
            .apply(Action::SetSort(Sort::Oldest))
            .apply(Action::SetDepartment(Some(Rc::from("环保局"))))
            .apply(Action::SetRange(DateRange::LastDays(7)))
            .apply(Action::ClearFilters);
        assert_eq!(
            s.filter,
            Filter {
                sort: Sort::Oldest,
                ..Filter::default()
            }
        );
    }

    #[test]
    fn restore_takes_the_linked_view() {
        let mut v = ViewState::default();
        v.filter.query = "扬尘".into();
        v.open = Some(Rc::from("k0"));
        let s = State::default().apply(Action::Restore(v.clone()));
        assert_eq!(s.view_state(), v);
    }

    #[test]
    fn closing_remembers_the_row_to_return_to() {
        let s = State::default()
            .apply(Action::Open(Rc::from("x")))
            .apply(Action::Close);
        assert_eq!(s.closed, (Some(Rc::from("x")), 1));
        let s = s.apply(Action::Open(Rc::from("x"))).apply(Action::Close);
        assert_eq!(
            s.closed.1, 2,
            "the same article closed again is a new change"
        );
        assert_eq!(
            s.clone().apply(Action::Close),
            s,
            "nothing open: nothing to close"
        );
    }

    #[test]
    fn selecting_a_category_closes_the_article() {
        let s = State::default()
            .apply(Action::Open(Rc::from("x")))
            .apply(Action::SelectCategory(None));
        assert_eq!(s.open, None);
    }

    fn page(ids: &[&str]) -> Rc<Feed> {
        let items: Vec<String> = ids
            .iter()
            .map(|i| format!(r#"{{"id":"{i}","title":"t","date_published":"2024-01-0{i}"}}"#))
            .collect();
        let json = format!(
            r#"{{"version":"https://jsonfeed.org/version/1.1","items":[{}]}}"#,
            items.join(",")
        );
        Rc::new(parse_feed(json.as_bytes()).expect("feed"))
    }

    fn loaded(s: State, request: u32, f: Rc<Feed>, next: &[&str]) -> State {
        s.apply(Action::Loaded {
            request,
            feed: f,
            at: 0,
            failed: Vec::new(),
            fetched: vec!["https://x.cn/feed.json".into()],
            next: next.iter().map(|s| s.to_string()).collect(),
            digest: 0,
        })
    }

    fn ids(s: &State) -> Vec<String> {
        s.load
            .feed()
            .map(|f| f.items.iter().map(|b| b.id.clone()).collect())
            .unwrap_or_default()
    }

    #[test]
    fn pages_append_until_a_loop() {
        let s = loaded(
            State::default(),
            0,
            page(&["9", "8"]),
            &["https://x.cn/p2.json"],
        );
        assert!(s.paging.has_more());
        let s = s.apply(Action::FetchPage);
        assert_eq!(s.paging.status, PageLoad::Loading);
        assert_eq!(s.paging.request, 1);
        // A second click while the page is on its way does nothing.
        assert_eq!(s.clone().apply(Action::FetchPage), s);
        let s = s.apply(Action::PageLoaded {
            request: 1,
            feed: page(&["8", "7", "6"]),
            fetched: vec!["https://x.cn/p2.json".into()],
            // Back to the first page: a loop.
            next: vec!["https://x.cn/feed.json".into()],
        });
        assert_eq!(ids(&s), ["9", "8", "7", "6"]);
        assert_eq!(s.pages, 2);
        assert!(!s.paging.has_more());
        assert_eq!(s.paging.status, PageLoad::Idle);
        // No next page: FetchPage is a no-op.
        assert_eq!(s.clone().apply(Action::FetchPage), s);
    }

    #[test]
    fn a_failed_page_keeps_the_list_and_can_be_retried() {
        let s = loaded(State::default(), 0, page(&["9"]), &["https://x.cn/p2.json"])
            .apply(Action::FetchPage)
            .apply(Action::PageFailed {
                request: 1,
                error: LoadError::Http { status: 503 },
            });
        assert_eq!(ids(&s), ["9"]);
        assert!(matches!(s.paging.status, PageLoad::Failed(_)));
        let s = s.apply(Action::FetchPage);
        assert_eq!(s.paging.status, PageLoad::Loading);
        // The late answer to the first attempt is ignored.
        let late = s.clone().apply(Action::PageLoaded {
            request: 1,
            feed: page(&["1"]),
            fetched: Vec::new(),
            next: Vec::new(),
        });
        assert_eq!(late, s);
    }

    #[test]
    fn refresh_counts_new_items_and_keeps_the_view_and_older_pages() {
        let s = loaded(
            State::default(),
            0,
            page(&["5", "4"]),
            &["https://x.cn/p2.json"],
        )
        .apply(Action::FetchPage)
        .apply(Action::PageLoaded {
            request: 1,
            feed: page(&["3"]),
            fetched: vec!["https://x.cn/p2.json".into()],
            next: vec!["https://x.cn/p3.json".into()],
        })
        .apply(Action::SetQuery("t".into()))
        .apply(Action::Open(Rc::from("4")));
        let s = s.apply(Action::Refresh);
        assert!(s.refreshing);
        // A refresh never stacks on a running request.
        assert_eq!(s.clone().apply(Action::Refresh), s);
        let s = loaded(s, 1, page(&["7", "6", "5", "4"]), &["https://x.cn/p2.json"]);
        assert_eq!(ids(&s), ["7", "6", "5", "4", "3"]);
        assert_eq!(s.new_items, 2);
        assert_eq!(s.extra_rows, 2, "no row the reader sees is pushed out");
        assert_eq!(s.filter.query, "t");
        assert_eq!(s.open.as_deref(), Some("4"));
        // Paging goes on from where it got to.
        assert_eq!(s.paging.next, ["https://x.cn/p3.json"]);
        // An unchanged feed keeps everything; the count stays until seen.
        let s = s
            .apply(Action::Refresh)
            .apply(Action::Unchanged { request: 2, at: 9 });
        assert!(matches!(s.load, Load::Loaded(_)));
        assert_eq!((s.new_items, s.data_at), (2, Some(9)));
        assert_eq!(s.clone().apply(Action::DismissNew).new_items, 0);
        let shown = s.apply(Action::ShowNew);
        assert_eq!((shown.new_items, shown.open.clone()), (0, None));
    }

    #[test]
    fn no_refresh_before_the_first_answer_and_reload_counts_nothing() {
        let s = State::default();
        assert_eq!(s.clone().apply(Action::Refresh), s);
        let s = loaded(s, 0, page(&["1"]), &[]).apply(Action::Reload);
        let s = loaded(s, 1, page(&["2", "1"]), &[]);
        assert_eq!(s.new_items, 0);
    }

    #[test]
    fn a_no_op_returns_the_same_state_and_renders_nothing() {
        use yew::Reducible;
        let s = Rc::new(State::default());
        assert!(
            Rc::ptr_eq(&s.clone().reduce(Action::Refresh), &s),
            "refresh before the first answer"
        );
        let loading = s.clone().reduce(Action::Reload);
        assert!(!Rc::ptr_eq(&loading, &s));
        // A refresh while a request runs, a stale answer, closing nothing,
        // the attributes read again: all no-ops.
        for action in [
            Action::Refresh,
            Action::Close,
            Action::Failed {
                request: 0,
                error: LoadError::Http { status: 500 },
            },
            Action::CategoryAttribute(None),
            Action::ElderAttribute(false),
            Action::Feeds {
                feeds: loading.feeds.clone(),
                category: None,
            },
        ] {
            assert!(
                Rc::ptr_eq(&loading.clone().reduce(action.clone()), &loading),
                "{action:?}"
            );
        }
    }

    #[test]
    fn the_attributes_are_followed_when_they_change() {
        let config = Config {
            category: Some("通知公告".into()),
            ..Config::for_feeds(&["/a.json"])
        };
        let s = State::initial(&config, ViewState::default(), Remembered::default(), None)
            .apply(Action::SelectCategory(Some(Rc::from("政策解读"))));
        // Read again unchanged: the reader's choice stays.
        let same = s
            .clone()
            .apply(Action::CategoryAttribute(Some(Rc::from("通知公告"))));
        assert_eq!(same.filter.category.as_deref(), Some("政策解读"));
        let changed = s.apply(Action::CategoryAttribute(Some(Rc::from("图片新闻"))));
        assert_eq!(changed.filter.category.as_deref(), Some("图片新闻"));
        // Another feed starts over, in the attribute's category.
        let other = changed.apply(Action::Feeds {
            feeds: Rc::from(vec!["/b.json".to_string()]),
            category: Some(Rc::from("通知公告")),
        });
        assert_eq!(&*other.feeds, ["/b.json"]);
        assert_eq!(other.filter.category.as_deref(), Some("通知公告"));
        assert_eq!(other.load, Load::Loading { previous: None });
    }

    #[test]
    fn elder_mode_follows_the_reader_and_the_attribute() {
        let config = Config::for_feeds(&["/a.json"]);
        let remembered = State::initial(
            &config,
            ViewState::default(),
            Remembered {
                elder: true,
                text_size: Some(TextSize::Large),
            },
            None,
        );
        assert_eq!(remembered.text_size, TextSize::Large, "the reader's size");
        assert!(remembered.elder, "the reader's remembered choice");
        let off = remembered.apply(Action::SetElder(false));
        assert!(!off.elder);
        assert!(!off.clone().apply(Action::ElderAttribute(false)).elder);
        assert!(
            off.apply(Action::ElderAttribute(true)).elder,
            "the webmaster turned it on"
        );
    }

    #[test]
    fn a_link_wins_over_the_configured_category() {
        let config = Config {
            category: Some("通知公告".into()),
            ..Config::for_feeds(&["/a.json"])
        };
        let mut linked = ViewState::default();
        linked.filter.category = Some(Rc::from("政策解读"));
        let s = State::initial(&config, linked, Remembered::default(), None);
        assert_eq!(s.filter.category.as_deref(), Some("政策解读"));
    }
}
