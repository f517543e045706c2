//! A FEED argument of the command → its bytes: a file path, or an `http:` /
//! `https:` URL fetched the way the widget would fetch it (one GET,
//! redirects followed, a time limit, the widget's size cap), with what the
//! answer said about itself (status, headers, the URL that answered).
//!
//! Shared by `check` and `render`: both read FEED with [`read`].

use crate::model::feed::MAX_FEED_BYTES;
use std::fmt;
use std::io::Read;
use std::path::PathBuf;
use std::time::Duration;

/// How long a request may take: what the widget allows by default.
pub const TIMEOUT: Duration = Duration::from_secs(crate::app::config::DEFAULT_TIMEOUT_SECS as u64);

pub use crate::app::check::source::{Http, Source, SourceError};

/// Whether FEED is a URL (`http:` or `https:`), rather than a path.
pub fn is_url(feed: &str) -> bool {
    let lower = feed.get(..8).unwrap_or(feed).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Reads FEED: a file, or a URL fetched with one GET. `origin`, when given,
/// is sent as the request's `Origin` header (what the browser sends from
/// the page), so a server that answers CORS by echoing it can be checked.
pub fn read(feed: &str, origin: Option<&str>) -> Result<Source, SourceError> {
    if is_url(feed) {
        fetch(feed, origin)
    } else {
        let path = PathBuf::from(feed);
        let file = std::fs::File::open(&path).map_err(|e| SourceError::File {
            path: feed.to_string(),
            reason: e.to_string(),
        })?;
        let mut bytes = Vec::new();
        file.take(MAX_FEED_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| SourceError::File {
                path: feed.to_string(),
                reason: e.to_string(),
            })?;
        Ok(Source {
            name: feed.to_string(),
            bytes,
            http: None,
        })
    }
}

fn fetch(url: &str, origin: Option<&str>) -> Result<Source, SourceError> {
    let network = |e: &dyn fmt::Display| SourceError::Network {
        url: url.to_string(),
        reason: e.to_string(),
    };
    let agent: ureq::Agent = ureq::Agent::config_builder()
        // A 404 or 500 is an answer to report, not an error.
        .http_status_as_error(false)
        .timeout_global(Some(TIMEOUT))
        .user_agent(concat!(
            "district-bulletin-check/",
            env!("CARGO_PKG_VERSION")
        ))
        .build()
        .into();
    let mut request = agent.get(url);
    if let Some(o) = origin {
        request = request.header("Origin", o);
    }
    let mut response = request.call().map_err(|e| network(&e))?;
    let final_url = ureq::ResponseExt::get_uri(&response).to_string();
    let headers = response
        .headers()
        .iter()
        .map(|(n, v)| {
            (
                n.as_str().to_ascii_lowercase(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    let status = response.status().as_u16();
    let cap = MAX_FEED_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    response
        .body_mut()
        .with_config()
        .limit(cap)
        .reader()
        .take(cap)
        .read_to_end(&mut bytes)
        .map_err(|e| network(&e))?;
    Ok(Source {
        name: url.to_string(),
        bytes,
        http: Some(Http {
            requested: url.to_string(),
            final_url,
            status,
            headers,
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_paths() {
        assert!(is_url("https://portal.example/feed.json"));
        assert!(is_url("HTTP://portal.example/rss.xml"));
        assert!(!is_url("feeds/seed.json"));
        assert!(!is_url("ftp://x/y"));
        assert!(!is_url("http"));
    }

    #[test]
    fn a_missing_file_says_so() {
        let e = read("no/such/feed.json", None).err();
        assert!(
            matches!(&e, Some(SourceError::File { path, .. }) if path == "no/such/feed.json"),
            "{e:?}"
        );
    }
}
