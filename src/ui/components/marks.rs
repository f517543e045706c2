//! An item's marks, in its row and in its article: 置顶, and 已废止 /
//! 已失效 for a document no longer in force. Text, never colour alone.

use crate::app::i18n::Messages;
use crate::model::feed::Bulletin;
use yew::prelude::*;

/// The marks of `b` (`pinned`: whether it is pinned now, which takes the
/// caller's clock); nothing when it has none.
pub fn marks(b: &Bulletin, pinned: bool, m: &Messages) -> Html {
    let void = b.public.validity.filter(|v| v.is_void());
    html! {
        <>
            if pinned {
                <span class="db-mark db-mark-pinned">{ m.pinned }</span>
            }
            if let Some(v) = void {
                <span class="db-mark db-mark-void">{ m.validity[v.index()] }</span>
            }
        </>
    }
}
