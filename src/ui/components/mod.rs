//! Yew components, one per file; the parts with no state of their own are
//! plain functions returning `Html` (each component is one more instance of
//! Yew's generic code in the bundle). They render state and dispatch
//! actions; the logic they show lives in the plain-Rust modules.

mod ambient;
mod app;
mod article;
mod filters;
mod fresh;
mod header;
mod list;
mod list_view;
mod marks;
mod more;
mod read_aloud;
mod results;
mod row;
mod search;
mod start;
mod static_list;
mod status;
mod tabs;
mod thumbnail;
mod unavailable;

use yew::AttrValue;

pub use ambient::Ambient;
pub use app::{App, AppProps};
pub use article::{ArticleProps, ArticleView, Neighbour};
pub use filters::{filter_bar, FilterBarProps};
pub use fresh::fresh_notice;
pub use header::{header, HeaderProps};
pub use list::bulletin_list;
pub use list_view::{list_view, ListViewProps};
pub use marks::marks;
pub use more::{load_more, LoadMoreProps};
pub use read_aloud::read_aloud;
pub use results::result_bar;
pub use row::{BulletinRow, BulletinRowProps};
pub use search::{SearchBox, SearchBoxProps, SEARCH_INPUT_CLASS};
pub use start::Start;
pub use static_list::{StaticList, StaticListProps, STATIC_CLASS};
pub use status::{status, StatusKind};
pub use tabs::{CategoryTabs, CategoryTabsProps};
pub use thumbnail::thumbnail;
pub use unavailable::{Unavailable, UnavailableProps};

/// The page-unique ids of one widget's labelled controls, made once as it
/// mounts (by [`App`]: the parts that use them are plain functions).
#[derive(PartialEq)]
pub struct Ids {
    /// The 字号 select.
    pub size: AttrValue,
    /// The filter panel (the 筛选 button controls it).
    pub filters: AttrValue,
    /// The filter bar's department, date, from, to and order fields.
    pub fields: [AttrValue; 5],
}

impl Ids {
    /// Fresh ids, unused so far on the page.
    pub fn fresh() -> Ids {
        Ids {
            size: unique_id("db-size").into(),
            filters: unique_id("db-filters").into(),
            fields: ["db-dep", "db-date", "db-from", "db-to", "db-sort"]
                .map(|p| AttrValue::from(unique_id(p))),
        }
    }
}

/// A page-unique element id (labels need `for`; several widgets share a page).
pub(crate) fn unique_id(prefix: &str) -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(1);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}
