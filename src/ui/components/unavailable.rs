//! What stands where the widget could not start (its bundle or wasm failed
//! to load). The loader shows it, from the markup the build writes into it.

use crate::app::config::ROOT_CLASS;
use crate::app::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct UnavailableProps {
    pub lang: Lang,
}

/// A readable message instead of a blank box.
#[function_component(Unavailable)]
pub fn unavailable(props: &UnavailableProps) -> Html {
    let m = props.lang.messages();
    html! {
        <section class={ROOT_CLASS} lang={m.lang}>
            <div class="db-status db-error" role="alert" part="error">
                <p class="db-error-title">{ m.start_failed }</p>
                <p class="db-error-message">{ m.start_failed_hint }</p>
            </div>
        </section>
    }
}
