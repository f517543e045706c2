//! The data and how it is read, in plain Rust (no Yew, no DOM): the feed
//! model and its readers ([`feed`]), the lenient JSON reader ([`json`]),
//! dates ([`dates`]), text ([`text`]), URLs ([`url`]), the name map
//! ([`names`]) and the one sort ([`sort`]). Where the browser provides a part
//! (legacy encodings, entity names: [`host`]; `URL`), the native build uses a
//! crate.
//!
//! The lowest layer: it imports nothing else of the crate.

pub mod dates;
pub mod feed;
pub mod host;
pub mod json;
pub mod names;
pub mod sort;
pub mod text;
pub mod url;
