//! "N 条结果" and 清除筛选.

use crate::app::i18n::{results, Lang};
use yew::prelude::*;

/// The number of items passing every filter, announced politely to screen
/// readers when it changes, and 清除筛选 when a filter is `active`. A plain
/// function, not a component: it keeps no state.
pub fn result_bar(lang: Lang, count: usize, active: bool, on_clear: &Callback<()>) -> Html {
    let m = lang.messages();
    let on_clear = on_clear.clone();
    html! {
        <div class="db-results" part="results">
            <p class="db-count" role="status" aria-live="polite">{ results(lang, count) }</p>
            if active {
                <button type="button" class="db-clear" onclick={move |_| on_clear.emit(())}>
                    { m.clear_filters }
                </button>
            }
        </div>
    }
}
