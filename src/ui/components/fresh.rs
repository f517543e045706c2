//! The small "N 条新信息" notice after a refresh brought news.

use super::Ambient;
use crate::app::i18n::new_items;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FreshNoticeProps {
    /// How many new items arrived since the reader last looked.
    pub count: usize,
    /// 查看: go to the top of the list.
    pub on_show: Callback<()>,
    /// Close the notice.
    pub on_dismiss: Callback<()>,
}

/// A polite status line with 查看 and 关闭; nothing when there is no news.
#[function_component(FreshNotice)]
pub fn fresh_notice(props: &FreshNoticeProps) -> Html {
    let lang = use_context::<Rc<Ambient>>().unwrap_or_default().lang;
    let m = lang.messages();
    // The live region stays in the DOM so screen readers announce the change.
    let body = (props.count > 0).then(|| {
        let on_show = props.on_show.clone();
        let on_dismiss = props.on_dismiss.clone();
        html! {
            <>
                <span class="db-fresh-text">{ new_items(lang, props.count) }</span>
                <button type="button" class="db-fresh-show" onclick={move |_| on_show.emit(())}>{ m.show_new }</button>
                <button type="button" class="db-fresh-dismiss" aria-label={m.dismiss} title={m.dismiss}
                    onclick={move |_| on_dismiss.emit(())}>{ "×" }</button>
            </>
        }
    });
    html! {
        <div class={classes!("db-fresh", body.is_none().then_some("db-fresh-empty"))} role="status" part="fresh">
            { for body }
        </div>
    }
}
