//! The feed rounds: which feeds, where the latest request stands, what the
//! shown feed's bodies were, and what refreshes brought.

use crate::app::load::LoadError;
use crate::model::feed::{count_new, Feed};
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

/// The feed rounds of one widget.
#[derive(Clone, Debug, PartialEq)]
pub struct Fetch {
    /// The feed URLs shown (the `feed` attribute); another list starts over.
    pub feeds: Rc<[String]>,
    pub load: Load,
    /// Number of the current request; answers to older ones are ignored.
    pub request: u32,
    /// Fingerprint of the bodies behind the feed shown: a refresh whose
    /// bodies are the same is not parsed again.
    pub digest: Option<u64>,
    /// When the feed shown was fetched (Unix seconds): now for a fresh one,
    /// earlier for the last good copy kept in the browser.
    pub data_at: Option<i64>,
    /// Sources that failed while others loaded (several feeds in one widget).
    pub source_errors: Vec<(String, LoadError)>,
    /// The running request is a periodic refresh (its new items are counted).
    pub refreshing: bool,
    /// Items that refreshes brought since the reader last looked (the
    /// "N 条新信息" notice; 0: no notice).
    pub new_items: usize,
}

impl Default for Fetch {
    fn default() -> Self {
        Fetch {
            feeds: Rc::from(Vec::new()),
            load: Load::Loading { previous: None },
            request: 0,
            digest: None,
            data_at: None,
            source_errors: Vec::new(),
            refreshing: false,
            new_items: 0,
        }
    }
}

/// What happens to the feed rounds.
#[derive(Clone, Debug, PartialEq)]
pub enum FetchAction {
    /// Fetch the feed again, keeping what is shown meanwhile (重试).
    Reload,
    /// Periodic refresh: fetch again in the background, unless a request is
    /// already running (and never before the first answer).
    Refresh,
    /// While request `request` runs, the last good copy (fetched at `at`)
    /// can be shown.
    Cached {
        request: u32,
        feed: Rc<Feed>,
        at: i64,
    },
    /// Request number `request` found the feed unchanged (a 304, or the same
    /// bytes) at `at`: keep what is shown.
    Unchanged { request: u32, at: i64 },
    /// Request number `request` failed.
    Failed { request: u32, error: LoadError },
    /// The reader saw (or closed) the "N 条新信息" notice.
    DismissNew,
}

impl Fetch {
    /// Starts request `request + 1`, keeping what is shown.
    fn next_request(&mut self, refreshing: bool) {
        self.request = self.request.wrapping_add(1);
        self.refreshing = refreshing;
        self.load = Load::Loading {
            previous: self.load.feed().cloned(),
        };
    }

    /// The current request brought `feed` at `at` (Unix seconds); `failed`
    /// lists sources that did not load, `digest` fingerprints the bodies.
    /// Returns how many items are new (a refresh's; else none). The whole
    /// state checks the request number, and pages and narrows with it.
    pub(super) fn loaded(
        &mut self,
        feed: Rc<Feed>,
        at: i64,
        failed: Vec<(String, LoadError)>,
        digest: u64,
    ) -> usize {
        let new = match self.load.feed() {
            Some(old) if self.refreshing => count_new(old, &feed),
            _ => 0,
        };
        self.new_items += new;
        self.data_at = Some(at);
        self.digest = Some(digest);
        self.source_errors = failed;
        self.refreshing = false;
        self.load = Load::Loaded(feed);
        new
    }

    /// The feed shown grew (an older page was appended to it); where the
    /// round stands is kept.
    pub(super) fn grown(&mut self, grown: Rc<Feed>) {
        self.load = match std::mem::replace(&mut self.load, Load::Loaded(grown.clone())) {
            Load::Loaded(_) => Load::Loaded(grown),
            Load::Loading { .. } => Load::Loading {
                previous: Some(grown),
            },
            Load::Failed { error, .. } => Load::Failed {
                error,
                previous: Some(grown),
            },
        };
    }

