//! The search box.

use super::{unique_id, Ambient};
use crate::ui::hooks::use_search_input;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, InputEvent};
use yew::prelude::*;

/// The search input's class (a pre-rendered page's box is read by it when
/// the widget takes over).
pub const SEARCH_INPUT_CLASS: &str = "db-search-input";

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    /// The text as the state has it.
    pub value: AttrValue,
    /// Called with the new text on every change (not during IME composition).
    pub on_input: Callback<String>,
    /// Take the focus when mounted, the caret after the text (the reader
    /// was typing into a pre-rendered page when the widget took over).
    #[prop_or_default]
    pub focused: bool,
}

/// A labelled `type=search` input. While an input method is composing
/// (typing pinyin for 工地), nothing is searched; the finished characters are.
#[function_component(SearchBox)]
pub fn search_box(props: &SearchBoxProps) -> Html {
    let m = use_context::<Rc<Ambient>>()
        .unwrap_or_default()
        .lang
        .messages();
    let id = use_memo((), |_| unique_id("db-search"));
    let oninput = {
        let on_input = props.on_input.clone();
        move |e: InputEvent| {
            if e.is_composing() {
                return;
            }
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                on_input.emit(input.value());
            }
        }
    };
    let input_ref = use_node_ref();
    use_search_input(&input_ref, props.focused, &props.on_input);
    html! {
        <div class="db-search" role="search" part="search">
            <label class="db-visually-hidden" for={(*id).clone()}>{ m.search_label }</label>
            <input
                id={(*id).clone()}
                class={SEARCH_INPUT_CLASS}
                type="search"
                enterkeyhint="search"
                autocomplete="off"
                maxlength="200"
                placeholder={m.search_placeholder}
                value={props.value.clone()}
                {oninput}
                ref={input_ref}
            />
        </div>
    }
}
