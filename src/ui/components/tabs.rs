//! Category tabs with counts: an ARIA tablist with arrow-key navigation.

use super::Ambient;
use crate::app::i18n::tab_label;
use crate::app::query::CategoryCount;
use crate::ui::hooks::use_tab_in_view;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CategoryTabsProps {
    /// Categories in display order, counts reflecting the other filters.
    pub counts: Rc<Vec<CategoryCount>>,
    /// Results over all categories (with the other filters).
    pub total: usize,
    /// The selected category (`None`: 全部).
    pub active: Option<Rc<str>>,
    pub on_select: Callback<Option<Rc<str>>>,
}

/// "全部 6 · 生态环保 2 · …". One tab is in the Tab order (the selected
/// one); ←/→ (and ↑/↓, Home, End) move between tabs and select, as the ARIA
/// tabs pattern has it. Wide: the tabs wrap; narrow: one scrolling row.
#[function_component(CategoryTabs)]
pub fn category_tabs(props: &CategoryTabsProps) -> Html {
    let m = use_context::<Rc<Ambient>>()
        .unwrap_or_default()
        .lang
        .messages();
    let list_ref = use_node_ref();
    let names: Vec<Option<Rc<str>>> = std::iter::once(None)
        .chain(props.counts.iter().map(|c| Some(c.name.clone())))
        .collect();
    let selected = names.iter().position(|n| *n == props.active).unwrap_or(0);
    use_tab_in_view(&list_ref, selected);

    let onkeydown = {
        let (names, on_select, list_ref) =
            (names.clone(), props.on_select.clone(), list_ref.clone());
        move |e: KeyboardEvent| {
            let last = names.len().saturating_sub(1);
            let to = match e.key().as_str() {
                "ArrowRight" | "ArrowDown" => {
                    if selected >= last {
                        0
                    } else {
                        selected + 1
                    }
                }
                "ArrowLeft" | "ArrowUp" => {
                    if selected == 0 {
                        last
                    } else {
                        selected - 1
                    }
                }
                "Home" => 0,
                "End" => last,
                _ => return,
            };
            e.prevent_default();
            if let Some(name) = names.get(to) {
                on_select.emit(name.clone());
            }
            // Focus follows the selection.
            let tab = list_ref
                .cast::<web_sys::Element>()
                .and_then(|l| l.query_selector_all("[role=tab]").ok())
                .and_then(|all| all.item(to as u32))
                .and_then(|n| n.dyn_into::<HtmlElement>().ok());
            if let Some(tab) = tab {
                let _ = tab.focus();
            }
        }
    };

    let tab = |i: usize, name: Option<Rc<str>>, label: String, count: usize| {
        let is_selected = i == selected;
        let on_select = props.on_select.clone();
        let key = name
            .as_deref()
            .map_or_else(|| "\u{0}all".to_string(), str::to_string);
        html! {
            <button
                key={key}
                type="button"
                role="tab"
                tabindex={if is_selected { "0" } else { "-1" }}
                part={if is_selected { "tab tab-active" } else { "tab" }}
                class={classes!("db-tab", is_selected.then_some("db-tab-active"), (count == 0).then_some("db-tab-empty"))}
                aria-selected={if is_selected { "true" } else { "false" }}
                onclick={move |_| on_select.emit(name.clone())}
            >
                { label }
            </button>
        }
    };
    html! {
        <div class="db-tabs" role="tablist" part="tabs" aria-label={m.categories_label} ref={list_ref} {onkeydown}>
            { tab(0, None, tab_label(m.all, props.total), props.total) }
            { for props.counts.iter().enumerate().map(|(i, c)| tab(i + 1, Some(c.name.clone()), tab_label(&c.name, c.count), c.count)) }
        </div>
    }
}
