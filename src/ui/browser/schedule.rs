//! Work that should wait until the reader has seen something.

use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Where a queued task stands.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    Waiting,
    Ran,
    Cancelled,
}

/// A task queued by [`after_paint`] or [`after_quiet`]; dropping it cancels
/// the task if it has not run yet.
pub struct Deferred {
    stage: Rc<Cell<Stage>>,
    _timer: Option<gloo::timers::callback::Timeout>,
}

impl Deferred {
    /// Whether the task is still waiting for its frame.
    pub fn is_waiting(&self) -> bool {
        self.stage.get() == Stage::Waiting
    }
}

impl Deferred {
    /// Lets the task run even though nobody keeps the handle.
    pub fn detach(mut self) {
        if let Some(timer) = self._timer.take() {
            timer.forget();
        }
        // What `drop` will look at: not the task's own stage.
        self.stage = Rc::new(Cell::new(Stage::Ran));
    }
}

impl Drop for Deferred {
    fn drop(&mut self) {
        if self.is_waiting() {
            self.stage.set(Stage::Cancelled);
        }
    }
}

/// Runs `task` once the next frame has been painted: a timer started from a
/// `requestAnimationFrame` callback fires after that frame, so the rows
/// already rendered reach the screen before `task` takes the main thread.
pub fn after_paint(task: impl FnOnce() + 'static) -> Deferred {
    let stage = Rc::new(Cell::new(Stage::Waiting));
    let flag = stage.clone();
    let run = move || {
        if flag.get() == Stage::Waiting {
            flag.set(Stage::Ran);
            task();
        }
    };
    if let Some(window) = web_sys::window() {
        let timer_window = window.clone();
        let frame = Closure::once_into_js(move || {
            let timer = Closure::once_into_js(run);
            let _ = timer_window
                .set_timeout_with_callback_and_timeout_and_arguments_0(timer.unchecked_ref(), 0);
        });
        let _ = window.request_animation_frame(frame.unchecked_ref());
    }
    Deferred {
        stage,
        _timer: None,
    }
}

/// Runs `task` after `ms` milliseconds unless dropped before: a run of
/// changes (typing) replaced before then ends in one call, for the last one.
pub fn after_quiet(ms: u32, task: impl FnOnce() + 'static) -> Deferred {
    let stage = Rc::new(Cell::new(Stage::Waiting));
    let flag = stage.clone();
    let timer = gloo::timers::callback::Timeout::new(ms, move || {
        if flag.get() == Stage::Waiting {
            flag.set(Stage::Ran);
            task();
        }
    });
    Deferred {
        stage,
        _timer: Some(timer),
    }
}
