//! "N 条结果" and 清除筛选.

use super::Ambient;
use crate::app::i18n::results;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultBarProps {
    /// Number of items passing every filter.
    pub count: usize,
    /// Whether any filter is active (only then is 清除筛选 offered).
    pub active: bool,
    pub on_clear: Callback<()>,
}

/// The result count, announced politely to screen readers when it changes.
#[function_component(ResultBar)]
pub fn result_bar(props: &ResultBarProps) -> Html {
    let lang = use_context::<Rc<Ambient>>().unwrap_or_default().lang;
    let m = lang.messages();
    let on_clear = props.on_clear.clone();
    html! {
        <div class="db-results" part="results">
            <p class="db-count" role="status" aria-live="polite">{ results(lang, props.count) }</p>
            if props.active {
                <button type="button" class="db-clear" onclick={move |_| on_clear.emit(())}>
                    { m.clear_filters }
                </button>
            }
        </div>
    }
}
