//! Getting the feed over the network. The error type is plain Rust (and
//! tested natively); the fetch itself uses the browser's `fetch`.

#[cfg(target_arch = "wasm32")]
pub mod cache;
#[cfg(target_arch = "wasm32")]
pub mod early;
mod error;
#[cfg(target_arch = "wasm32")]
mod fetch;
pub mod retry;
#[cfg(target_arch = "wasm32")]
pub mod url;
pub mod warnings;

pub use error::LoadError;
#[cfg(target_arch = "wasm32")]
pub use fetch::{cached_feed, fetch_bytes, load_feeds, warn, Batch, Loaded, Round};
