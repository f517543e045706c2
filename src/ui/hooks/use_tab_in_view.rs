//! On a narrow widget the category tabs are one row that scrolls sideways:
//! the selected one is kept in view (the row scrolls, never the page).

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Room left beside a tab scrolled into view (CSS pixels).
const MARGIN: f64 = 16.0;

/// How far to scroll a row spanning `row` (left, right) so that a tab
/// spanning `tab` is inside it: negative to the left, 0 when it already is.
pub fn scroll_shift(row: (f64, f64), tab: (f64, f64)) -> f64 {
    if tab.0 < row.0 {
        tab.0 - row.0 - MARGIN
    } else if tab.1 > row.1 {
        tab.1 - row.1 + MARGIN
    } else {
        0.0
    }
}

/// Scrolls the tab list `list` so that its tab number `selected` (among its
/// `[role=tab]` elements) is in view, whenever the selection changes.
#[hook]
pub fn use_tab_in_view(list: &NodeRef, selected: usize) {
    let list = list.clone();
    use_effect_with(selected, move |&selected| {
        let Some(list) = list.cast::<HtmlElement>() else {
            return;
        };
        let tab = list
            .query_selector_all("[role=tab]")
            .ok()
            .and_then(|all| all.item(selected as u32))
            .and_then(|n| n.dyn_into::<HtmlElement>().ok());
        if let Some(tab) = tab {
            let (row, t) = (
                list.get_bounding_client_rect(),
                tab.get_bounding_client_rect(),
            );
            let shift = scroll_shift((row.left(), row.right()), (t.left(), t.right()));
            if shift != 0.0 {
                list.set_scroll_left(list.scroll_left() + shift as i32);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tab_outside_the_row_is_scrolled_in_with_room_beside_it() {
        let row = (100.0, 400.0);
        assert_eq!(scroll_shift(row, (150.0, 250.0)), 0.0, "inside");
        assert_eq!(scroll_shift(row, (60.0, 140.0)), -56.0, "cut on the left");
        assert_eq!(scroll_shift(row, (380.0, 450.0)), 66.0, "cut on the right");
    }
}
