//! A text to copy: a label, a read-only box, a copy button, and a polite
//! "copied" for screen readers.

use crate::app::embed::text::Text;
use wasm_bindgen::JsCast;
use web_sys::{HtmlDocument, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CopyProps {
    /// The box's id (its label's `for`).
    pub id: AttrValue,
    pub label: AttrValue,
    #[prop_or_default]
    pub help: Option<AttrValue>,
    pub text: AttrValue,
    pub words: &'static Text,
}

/// Selects the box's text and copies it: with the Clipboard API where the
/// page may use it (a secure context), else the older `copy` command.
fn copy(area: &HtmlTextAreaElement) -> bool {
    area.select();
    let window = web_sys::window();
    if let Some(w) = window.as_ref().filter(|w| w.is_secure_context()) {
        let _ = w.navigator().clipboard().write_text(&area.value());
        return true;
    }
    window
        .and_then(|w| w.document())
        .and_then(|d| d.dyn_into::<HtmlDocument>().ok())
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false)
}

/// One text to copy.
#[function_component(CopyBox)]
pub fn copy_box(props: &CopyProps) -> Html {
    let area = use_node_ref();
    let copied = use_state(|| false);
    {
        let copied = copied.clone();
        use_effect_with(props.text.clone(), move |_| copied.set(false));
    }
    let onclick = {
        let (area, copied) = (area.clone(), copied.clone());
        Callback::from(move |_| {
            if let Some(a) = area.cast::<HtmlTextAreaElement>() {
                copied.set(copy(&a));
            }
        })
    };
    // Room for the text as it wraps (about 60 characters a line).
    let rows = props
        .text
        .lines()
        .map(|l| 1 + l.chars().count() / 60)
        .sum::<usize>()
        .clamp(2, 8);
    let help_id = format!("{}-help", props.id);
    html! {
        <div class="copy">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            if let Some(help) = &props.help {
                <p class="help" id={help_id.clone()}>{ help.clone() }</p>
            }
            <textarea id={props.id.clone()} readonly=true ref={area} rows={rows.to_string()}
                spellcheck="false"
                aria-describedby={props.help.as_ref().map(|_| AttrValue::from(help_id))}
                value={props.text.clone()} />
            <div class="copy-actions">
                <button type="button" {onclick}>{ props.words.copy }</button>
                <span class="copied" role="status">
                    { if *copied { props.words.copied } else { "" } }
                </span>
            </div>
        </div>
    }
}
