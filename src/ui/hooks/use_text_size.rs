//! The reader's text size: the `text-size` attribute followed, the reader's
//! choice remembered on this site.

use super::remembered::{remember, TEXT_SIZE_KEY};
use crate::app::config::TextSize;
use crate::app::state::{PrefAction, State};
use yew::prelude::*;

/// Follows the `text-size` attribute when it changes, and returns what the
/// reader's size control calls (which remembers the choice).
#[hook]
pub fn use_text_size(
    attribute: Option<TextSize>,
    state: &UseReducerHandle<State>,
) -> Callback<TextSize> {
    {
        let d = state.dispatcher();
        use_effect_with(attribute, move |&size| {
            d.dispatch(PrefAction::TextSizeAttribute(size).into())
        });
    }
    let d = state.dispatcher();
    use_callback((), move |size: TextSize, _| {
        d.dispatch(PrefAction::SetTextSize(size).into());
        remember(TEXT_SIZE_KEY, size.word());
    })
}
