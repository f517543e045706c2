//! The widget's custom hooks, one per file: every side effect of the widget
//! lives here (requests, timers, the URL hash, storage, focus). What a hook
//! decides is a plain function beside the state (`state::rounds`,
//! `urlstate::HashSync`), tested natively; the hook wires it to the browser.
//! Effects never run in a server render, so a render stays a pure function
//! of props, context and state; memos are pure too.

mod remembered;
mod use_actions;
mod use_clock;
mod use_elder;
mod use_feed;
mod use_first_screen;
mod use_focus_on;
mod use_focus_return;
mod use_paging;
mod use_refresh;
mod use_rich_html;
mod use_search_hits;
mod use_search_input;
mod use_speech;
mod use_tab_in_view;
mod use_text_size;
mod use_thumbnail;
mod use_url_sync;
mod use_view;

pub use remembered::{remembered, ELDER_KEY, ELDER_ON, TEXT_SIZE_KEY};
pub use use_actions::{use_actions, Actions};
pub use use_clock::{browser_now, use_clock};
pub use use_elder::use_elder;
pub use use_feed::use_feed;
pub use use_first_screen::{tell_loader, use_first_screen};
pub use use_focus_on::use_focus_on;
pub use use_focus_return::use_focus_return;
pub use use_paging::use_paging;
pub use use_refresh::use_refresh;
pub use use_rich_html::use_rich_html;
pub use use_search_hits::use_search_hits;
pub use use_search_input::use_search_input;
pub use use_speech::{use_speech, Speech};
pub use use_tab_in_view::{scroll_shift, use_tab_in_view};
pub use use_text_size::use_text_size;
pub use use_thumbnail::{after_load, use_thumbnail, Shown, Thumb};
pub use use_url_sync::{linked_view, use_url_sync};
pub use use_view::{use_view, Derived};
