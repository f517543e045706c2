//! What a feed's bytes came with: a file's name, or an HTTP answer's status
//! and headers. Plain data, filled natively by the command's reader
//! (`native::cli::source`, a file or a `ureq` GET) and in the browser by
//! the builder page's own `fetch`.

use std::fmt;

/// The HTTP side of a feed fetched from a URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Http {
    /// The URL given.
    pub requested: String,
    /// The URL that answered, after redirects.
    pub final_url: String,
    /// The status of the final answer (any: a 404 is read like a 200).
    pub status: u16,
    /// The answer's headers, names lowercased, in the order received.
    pub headers: Vec<(String, String)>,
}

impl Http {
    /// The first value of header `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Whether the status is a success (2xx), the only answers the widget reads.
    pub fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

/// A feed's bytes and where they came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// The argument as given (path or URL).
    pub name: String,
    /// The body (decompressed, when the server compressed it), at most
    /// [`crate::model::feed::MAX_FEED_BYTES`] + 1 bytes: one more than the
    /// widget parses, so that an oversized feed is named as such.
    pub bytes: Vec<u8>,
    /// For a URL: the answer's status and headers.
    pub http: Option<Http>,
}

/// Why FEED could not be read at all (no bytes, no status).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceError {
    /// The file could not be read (missing, a folder, no permission).
    File {
        /// The path given.
        path: String,
        /// What the system said.
        reason: String,
    },
    /// The URL got no HTTP answer: DNS, refused, TLS, timeout, an answer
    /// cut off, or (in the browser) a cross-origin answer the page may not
    /// read.
    Network {
        /// The URL given.
        url: String,
        /// What the client said.
        reason: String,
    },
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SourceError::File { path, reason } => {
                write!(f, "{path}: cannot read the file: {reason}")
            }
            SourceError::Network { url, reason } => write!(f, "{url}: no answer: {reason}"),
        }
    }
}

impl std::error::Error for SourceError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_found_in_any_case() {
        let h = Http {
            requested: "u".into(),
            final_url: "u".into(),
            status: 200,
            headers: vec![("content-type".into(), "application/json".into())],
        };
        assert_eq!(h.header("Content-Type"), Some("application/json"));
        assert!(h.ok());
    }
}
