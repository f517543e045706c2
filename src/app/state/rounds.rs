//! What the widget's hooks decide, as plain functions of the state: whether
//! a round of fetching is due, what an answer does to the state, what paging
//! does with next links, and when a refresh tick counts. The hooks in
//! `src/ui/hooks/` only wire these to the browser.

use super::{Action, FetchAction, Load, PageAction, State};
use crate::app::load::{Batch, LoadError};
use crate::model::feed::{next_links, FeedError};
use std::rc::Rc;

/// A round of fetching the widget's feeds that is due.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Round {
    /// The request number the answer belongs to.
    pub request: u32,
    /// The fingerprint of the bodies shown: the same bodies again are not parsed.
    pub since: Option<u64>,
    /// Nothing is shown yet: the last good copy, if one was kept, may be
    /// shown while the network answers.
    pub show_kept: bool,
}

/// The round the state asks for, if any: the current request is running
/// and not yet answered. (A head start that answered request 0 before
/// mounting leaves nothing to fetch.)
pub fn due(state: &State) -> Option<Round> {
    match &state.fetch.load {
        Load::Loading { previous } => Some(Round {
            request: state.fetch.request,
            since: previous.as_ref().and(state.fetch.digest),
            show_kept: previous.is_none(),
        }),
        Load::Loaded(_) | Load::Failed { .. } => None,
    }
}

impl Action {
    /// What the answer to feed request `request` does to the state.
    pub fn answer(request: u32, answer: Result<Batch, LoadError>) -> Action {
        match answer {
            Ok(Batch { feed: None, at, .. }) => FetchAction::Unchanged { request, at }.into(),
            Ok(Batch {
                feed: Some(feed),
                at,
                failed,
                fetched,
                next,
                digest,
            }) => Action::Loaded {
                request,
                feed: Rc::new(feed),
                at,
                failed,
                fetched,
                next,
                digest,
            },
            Err(error) => FetchAction::Failed { request, error }.into(),
        }
    }

    /// What the answer to page request `request` does, given the pages
    /// fetched before (`seen`); also returns the next links refused because
    /// they point back to a page already loaded (a loop, for the console).
    pub fn page_answer(
        request: u32,
        seen: &[String],
        answer: Result<Batch, LoadError>,
    ) -> (Action, Vec<String>) {
        match answer {
            Ok(Batch {
                feed: Some(feed),
                fetched,
                next,
                ..
            }) => {
                let seen: Vec<String> = seen.iter().chain(&fetched).cloned().collect();
                let (next, loops) = next_links(next, &seen);
                let action = Action::PageLoaded {
                    request,
                    feed: Rc::new(feed),
                    fetched,
                    next,
                };
                (action, loops)
            }
            // (Only a round given a fingerprint comes back without a feed,
            // and pages are fetched without one.)
            Ok(Batch { feed: None, .. }) => (
                PageAction::Failed {
                    request,
                    error: LoadError::Feed(FeedError::Empty),
                }
                .into(),
                Vec::new(),
            ),
            Err(error) => (PageAction::Failed { request, error }.into(), Vec::new()),
        }
    }
}

/// Periodic refresh while the page is visible: a tick that falls in a
/// background tab is made up when the reader comes back.
#[derive(Debug, Default)]
pub struct Ticks {
    missed: bool,
}

impl Ticks {
    /// The interval fired; whether to refresh now.
    pub fn tick(&mut self, page_hidden: bool) -> bool {
        if page_hidden {
            self.missed = true;
        }
        !page_hidden
    }

    /// The page became visible or hidden; whether to refresh now (a tick
    /// was missed while it was hidden).
    pub fn visibility(&mut self, page_hidden: bool) -> bool {
        !page_hidden && std::mem::take(&mut self.missed)
    }
}

