//! A row's thumbnail: the item's image in a fixed box beside the text.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ThumbnailProps {
    /// The image's absolute URL.
    pub src: AttrValue,
    /// What the image shows: the item's title.
    pub alt: AttrValue,
}

/// Where the image stands.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shown {
    Loading,
    Loaded,
    /// It failed, or it was a tracking pixel (1×1): the box shows a tidy
    /// placeholder instead.
    Not,
}

/// The image, lazily loaded, in a box of fixed size (nothing moves when it
/// arrives or fails). Keyed by its `src` where it is used: another image
/// is another thumbnail, whose state starts over.
#[function_component(Thumbnail)]
pub fn thumbnail(props: &ThumbnailProps) -> Html {
    let shown = use_state_eq(|| Shown::Loading);
    let onload = {
        let shown = shown.clone();
        move |e: Event| {
            let pixel = e
                .target_dyn_into::<web_sys::HtmlImageElement>()
                .is_some_and(|img| img.natural_width() <= 1 || img.natural_height() <= 1);
            shown.set(if pixel { Shown::Not } else { Shown::Loaded });
        }
    };
    let onerror = {
        let shown = shown.clone();
        move |_: Event| shown.set(Shown::Not)
    };
    html! {
        <div class={classes!("db-thumb", (*shown == Shown::Not).then_some("db-thumb-none"))}>
            if *shown != Shown::Not {
                <img src={props.src.clone()} alt={props.alt.clone()} loading="lazy" decoding="async"
                    referrerpolicy="no-referrer" {onload} {onerror} />
            }
        </div>
    }
}
