//! The search over the widget's items, with its index built after the
//! first paint.

use crate::app::query::lazy::Searcher;
use crate::model::feed::Bulletin;
use crate::ui::browser::schedule::after_paint;
use std::rc::Rc;
use yew::prelude::*;

/// Indices of the `items` that match the search text `query`. The hook's
/// own memory is a [`Searcher`]: the index is built after the first rows
/// are painted (or at the first keystroke, if that comes sooner; see
/// `query::lazy`), and typing further only re-checks the last hits.
#[hook]
pub fn use_search_hits(items: &Rc<[Rc<Bulletin>]>, query: &str) -> Rc<Vec<usize>> {
    let searcher = use_mut_ref(Searcher::default);
    {
        let searcher = searcher.clone();
        use_effect_with(items.clone(), move |items| {
            let pending = (!items.is_empty()).then(|| {
                let items = items.clone();
                after_paint(move || searcher.borrow_mut().prepare(&items))
            });
            move || drop(pending)
        });
    }
    let hits = searcher.borrow_mut().hits(items, query);
    hits
}
