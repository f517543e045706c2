//! The widget's header: its title, the text size and the 长者模式 switch.

use crate::app::config::TextSize;
use crate::app::i18n::Messages;
use wasm_bindgen::JsCast;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// What the header shows and what its controls call.
pub struct HeaderProps {
    pub title: String,
    /// 长者模式 is on.
    pub elder: bool,
    pub on_elder: Callback<()>,
    /// The reader's text size.
    pub text_size: TextSize,
    pub on_text_size: Callback<TextSize>,
}

/// Title, then beside it (below it when the title needs its whole line:
/// the stylesheet wraps them) the 字号 steps 小 / 中 / 大 / 特大 as a labelled
/// select (`id`: the select's), and the 长者模式 toggle button
/// (`aria-pressed`). A plain function, not a component: it keeps no state.
pub fn header(m: &Messages, id: &AttrValue, props: HeaderProps) -> Html {
    let on_elder = props.on_elder.reform(|_: MouseEvent| ());
    let on_size = props.on_text_size.reform(|e: Event| {
        e.target()
            .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
            .and_then(|s| TextSize::from_word(&s.value()))
            .unwrap_or_default()
    });
    html! {
        <header class="db-header" part="header">
            <h2 class="db-title" part="title">{ props.title }</h2>
            <div class="db-reading">
                <label class="db-size-label" for={id.clone()}>{ m.text_size }</label>
                <select id={id.clone()} class="db-size" onchange={on_size}>
                    { for TextSize::ALL.iter().zip(m.text_sizes).map(|(t, name)| html! {
                        <option value={t.word()} selected={*t == props.text_size}>{ name }</option>
                    }) }
                </select>
                <button type="button" class="db-elder-toggle" aria-pressed={if props.elder { "true" } else { "false" }} onclick={on_elder}>
                    { m.elder_mode }
                </button>
            </div>
        </header>
    }
}
