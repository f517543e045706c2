//! A row's thumbnail: the item's image in a fixed box beside the text.

use crate::ui::hooks::{Shown, Thumb};
use yew::prelude::*;

/// The image `src` (absolute; `alt`: the item's title), lazily loaded, in a
/// box of fixed size (nothing moves when it arrives or fails). Its state is
/// the row's ([`crate::ui::hooks::use_thumbnail`]); keyed by `src`, so
/// another image is another box.
pub fn thumbnail(src: AttrValue, alt: AttrValue, thumb: &Thumb) -> Html {
    let not = thumb.shown == Shown::Not;
    html! {
        <div key={src.to_string()} class={classes!("db-thumb", not.then_some("db-thumb-none"))}>
            if !not {
                <img {src} {alt} loading="lazy" decoding="async" referrerpolicy="no-referrer"
                    onload={thumb.onload.clone()} onerror={thumb.onerror.clone()} />
            }
        </div>
    }
}
