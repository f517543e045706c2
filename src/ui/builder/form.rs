//! The attributes as form controls, one per entry of the attribute table
//! ([`ATTRIBUTES`]): a checkbox for a flag, a list for a choice, a number
//! or text box for the rest. The table writes the form; nothing here names
//! an attribute.

use crate::app::config::{Attribute, Kind, ATTRIBUTES};
use crate::app::embed::text::{about, Text};
use crate::app::embed::Choices;
use crate::app::i18n::Lang;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OptionsProps {
    pub choices: Choices,
    pub lang: Lang,
    pub words: &'static Text,
    /// An attribute set (`Some`) or unset (`None`).
    pub on_set: Callback<(&'static Attribute, Option<String>)>,
}

/// The control's id for attribute `name`.
pub fn control_id(name: &str) -> String {
    format!("attr-{name}")
}

fn control(a: &'static Attribute, props: &OptionsProps) -> Html {
    let id = control_id(a.name);
    let value = props.choices.get(a.name).map(str::to_string);
    let on_set = props.on_set.clone();
    let help_id = format!("{id}-help");
    let label = html! {
        <label for={id.clone()}><code>{ a.name }</code></label>
    };
    let help =
        html! { <span class="help" id={help_id.clone()}>{ about(props.lang, a.name) }</span> };
    match a.kind {
        Kind::Flag => {
            let onchange = Callback::from(move |e: Event| {
                let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                on_set.emit((a, on.then(String::new)));
            });
            html! {
                <div class="field flag" key={a.name}>
                    <input type="checkbox" id={id} checked={value.is_some()} {onchange}
                        aria-describedby={help_id} />
                    { label }{ help }
                </div>
            }
        }
        Kind::Choice(words) => {
            let onchange = Callback::from(move |e: Event| {
                let v = e.target_unchecked_into::<HtmlSelectElement>().value();
                on_set.emit((a, Some(v)));
            });
            let current = value.unwrap_or_default();
            html! {
                <div class="field" key={a.name}>
                    { label }{ help }
                    <select id={id} {onchange} aria-describedby={help_id}>
                        <option value="" selected={current.is_empty()}>{ props.words.default }</option>
                        { for words.iter().map(|w| html! {
                            <option value={*w} selected={current == *w}>{ *w }</option>
                        }) }
                    </select>
                </div>
            }
        }
        Kind::Number | Kind::Text => {
            let oninput = Callback::from(move |e: InputEvent| {
                let v = e.target_unchecked_into::<HtmlInputElement>().value();
                on_set.emit((a, Some(v)));
            });
            let number = a.kind == Kind::Number;
            html! {
                <div class="field" key={a.name}>
                    { label }{ help }
                    <input type={if number { "number" } else { "text" }} id={id}
                        inputmode={number.then_some("numeric")} min={number.then_some("1")}
                        value={value.unwrap_or_default()} {oninput} aria-describedby={help_id} />
                </div>
            }
        }
    }
}

/// Every attribute but `feed` (the feed fields set that one).
#[function_component(Options)]
pub fn options(props: &OptionsProps) -> Html {
    html! {
        <fieldset class="options">
            <legend>{ props.words.options }</legend>
            { for ATTRIBUTES.iter().filter(|a| a.name != "feed").map(|a| control(a, props)) }
        </fieldset>
    }
}
