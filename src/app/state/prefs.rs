//! The reader's preferences (长者模式, text size, the filter panel) and the
//! webmaster's attributes they follow.

use crate::app::config::TextSize;
use std::rc::Rc;

/// An attribute as last seen: the widget follows the webmaster when the
/// attribute changes, not when it is merely read again (a render reads every
/// attribute, and the reader's own choice must survive that).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Followed<T>(T);

impl<T: PartialEq> Followed<T> {
    /// The attribute, first read as `value`.
    pub fn new(value: T) -> Followed<T> {
        Followed(value)
    }

    /// The attribute reads `value`: whether that is a change to follow.
    pub fn changed(&mut self, value: T) -> bool {
        let changed = value != self.0;
        self.0 = value;
        changed
    }
}

/// The reader's preferences.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Prefs {
    /// 长者模式 (large text, high contrast, big targets) is on.
    pub elder: bool,
    /// The reader's text size.
    pub text_size: TextSize,
    /// The filter panel (department, date, order) is open: on a narrow
    /// widget it sits behind the 筛选 button.
    pub filters_open: bool,
    /// The `elder` attribute.
    pub elder_attribute: Followed<bool>,
    /// The `text-size` attribute.
    pub text_size_attribute: Followed<Option<TextSize>>,
    /// The `category` attribute (the category itself is the reader's
    /// filter: the whole state follows it there).
    pub category_attribute: Followed<Option<Rc<str>>>,
}

/// What the reader (or the webmaster) changes in the preferences.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PrefAction {
    /// The reader switched 长者模式 on or off.
    SetElder(bool),
    /// The `elder` attribute reads this (followed only when it changed).
    ElderAttribute(bool),
    /// The reader picked a text size.
    SetTextSize(TextSize),
    /// The `text-size` attribute reads this (followed only when it changed).
    TextSizeAttribute(Option<TextSize>),
    /// The 筛选 button: open or close the filter panel.
    ToggleFilters,
}

impl Prefs {
    /// The preferences after `action`.
    pub fn apply(mut self, action: PrefAction) -> Prefs {
        match action {
            PrefAction::SetElder(on) => self.elder = on,
            PrefAction::ElderAttribute(on) => {
                if self.elder_attribute.changed(on) {
                    self.elder = on;
                }
            }
            PrefAction::SetTextSize(size) => self.text_size = size,
            PrefAction::TextSizeAttribute(size) => {
                if self.text_size_attribute.changed(size) {
                    self.text_size = size.unwrap_or_default();
                }
            }
            PrefAction::ToggleFilters => self.filters_open = !self.filters_open,
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_attribute_is_followed_when_it_changes_only() {
        let mut f = Followed::new(Some(1));
        assert!(!f.changed(Some(1)));
        assert!(f.changed(None));
        assert!(!f.changed(None));
        assert!(f.changed(Some(1)));
    }

    #[test]
    fn the_readers_choice_stays_until_the_webmaster_changes_the_attribute() {
        let p = Prefs::default()
            .apply(PrefAction::SetElder(true))
            .apply(PrefAction::SetTextSize(TextSize::Large));
        let read_again = p
            .clone()
            .apply(PrefAction::ElderAttribute(false))
            .apply(PrefAction::TextSizeAttribute(None));
        assert_eq!(read_again, p);
        let changed = p
            .apply(PrefAction::TextSizeAttribute(Some(TextSize::XLarge)))
            .apply(PrefAction::ElderAttribute(true))
            .apply(PrefAction::SetElder(false))
            .apply(PrefAction::ElderAttribute(true));
        assert_eq!(changed.text_size, TextSize::XLarge);
        assert!(!changed.elder, "the same value read again is not followed");
    }

    #[test]
    fn the_filter_button_toggles_the_panel() {
        let p = Prefs::default().apply(PrefAction::ToggleFilters);
        assert!(p.filters_open);
        assert!(!p.apply(PrefAction::ToggleFilters).filters_open);
    }
}
