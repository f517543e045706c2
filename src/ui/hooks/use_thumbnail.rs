//! Where a row's thumbnail stands: loading, loaded, or not shown (it
//! failed, or was a tracking pixel). The row keeps it, so the thumbnail is a
//! plain function and not a component of its own (one component fewer in
//! the wasm).

use yew::prelude::*;

/// Where the image stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    Loading,
    Loaded,
    /// It failed, or it was a tracking pixel (1×1): the box shows a tidy
    /// placeholder instead.
    Not,
}

/// What a loaded image of `width` × `height` natural pixels is: a pixel
/// (1×1, or none at all) is no picture.
pub fn after_load(width: u32, height: u32) -> Shown {
    if width <= 1 || height <= 1 {
        Shown::Not
    } else {
        Shown::Loaded
    }
}

/// The thumbnail's state and what its `<img>` calls.
pub struct Thumb {
    pub shown: Shown,
    pub onload: Callback<Event>,
    pub onerror: Callback<Event>,
}

/// The state of the image `src`: another image starts over, as loading.
#[hook]
pub fn use_thumbnail(src: Option<AttrValue>) -> Thumb {
    let state = use_state_eq(|| None::<(AttrValue, Shown)>);
    let shown = match (&*state, &src) {
        (Some((was, shown)), Some(src)) if was == src => *shown,
        _ => Shown::Loading,
    };
    let onload = {
        let (state, src) = (state.clone(), src.clone());
        Callback::from(move |e: Event| {
            let shown = e
                .target_dyn_into::<web_sys::HtmlImageElement>()
                .map_or(Shown::Not, |img| {
                    after_load(img.natural_width(), img.natural_height())
                });
            state.set(src.clone().map(|s| (s, shown)));
        })
    };
    let onerror = Callback::from(move |_: Event| state.set(src.clone().map(|s| (s, Shown::Not))));
    Thumb {
        shown,
        onload,
        onerror,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pixel_is_no_picture() {
        assert_eq!(after_load(160, 120), Shown::Loaded);
        assert_eq!(after_load(1, 1), Shown::Not);
        assert_eq!(after_load(0, 0), Shown::Not);
        assert_eq!(after_load(300, 1), Shown::Not);
    }
}
