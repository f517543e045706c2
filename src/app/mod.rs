//! What the widget shows and does, in plain Rust, tested natively: the
//! attributes ([`config`]), every string the reader reads ([`i18n`]), the
//! derived view ([`query`]), the one place state changes ([`state`]), the
//! view in the URL ([`urlstate`]), a round of loading ([`load`]) and what a
//! pre-rendered fragment gives the widget ([`fragment`]); what `district-bulletin
//! check` finds about a feed ([`check`], the command's and the builder page's)
//! and what the builder page writes to copy ([`embed`]).
//!
//! Imports [`crate::model`] only.

// Only the command and the builder page use these: the widget's wasm
// compiles none of it, so its bundle stays byte for byte what it was.
#[cfg(any(not(target_arch = "wasm32"), feature = "builder"))]
pub mod check;
pub mod config;
#[cfg(any(not(target_arch = "wasm32"), feature = "builder"))]
pub mod embed;
pub mod fragment;
pub mod i18n;
pub mod load;
pub mod query;
pub mod state;
pub mod urlstate;
