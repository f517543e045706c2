//! The webmaster's command and the build, natively only: the command line
//! ([`cli`]), server rendering ([`ssr`]), the stylesheet ([`stylesheet`]), the fragment writer
//! ([`fragment`]) and the loader's contract ([`contract`]).
//!
//! The top layer: it may import every other.

pub mod cli;
pub mod contract;
pub mod fragment;
pub mod ssr;
pub mod stylesheet;
