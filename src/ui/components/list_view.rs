//! The list and everything that narrows it: search, filters, tabs, the
//! result count, the rows, and 加载更多.

use super::unique_id;
use super::{
    bulletin_list, load_more, result_bar, status, Ambient, CategoryTabs, FilterBar, LoadMoreProps,
    SearchBox, StatusKind,
};
use crate::app::i18n::filters_button;
use crate::app::query::Filter;
use crate::app::state::PageLoad;
use crate::ui::hooks::{Actions, Derived};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ListViewProps {
    pub derived: Derived,
    pub filter: Filter,
    /// Rows rendered (pages × page size, plus the rows refreshes added).
    pub limit: usize,
    /// The feed has older pages on the server, and where fetching one stands.
    pub older: bool,
    pub paging: PageLoad,
    /// The search box takes the focus when mounted.
    #[prop_or_default]
    pub search_focused: bool,
    /// The filter panel is open (narrow widgets).
    #[prop_or_default]
    pub filters_open: bool,
    pub actions: Rc<Actions>,
}

/// Search and filters, tabs, count, rows, more.
#[function_component(ListView)]
pub fn list_view(props: &ListViewProps) -> Html {
    let ambient = use_context::<Rc<Ambient>>().unwrap_or_default();
    let (lang, no_filters) = (ambient.lang, ambient.config.no_filters);
    let m = lang.messages();
    let (a, view, filter) = (&props.actions, &props.derived.view, &props.filter);
    let visible = view.visible.clone();
    let panel = use_memo((), |_| AttrValue::from(unique_id("db-filters")));
    let on_toggle = a.on_toggle_filters.reform(|_: MouseEvent| ());
    html! {
        <>
            if !no_filters {
                <div class="db-searchbar">
                    <SearchBox value={AttrValue::from(filter.query.clone())} on_input={a.on_query.clone()}
                        focused={props.search_focused} />
                    // On a narrow widget the panel waits behind this button.
                    <button type="button" class="db-filter-toggle" aria-controls={(*panel).clone()}
                        aria-expanded={if props.filters_open { "true" } else { "false" }} onclick={on_toggle}>
                        { filters_button(lang, filter.panel_count()) }
                    </button>
                </div>
                <FilterBar
                    id={(*panel).clone()}
                    open={props.filters_open}
                    departments={view.departments.clone()}
                    all_departments={view.all_departments}
                    department={filter.department.clone()}
                    range={filter.range}
                    sort={filter.sort}
                    actions={a.clone()}
                />
            }
            <CategoryTabs
                counts={view.categories.clone()}
                total={view.all_categories}
                active={filter.category.clone()}
                on_select={a.on_select.clone()}
            />
            if !no_filters {
                { result_bar(lang, visible.len(), filter.is_active(), &a.on_clear) }
            }
            if visible.is_empty() {
                { status(StatusKind::Empty(if filter.is_active() { m.no_results } else { m.empty_category }), &a.on_retry, m) }
            } else {
                { bulletin_list(&ambient, &props.derived.items, &visible, props.limit, &props.derived.query, &a.on_open) }
            }
            { load_more(lang, LoadMoreProps {
                remaining: visible.len().saturating_sub(props.limit),
                older: props.older,
                status: &props.paging,
                on_more: &a.on_more,
                on_older: &a.on_older,
            }) }
        </>
    }
}
