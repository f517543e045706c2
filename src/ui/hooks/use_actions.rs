//! The callbacks the widget's parts call, made once per widget: the
//! dispatcher never changes, so parts whose data did not change are not
//! re-rendered because of a new callback.

use crate::app::query::{DateRange, Sort};
use crate::app::state::{Action, FetchAction, PageAction, PrefAction, ReaderAction, State};
use std::rc::Rc;
use yew::prelude::*;

/// Every callback the layout hands to its parts; each dispatches an [`Action`].
#[derive(Clone, PartialEq)]
pub struct Actions {
    pub on_retry: Callback<()>,
    pub on_select: Callback<Option<Rc<str>>>,
    pub on_open: Callback<Rc<str>>,
    pub on_close: Callback<()>,
    pub on_more: Callback<()>,
    pub on_query: Callback<String>,
    pub on_department: Callback<Option<Rc<str>>>,
    pub on_range: Callback<DateRange>,
    pub on_sort: Callback<Sort>,
    pub on_clear: Callback<()>,
    pub on_older: Callback<()>,
    pub on_dismiss_new: Callback<()>,
    /// The 筛选 button.
    pub on_toggle_filters: Callback<()>,
    /// 查看 on the "N 条新信息" notice: back to the top of the list (in
    /// `section`), where the new items are.
    pub on_show_new: Callback<()>,
}

fn dispatching<T: 'static>(d: &UseReducerDispatcher<State>, make: fn(T) -> Action) -> Callback<T> {
    let d = d.clone();
    Callback::from(move |x| d.dispatch(make(x)))
}

/// The widget's callbacks, built on its first render and kept.
#[hook]
pub fn use_actions(dispatcher: UseReducerDispatcher<State>, section: NodeRef) -> Rc<Actions> {
    use_memo((), move |()| {
        let d = &dispatcher;
        let on_show_new = {
            let d = d.clone();
            Callback::from(move |()| {
                // One action, not two: both changes land in the same render.
                d.dispatch(Action::ShowNew);
                if let Some(el) = section.cast::<web_sys::Element>() {
                    el.scroll_into_view();
                }
            })
        };
        Actions {
            on_retry: dispatching(d, |()| FetchAction::Reload.into()),
            on_select: dispatching(d, |c| ReaderAction::SelectCategory(c).into()),
            on_open: dispatching(d, |k| ReaderAction::Open(k).into()),
            on_close: dispatching(d, |()| ReaderAction::Close.into()),
            on_more: dispatching(d, |()| ReaderAction::ShowMore.into()),
            on_query: dispatching(d, |q| ReaderAction::SetQuery(q).into()),
            on_department: dispatching(d, |x| ReaderAction::SetDepartment(x).into()),
            on_range: dispatching(d, |r| ReaderAction::SetRange(r).into()),
            on_sort: dispatching(d, |o| ReaderAction::SetSort(o).into()),
            on_clear: dispatching(d, |()| ReaderAction::ClearFilters.into()),
            on_older: dispatching(d, |()| PageAction::Fetch.into()),
            on_dismiss_new: dispatching(d, |()| FetchAction::DismissNew.into()),
            on_toggle_filters: dispatching(d, |()| PrefAction::ToggleFilters.into()),
            on_show_new,
        }
    })
}
