//! The widget in the browser: the Yew components ([`components`], which also
//! render natively), the custom hooks that hold every side effect
//! ([`hooks`]), the requests ([`net`]), article HTML ([`html`]), the
//! browser's services ([`browser`]) and the loader's entry points.
//!
//! Imports [`crate::app`] and [`crate::model`], never [`crate::native`].

pub mod browser;
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod entry;
pub mod hooks;
pub mod html;
pub mod net;
