//! Why a document could not be read as a feed.

use std::fmt;

/// A document that arrived but is not a usable JSON Feed. Distinct from
/// network and HTTP failures, which belong to `net::LoadError`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FeedError {
    /// The body was empty or only whitespace.
    Empty,
    /// The body is larger than the widget is willing to parse.
    TooLarge {
        /// Size of the body in bytes.
        bytes: usize,
        /// The cap in bytes.
        limit: usize,
    },
    /// The bytes are not UTF-8 (UTF-16, GBK, …).
    NotUtf8,
    /// The body is an HTML page (a login page, an error page served with 200, …).
    Html,
    /// The body is XML: an RSS or Atom feed, which this widget does not read yet.
    XmlFeed,
    /// The body is not valid JSON; the message is the parser's, for developers.
    Syntax(String),
    /// The JSON nests deeper than any feed would.
    TooDeep,
    /// Valid JSON, but the top level is not an object (`null`, array, string …).
    NotAnObject(&'static str),
    /// A JSON object that is not a JSON Feed (no `version`/`items`).
    NotAFeed,
}

impl fmt::Display for FeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FeedError::Empty => write!(f, "the document is empty"),
            FeedError::TooLarge { bytes, limit } => {
                write!(
                    f,
                    "the document is {bytes} bytes, over the {limit}-byte cap"
                )
            }
            FeedError::NotUtf8 => write!(f, "the document is not UTF-8"),
            FeedError::Html => write!(f, "the document is an HTML page, not a feed"),
            FeedError::XmlFeed => write!(f, "the document is XML (RSS/Atom), not a JSON Feed"),
            FeedError::Syntax(msg) => write!(f, "the document is not valid JSON: {msg}"),
            FeedError::TooDeep => write!(f, "the JSON is nested too deeply"),
            FeedError::NotAnObject(kind) => {
                write!(f, "the JSON top level is {kind}, not an object")
            }
            FeedError::NotAFeed => write!(f, "the JSON object is not a JSON Feed"),
        }
    }
}

impl std::error::Error for FeedError {}
