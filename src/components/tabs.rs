//! Category tabs with counts.

use crate::messages::{tab_label, Lang};
use crate::query::CategoryCount;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CategoryTabsProps {
    /// Categories with items, in display order.
    pub counts: Rc<Vec<CategoryCount>>,
    /// Number of items in all categories.
    pub total: usize,
    /// The selected category (`None`: 全部).
    pub active: Option<Rc<str>>,
    pub on_select: Callback<Option<Rc<str>>>,
}

/// "全部 6 · 生态环保 2 · …": a tab per category that has items.
#[function_component(CategoryTabs)]
pub fn category_tabs(props: &CategoryTabsProps) -> Html {
    let m = use_context::<Lang>().unwrap_or_default().messages();
    let tab = |name: Option<Rc<str>>, label: String, count: usize| {
        let selected = props.active == name;
        let on_select = props.on_select.clone();
        let key = name
            .as_deref()
            .map_or_else(|| "\u{0}all".to_string(), str::to_string);
        html! {
            <button
                key={key}
                type="button"
                role="tab"
                part={if selected { "tab tab-active" } else { "tab" }}
                class={classes!("db-tab", selected.then_some("db-tab-active"), (count == 0).then_some("db-tab-empty"))}
                aria-selected={if selected { "true" } else { "false" }}
                onclick={move |_| on_select.emit(name.clone())}
            >
                { label }
            </button>
        }
    };
    html! {
        <div class="db-tabs" role="tablist" part="tabs" aria-label={m.categories_label}>
            { tab(None, tab_label(m.all, props.total), props.total) }
            { for props.counts.iter().map(|c| tab(Some(c.name.clone()), tab_label(&c.name, c.count), c.count)) }
        </div>
    }
}
