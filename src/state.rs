//! The widget's state and the one place it changes.
//!
//! `State::apply` is a plain function (tested natively); on wasm32 it backs
//! Yew's `Reducible`, so components only ever dispatch [`Action`]s.

use crate::feed::Feed;
use crate::net::LoadError;
use crate::query::{DateRange, Filter, Sort};
use crate::urlstate::ViewState;
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

/// Everything the widget shows is derived from this.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub load: Load,
    pub filter: Filter,
    /// Key of the open article, if one is open.
    pub open: Option<Rc<str>>,
    /// Number of the current request; answers to older ones are ignored.
    pub request: u32,
    /// Pages of rows shown (加载更多 adds one); back to 1 when the filter changes.
    pub pages: usize,
    /// When the feed shown was fetched (Unix seconds): now for a fresh one,
    /// earlier for the last good copy kept in the browser.
    pub data_at: Option<i64>,
    /// Sources that failed while others loaded (several feeds in one widget).
    pub source_errors: Vec<(String, LoadError)>,
}

impl Default for State {
    fn default() -> Self {
        State {
            load: Load::Loading { previous: None },
            filter: Filter::default(),
            open: None,
            request: 0,
            pages: 1,
            data_at: None,
            source_errors: Vec::new(),
        }
    }
}

impl State {
    /// The state a widget starts in, with the webmaster's initial category.
    pub fn with_category(category: Option<&str>) -> State {
        State {
            filter: Filter {
                category: category.map(Rc::from),
                ..Filter::default()
            },
            ..State::default()
        }
    }
}

/// Everything that can happen to the widget.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Fetch the feed again, keeping what is shown meanwhile (重试).
    Reload,
    /// A different feed URL: forget everything, fetch anew, starting in `category`.
    Reset { category: Option<Rc<str>> },
    /// Request number `request` produced a feed, fetched at `at` (Unix
    /// seconds); `failed` lists sources that did not load (several feeds).
    Loaded {
        request: u32,
        feed: Rc<Feed>,
        at: i64,
        failed: Vec<(String, LoadError)>,
    },
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
                self.load = Load::Loading {
                    previous: self.load.feed().cloned(),
                };
            }
            Action::Reset { category } => {
                self = State {
                    request: self.request.wrapping_add(1),
                    filter: Filter {
                        category,
                        ..Filter::default()
                    },
                    ..State::default()
                };
            }
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
            } => {
                if request != self.request {
                    return self;
                }
                self.data_at = Some(at);
                self.source_errors = failed;
                // A filter or article that the new feed no longer has would
                // leave the reader looking at nothing: drop it.
                if let Some(c) = &self.filter.category {
                    if !feed.items.iter().any(|b| b.category == *c) {
                        self.filter.category = None;
                    }
                }
                if let Some(d) = &self.filter.department {
                    if !feed.items.iter().any(|b| b.department.as_ref() == Some(d)) {
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
                self.load = Load::Failed {
                    previous: self.load.feed().cloned(),
                    error,
                };
            }
            Action::SelectCategory(c) => {
                self.filter.category = c;
                self.open = None;
                self.pages = 1;
            }
            Action::ShowMore => self.pages = self.pages.saturating_add(1),
            Action::SetQuery(q) => {
                self.filter.query = q;
                self.pages = 1;
            }
            Action::SetDepartment(d) => {
                self.filter.department = d;
                self.open = None;
                self.pages = 1;
            }
            Action::SetRange(r) => {
                self.filter.range = r;
                self.open = None;
                self.pages = 1;
            }
            Action::SetSort(s) => {
                self.filter.sort = s;
                self.pages = 1;
            }
            Action::ClearFilters => {
                self.filter = Filter {
                    sort: self.filter.sort,
                    ..Filter::default()
                };
                self.open = None;
                self.pages = 1;
            }
            Action::Restore(v) => {
                if v.filter != self.filter {
                    self.pages = 1;
                }
                self.filter = v.filter;
                self.open = v.open;
            }
            Action::Open(key) => self.open = Some(key),
            Action::Close => self.open = None,
        }
        self
    }
}

#[cfg(target_arch = "wasm32")]
impl yew::Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new((*self).clone().apply(action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::parse_feed;

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
            })
            .apply(Action::SelectCategory(Some(Rc::from("a"))))
            .apply(Action::Reset { category: None });
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
            })
            .apply(Action::SelectCategory(Some(Rc::from("b"))))
            .apply(Action::Open(Rc::from("k1")))
            .apply(Action::Reload)
            .apply(Action::Loaded {
                request: 1,
                feed: feed(&["a"]),
                at: 0,
                failed: Vec::new(),
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
    fn selecting_a_category_closes_the_article() {
        let s = State::default()
            .apply(Action::Open(Rc::from("x")))
            .apply(Action::SelectCategory(None));
        assert_eq!(s.open, None);
    }
}
