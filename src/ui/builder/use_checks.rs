//! Each feed checked in the browser: fetched as the widget fetches it, then
//! read by the command's own report ([`crate::app::check::inspect`]).
//! A new list of feeds starts a new round; answers to an older round are
//! dropped.

use super::fetch::fetch;
use crate::app::check::{inspect, Check, Cors, HttpCheck};
use crate::app::load::column::Rule;
use crate::ui::net::fetch::now_unix;
use std::rc::Rc;
use yew::prelude::*;

/// A feed's check, once done.
pub struct Checked {
    pub check: Check,
    /// What the request met (`None`: no answer at all).
    pub cors: Option<Cors>,
}

/// One feed of the list: its URL (absolute) and its check, `None` while
/// it runs.
#[derive(Clone)]
pub struct FeedCheck {
    pub url: String,
    pub result: Option<Rc<Checked>>,
}

impl PartialEq for FeedCheck {
    fn eq(&self, other: &Self) -> bool {
        self.url == other.url
            && match (&self.result, &other.result) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            }
    }
}

/// The checks of one round.
#[derive(Clone, Default, PartialEq)]
pub struct Checks {
    round: u32,
    pub feeds: Vec<FeedCheck>,
}

/// What changes the checks: a new round, or one feed's answer.
pub enum Step {
    Start(Vec<String>),
    Done {
        round: u32,
        index: usize,
        result: Rc<Checked>,
    },
}

impl Reducible for Checks {
    type Action = Step;

    fn reduce(self: Rc<Self>, action: Step) -> Rc<Self> {
        match action {
            Step::Start(urls) => Rc::new(Checks {
                round: self.round.wrapping_add(1),
                feeds: urls
                    .into_iter()
                    .map(|url| FeedCheck { url, result: None })
                    .collect(),
            }),
            Step::Done {
                round,
                index,
                result,
            } if round == self.round && index < self.feeds.len() => {
                let mut next = (*self).clone();
                next.feeds[index].result = Some(result);
                Rc::new(next)
            }
            Step::Done { .. } => self,
        }
    }
}

/// Checks every feed of `urls` (absolute) as a column held to `rule` (the
/// chosen `column-kind` and `stale-after`), again whenever either changes.
#[hook]
pub fn use_checks(urls: Vec<String>, rule: Rule) -> Checks {
    let checks = use_reducer(Checks::default);
    {
        let d = checks.dispatcher();
        let round = checks.round.wrapping_add(1);
        use_effect_with((urls, rule), move |(urls, rule)| {
            let rule = *rule;
            d.dispatch(Step::Start(urls.clone()));
            for (index, url) in urls.iter().cloned().enumerate() {
                let d = d.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let fetched = fetch(&url).await;
                    let cors = fetched.cors;
                    let check = inspect(
                        &url,
                        fetched.source,
                        |http| HttpCheck {
                            http,
                            origin: None,
                            cors: cors.unwrap_or(Cors::NotAsked),
                        },
                        now_unix(),
                        rule,
                    );
                    d.dispatch(Step::Done {
                        round,
                        index,
                        result: Rc::new(Checked { check, cors }),
                    });
                });
            }
        });
    }
    (*checks).clone()
}
