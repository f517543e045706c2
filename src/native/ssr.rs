//! Server-side rendering, natively: the widget's components rendered to
//! HTML by Yew's `ssr` feature (never in the wasm). The stylesheet they
//! ship with is [`crate::native::stylesheet`]'s (re-exported here for the
//! callers that render and style in one place).

pub use crate::native::stylesheet::{light_stylesheet, stylesheet, LIGHT_ATTR};
use yew::BaseComponent;

/// Renders `C` with `props` to HTML, as the server would (without
/// hydration markers).
pub fn render<C: BaseComponent>(props: C::Properties) -> String {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime needs no resources");
    tokio::task::LocalSet::new().block_on(
        &runtime,
        yew::LocalServerRenderer::<C>::with_props(props)
            .hydratable(false)
            .render(),
    )
}
