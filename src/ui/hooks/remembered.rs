//! What a reader chose last time on this site (长者模式, text size), kept in
//! `localStorage`. Any storage error (private mode, storage disabled) just
//! means nothing is remembered.

use crate::app::config::TextSize;
use crate::app::state::Remembered;

/// Where a reader's 长者模式 choice is remembered (the loader reads it too,
/// for its placeholder).
pub const ELDER_KEY: &str = "district-bulletin:elder";

/// The value [`ELDER_KEY`] holds while 长者模式 is on (any other: off).
pub const ELDER_ON: &str = "1";

/// The value [`ELDER_KEY`] holds once the reader turned 长者模式 off.
pub const ELDER_OFF: &str = "0";

/// Where a reader's text size is remembered (the loader reads it too).
pub const TEXT_SIZE_KEY: &str = "district-bulletin:text-size";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// What this reader chose last time, on this site.
pub fn remembered() -> Remembered {
    let get = |key: &str| storage().and_then(|s| s.get_item(key).ok().flatten());
    Remembered {
        elder: get(ELDER_KEY).is_some_and(|v| v == ELDER_ON),
        text_size: get(TEXT_SIZE_KEY).as_deref().and_then(TextSize::from_word),
    }
}

/// Keeps `value` under `key` for the next visit.
pub fn remember(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}
