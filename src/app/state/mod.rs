//! The widget's state and the one place it changes.
//!
//! [`State`] is four parts, each with its own actions and reducer, tested
//! natively beside it: the feed rounds ([`fetch`]), paging through older
//! pages ([`paging`]), the reader's view ([`reader`]) and the preferences
//! ([`prefs`]). [`State::apply`] composes them behind Yew's `Reducible`, and
//! handles the few events that touch several parts (an answer, another
//! feed, the notice's 查看, the `category` attribute). Components only ever
//! dispatch [`Action`]s. What the hooks decide from the state (whether to
//! fetch, what an answer does) is in [`rounds`], plain Rust beside it.

pub mod fetch;
pub mod paging;
pub mod prefs;
pub mod reader;
pub mod rounds;
pub mod speech;

pub use fetch::{Fetch, FetchAction, Load};
pub use paging::{PageAction, PageLoad, Paging};
pub use prefs::{Followed, PrefAction, Prefs};
pub use reader::{Reader, ReaderAction};

use crate::app::config::{Config, TextSize};
use crate::app::load::{Batch, LoadError};
use crate::app::urlstate::ViewState;
use crate::model::feed::Feed;
use std::rc::Rc;

/// Everything the widget shows is derived from this.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct State {
    pub fetch: Fetch,
    pub paging: Paging,
    pub reader: Reader,
    pub prefs: Prefs,
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

/// Everything that can happen to the widget: an action of one part, or an
/// event that touches several.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The feed rounds (重试, refresh, answers that change no other part).
    Fetch(FetchAction),
    /// Paging (加载更多 past the end of the feed, a failed page).
    Page(PageAction),
    /// The reader's view (filter, article, rows).
    Reader(ReaderAction),
    /// The preferences.
    Prefs(PrefAction),
    /// The `feed` attribute now names these feeds: when they are others,
    /// forget everything but the preferences and fetch anew, starting in
    /// `category`.
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
        /// Fingerprint of the bodies (see [`Fetch::digest`]).
        digest: u64,
    },
    /// Page request `request` brought `feed` (the pages merged) from
    /// `fetched`, with these next links.
    PageLoaded {
        request: u32,
        feed: Rc<Feed>,
        fetched: Vec<String>,
        next: Vec<String>,
    },
    /// 查看 on the "N 条新信息" notice: back to the list (where the new
    /// items are), notice gone.
    ShowNew,
    /// The `category` attribute reads this (followed only when it changed).
    CategoryAttribute(Option<Rc<str>>),
}

/// Each part's actions are actions of the whole state.
macro_rules! part_actions {
    ($($part:ident($action:ty)),*) => {
        $(impl From<$action> for Action {
            fn from(a: $action) -> Action {
                Action::$part(a)
            }
        })*
    };
}

