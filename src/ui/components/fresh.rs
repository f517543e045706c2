//! The small "N 条新信息" notice after a refresh brought news.

use crate::app::i18n::{new_items, Lang};
use yew::prelude::*;

/// A polite status line for `count` new items with 查看 (`on_show`: go to
/// the top of the list) and 关闭 (`on_dismiss`); empty when there is no
/// news. A plain function, not a component: it keeps no state.
pub fn fresh_notice(
    lang: Lang,
    count: usize,
    on_show: &Callback<()>,
    on_dismiss: &Callback<()>,
) -> Html {
    let m = lang.messages();
    // The live region stays in the DOM so screen readers announce the change.
    let body = (count > 0).then(|| {
        let on_show = on_show.clone();
        let on_dismiss = on_dismiss.clone();
        html! {
            <>
                <span class="db-fresh-text">{ new_items(lang, count) }</span>
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
