//! district-bulletin: a district news widget (Rust + Yew → WebAssembly), and
//! the webmaster's command (`src/bin/district-bulletin.rs`) on the same model.
//!
//! Four layers, each a folder, each importing only the ones below it
//! (`tests/module_graph.rs` checks):
//!
//! | layer | what | runs |
//! |---|---|---|
//! | [`native`] | the command, server rendering, the fragment writer, the contract | natively |
//! | [`ui`] | components, hooks, requests, the browser's services | the browser (components render natively too) |
//! | [`app`] | attributes, state, the derived view, strings, URL state | plain Rust |
//! | [`model`] | the feed model and readers, JSON, dates, text, URLs | plain Rust |
//!
//! Data flows one way: attributes → config → fetch → parse → state →
//! derived view → components → DOM, or → HTML on the server.

pub mod app;
pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod native;
pub mod ui;

#[cfg(all(target_arch = "wasm32", not(feature = "builder")))]
pub use ui::entry::{browser_start, Widget};