/// Milliseconds from `now_ms` to the next whole minute: the clock that dates
/// the rows (今天, 近7天) ticks on minute boundaries.
pub fn ms_to_next_minute(now_ms: f64) -> u32 {
    let into = now_ms.rem_euclid(60_000.0);
    (60_000.0 - into).clamp(1.0, 60_000.0) as u32
}

#[cfg(test)]
mod tests {
    use super::super::testing::feed_of;
    use super::*;

    fn batch(ids: &[&str], next: &[&str]) -> Batch {
        Batch {
            feed: Some(feed_of(ids)),
            at: 7,
            failed: Vec::new(),
            fetched: vec!["https://x.cn/p2.json".into()],
            next: next.iter().map(|s| s.to_string()).collect(),
            digest: 42,
        }
    }

    #[test]
    fn a_round_is_due_while_the_request_runs() {
        let s = State::default();
        assert_eq!(
            due(&s),
            Some(Round {
                request: 0,
                since: None,
                show_kept: true
            })
        );
        let s = s.apply(Action::answer(0, Ok(batch(&["a"], &[]))));
        assert_eq!(due(&s), None, "answered: nothing to fetch");
        assert_eq!(s.fetch.digest, Some(42));
        let s = s.apply(FetchAction::Reload);
        assert_eq!(
            due(&s),
            Some(Round {
                request: 1,
                since: Some(42),
                show_kept: false
            }),
            "a feed is shown: its bodies' fingerprint goes with the request"
        );
        let s = s.apply(Action::answer(1, Err(LoadError::Http { status: 500 })));
        assert_eq!(due(&s), None);
    }

    #[test]
    fn a_head_start_leaves_nothing_to_fetch() {
        let config = crate::app::config::Config::for_feeds(&["/f.json"]);
        let head = super::super::Head::Answer(Ok(batch(&["a"], &[])));
        let s = State::initial(&config, Default::default(), Default::default(), Some(head));
        assert_eq!(due(&s), None);
        assert_eq!(&*s.fetch.feeds, ["/f.json"]);
    }

    #[test]
    fn answers_become_actions() {
        let unchanged = Batch {
            feed: None,
            ..batch(&[], &[])
        };
        assert_eq!(
            Action::answer(3, Ok(unchanged)),
            Action::Fetch(FetchAction::Unchanged { request: 3, at: 7 })
        );
        assert!(matches!(
            Action::answer(3, Ok(batch(&["a"], &[]))),
            Action::Loaded {
                request: 3,
                digest: 42,
                ..
            }
        ));
    }

    #[test]
    fn a_page_answer_refuses_loops() {
        let seen = ["https://x.cn/feed.json".to_string()];
        let (action, loops) = Action::page_answer(
            2,
            &seen,
            Ok(batch(
                &["b"],
                &["https://x.cn/feed.json", "https://x.cn/p3.json"],
            )),
        );
        assert_eq!(loops, ["https://x.cn/feed.json"]);
        match action {
            Action::PageLoaded { request, next, .. } => {
                assert_eq!(request, 2);
                assert_eq!(next, ["https://x.cn/p3.json"]);
            }
            other => panic!("{other:?}"),
        }
        let (failed, _) = Action::page_answer(2, &seen, Err(LoadError::Http { status: 404 }));
        assert!(matches!(
            failed,
            Action::Page(PageAction::Failed { request: 2, .. })
        ));
    }

    #[test]
    fn ticks_in_a_hidden_tab_are_made_up_once() {
        let mut t = Ticks::default();
        assert!(t.tick(false));
        assert!(!t.tick(true));
        assert!(!t.visibility(true), "still hidden");
        assert!(t.visibility(false), "back: the missed tick");
        assert!(!t.visibility(false), "only once");
    }

    #[test]
    fn the_clock_ticks_on_minute_boundaries() {
        assert_eq!(ms_to_next_minute(0.0), 60_000);
        assert_eq!(ms_to_next_minute(59_999.0), 1);
        assert_eq!(ms_to_next_minute(1_574_784_030_500.0), 29_500);
    }
}
