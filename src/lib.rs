//! district-bulletin: a district news widget (Rust + Yew → WebAssembly).
//!
//! Plain-Rust modules (tested natively): [`feed`] (JSON Feed model and
//! lenient parsing), [`query`] (filters and counts), [`config`] (attributes),
//! [`dates`], [`text`],
//! [`messages`] (the reader's strings), [`state`] (state + actions) and the
//! error type of [`net`]. Browser-only modules: `components` (Yew) and the
//! entry points below.

pub mod config;
pub mod dates;
pub mod feed;
pub mod html;
pub mod json;
pub mod messages;
pub mod names;
pub mod net;
pub mod query;
pub mod sort;
pub mod state;
pub mod text;
pub mod urlstate;

#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
mod entry;
#[cfg(target_arch = "wasm32")]
pub mod history;
#[cfg(target_arch = "wasm32")]
pub mod schedule;

#[cfg(target_arch = "wasm32")]
pub use entry::Widget;
