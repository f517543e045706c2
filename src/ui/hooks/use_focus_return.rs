//! Closing an article puts the focus back on the row it was opened from.

use crate::ui::browser::schedule::{after_paint, Deferred};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Focuses the button of the row with `key` inside `section`, if it is there.
fn focus_row(section: &NodeRef, key: &str) {
    let Some(rows) = section
        .cast::<web_sys::Element>()
        .and_then(|s| s.query_selector_all(".db-row").ok())
    else {
        return;
    };
    let row = (0..rows.length())
        .filter_map(|i| rows.item(i)?.dyn_into::<web_sys::Element>().ok())
        .find(|r| r.get_attribute("data-key").as_deref() == Some(key));
    if let Some(button) = row
        .and_then(|r| r.query_selector(".db-open").ok().flatten())
        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = button.focus();
    }
}

/// Once the list (kept behind the article) is painted again, focuses the
/// row of the article closed last. `closed` comes from the state
/// ([`crate::app::state::Reader::closed`]), not from watching the open article
/// change: effects of a render overtaken by the next one may never run.
#[hook]
pub fn use_focus_return(section: &NodeRef, closed: &(Option<Rc<str>>, u32)) {
    let section = section.clone();
    // The hook's own memory: the focus waiting for its frame.
    let pending = use_mut_ref(|| None::<Deferred>);
    use_effect_with(closed.clone(), move |(key, _)| {
        *pending.borrow_mut() = key
            .clone()
            .map(|key| after_paint(move || focus_row(&section, &key)));
    });
}
