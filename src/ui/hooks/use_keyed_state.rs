//! State that belongs to one thing shown, and starts over for the next.

use yew::prelude::*;

/// A state that is `initial` again whenever `key` changes (an image's
/// failure belongs to that image: the next article's starts unfailed).
#[hook]
pub fn use_keyed_state<K, T>(key: K, initial: T) -> UseStateHandle<T>
where
    K: PartialEq + 'static,
    T: PartialEq + Clone + 'static,
{
    let state = use_state_eq({
        let initial = initial.clone();
        move || initial
    });
    {
        let state = state.clone();
        use_effect_with(key, move |_| state.set(initial));
    }
    state
}
