//! 朗读: the control that reads an article aloud.

use crate::app::i18n::Messages;
use crate::app::state::speech::{Event, Reading};
use crate::ui::hooks::Speech;
use yew::prelude::*;

/// 朗读, then 暂停 / 继续 and 停止 while reading; nothing at all when the
/// browser cannot read Chinese aloud. A plain function, not a component:
/// the article that shows it keeps the reading (`use_speech`).
pub fn read_aloud(m: &Messages, speech: &Speech) -> Html {
    if !speech.available {
        return html! {};
    }
    let button = |label: &'static str, class: &'static str, event: Event| {
        let on = speech.on.clone();
        html! {
            <button type="button" class={classes!("db-speak", class)} onclick={move |_| on.emit(event)}>{ label }</button>
        }
    };
    let (controls, status) = match speech.reading {
        Reading::Idle { .. } => (button(m.read_aloud, "db-speak-start", Event::Start), ""),
        Reading::Speaking { .. } => (
            html! { <>{ button(m.pause, "db-speak-pause", Event::Pause) }{ button(m.stop, "db-speak-stop", Event::Stop) }</> },
            m.reading_aloud,
        ),
        Reading::Paused { .. } => (
            html! { <>{ button(m.resume, "db-speak-resume", Event::Resume) }{ button(m.stop, "db-speak-stop", Event::Stop) }</> },
            m.reading_paused,
        ),
    };
    html! {
        <span class="db-read-aloud">
            { controls }
            <span class="db-visually-hidden" role="status">{ status }</span>
        </span>
    }
}
