//! The search box.

use super::unique_id;
use crate::app::i18n::Lang;
use gloo::events::EventListener;
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
    let m = use_context::<Lang>().unwrap_or_default().messages();
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
    // Yew has no `oncompositionend`: listen directly. Chrome sends the last
    // `input` of a composition while still composing, so this is where the
    // finished characters arrive.
    let input_ref = use_node_ref();
    let latest = use_mut_ref(|| props.on_input.clone());
    *latest.borrow_mut() = props.on_input.clone();
    {
        let input_ref = input_ref.clone();
        let focused = props.focused;
        use_effect_with((), move |_| {
            if let Some(input) = input_ref.cast::<HtmlInputElement>().filter(|_| focused) {
                let end = input.value().encode_utf16().count() as u32;
                let _ = input.focus();
                let _ = input.set_selection_range(end, end);
            }
            let listener = input_ref.cast::<HtmlInputElement>().map(|input| {
                let target = input.clone();
                EventListener::new(&input, "compositionend", move |_| {
                    latest.borrow().emit(target.value())
                })
            });
            move || drop(listener)
        });
    }
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
