//! Older pages of the feed (JSON Feed `next_url`, RSS/Atom `rel="next"`),
//! fetched when the reader asks for more.

use crate::app::load::LoadError;
use crate::model::feed::{append, next_links, Bulletin, Feed};
use std::rc::Rc;

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

/// Where paging through the feed's older pages got to.
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

/// What happens to paging.
#[derive(Clone, Debug, PartialEq)]
pub enum PageAction {
    /// 加载更多 at the end of the feed: fetch the next page(s).
    Fetch,
    /// Page request `request` failed.
    Failed { request: u32, error: LoadError },
}

impl Paging {
    /// Whether 加载更多 can fetch another page.
    pub fn has_more(&self) -> bool {
        !self.next.is_empty()
    }

    /// The first page arrived (again) as `feed`, from `fetched` with these
    /// next links: the feed to show. A first load starts paging from its
    /// links; after older pages were fetched, they stay appended, and so
    /// does where paging got to.
    pub fn first_page(
        &mut self,
        feed: Rc<Feed>,
        fetched: Vec<String>,
        next: Vec<String>,
    ) -> Rc<Feed> {
        if self.extra.is_empty() {
            self.next = next_links(next, &fetched).0;
            self.seen = fetched;
            feed
        } else {
            Rc::new(append(&feed, &self.extra).0)
        }
    }

    /// The current page request came back from `fetched`, with these next
    /// links; a next link back to a page already fetched is a loop, dropped.
    pub(super) fn arrived(&mut self, fetched: Vec<String>, next: Vec<String>) {
        self.seen.extend(fetched);
        self.next = next_links(next, &self.seen).0;
        self.status = PageLoad::Idle;
    }

    /// Appends the page `page` to the feed shown, `current`: the feed to
    /// show. Its new items are kept across refreshes of the first page.
    pub(super) fn append(&mut self, current: &Feed, page: &Feed) -> Rc<Feed> {
        let (grown, added) = append(current, &page.items);
        self.extra = self.extra.iter().cloned().chain(added).collect();
        Rc::new(grown)
    }

    /// Paging after `action`.
    pub fn apply(mut self, action: PageAction) -> Paging {
        match action {
            PageAction::Fetch => {
                if self.has_more() && self.status != PageLoad::Loading {
                    self.status = PageLoad::Loading;
                    self.request = self.request.wrapping_add(1);
                }
            }
            PageAction::Failed { request, error } => {
                if request == self.request {
                    self.status = PageLoad::Failed(error);
                }
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::feed_of;
    use super::*;

    fn links(urls: &[&str]) -> Vec<String> {
        urls.iter().map(|u| u.to_string()).collect()
    }

    fn with_next() -> Paging {
        let mut p = Paging::default();
        let feed = Rc::new(feed_of(&[]));
        p.first_page(
            feed,
            links(&["https://x.cn/feed.json"]),
            links(&["https://x.cn/p2.json"]),
        );
        p
    }

    #[test]
    fn fetching_starts_one_request_at_a_time_and_only_with_more() {
        let none = Paging::default();
        assert_eq!(none.clone().apply(PageAction::Fetch), none);
        let p = with_next().apply(PageAction::Fetch);
        assert_eq!((p.status.clone(), p.request), (PageLoad::Loading, 1));
        assert_eq!(p.clone().apply(PageAction::Fetch), p, "already on its way");
    }

    #[test]
    fn a_next_link_back_to_a_fetched_page_ends_paging() {
        let mut p = with_next().apply(PageAction::Fetch);
        p.arrived(
            links(&["https://x.cn/p2.json"]),
            links(&["https://x.cn/feed.json"]),
        );
        assert!(!p.has_more());
        assert_eq!(p.status, PageLoad::Idle);
        assert_eq!(p.seen.len(), 2);
    }

    #[test]
    fn a_late_failure_is_ignored_and_a_failure_can_be_retried() {
        let p = with_next().apply(PageAction::Fetch);
        let late = p.clone().apply(PageAction::Failed {
            request: 0,
            error: LoadError::Http { status: 503 },
        });
        assert_eq!(late, p);
        let failed = p.apply(PageAction::Failed {
            request: 1,
            error: LoadError::Http { status: 503 },
        });
        assert!(matches!(failed.status, PageLoad::Failed(_)));
        assert_eq!(failed.apply(PageAction::Fetch).status, PageLoad::Loading);
    }
}
