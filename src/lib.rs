//! district-bulletin: a district news widget (Rust + Yew → WebAssembly), and
//! the webmaster's command (`src/bin/district-bulletin.rs`) on the same model.
//!
//! Data flows one way: attributes → [`config`] → fetch ([`net`]) → parse
//! ([`feed`], [`json`]) → [`state`] → derived view ([`query`]) →
//! [`components`] → DOM, or → HTML on the server. Effects live in [`hooks`].
//!
//! Plain Rust, tested natively: [`config`], [`feed`], [`json`], [`dates`],
//! [`i18n`] (every string the reader reads), [`query`], [`state`],
//! [`urlstate`], [`text`], [`names`], [`sort`], and the rules of [`net`] and
//! [`html`]. The components and hooks compile natively too (server
//! rendering); what they call in the browser only runs there.

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod components;
pub mod config;
#[cfg(not(target_arch = "wasm32"))]
pub mod contract;
pub mod dates;
pub mod feed;
pub mod fragment;
pub mod history;
pub mod hooks;
pub mod html;
pub mod i18n;
pub mod json;
pub mod names;
pub mod net;
pub mod query;
pub mod schedule;
pub mod sort;
#[cfg(not(target_arch = "wasm32"))]
pub mod ssr;
pub mod state;
pub mod text;
pub mod urlstate;

#[cfg(target_arch = "wasm32")]
mod entry;

#[cfg(target_arch = "wasm32")]
pub use entry::{browser_start, Widget};
