//! Why loading a feed failed.

use crate::model::feed::FeedError;
use std::fmt;

/// Everything that can go wrong between "here is a feed URL" and "here is a
/// feed". Each variant gets its own message for the reader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The mount element names no feed URL.
    NoFeedUrl,
    /// The request never got an HTTP answer: offline, DNS, refused
    /// connection, or blocked by CORS (browsers do not tell which).
    Network(String),
    /// No complete answer within the time limit.
    Timeout {
        /// The limit that ran out, in seconds.
        seconds: u32,
    },
    /// The server answered with a status outside 200–299.
    Http {
        /// The HTTP status code.
        status: u16,
    },
    /// The answer arrived but is not a usable feed.
    Feed(FeedError),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NoFeedUrl => write!(f, "no feed URL was given"),
            LoadError::Network(detail) => write!(f, "network error: {detail}"),
            LoadError::Timeout { seconds } => write!(f, "no answer within {seconds} s"),
            LoadError::Http { status } => write!(f, "HTTP status {status}"),
            LoadError::Feed(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for LoadError {}

impl From<FeedError> for LoadError {
    fn from(e: FeedError) -> Self {
        LoadError::Feed(e)
    }
}
