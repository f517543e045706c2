//! The search box's own wiring: the focus it may take over, and the end of
//! an input method's composition.

use gloo::events::EventListener;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Wires the search `input`: when `focused`, it takes the focus as it
/// mounts, the caret after its text (the reader was typing into a
/// pre-rendered page when the widget took over); and the text is given to
/// `on_input` when an input method's composition ends. Yew has no
/// `oncompositionend`: this listens directly. (Chrome sends the last
/// `input` of a composition while still composing, so this is where the
/// finished characters arrive.)
#[hook]
pub fn use_search_input(input: &NodeRef, focused: bool, on_input: &Callback<String>) {
    // The latest callback, read when the composition ends.
    let latest = use_mut_ref(|| on_input.clone());
    *latest.borrow_mut() = on_input.clone();
    let input = input.clone();
    use_effect_with((), move |_| {
        if let Some(el) = input.cast::<HtmlInputElement>().filter(|_| focused) {
            let end = el.value().encode_utf16().count() as u32;
            let _ = el.focus();
            let _ = el.set_selection_range(end, end);
        }
        let listener = input.cast::<HtmlInputElement>().map(|el| {
            let target = el.clone();
            EventListener::new(&el, "compositionend", move |_| {
                latest.borrow().emit(target.value())
            })
        });
        move || drop(listener)
    });
}
