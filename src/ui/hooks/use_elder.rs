//! 长者模式: the `elder` attribute followed, the reader's choice remembered
//! on this site.

use super::remembered::{remember, ELDER_KEY, ELDER_OFF, ELDER_ON};
use crate::app::state::{PrefAction, State};
use yew::prelude::*;

/// Follows the `elder` attribute when it changes, and returns the switch the
/// reader presses (which remembers the choice).
#[hook]
pub fn use_elder(attribute: bool, state: &UseReducerHandle<State>) -> Callback<()> {
    {
        let d = state.dispatcher();
        use_effect_with(attribute, move |&on| {
            d.dispatch(PrefAction::ElderAttribute(on).into())
        });
    }
    let d = state.dispatcher();
    use_callback(state.prefs.elder, move |(), &on| {
        d.dispatch(PrefAction::SetElder(!on).into());
        remember(ELDER_KEY, if on { ELDER_OFF } else { ELDER_ON });
    })
}
