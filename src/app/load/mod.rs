//! A round of loading as the widget's state sees it, in plain Rust: what a
//! round brought ([`Batch`]), what it was for ([`Purpose`]), its error type
//! ([`LoadError`]), retry timing ([`retry`]), the webmaster's console
//! warnings ([`warnings`]) and the inspection rule they hold a column to
//! ([`column`]). The browser's side of it (requests, the kept
//! copy, the loader's early requests) is `crate::ui::net`.

pub mod column;
mod error;
pub mod retry;
pub mod warnings;

pub use error::LoadError;

use crate::model::feed::Feed;

/// What one round of fetching brought: the widget's feeds, or the older
/// pages after 加载更多.
#[derive(Clone, Debug)]
pub struct Batch {
    /// The feeds merged; `None` when every body was the same as the round
    /// whose [`Batch::digest`] was passed in (a 304 or an unchanged file).
    pub feed: Option<Feed>,
    /// When it was fetched (Unix seconds).
    pub at: i64,
    /// Sources that failed while others loaded, with why.
    pub failed: Vec<(String, LoadError)>,
    /// The absolute URLs fetched.
    pub fetched: Vec<String>,
    /// Their next-page links (`next_url`, `rel="next"`), absolute.
    pub next: Vec<String>,
    /// A fingerprint of the bodies, to pass back next time.
    pub digest: u64,
}

/// What a round is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// The widget's feeds: kept as the last good copy and checked for the
    /// webmaster warnings (stale by `stale_days`, the column's
    /// [`column::Rule::days`]; MIME type).
    First { stale_days: u32 },
    /// Older pages: neither kept nor checked for staleness (old is their point).
    /// `label`: the widget shows several feeds, so items name their source.
    Older { label: bool },
}

/// A 64-bit fingerprint of a round's bodies (`None`: that source failed),
/// enough to tell "the same bytes as last time". The name hash: a 17 MB feed
/// is hashed on the way to its first row. (Not the same on every platform:
/// foldhash hashes differently on 32-bit targets, so a digest never leaves
/// the browser that made it.)
pub fn digest(bodies: &[Option<&[u8]>]) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = crate::model::names::fixed_hasher().build_hasher();
    for body in bodies {
        match body {
            Some(bytes) => {
                h.write_usize(bytes.len());
                h.write(bytes);
            }
            None => h.write_u8(0xff),
        }
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_bodies_have_the_same_digest() {
        let a = digest(&[Some(b"feed"), None]);
        assert_eq!(a, digest(&[Some(b"feed"), None]));
        assert_ne!(a, digest(&[Some(b"feed"), Some(b"")]));
        assert_ne!(a, digest(&[Some(b"feeds"), None]));
    }
}
