//! The widget in the browser: the Yew components ([`components`], which also
//! render natively), the custom hooks that hold every side effect
//! ([`hooks`]), the requests ([`net`]), article HTML ([`html`]), the
//! browser's services ([`browser`]) and the loader's entry points.
//!
//! Imports [`crate::app`] and [`crate::model`], never [`crate::native`].

pub mod browser;
// The builder page's wasm (the `builder` feature): not the widget's.
#[cfg(all(target_arch = "wasm32", feature = "builder"))]
pub mod builder;
pub mod components;
#[cfg(all(target_arch = "wasm32", not(feature = "builder")))]
pub mod entry;
pub mod hooks;
pub mod html;
pub mod net;
