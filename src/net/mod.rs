//! Getting the feed over the network. The error type is plain Rust (and
//! tested natively); the fetch itself uses the browser's `fetch`.

mod error;
#[cfg(target_arch = "wasm32")]
mod fetch;
#[cfg(target_arch = "wasm32")]
pub mod url;

pub use error::LoadError;
#[cfg(target_arch = "wasm32")]
pub use fetch::{fetch_bytes, load_feed};

/// How long a feed request may take before it is abandoned.
pub const FETCH_TIMEOUT_MS: u32 = 20_000;
