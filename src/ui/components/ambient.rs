//! What every level of the widget needs, given once by the layout as a Yew
//! context instead of handed down through every component's props.

use crate::app::config::Config;
use crate::app::i18n::Lang;
use crate::model::dates::SHANGHAI_OFFSET_MIN;
use std::rc::Rc;
use yew::prelude::*;

/// The widget's surroundings, the same for all its parts: set by [`super::App`]
/// in a `ContextProvider`, read with `use_context::<Rc<Ambient>>()` (shared,
/// not copied, by every part). Like props,
/// it is an input of the render (a server render has it too).
#[derive(Clone, Debug, PartialEq)]
pub struct Ambient {
    /// The language the widget speaks (its words, not the feed's).
    pub lang: Lang,
    /// The webmaster's settings.
    pub config: Rc<Config>,
    /// The offset dates are shown in: the feed's.
    pub zone: i32,
    /// The clock (Unix seconds): dates, 今天, pins.
    pub now: i64,
    /// The feed's absolute URL: items' links resolve against it.
    pub base: AttrValue,
    /// The language of the items (the feed's), when known.
    pub content_lang: Option<AttrValue>,
}

impl Default for Ambient {
    fn default() -> Self {
        Ambient {
            lang: Lang::default(),
            config: Rc::new(Config::default()),
            zone: SHANGHAI_OFFSET_MIN,
            now: 0,
            base: AttrValue::default(),
            content_lang: None,
        }
    }
}
