//! When and how long to wait before asking again. Plain Rust, no DOM.

use super::LoadError;
use crate::model::dates;

/// Attempts per load (the first plus two retries).
pub const MAX_ATTEMPTS: u32 = 3;
/// Wait before the first retry; doubled for each further one.
pub const BASE_DELAY_MS: u32 = 1_000;
/// The longest wait honoured from a `Retry-After` header.
pub const MAX_DELAY_MS: u32 = 30_000;

/// Whether trying again could help: the network, a timeout, or a server
/// that says it is busy or briefly broken. A 404 or a broken document will
/// not change in a second.
pub fn retryable(e: &LoadError) -> bool {
    match e {
        LoadError::Network(_) | LoadError::Timeout { .. } => true,
        LoadError::Http { status } => matches!(status, 408 | 425 | 429 | 500 | 502 | 503 | 504),
        LoadError::NoFeedUrl | LoadError::Feed(_) => false,
    }
}

/// Reads `Retry-After`: seconds (`120`) or an HTTP date; the wait in ms,
/// capped at [`MAX_DELAY_MS`]. `now_unix` is the current time.
pub fn retry_after_ms(header: &str, now_unix: i64) -> Option<u32> {
    let h = header.trim();
    let ms = if let Ok(secs) = h.parse::<u64>() {
        secs.saturating_mul(1000)
    } else {
        let at = dates::parse(h)?.unix;
        u64::try_from(at.saturating_sub(now_unix))
            .unwrap_or(0)
            .saturating_mul(1000)
    };
    Some(ms.min(u64::from(MAX_DELAY_MS)) as u32)
}

/// The wait before attempt `attempt` (1 for the first retry): the server's
/// `Retry-After` when given, else exponential backoff with `jitter` (0..1)
/// spreading ±20 % so many readers do not retry in lockstep. Never below 250 ms.
pub fn delay_ms(attempt: u32, retry_after: Option<u32>, jitter: f64) -> u32 {
    if let Some(ms) = retry_after {
        return ms.max(250);
    }
    let base = BASE_DELAY_MS.saturating_mul(1 << attempt.saturating_sub(1).min(8));
    let spread = 0.8 + 0.4 * jitter.clamp(0.0, 1.0);
    ((f64::from(base) * spread) as u32).clamp(250, MAX_DELAY_MS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::feed::FeedError;

    #[test]
    fn what_is_worth_retrying() {
        assert!(retryable(&LoadError::Network("x".into())));
        assert!(retryable(&LoadError::Timeout { seconds: 20 }));
        assert!(retryable(&LoadError::Http { status: 503 }));
        assert!(retryable(&LoadError::Http { status: 429 }));
        assert!(!retryable(&LoadError::Http { status: 404 }));
        assert!(!retryable(&LoadError::Http { status: 403 }));
        assert!(!retryable(&LoadError::Feed(FeedError::Html)));
    }

    #[test]
    fn retry_after_seconds_and_dates() {
        let now = dates::parse("2015-10-21T07:28:00Z")
            .map(|t| t.unix)
            .unwrap_or(0);
        assert_eq!(retry_after_ms("2", now), Some(2_000));
        assert_eq!(
            retry_after_ms("Wed, 21 Oct 2015 07:28:05 GMT", now),
            Some(5_000)
        );
        assert_eq!(
            retry_after_ms("Wed, 21 Oct 2015 07:27:00 GMT", now),
            Some(0)
        );
        assert_eq!(retry_after_ms("86400", now), Some(MAX_DELAY_MS));
        assert_eq!(retry_after_ms("soon", now), None);
    }

    #[test]
    fn backoff_grows_and_never_spins() {
        assert_eq!(delay_ms(1, None, 0.5), 1_000);
        assert_eq!(delay_ms(2, None, 0.5), 2_000);
        assert!(delay_ms(2, None, 0.0) >= 1_600 && delay_ms(2, None, 1.0) <= 2_400);
        assert_eq!(delay_ms(30, None, 1.0), MAX_DELAY_MS);
        assert_eq!(
            delay_ms(1, Some(0), 0.5),
            250,
            "Retry-After: 0 still waits a little"
        );
        assert_eq!(delay_ms(1, Some(5_000), 0.5), 5_000);
    }
}
