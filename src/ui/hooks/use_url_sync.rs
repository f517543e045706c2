//! The view mirrored into the page's URL hash, and followed back on
//! Back/Forward and links.

use crate::app::state::{ReaderAction, State};
use crate::app::urlstate::{self, HashSync, ViewState};
use crate::ui::browser::history;
use crate::ui::browser::schedule::{after_quiet, Deferred};
use yew::prelude::*;

/// Quiet time before the URL follows the view: `history.replaceState` costs
/// Chromium a few milliseconds, as much as the rest of a keystroke's work,
/// so a run of typing is one write.
const URL_QUIET_MS: u32 = 300;

/// The view a link carries for the widget named `key` in the hash (read by
/// the entry point before mounting, so the first render is that view).
pub fn linked_view(key: Option<&str>) -> ViewState {
    key.map(|k| urlstate::read(&history::current_hash(), k))
        .unwrap_or_default()
}

/// Writes the view into the hash under `key` ([`HashSync`] decides when and
/// whether as a new history entry), and restores the view from the hash
/// when the reader moves through history. `None`: the view is not kept in
/// the URL.
#[hook]
pub fn use_url_sync(key: Option<String>, state: &UseReducerHandle<State>) {
    {
        // The hook's own memory: the policy's, and the write waiting for quiet.
        let sync = use_mut_ref(HashSync::default);
        let pending = use_mut_ref(|| None::<(Deferred, bool)>);
        use_effect_with((key.clone(), state.view_state()), move |(key, view)| {
            if let Some(k) = key {
                // A write still waiting is superseded by this one (dropping
                // it cancels it); if it was to start an entry, this one does.
                let carried_push = pending
                    .borrow_mut()
                    .take()
                    .is_some_and(|(write, push)| write.is_waiting() && push);
                let in_url = urlstate::read(&history::current_hash(), k);
                if let Some(push) = sync.borrow_mut().changed(&in_url, view, carried_push) {
                    // (The hash is read again when writing: the page may have
                    // changed its own parts meanwhile.)
                    let (k, view) = (k.clone(), view.clone());
                    let write = after_quiet(URL_QUIET_MS, move || {
                        history::set_hash(
                            &urlstate::write(&history::current_hash(), &k, &view),
                            push,
                        )
                    });
                    *pending.borrow_mut() = Some((write, push));
                }
            }
        });
    }
    let d = state.dispatcher();
    use_effect_with(key, move |key| {
        let listeners = key.clone().map(|k| {
            history::on_navigate(move || {
                d.dispatch(
                    ReaderAction::Restore(urlstate::read(&history::current_hash(), &k)).into(),
                )
            })
        });
        move || drop(listeners)
    });
}