part_actions!(
    Fetch(FetchAction),
    Page(PageAction),
    Reader(ReaderAction),
    Prefs(PrefAction)
);

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
            fetch: Fetch {
                feeds: Rc::from(config.feeds.clone()),
                ..Fetch::default()
            },
            paging: Paging::default(),
            reader: Reader::starting_in(category.clone()),
            prefs: Prefs {
                elder: config.elder || remembered.elder,
                text_size: remembered
                    .text_size
                    .or(config.text_size)
                    .unwrap_or_default(),
                filters_open: false,
                elder_attribute: Followed::new(config.elder),
                text_size_attribute: Followed::new(config.text_size),
                category_attribute: Followed::new(category),
            },
        };
        // A link to a view wins over the configured start.
        let s = if linked == ViewState::default() {
            s
        } else {
            s.apply(ReaderAction::Restore(linked))
        };
        let request = s.fetch.request;
        match head {
            Some(Head::Answer(answer)) => s.apply(Action::answer(request, answer)),
            Some(Head::Kept { feed, at }) => s.apply(FetchAction::Cached {
                request,
                feed: Rc::new(feed),
                at,
            }),
            None => s,
        }
    }

    /// The part of the state a link carries.
    pub fn view_state(&self) -> ViewState {
        self.reader.view_state()
    }

    /// The state after `action` (of the whole state or of one part).
    pub fn apply(self, action: impl Into<Action>) -> State {
        self.after(action.into())
    }

    /// The state after `action`. (One copy in the wasm, whatever the
    /// caller's action type.)
    fn after(mut self, action: Action) -> State {
        match action {
            Action::Fetch(a) => self.fetch = self.fetch.apply(a),
            Action::Page(a) => self.paging = self.paging.apply(a),
            Action::Reader(a) => self.reader = self.reader.apply(a),
            Action::Prefs(a) => self.prefs = self.prefs.apply(a),
            Action::Feeds { feeds, category } => {
                if feeds != self.fetch.feeds {
                    self = self.other_feeds(feeds, category);
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
                if request == self.fetch.request {
                    let feed = self.paging.first_page(feed, fetched, next);
                    let new = self.fetch.loaded(feed.clone(), at, failed, digest);
                    self.reader.arrived(&feed, new);
                }
            }
            Action::PageLoaded {
                request,
                feed,
                fetched,
                next,
            } => {
                if request == self.paging.request {
                    self.paging.arrived(fetched, next);
                    if let Some(current) = self.fetch.load.feed().cloned() {
                        let grown = self.paging.append(&current, &feed);
                        self.fetch.grown(grown);
                        // Show what arrived.
                        self.reader = self.reader.apply(ReaderAction::ShowMore);
                    }
                }
            }
            Action::ShowNew => {
                self.fetch = self.fetch.apply(FetchAction::DismissNew);
                self.reader = self.reader.apply(ReaderAction::ToList);
            }
            Action::CategoryAttribute(c) => {
                if self.prefs.category_attribute.changed(c.clone()) {
                    self.reader = self.reader.apply(ReaderAction::SelectCategory(c));
                }
            }
        }
        self
    }

    /// Another list of feeds: everything starts over but the preferences,
    /// in the `category` attribute's category.
    fn other_feeds(self, feeds: Rc<[String]>, category: Option<Rc<str>>) -> State {
        State {
            fetch: Fetch {
                feeds,
                request: self.fetch.request.wrapping_add(1),
                ..Fetch::default()
            },
            paging: Paging::default(),
            reader: Reader::starting_in(category.clone()),
            prefs: Prefs {
                category_attribute: Followed::new(category),
                ..self.prefs
            },
        }
    }
}

impl yew::Reducible for State {
    type Action = Action;

    /// The state after `action`; the same `Rc` when nothing changed (a stale
    /// answer, a refresh while a request runs …), so nothing re-renders.
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = (*self).clone().after(action);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// Feeds for the tests of the state and its parts.
#[cfg(test)]
mod testing {
    use crate::model::feed::{parse_feed, Feed};

    /// A JSON Feed of these items (JSON objects).
    pub fn json_feed(items: impl IntoIterator<Item = String>) -> Feed {
        let items: Vec<String> = items.into_iter().collect();
        let json = format!(
            r#"{{"version":"https://jsonfeed.org/version/1.1","items":[{}]}}"#,
            items.join(",")
        );
        parse_feed(json.as_bytes()).expect("feed")
    }

