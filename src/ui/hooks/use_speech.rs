//! 朗读: an article read aloud by the browser's speech synthesis, block by
//! block (the title, then each paragraph), with the block being read marked.

use crate::app::state::speech::{chinese_voice, Event, Reading};
use gloo::events::EventListener;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, SpeechSynthesis, SpeechSynthesisUtterance};
use yew::prelude::*;

/// The class of the block being read.
const READING_CLASS: &str = "db-reading-now";

/// The blocks read, in order: the title, then the text's paragraphs (the
/// innermost of paragraphs, headings, list items, quotes, cells).
const BLOCKS: &str =
    ".db-article-title, .db-article-body :is(p, h4, h5, h6, li, blockquote, pre, figcaption, td)";

/// What the 朗读 control shows and does.
#[derive(Clone, PartialEq)]
pub struct Speech {
    /// The browser can read Chinese aloud (a Chinese voice is installed):
    /// otherwise there is no control at all.
    pub available: bool,
    pub reading: Reading,
    /// Start, pause, resume, stop.
    pub on: Callback<Event>,
}

/// The page's speech synthesis, when there is one. Looked up as a plain
/// property and checked: browsers and WebViews without speech have
/// `undefined` there, and a method called on that would throw through the
/// wasm and stop every widget on the page.
fn synthesis() -> Option<SpeechSynthesis> {
    let window = web_sys::window()?;
    let s = js_sys::Reflect::get(&window, &"speechSynthesis".into()).ok()?;
    let callable =
        |name: &str| js_sys::Reflect::get(&s, &name.into()).is_ok_and(|f| f.is_function());
    (s.is_object()
        && ["speak", "cancel", "pause", "resume", "getVoices"]
            .iter()
            .all(|m| callable(m)))
    .then(|| s.unchecked_into())
}

fn has_chinese_voice(s: &SpeechSynthesis) -> bool {
    // (Each voice's `lang` read as a plain property: whatever the list holds,
    // nothing here can throw.)
    s.get_voices().iter().any(|v| {
        js_sys::Reflect::get(&v, &"lang".into())
            .ok()
            .and_then(|l| l.as_string())
            .is_some_and(|l| chinese_voice(&l))
    })
}

/// The blocks of `article` to read, innermost first-level only.
fn blocks(article: &Element) -> Vec<Element> {
    let Ok(list) = article.query_selector_all(BLOCKS) else {
        return Vec::new();
    };
    let all: Vec<Element> = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .collect();
    // A block holding another block (a cell with paragraphs) is read through them.
    all.iter()
        .filter(|b| {
            !all.iter()
                .any(|o| !o.is_same_node(Some(b)) && b.contains(Some(o)))
        })
        .cloned()
        .collect()
}

/// The block reading `now` is at in the article `root`: marked, and spoken
/// unless it already is (`spoken`: the reading and block being spoken,
/// `on_end`: the handler of its end, kept as long as the utterance); its
/// end moves the reading on through `on`.
fn speak(
    root: &Element,
    now: Reading,
    on: &Callback<Event>,
    spoken: &mut Option<(u32, usize)>,
    on_end: &mut Option<Closure<dyn FnMut()>>,
) {
    let blocks = blocks(root);
    for b in &blocks {
        let _ = b.class_list().remove_1(READING_CLASS);
    }
    let Reading::Speaking { run, at } = now else {
        if matches!(now, Reading::Idle { .. }) {
            *spoken = None;
        }
        if let Some(b) = now.block().and_then(|i| blocks.get(i)) {
            let _ = b.class_list().add_1(READING_CLASS);
        }
        return;
    };
    let Some(block) = blocks.get(at) else {
        on.emit(Event::Stop);
        return;
    };
    let _ = block.class_list().add_1(READING_CLASS);
    block.scroll_into_view_with_bool(false);
    // Resumed: the same utterance goes on.
    if *spoken == Some((run, at)) {
        return;
    }
    let (Some(s), Ok(u)) = (
        synthesis(),
        SpeechSynthesisUtterance::new_with_text(&block.text_content().unwrap_or_default()),
    ) else {
        on.emit(Event::Stop);
        return;
    };
    // Chinese, by language: the browser picks its voice.
    u.set_lang("zh-CN");
    let (on, count) = (on.clone(), blocks.len());
    let end = Closure::<dyn FnMut()>::new(move || {
        on.emit(Event::Ended {
            run,
            at,
            blocks: count,
        })
    });
    u.set_onend(Some(end.as_ref().unchecked_ref()));
    *on_end = Some(end);
    *spoken = Some((run, at));
    s.speak(&u);
}

/// Reads the article in `article` aloud on request. Reading stops when the
/// article changes (`key`) or closes.
#[hook]
pub fn use_speech(article: NodeRef, key: Rc<str>) -> Speech {
    let available = use_state_eq(|| false);
    {
        let available = available.clone();
        use_effect_with((), move |_| {
            // Voices arrive late in some browsers: look again when they do.
            let listener = synthesis().map(|s| {
                available.set(has_chinese_voice(&s));
                let target = s.clone();
                EventListener::new(&s, "voiceschanged", move |_| {
                    available.set(has_chinese_voice(&target))
                })
            });
            move || drop(listener)
        });
    }
    let reading = use_state_eq(Reading::default);
    // The hook's own memory: what is being spoken (a reading, a block) and
    // the handler of its end, which must live as long as the utterance.
    let spoken = use_mut_ref(|| None::<(u32, usize)>);
    let on_end = use_mut_ref(|| None::<Closure<dyn FnMut()>>);
    let on = {
        let reading = reading.clone();
        use_callback(*reading, move |event: Event, current: &Reading| {
            if let Some(s) = synthesis() {
                match event {
                    Event::Start | Event::Stop => s.cancel(),
                    Event::Pause => s.pause(),
                    Event::Resume => s.resume(),
                    Event::Ended { .. } => {}
                }
            }
            reading.set(current.after(event));
        })
    };
    // Speak the block the reading is at, and mark it.
    {
        let (article, on, reading_now) = (article.clone(), on.clone(), *reading);
        use_effect_with(reading_now, move |&now| {
            if let Some(root) = article.cast::<Element>() {
                speak(
                    &root,
                    now,
                    &on,
                    &mut spoken.borrow_mut(),
                    &mut on_end.borrow_mut(),
                );
            }
        });
    }
    // Another article, or none: stop reading.
    use_effect_with(key, move |_| {
        move || {
            if let Some(s) = synthesis() {
                s.cancel();
            }
        }
    });
    Speech {
        available: *available,
        reading: *reading,
        on,
    }
}
