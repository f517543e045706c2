//! Getting the feeds in the browser: one request ([`fetch`], the browser's
//! own `fetch`), a round of them parsed and merged ([`load`]), the last good
//! copy ([`cache`]) and the loader's early requests ([`early`]). They compile
//! natively too (the hooks that call them do), and only run in the browser;
//! their plain rules are `crate::app::load`.

pub mod cache;
pub mod early;
pub mod fetch;
pub mod load;
