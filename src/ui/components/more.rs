//! The end of the list: 加载更多 rows already here, else older pages of the
//! feed from the server.

use crate::app::i18n::{load_error, load_more_label, Lang};
use crate::app::state::PageLoad;
use yew::prelude::*;

/// What the end of the list needs to know.
pub struct LoadMoreProps<'a> {
    /// Rows that pass the filter but are not rendered yet.
    pub remaining: usize,
    /// The feed has older pages on the server.
    pub older: bool,
    /// Where fetching an older page stands.
    pub status: &'a PageLoad,
    /// Render one more page of the rows already here.
    pub on_more: &'a Callback<()>,
    /// Fetch the next page from the server.
    pub on_older: &'a Callback<()>,
}

/// One button, or nothing when everything is shown. A plain function, not
/// a component: it keeps no state.
pub fn load_more(lang: Lang, props: LoadMoreProps) -> Html {
    let m = lang.messages();
    if props.remaining > 0 {
        let on_more = props.on_more.clone();
        return html! {
            <div class="db-more">
                <button type="button" class="db-more-button" part="more" onclick={move |_| on_more.emit(())}>
                    { load_more_label(lang, props.remaining) }
                </button>
            </div>
        };
    }
    if !props.older {
        return html! {};
    }
    let on_older = props.on_older.clone();
    let busy = *props.status == PageLoad::Loading;
    // The button stays focusable while busy (disabling it would drop a
    // keyboard reader's focus); the reducer ignores a second request.
    html! {
        <div class="db-more" aria-busy={if busy { "true" } else { "false" }}>
            if let PageLoad::Failed(e) = props.status {
                <p class="db-more-error" role="alert">{ format!("{}：{}", m.older_failed, load_error(lang, e)) }</p>
            }
            <button type="button" class="db-more-button db-older" part="more"
                aria-disabled={if busy { "true" } else { "false" }}
                onclick={move |_| on_older.emit(())}>
                { if busy { m.loading_older } else if matches!(props.status, PageLoad::Failed(_)) { m.retry } else { m.load_older } }
            </button>
        </div>
    }
}