    /// A feed of items with these ids, titled "t".
    pub fn feed_of(ids: &[&str]) -> Feed {
        json_feed(ids.iter().map(|i| format!(r#"{{"id":"{i}","title":"t"}}"#)))
    }
}

#[cfg(test)]
mod tests {
    use super::testing::json_feed;
    use super::*;
    use crate::app::query::{DateRange, Filter, Sort};

    /// Request `request` brought `feed` (and nothing else).
    fn answered(request: u32, feed: Rc<Feed>) -> Action {
        Action::Loaded {
            request,
            feed,
            at: 0,
            failed: Vec::new(),
            fetched: Vec::new(),
            next: Vec::new(),
            digest: 0,
        }
    }

    fn feed(cats: &[&str]) -> Rc<Feed> {
        Rc::new(json_feed(cats.iter().enumerate().map(|(i, c)| {
            format!(r#"{{"id":"k{i}","title":"t","_district":{{"category":"{c}"}}}}"#)
        })))
    }

    #[test]
    fn failure_keeps_what_was_shown() {
        let f = feed(&["a"]);
        let s = State::default().apply(answered(0, f.clone()));
        let s = s.apply(FetchAction::Reload);
        assert_eq!(s.fetch.load.feed(), Some(&f));
        let s = s.apply(FetchAction::Failed {
            request: 1,
            error: LoadError::Http { status: 500 },
        });
        assert!(matches!(s.fetch.load, Load::Failed { .. }));
        assert_eq!(s.fetch.load.feed(), Some(&f));
    }

    #[test]
    fn the_kept_copy_shows_until_the_network_answers() {
        let old = feed(&["a"]);
        let s = State::default().apply(FetchAction::Cached {
            request: 0,
            feed: old.clone(),
            at: 100,
        });
        assert_eq!(s.fetch.load.feed(), Some(&old));
        assert_eq!(s.fetch.data_at, Some(100));
        // A failure keeps it, with its age.
        let failed = s.clone().apply(FetchAction::Failed {
            request: 0,
            error: LoadError::Network("offline".into()),
        });
        assert_eq!(failed.fetch.load.feed(), Some(&old));
        assert_eq!(failed.fetch.data_at, Some(100));
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
            .apply(FetchAction::Cached {
                request: 0,
                feed: old,
                at: 100,
            });
        assert_eq!(s.fetch.load.feed(), Some(&fresh));
        assert_eq!(s.fetch.data_at, Some(200));
    }

    #[test]
    fn stale_answers_are_ignored() {
        let s = State::default().apply(FetchAction::Reload);
        let s2 = s.clone().apply(answered(0, feed(&["a"])));
        assert_eq!(s2, s);
        let s3 = s.apply(FetchAction::Failed {
            request: 0,
            error: LoadError::Timeout { seconds: 1 },
        });
        assert!(matches!(s3.fetch.load, Load::Loading { .. }));
    }

    #[test]
    fn reset_forgets_the_old_feed() {
        let s = State::default()
            .apply(answered(0, feed(&["a"])))
            .apply(ReaderAction::SelectCategory(Some(Rc::from("a"))))
            .apply(Action::Feeds {
                feeds: Rc::from(vec!["/other.json".to_string()]),
                category: None,
            });
        assert_eq!(s.fetch.load, Load::Loading { previous: None });
        assert_eq!(s.reader.filter, Filter::default());
        assert_eq!(s.fetch.request, 1);
    }

    #[test]
    fn vanished_category_and_article_are_dropped() {
        let s = State::default()
            .apply(answered(0, feed(&["a", "b"])))
            .apply(ReaderAction::SelectCategory(Some(Rc::from("b"))))
            .apply(ReaderAction::Open(Rc::from("k1")))
            .apply(FetchAction::Reload)
            .apply(answered(1, feed(&["a"])));
        assert_eq!(s.reader.filter.category, None);
        assert_eq!(s.reader.open, None);
    }

    #[test]
    fn filters_reset_paging_and_clear_keeps_the_order() {
        let s = State::default()
            .apply(ReaderAction::ShowMore)
            .apply(ReaderAction::SetQuery("工地".into()));
        assert_eq!(s.reader.pages, 1);
        let s = s
            .apply(ReaderAction::SetSort(Sort::Oldest))
            .apply(ReaderAction::SetDepartment(Some(Rc::from("环保局"))))
            .apply(ReaderAction::SetRange(DateRange::LastDays(7)))
            .apply(ReaderAction::ClearFilters);
        assert_eq!(
            s.reader.filter,
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
        let s = State::default().apply(ReaderAction::Restore(v.clone()));
        assert_eq!(s.view_state(), v);
    }

    #[test]
    fn closing_remembers_the_row_to_return_to() {
        let s = State::default()
            .apply(ReaderAction::Open(Rc::from("x")))
            .apply(ReaderAction::Close);
        assert_eq!(s.reader.closed, (Some(Rc::from("x")), 1));
        let s = s
            .apply(ReaderAction::Open(Rc::from("x")))
            .apply(ReaderAction::Close);
        assert_eq!(
            s.reader.closed.1, 2,
            "the same article closed again is a new change"
        );
        assert_eq!(
            s.clone().apply(ReaderAction::Close),
            s,
            "nothing open: nothing to close"
        );
    }

    #[test]
    fn selecting_a_category_closes_the_article() {
        let s = State::default()
            .apply(ReaderAction::Open(Rc::from("x")))
            .apply(ReaderAction::SelectCategory(None));
        assert_eq!(s.reader.open, None);
    }

    fn page(ids: &[&str]) -> Rc<Feed> {
        Rc::new(json_feed(ids.iter().map(|i| {
            format!(r#"{{"id":"{i}","title":"t","date_published":"2024-01-0{i}"}}"#)
        })))
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
        s.fetch
            .load
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
        let s = s.apply(PageAction::Fetch);
        assert_eq!(s.paging.status, PageLoad::Loading);
        assert_eq!(s.paging.request, 1);
        // A second click while the page is on its way does nothing.
        assert_eq!(s.clone().apply(PageAction::Fetch), s);
        let s = s.apply(Action::PageLoaded {
            request: 1,
            feed: page(&["8", "7", "6"]),
            fetched: vec!["https://x.cn/p2.json".into()],
            // Back to the first page: a loop.
            next: vec!["https://x.cn/feed.json".into()],
        });
        assert_eq!(ids(&s), ["9", "8", "7", "6"]);
        assert_eq!(s.reader.pages, 2);
        assert!(!s.paging.has_more());
        assert_eq!(s.paging.status, PageLoad::Idle);
        // No next page: FetchPage is a no-op.
        assert_eq!(s.clone().apply(PageAction::Fetch), s);
    }

    #[test]
    fn a_failed_page_keeps_the_list_and_can_be_retried() {
        let s = loaded(State::default(), 0, page(&["9"]), &["https://x.cn/p2.json"])
            .apply(PageAction::Fetch)
            .apply(PageAction::Failed {
                request: 1,
                error: LoadError::Http { status: 503 },
            });
        assert_eq!(ids(&s), ["9"]);
        assert!(matches!(s.paging.status, PageLoad::Failed(_)));
        let s = s.apply(PageAction::Fetch);
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
        .apply(PageAction::Fetch)
        .apply(Action::PageLoaded {
            request: 1,
            feed: page(&["3"]),
            fetched: vec!["https://x.cn/p2.json".into()],
            next: vec!["https://x.cn/p3.json".into()],
        })
        .apply(ReaderAction::SetQuery("t".into()))
        .apply(ReaderAction::Open(Rc::from("4")));
        let s = s.apply(FetchAction::Refresh);
        assert!(s.fetch.refreshing);
        // A refresh never stacks on a running request.
        assert_eq!(s.clone().apply(FetchAction::Refresh), s);
        let s = loaded(s, 1, page(&["7", "6", "5", "4"]), &["https://x.cn/p2.json"]);
        assert_eq!(ids(&s), ["7", "6", "5", "4", "3"]);
        assert_eq!(s.fetch.new_items, 2);
        assert_eq!(
            s.reader.extra_rows, 2,
            "no row the reader sees is pushed out"
        );
        assert_eq!(s.reader.filter.query, "t");
        assert_eq!(s.reader.open.as_deref(), Some("4"));
        // Paging goes on from where it got to.
        assert_eq!(s.paging.next, ["https://x.cn/p3.json"]);
        // An unchanged feed keeps everything; the count stays until seen.
        let s = s
            .apply(FetchAction::Refresh)
            .apply(FetchAction::Unchanged { request: 2, at: 9 });
        assert!(matches!(s.fetch.load, Load::Loaded(_)));
        assert_eq!((s.fetch.new_items, s.fetch.data_at), (2, Some(9)));
        assert_eq!(s.clone().apply(FetchAction::DismissNew).fetch.new_items, 0);
        let shown = s.apply(Action::ShowNew);
        assert_eq!(
            (shown.fetch.new_items, shown.reader.open.clone()),
            (0, None)
        );
    }

    #[test]
    fn no_refresh_before_the_first_answer_and_reload_counts_nothing() {
        let s = State::default();
        assert_eq!(s.clone().apply(FetchAction::Refresh), s);
        let s = loaded(s, 0, page(&["1"]), &[]).apply(FetchAction::Reload);
        let s = loaded(s, 1, page(&["2", "1"]), &[]);
        assert_eq!(s.fetch.new_items, 0);
    }

    #[test]
    fn a_no_op_returns_the_same_state_and_renders_nothing() {
        use yew::Reducible;
        let s = Rc::new(State::default());
        assert!(
            Rc::ptr_eq(&s.clone().reduce(FetchAction::Refresh.into()), &s),
            "refresh before the first answer"
        );
        let loading = s.clone().reduce(FetchAction::Reload.into());
        assert!(!Rc::ptr_eq(&loading, &s));
        // A refresh while a request runs, a stale answer, closing nothing,
        // the attributes read again, a page with nowhere to come from, the
        // same feeds again: all no-ops.
        let actions: [Action; 14] = [
            FetchAction::Refresh.into(),
            ReaderAction::Close.into(),
            FetchAction::Failed {
                request: 0,
                error: LoadError::Http { status: 500 },
            }
            .into(),
            FetchAction::Unchanged { request: 0, at: 1 }.into(),
            FetchAction::DismissNew.into(),
            Action::CategoryAttribute(None),
            PrefAction::ElderAttribute(false).into(),
            PrefAction::TextSizeAttribute(None).into(),
            PageAction::Fetch.into(),
            PageAction::Failed {
                request: 3,
                error: LoadError::Http { status: 500 },
            }
            .into(),
            Action::PageLoaded {
                request: 5,
                feed: feed(&["a"]),
                fetched: Vec::new(),
                next: Vec::new(),
            },
            answered(0, feed(&["a"])),
            ReaderAction::Restore(ViewState::default()).into(),
            Action::Feeds {
                feeds: loading.fetch.feeds.clone(),
                category: None,
            },
        ];
        for action in actions {
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
            .apply(ReaderAction::SelectCategory(Some(Rc::from("政策解读"))));
        // Read again unchanged: the reader's choice stays.
        let same = s
            .clone()
            .apply(Action::CategoryAttribute(Some(Rc::from("通知公告"))));
        assert_eq!(same.reader.filter.category.as_deref(), Some("政策解读"));
        let changed = s.apply(Action::CategoryAttribute(Some(Rc::from("图片新闻"))));
        assert_eq!(changed.reader.filter.category.as_deref(), Some("图片新闻"));
        // Another feed starts over, in the attribute's category.
        let other = changed.apply(Action::Feeds {
            feeds: Rc::from(vec!["/b.json".to_string()]),
            category: Some(Rc::from("通知公告")),
        });
        assert_eq!(&*other.fetch.feeds, ["/b.json"]);
        assert_eq!(other.reader.filter.category.as_deref(), Some("通知公告"));
        assert_eq!(other.fetch.load, Load::Loading { previous: None });
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
        assert_eq!(
            remembered.prefs.text_size,
            TextSize::Large,
            "the reader's size"
        );
        assert!(remembered.prefs.elder, "the reader's remembered choice");
        let off = remembered.apply(PrefAction::SetElder(false));
        assert!(!off.prefs.elder);
        assert!(
            !off.clone()
                .apply(PrefAction::ElderAttribute(false))
                .prefs
                .elder
        );
        assert!(
            off.apply(PrefAction::ElderAttribute(true)).prefs.elder,
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
        assert_eq!(s.reader.filter.category.as_deref(), Some("政策解读"));
    }
}
