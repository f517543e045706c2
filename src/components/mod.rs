//! Yew components: one per file. They render state and dispatch actions;
//! the logic they show lives in the plain-Rust modules.

mod app;
mod article;
mod list;
mod row;
mod status;
mod tabs;

pub use app::{App, AppProps};
pub use article::{ArticleProps, ArticleView};
pub use list::{BulletinList, BulletinListProps};
pub use row::{BulletinRow, BulletinRowProps};
pub use status::{Status, StatusKind, StatusProps};
pub use tabs::{CategoryTabs, CategoryTabsProps};