    /// The rounds after `action`.
    pub fn apply(mut self, action: FetchAction) -> Fetch {
        match action {
            FetchAction::Reload => self.next_request(false),
            FetchAction::Refresh => {
                // The first answer is not "new"; a refresh never stacks.
                if !matches!(self.load, Load::Loading { .. }) && self.load.feed().is_some() {
                    self.next_request(true);
                }
            }
            FetchAction::Cached { request, feed, at } => {
                if request == self.request && self.load == (Load::Loading { previous: None }) {
                    self.load = Load::Loading {
                        previous: Some(feed),
                    };
                    self.data_at = Some(at);
                }
            }
            FetchAction::Unchanged { request, at } => {
                if request == self.request {
                    self.refreshing = false;
                    self.data_at = Some(at);
                    if let Some(f) = self.load.feed().cloned() {
                        self.load = Load::Loaded(f);
                    }
                }
            }
            FetchAction::Failed { request, error } => {
                if request == self.request {
                    self.refreshing = false;
                    self.load = Load::Failed {
                        previous: self.load.feed().cloned(),
                        error,
                    };
                }
            }
            FetchAction::DismissNew => self.new_items = 0,
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::feed_of;
    use super::*;

    fn feed(ids: &[&str]) -> Rc<Feed> {
        Rc::new(feed_of(ids))
    }

    fn loaded(mut s: Fetch, f: Rc<Feed>, at: i64) -> Fetch {
        s.loaded(f, at, Vec::new(), 7);
        s
    }

    #[test]
    fn a_refresh_waits_for_the_first_answer_and_never_stacks() {
        let s = Fetch::default();
        assert_eq!(
            s.clone().apply(FetchAction::Refresh),
            s,
            "nothing shown yet"
        );
        let s = loaded(s, feed(&["a"]), 1).apply(FetchAction::Refresh);
        assert!(s.refreshing);
        assert_eq!(s.request, 1);
        assert_eq!(s.clone().apply(FetchAction::Refresh), s, "one is running");
    }

    #[test]
    fn a_refresh_counts_what_it_brought_and_a_reload_does_not() {
        let s = loaded(Fetch::default(), feed(&["a"]), 1).apply(FetchAction::Refresh);
        let mut s2 = s.clone();
        assert_eq!(s2.loaded(feed(&["c", "b", "a"]), 2, Vec::new(), 7), 2);
        assert_eq!(
            (s2.new_items, s2.refreshing, s2.digest),
            (2, false, Some(7))
        );
        let mut s3 = s2.apply(FetchAction::Reload);
        assert_eq!(s3.loaded(feed(&["d", "c", "b", "a"]), 3, Vec::new(), 7), 0);
        assert_eq!(s3.new_items, 2, "a reload adds nothing to the notice");
        assert_eq!(s3.apply(FetchAction::DismissNew).new_items, 0);
    }

    #[test]
    fn answers_to_other_requests_change_nothing() {
        let s = Fetch::default().apply(FetchAction::Reload);
        for stale in [
            FetchAction::Failed {
                request: 0,
                error: LoadError::Http { status: 500 },
            },
            FetchAction::Unchanged { request: 0, at: 1 },
            FetchAction::Cached {
                request: 0,
                feed: feed(&["a"]),
                at: 1,
            },
        ] {
            assert_eq!(s.clone().apply(stale.clone()), s, "{stale:?}");
        }
    }

    #[test]
    fn a_failure_and_an_unchanged_feed_keep_what_is_shown() {
        let f = feed(&["a"]);
        let s = loaded(Fetch::default(), f.clone(), 1).apply(FetchAction::Reload);
        let failed = s.clone().apply(FetchAction::Failed {
            request: 1,
            error: LoadError::Timeout { seconds: 3 },
        });
        assert!(matches!(failed.load, Load::Failed { .. }));
        assert_eq!(failed.load.feed(), Some(&f));
        let same = s.apply(FetchAction::Unchanged { request: 1, at: 9 });
        assert_eq!(same.load, Load::Loaded(f));
        assert_eq!(same.data_at, Some(9));
    }

    #[test]
    fn a_grown_feed_keeps_where_the_round_stands() {
        let (f, g) = (feed(&["a"]), feed(&["a", "b"]));
        let mut s = loaded(Fetch::default(), f, 1).apply(FetchAction::Reload);
        s.grown(g.clone());
        assert_eq!(s.load, Load::Loading { previous: Some(g) });
        let mut s = s.apply(FetchAction::Failed {
            request: 1,
            error: LoadError::Http { status: 502 },
        });
        s.grown(feed(&["a", "b", "c"]));
        assert!(matches!(s.load, Load::Failed { .. }));
        assert_eq!(s.load.feed().map(|f| f.items.len()), Some(3));
    }
}
