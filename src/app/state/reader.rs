//! The reader's view: the filter, the open article, and how many rows the
//! list shows.

use crate::app::query::{DateRange, Filter, Sort};
use crate::app::urlstate::ViewState;
use crate::model::feed::Feed;
use std::rc::Rc;

/// What the reader is looking at.
#[derive(Clone, Debug, PartialEq)]
pub struct Reader {
    pub filter: Filter,
    /// Key of the open article, if one is open.
    pub open: Option<Rc<str>>,
    /// Pages of rows shown (加载更多 adds one); back to 1 when the filter changes.
    pub pages: usize,
    /// Rows shown beyond the pages: one per item a refresh brought, so the
    /// rows the reader is looking at are not pushed out of the list.
    pub extra_rows: usize,
    /// The article the reader closed last, whose row gets the focus back,
    /// and how many times one was closed (so closing the same one twice
    /// is two changes).
    pub closed: (Option<Rc<str>>, u32),
}

impl Default for Reader {
    fn default() -> Self {
        Reader {
            filter: Filter::default(),
            open: None,
            pages: 1,
            extra_rows: 0,
            closed: (None, 0),
        }
    }
}

/// What the reader does (and what a new feed does to the view).
#[derive(Clone, Debug, PartialEq)]
pub enum ReaderAction {
    /// Show one category (`None`: all).
    SelectCategory(Option<Rc<str>>),
    /// Open the article with this key.
    Open(Rc<str>),
    /// Back to the list; the row of the article gets the focus back.
    Close,
    /// Back to the list where the new items are (查看 on the notice).
    ToList,
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

impl Reader {
    /// The view starting in `category` (the `category` attribute).
    pub fn starting_in(category: Option<Rc<str>>) -> Reader {
        Reader {
            filter: Filter {
                category,
                ..Filter::default()
            },
            ..Reader::default()
        }
    }

    /// The part of the view a link carries.
    pub fn view_state(&self) -> ViewState {
        ViewState {
            filter: self.filter.clone(),
            open: self.open.clone(),
        }
    }

    /// The list was narrowed (or reordered): back to its first page.
    fn narrowed(&mut self) {
        self.pages = 1;
        self.extra_rows = 0;
    }

    /// The view after `action`.
    pub fn apply(mut self, action: ReaderAction) -> Reader {
        match action {
            ReaderAction::SelectCategory(c) => {
                self.filter.category = c;
                self.open = None;
                self.narrowed();
            }
            ReaderAction::Open(key) => self.open = Some(key),
            ReaderAction::Close => {
                if let Some(k) = self.open.take() {
                    self.closed = (Some(k), self.closed.1.wrapping_add(1));
                }
            }
            ReaderAction::ToList => self.open = None,
            ReaderAction::ShowMore => self.pages = self.pages.saturating_add(1),
            ReaderAction::SetQuery(q) => {
                self.filter.query = q;
                self.narrowed();
            }
            ReaderAction::SetDepartment(d) => {
                self.filter.department = d;
                self.open = None;
                self.narrowed();
            }
            ReaderAction::SetRange(r) => {
                self.filter.range = r;
                self.open = None;
                self.narrowed();
            }
            ReaderAction::SetSort(s) => {
                self.filter.sort = s;
                self.narrowed();
            }
            ReaderAction::ClearFilters => {
                self.filter = Filter {
                    sort: self.filter.sort,
                    ..Filter::default()
                };
                self.open = None;
                self.narrowed();
            }
            ReaderAction::Restore(v) => {
                if v.filter != self.filter {
                    self.narrowed();
                }
                self.filter = v.filter;
                self.open = v.open;
            }
        }
        self
    }

    /// A feed arrived in which `new` items are new (a refresh's): their
    /// rows are added, and a category, department or article it no longer
    /// has is dropped (it would leave the reader looking at nothing).
    pub(super) fn arrived(&mut self, feed: &Feed, new: usize) {
        self.extra_rows += new;
        let f = &mut self.filter;
        if let Some(c) = &f.category {
            if !feed.items.iter().any(|b| b.district.category == *c) {
                f.category = None;
            }
        }
        if let Some(d) = &f.department {
            if !feed
                .items
                .iter()
                .any(|b| b.district.department.as_ref() == Some(d))
            {
                f.department = None;
            }
        }
        if let Some(k) = &self.open {
            if !feed.items.iter().any(|b| b.key == *k) {
                self.open = None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::feed_of;
    use super::*;

    fn paged() -> Reader {
        let mut r = Reader::default().apply(ReaderAction::ShowMore);
        r.arrived(&feed_of(&[]), 3);
        r
    }

    #[test]
    fn every_narrowing_goes_back_to_the_first_page() {
        let p = paged();
        assert_eq!((p.pages, p.extra_rows), (2, 3));
        let mut linked = ViewState::default();
        linked.filter.query = "工地".into();
        for a in [
            ReaderAction::SelectCategory(Some(Rc::from("通知公告"))),
            ReaderAction::SetQuery("工地".into()),
            ReaderAction::SetDepartment(Some(Rc::from("环保局"))),
            ReaderAction::SetRange(DateRange::ThisYear),
            ReaderAction::SetSort(Sort::Oldest),
            ReaderAction::ClearFilters,
            ReaderAction::Restore(linked),
        ] {
            let r = p.clone().apply(a.clone());
            assert_eq!((r.pages, r.extra_rows), (1, 0), "{a:?}");
        }
        // Opening, closing and a link to the same filter keep the rows.
        let r = p
            .clone()
            .apply(ReaderAction::Open(Rc::from("k")))
            .apply(ReaderAction::Close)
            .apply(ReaderAction::Restore(p.view_state()));
        assert_eq!((r.pages, r.extra_rows), (2, 3));
    }

    #[test]
    fn narrowing_by_category_department_or_date_closes_the_article() {
        let open = Reader::default().apply(ReaderAction::Open(Rc::from("k")));
        for a in [
            ReaderAction::SelectCategory(None),
            ReaderAction::SetDepartment(None),
            ReaderAction::SetRange(DateRange::All),
            ReaderAction::ClearFilters,
            ReaderAction::ToList,
        ] {
            assert_eq!(open.clone().apply(a.clone()).open, None, "{a:?}");
        }
        // A search or another order keeps it: the reader is still reading.
        let kept = open.apply(ReaderAction::SetQuery("x".into()));
        assert_eq!(kept.open.as_deref(), Some("k"));
    }

    #[test]
    fn back_to_the_list_after_the_notice_moves_no_focus() {
        let r = Reader::default()
            .apply(ReaderAction::Open(Rc::from("k")))
            .apply(ReaderAction::ToList);
        assert_eq!(r.closed, (None, 0));
    }

    #[test]
    fn starts_in_the_configured_category() {
        let r = Reader::starting_in(Some(Rc::from("通知公告")));
        assert_eq!(r.filter.category.as_deref(), Some("通知公告"));
        assert_eq!(r.pages, 1);
    }
}
