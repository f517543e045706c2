//! What a widget knows as it mounts: the one input of its first render
//! besides its settings.

use crate::app::state::{Head, Remembered};
use crate::app::urlstate::ViewState;
use std::rc::Rc;

/// What a widget knows as it mounts, read by its entry point (`entry` in the
/// browser, the `render` command on a server), so that the first render is
/// a pure function of the props: no render reads a clock, the URL or storage.
#[derive(Clone, Default)]
pub struct Start {
    /// The clock (Unix seconds): the browser's, or the render's.
    pub now: i64,
    /// The view a link carries (the URL hash).
    pub linked: ViewState,
    /// What this reader chose last time, on this site (长者模式, text size).
    pub remembered: Remembered,
    /// The answer to the first request, or the last good copy, when the
    /// entry point has one before mounting: the first render then shows
    /// rows, not a skeleton to be laid out and replaced.
    pub head: Option<Rc<Head>>,
    /// The head start is old (a pre-rendered page past its freshness): the
    /// widget asks for the feed again at once, as a refresh.
    pub refresh: bool,
    /// The page's URL, which a relative `feed` resolves against: the
    /// document's in the browser (`None`), given on a server.
    pub page: Option<String>,
    /// The search text a reader typed into the markup the widget replaces (a
    /// pre-rendered page's, with or without its feed) before the widget took
    /// over, and whether the box had the focus: it stays, applies, and keeps
    /// the focus.
    pub typed: Option<(String, bool)>,
}

impl PartialEq for Start {
    /// Only read when the widget mounts: a new `Start` never re-renders it.
    fn eq(&self, _: &Self) -> bool {
        true
    }
}
