//! The widget's header: its title and the 长者模式 switch.

use crate::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub title: AttrValue,
    /// 长者模式 is on.
    pub elder: bool,
    pub on_elder: Callback<()>,
}

/// Title and the 长者模式 toggle button (`aria-pressed`).
#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let m = use_context::<Lang>().unwrap_or_default().messages();
    let on_elder = props.on_elder.reform(|_: MouseEvent| ());
    html! {
        <header class="db-header" part="header">
            <h2 class="db-title" part="title">{ props.title.clone() }</h2>
            <button type="button" class="db-elder-toggle" aria-pressed={if props.elder { "true" } else { "false" }} onclick={on_elder}>
                { m.elder_mode }
            </button>
        </header>
    }
}
