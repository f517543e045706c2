//! The reader's language and every string composed for them: the
//! catalogues ([`catalogue`]), the sentences ([`messages`]) and date labels
//! ([`dates`]). Plain Rust, no DOM.
//!
//! This is the one home of what the reader reads; [`crate::model::dates`] only
//! parses and does calendar arithmetic.

pub mod catalogue;
pub mod dates;
pub mod messages;

pub use catalogue::{Messages, EN, ZH_CN};
pub use messages::{
    attachment_label, filters_button, heading, load_error, load_more_label, new_items, results,
    round_notice, sources_failed, stale_notice, tab_label,
};

/// An interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Simplified Chinese (also used for other Chinese tags: closer to the
    /// reader than English).
    #[default]
    ZhCn,
    En,
}

/// The primary language subtags the widget speaks, and in which catalogue
/// (the loader reads the same table for its placeholder).
pub const PRIMARY_TAGS: &[(&str, Lang)] =
    &[("zh", Lang::ZhCn), ("cmn", Lang::ZhCn), ("en", Lang::En)];

/// Every interface language.
pub const LANGS: [Lang; 2] = [Lang::ZhCn, Lang::En];

impl Lang {
    /// Reads a BCP 47 tag (`zh-CN`, `zh`, `zh-Hant-TW`, `en-US` …); other languages are `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?;
        PRIMARY_TAGS
            .iter()
            .find(|(p, _)| primary.eq_ignore_ascii_case(p))
            .map(|&(_, lang)| lang)
    }

    /// The interface language of a widget: the `lang` attribute, else the
    /// feed's `language`, else the page's (`lang` at or above the host),
    /// else zh-CN.
    pub fn choose(attribute: Option<Lang>, feed: Option<&str>, page: Option<Lang>) -> Lang {
        attribute
            .or_else(|| feed.and_then(Lang::from_tag))
            .or(page)
            .unwrap_or_default()
    }

    /// This language's catalogue.
    pub fn messages(self) -> &'static Messages {
        match self {
            Lang::ZhCn => &ZH_CN,
            Lang::En => &EN,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        assert_eq!(Lang::from_tag("zh-CN"), Some(Lang::ZhCn));
        assert_eq!(Lang::from_tag("zh_Hant_TW"), Some(Lang::ZhCn));
        assert_eq!(Lang::from_tag("EN-us"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Lang::from_tag(""), None);
        assert_eq!(Lang::En.messages().retry, "Retry");
    }

    #[test]
    fn the_attribute_then_the_feed_then_the_page() {
        assert_eq!(Lang::choose(Some(Lang::En), Some("zh-CN"), None), Lang::En);
        assert_eq!(
            Lang::choose(None, Some("en-GB"), Some(Lang::ZhCn)),
            Lang::En
        );
        assert_eq!(Lang::choose(None, Some("fr"), Some(Lang::En)), Lang::En);
        assert_eq!(Lang::choose(None, None, None), Lang::ZhCn);
    }
}
