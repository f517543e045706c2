//! 长者模式: the `elder` attribute followed, the reader's choice remembered
//! on this site.

use crate::state::{Action, State};
use yew::prelude::*;

/// Where a reader's 长者模式 choice is remembered (`localStorage`, per
/// site; the loader reads it too, for its placeholder).
pub const ELDER_KEY: &str = "district-bulletin:elder";

/// Whether this reader turned 长者模式 on last time, on this site.
pub fn remembered_elder() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(ELDER_KEY).ok().flatten())
        .is_some_and(|v| v == "1")
}

fn remember(on: bool) {
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.set_item(ELDER_KEY, if on { "1" } else { "0" });
    }
}

/// Follows the `elder` attribute when it changes, and returns the switch the
/// reader presses (which remembers the choice).
#[hook]
pub fn use_elder(attribute: bool, state: &UseReducerHandle<State>) -> Callback<()> {
    {
        let d = state.dispatcher();
        use_effect_with(attribute, move |&on| d.dispatch(Action::ElderAttribute(on)));
    }
    let d = state.dispatcher();
    use_callback(state.elder, move |(), &on| {
        d.dispatch(Action::SetElder(!on));
        remember(!on);
    })
}
