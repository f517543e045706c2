//! The states that are not a list: loading, failed, empty.

use crate::app::i18n::Messages;
use yew::prelude::*;

/// Which non-list state to show.
#[derive(Clone, Debug, PartialEq)]
pub enum StatusKind {
    /// A skeleton that reserves the list's space, so nothing jumps on arrival.
    Loading,
    /// A failure with its explanation and a 重试 button.
    Error(String),
    /// A notice above a list that is still shown (a refresh failed): the
    /// whole sentence, with the data's age and the reason.
    StaleNotice(String),
    /// Nothing to show.
    Empty(&'static str),
}

/// Loading skeleton, error box, stale-data notice or empty message;
/// `on_retry` is called by the 重试 button (error states only). A plain
/// function, not a component: it keeps no state, and each component costs
/// the bundle one more instance of Yew's generic code.
pub fn status(kind: StatusKind, on_retry: &Callback<()>, m: &Messages) -> Html {
    let retry = || {
        let on_retry = on_retry.clone();
        html! {
            <button type="button" class="db-retry" onclick={move |_| on_retry.emit(())}>
                { m.retry }
            </button>
        }
    };
    match kind {
        StatusKind::Loading => html! {
            <div class="db-status db-loading" role="status" aria-live="polite">
                <span class="db-visually-hidden">{ m.loading }</span>
                <ul class="db-skeleton" aria-hidden="true">
                    { for (0..4).map(|i| html! { <li key={i}><span></span><span></span></li> }) }
                </ul>
            </div>
        },
        StatusKind::Error(message) => html! {
            <div class="db-status db-error" role="alert" part="error">
                <p class="db-error-title">{ m.load_failed }</p>
                <p class="db-error-message">{ message }</p>
                { retry() }
            </div>
        },
        StatusKind::StaleNotice(message) => html! {
            <div class="db-status db-stale" role="status">
                <p>{ message }</p>
                { retry() }
            </div>
        },
        StatusKind::Empty(text) => html! {
            <div class="db-status db-empty" role="status">
                <p>{ text }</p>
            </div>
        },
    }
}
